"""Message events: direct messages to the bot, and follow-ups in a thread it answered in
("more like the second one") without mentioning it again.

A message that mentions the bot in a channel is an app_mention and answered there; a message
seen through both events is answered once (SlackDeps.answered).
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.talk import converse


def message(event: dict, client, context) -> None:
    if event.get("subtype") or event.get("bot_id") or not event.get("user"):
        return  # edits, joins, bots (the bot itself included): nothing to answer
    deps = context["moviebot"]
    channel, ts, thread_ts = event.get("channel"), event.get("ts"), event.get("thread_ts")
    if not channel or not ts:
        return
    is_dm = event.get("channel_type") == "im"
    if not is_dm:
        if not thread_ts or thread_ts == ts:
            return
        if deps.bot_user_id and f"<@{deps.bot_user_id}" in (event.get("text") or ""):
            return  # the app_mention listener answers it
        started = f"{channel}:{thread_ts}" in deps.threads or event.get("parent_user_id") == deps.bot_user_id
        if not started:
            return
    if not deps.answered.add(f"{channel}:{ts}"):
        return
    deps.later(
        converse, deps, client, team=context.get("team_id") or event.get("team"), user_id=event["user"],
        channel=channel, ts=ts, thread_ts=thread_ts, text=event.get("text") or "", is_dm=is_dm,
    )  # fmt: skip


def register(app: App) -> None:
    app.event("message")(message)
