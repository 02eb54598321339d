"""Films written as "Title (Year)", the way catalogs and many chats name them (a conversation
handed in whole, as evaluations and batch lines do)."""

from __future__ import annotations

import re

from store.movie import normalise_title

_YEAR_MARK = re.compile(r"\((\d{4})\)")


def titles_with_years(text: str, catalog) -> list[str]:
    """Films written as "Title (Year)", the way catalogs and many chats name them.

    The longest run of words before the year that is exactly a catalog title wins, so
    "I loved Man on Wire (2008)" finds Man on Wire and not Wire.
    """
    found: list[str] = []
    for mark in _YEAR_MARK.finditer(text):
        year = int(mark.group(1))
        words = text[: mark.start()].split()[-8:]
        for start in range(len(words)):
            key = normalise_title(" ".join(words[start:]).strip(" ,;:!?\"'"))
            films = [catalog.movies[m] for m in catalog.ids_for_title(key) if catalog.movies[m].year == year]
            if films:
                best = max(films, key=lambda m: m.votes or 0).id
                if best not in found:
                    found.append(best)
                break
    return found
