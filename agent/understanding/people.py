"""Pass 2: people, by full name, from the catalog's people index."""

from __future__ import annotations

import re
from collections.abc import Mapping

from agent.understanding.meaning import extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import Scan
from store.movie import ascii_fold

# --- pass 2: people ----------------------------------------------------------------------------

_NAME_SPAN = re.compile(r"[^\W\d_]+(?:[ .'-]+[^\W\d_]+)*\.?")


_FOLDED_CACHE: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}


class People:
    """The catalog's people index, also reachable without accents ("penelope cruz").

    The accent-free aliases are built once per index object (one pass over its names), not
    per request; an index the catalog rebuilds is a new object and gets new aliases.
    """

    def __init__(self, index: Mapping[str, str]):
        self.index = index
        cached = _FOLDED_CACHE.get(id(index))
        if cached is None or cached[0] is not index:
            aliases: dict[str, str] = {}
            for key, name in index.items():
                if not key.isascii():
                    aliases.setdefault(ascii_fold(key), name)
            if len(_FOLDED_CACHE) >= 8:
                _FOLDED_CACHE.clear()
            cached = _FOLDED_CACHE[id(index)] = (index, aliases)
        self.aliases = cached[1]

    def get(self, key: str) -> str | None:
        key = key[:-2] if key.endswith("'s") else key
        name = self.index.get(key) or self.aliases.get(key)
        if name is None and not key.isascii():
            name = self.index.get(key.casefold()) or self.aliases.get(ascii_fold(key))
        return name


def read_people(scan: Scan, people: People, out: Understood) -> None:
    """Full names only: surnames alone ("Stone", "Black") collide with too many ordinary words."""
    toks = scan.tokens()
    i = 0
    while i < len(toks):
        for n in range(min(6, len(toks) - i), 1, -1):
            first, last = toks[i], toks[i + n - 1]
            if not (first.is_word and last.is_word):
                continue
            raw = scan.text[first.start : last.end]
            if not _NAME_SPAN.fullmatch(raw):
                continue
            name = people.get(" ".join(raw.split()))
            if name:
                extend_unique(out.people, [name])
                scan.take(first.start, last.end)
                i += n
                break
        else:
            i += 1
