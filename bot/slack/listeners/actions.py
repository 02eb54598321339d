"""Buttons: choosing among ambiguous titles, paging the watched list, confirming /forget.

Each click is acknowledged at once; the answer replaces the ephemeral message the button was on.
"""

from __future__ import annotations

import json
import logging
import re

from slack_bolt import App

from agent.service import InvalidInput
from bot.slack.blocks import (
    CHOICE_ACTION,
    FORGET_CANCEL_ACTION,
    FORGET_CONFIRM_ACTION,
    WATCHED_PAGE_ACTION,
    forgotten_message,
    text_message,
    watched_page,
)
from bot.slack.talk import reporting
from bot.slack.titles import OPS, perform

log = logging.getLogger(__name__)


def replacing(respond):
    return lambda message: respond(replace_original=True, response_type="ephemeral", **message)


def _clicker(deps, client, body: dict) -> str:
    user = body.get("user") or {}
    team = user.get("team_id") or (body.get("team") or {}).get("id")
    channel = (body.get("channel") or {}).get("id")
    return deps.user(client, team, user["id"], channel)


def _value(body: dict) -> str:
    return ((body.get("actions") or [{}])[0]).get("value") or ""


def title_choice(ack, body: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_title_choice, context["moviebot"], client, respond, body)


def run_title_choice(deps, client, respond, body: dict) -> None:
    reply = replacing(respond)
    with reporting(reply, "a title choice"):
        try:
            request = json.loads(_value(body))
        except ValueError:
            request = {}
        if not isinstance(request, dict) or request.get("op") not in OPS or not request.get("movie"):
            raise InvalidInput("That button has expired; run the command again.")
        reply(perform(deps.service, _clicker(deps, client, body), request, request["movie"]))


def watched_page_click(ack, body: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_watched_page, context["moviebot"], client, respond, body)


def run_watched_page(deps, client, respond, body: dict) -> None:
    reply = replacing(respond)
    with reporting(reply, "paging the watched list"):
        page = int(_value(body)) if _value(body).isdigit() else 0
        reply(watched_page(deps.service.watched_list(_clicker(deps, client, body)), page))


def forget_confirm(ack, body: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_forget, context["moviebot"], client, respond, body)


def run_forget(deps, client, respond, body: dict) -> None:
    reply = replacing(respond)
    with reporting(reply, "/forget"):
        reply(forgotten_message(deps.service.forget(_clicker(deps, client, body))))


def forget_cancel(ack, respond, context) -> None:
    ack()
    context["moviebot"].later(replacing(respond), text_message("Nothing was deleted."))


def register(app: App) -> None:
    app.action(re.compile(rf"^{CHOICE_ACTION}_\d+$"))(title_choice)
    app.action(re.compile(rf"^{WATCHED_PAGE_ACTION}_(newer|older)$"))(watched_page_click)
    app.action(FORGET_CONFIRM_ACTION)(forget_confirm)
    app.action(FORGET_CANCEL_ACTION)(forget_cancel)
