"""An occasion the films are for: "any good valentine's day movies?" names no genre, so it gave
generic picks and never said the occasion went unread; it leans to the kind of film the occasion
calls for (a lean, not a filter: a Valentine's film may be a comedy), and the answer says so."""

from __future__ import annotations

import re

from agent.understanding.request import Understood
from agent.understanding.text import Scan

# each occasion, as typed, and the genre it leans to
_OCCASIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:st\.? |saint )?valentine'?s?(?: day)?\b|\bv-day\b"), "romance"),
)


def lean_to_occasions(scan: Scan, out: Understood) -> None:
    """Lean to the genre of an occasion named outside a title ("Valentine's Day (2010)" is a film),
    unless a genre is already asked for ("a valentine's horror film" is horror)."""
    if out.genres or out.any_genres:
        return
    for pattern, genre in _OCCASIONS:
        if pattern.search(scan.text) and genre not in out.soft_genres:
            out.soft_genres.append(genre)
