"""A verdict on "that" beside verdicts on films named: "I really like Pretty Woman (1990) I didn't care for
that too much." noted Pretty Woman and dropped the other verdict without a word. "That" is no film named,
and with several picks shown none can be told, so the answer says what was noted and what was not."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.verdicts import titles_blanked, verdict_in

_POINTER = re.compile(r"\b(?:that|this|it)(?: one| movie| film)?\b")


def unplaced_verdict(lowered: str, named: dict[str, str], lookup: CatalogLookup) -> str:
    """The verdict given to "that" after the films named (`named`: each film's verdict) when no named
    film has that verdict, so it is not theirs ("I watched Heat and hated it" judges Heat); "" if none."""
    judged = titles_blanked(lowered, list(named), lookup)
    ends = [m.end() for t in named if (movie := lookup.movies.get(t)) for m in _named(movie.title, lowered)]
    start = max(ends, default=0)
    for pointer in _POINTER.finditer(judged, start):
        found = verdict_in(judged, start, pointer.end())
        if found is not None and found[1] in ("liked", "disliked") and found[1] not in named.values():
            return found[1]
    return ""


def _named(title: str, lowered: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(title.lower())}(?!\w)(?:\s*\(\d{{4}}\))?", lowered))
