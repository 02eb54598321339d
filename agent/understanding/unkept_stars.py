"""Numbers given to a film as its rating that no rating can be: "I rated Heat 4 and The Matrix 11"
noted Heat and said nothing of The Matrix; "I'd give heat -3" kept 3 stars."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.stars import GIVE
from agent.understanding.text import normalise_message
from agent.understanding.title_lists import ends_in_numbered_title

# a number that ends what is said of a film: "The Matrix 11", "heat 11 stars"; not "ocean's 11 a 4"
_NUMBER = re.compile(
    r"(?<![\w.\-])(?P<n>-?\d+(?:\.\d+)?)(?![\w.])(?=\s*(?:$|[,;.!?]|and\b|but\b|&|stars?\b|/|out\s+of\b))"
)
_COUNT = re.compile(r"\s*(?:more|others?|movies?|films?|picks?|minutes?|mins?|years?|%)")
_YEAR = re.compile(r"(?:18[89]\d|19\d\d|20\d\d)")  # "rated heat 1995 a 4": the film's year


def unkept_stars(message: str, lookup: CatalogLookup) -> list[str]:
    """The numbers said after "rated"/"gave" that cannot be stars (above 10, or negative), as typed:
    a film's own number ("ocean's 11"), a year and a count are none."""
    lowered = normalise_message(message)
    if (given := GIVE.search(lowered)) is None:
        return []
    unkept = []
    for m in _NUMBER.finditer(lowered, given.end()):
        value = float(m["n"])
        if 0 <= value <= 10 or _YEAR.fullmatch(m["n"]) or _COUNT.match(lowered, m.end()):
            continue
        if not ends_in_numbered_title(lowered[given.end() : m.end()], lookup):
            unkept.append(m["n"])
    return list(dict.fromkeys(unkept))


def unkept_note(message: str, lookup: CatalogLookup) -> str:
    """ " 11 isn't a rating I can keep: say 1 to 5 stars, or out of 10." """
    unkept = unkept_stars(message, lookup)
    if not unkept:
        return ""
    if len(unkept) == 1:
        return f" {unkept[0]} isn't a rating I can keep: say 1 to 5 stars, or out of 10."
    return f" {' and '.join(unkept)} aren't ratings I can keep: say 1 to 5 stars, or out of 10."
