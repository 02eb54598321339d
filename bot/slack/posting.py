"""Posting an answer's picks: one message per pick (so a reaction means one film), its rating
reactions added as soon as it is up; a long answer ("50 comedies") in a few messages of several
picks instead, rather than fifty messages and 450 reactions flooding the thread.

Slack can refuse a post part-way (rate limits, the bot removed from the channel); the picks it
never showed are withdrawn from the service, so they count as never suggested, and the user is
told plainly what happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError

from agent.service import Turn
from bot.slack.blocks import REACTION_NAMES, pick_message, picks_message, text_message

if TYPE_CHECKING:
    from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

NOT_IN_CHANNEL = (
    "I can't post in this conversation. Invite me with `/invite @moviebot` (or your name for me), "
    "or send me a direct message."
)
OWN_MESSAGES = 10  # up to this many picks, each is its own message, rated by reactions
PICKS_PER_MESSAGE = 10  # a longer answer goes in messages of this many picks, rated in words
UNREACHABLE = ("not_in_channel", "channel_not_found", "is_archived")  # Slack errors no retry will fix
Reply = Callable[[dict], object]


def post_turn(deps: SlackDeps, client, turn: Turn, *, user: str, conversation: str, channel: str,
              thread_ts: str | None, privately: Reply, intro: bool = True,
              headline: Reply | None = None) -> None:  # fmt: skip
    """Posts an answer where the request was (in `thread_ts` when given): the intro, then each
    pick, attached to its suggestion so reactions find it. `privately` reaches the user when the
    conversation itself cannot be posted in; `headline` rewrites the post that already announced
    the picks, so when none of them could be posted it says so there, not under it in a thread."""
    where = {"channel": channel, **({"thread_ts": thread_ts} if thread_ts else {})}

    def post(message: dict) -> dict:
        return client.chat_postMessage(**where, **message)

    if not turn.recommendations:
        post(text_message(turn.reply))
        return
    picks = turn.recommendations
    posted = 0
    try:
        if intro and turn.intro.strip():
            post(text_message(turn.intro))
        if len(picks) <= OWN_MESSAGES:
            for position, pick in enumerate(picks, 1):
                answer = post(pick_message(pick, position=position))
                posted = position  # on screen now, whatever its reactions do
                post_pick(deps, client, answer, pick)
        else:
            for start in range(0, len(picks), PICKS_PER_MESSAGE):
                batch = picks[start : start + PICKS_PER_MESSAGE]
                answer = post(picks_message(batch, first=start + 1))
                posted = start + len(batch)
                # a reaction there is answered in words, in the thread the picks are in
                deps.service.attach_several("slack", f"{answer['channel']}:{answer['ts']}", thread_ts)
    except (SlackApiError, OSError) as exc:
        reason = slack_error(exc) or exc
        log.warning("posting picks in %s stopped after %d of %d: %s", channel, posted, len(picks), reason)
        deps.service.withdraw(user, [p.get("suggestion_id") for p in picks[posted:]], channel=conversation)
        told = unposted(exc, len(picks) - posted, posted)
        if slack_error(exc) in UNREACHABLE:
            tell(privately, told)
        elif not posted and headline is not None:  # "Here are 3 picks" would head nothing
            tell(headline, told, otherwise=privately)
        else:  # where the picks are, or to the user alone when Slack refuses that too
            tell(post, told, otherwise=privately)


def post_pick(deps: SlackDeps, client, answer: dict, pick: dict) -> None:
    """A posted pick is tied to its suggestion and gets its reactions at once, so what is shown
    can be rated even if a later post fails."""
    if pick.get("suggestion_id") is not None:
        deps.service.attach_message(pick["suggestion_id"], f"{answer['channel']}:{answer['ts']}")
    add_reactions(client, answer["channel"], answer["ts"])


def slack_error(exc: Exception) -> str | None:
    return exc.response.get("error") if isinstance(exc, SlackApiError) else None


def unposted(exc: Exception, missing: int, posted: int, *, what: str = "my picks") -> dict:
    """What the user is told when Slack stopped a post, true to what they can see; `what` names
    what never showed when nothing did ("in this channel" when the answer had not begun)."""
    error = slack_error(exc)
    if error in UNREACHABLE:
        return text_message(NOT_IN_CHANNEL)
    reason = f"Slack said: {error}" if error else "Slack could not be reached"
    if not posted:
        return text_message(f"I couldn't post {what} ({reason}). Please ask again in a moment.")
    rest = "the other pick" if missing == 1 else f"the other {missing} picks"
    return text_message(f'I couldn\'t post {rest} ({reason}). Say "more" to try again.')


def tell(reply: Reply, message: dict, *, otherwise: Reply | None = None) -> None:
    """Sends news of a failure, through `otherwise` when `reply` fails; if even that fails, it is
    logged rather than raised over the first."""
    try:
        reply(message)
    except Exception as exc:
        if otherwise is not None:
            tell(otherwise, message)
            return
        log.warning("could not tell the user about a failure: %s", exc)


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
        except OSError as exc:  # a dropped connection: the pick is up all the same, rated by words or /rate
            log.warning("could not add reactions to %s:%s: %s", channel, ts, exc)
            return
