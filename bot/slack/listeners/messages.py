"""Message events: direct messages to the bot (a file shared there is a history to import), and
follow-ups in a thread it answered in ("more like the second one") without mentioning it again.

A message that mentions the bot in a channel is an app_mention and answered there; a message
seen through both events is answered once (SlackDeps.answered). The threads the bot answered
in are remembered in memory; after a restart, Slack's own copy of the thread says whether the
bot took part (one conversations.replies call per unknown thread, remembered either way).
"""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from bot.slack.importing import import_shared
from bot.slack.talk import conversation_of, converse

log = logging.getLogger(__name__)

SENT_TO_CHANNEL_TOO = "thread_broadcast"  # a thread reply also shown in the channel: a reply like any other
FILE_SHARED = "file_share"  # a message with a file: in the app's DM, a history to import


def message(event: dict, client, context) -> None:
    if event.get("subtype") not in (None, SENT_TO_CHANNEL_TOO, FILE_SHARED) or event.get("bot_id"):
        return  # edits, joins, bots (the bot itself included): nothing to answer
    deps = context["moviebot"]
    channel, ts, thread_ts = event.get("channel"), event.get("ts"), event.get("thread_ts")
    if not channel or not ts or not event.get("user"):
        return
    is_dm = event.get("channel_type") == "im"
    if event.get("subtype") == FILE_SHARED:
        if is_dm and event.get("files") and deps.answered.add(f"{channel}:{ts}"):  # in a channel: app_mention
            deps.in_turn(
                conversation_of(channel, ts, thread_ts, is_dm), import_shared, deps, client,
                team=context.get("team_id") or event.get("team"), user_id=event["user"], channel=channel, ts=ts,
                thread_ts=thread_ts, files=event["files"], is_dm=True,
            )  # fmt: skip
        return
    if not is_dm:
        if not thread_ts or thread_ts == ts:
            return
        if deps.bot_user_id and f"<@{deps.bot_user_id}" in (event.get("text") or ""):
            return  # the app_mention listener answers it
        if event.get("parent_user_id") == deps.bot_user_id:
            deps.threads.add(f"{channel}:{thread_ts}")
        thread = f"{channel}:{thread_ts}"
        if thread in deps.strangers and thread not in deps.threads:
            return  # judged none of ours, and not answered in since it was mentioned there
    if not deps.answered.add(f"{channel}:{ts}"):
        return
    deps.in_turn(
        conversation_of(channel, ts, thread_ts, is_dm), follow_up, deps, client,
        team=context.get("team_id") or event.get("team"), user_id=event["user"], channel=channel, ts=ts,
        thread_ts=thread_ts, text=event.get("text") or "", is_dm=is_dm,
    )  # fmt: skip


def follow_up(deps, client, *, channel: str, thread_ts: str | None, is_dm: bool, **message) -> None:
    """Answers a DM, or a thread message when the bot has answered in that thread."""
    thread = f"{channel}:{thread_ts}"
    if not is_dm and thread not in deps.threads:
        if not replied_in(client, channel, thread_ts, deps.bot_user_id):
            deps.strangers.add(thread)
            return
        deps.threads.add(thread)
    converse(deps, client, channel=channel, thread_ts=thread_ts, is_dm=is_dm, **message)


def replied_in(client, channel: str, thread_ts: str, bot_user_id: str | None) -> bool:
    try:
        replies = client.conversations_replies(channel=channel, ts=thread_ts, limit=200)
    except SlackApiError as exc:
        log.info("conversations.replies for %s:%s failed: %s", channel, thread_ts, exc.response.get("error"))
        return False
    return any(m.get("user") == bot_user_id for m in replies.get("messages") or [])


def register(app: App) -> None:
    app.event("message")(message)
