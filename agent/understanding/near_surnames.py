"""A prominent person's first name spelt right, then their surname a letter or two off ("Will Ferrel",
"Jennifer Lawrance"). The full-name reader (misspelt.closest_person) leaves a first name that is also an
everyday word ("will", "mark", "may") alone, so these are read here, and only when the surname typed is
no word of the catalog (no film's title, synopsis or credit uses it) and one person alone is that near."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from rapidfuzz.distance import OSA

from store.movie import ascii_fold
from store.surnames import Surname

MIN_LETTERS = 4  # "Will Ferel" a letter off is still one person; "Tom Ha" is anyone

_CACHED: list[tuple[Mapping[str, Surname], dict[str, list[tuple[str, str]]]]] = []  # per surname index


def _by_first_name(surnames: Mapping[str, Surname]) -> dict[str, list[tuple[str, str]]]:
    """First name -> (surname key, name) of each prominent person (the surname index's), once per index."""
    for index, built in _CACHED:
        if index is surnames:
            return built
    built: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, surname in surnames.items():
        words = ascii_fold(surname.name).casefold().split()
        if " " not in key and len(words) >= 2:
            built[words[0]].append((key, surname.name))
    _CACHED[:] = [*_CACHED[-3:], (surnames, dict(built))]
    return built


def _reach(typed: str, key: str) -> int:
    """How many edits `typed` may be from the surname `key`: two from 5 letters; one under 5, or two when
    the surname opens with the same two letters ("Tom Hanx" is Tom Hanks: two edits at its end)."""
    return 2 if len(typed) >= 5 or typed[:2] == key[:2] else 1


def near_surname(first: str, typed: str, surnames: Mapping[str, Surname], known: frozenset[str]) -> str | None:
    """The one prominent person called `first` whose surname is within reach of `typed` (see _reach),
    the nearest winning; None when `typed` is a word of the catalog or a
    surname itself (another real person), or when no one or several are as near."""
    first, typed = ascii_fold(first).casefold(), ascii_fold(typed).casefold()
    if len(typed) < MIN_LETTERS or typed in known or typed in surnames:
        return None
    hits: dict[int, set[str]] = defaultdict(set)
    for key, name in _by_first_name(surnames).get(first, ()):
        if (distance := OSA.distance(typed, key, score_cutoff=2)) <= _reach(typed, key):
            hits[distance].add(name)
    nearest = hits[min(hits)] if hits else set()
    return nearest.pop() if len(nearest) == 1 else None
