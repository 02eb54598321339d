"""Events API listeners: mentions (one sharing a file imports it), reactions on picks, and the App Home tab.

Each acknowledges at once (Bolt acks events before the listener runs) and hands the slow part
to SlackDeps.work. Bolt drops the bot's own events, so the reactions it pre-adds count for no one.
"""

from __future__ import annotations

import logging

from slack_bolt import App

from agent.reactions import reaction_meaning
from bot.slack.blocks import REACTED_TO_SEVERAL, home_view, text_message
from bot.slack.deps import user_key
from bot.slack.importing import asks_import, import_shared
from bot.slack.talk import conversation_of, converse

log = logging.getLogger(__name__)


def app_mention(event: dict, client, context) -> None:
    if event.get("bot_id") or event.get("subtype") == "bot_message":
        return  # another app mentioning the bot: answering could start two bots talking forever
    deps = context["moviebot"]
    channel, ts = event.get("channel"), event.get("ts")
    if not channel or not ts or not event.get("user") or not deps.answered.add(f"{channel}:{ts}"):
        return  # a repeat delivery, or already answered as a DM message
    is_dm = event.get("channel_type") == "im" or channel.startswith("D")
    if event.get("files") and asks_import(event.get("text") or ""):  # "@moviebot import" and a file: a history
        deps.in_turn(
            conversation_of(channel, ts, event.get("thread_ts"), is_dm), import_shared, deps, client,
            team=context.get("team_id") or event.get("team"), user_id=event["user"], channel=channel, ts=ts,
            thread_ts=event.get("thread_ts"), files=event["files"], is_dm=is_dm,
        )  # fmt: skip
        return
    deps.in_turn(
        conversation_of(channel, ts, event.get("thread_ts"), is_dm), converse, deps, client,
        team=context.get("team_id") or event.get("team"), user_id=event["user"], channel=channel, ts=ts,
        thread_ts=event.get("thread_ts"), text=event.get("text") or "", is_dm=is_dm,
    )  # fmt: skip


def reaction_added(event: dict, client, context) -> None:
    on_reaction(event, client, context, added=True)


def reaction_removed(event: dict, client, context) -> None:
    on_reaction(event, client, context, added=False)


def on_reaction(event: dict, client, context, *, added: bool) -> None:
    item = event.get("item") or {}
    if item.get("type") != "message" or not event.get("user") or not event.get("reaction"):
        return
    deps = context["moviebot"]
    if event.get("item_user") and deps.bot_user_id and event["item_user"] != deps.bot_user_id:
        return  # a reaction on someone else's message: none of ours, and nobody to remember
    deps.later(
        apply_reaction, deps, client, team=context.get("team_id"), user_id=event["user"], channel=item["channel"],
        message_ts=item["ts"], reaction=event["reaction"], added=added, event_ts=event.get("event_ts"),
    )  # fmt: skip


def apply_reaction(deps, client, *, team, user_id, channel, message_ts, reaction, added, event_ts):
    """Blocking: in order per (message, reactor, reaction), then the service's ledger decides. The
    reactor is registered (name, workspace) only once a reaction turned out to be on a pick."""
    reactor = user_key(team, user_id)
    outcome = deps.reactions.apply(channel=channel, message_ts=message_ts, reactor=reactor, reaction=reaction,
                                   added=added, event_ts=event_ts)  # fmt: skip
    if outcome is None and added and reaction_meaning(reaction):
        thread = deps.service.several_picks_thread("slack", f"{channel}:{message_ts}")
        if thread is not None:
            say_not_counted(client, channel=channel, user_id=user_id, message_ts=message_ts, thread_ts=thread or None)
    if outcome is not None:
        deps.user(client, team, user_id)
    if outcome is not None and outcome.recorded:
        log.info("reaction %s %s by %s on %s:%s (%s)", reaction, "added" if added else "removed", reactor,
                 channel, message_ts, outcome.movie_id)  # fmt: skip
    return outcome


def say_not_counted(client, *, channel: str, user_id: str, message_ts: str, thread_ts: str | None = None) -> None:
    """A rating reaction on a message of several picks means no one film: the reactor alone is
    told so, and how to rate them instead, rather than left believing it counted; in the picks'
    thread, where they are looking, not in the channel below."""
    where = {"thread_ts": thread_ts} if thread_ts else {}
    try:
        client.chat_postEphemeral(channel=channel, user=user_id, **where, **text_message(REACTED_TO_SEVERAL))
    except Exception as exc:  # Slack refused or was unreachable: the hint under the picks still says it
        log.warning("could not tell %s that a reaction on %s:%s was not counted: %s", user_id, channel, message_ts,
                    exc)  # fmt: skip


def app_home_opened(event: dict, client, context) -> None:
    if event.get("tab") != "home" or not event.get("user"):
        return
    deps = context["moviebot"]
    deps.later(publish_home, deps, client, team=context.get("team_id"), user_id=event["user"])


def publish_home(deps, client, *, team, user_id) -> None:
    """The user's taste summary, recent ratings and watched count, fresh each time the tab opens."""
    try:
        key = deps.user(client, team, user_id)
        view = home_view(deps.service.profile(key), deps.service.watched_list(key))
        client.views_publish(user_id=user_id, view=view)
    except Exception:
        log.exception("publishing the Home tab for %s failed", user_id)


def register(app: App) -> None:
    app.event("app_mention")(app_mention)
    app.event("reaction_added")(reaction_added)
    app.event("reaction_removed")(reaction_removed)
    app.event("app_home_opened")(app_home_opened)
