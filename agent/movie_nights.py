"""Movie nights asked for in chat, as a conversation: "movie night with @ann and @bob", then "more"
for another pick for the same people. Kept out of agent.service, which only routes a chat turn here.

The night is kept in the speaker's conversation (the graph's checkpointed state, beside the last
search), so "more" after it gave more picks for the speaker alone, from their earlier conversation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.group import log_group_picks, recommend_for_group
from agent.group_chat import named_company
from agent.understanding.intents import classify
from store.profiles import split_user_key

if TYPE_CHECKING:
    from agent.recommender import Recommender

NIGHT = "movie_night"  # the state key: {"members", "request", "names", "shown"}
# "something we can all watch", "a movie for all of us", "for the two of us", "we want to watch":
# a pick for people the message does not name, so not for the speaker alone
_UNNAMED_COMPANY = re.compile(
    r"\b(?:we|us)\s+(?:can|could|should|would|all|both|might|may|want\s+to|wanna)\b.{0,20}\bwatch"
    r"|\b(?:all|both|each|the\s+(?:two|three|four|five|six|lot|rest))\s+of\s+us\b|\bfor\s+us(?:\s+all|\s+both)?\b"
    r"|\bwatch\s+together\b|\bus\s+to\s+watch\b",
    re.I,
)
_SLASH_PLATFORMS = ("discord", "slack")
# what "more" says, looked for before the conversation is read: most turns are no "more"
_MORE = re.compile(r"\b(?:more|another|next|else|again|others?)\b", re.I)
# "more, but funnier" changes the request: the speaker's own turn, not the night's next pick
_CHANGED = re.compile(r"\b(?:but|with|without|less|funnier|scarier|newer|older|shorter|longer)\b", re.I)


def unnamed_company(text: str, user: str) -> str | None:
    """A note for picks asked for several people the message does not name ("something we can all
    watch"): they go by the speaker's taste alone, and how to get one for everyone. The picks still
    come: "a comedy for us tonight" and "something we can watch with the kids" ask for films."""
    if not _UNNAMED_COMPANY.search(text or "") or "@" in (text or ""):
        return None
    if split_user_key(user)[0] in _SLASH_PLATFORMS:
        return "I picked these for you alone; for a film none of you has seen, use /movienight."
    return ("I picked these for you alone; for a film none of you has seen, name who's watching, like "
            "“movie night with @ann and @bob”.")  # fmt: skip


def movie_night_turn(recommender: Recommender, user: str, text: str, *, channel: str | None, platform: str,
                     remember: bool) -> dict | None:  # fmt: skip
    """The answer when the turn is a movie night (started, or "more" after one); None for a turn of
    the speaker's own, which ends any movie night it follows unless it only speaks of the films shown
    (agent.nodes.understand)."""
    deps = recommender.deps
    if company := named_company(text, user, deps.catalog, deps.today.year):  # "movie night with @bo"
        members, request = company
        night = {"members": members, "request": request, "names": _typed_names(text, members), "shown": []}
        return _pick(recommender, user, night, channel=channel, platform=platform, remember=remember)
    if not remember or not _MORE.search(text) or _CHANGED.search(text):  # the graph's turn
        return None
    night = recommender.remembered(user, channel, NIGHT)
    if night and classify(text, deps.catalog, has_previous=True).intent == "more":
        return _pick(recommender, user, night, channel=channel, platform=platform, remember=remember)
    return None


def _pick(recommender: Recommender, user: str, night: dict, *, channel: str | None, platform: str,
          remember: bool) -> dict:  # fmt: skip
    deps = recommender.deps
    result = recommend_for_group(deps, night["members"], night["request"], 1, names=night["names"],
                                 exclude=set(night["shown"]))  # fmt: skip
    log_group_picks(deps, user, platform, channel, night["request"], result["recommendations"])
    if remember:
        picked = [rec["id"] for rec in result["recommendations"]]
        update: dict = {NIGHT: {**night, "shown": [*night["shown"], *picked]}}
        if picked:  # the list just shown is what "the first one", "that one" and "why?" point at next
            update.update(_as_last_answer(recommender, user, channel, result["picks"]))
        recommender.remember(user, channel, update)
    return {**result, "intent": "group"}


def _as_last_answer(recommender: Recommender, user: str, channel: str | None, picks: list[dict]) -> dict:
    """The night's picks kept as the conversation's last answer, as the graph's reply keeps its own:
    "I've seen the second one" after a movie night pointed at the speaker's own list before it."""
    before = recommender.remembered(user, channel, "last_picks") or []
    earlier = [p["id"] for p in before] or list(recommender.remembered(user, channel, "earlier_picks") or [])
    return {"last_picks": picks, "earlier_picks": earlier, "shown": [p["id"] for p in picks], "focus": None,
            "listed": []}  # fmt: skip


def _typed_names(text: str, members: list[str]) -> dict[str, str]:
    """Each member as the message spelt them ("@Ghost" is "Ghost"), to be named back so."""
    typed = {}
    for name in re.findall(r"@([\w.-]*\w)", text):
        for member in members:
            if member.rpartition(":")[2] == name.casefold():
                typed.setdefault(member, name)
    return typed
