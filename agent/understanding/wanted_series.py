"""A film series asked for by the words its titles begin with ("harry potter movies", "all the
indiana jones films"): the catalog holds no film called "Harry Potter", only films whose titles
begin so. Such words are the series, searched for as they stand, never a surname said alone
("harry" is Deborah Harry's, "jones" Tommy Lee Jones's)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from agent.understanding.franchises import MIN_FILMS  # a head fewer films begin with is a title, not a series
from agent.understanding.request import CatalogLookup
from agent.understanding.text import STOPWORDS, Scan
from store.movie import ascii_fold

_WORD = r"[a-z0-9][\w'&-]*"
# the two to four words before "movies", "series"..., or after "all the", "every"
_NAMED = re.compile(
    rf"(?P<words>{_WORD}(?:\s+{_WORD}){{1,3}})\s+(?:movies|films|flicks|series|franchise|saga|trilogy|collection)\b"
    rf"|\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?P<after>{_WORD}(?:\s+{_WORD}){{1,3}})"
)


def read_wanted_series(scan: Scan, lookup: CatalogLookup) -> list[str]:
    """The series named, as typed; their words are taken so that no later pass reads a surname
    in them. Only a head that holds a surname is taken: other words ("star wars") no pass would
    read as a person, and they stay in the query as they are."""
    surnames = lookup.surname_index()
    found: list[str] = []
    for m in list(_NAMED.finditer(scan.text)):
        group = "words" if m["words"] else "after"
        start, words = m.start(group), m[group].split()
        for n in _heads(words, group):
            head = words[n[0] : n[1]]
            if head[-1] in STOPWORDS or head[0] in STOPWORDS or not _holds_surname(head, surnames):
                continue
            if len(lookup.titled(" ".join(head))) < MIN_FILMS:
                continue
            at = start + len(" ".join(words[: n[0]])) + (1 if n[0] else 0)
            end = at + len(" ".join(head))
            found.append(scan.original[at:end])
            scan.take(at, end)
            break
    return found


def _heads(words: list[str], group: str) -> list[tuple[int, int]]:
    """Word ranges to try, longest first: ending at the noun before "movies", starting after "all the"."""
    if group == "words":
        return [(i, len(words)) for i in range(len(words) - 1)]
    return [(0, n) for n in range(len(words), 1, -1)]


def _holds_surname(head: list[str], surnames: Mapping[str, object]) -> bool:
    return any(ascii_fold(w) in surnames for w in head)
