"""A film series given as the film to go by ("something like harry potter", "anything like the
hobbit"): the catalog holds no film called "Harry Potter", only films whose titles begin so, and the
words went unread. The picks were the series' own films found by their titles' words, under "I don't
know your taste yet". The series' first film now stands for it, and the reply says so."""

from __future__ import annotations

import re

from agent.understanding.franchises import MIN_FILMS
from agent.understanding.meaning import extend_unique
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import STOPWORDS, Scan

# "something like", "movies similar to", "anything in the vein of": a wish for films like a reference,
# then the series' words up to where the clause ends ("but older", "from the 90s", ",", "?")
_LIKE_SERIES = re.compile(
    r"\b(?:something|anything|films?|movies?|more|stuff|ones?|others?)\s+"
    r"(?:like|similar\s+to|in\s+the\s+vein\s+of)\s+(?P<said>(?:the\s+)?"
    r"(?P<words>[a-z0-9][\w'&-]*(?:\s+[a-z0-9][\w'&-]*){0,3}?))"
    r"(?=\s*(?:$|[,.!?;:)]|\b(?:but|from|with|and|or|please|pls|for|that|only|movies?|films?|series)\b))"
)


def read_like_series(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """The first film (the oldest) of a series named as a reference, with a caveat naming it, when no
    reference was read otherwise and the words begin the titles of several films but are no title."""
    if out.like_titles:
        return
    for m in _LIKE_SERIES.finditer(scan.text):
        head = m["words"]
        words = head.split()
        if words[-1] in STOPWORDS or all(w in STOPWORDS for w in words):
            continue
        if (first := series_first(head, lookup)) is None:
            continue
        said = scan.original[m.start("said") : m.end("said")]
        extend_unique(out.like_titles, [first.id])
        extend_unique(out.caveats, [f"I took “{said}” to mean its series, and went by its first film, {first.label}."])
        scan.take(m.start("said"), m.end("said"))
        return


def series_first(head: str, lookup: CatalogLookup):
    """The first film (the oldest) of the series whose titles begin with these words ("harry potter",
    "the bourne"), or None when fewer than MIN_FILMS titles begin so."""
    films = [lookup.movies[i] for i in lookup.titled(head) if i in lookup.movies]
    if len(films) < MIN_FILMS:
        return None
    return min(_sharing_people(films) or films, key=lambda movie: (movie.year or 9999, movie.title))


def _sharing_people(films: list) -> list:
    """The films that share a lead or director with another of them: the series itself, not a TV film
    of 1988 whose title begins as the Bourne films' do (it went by that one)."""

    def people(movie) -> set[str]:
        return set(movie.directors) | set(movie.cast[:3])

    return [f for f in films if any(people(f) & people(o) for o in films if o is not f)]
