"""Sources merge into one catalog: the same film from two sources becomes one entry.

A film is recognised, strongest evidence first, by its IMDb or TMDB id; by any of its
titles (the catalog title, the original, the a.k.a.s) with the year one either side; in
the same year, by one title being the other plus a subtitle; by a shared director, the
year and the running time; or, in the same year, by a title a letter or two off with the
same numbers in it. A record that bridges two
entries already in the catalog (IMDb Top 1000's "Sen to Chihiro no kamikakushi" named by
title, MovieLens's "Spirited Away" by id) folds them into one, so the order in which
sources are ingested does not decide what ends up twice.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from store.movie import Movie, ascii_fold, normalise_title, slug

# Fields where the longer value carries more: a longer cast list or synopsis wins.
_LONGER_WINS = ("directors", "cast", "keywords", "moods", "overview", "studios")
# Fields every source is right about: IMDb keeps three genres a film, MovieLens and TMDB
# others ("Children", "Family"), and a film is each genre any of them names.
_UNION = ("genres",)
# How far apart two sources may put one film's running time, in minutes (cuts, PAL speed-up).
RUNTIME_SLACK = 3
# rapidfuzz ratios (0-100) of two title keys: similar enough with a shared director,
# and close enough on its own for a long title
SIMILAR_TITLE = 85
CLOSE_TITLE = 90
_ROMAN = re.compile(r"i{1,3}|iv|vi{0,3}|ix|x")


def merge_pair(kept: Movie, new: Movie) -> Movie:
    """Combine two records of one film, keeping the richer value of every field.

    The id of the record already in the catalog stays, so ids are stable across
    ingests. Rating and votes travel together from whichever source counted more
    votes; scalar fields fill gaps; every title either record goes by is kept.
    """
    changes: dict = {}
    for f in fields(Movie):
        name = f.name
        if name in ("id", "aka"):
            continue
        old, fresh = getattr(kept, name), getattr(new, name)
        if name in _UNION:
            union = list(dict.fromkeys([*old, *fresh]))
            if union != old:
                changes[name] = union
        elif name in _LONGER_WINS:
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
    aka = other_titles(kept.title, changes.get("original_title", kept.original_title), [*kept.titles, *new.titles])
    if aka != kept.aka:
        changes["aka"] = aka
    return replace(kept, **changes) if changes else kept


def other_titles(title: str, original: str | None, titles: list[str]) -> list[str]:
    """The a.k.a. list: every title not already the main or original one, once each
    (spellings that only differ in case, accents or punctuation count as one)."""
    seen = {normalise_title(title), normalise_title(original or "")}
    out: list[str] = []
    for candidate in titles:
        key = normalise_title(candidate)
        if key and key not in seen:
            seen.add(key)
            out.append(candidate)
    return out


@lru_cache(maxsize=1 << 16)
def title_numbers(title: str) -> tuple[str, ...]:
    """The numbers in a title, Roman ones included ("Volume II" -> ["ii"]); a lone "I" only at the end."""
    words = normalise_title(title).split()
    return tuple(
        w for n, w in enumerate(words) if w.isdigit() or (_ROMAN.fullmatch(w) and (w != "i" or n == len(words) - 1))
    )


def same_numbers(a: str, b: str) -> bool:
    """Part 1 and Part 2, Alien and Alien 3, are not one title spelt two ways."""
    return title_numbers(a) == title_numbers(b)


def numbers_agree(a: str, b: str) -> bool:
    """The same numbers, or one title's are the other's plus a part number: "Friday the
    13th Part IV: The Final Chapter" is "Friday the 13th: The Final Chapter" (the merge
    also wants the same year, so "Scary Movie" and "Scary Movie 2" stay apart)."""
    x, y = title_numbers(a), title_numbers(b)
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return all(w in long for w in short)


@lru_cache(maxsize=1 << 16)
def person_keys(name: str) -> frozenset[str]:
    """Keys for the ways sources write one name: the words in any order ("Kar-Wai Wong",
    "Wong Kar-wai"; "S.S. Rajamouli", "S. S. Rajamouli") and initial plus surname
    ("Alejandro González Iñárritu", "Alejandro G. Iñárritu")."""
    words = _name_words(name)
    if not words:
        return frozenset()
    keys = {person_key(name)}
    if len(words) > 1:
        keys.add(f"{words[0][0]}. {words[-1]}")
    return frozenset(keys)


def person_key(name: str) -> str:
    """The name's words in sorted order: "Kar-Wai Wong" and "Wong Kar-wai" meet."""
    return " ".join(sorted(_name_words(name)))


def _name_words(name: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", ascii_fold(name).casefold()).split()


def people_keys(names: list[str]) -> set[str]:
    return {key for name in names for key in person_keys(name)}


def conflicting_ids(a: Movie, b: Movie) -> bool:
    """Two records that both carry an IMDb or TMDB id, and differ, are different films."""
    return bool(
        (a.imdb_id and b.imdb_id and a.imdb_id != b.imdb_id) or (a.tmdb_id and b.tmdb_id and a.tmdb_id != b.tmdb_id)
    )


def listed_twice(a: Movie, b: Movie) -> bool:
    """One source's film under two IMDb ids: the same TMDB id, year and title (MovieLens lists
    Confessions of a Dangerous Mind (2002) twice, both linked to TMDB 4912)."""
    return bool(
        a.tmdb_id
        and a.tmdb_id == b.tmdb_id
        and a.year == b.year
        and set(filter(None, map(title_key, a.titles))) & set(filter(None, map(title_key, b.titles)))
    )


def near_years(a: Movie, b: Movie, slack: int = 1) -> bool:
    if a.year is None or b.year is None:
        return a.year == b.year
    return abs(a.year - b.year) <= slack


def disjoint_directors(a: Movie, b: Movie) -> bool:
    """Both name directors and none is shared: a remake or a namesake, not one film."""
    if not a.directors or not b.directors:
        return False
    return not people_keys(a.directors) & people_keys(b.directors)


def disjoint_cast(a: Movie, b: Movie) -> bool:
    if not a.cast or not b.cast:
        return False
    return not people_keys(a.cast) & people_keys(b.cast)


def same_work(a: Movie, b: Movie, runtime_slack: int = RUNTIME_SLACK) -> bool:
    """A shared director, the same year, the running time within a few minutes and no
    disjoint cast: how a film under a translated title is still recognised. (Billy
    Wilder made Sunset Blvd. and Ace in the Hole a year and a minute apart, so the year
    must agree and the leads must not differ.)"""
    if a.runtime is None or b.runtime is None or a.year is None or a.year != b.year:
        return False
    if abs(a.runtime - b.runtime) > runtime_slack or disjoint_cast(a, b):
        return False
    return bool(a.directors and b.directors and not disjoint_directors(a, b))


class MergedCatalog:
    """Movies keyed for matching: IMDb id, TMDB id, every title, every director."""

    def __init__(self, movies: list[Movie] | None = None):
        self.movies: dict[str, Movie] = {}
        self._by_imdb: dict[str, str] = {}
        self._by_tmdb: dict[int, str] = {}
        self._by_title: dict[str, list[str]] = {}
        self._by_director: dict[str, list[str]] = {}
        self._by_prefix: dict[str, list[str]] = {}
        self._by_year: dict[int, dict[tuple[str, str], str]] = {}  # year -> (id, title) -> title key
        for movie in movies or []:
            self.add(movie)

    def __len__(self) -> int:
        return len(self.movies)

    def find(self, movie: Movie) -> str | None:
        found = self.find_all(movie)
        return found[0] if found else None

    def find_all(self, movie: Movie) -> list[str]:
        """Every entry this record is a copy of, strongest evidence first."""
        found: list[str] = []

        def take(movie_id: str | None) -> None:
            if movie_id is None or movie_id in found or movie_id not in self.movies:
                return
            other = self.movies[movie_id]
            if (not conflicting_ids(other, movie) or listed_twice(other, movie)) and all(
                not conflicting_ids(other, self.movies[f]) for f in found
            ):
                found.append(movie_id)

        if movie.imdb_id:
            take(self._by_imdb.get(movie.imdb_id))
        if movie.tmdb_id:
            take(self._by_tmdb.get(movie.tmdb_id))
        by_title = [i for key in _title_keys(movie) for i in self._by_title.get(key, [])]
        for movie_id in sorted(dict.fromkeys(by_title), key=lambda i: self.movies[i].year != movie.year):
            other = self.movies[movie_id]
            if other.year == movie.year or (near_years(other, movie) and not disjoint_directors(other, movie)):
                take(movie_id)
        # one title is the other plus a subtitle: "Rogue One" / "Rogue One: A Star Wars Story"
        shorter = [i for key in _prefix_keys(movie) for i in self._by_title.get(key, [])]
        longer = [i for key in _title_keys(movie) for i in self._by_prefix.get(key, [])]
        for movie_id in dict.fromkeys(shorter + longer):
            other = self.movies[movie_id]
            if other.year is not None and other.year == movie.year and not disjoint_directors(other, movie):
                take(movie_id)
        for director in people_keys(movie.directors):
            for movie_id in self._by_director.get(director, []):
                if same_work(self.movies[movie_id], movie):
                    take(movie_id)
        for movie_id in self._similar_titles(movie):
            take(movie_id)
        return found

    def _similar_titles(self, movie: Movie) -> list[str]:
        """Entries of the same year whose title is one or two letters off the record's,
        with the same numbers in it: "Vozvrashchenie" / "Vozvrashcheniye". A shared
        director is needed, or, when either side names none, a closer and longer match."""
        if movie.year is None or movie.year not in self._by_year:
            return []
        choices = self._by_year[movie.year]
        found = []
        for title in movie.titles:
            key = title_key(title)
            for other_key, score, (movie_id, other_title) in process.extract(
                key, choices, scorer=fuzz.ratio, score_cutoff=min(SIMILAR_TITLE, CLOSE_TITLE), limit=None
            ):
                if movie_id in found or not numbers_agree(title, other_title):
                    continue
                other = self.movies[movie_id]
                if other.directors and movie.directors:
                    if score >= SIMILAR_TITLE and not disjoint_directors(other, movie):
                        found.append(movie_id)
                elif score >= CLOSE_TITLE and min(len(key), len(other_key)) >= 10:
                    found.append(movie_id)
        return found

    def add(self, movie: Movie, *, insert: bool = True) -> str:
        """Merge into the matching entries or insert; returns "added", "updated" or "unchanged",
        or "not_added" for a film the catalog lacks when `insert` is off (enriching only)."""
        found = self.find_all(movie)
        if not found and not insert:
            return "not_added"
        if not found:
            if movie.id in self.movies:  # same title+year slug but a different film
                movie = replace(movie, id=_free_id(movie, self.movies))
            self._insert(movie)
            return "added"
        before = self.movies[found[0]]
        after = merge_pair(before, movie)
        for duplicate in found[1:]:  # this record shows two entries are one film
            after = merge_pair(after, self._remove(duplicate))
        if after == before and len(found) == 1:
            return "unchanged"
        self._insert(after)
        return "updated"

    def _insert(self, movie: Movie) -> None:
        self.movies[movie.id] = movie
        if movie.imdb_id:
            self._by_imdb.setdefault(movie.imdb_id, movie.id)
        if movie.tmdb_id:
            self._by_tmdb.setdefault(movie.tmdb_id, movie.id)
        for index, keys in self._keys(movie):
            for key in keys:
                ids = index.setdefault(key, [])
                if movie.id not in ids:
                    ids.append(movie.id)
        if movie.year is not None:
            self._by_year.setdefault(movie.year, {}).update({(movie.id, t): title_key(t) for t in movie.titles})

    def _remove(self, movie_id: str) -> Movie:
        movie = self.movies.pop(movie_id)
        for index, key in ((self._by_imdb, movie.imdb_id), (self._by_tmdb, movie.tmdb_id)):
            if key is not None and index.get(key) == movie_id:
                del index[key]
        for index, keys in self._keys(movie):
            for key in keys:
                index[key].remove(movie_id)
        for title in movie.titles if movie.year is not None else ():
            self._by_year[movie.year].pop((movie_id, title), None)
        return movie

    def _keys(self, movie: Movie) -> list[tuple[dict[str, list[str]], list[str]]]:
        directors = sorted(people_keys(movie.directors))
        return [
            (self._by_title, _title_keys(movie)),
            (self._by_prefix, _prefix_keys(movie)),
            (self._by_director, directors),
        ]


@lru_cache(maxsize=1 << 16)
def title_key(title: str) -> str:
    """normalise_title without the spaces, so "Blow-Up" and "Blowup" meet."""
    return normalise_title(title).replace(" ", "")


@lru_cache(maxsize=1 << 16)
def title_prefixes(title: str) -> tuple[str, ...]:
    """The title cut before each later word, while at least two words and six letters
    remain and the rest is not a sequel number: "Rogue One: A Star Wars Story" ->
    "rogue one", "rogue one a", ...; "Kill Bill: Vol. 2" -> "kill bill", "kill bill vol"."""
    words = normalise_title(title).split()
    heads = ("".join(words[:n]) for n in range(2, len(words)) if not _SEQUEL.fullmatch(words[n]))
    return tuple(head for head in heads if len(head) >= 6)


_SEQUEL = re.compile(r"\d+|[ivx]+|part|vol|volume|chapter|episode")


def _title_keys(movie: Movie) -> list[str]:
    return [key for key in dict.fromkeys(title_key(t) for t in movie.titles) if key]


def _prefix_keys(movie: Movie) -> list[str]:
    return list(dict.fromkeys(key for t in movie.titles for key in title_prefixes(t)))


def _free_id(movie: Movie, taken: dict[str, Movie]) -> str:
    base = movie.id
    if movie.directors:
        base = f"{movie.id}-{slug(movie.directors[0])}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
