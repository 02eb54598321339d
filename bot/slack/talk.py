"""Chat turns: what a user typed, read as plain text, becomes a service turn answered in the
request's thread (bot.slack.posting puts the picks up); plus the one error path every listener
shares. All of it blocks and runs on SlackDeps.work, after ack().
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from agent.service import ServiceError
from bot.slack.blocks import text_message
from bot.slack.posting import Reply, post_turn, tell

if TYPE_CHECKING:
    from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side while doing that. Please try again in a moment."
OPEN_REQUEST = "recommend me a good movie"

_USER = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!([^>|]*)(?:\|([^>]*))?>")
_LINK = re.compile(r"<([^>|]+)(?:\|([^>]*))?>")
_IMDB_TITLE = re.compile(r"^https?://(?:(?:www|m)\.)?imdb\.com/title/tt\d{7,8}\b")
# *bold*, _italic_, ~strike~ around words, and `code` or ```code``` anywhere
_EMPHASIS = re.compile(r"(?<!\w)([*_~])(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`{1,3}([^`]*)`{1,3}")


def request_text(text: str) -> str:
    """What a user typed, as plain text for the service, as the terminal would have it.

    Mentions are dropped, the bot's and other people's alike: a colleague's name is no wish
    ("@Wes, what do you think of a western?" must not ask for Wes Anderson). Broadcasts go too,
    links become their label (a bare link goes, except an IMDb title link, which the recommender
    reads as the film), formatting marks are taken off ("like *Heat*" names Heat) and Slack's
    &amp; escapes are undone."""
    text = _USER.sub(" ", text or "")
    text = _CHANNEL.sub(lambda m: f"#{m.group(1)}" if m.group(1) else "a channel", text)
    text = _SPECIAL.sub(lambda m: m.group(2) or "", text)
    text = _LINK.sub(_link_text, text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    return " ".join(unescape(text).split())


def unescape(text: str) -> str:
    """Slack sends &, < and > typed by a user as &amp;, &lt; and &gt;, commands' text included."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _link_text(link: re.Match) -> str:
    url, label = link.group(1), link.group(2)
    if label:
        return f" {label} "
    return f" {url} " if _IMDB_TITLE.match(url) else " "


@contextmanager
def reporting(reply: Reply, what: str) -> Iterator[None]:
    """A ServiceError is shown to the user as it is; anything else is logged and gets an apology."""
    try:
        yield
    except ServiceError as exc:
        tell(reply, text_message(exc.sentence))
    except Exception:
        log.exception("%s failed", what)
        tell(reply, text_message(SORRY))


def conversation_of(channel: str, ts: str, thread_ts: str | None, is_dm: bool) -> str:
    """The conversation a message belongs to: a whole DM, or one thread of a channel."""
    return channel if is_dm else f"{channel}:{thread_ts or ts}"


def converse(deps: SlackDeps, client, *, team: str | None, user_id: str, channel: str, ts: str,
             thread_ts: str | None, text: str, is_dm: bool) -> None:  # fmt: skip
    """Answers a mention, a DM or a follow-up. In a channel the answer goes in the request's
    thread, each thread its own conversation; a DM is one conversation, answered in it as a
    chat is (in a thread only when the user wrote in one). Everyone in a thread has a
    conversation of their own, which goes on from the thread's last answer, whoever it was for."""
    thread = thread_ts if is_dm else thread_ts or ts
    where = {"channel": channel, **({"thread_ts": thread} if thread else {})}

    def reply(message: dict) -> None:
        client.chat_postMessage(**where, **message)

    with reporting(reply, f"answering {channel}:{ts}"):
        key = deps.user(client, team, user_id, channel)
        request = request_text(text)
        conversation = conversation_of(channel, ts, thread_ts, is_dm)
        following = None if is_dm else deps.service.last_answered("slack", conversation)
        turn = deps.service.chat(key, request, channel=conversation, platform="slack", following=following)
        if not is_dm:
            deps.threads.add(conversation)
        post_turn(deps, client, turn, user=key, conversation=conversation, channel=channel, thread_ts=thread,
                  privately=lambda message: client.chat_postMessage(channel=user_id, **message))  # fmt: skip
