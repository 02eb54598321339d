"""A series' films named by their places in it: "I've seen the first two rocky movies" marked the first
two picks of an earlier answer (Fight Club) as watched, and said so, where it meant Rocky and Rocky II.
The places are read as the films of the series in release order, named in the message as their titles
and years, so every reader takes them as films named (as an IMDb link is read as its title)."""

from __future__ import annotations

import re

from agent.prose import prose_list
from agent.sequels import series_films, series_meant
from agent.understanding.like_series import series_first
from agent.understanding.sequels import names_a_person
from agent.understanding.titles import explained
from agent.understanding.versions import same_title
from store.catalog import Catalog

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_PLACES = re.compile(
    r"\b(?:the\s+)?(?P<end>first|last)\s+(?P<n>two|three|four|five|[2-5])\s+"
    r"(?P<words>[a-z0-9][\w'&-]*(?:\s+[a-z0-9][\w'&-]*){0,4}?)\s+(?:movies|films)\b",
    re.IGNORECASE,
)


def series_places_as_titles(message: str, catalog: Catalog) -> str:
    """The message with "the first two rocky movies" written "Rocky (1976) and Rocky II (1979)", where the
    words begin the titles of a series of at least that many films; as it was otherwise."""

    def titles(m: re.Match[str]) -> str:
        words = m["words"].casefold()
        match = catalog.resolve_title(words)
        titled = match is not None and same_title(words, match.title)  # "alien" is a theme and a film
        if (explained(words.split()) and not titled) or names_a_person(words, catalog):
            return m[0]  # "the first two horror films", "the first two nolan films": no series
        first = catalog.movies[match.movie_id] if titled else series_first(words, catalog)
        films = series_films(series_meant(first.id, catalog)[0], catalog) if first is not None else []
        n = _COUNTS[m["n"].casefold()]
        if len(films) < n:
            return m[0]
        chosen = films[:n] if m["end"].casefold() == "first" else films[-n:]
        return prose_list([f.label for f in chosen])

    return _PLACES.sub(titles, message)
