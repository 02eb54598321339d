"""The movie catalog: one build's SQLite rows, FTS5 index and Chroma vectors, and the
single retrieval function everything else uses."""

from __future__ import annotations

import bisect
import json
import math
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from store.embeddings import Embedder
from store.filters import FilterIndex, Filters, matches, sql_where
from store.kind_words import lexical_match, story_first
from store.movie import (
    TITLE_MATCH_SCORE,
    Movie,
    ascii_fold,
    leading_article,
    normalise_title,
    numbered_key,
    same_sequel,
    without_episode,
)
from store.surnames import SharedSurname, Surname, surname_indexes
from store.vectors import ExactIndex, VectorStore, all_vectors, load_matrix, save_matrix

LIST_COLUMNS = ("genres", "directors", "cast", "keywords", "moods", "aka", "studios")
MOVIE_COLUMNS = (
    "id", "title", "year", "genres", "directors", "cast", "runtime", "language", "country", "rating",
    "votes", "keywords", "moods", "overview", "imdb_id", "tmdb_id", "poster_url", "metascore",
    "original_title", "aka", "studios",
)  # fmt: skip
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "me",
        "movie",
        "movies",
        "film",
        "films",
        "of",
        "on",
        "or",
        "show",
        "some",
        "something",
        "that",
        "the",
        "their",
        "this",
        "to",
        "want",
        "watch",
        "with",
        "you",
        "my",
        "like",
        "give",
        "any",
        "one",
    ]
)


@dataclass(frozen=True, slots=True)
class RetrievalConfig:
    """How vector and lexical ranks fuse, and how much quality counts against relevance."""

    rrf_k: int = 60
    vector_weight: float = 1.0
    lexical_weight: float = 0.7
    quality_weight: float = 0.3
    rating_weight: float = 0.6
    votes_weight: float = 0.3
    metascore_weight: float = 0.1
    candidates: int = 100


@dataclass(frozen=True, slots=True)
class ScoredMovie:
    movie: Movie
    score: float
    relevance: float  # fused rank score, 0..1
    quality: float  # prior from rating, votes and metascore, 0..1
    similarity: float | None  # cosine to the query vector when the vector index found it


# How known a film must be (log votes over the most-voted film's) for a word to name it that is
# also something else: "alien" the theme or the film, "shawshank" for The Shawshank Redemption.
# 0.65 is about 500 votes of TMDB's 13,752 at most (1,612 of the 11k films) and every film of the
# starter catalog (16,000 IMDb votes and more).
WELL_KNOWN = 0.65
_MIN_TITLE_WORD = 4  # letters a word of a title needs to stand for its film ("gump"), as seen_lists' "totoro"


_OR_ALTERNATIVE = re.compile(r"^(.{4,}?)(?:\s+or:|,\s+or)\s+[A-Z(]")  # "X or: Y", "X, or Y": an old-style second title


@dataclass(frozen=True, slots=True)
class TitleMatch:
    movie_id: str
    title: str
    year: int | None
    score: float  # 0-100 confidence
    alternatives: list[tuple[str, str]] = field(default_factory=list)  # (movie_id, label) of other films
    well_known: bool = False  # among the catalog's best-known films (WELL_KNOWN)
    by_word: bool = False  # found by a word of its title that no other film has ("shawshank"), not typed whole
    # alternatives the typed article (or its absence) tells apart: "Heat" is not The Heat (2013)
    article_apart: frozenset[str] = frozenset()
    titles: tuple[str, ...] = ()  # every title the film goes by ("Star Wars: Episode V - The Empire Strikes Back")

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)

    @property
    def ambiguous_as_typed(self) -> bool:
        """Other films are still in question once the article typed is respected: two films both
        titled exactly "Heat" are; Heat (1995) and The Heat (2013), for "Heat", are not."""
        return any(movie_id not in self.article_apart for movie_id, _ in self.alternatives)


def movie_from_row(row: sqlite3.Row | dict) -> Movie:
    keys = row.keys()
    data = {key: row[key] for key in MOVIE_COLUMNS if key in keys}
    for key in LIST_COLUMNS:
        data[key] = json.loads(data.get(key) or "[]")
    return Movie(**data)


def select_movies(db: sqlite3.Connection) -> str:
    """The SELECT for every movie, over the columns this build has: a catalog built before
    a column existed (original_title, aka, studios) still opens, with that field empty."""
    present = {row[1] for row in db.execute("PRAGMA table_info(movies)")}
    return "SELECT " + ", ".join(f'"{c}"' for c in MOVIE_COLUMNS if c in present) + " FROM movies"


def read_movies(db_path: Path) -> list[Movie]:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    try:
        return [movie_from_row(row) for row in db.execute(select_movies(db))]
    finally:
        db.close()


class Catalog:
    """A read-only view of one published build, with everything a request needs in memory.

    Ten thousand movies take a few MB, so rows, title keys, the people index and (with
    `VectorStore.index == "memory"`) the vectors are loaded once at open; SQLite answers
    lexical queries, and the in-memory index or Chroma vector ones.
    """

    def __init__(
        self,
        path: Path,
        embedder: Embedder,
        config: RetrievalConfig | None = None,
        *,
        vectors: VectorStore | None = None,
    ):
        self.path = Path(path)
        self.embedder = embedder
        self.config = config or RetrievalConfig()
        self.vector_store = vectors or VectorStore()
        self._db = sqlite3.connect(f"file:{self.path / 'catalog.sqlite'}?mode=ro", uri=True, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self.meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        self.movies: dict[str, Movie] = {
            row["id"]: movie_from_row(row) for row in self._db.execute(select_movies(self._db))
        }
        self._collection = None
        self._imdb: dict[str, Movie] | None = None  # IMDb id -> film, built on first use (by_imdb_id)
        self._quality = self._quality_priors()
        rows = list(self.movies.values())
        self._filter_index = FilterIndex(rows)
        self._index: ExactIndex | None = None
        if self.vector_store.index == "memory":
            self._index = ExactIndex(self._filter_index.ids, self._load_vectors(list(self._filter_index.ids)))
        else:
            self.collection  # noqa: B018 - opened now, so a missing collection is found at open
        votes = np.array([m.votes or 0 for m in rows], dtype=float)  # aligned with the filter index
        self._known = np.log10(votes + 1) / (math.log10(votes.max(initial=0) + 1) or 1.0)
        self._well_known = frozenset(self._filter_index.ids[self._known >= WELL_KNOWN])
        self._popularity_cache: tuple[Mapping[str, int] | None, np.ndarray] = (None, self._known)
        self._titles: dict[str, list[str]] = defaultdict(list)
        self._credits: dict[str, set[str]] = defaultdict(set)
        self._people: dict[str, str] = {}
        for movie in self.movies.values():
            # "Dr. Strangelove or: How I Learned to Stop Worrying..." is "Dr. Strangelove" to everyone
            said = [*movie.titles, *(m[1] for t in movie.titles if (m := _OR_ALTERNATIVE.match(t)))]
            said += [plain for t in movie.titles if (plain := without_episode(t))]  # "Star Wars: The Phantom Menace"
            for key in dict.fromkeys(title_key(title) for title in said):
                self._titles[key].append(movie.id)
            for name in (*movie.directors, *movie.cast):
                self._credits[name.casefold()].add(movie.id)
                folded = ascii_fold(name).casefold()
                keys = [name.casefold(), folded]  # users rarely type accents
                if "." in name:  # "samuel l jackson", "jj abrams": nor initials' dots
                    keys += [" ".join(folded.replace(".", " ").split()), " ".join(folded.replace(".", "").split())]
                for key in keys:
                    # a name in another script folds to nothing: that key would be every such name
                    if any(c.isalnum() for c in key):
                        self._people.setdefault(key, name)
        self._title_keys = list(self._titles)
        self._numbered: dict[str, list[str]] = defaultdict(list)  # "frozen 2" for "Frozen II"
        for key, ids in self._titles.items():
            self._numbered[numbered_key(key) or key].extend(ids)  # a title in another script is its own key
        self._surnames: dict[str, Surname] | None = None
        self._shared_surnames: dict[str, SharedSurname] = {}
        self._series: dict[str, set[str]] = {}  # a refused film's series (series_of), found once
        self._titles_sorted: list[tuple[str, str]] | None = None  # (case-folded title, id), for series_of
        self._title_words: dict[str, str] | None = None  # a word of one well-known film's title -> that film

    @property
    def collection(self):
        """The build's Chroma collection, opened on first use: an embedded catalog searched in
        memory never needs it once its vectors are copied beside it."""
        if self._collection is None:
            self._collection = self.vector_store.open(self.path, self.embedder)
        return self._collection

    def _load_vectors(self, ids: list[str]) -> np.ndarray:
        embedded = self.vector_store.url is None
        matrix = load_matrix(self.path, ids) if embedded else None
        if matrix is None:
            matrix = all_vectors(self.collection, ids)
            if embedded:
                save_matrix(self.path, ids, matrix)
        return matrix

    def __len__(self) -> int:
        return len(self.movies)

    def __contains__(self, movie_id: str) -> bool:
        return movie_id in self.movies

    def get(self, movie_id: str) -> Movie | None:
        return self.movies.get(movie_id)

    def quality(self, movie_id: str) -> float:
        return self._quality.get(movie_id, 0.0)

    def people_index(self) -> dict[str, str]:
        """Casefolded name -> name as credited, for every director and actor."""
        return self._people

    def credits_of(self, movie_id: str) -> tuple[list[str], list[str]]:
        """A film's directors and cast, billing order; empty for an id the catalog lacks."""
        movie = self.movies.get(movie_id)
        return (list(movie.directors), list(movie.cast)) if movie else ([], [])

    def series_of(self, movie_id: str) -> set[str]:
        """The film and those whose titles carry its title on: "Star Wars" -> "Star Wars: Episode I
        - The Phantom Menace", "The Lord of the Rings" -> "The Lord of the Rings: The Two Towers",
        "Alien" -> "Alien 3" (never "Aliens" or "Alien Nation"), "Twilight" -> "The Twilight Saga: New
        Moon". A refused film refuses its series."""
        if movie_id in self._series:
            return self._series[movie_id]
        movie = self.movies.get(movie_id)
        if movie is None:
            return set()
        heads = tuple(title.casefold() for title in movie.titles)
        # "Twilight" -> "The Twilight Saga: Eclipse": a saga named after its first film
        heads += tuple(
            f"{article}{head} saga" for head in heads for article in ("", "the ") if not head.startswith("the ")
        )
        titles = self._sorted_titles()
        series = {movie_id}
        for head in heads:
            at = bisect.bisect_left(titles, (head,))
            while at < len(titles) and titles[at][0].startswith(head):
                if continues(titles[at][0], head):
                    series.add(titles[at][1])
                at += 1
        self._series[movie_id] = series
        return series

    def _sorted_titles(self) -> list[tuple[str, str]]:
        """Every title once, case-folded and sorted: the titles a head begins are one run of it."""
        if self._titles_sorted is None:
            self._titles_sorted = sorted((t.casefold(), m.id) for m in self.movies.values() for t in m.titles)
        return self._titles_sorted

    def titled(self, words: str) -> set[str]:
        """Films whose title begins with these words, whole ("batman": Batman, Batman Returns, The
        Batman; not Batmanova), with or without a leading "The"."""
        if not words.strip():
            return set()
        titles, found = self._sorted_titles(), set()
        for head in (words.casefold().strip(), f"the {words.casefold().strip()}"):
            at = bisect.bisect_left(titles, (head,))
            while head and at < len(titles) and titles[at][0].startswith(head):
                title, movie_id = titles[at]
                if len(title) == len(head) or not title[len(head)].isalnum():
                    found.add(movie_id)
                at += 1
        return found

    def surname_index(self) -> dict[str, Surname]:
        """Surname -> the prominent person it means here ("kubrick" -> Stanley Kubrick), built once."""
        if self._surnames is None:
            self._surnames, self._shared_surnames = surname_indexes(self.movies.values())
        return self._surnames

    def shared_surnames(self) -> dict[str, SharedSurname]:
        """Surname -> the several people here it could mean ("washington"), built with surname_index."""
        self.surname_index()
        return self._shared_surnames

    def credits(self, name: str) -> set[str]:
        return self._credits.get(name.casefold(), set())

    # -- retrieval -------------------------------------------------------------------------

    def search(
        self,
        text: str = "",
        filters: Filters | None = None,
        k: int = 10,
        *,
        vector: np.ndarray | None = None,
        kind_words: Collection[str] = (),
    ) -> list[ScoredMovie]:
        """Movies for free text and/or a query vector, fused, filtered exactly, best first.

        With neither text nor vector, the best-rated movies that pass the filters. `kind_words`
        (lowercase) say what kind of film is wanted ("epic", "musicals"), so they find films by
        their synopsis and tags, not by their titles or people: "an epic" found Epic and Epic Movie.
        """
        filters = filters or Filters()
        keep = None if filters.is_empty else self._filter_index.mask(filters, self._credits)
        if keep is not None and not keep.any():
            return []
        words = _query_words(text)
        if vector is None and words:
            vector = self.embedder.embed_query(text)
        pool = max(self.config.candidates, k * 4)
        vector_hits = self._vector_search(vector, keep, pool) if vector is not None else []
        vector_hits = story_first(vector_hits, self.movies, kind_words)  # "scary": not Scary Movie 3 first
        lexical_hits = self._lexical_search(words, filters, pool, kind_words) if words else []
        if not vector_hits and not lexical_hits:
            return self._best_rated(None if keep is None else list(self._filter_index.ids[keep]), k)

        cfg = self.config
        fused: dict[str, float] = defaultdict(float)
        for weight, hits in ((cfg.vector_weight, vector_hits), (cfg.lexical_weight, lexical_hits)):
            for rank, (movie_id, _) in enumerate(hits):
                fused[movie_id] += weight / (cfg.rrf_k + rank + 1)
        best_possible = (cfg.vector_weight * bool(vector_hits) + cfg.lexical_weight * bool(lexical_hits)) / (
            cfg.rrf_k + 1
        )
        scored = []
        for movie_id, raw in fused.items():
            relevance = raw / best_possible
            quality = self._quality.get(movie_id, 0.0)
            scored.append(((1 - cfg.quality_weight) * relevance + cfg.quality_weight * quality, relevance, movie_id))
        scored.sort(key=lambda s: s[0], reverse=True)
        # best first, checked against the filters until k pass: most of the fused pool is never returned
        similarity = dict(vector_hits)
        results = []
        for score, relevance, movie_id in scored:
            if len(results) >= k:
                break
            movie = self.movies.get(movie_id)
            if movie is not None and matches(movie, filters):
                quality = self._quality.get(movie_id, 0.0)
                results.append(ScoredMovie(movie, score, relevance, quality, similarity.get(movie_id)))
        return results

    def carries_genre(self, genre: str) -> bool:
        """Whether any film here has the genre (TMDB + MovieLens label none "sport")."""
        return genre in self._filter_index.genres_carried

    @property
    def labels_tone(self) -> bool:
        """Whether any film here has moods ("dark", "funny"): TMDB 5000 and MovieLens give none."""
        return self._filter_index.labels_tone

    @property
    def records_studios(self) -> bool:
        """Whether any film here has its studios recorded: a catalog built from TMDB 5000 does,
        the starter catalog and catalogs built before studios were kept do not."""
        return self._filter_index.records_studios

    def unrecorded(self, field_name: str) -> int:
        """How many films have no year, runtime, rating, language, country, cast or studio recorded."""
        return self._filter_index.unrecorded(field_name)

    def count_matching(self, filters: Filters | None = None) -> int:
        """How many films pass the filters, exclusions included."""
        return int(self._filter_index.mask(filters or Filters(), self._credits).sum())

    def matching_ids(self, filters: Filters | None = None) -> list[str]:
        """Every film that passes the filters, in catalog order."""
        return [str(i) for i in self._filter_index.allowed(filters or Filters(), self._credits)]

    def best_known(
        self,
        filters: Filters | None = None,
        k: int = 100,
        *,
        counts: Mapping[str, int] | None = None,
        genres: Iterable[str] = (),
    ) -> list[str]:
        """Ids of the best-known films that pass the filters, best first.

        How well known is `popularity`; films with more of `genres` come first.
        """
        keep = self._filter_index.mask(filters or Filters(), self._credits)
        score = np.where(keep, self._popularity(counts) + self._filter_index.genre_share(genres), -np.inf)
        k = min(k, int(keep.sum()))
        if k <= 0:
            return []
        top = np.argpartition(-score, k - 1)[:k]
        return [str(i) for i in self._filter_index.ids[top[np.argsort(-score[top], kind="stable")]]]

    def popularity(self, movie_ids: list[str], counts: Mapping[str, int] | None = None) -> dict[str, float]:
        """How well known each film is, 0..1: its vote count or `counts` (how many of this
        bot's users rated it), whichever is higher, each on a log scale against its maximum."""
        rows, ids = self._filter_index.rows(movie_ids)
        return dict(zip(ids, self._popularity(counts)[rows].tolist(), strict=True))

    def _popularity(self, counts: Mapping[str, int] | None) -> np.ndarray:
        """Every film's popularity, aligned with the filter index. `counts` is a snapshot the
        caller never changes (the profile store's, refreshed every few minutes as a new dict),
        so the array for the latest one is kept: a turn needs it twice, and building it walks
        every rated film."""
        if not counts:
            return self._known
        cached_counts, cached = self._popularity_cache
        if cached_counts is counts:
            return cached
        top = math.log10(max(counts.values()) + 1) or 1.0
        rated = np.zeros(len(self._known))
        rated_rows, rated_ids = self._filter_index.rows(counts)
        rated[rated_rows] = [counts[i] for i in rated_ids]
        popularity = np.maximum(self._known, np.log10(rated + 1) / top)
        self._popularity_cache = (counts, popularity)  # one assignment: turns in other threads see old or new
        return popularity

    def _vector_search(self, vector: np.ndarray, keep: np.ndarray | None, n: int) -> list[tuple[str, float]]:
        """Nearest movies among those `keep` allows (all when None): exact in memory, or
        Chroma restricted by id (far faster than its metadata `where` at this size)."""
        if self._index is not None:
            return self._index.search(vector, n, keep)
        allowed = None if keep is None else list(self._filter_index.ids[keep])
        result = self.collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(n, len(self.movies) if allowed is None else len(allowed)),
            include=["distances"],
            **({} if allowed is None else {"ids": allowed}),
        )
        return [(mid, 1.0 - dist) for mid, dist in zip(result["ids"][0], result["distances"][0], strict=True)]

    def _lexical_search(
        self, words: list[str], filters: Filters, n: int, kind_words: Collection[str] = ()
    ) -> list[tuple[str, float]]:
        where, params = sql_where(filters)
        match = lexical_match(words, kind_words)
        sql = (
            "SELECT movies.id, bm25(movies_fts, 10.0, 6.0, 3.0, 1.0) AS rank FROM movies_fts "
            "JOIN movies ON movies.rowid = movies_fts.rowid "
            f"WHERE movies_fts MATCH ? AND {where} ORDER BY rank LIMIT ?"
        )
        return [(row[0], -row[1]) for row in self._db.execute(sql, [match, *params, n])]

    def mentions(self, phrase: str) -> bool:
        """Whether any film's title, keywords or overview holds the phrase ("reykjavik", "new york")."""
        words = re.findall(r"\w+", phrase.lower())
        if not words:
            return False
        match = '"' + " ".join(words) + '"'
        found = self._db.execute("SELECT 1 FROM movies_fts WHERE movies_fts MATCH ? LIMIT 1", [match])
        return found.fetchone() is not None

    def _best_rated(self, allowed: list[str] | None, k: int) -> list[ScoredMovie]:
        pool = list(self.movies) if allowed is None else allowed
        best = sorted(pool, key=lambda m: self._quality.get(m, 0.0), reverse=True)[:k]
        return [ScoredMovie(self.movies[m], self._quality[m], 0.0, self._quality[m], None) for m in best]

    def _quality_priors(self) -> dict[str, float]:
        """Rating, vote magnitude and metascore blended into 0..1.

        Votes enter on a log scale against the catalog's most-voted film, and a
        rating counts for less when few people gave it (shrunk toward 6/10).
        """
        cfg = self.config
        top_votes = max((m.votes or 0 for m in self.movies.values()), default=0)
        log_top = math.log10(top_votes + 1) or 1.0
        priors: dict[str, float] = {}
        for movie in self.movies.values():
            votes = movie.votes or 0
            parts: list[tuple[float, float]] = []
            if movie.rating is not None:
                confidence = votes / (votes + 50) if votes else 0.5
                rating = confidence * movie.rating + (1 - confidence) * 6.0
                parts.append((cfg.rating_weight, rating / 10))
            parts.append((cfg.votes_weight, math.log10(votes + 1) / log_top))
            if movie.metascore is not None:
                parts.append((cfg.metascore_weight, movie.metascore / 100))
            weight = sum(w for w, _ in parts)
            priors[movie.id] = sum(w * v for w, v in parts) / weight if weight else 0.0
        return priors

    def vectors(self, movie_ids: list[str]) -> dict[str, np.ndarray]:
        """Stored embeddings of the given movies (anchors for "something like X")."""
        known, matrix = self.vector_rows(movie_ids)
        return dict(zip(known, matrix, strict=True))

    def every_vector(self) -> tuple[list[str], np.ndarray]:
        """Every film with a stored embedding and the embeddings as rows, in the index's own order:
        held in memory, the index's matrix itself (read it, never write it), not a copy."""
        if self._index is not None:
            return [str(i) for i in self._filter_index.ids], self._index.matrix
        return self.vector_rows(list(self.movies))

    def vector_rows(self, movie_ids: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """The given movies that have a stored embedding, and their embeddings as the rows of one
        matrix in that order: a thousand in well under a millisecond when searched in memory."""
        movie_ids = list(dict.fromkeys(movie_ids))
        if not movie_ids:
            return [], np.zeros((0, 0), dtype=np.float32)
        if self._index is not None:
            rows, known = self._filter_index.rows(movie_ids)
            return known, self._index.vectors(rows)
        result = self.collection.get(ids=movie_ids, include=["embeddings"])
        found = dict(zip(result["ids"], result["embeddings"], strict=True))
        known = [m for m in movie_ids if m in found]
        if not known:
            return [], np.zeros((0, 0), dtype=np.float32)
        return known, np.array([found[m] for m in known], dtype=np.float32)

    # -- titles ----------------------------------------------------------------------------

    def resolve_title(self, text: str) -> TitleMatch | None:
        """The film a user means by what they typed: exact title first, then typos.

        A trailing year ("Heat 1995", "Heat (1995)") picks between remakes; without
        one the most-voted film wins and the others come back as alternatives. A title's number
        may be written either way: "oceans 11" is Ocean's Eleven (2001) as much as the 1960 film
        whose other title is "Ocean's 11", and the better known wins. A typo is forgiven in words,
        never in a sequel number (store.movie.same_sequel): "Frozen 2" is no film of a catalog that
        only has Frozen (which comes back 20 points down, a mere suggestion), though it is the film
        called "Frozen II". One word that only one well-known film's title has ("shawshank") is
        that film (title_word).
        """
        query, year = text, None
        key = title_key(text)
        if key not in self._titles:  # "Blade Runner 2049" is a title, "Heat 1995" is not
            query, year = _split_year(text)
            key = title_key(query)
        if not key:
            return None
        if key not in self._titles and (plain := title_key(without_episode(query))) in self._titles:
            key = plain  # "Star Wars: Episode VIII – The Last Jedi" is Star Wars: The Last Jedi
        ids = [*self._titles.get(key, []), *self._numbered.get(numbered_key(key) or key, [])]
        score, by_word = 100.0, False
        # one word typed alone: "the dark" asks for a film called that, not for The Dark Knight
        if not ids and len(query.split()) == 1 and (word := self.title_word(key)) is not None:
            ids, score, by_word = [word], TITLE_MATCH_SCORE, True
        if not ids:
            found = process.extract(key, self._title_keys, scorer=fuzz.ratio, limit=10, score_cutoff=75)
            if not found:
                return None
            # "Toy Story 4" is no typo of "Toy Story 3", however close: another number is only a
            # suggestion, scored down like another year, below any cut-off
            agreeing = [hit for hit in found if same_sequel(key, hit[0])]
            found = (agreeing or found)[:5]
            best = found[0][1]
            # each title with the films whose titles differ from it only in how the number is written:
            # "oceans 11" is nearest "Ocean's 11", the 1960 film's other title, and as near "Ocean's Eleven"
            ids = [
                mid for title, s, _ in found if s >= best - 0.01 for mid in self._numbered[numbered_key(title) or title]
            ]
            score = best if agreeing else best - 20
        candidates = [self.movies[mid] for mid in dict.fromkeys(ids)]
        if year is not None:
            same_year = [m for m in candidates if m.year is not None and abs(m.year - year) <= 1]
            if same_year:
                candidates = sorted(same_year, key=lambda m: m.year != year)
            else:
                score -= 20
        # "Heat" is Heat (1995) before The Heat (2013), however voted: the article is part of what was typed
        # (not the number's spelling: "ocean's 11" is as much the Ocean's Eleven of 2001 as that of 1960)
        article, typed = leading_article(text), numbered_key(key) or key
        apart = lambda m: all(  # noqa: E731
            leading_article(t) != article for t in m.titles if (numbered_key(t) or title_key(t)) == typed
        )
        candidates.sort(key=lambda m: (year is not None and m.year != year, apart(m), -(m.votes or 0)))
        best_movie = candidates[0]
        # with a year, only films of that very title and year are still in question ("Hamlet 1990" twice)
        twin = lambda m: m.year == year == best_movie.year and m.title == best_movie.title  # noqa: E731
        alternatives = [(m.id, m.label) for m in candidates[1:5] if year is None or twin(m)]
        by_article = frozenset() if apart(best_movie) else frozenset(m.id for m in candidates[1:5] if apart(m))
        return TitleMatch(best_movie.id, best_movie.title, best_movie.year, score, alternatives,
                          well_known=best_movie.id in self._well_known, by_word=by_word,
                          article_apart=by_article, titles=tuple(best_movie.titles))  # fmt: skip

    def title_word(self, word: str) -> str | None:
        """The film a single word stands for when only one film's titles have it, that film is well
        known, no other film's overview says it and no one credited is called it: "shawshank",
        "lebowski", "gump". A word of many titles ("love") or of many synopses ("dinner") names none,
        and a whole title ("heat", "up") is found as one before this is asked."""
        if " " in word or len(word) < _MIN_TITLE_WORD or not word.isalpha() or word in STOPWORDS:
            return None
        if self._title_words is None:
            self._title_words = self._one_film_words()
        return self._title_words.get(word)

    def _one_film_words(self) -> dict[str, str]:
        in_titles: dict[str, set[str]] = defaultdict(set)
        for key, ids in self._titles.items():
            for word in key.split():
                in_titles[word].update(ids)
        words = {
            word: next(iter(ids))
            for word, ids in in_titles.items()
            if len(ids) == 1 and ids <= self._well_known and len(word) >= _MIN_TITLE_WORD and word.isalpha()
        }
        for movie in self.movies.values():
            said = set(re.findall(r"[a-z]+", ascii_fold(movie.overview or "").lower()))
            named = {
                w for name in (*movie.directors, *movie.cast) for w in re.findall(r"[a-z]+", ascii_fold(name).lower())
            }
            for word in (said | named) & words.keys():
                if words[word] != movie.id or word in named:
                    del words[word]
        return words

    def ids_for_title(self, key: str) -> list[str]:
        """Movies whose normalised title is exactly `key` (see normalise_title)."""
        return self._titles.get(key, [])

    def by_imdb_id(self, imdb_id: str) -> Movie | None:
        """The film with this IMDb id ("tt0111161"), if the catalog has it."""
        if self._imdb is None:
            self._imdb = {m.imdb_id: m for m in self.movies.values() if m.imdb_id}
        return self._imdb.get(imdb_id)

    def suggest_titles(self, prefix: str, limit: int = 25) -> list[Movie]:
        """Autocomplete: titles starting with, then containing, what was typed; popular first."""
        key = title_key(prefix)
        if not key:
            return sorted(self.movies.values(), key=lambda m: -(m.votes or 0))[:limit]
        starts = [mid for t, ids in self._titles.items() if t.startswith(key) for mid in ids]
        contains = [mid for t, ids in self._titles.items() if key in t and not t.startswith(key) for mid in ids]
        ranked = sorted(starts, key=lambda i: -(self.movies[i].votes or 0)) + sorted(
            contains, key=lambda i: -(self.movies[i].votes or 0)
        )
        # a film found under several of its titles ("Twelve Monkeys", "12 Monkeys") is listed once
        return [self.movies[mid] for mid in list(dict.fromkeys(ranked))[:limit]]

    # -- reporting -------------------------------------------------------------------------

    def stats(self) -> dict:
        movies = list(self.movies.values())
        genres = Counter(g for m in movies for g in m.genres)
        decades = Counter(m.decade for m in movies if m.decade)
        languages = Counter(m.language for m in movies if m.language)
        return {
            "movies": len(movies),
            "path": str(self.path),
            "built_at": self.meta.get("built_at"),
            "sources": json.loads(self.meta.get("sources", "[]")),
            "embedding_model": self.meta.get("embedding_model"),
            "genres": dict(genres.most_common()),
            "decades": {str(d): n for d, n in sorted(decades.items())},
            "languages": dict(languages.most_common(15)),
            "with_overview": sum(1 for m in movies if m.overview),
            "with_rating": sum(1 for m in movies if m.rating is not None),
            "with_runtime": sum(1 for m in movies if m.runtime),
            "with_studios": sum(1 for m in movies if m.studios),
        }

    def close(self) -> None:
        self._db.close()


_YEAR_SUFFIX = re.compile(r"^(.*?)[\s,]*\(?\b(18[89]\d|19\d\d|20\d\d)\)?\s*$")


def title_key(title: str) -> str:
    """The key a title is looked up by: normalise_title's, or, for a title in a script that folds
    to nothing in ASCII ("千と千尋の神隠し", "Возвращение"), its own letters lower-cased, so it is
    found by what it says rather than filed with every other such title under ""."""
    if key := normalise_title(title):
        return key
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", title).casefold()).split())


def _split_year(text: str) -> tuple[str, int | None]:
    match = _YEAR_SUFFIX.match(text.strip())
    if match and match.group(1).strip():
        return match.group(1), int(match.group(2))
    return text, None


def _query_words(text: str) -> list[str]:
    words = re.findall(r"[\w']+", text.lower())
    return [w.replace("'", "") for w in words if w not in STOPWORDS and len(w) > 1][:24]


# what follows a title in the title of a film of its series: "Star Wars: ...", "Alien 3", "Rocky II", "Part 2"
def continues(title: str, head: str) -> bool:
    """`title` (case-folded) carries the film `head` on: "the matrix reloaded" after "the matrix"."""
    return title.startswith(head) and _SERIES_TAIL.match(title, len(head)) is not None


_SERIES_TAIL = re.compile(
    r"\s*[:\-–—]|\s+(?:\d+|ii|iii|iv|v|vi|vii|viii|ix|x|part|chapter|episode)\b"
    # sequels named by a word after the title: "The Matrix Reloaded", "Batman Returns", "Shrek the Third"
    r"|\s+(?:reloaded|revolutions|resurrections?|returns|forever|begins|rises|reborn|reckoning|retaliation"
    r"|revenge|strikes\s+back|the\s+third|with\s+a\s+vengeance|the\s+final\s+chapter)\b"
)
