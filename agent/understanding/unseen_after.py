"""A film named, then said unseen: "Ronin? never heard of it", "Heat - never seen it". The "?" after
the title made the message a question, read before "never heard of" was, so it recommended 47 Ronin;
the film is acknowledged as new to the user, as "never heard of Ronin" is."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.versions import same_title

_MAX_TYPED_WORDS = 6
# "Ronin? never heard of it", "Heat - never seen it", "Alien. haven't watched that one"
_TITLE_THEN_UNSEEN = re.compile(
    r"^\W*(?P<title>[^?!.,;:\s][^?!;:]*?)\s*(?:\?+|!+|[.,;:]|\s[-–—]+)\s*"
    r"(?:(?:i|i'?ve|i\s+have|honestly|nope|no|hmm+|um+)[\s,]+)*"
    r"(?:never|not|haven'?t|have\s+not|hadn'?t|didn'?t|never\s+ever)\s+(?:even\s+|ever\s+|yet\s+)?"
    r"(?:heard\s+of|seen|watched|saw|see|watch)\s+(?:it|that|that\s+one|this\s+one|this)(?:\s+(?:yet|before))?\W*$",
    re.IGNORECASE,
)


def titled_then_unseen(text: str, lookup: CatalogLookup) -> str | None:
    """The catalog id of the film typed whole before the words saying it is unseen, or None."""
    said = _TITLE_THEN_UNSEEN.match(text.strip())
    typed = said["title"].strip(" \"'“”") if said else ""
    if not typed or len(typed.split()) > _MAX_TYPED_WORDS:
        return None
    match = lookup.resolve_title(typed)
    return match.movie_id if match is not None and same_title(typed, match.title) else None
