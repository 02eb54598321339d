"""Slash commands: /recommend, /rate, /watched, /profile, /movienight, /import (how: a file is
shared, not typed; bot.slack.importing), /export, /forget.

Each acknowledges at once (Slack allows 3 seconds) and does the work on SlackDeps.work. Replies
that concern only the caller are ephemeral (the command's response_url); picks are posted in
the channel, each its own message, so anyone can react to them.
"""

from __future__ import annotations

import json
import logging
import re

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from agent.service_types import ServiceError, UnknownTitle, forgotten
from agent.typed_stars import FORMS, STARS_RULE
from bot.listing import clip, no_such_page
from bot.slack.blocks import (
    WATCHED_PAGE_SIZE,
    escape,
    forget_confirmation,
    literal,
    movienight_message,
    mrkdwn_message,
    profile_message,
    text_message,
    watched_page,
)
from bot.slack.deps import user_key
from bot.slack.importing import import_how
from bot.slack.posting import add_reactions, post_turn, slack_error, unposted
from bot.slack.talk import OPEN_REQUEST, reporting, request_text, unescape
from bot.slack.titles import act_on_title, split_stars, split_watched

log = logging.getLogger(__name__)

RATE_USAGE = f"Usage: `/rate <title> <stars>`, stars from 0.5 to 5 as {FORMS}, e.g. `/rate Heat 1995 4.5`."
WATCHED_USAGE = (
    "Usage: `/watched add <title>` (optionally with stars and the day you saw it, e.g. `Heat 1995 4 stars` or "
    "`Heat 1995 ★★★★ 2024-05-31`), "
    "`/watched remove <title>` or `/watched list [page]`."
)
MOVIENIGHT_USAGE = "Name the others with @, e.g. `/movienight @ana @ben something funny`."
_NUMBER_AT_END = re.compile(r"^(?P<title>.*\S)[\s,]+(?P<number>-?\d+(?:[.,]\d+)?)$")
_YEAR = re.compile(r"(?:18[89]|19\d|20\d)\d")
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_NAMED = re.compile(r"<@(?P<id>[UW][A-Z0-9]+)(?:\|(?P<name>[^>]*))?>|(?<![\w<])@(?P<typed>[\w.\-]+)")


def ephemeral(respond):
    return lambda message: respond(response_type="ephemeral", **message)


def _who(deps, client, command: dict) -> str:
    return deps.user(client, command.get("team_id"), command["user_id"], command.get("channel_id"))


# -- /recommend -------------------------------------------------------------------------------


def recommend(ack, command: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_recommend, context["moviebot"], client, respond, command)


def run_recommend(deps, client, respond, command: dict) -> None:
    """Posts "Looking for films…" in the channel, asks the service with that message's thread
    as the conversation (so follow-ups there continue it), then turns the post into the intro
    and puts the picks in its thread."""
    with reporting(ephemeral(respond), "/recommend"):
        key = _who(deps, client, command)
        asked = request_text(command.get("text") or "")
        name = literal(deps.name_of(key))
        try:
            head = client.chat_postMessage(channel=command["channel_id"], text=f"Looking for films for {name}…")
        except (SlackApiError, OSError) as exc:  # told apart: not invited, rate-limited, Slack down
            log.info("/recommend cannot post in %s: %s", command.get("channel_id"), slack_error(exc) or exc)
            ephemeral(respond)(unposted(exc, 0, 0, what="in this channel"))
            return
        where, thread = head["channel"], head["ts"]
        # the answer takes its turn in the thread's lane, so a "more" typed there meanwhile waits for it
        deps.in_turn(f"{where}:{thread}", answer_recommend, deps, client, respond, key=key, asked=asked, name=name,
                     where=where, thread=thread)  # fmt: skip


def answer_recommend(deps, client, respond, *, key: str, asked: str, name: str, where: str, thread: str) -> None:
    """Asks the service with the head post's thread as the conversation, then turns the head into
    the intro and puts the picks in its thread."""

    def head_or_caller(message: dict) -> None:
        """A failure is told in place of "Looking for films…", or to the caller alone when Slack
        refuses that edit too."""
        try:
            client.chat_update(channel=where, ts=thread, **message)
        except (SlackApiError, OSError):
            ephemeral(respond)(message)

    with reporting(head_or_caller, "/recommend"):
        turn = deps.service.chat(key, asked or OPEN_REQUEST, channel=f"{where}:{thread}", platform="slack")
        if turn.intent == "help":  # "/recommend help" concerns the caller alone
            client.chat_delete(channel=where, ts=thread)
            ephemeral(respond)(text_message(turn.reply))
            return
        deps.threads.add(f"{where}:{thread}")
        asked_line = f"*For {name}*" + (f": “{literal(asked)}”" if asked else "")
        first = turn.intro if turn.recommendations else turn.reply
        try:
            client.chat_update(channel=where, ts=thread, **mrkdwn_message(f"{asked_line}\n{escape(first)}"))
            headed = True
        except (SlackApiError, OSError) as exc:  # the head still says "Looking for films…": the answer's
            log.info("/recommend cannot update %s:%s: %s", where, thread, slack_error(exc) or exc)  # words
            headed = False  # go in its thread instead, rather than the picks never showing
        if turn.recommendations or not headed:

            def headline(message: dict) -> None:  # the head announced picks: none came, it says why
                said = f"{asked_line}\n{message['text']}"
                client.chat_update(channel=where, ts=thread, **mrkdwn_message(said))

            post_turn(deps, client, turn, user=key, conversation=f"{where}:{thread}", channel=where,
                      thread_ts=thread, privately=ephemeral(respond), intro=not headed,
                      headline=headline if headed else None)  # fmt: skip


# -- /rate and /watched -----------------------------------------------------------------------


def rate(ack, command: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_rate, context["moviebot"], client, respond, command)


def run_rate(deps, client, respond, command: dict) -> None:
    reply = ephemeral(respond)
    with reporting(reply, "/rate"):
        text = " ".join(unescape(command.get("text") or "").split())
        title, stars = split_stars(text, required=True)
        if film := deps.service.numbered_film(text):  # "/rate Toy Story 3" rated Toy Story 3 stars
            reply(text_message(f"{film} ends in its number: give its stars after it, e.g. `/rate {text} 4`."))
            return
        if not title or stars is None:
            reply(text_message(stars_refused(text) or stars_asked(deps.service, text) or RATE_USAGE))
            return
        key = _who(deps, client, command)
        reply(act_on_title(deps.service, key, {"op": "rate", "stars": stars}, title))  # "8/10" read by the service


def stars_refused(text: str) -> str | None:
    """Why a number after the title is no rating ("/rate Heat 1995 11" answered only the usage, as if
    no stars were given); None when the text ends in no such number, or in a year ("/rate Heat 1995")."""
    match = _NUMBER_AT_END.match(text)
    if match is None or _YEAR.fullmatch(match["number"]):
        return None
    return (f"“{clip(match['number'], 20)}” is no rating for {clip(match['title'], 60)}: {STARS_RULE} "
            f"(or {FORMS}), e.g. `/rate Heat 1995 4.5`.")  # fmt: skip


def stars_asked(service, text: str) -> str | None:
    """How many stars, when the text is one film's title and nothing more: "/rate The Dark Knight" got
    only the usage, as if the film had not been understood."""
    try:
        film = service.resolve(text).label if text else None
    except ServiceError:  # unknown or ambiguous: the usage says how to write a rating
        return None
    return film and (f"How many stars for {film}? Give them after the title, 0.5 to 5 as {FORMS}, "
                     f"e.g. `/rate {clip(text, 60)} 4`.")  # fmt: skip


def watched(ack, command: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_watched, context["moviebot"], client, respond, command)


def run_watched(deps, client, respond, command: dict) -> None:
    reply = ephemeral(respond)
    with reporting(reply, "/watched"):
        verb, _, rest = unescape(command.get("text") or "").strip().partition(" ")
        verb, rest = verb.lower(), rest.strip()
        if verb == "list":
            reply(watched_list_page(deps.service.watched_list(_who(deps, client, command)), rest))
        elif verb == "add" and rest:
            title, stars, day = split_watched(rest)
            request = {"op": "watched_add", **({"stars": stars} if stars is not None else {}),
                       **({"on": day} if day is not None else {})}  # fmt: skip
            try:
                reply(act_on_title(deps.service, _who(deps, client, command), request, title))
            except UnknownTitle as exc:
                reply(text_message(exc.sentence + (stars_hint(rest) if stars is None else "")))
        elif verb == "remove" and rest:
            reply(act_on_title(deps.service, _who(deps, client, command), {"op": "watched_remove"}, rest))
        else:
            reply(text_message(WATCHED_USAGE))


def watched_list_page(items: list, asked: str) -> dict:
    """ "/watched list 2": the page asked for (from 1), or why there is none."""
    if not asked or not items:
        return watched_page(items, 0)
    if not asked.isdigit():
        return text_message(f"`/watched list` takes a page number, like `/watched list 2`, not “{clip(asked, 40)}”.")
    why_not = no_such_page(int(asked), len(items), WATCHED_PAGE_SIZE)
    return text_message(why_not) if why_not else watched_page(items, int(asked) - 1)


def stars_hint(text: str) -> str:
    """How to give stars with `/watched add`, when a bare number after the title may have been meant
    as stars: "/watched add Se7en 5" was only "No film called 'Se7en 5'; did you mean: Se7en (1995)?"
    (a bare number may be the title's own, as in Ocean's 11, so it is not read as stars)."""
    title, stars = split_stars(text, required=True)
    if stars is None or not _ratable(stars):  # "Rocky 6" is a sequel: 6 stars would be refused
        return ""
    return f" If {stars} is your rating, write `/watched add {title} {stars} stars` or `/rate {title} {stars}`."


def _ratable(stars: str) -> bool:
    """Stars a rating takes: 0.5 to 5 in steps of 0.5 (a number typed as such, not "8/10")."""
    try:
        value = float(stars)
    except ValueError:
        return False
    return 0.5 <= value <= 5 and (value * 2).is_integer()


# -- /profile ---------------------------------------------------------------------------------


def profile(ack, command: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_profile, context["moviebot"], client, respond, command)


def run_profile(deps, client, respond, command: dict) -> None:
    """The summary comes back only to the caller; the chart, a file, goes to their direct
    messages with the bot (a file cannot be ephemeral)."""
    reply = ephemeral(respond)
    with reporting(reply, "/profile"):
        if someone := someone_else(command):
            reply(
                text_message(
                    f"I show each person only their own profile, so not {someone}'s: their taste is "
                    "theirs to share (they can run `/profile` themselves). `/profile` alone shows yours."
                )
            )
            return
        key = _who(deps, client, command)
        summary = deps.service.profile(key)
        chart = None if summary.is_empty else deps.service.profile_chart(key, deps.names.get(key))
        note = ""
        if chart:
            note = upload_chart(client, command, chart, deps.names.get(key))
        reply(profile_message(summary, note))


def someone_else(command: dict) -> str | None:
    """Who "/profile @bob" names when it is not the caller ("@bob", or "<@U2|bob>" when Slack escapes
    it): the command showed the caller's own profile as if it were theirs."""
    caller = {command.get("user_id"), command.get("user_name")}
    for match in _NAMED.finditer(command.get("text") or ""):
        name = match["name"] or match["typed"]
        if match["id"] not in caller and name not in caller:
            return f"@{name}" if name else "someone else"
    return None


def upload_chart(client, command: dict, chart: bytes, name: str | None) -> str:
    """Uploads the chart to the caller's DM with the bot; a note saying where it went (or not)."""
    channel = command.get("channel_id") or ""
    try:
        if not channel.startswith("D"):
            channel = client.chat_postMessage(channel=command["user_id"], text="Your taste chart, from /profile:")[
                "channel"
            ]
        client.files_upload_v2(channel=channel, content=chart, filename="taste.png",
                               title=f"{name}'s movie taste" if name else "Your movie taste")  # fmt: skip
    except (SlackApiError, OSError) as exc:  # refused, or the connection dropped: the summary still shows
        log.info("uploading a taste chart failed: %s", slack_error(exc) or exc)
        return "I couldn't upload your taste chart."
    return "Your taste chart is in our direct messages." if channel != command.get("channel_id") else ""


# -- /movienight ------------------------------------------------------------------------------


def movienight(ack, command: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_movienight, context["moviebot"], client, respond, command)


def run_movienight(deps, client, respond, command: dict) -> None:
    """One film none of them has seen, posted in the channel with a reason for each person."""
    reply = ephemeral(respond)
    with reporting(reply, "/movienight"):
        text = command.get("text") or ""
        team, channel, caller = command.get("team_id"), command["channel_id"], command["user_id"]
        mentioned = list(dict.fromkeys(m.group(1) for m in _MENTION.finditer(text)
                                       if m.group(1) not in (caller, deps.bot_user_id)))  # fmt: skip
        labels = {m.group(1): m.group(2) for m in _MENTION.finditer(text) if m.group(2)}
        if not mentioned:
            reply(text_message(MOVIENIGHT_USAGE))
            return
        keys = []
        for user_id in [caller, *mentioned]:
            key = deps.user(client, team, user_id, channel)
            if not deps.names.get(key) and labels.get(user_id):
                deps.names[key] = labels[user_id]
            keys.append(key)
        request = request_text(text)
        turn = deps.service.group_pick(keys, text=request, count=1, platform="slack", channel=channel)
        if not turn.recommendations:
            reply(text_message(turn.reply))
            return
        names = [deps.name_of(key) for key in keys]
        for pick in turn.recommendations:
            reasons = [(deps.name_of(k), r) for k, r in (pick.get("per_person") or {}).items() if r]
            message = movienight_message(pick, names, reasons, hint=pick.get("suggestion_id") is not None)
            try:
                posted = client.chat_postMessage(channel=channel, **message)
            except (SlackApiError, OSError) as exc:
                log.info("/movienight cannot post in %s: %s", channel, slack_error(exc) or exc)
                reply(unposted(exc, 1, 0, what="the pick"))
                return
            if pick.get("suggestion_id") is not None:
                deps.service.attach_message(pick["suggestion_id"], f"{posted['channel']}:{posted['ts']}")
                add_reactions(client, posted["channel"], posted["ts"])


# -- /export ----------------------------------------------------------------------------------

NOTHING_TO_EXPORT = "I have nothing stored about you, so there is nothing to export."
EXPORT_NAME = "moviebot-export.json"


def export(ack, command: dict, respond, client, context) -> None:
    ack()
    context["moviebot"].later(run_export, context["moviebot"], client, respond, command)


def run_export(deps, client, respond, command: dict) -> None:
    """Everything kept about the caller, as the file `moviebot user export` writes: /forget deleted it
    all, yet only the terminal and the HTTP API handed it over. A file cannot be ephemeral, so it
    goes to the caller's direct messages with the bot, as the /profile chart does."""
    reply = ephemeral(respond)
    with reporting(reply, "/export"):
        stored = deps.service.export(user_key(command.get("team_id"), command["user_id"]))
        if stored.get("user") is None and not any(v for v in stored.values() if isinstance(v, list)):
            reply(text_message(NOTHING_TO_EXPORT))
            return
        held = forgotten({what: len(rows) for what, rows in stored.items() if isinstance(rows, list)})
        channel = command.get("channel_id") or ""
        try:
            if not channel.startswith("D"):
                channel = client.chat_postMessage(channel=command["user_id"], text="Your data, from /export:")[
                    "channel"
                ]
            client.files_upload_v2(channel=channel, content=json.dumps(stored, ensure_ascii=False, indent=1),
                                   filename=EXPORT_NAME, title="Everything moviebot keeps about you")  # fmt: skip
        except (SlackApiError, OSError) as exc:
            log.info("uploading an export failed: %s", slack_error(exc) or exc)
            reply(text_message("I couldn't upload your data to our direct messages; nothing was changed. Try again."))
            return
        where = "above" if channel == command.get("channel_id") else "in our direct messages"
        reply(text_message(f"Everything I keep about you ({held or 'only your user record'}) is {where}, "
                           f"as {EXPORT_NAME}. Send that file back to me in a direct message to bring back its "
                           "ratings, watched films and dismissed films, here or on another moviebot."))  # fmt: skip


# -- /forget ----------------------------------------------------------------------------------


def forget(ack, command: dict) -> None:
    """Asks first, in the acknowledgement itself (no slow work to wait for); the button
    (listeners.actions) does the deleting."""
    ack(response_type="ephemeral", **forget_confirmation())


def register(app: App) -> None:
    app.command("/recommend")(recommend)
    app.command("/rate")(rate)
    app.command("/watched")(watched)
    app.command("/profile")(profile)
    app.command("/movienight")(movienight)
    app.command("/import")(import_how)
    app.command("/export")(export)
    app.command("/forget")(forget)
