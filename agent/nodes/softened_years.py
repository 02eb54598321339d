""" "older" then "not so old": the user steps back part of the way, to films newer than the older picks
but not past the newest of the answer before them. Read as plain "newer", the era lost its upper bound
("from 1994 on"), and the films of the first answer's years and later came back."""

from __future__ import annotations

import re

from agent.deps import Deps
from agent.state import State
from agent.understanding.request import Request

# "not so old", "not that old", "not as old", "less old" (not "not as old as the first one": against a film)
_SOFTENED = re.compile(r"\b(?:not\s+(?:so|as|that|too)|less)\s+old\b(?!\s+as\b)")


def soften_older(message: str, request: Request, previous: Request | None, state: State, deps: Deps) -> None:
    """After an "older" answer (an upper year bound and no lower one), "not so old" keeps an upper bound:
    before the newest film of the answer before it, when that leaves a span at all."""
    if not _SOFTENED.search(message.lower()) or not previous:
        return
    if previous.get("year_max") is None or previous.get("year_min") is not None or request.get("year_min") is None:
        return
    before = [deps.catalog.movies[i].year for i in state.get("earlier_picks") or [] if i in deps.catalog]
    years = [y for y in before if y]
    if years and max(years) - 1 >= request["year_min"]:
        request["year_max"] = max(years) - 1
