""" "Something from before 1990 or after 2010": either side, not both. Narrowed as one range, the two
bounds left none ("Nothing matched 2011-1989 films") or kept one side only ("from the 90s or after
2010" read from 2011 on). Bounds with nothing in common that "or" joins are read as their union: the
outer range, with the years between them refused, which the filters hold exactly. Era words have no
edge the user drew: "a classic or modern thriller" is any era, not "nothing from 1980-1999"."""

from __future__ import annotations

import re
from itertools import pairwise

from agent.understanding.meaning import Reading, extend_unique

_OR = re.compile(r"\b(?:or|either)\b(?!\s+so\b)")  # not "from 1990 or so"


def either_years(lowered: str, reading: Reading) -> None:
    """The years of `reading` as the union of its bounds, when "or" joins bounds no film can meet at once."""
    spans = reading.year_spans
    if len(spans) < 2 or not _OR.search(lowered) or _overlap(spans):
        return
    out = reading.result
    if not reading.explicit_years:  # "classic or modern", "an old or a recent one": the user minds no era
        out.year_min = out.year_max = None
        return
    merged: list[list[float]] = []
    for low, high in sorted(((low or float("-inf"), high or float("inf")) for low, high in spans)):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    low, high = merged[0][0], merged[-1][1]
    out.year_min = None if low == float("-inf") else int(low)
    out.year_max = None if high == float("inf") else int(high)
    gaps = [[int(a[1]) + 1, int(b[0]) - 1] for a, b in pairwise(merged)]
    extend_unique(out.exclude_years, gaps)


# "the 60s or the 90s", "1990 or 2000", "the 50s and the 80s": the years between are not asked for
_EITHER = re.compile(r"\s*(?:or|either or)\s*(?:the\s+)?")
_BOTH = re.compile(r"\s*(?:and|&|,|,\s*and)\s*(?:the\s+)?")  # of decades only: "between 1990 and 2000" is a range

Span = tuple[int, int, tuple[int, int]]  # where it was said (start, end) and its years


def joined_spans(points: list[Span], text: str, joiner: re.Pattern) -> tuple[list[Span], list[list[int]]]:
    """Year spans said one after another joined into one ("1990 to 2000", "80s and 90s", "60s-70s",
    "between 2005 and 2003" is 2003-2005), and the years a joined span holds that were not said
    ("the 60s or the 90s" is 1960-1999 without 1970-1989), which the filters refuse."""
    spans: list[Span] = []
    gaps: list[list[int]] = []
    for start, end, span in points:
        between = text[spans[-1][1] : start] if spans else ""
        if spans and joiner.fullmatch(between):
            first, _, (low, high) = spans[-1]
            decades = _decade((low, high)) and _decade(span)
            if _EITHER.fullmatch(between) or (decades and _BOTH.fullmatch(between)):
                gaps += _between([(low, high), span])
            spans[-1] = (first, end, (min(low, span[0]), max(high, span[1])))
        else:
            spans.append((start, end, span))
    return spans, gaps


def without_gaps(span: tuple[int, int], gaps: list[list[int]]) -> list[list[int]]:
    """The span in parts, the gaps inside it left out: 1960-1999 without 1970-1989 is the 60s and the 90s."""
    parts, low = [], span[0]
    for gap_low, gap_high in sorted(g for g in gaps if span[0] <= g[0] <= span[1]):
        parts.append([low, gap_low - 1])
        low = gap_high + 1
    return [*parts, [low, span[1]]]


def _decade(span: tuple[int, int]) -> bool:
    return span[1] - span[0] == 9 and span[0] % 10 == 0


def _between(spans: list[tuple[int, int]]) -> list[list[int]]:
    """The years no span holds between the first and the last: [[1970, 1989]] for the 60s and the 90s."""
    merged: list[list[int]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [[a[1] + 1, b[0] - 1] for a, b in pairwise(merged)]


def _overlap(spans: list[tuple[int | None, int | None]]) -> bool:
    """Whether some year meets every bound (then they narrow each other, as "after 1990 before 2000" does)."""
    low = max((s[0] for s in spans if s[0] is not None), default=None)
    high = min((s[1] for s in spans if s[1] is not None), default=None)
    return low is None or high is None or low <= high
