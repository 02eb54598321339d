"""A film's sequels, as the catalog can tell them: the later films of its series (the titles that
carry on its title, or the title it carries on: store.catalog.Catalog.series_of) and a later film
of its title made plural with someone of it ("Aliens" after "Alien"). The catalog records no
collections or release dates, so a sequel under another name is not found, a film of the same
year is not called later, and the answer says how it looked."""

from __future__ import annotations

import re

from agent.prose import prose_list
from store.catalog import Catalog, continues
from store.movie import Movie


def sequels_of(movie_id: str, catalog: Catalog) -> tuple[list[Movie], list[Movie]]:
    """The films of this film's series released after it, and those of its year, oldest first."""
    movie = catalog.movies[movie_id]
    if movie.year is None:
        return [], []
    series = set()
    for root in {movie_id} | _roots(movie, catalog):
        series |= catalog.series_of(root) | _plural_sequels(catalog.movies[root], catalog)
    films = sorted((catalog.movies[m] for m in series - {movie_id}), key=lambda m: (m.year or 0, m.title))
    return [m for m in films if (m.year or 0) > movie.year], [m for m in films if m.year == movie.year]


def _roots(movie: Movie, catalog: Catalog) -> set[str]:
    """The films whose titles this one carries on: The Matrix for The Matrix Reloaded, Star Wars for
    The Empire Strikes Back (as "Star Wars: Episode V - ...")."""
    found = set()
    for title in (t.casefold() for t in movie.titles):
        for word in re.finditer(r"[\w'.&-]+", title):
            head = title[: word.end()]
            if word.end() < len(title) and continues(title, head):
                found |= {m for m in catalog.titled(head) if head in (t.casefold() for t in catalog.movies[m].titles)}
    return found


def _plural_sequels(movie: Movie, catalog: Catalog) -> set[str]:
    """ "Aliens" after "Alien": its title plus an s, sharing its director or one of its three leads
    (a plural title alone may be another story altogether)."""
    plural = f"{movie.title}s".casefold()
    made_by = set(movie.directors) | set(movie.cast[:3])
    return {
        other.id
        for m in catalog.titled(plural)
        if (other := catalog.movies[m]).title.casefold() == plural
        and made_by & (set(other.directors) | set(other.cast[:3]))
    }


def sequels_said(movie_id: str, catalog: Catalog) -> str:
    """ "Later films of The Dark Knight (2008)'s series in my catalog: The Dark Knight Rises (2012).",
    or that it has none."""
    movie = catalog.movies[movie_id]
    later, same_year = sequels_of(movie_id, catalog)
    alongside = f" {prose_list([m.label for m in same_year])} came out the same year." if same_year else ""
    if later:
        titles = prose_list([m.label for m in later])
        return f"Later films of {movie.label}'s series in my catalog: {titles}.{alongside}"
    if same_year:
        return f"My catalog has no later film of {movie.label}'s series.{alongside}"
    return (
        f"My catalog has no sequel to {movie.label}: no later film carries its title on. "
        f'Say "something like {movie.title}" for films like it.'
    )
