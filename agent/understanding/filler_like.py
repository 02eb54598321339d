""" "Like" as filler, not a cue for a title: "horror, like max 100 minutes", "a comedy, like 2 hours",
"something like maybe Heat". Read as a cue, "like max" found the film Max (2015) and "like maybe"
hid the title after it."""

from __future__ import annotations

import re

from agent.understanding.text import Scan

_AMOUNT = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|half\s+an?)\s*(?:h|hrs?|hours?|mins?|minutes?)\b"
_BOUND = (
    r"(?:max|maximum|min|minimum|tops|at\s+most|at\s+least|up\s+to|under|over|about|around|roughly|approximately"
    r"|approx|less\s+than|more\s+than|no\s+more\s+than|no\s+longer\s+than|no\s+shorter\s+than)"
)
# "like" before a length, or before a bound and a number: the bound is no film ("Max")
_LIKE_AN_AMOUNT = re.compile(rf"\blike(?=\s+(?:{_BOUND}\s+(?:\d|an?\s|one\b|two\b|three\b|half\b)|{_AMOUNT}))")
# "like Heat, max 2 hours": the comma ends the list of titles, so "max" is no second film
_BOUND_AFTER_COMMA = re.compile(rf"\blike\s[^.!?]*?\w(?P<comma>[,;])(?=\s*{_BOUND}\s+\d)")
# "like maybe Heat": the hedge goes, the cue stays
_HEDGE_AFTER_LIKE = re.compile(r"(?<=\blike)\s+(?:maybe|perhaps|probably|possibly|say|um+|uh+|idk)(?=\s+\w)")


def drop_filler_likes(scan: Scan) -> None:
    for m in list(_LIKE_AN_AMOUNT.finditer(scan.text)):
        scan.blank(m.start(), m.end())
    for m in list(_BOUND_AFTER_COMMA.finditer(scan.text)):
        scan.take(m.start("comma"), m.end("comma"))
    for m in list(_HEDGE_AFTER_LIKE.finditer(scan.text)):
        scan.blank(m.start(), m.end())
