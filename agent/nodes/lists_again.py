""" "back to the first list", "show me the first ones again": the user wants the films they were shown
then, not new ones of that search. Each subject the conversation leaves is kept with the picks it was
answered with, so going back to it can list those same films again, and say that it does."""

from __future__ import annotations

import re

from agent.deps import Deps
from agent.understanding.request import Request

PICKS_SHOWN = "picks_shown"  # the key an earlier subject keeps its answer's picks under
AGAIN_NOTE = "These are the films of my earlier list again, as you asked."

# "back to the first list", "the first ones again", "show me the original picks again"
_FIRST_LIST = re.compile(
    r"\bback\s+to\s+(?:the|my|your)\s+(?:very\s+)?(?:first|original|initial)\s+(?:list|ones|picks|films|movies)\b"
    r"|\b(?:the|my|your)\s+(?:very\s+)?(?:first|original|initial|earlier)\s+(?:list|ones|picks|suggestions)\s+again\b"
)


def kept_with_picks(request: Request, last_picks: list[dict]) -> Request:
    """A subject left behind, with the ids of the picks it was answered with."""
    return {**request, PICKS_SHOWN: [p["id"] for p in last_picks]}


def without_picks(request: Request) -> Request:
    """The subject as a request again: the picks it kept are not part of what was asked."""
    return {k: v for k, v in request.items() if k != PICKS_SHOWN}


def first_list_again(message: str, earlier: list[Request]) -> tuple[Request, list[str]] | None:
    """The conversation's first subject and the films it was answered with, when the message asks
    for that list again and those films are known."""
    if not earlier or not _FIRST_LIST.search(message.lower()):
        return None
    first = earlier[-1]
    picks = list(first.get(PICKS_SHOWN) or [])
    return ({**without_picks(first), "caveats": [], "unknown_titles": []}, picks) if picks else None


def listed_again(ids: list[str], excluded: set[str], deps: Deps) -> dict:
    """retrieve's answer for an earlier list asked for again: its films, less any the profile has since
    excluded (seen, disliked, dismissed), and nothing else."""
    kept = [i for i in ids if i in deps.catalog and i not in excluded]
    candidates = [{"id": i, "relevance": 1.0, "quality": deps.catalog.quality(i)} for i in kept]
    fitting = {"all": len(kept), "fresh": len(kept), "again": 0}
    return {"candidates": candidates, "fitting": fitting, "best_known": [], "debug": {"repeated": len(kept)}}


def in_listed_order(candidates: list, ids: list[str]) -> list[tuple]:
    """rank's choice for an earlier list asked for again: every one of its films, in the order shown then."""
    order = {movie_id: place for place, movie_id in enumerate(ids)}
    return [(c, 1.0) for c in sorted((c for c in candidates if c.movie_id in order), key=lambda c: order[c.movie_id])]
