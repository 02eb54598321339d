"""Structured constraints on a search, and their renderings.

`FilterIndex` turns them into the set of allowed ids with vectorised NumPy (well under
a millisecond for 10k movies), which restricts the Chroma query by id; `sql_where`
pushes them into SQLite for the lexical side. `matches` is the authority: every result
is checked against it before it is returned, so a filter or an exclusion is never
violated whatever an index did.

(Chroma's own metadata filtering costs 15-30 ms a query on 10k movies; restricting by
ids computed here costs 3-5 ms, so the search path uses ids.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from store.movie import MIN_VOTES, Movie, rating_floor
from store.studios import made_by
from store.themes import forms, holds, is_about, singular, words_of
from store.vocab import GENRES


def contradictions(asked: Mapping) -> list[str]:
    """What no film could meet because the filters contradict each other (`asked` by the names of
    Filters): "year_min 2000 is after year_max 1990", "'comedy' is both asked for and refused",
    "every year from 1990 to 1999 is in exclude_years", "'zombie' is required and 'zombies' refused"
    (a film carrying a required theme holds every word of a refused one, as the filters match them)."""
    found = []
    for low, high in (("year_min", "year_max"), ("min_runtime", "max_runtime")):
        if asked.get(low) is not None and asked.get(high) is not None and asked[low] > asked[high]:
            found.append(f"{low} {asked[low]} is more than {high} {asked[high]}")
    first, last = asked.get("year_min"), asked.get("year_max")
    if first is not None and last is not None and first <= last and _covered(first, last, asked.get("exclude_years")):
        found.append(f"every year from {first} to {last} is in exclude_years")
    found += [f"{tag!r} is in require_keywords and {theme!r} in exclude_keywords, and a film with the one has the other"
              for tag in asked.get("require_keywords") or () for theme in asked.get("exclude_keywords") or ()
              if theme_words(theme) and theme_words(theme) <= theme_words(tag)]  # fmt: skip
    for wanted, refused in (("genres", "exclude_genres"), ("people", "exclude_people"),
                            ("languages", "exclude_languages"), ("studios", "exclude_studios")):  # fmt: skip
        found += [f"{value!r} is both in {wanted} and in {refused}"
                  for value in asked.get(wanted) or () if value in (asked.get(refused) or ())]  # fmt: skip
    for either, refused in (("any_genres", "exclude_genres"), ("any_people", "exclude_people")):
        values = asked.get(either) or ()
        if values and all(value in (asked.get(refused) or ()) for value in values):
            found.append(f"every one of {either} ({', '.join(map(repr, values))}) is in {refused}")
    return found


@dataclass(frozen=True, slots=True)
class Filters:
    genres: tuple[str, ...] = ()  # every one of these
    any_genres: tuple[str, ...] = ()  # at least one of these ("thrillers or comedies")
    exclude_genres: tuple[str, ...] = ()  # none of these
    year_min: int | None = None
    year_max: int | None = None
    exclude_years: tuple[tuple[int, int], ...] = ()  # inclusive year spans refused ("not from the 60s")
    min_runtime: int | None = None
    max_runtime: int | None = None
    min_rating: float | None = None
    languages: tuple[str, ...] = ()  # any of these
    exclude_languages: tuple[str, ...] = ()  # none of these
    countries: tuple[str, ...] = ()  # any of these
    people: tuple[str, ...] = ()  # each name directs or stars
    any_people: tuple[str, ...] = ()  # at least one of these directs or stars ("Tom Hanks or Meg Ryan")
    exclude_people: tuple[str, ...] = ()  # none of these directs or stars ("nothing with Adam Sandler")
    # a name two people share ("Steve McQueen"): a film crediting one of these only in the other role
    # is not theirs as asked ("films by Steve McQueen" is not The Great Escape)
    directing: tuple[str, ...] = ()
    acting: tuple[str, ...] = ()
    exclude_keywords: tuple[str, ...] = ()  # no film with one of these themes ("no superhero movies")
    require_keywords: tuple[str, ...] = ()  # every film has each of these themes ("woman director")
    studios: tuple[str, ...] = ()  # each made (store.studios.made_by) by one of these: "Pixar", "A24"
    exclude_studios: tuple[str, ...] = ()  # none known to be made by these: a film with no studio recorded passes
    exclude_ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, **kwargs) -> Filters:
        """Build from lists or None, as callers have them."""
        clean = {}
        for key, value in kwargs.items():
            if value is None or value == [] or value == ():
                continue
            if key == "exclude_ids":
                clean[key] = frozenset(value)
            elif key == "exclude_years":
                clean[key] = tuple((int(low), int(high)) for low, high in value)
            elif isinstance(value, (list, set, tuple)):
                clean[key] = tuple(value)
            else:
                clean[key] = value
        return cls(**clean)

    @property
    def is_empty(self) -> bool:
        return self == Filters()


def matches(movie: Movie, filters: Filters) -> bool:
    """True when the movie satisfies every constraint; unknown values never satisfy one."""
    if movie.id in filters.exclude_ids:
        return False
    if filters.genres and not all(g in movie.genres for g in filters.genres):
        return False
    if filters.any_genres and not any(g in movie.genres for g in filters.any_genres):
        return False
    if any(g in movie.genres for g in filters.exclude_genres):
        return False
    if filters.year_min is not None and (movie.year is None or movie.year < filters.year_min):
        return False
    if filters.year_max is not None and (movie.year is None or movie.year > filters.year_max):
        return False
    if filters.exclude_years and (movie.year is None or in_spans(movie.year, filters.exclude_years)):
        return False
    if filters.min_runtime is not None and (movie.runtime is None or movie.runtime < filters.min_runtime):
        return False
    if filters.max_runtime is not None and (movie.runtime is None or movie.runtime > filters.max_runtime):
        return False
    if filters.min_rating is not None and (movie.rating_that_counts or 0) < rating_floor(filters.min_rating):
        return False
    if filters.languages and movie.language not in filters.languages:
        return False
    if filters.exclude_languages and (movie.language is None or movie.language in filters.exclude_languages):
        return False
    if filters.countries and movie.country not in filters.countries:
        return False
    if filters.people:
        credited = {name.casefold() for name in (*movie.directors, *movie.cast)}
        if not all(name.casefold() in credited for name in filters.people):
            return False
    if filters.any_people:
        credited = {name.casefold() for name in (*movie.directors, *movie.cast)}
        if not any(name.casefold() in credited for name in filters.any_people):
            return False
    if filters.exclude_people:
        credited = {name.casefold() for name in (*movie.directors, *movie.cast)}
        if any(name.casefold() in credited for name in filters.exclude_people):
            return False
    if (filters.directing or filters.acting) and not in_roles(movie.directors, movie.cast, filters):
        return False
    if not all(has_tag(movie.keywords, tag) for tag in filters.require_keywords):
        return False
    if filters.studios and not any(made_by(movie.studios, studio) for studio in filters.studios):
        return False
    if any(made_by(movie.studios, studio) for studio in filters.exclude_studios):
        return False
    return not any(is_about(movie.keywords, movie.title, movie.overview, t) for t in filters.exclude_keywords)


def _covered(first: int, last: int, spans: Iterable[Sequence[int]] | None) -> bool:
    """Whether the spans leave no year from first to last."""
    year = first
    for low, high in sorted(spans or ()):
        if low <= year <= high:
            year = high + 1
    return year > last


@functools.lru_cache(maxsize=1 << 16)
def theme_words(text: str) -> frozenset[str]:
    """ "Zombies" -> {"zombie"}, "superhero team" -> {"superhero", "team"}: the words, a plural s dropped.
    Kept for the last 65k texts: a turn asks it of every keyword of ~100 candidates, and the
    catalog's keywords are far fewer than that."""
    return frozenset(singular(w) for w in re.findall(r"[^\W_]+", text.casefold()))


def has_theme(keywords: Iterable[str], theme: str) -> bool:
    """Whether one of a film's keywords holds every word of the theme ("zombies": "zombie apocalypse")."""
    wanted = theme_words(theme)
    return bool(wanted) and any(wanted <= theme_words(keyword) for keyword in keywords)


def has_tag(keywords: Iterable[str], tag: str) -> bool:
    """Whether the film carries the tag itself ("sport", "sports"; not "sports car"): what a required
    theme asks, where a refused one refuses every keyword holding its words (has_theme)."""
    wanted = theme_words(tag)
    return bool(wanted) and any(theme_words(keyword) == wanted for keyword in keywords)


def in_spans(year: int, spans: Iterable[Sequence[int]]) -> bool:
    """True when the year falls in any of the inclusive [low, high] spans."""
    return any(low <= year <= high for low, high in spans)


def sql_where(filters: Filters) -> tuple[str, list]:
    """A WHERE clause over the `movies` table with its parameters."""
    parts: list[str] = []
    params: list = []
    has_genre = "EXISTS (SELECT 1 FROM json_each(movies.genres) WHERE value = ?)"
    for genre in filters.genres:
        parts.append(has_genre)
        params.append(genre)
    if filters.any_genres:
        parts.append("(" + " OR ".join([has_genre] * len(filters.any_genres)) + ")")
        params.extend(filters.any_genres)
    for genre in filters.exclude_genres:
        parts.append(f"NOT {has_genre}")
        params.append(genre)
    for column, op, value in (
        ("year", ">=", filters.year_min),
        ("year", "<=", filters.year_max),
        ("runtime", ">=", filters.min_runtime),
        ("runtime", "<=", filters.max_runtime),
        ("rating", ">=", None if filters.min_rating is None else rating_floor(filters.min_rating)),
    ):
        if value is not None:
            parts.append(f"movies.{column} {op} ?")
            params.append(value)
    if filters.min_rating is not None:  # Movie.rating_that_counts
        parts.append("(movies.votes IS NULL OR movies.votes >= ?)")
        params.append(MIN_VOTES)
    for low, high in filters.exclude_years:
        parts.append("movies.year IS NOT NULL AND movies.year NOT BETWEEN ? AND ?")
        params.extend((low, high))
    for column, values in (("language", filters.languages), ("country", filters.countries)):
        if values:
            parts.append(f"movies.{column} IN ({','.join('?' * len(values))})")
            params.extend(values)
    if filters.exclude_languages:
        parts.append(f"movies.language NOT IN ({','.join('?' * len(filters.exclude_languages))})")
        params.extend(filters.exclude_languages)  # NOT IN is never true of NULL: an unknown language is refused too
    if filters.exclude_ids:
        parts.append(f"movies.id NOT IN ({','.join('?' * len(filters.exclude_ids))})")
        params.extend(sorted(filters.exclude_ids))
    return (" AND ".join(parts) or "1"), params


def metadata_for(movie: Movie) -> dict:
    """Chroma metadata for a movie: the filterable fields, omitting unknown ones."""
    meta: dict = {"mid": movie.id}
    for key in ("year", "runtime", "rating", "language", "country"):
        value = getattr(movie, key)
        if value is not None:
            meta[key] = value
    if movie.genres:
        meta["genres"] = list(movie.genres)
    return meta


def in_roles(directors: Iterable[str], cast: Iterable[str], filters: Filters) -> bool:
    """No name asked as director is credited only in the cast, nor one asked as cast only as director."""
    directed, acted = {n.casefold() for n in directors}, {n.casefold() for n in cast}
    return not any(
        (name := person.casefold()) in credited and name not in role
        for people, credited, role in ((filters.directing, acted, directed), (filters.acting, directed, acted))
        for person in people
    )


def ids_with_people(people: Iterable[str], credits: dict[str, set[str]]) -> set[str] | None:
    """Movie ids crediting every named person, from a casefolded name -> ids index."""
    result: set[str] | None = None
    for name in people:
        ids = credits.get(name.casefold(), set())
        result = set(ids) if result is None else result & ids
    return result


class FilterIndex:
    """Filterable fields of every movie as NumPy columns, for exact allowed-id masks."""

    def __init__(self, movies: Sequence[Movie]):
        self.ids = np.array([m.id for m in movies], dtype=object)
        self._row = {m.id: i for i, m in enumerate(movies)}
        self._year = np.array([np.nan if m.year is None else m.year for m in movies], dtype=float)
        self._runtime = np.array([np.nan if m.runtime is None else m.runtime for m in movies], dtype=float)
        self._rating = np.array([np.nan if (r := m.rating_that_counts) is None else r for m in movies], dtype=float)
        self._language = np.array([m.language or "" for m in movies], dtype=object)
        self._country = np.array([m.country or "" for m in movies], dtype=object)
        bit = {g: 1 << i for i, g in enumerate(GENRES)}
        self._genres = np.array([sum(bit.get(g, 0) for g in set(m.genres)) for m in movies], dtype=np.int64)
        self._bit = bit
        self._keywords = [m.keywords for m in movies]
        self._texts = [(m.title, m.overview) for m in movies]
        self._unrecorded = {  # films a filter on the field can never let through: counted once, not per turn
            "year": sum(m.year is None for m in movies),
            "runtime": sum(m.runtime is None for m in movies),
            "language": sum(not m.language for m in movies),
            "country": sum(not m.country for m in movies),
            "cast": sum(not m.cast and not m.directors for m in movies),  # a person filter needs either
            "studios": sum(not m.studios for m in movies),
        }
        self._studios = [m.studios for m in movies]
        self._credited = [(m.directors, m.cast) for m in movies]
        self._studio_rows: dict[str, np.ndarray] = {}
        self.labels_tone = any(m.moods for m in movies)  # TMDB 5000 and MovieLens label none

    def mask(self, filters: Filters, credits: dict[str, set[str]] | None = None) -> np.ndarray:
        keep = np.ones(len(self.ids), dtype=bool)
        want = sum(self._bit.get(g, 0) for g in filters.genres)
        if filters.genres:
            keep &= (self._genres & want) == want if all(g in self._bit for g in filters.genres) else False
        if filters.any_genres:
            keep &= (self._genres & sum(self._bit.get(g, 0) for g in set(filters.any_genres))) != 0
        refuse = sum(self._bit.get(g, 0) for g in filters.exclude_genres)
        if refuse:
            keep &= (self._genres & refuse) == 0
        with np.errstate(invalid="ignore"):  # NaN (unknown) never satisfies a bound
            for column, low, high in (
                (self._year, filters.year_min, filters.year_max),
                (self._runtime, filters.min_runtime, filters.max_runtime),
                (self._rating, None if filters.min_rating is None else rating_floor(filters.min_rating), None),
            ):
                if low is not None:
                    keep &= column >= low
                if high is not None:
                    keep &= column <= high
            if filters.exclude_years:
                keep &= ~np.isnan(self._year)  # an unknown year might be a refused one
            for low, high in filters.exclude_years:
                keep &= ~((self._year >= low) & (self._year <= high))
        if filters.languages:
            keep &= np.isin(self._language, list(filters.languages))
        if filters.exclude_languages:  # an unknown language might be the one refused
            keep &= ~np.isin(self._language, [*filters.exclude_languages, ""])
        if filters.countries:
            keep &= np.isin(self._country, list(filters.countries))
        if filters.people:
            allowed = ids_with_people(filters.people, credits or {}) or set()
            people = np.zeros(len(self.ids), dtype=bool)
            people[[self._row[i] for i in allowed if i in self._row]] = True
            keep &= people
        if filters.any_people:
            either = {i for name in filters.any_people for i in (credits or {}).get(name.casefold(), ())}
            people = np.zeros(len(self.ids), dtype=bool)
            people[[self._row[i] for i in either if i in self._row]] = True
            keep &= people
        refused = {i for name in filters.exclude_people for i in (credits or {}).get(name.casefold(), ())}
        if refused:
            keep[[self._row[i] for i in refused if i in self._row]] = False
        for name in (*filters.directing, *filters.acting):
            rows = [self._row[i] for i in (credits or {}).get(name.casefold(), ()) if i in self._row]
            keep[[r for r in rows if not in_roles(*self._credited[r], filters)]] = False
        for tag in filters.require_keywords:
            tagged = np.zeros(len(self.ids), dtype=bool)
            tagged[[r for r in self._themed(tag) if has_tag(self._keywords[r], tag)]] = True
            keep &= tagged
        if filters.studios:
            keep &= self._made_by(filters.studios)
        if filters.exclude_studios:
            keep &= ~self._made_by(filters.exclude_studios)
        rows = [self._row[i] for i in filters.exclude_ids if i in self._row]
        rows += [r for theme in filters.exclude_keywords for r in self._about(theme)]
        if rows:
            keep[rows] = False
        return keep

    def _made_by(self, studios: Iterable[str]) -> np.ndarray:
        """Rows of the films any of the studios made, as far as their companies are recorded; each
        studio's rows are found once (a scan of 11k films' companies takes some 30 ms)."""
        rows = np.zeros(len(self.ids), dtype=bool)
        for studio in studios:
            if studio not in self._studio_rows:
                made = [bool(c) and made_by(c, studio) for c in self._studios]
                self._studio_rows[studio] = np.array(made, dtype=bool)
            rows |= self._studio_rows[studio]
        return rows

    @property
    def records_studios(self) -> bool:
        """Whether any film here has its production companies recorded (TMDB 5000 does)."""
        return self._unrecorded["studios"] < len(self.ids)

    @functools.cached_property
    def genres_carried(self) -> frozenset[str]:
        """The genres at least one film has."""
        union = int(np.bitwise_or.reduce(self._genres)) if len(self._genres) else 0
        return frozenset(g for g, b in self._bit.items() if union & b)

    def unrecorded(self, field_name: str) -> int:
        """How many films have no year, runtime, language, country or cast and director recorded."""
        if field_name not in self._unrecorded:
            raise ValueError(f"no field {field_name!r}")
        return self._unrecorded[field_name]

    def _themed(self, theme: str) -> list[int]:
        """Rows of the films whose keywords hold the theme (has_theme), found through the word index."""
        words = sorted(theme_words(theme))
        rows = self._theme_rows.get(words[0], []) if words else []
        return [r for r in rows if has_theme(self._keywords[r], theme)]

    def _about(self, theme: str) -> set[int]:
        """Rows of the films about a refused theme (themes.is_about): a keyword, the title or the overview."""
        rows: set[int] = set()
        for form in forms(theme):
            rows.update(self._themed(" ".join(form)))
            rows.update(r for r in self._text_rows.get(form[0], ()) if holds(self._text_words[r], form))
        return rows

    @functools.cached_property
    def _text_words(self) -> list[tuple[str, ...]]:
        return [words_of(f"{title} . {overview}") for title, overview in self._texts]

    @functools.cached_property
    def _text_rows(self) -> dict[str, list[int]]:
        """A title or overview word -> the rows saying it; built on the first theme refused."""
        index: dict[str, list[int]] = {}
        for row, words in enumerate(self._text_words):
            for word in set(words):
                index.setdefault(word, []).append(row)
        return index

    @functools.cached_property
    def _theme_rows(self) -> dict[str, list[int]]:
        """A keyword word -> the rows whose keywords hold it; built on the first theme refused or required."""
        index: dict[str, list[int]] = {}
        for row, keywords in enumerate(self._keywords):
            for word in {w for keyword in keywords for w in theme_words(keyword)}:
                index.setdefault(word, []).append(row)
        return index

    def allowed(self, filters: Filters, credits: dict[str, set[str]] | None = None) -> list[str]:
        return list(self.ids[self.mask(filters, credits)])

    def rows(self, movie_ids: Iterable[str]) -> tuple[np.ndarray, list[str]]:
        """Positions of the known ids among the columns, and those ids in the same order."""
        known = [i for i in movie_ids if i in self._row]
        return np.array([self._row[i] for i in known], dtype=np.int64), known

    def genre_share(self, genres: Iterable[str]) -> np.ndarray:
        """For each movie, the share of `genres` it has (0 when none are given)."""
        bits = [self._bit[g] for g in dict.fromkeys(genres) if g in self._bit]
        share = np.zeros(len(self.ids))
        for bit in bits:
            share += (self._genres & bit) != 0
        return share / len(bits) if bits else share
