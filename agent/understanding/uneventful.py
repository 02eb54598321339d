"""A film "where nothing happens" ("a slow movie where not much happens") asks for a slow-burn film:
its words are all stopwords, so unread they left an empty request answered with popular blockbusters
and no note. Only where the clause ends there: "a movie where nothing happens to the dog" asks no
such thing."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import Scan

_UNEVENTFUL = re.compile(
    r"\b(?:nothing|not much|nothing much|not a lot|very little|hardly anything|not a whole lot)\s+"
    r"(?:really\s+|much\s+|ever\s+|actually\s+)?(?:happens|is happening|happening|goes on|is going on|going on)"
    r"(?:\s+(?:in it|at all|really|plot wise))?"
    r"(?=\s*(?:$|[,.!?;:)]|\b(?:and|but|please|pls|just|though|for once)\b))"
)


def read_uneventful(scan: Scan, out: Understood) -> None:
    """ "where nothing happens", "not much happens": a slow-burn film, and the reply says it took it so
    (a catalog that labels no tone says that too); the words are taken, never searched."""
    for m in list(_UNEVENTFUL.finditer(scan.text)):
        extend_unique(out.moods, ["slow-burn"])
        extend_unique(out.caveats, [f'I took "{m.group()}" to mean a slow-burn film.'])
        scan.take(m.start(), m.end(), aside=True)
