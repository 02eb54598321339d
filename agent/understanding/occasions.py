"""An occasion the films are for: "any good valentine's day movies?" names no genre, so it gave
generic picks and never said the occasion went unread; it leans to the kind of film the occasion
calls for (a lean, not a filter: a Valentine's film may be a comedy), and the answer says so.

"I have a date!" named no film either, yet its "date" found Date Night and Date Movie (rated 3.6) by
their titles: a date is an occasion too, whose words are no title's, and it leans to light romance and
comedy, said as a lean ("For a date, I leaned to romantic comedies.")."""

from __future__ import annotations

import re

from agent.understanding.request import Understood
from agent.understanding.text import Scan

# a date the speaker has or goes on ("I have a date tonight", "got a hot date", "my date and I", "a date
# tomorrow"), never a day ("out of date", "the release date", "a date in 1990") nor a film named so (a title
# read before this pass is taken already)
_A_DATE = re.compile(
    r"\b(?:(?:have|has|had|got|having|'ve|planning|plan|going\s+on|go\s+on|with)\s+(?:got\s+)?(?:a|an)\s+"
    r"(?:(?:hot|big|dinner|movie|first|second|romantic|cozy|cosy|fun|little)\s+)?date"
    r"|\b(?:my|our)\s+(?:(?:first|second|hot)\s+)?date"
    r"|\ba\s+date\s+(?=(?:tonight|tomorrow|later|this\s+(?:evening|weekend)|on\s+\w+day)\b))"
    r"(?!\s*(?:of|in|from|range|stamp)\b)"
)
DATE_LEAN = "For a date, I leaned to romantic comedies."
# each occasion, as typed, and the genres it leans to
_OCCASIONS: tuple[tuple[re.Pattern[str], tuple[str, ...], str], ...] = (
    (re.compile(r"\b(?:st\.? |saint )?valentine'?s?(?: day)?\b|\bv-day\b"), ("romance",), ""),
    (_A_DATE, ("romance", "comedy"), DATE_LEAN),
)


def lean_to_occasions(scan: Scan, out: Understood) -> None:
    """Lean to the genres of an occasion named outside a title ("Valentine's Day (2010)" is a film),
    unless a genre is already asked for ("a valentine's horror film" is horror); a date's words are set
    aside either way, as no film is searched for by them."""
    asked = bool(out.genres or out.any_genres)
    for pattern, genres, said in _OCCASIONS:
        found = pattern.search(scan.text)
        if found is None:
            continue
        if said:
            scan.take(found.start(), found.end(), aside=True)
        if asked:
            continue
        out.soft_genres.extend(g for g in genres if g not in out.soft_genres)
        if said and said not in out.caveats:
            out.caveats.append(said)
