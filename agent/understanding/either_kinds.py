""" "Disney like Brave, and also anime like Kiki's Delivery Service": a studio offered as an alternative
to a language or country. A request holds each filter for every pick, so both were required ("Only 1
film in my catalog fits all of that": Ponyo, a Japanese film Disney distributed). The request cannot
hold "this studio or that language", so neither is asked for, and a caveat says which were left out."""

from __future__ import annotations

import itertools
import re

from agent.prose import prose_list
from agent.understanding.effect import Effect
from agent.understanding.meaning import Reading, extend_unique
from agent.understanding.text import Scan

# what joins alternatives, with anything but a sentence's end or a refusal between: "or", "and also"
_EITHER = re.compile(r"\b(?:or|either|also|as well as|plus)\b")
_APART = re.compile(r"[.!?;]|\b(?:not|no|without|but)\b")


def either_kinds(scan: Scan, reading: Reading) -> None:
    """A studio and a language or country joined as alternatives: both left out, and said so."""
    spans = sorted(reading.kind_spans, key=lambda span: span[:2])
    for (begin, end, first), (start, finish, second) in itertools.pairwise(spans):
        between = scan.text[end:start]
        if not _EITHER.search(between) or _APART.search(between):
            continue
        studio, place = (first, second) if first.studios else (second, first)
        if not studio.studios or studio.languages or studio.countries or not (place.languages or place.countries):
            continue
        _leave_out(reading, studio, place, [scan.original[begin:end], scan.original[start:finish]])


def _leave_out(reading: Reading, studio: Effect, place: Effect, said: list[str]) -> None:
    out = reading.result
    out.studios = [s for s in out.studios if s not in studio.studios]
    out.languages = [code for code in out.languages if code not in place.languages]
    out.countries = [code for code in out.countries if code not in place.countries]
    kinds = [
        "the studio",
        *(["the language"] if place.languages else []),
        *(["the country"] if place.countries else []),
    ]
    named = " or ".join(f"“{words}”" for words in said)
    extend_unique(
        out.caveats,
        [f"I can't ask for {named} as alternatives, only for both at once, so I left out "
         f"{prose_list(kinds)} and went by the rest of what you said."],
    )  # fmt: skip
