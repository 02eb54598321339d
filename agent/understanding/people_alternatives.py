"""People offered as alternatives ("Tom Hanks or Meg Ryan", "spielberg, nolan or fincher") need
only one of them in a film: `any_people`. Listed with "and" or commas they all must be."""

from __future__ import annotations

import itertools
import re

from agent.understanding.request import Understood
from agent.understanding.text import Scan

_OR = re.compile(r"\s*,?\s*(?:or|either)\s+(?:maybe\s+|perhaps\s+)?(?:with\s+|by\s+|starring\s+|featuring\s+)?")
_COMMA = re.compile(r"\s*,\s*")


def read_people_alternatives(scan: Scan, out: Understood) -> None:
    """Pass 3e, once people are read and refused: names joined by "or", with the list that ends so."""
    either: list[str] = []
    chain: list[str] = []  # "Hanks, Ryan or Crystal": a list is alternatives if it ends in "or"
    for ((_, end), first), ((start, _), second) in itertools.pairwise(sorted(scan.named.items())):
        between = scan.lowered[end:start]
        joined = _OR.fullmatch(between)
        chain = [*chain, *(n for n in (first, second) if n not in chain)] if joined or _COMMA.fullmatch(between) else []
        if joined:
            either += [n for n in chain if n not in either]
    either = [name for name in either if name in out.people]
    if len(either) >= 2:
        out.any_people = either
        out.people = [name for name in out.people if name not in either]
