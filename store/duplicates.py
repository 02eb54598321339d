"""Entries that may still be one film twice, for `moviebot catalog duplicates`.

The checks are deliberately looser than the merge (store/merge.py): a pair the merge
declined to join shows up here, so a person can see what is left. Two entries that
carry different IMDb or TMDB ids are known to be different films and never listed, unless they
share the other id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from store.merge import (
    RUNTIME_SLACK,
    conflicting_ids,
    near_years,
    people_keys,
    person_key,
    same_numbers,
    same_work,
    title_key,
    title_prefixes,
)
from store.movie import Movie, normalise_title

SIMILAR_TITLE = 90  # rapidfuzz ratio of two title keys, 0-100: looser than the merge's
RUNTIME_GAP = RUNTIME_SLACK + 1  # a minute more than the merge accepts


@dataclass(frozen=True, slots=True)
class SuspectedPair:
    first: Movie
    second: Movie
    reason: str

    def to_dict(self) -> dict:
        return {
            "first": _brief(self.first),
            "second": _brief(self.second),
            "reason": self.reason,
        }


def suspected_duplicates(movies: Iterable[Movie]) -> list[SuspectedPair]:
    """Pairs that share an id, a title (or one title extends the other) a year apart,
    or a director, the year and nearly the running time; ordered by title."""
    movies = list(movies)
    reasons: dict[tuple[str, str], str] = {}

    def consider(a: Movie, b: Movie, reason: str, *, shared_id: bool = False) -> None:
        if a.id == b.id or (conflicting_ids(a, b) and not shared_id):
            return
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        reasons.setdefault(key, reason)

    # one id shared and the other different is a source contradicting itself (MovieLens maps two of
    # its entries to TMDB's Confessions of a Dangerous Mind): listed, whatever the other id says
    for field, label, other in (("imdb_id", "same IMDb id", "tmdb_id"), ("tmdb_id", "same TMDB id", "imdb_id")):
        for group in _groups(movies, lambda m, f=field: [getattr(m, f)] if getattr(m, f) else []).values():
            for a, b in combinations(group, 2):
                clash = getattr(a, other) and getattr(b, other) and getattr(a, other) != getattr(b, other)
                consider(a, b, f"{label}, {other.split('_')[0].upper()} ids differ" if clash else label,
                         shared_id=True)  # fmt: skip
    for group in _groups(movies, _title_keys).values():
        for a, b in combinations(group, 2):
            if near_years(a, b):
                consider(a, b, "same title")
    for group in _groups(movies, lambda m: sorted(people_keys(m.directors))).values():
        for a, b in combinations(group, 2):
            if same_work(a, b, runtime_slack=RUNTIME_GAP) and _shared_leads(a, b):
                consider(a, b, "same director, year and running time")
    for a, b in _similar_titles(movies):
        consider(a, b, "similar title")
    by_id = {m.id: m for m in movies}
    pairs = [SuspectedPair(by_id[a], by_id[b], reason) for (a, b), reason in reasons.items()]
    pairs.sort(key=lambda p: (normalise_title(p.first.title), p.first.id, p.second.id))
    return pairs


def _groups(movies: list[Movie], keys) -> dict[str, list[Movie]]:
    groups: dict[str, list[Movie]] = defaultdict(list)
    for movie in movies:
        for key in dict.fromkeys(keys(movie)):
            groups[key].append(movie)
    return {k: v for k, v in groups.items() if len(v) > 1}


def _title_keys(movie: Movie) -> list[str]:
    return [key for key in (title_key(t) for t in movie.titles) if key]


def _shared_leads(a: Movie, b: Movie) -> bool:
    """Two of the leads in common, or one when a side lists fewer than three, or unknown:
    Bergman's The Seventh Seal and Wild Strawberries (1957) share one actor of four."""
    if not a.cast or not b.cast:
        return True
    shared = ({person_key(c) for c in a.cast} & {person_key(c) for c in b.cast}) - {""}
    return len(shared) >= (2 if min(len(a.cast), len(b.cast)) >= 3 else 1)


def _similar_titles(movies: list[Movie]) -> list[tuple[Movie, Movie]]:
    """Titles a letter or two apart with the same numbers, or one the other plus a
    subtitle, within a year: "Paprika" and "Papurika", "Dr. Strangelove" and
    "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb"."""
    by_year: dict[int, list[tuple[str, str, Movie]]] = defaultdict(list)
    for movie in movies:
        if movie.year is not None:
            by_year[movie.year].extend((title_key(t), t, movie) for t in movie.titles if title_key(t))
    found = []
    for year, here in by_year.items():
        there = here + by_year.get(year + 1, [])
        scores = cdist([k for k, _, _ in here], [k for k, _, _ in there], scorer=fuzz.ratio, score_cutoff=SIMILAR_TITLE)
        for i, j in zip(*np.nonzero(scores), strict=True):
            if (j >= len(here) or j > i) and same_numbers(here[i][1], there[j][1]):
                found.append((here[i][2], there[j][2]))
        keys: dict[str, list[Movie]] = defaultdict(list)
        for key, _, movie in there:
            keys[key].append(movie)
        for movie in {movie.id: movie for _, _, movie in there}.values():
            for prefix in dict.fromkeys(p for title in movie.titles for p in title_prefixes(title)):
                found.extend((movie, other) for other in keys.get(prefix, []))
    return found


def _brief(movie: Movie) -> dict:
    return {"id": movie.id, "title": movie.title, "year": movie.year, "imdb_id": movie.imdb_id}
