"""A year after "like" is a film's title, not a year: "something like 2001" means 2001: A Space
Odyssey, and "like 1917 but shorter" the film 1917, not films from 1917. Where no film has that
title, it is said to be missing rather than read as a year."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique, taken_to_mean
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import Scan
from agent.understanding.versions import same_title

_LIKE_A_NUMBER = re.compile(
    r"\b(?:like|similar\s+to|such\s+as|as\s+good\s+as|reminds\s+me\s+of)\s+(?:the\s+(?:movie|film)\s+)?"
    r"(?P<number>1[89]\d\d|20\d\d)(?!\s*or\s+so\b)(?=\s*(?:$|[,.!?;]|(?:but|or|and|please|though|again|too)\b))"
)

# "nothing older than like 2000", "from like 1990": a filler between a bound and its year
# "released like 2010", "came out like 2015": a year verb too
_BOUND_BEFORE = re.compile(
    r"\b(?:than|before|after|since|from|until|till|to|around|about|circa|in|between|and"
    r"|released|made|came\s+out|out|dated)[\s,]*$"
)
# "like" asks for a film like one only after a request word or at the start ("something like 2001",
# "like 1917 but shorter"); "a drama released like 2010" is a filler before a year
_LIKE_ASKED = re.compile(
    r"(?:^|\b(?:something|anything|stuff|movies?|films?|ones?|flicks?|more|else)"
    r"(?:\s+(?:kinda|kind\s+of|sort\s+of|a\s+bit|a\s+little|just|more|exactly|really))?)[\s,]*$"
)


def read_number_titles(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """Runs before titles are read: a film titled by the number alone is left to them ("like
    2012"); one whose title begins with it is the best known such film, said as taken; with
    none, the number is an unknown title."""
    for m in list(_LIKE_A_NUMBER.finditer(scan.text)):
        number = m["number"]
        before = scan.text[: m.start()]
        if _BOUND_BEFORE.search(before) or (m[0].startswith("like") and not _LIKE_ASKED.search(before)):
            continue
        match = lookup.resolve_title(number)
        if match is not None and same_title(number, match.title):
            continue
        begun = sorted(lookup.titled(number), key=lambda i: -(lookup.movies[i].votes or 0))
        if begun:
            film = lookup.movies[begun[0]]
            extend_unique(out.like_titles, [film.id])
            extend_unique(out.caveats, [taken_to_mean(number, f"{film.title} ({film.year})")])
        else:
            extend_unique(out.unknown_titles, [number])
        scan.take(m.start("number"), m.end("number"), aside=True)
