"""Rows of a viewing-history export matched to catalog films: by id where the export gives one,
else by title and year, and never to a film the row's own ids say it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.catalog import title_key
from store.merge import conflicting_ids, listed_twice
from store.movie import TITLE_MATCH_SCORE, Movie, leading_article

if TYPE_CHECKING:
    from store.catalog import Catalog


@dataclass(frozen=True, slots=True)
class Match:
    movie_id: str | None
    how: str  # "id", "imdb", "tmdb", "title", "fuzzy", "ambiguous", "unmatched" or "unknown id"
    alternatives: tuple[str, ...] = ()


class CatalogMatcher:
    """Export rows to catalog ids: IMDb id, else TMDB id, else exact title and year, else a close
    title (resolve_title score >= 90) within a year. Results are memoised, so a 100k-row export
    costs one lookup per distinct film.

    A catalog film with a different IMDb id than the row's is another film, and so is a close
    title with other numbers in it ("Part III" is not "Part II"), unless the two share a TMDB id
    as the catalog merge tells one film listed twice (MovieLens's two Confessions of a Dangerous
    Mind, one TMDB id under two IMDb ids).
    """

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.by_imdb = {m.imdb_id: m.id for m in catalog.movies.values() if m.imdb_id}
        by_tmdb: dict[int, list[str]] = {}
        for movie in catalog.movies.values():
            if movie.tmdb_id:
                by_tmdb.setdefault(movie.tmdb_id, []).append(movie.id)
        self.by_tmdb = {tmdb: ids[0] for tmdb, ids in by_tmdb.items() if len(ids) == 1}
        self._memo: dict[tuple[str | None, int | None, str, int | None], Match] = {}

    def match(self, title: str, year: int | None, imdb_id: str | None = None, tmdb_id: int | None = None) -> Match:
        key = (imdb_id, tmdb_id, title, year)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._match(title, year, imdb_id, tmdb_id)
        return found

    def _match(self, title: str, year: int | None, imdb_id: str | None, tmdb_id: int | None) -> Match:
        if imdb_id and imdb_id in self.by_imdb:
            return Match(self.by_imdb[imdb_id], "imdb")
        movies = self.catalog.movies
        if tmdb_id and tmdb_id in self.by_tmdb:
            movie = movies[self.by_tmdb[tmdb_id]]
            row = Movie(id="", title=title, year=year, imdb_id=imdb_id, tmdb_id=tmdb_id)
            if not conflicting_ids(movie, row) or listed_twice(movie, row):
                return Match(movie.id, "tmdb")
        same_title = self.catalog.ids_for_title(title_key(title)) if title else []
        exact = [i for i in same_title if (year is None or movies[i].year == year) and
                 not _other_film(movies[i], imdb_id)]  # fmt: skip
        if len(exact) > 1:  # "Heat" without its year is Heat (1995), not The Heat (2013), as `rate Heat 4` has it
            exact = [i for i in exact if not _article_apart(movies[i], title)] or exact
        if len(exact) == 1:
            return Match(exact[0], "title")
        if len(exact) > 1:
            exact.sort(key=lambda i: -(movies[i].votes or 0))
            labels = [movies[i].label for i in exact]
            if len(set(labels)) < len(labels):  # one title and year: the ids say which, for `watched add ID`
                labels = [f"{label}, id {i}" for label, i in zip(labels, exact, strict=True)]
            return Match(None, "ambiguous", tuple(labels))
        if not title:
            return Match(None, "unmatched")
        found = self.catalog.resolve_title(f"{title} ({year})" if year else title)
        if found is None or found.score < TITLE_MATCH_SCORE:
            return Match(None, "unmatched")
        movie = movies[found.movie_id]
        if year is not None and (movie.year is None or abs(movie.year - year) > 1):
            return Match(None, "unmatched")
        if _other_film(movie, imdb_id):  # a sequel's number was already checked: same_sequel
            return Match(None, "unmatched")
        if found.ambiguous:
            labels = (movie.label, *(label for _, label in found.alternatives))
            return Match(None, "ambiguous", tuple(labels))
        return Match(found.movie_id, "fuzzy")


def _article_apart(movie: Movie, title: str) -> bool:
    """Whether the article typed (or its absence) tells this film from the title: each of its titles
    that reads the same is written with an article where the title has none, or the other way."""
    key, article = title_key(title), leading_article(title)
    return all(leading_article(t) != article for t in movie.titles if title_key(t) == key)


def _other_film(movie: Movie, imdb_id: str | None) -> bool:
    return bool(imdb_id and movie.imdb_id and movie.imdb_id != imdb_id)
