"""Posting answers: a chat turn becomes an intro in the request's thread, then one message per
pick (so a reaction means one film) with the rating reactions pre-added; plus the one error
path every listener shares. All of it blocks and runs on SlackDeps.work, after ack().
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError

from agent.service import ServiceError, Turn
from bot.slack.blocks import REACTION_NAMES, pick_message, text_message

if TYPE_CHECKING:
    from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side while doing that. Please try again in a moment."
OPEN_REQUEST = "recommend me a good movie"
NOT_IN_CHANNEL = (
    "I can't post in this conversation. Invite me with `/invite @moviebot` (or your name for me), "
    "or send me a direct message."
)

_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!([^>|]*)(?:\|([^>]*))?>")
_LINK = re.compile(r"<([^>|]+)(?:\|([^>]*))?>")
Reply = Callable[[dict], object]


def request_text(text: str, bot_user_id: str | None, names: Callable[[str], str | None] = lambda _: None) -> str:
    """What a user typed, as plain text for the service: the bot's own mention dropped, other
    mentions as names, broadcasts dropped, links as their label, Slack's &amp; escapes undone."""

    def person(match: re.Match) -> str:
        if match.group(1) == bot_user_id:
            return " "
        return match.group(2) or names(match.group(1)) or "someone"

    text = _USER.sub(person, text or "")
    text = _CHANNEL.sub(lambda m: f"#{m.group(1)}" if m.group(1) else "a channel", text)
    text = _SPECIAL.sub(lambda m: m.group(2) or "", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


@contextmanager
def reporting(reply: Reply, what: str) -> Iterator[None]:
    """A ServiceError is shown to the user as it is; anything else is logged and gets an apology."""
    try:
        yield
    except ServiceError as exc:
        _send(reply, text_message(exc.sentence))
    except Exception:
        log.exception("%s failed", what)
        _send(reply, text_message(SORRY))


def _send(reply: Reply, message: dict) -> None:
    try:
        reply(message)
    except Exception as exc:
        log.warning("could not tell the user about a failure: %s", exc)


def conversation_of(channel: str, ts: str, thread_ts: str | None, is_dm: bool) -> str:
    """The conversation a message belongs to: a whole DM, or one thread of a channel."""
    return channel if is_dm else f"{channel}:{thread_ts or ts}"


def converse(deps: SlackDeps, client, *, team: str | None, user_id: str, channel: str, ts: str,
             thread_ts: str | None, text: str, is_dm: bool) -> None:  # fmt: skip
    """Answers a mention, a DM or a follow-up, in the thread of the request. A DM is one
    conversation; in a channel, each thread is its own."""
    thread = thread_ts or ts

    def reply(message: dict) -> None:
        client.chat_postMessage(channel=channel, thread_ts=thread, **message)

    with reporting(reply, f"answering {channel}:{ts}"):
        key = deps.user(client, team, user_id, channel)
        request = request_text(text, deps.bot_user_id, lambda uid: deps.names.get(f"slack:{team}:{uid}"))
        conversation = conversation_of(channel, ts, thread_ts, is_dm)
        turn = deps.service.chat(key, request, channel=conversation, platform="slack")
        deps.threads.add(f"{channel}:{thread}")
        post_turn(deps, client, turn, channel=channel, thread_ts=thread)


def post_turn(deps: SlackDeps, client, turn: Turn, *, channel: str, thread_ts: str, intro: bool = True) -> list[str]:
    """Posts an answer in a thread: the intro, then each pick as its own message, attached to its
    suggestion so reactions find it, then the reactions. The timestamps of the pick messages."""
    if not turn.recommendations:
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **text_message(turn.reply))
        return []
    if intro and turn.intro.strip():
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **text_message(turn.intro))
    posted = []
    for position, pick in enumerate(turn.recommendations, 1):
        answer = client.chat_postMessage(channel=channel, thread_ts=thread_ts, **pick_message(pick, position=position))
        posted.append((answer["channel"], answer["ts"]))
        if pick.get("suggestion_id") is not None:
            deps.service.attach_message(pick["suggestion_id"], f"{answer['channel']}:{answer['ts']}")
    for where, ts in posted:
        add_reactions(client, where, ts)
    return [ts for _, ts in posted]


def add_reactions(client, channel: str, ts: str) -> None:
    """The rating choices under a pick; the bot's own reactions are ignored when they come back."""
    for name in REACTION_NAMES:
        try:
            client.reactions_add(channel=channel, timestamp=ts, name=name)
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error == "already_reacted":
                continue
            log.warning("could not add reactions to %s:%s: %s", channel, ts, error)
            return
