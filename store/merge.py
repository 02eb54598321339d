"""Sources merge into one catalog: the same film from two sources becomes one entry."""

from __future__ import annotations

from dataclasses import fields, replace

from store.movie import Movie, normalise_title

# Fields where the longer value carries more: a longer cast list or synopsis wins.
_LONGER_WINS = ("genres", "directors", "cast", "keywords", "moods", "overview")


def merge_pair(kept: Movie, new: Movie) -> Movie:
    """Combine two records of one film, keeping the richer value of every field.

    The id of the record already in the catalog stays, so ids are stable across
    ingests. Rating and votes travel together from whichever source counted more
    votes; scalar fields fill gaps.
    """
    changes: dict = {}
    for f in fields(Movie):
        name = f.name
        if name == "id":
            continue
        old, fresh = getattr(kept, name), getattr(new, name)
        if name in _LONGER_WINS:
            if len(fresh or "") > len(old or ""):
                changes[name] = fresh
        elif name in ("rating", "votes"):
            continue
        elif old in (None, "") and fresh not in (None, ""):
            changes[name] = fresh
    if new.rating is not None and (kept.rating is None or (new.votes or 0) > (kept.votes or 0)):
        changes["rating"], changes["votes"] = new.rating, new.votes
    elif kept.votes is None and new.votes is not None:
        changes["votes"] = new.votes
    return replace(kept, **changes) if changes else kept


class MergedCatalog:
    """Movies keyed for matching: IMDb id, then TMDB id, then title and year.

    Title matching allows a year either side when a director is shared, since
    sources disagree on festival versus release years.
    """

    def __init__(self, movies: list[Movie] | None = None):
        self.movies: dict[str, Movie] = {}
        self._by_imdb: dict[str, str] = {}
        self._by_tmdb: dict[int, str] = {}
        self._by_title: dict[str, list[str]] = {}
        for movie in movies or []:
            self._insert(movie)

    def __len__(self) -> int:
        return len(self.movies)

    def find(self, movie: Movie) -> str | None:
        if movie.imdb_id and movie.imdb_id in self._by_imdb:
            return self._by_imdb[movie.imdb_id]
        if movie.tmdb_id and movie.tmdb_id in self._by_tmdb:
            return self._by_tmdb[movie.tmdb_id]
        candidates = [self.movies[i] for i in self._by_title.get(normalise_title(movie.title), [])]
        for other in candidates:
            if _conflicting_ids(other, movie):
                continue
            if other.year == movie.year:
                return other.id
        directors = {d.casefold() for d in movie.directors}
        for other in candidates:
            if _conflicting_ids(other, movie) or other.year is None or movie.year is None:
                continue
            if abs(other.year - movie.year) == 1 and directors & {d.casefold() for d in other.directors}:
                return other.id
        return None

    def add(self, movie: Movie) -> str:
        """Merge into a matching entry or insert; returns "added", "updated" or "unchanged"."""
        existing_id = self.find(movie)
        if existing_id is None:
            if movie.id in self.movies:  # same title+year slug but a different film
                movie = replace(movie, id=_free_id(movie, self.movies))
            self._insert(movie)
            return "added"
        before = self.movies[existing_id]
        after = merge_pair(before, movie)
        if after == before:
            return "unchanged"
        self._insert(after)
        return "updated"

    def _insert(self, movie: Movie) -> None:
        self.movies[movie.id] = movie
        if movie.imdb_id:
            self._by_imdb.setdefault(movie.imdb_id, movie.id)
        if movie.tmdb_id:
            self._by_tmdb.setdefault(movie.tmdb_id, movie.id)
        ids = self._by_title.setdefault(normalise_title(movie.title), [])
        if movie.id not in ids:
            ids.append(movie.id)


def _conflicting_ids(a: Movie, b: Movie) -> bool:
    """Two records that both carry an IMDb or TMDB id, and differ, are different films."""
    return bool(
        (a.imdb_id and b.imdb_id and a.imdb_id != b.imdb_id) or (a.tmdb_id and b.tmdb_id and a.tmdb_id != b.tmdb_id)
    )


def _free_id(movie: Movie, taken: dict[str, Movie]) -> str:
    base = movie.id
    if movie.directors:
        from store.movie import slug

        base = f"{movie.id}-{slug(movie.directors[0])}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
