""" "Something by P.T. Anderson", "a PT Anderson film", "jj abrams movies": a person called by the
initials of their first names and their surname. Unread, "P.T. Anderson" found no one and "PT
Anderson" was taken to mean Sean Anders; the initials name Paul Thomas Anderson, the one person
here whose first names begin so."""

from __future__ import annotations

import re
from collections.abc import Mapping

from agent.understanding.meaning import extend_unique
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import GAP, Scan
from store.movie import ascii_fold

# two initials, dotted ("p.t.", "P. T.") or run together ("PT", "jj"), then a surname
_INITIALLED = re.compile(
    r"(?<![\w.'-])(?:(?P<a>[a-z])\.\s?(?P<b>[a-z])\.?|(?P<run>[a-z]{2}))(?=\s+(?P<surname>[a-z][a-z'-]+)(?![\w'-]))",
    re.IGNORECASE,
)  # the surname looked ahead to: "by pt anderson" is not "by" and "pt"
_VOWELS = frozenset("aeiouy")
_INDEXES: list[tuple[Mapping[str, str], dict[tuple[str, str], set[str]]]] = []  # per people index


def read_initialled_names(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """Each person named by initials and surname whom only one person here answers to."""
    for m in _INITIALLED.finditer(scan.original):
        run = m["run"]
        if run and not (run.isupper() or not _VOWELS & set(run.casefold())):
            continue  # "an anderson film", "by anderson": words, not initials ("PT", "jj" are)
        initials = ascii_fold(run or m["a"] + m["b"]).casefold()
        named = _index(lookup).get((initials, ascii_fold(m["surname"]).casefold()), set())
        start, end = m.start(), m.end("surname")
        if len(named) != 1 or GAP in scan.text[start:end]:
            continue
        name = next(iter(named))
        extend_unique(out.people, [name])
        scan.take(start, end)
        scan.named[start, end] = name


def _index(lookup: CatalogLookup) -> dict[tuple[str, str], set[str]]:
    """(initials of the first names, surname) -> the people so named: ("pt", "anderson") -> Paul
    Thomas Anderson, ("jj", "abrams") -> J.J. Abrams; built once per people index."""
    people = lookup.people_index()
    if (found := next((index for p, index in _INDEXES if p is people), None)) is not None:
        return found
    index: dict[tuple[str, str], set[str]] = {}
    for name in set(people.values()):
        words = ascii_fold(name).casefold().replace(".", " ").split()
        if len(words) >= 3 or (len(words) == 2 and len(words[0]) == 2 and "." not in name):
            index.setdefault(("".join(w[0] for w in words[:-1]), words[-1]), set()).add(name)
    _INDEXES[:] = [*_INDEXES[-3:], (people, index)]
    return index
