"""Offline evaluation on MovieLens: does the bot find what each user went on to like?

Each user's ratings are sorted by time and the latest 20% held out; the rest is the
user's history, imported into a profile store as a real user's ratings would be. One
generic request per user goes through the real graph, and its ten picks are scored
against the held-out ratings of 4 stars or more. Popularity and item-kNN, fitted on
the same histories and barred from the same titles, say what those figures are worth.

The catalog is built from movies.csv and links.csv only: the adapter would otherwise
fold every rating, held-out ones included, into each film's votes and mean rating.
"""

from __future__ import annotations

import json
import math
import random
import shutil
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from store.build import IngestReport, ingest
from store.catalog import Catalog
from store.embeddings import Embedder
from store.history_import import CatalogMatcher, HistoryRow, ImportReport, import_history, read_history
from store.home import DataDir
from store.ingest.base import SourceError
from store.profiles import ProfileStore

REQUEST = "recommend me something"
K = 10
HOLDOUT = 0.2
RELEVANT_STARS = 4.0
CATALOG_FILES = ("movies.csv", "links.csv")

Progress = Callable[[str, int], Callable[[int], None] | None]
History = dict[str, list[tuple[Hashable, float, int]]]  # user -> [(item, stars, timestamp)], oldest first


class EvaluationError(Exception):
    """The evaluation cannot be run honestly as asked; the message says why and what to do."""


# -- the split ---------------------------------------------------------------------------


@dataclass
class Split:
    history: History
    heldout: dict[str, dict[Hashable, float]]  # user -> item -> stars, the latest ratings

    def relevant(self, user: str) -> set[str]:
        return {item for item, stars in self.heldout.get(user, {}).items() if stars >= RELEVANT_STARS}

    @property
    def evaluable(self) -> list[str]:
        """Users with at least one held-out rating of RELEVANT_STARS or more, in id order."""
        return sorted((u for u in self.heldout if self.relevant(u)), key=_user_order)

    def seen(self, user: str) -> set[str]:
        return {item for item, _, _ in self.history.get(user, [])}


def _user_order(user: str) -> tuple[bool, int, str]:
    return (not user.isdigit(), int(user) if user.isdigit() else 0, user)


def split_latest(ratings: History, holdout: float = HOLDOUT) -> Split:
    """Per user, the latest `holdout` share of ratings (at least one, when there are two or more) is held out.

    Ties in time are broken by item id so the split is the same on every run.
    """
    history: History = {}
    heldout: dict[str, dict[str, float]] = {}
    for user, rows in ratings.items():
        ordered = sorted(rows, key=lambda r: (r[2], r[0]))
        n_out = max(1, round(len(ordered) * holdout)) if len(ordered) > 1 else 0
        cut = len(ordered) - n_out
        history[user] = ordered[:cut]
        heldout[user] = {item: stars for item, stars, _ in ordered[cut:]}
    return Split(history, heldout)


def map_items(split: Split, ids: dict[Hashable, str]) -> Split:
    """The split in catalog ids. Items the catalog lacks are dropped; when two MovieLens
    entries are one catalog film, the later rating wins, and a held-out film the user
    also has in their history is no test of anything and leaves the held-out set."""
    history: History = {}
    heldout: dict[str, dict[str, float]] = {}
    for user, rows in split.history.items():
        latest: dict[str, tuple[str, float, int]] = {}
        for item, stars, at in rows:
            if item in ids:
                latest[ids[item]] = (ids[item], stars, at)
        history[user] = sorted(latest.values(), key=lambda r: (r[2], r[0]))
    for user, items in split.heldout.items():
        seen = {item for item, _, _ in history.get(user, [])}
        heldout[user] = {ids[i]: s for i, s in items.items() if i in ids and ids[i] not in seen}
    return Split(history, heldout)


# -- metrics -----------------------------------------------------------------------------


def recall_at_k(ranked: list[str], relevant: set[str], k: int = K) -> float:
    """Share of the relevant items found in the top k."""
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & relevant) / len(relevant)


def ndcg_at_k(ranked: list[str], relevant: set[str], k: int = K) -> float:
    """Binary-relevance NDCG: hits discounted by log2(rank + 1), over the best possible order."""
    if not relevant:
        return 0.0
    dcg = sum(1.0 / math.log2(rank + 2) for rank, item in enumerate(ranked[:k]) if item in relevant)
    ideal = sum(1.0 / math.log2(rank + 2) for rank in range(min(len(relevant), k)))
    return dcg / ideal


# -- baselines ---------------------------------------------------------------------------


class Popularity:
    """The most-rated films in the training histories (any rating counts)."""

    name = "popularity"

    def __init__(self, history: History):
        self.counts = Counter(item for rows in history.values() for item, _, _ in rows)
        self.ranked = sorted(self.counts, key=lambda item: (-self.counts[item], item))

    def recommend(self, user_items: dict[str, float], exclude: set[str], k: int = K) -> list[str]:
        picks = []
        for item in self.ranked:
            if len(picks) == k:
                break
            if item not in exclude and item not in user_items:
                picks.append(item)
        return picks


class ItemKNN:
    """Item-item cosine on the user x item rating matrix (raw stars, 0 = unrated).

    An unseen film scores the sum of its similarities to the films the user rated
    RELEVANT_STARS or more (all their films when none is), counting for each of those
    only its `neighbours` most similar films; None counts every film.
    """

    name = "item-kNN"

    def __init__(self, history: History, *, neighbours: int | None = 50, liked: float = RELEVANT_STARS):
        self.liked = liked
        self.items = sorted({item for rows in history.values() for item, _, _ in rows})
        self.index = {item: n for n, item in enumerate(self.items)}
        users = sorted(history)
        matrix = np.zeros((len(users), len(self.items)), dtype=np.float32)
        for row, user in enumerate(users):
            for item, stars, _ in history[user]:
                matrix[row, self.index[item]] = stars
        norms = np.linalg.norm(matrix, axis=0)
        self.unit = matrix / np.where(norms > 0, norms, 1.0)
        self.neighbours = neighbours if neighbours is not None and neighbours < len(self.items) - 1 else None
        self._top_ids: np.ndarray | None = None
        self._top_sims: np.ndarray | None = None
        if self.neighbours is not None:
            self._fit_neighbours()

    def _fit_neighbours(self, block: int = 1024) -> None:
        n, k = len(self.items), self.neighbours
        ids = np.zeros((n, k), dtype=np.int64)
        sims = np.zeros((n, k), dtype=np.float32)
        for start in range(0, n, block):
            stop = min(start + block, n)
            s = self.unit[:, start:stop].T @ self.unit
            s[np.arange(stop - start), np.arange(start, stop)] = -np.inf
            part = np.argpartition(-s, k - 1, axis=1)[:, :k]
            ids[start:stop] = part
            sims[start:stop] = np.take_along_axis(s, part, axis=1)
        self._top_ids, self._top_sims = ids, np.maximum(sims, 0.0)

    def similarity(self, a: str, b: str) -> float:
        return float(self.unit[:, self.index[a]] @ self.unit[:, self.index[b]])

    def scores(self, user_items: dict[str, float]) -> np.ndarray:
        known = {i: s for i, s in user_items.items() if i in self.index}
        seeds = [self.index[i] for i, s in known.items() if s >= self.liked] or [self.index[i] for i in known]
        if not seeds:
            return np.zeros(len(self.items), dtype=np.float32)
        if self.neighbours is None:
            scores = (self.unit.T @ self.unit[:, seeds].sum(axis=1)).astype(np.float64)
            scores[seeds] -= 1.0  # a film is not its own neighbour
            return scores
        scores = np.zeros(len(self.items), dtype=np.float64)
        np.add.at(scores, self._top_ids[seeds].ravel(), self._top_sims[seeds].ravel())
        return scores

    def recommend(self, user_items: dict[str, float], exclude: set[str], k: int = K) -> list[str]:
        scores = self.scores(user_items)
        barred = [self.index[i] for i in exclude | set(user_items) if i in self.index]
        scores[barred] = -np.inf
        # ties (scores of 0 once the neighbourhoods run dry) go to the lower item id
        order = np.lexsort((np.arange(len(self.items)), -scores))[:k]
        return [self.items[i] for i in order if np.isfinite(scores[i])]


# -- the catalog and the history ---------------------------------------------------------


def ratings_leak(catalog: Catalog) -> list[str]:
    """MovieLens sources of this catalog that came with ratings.csv (their votes and mean
    ratings include every held-out rating)."""
    leaks = []
    for source in json.loads(catalog.meta.get("sources", "[]")):
        name, _, paths = source.partition(":")
        if name != "movielens":
            continue
        for raw in paths.split(","):
            path = Path(raw)
            if path.name == "ratings.csv" or (path.is_dir() and (path / "ratings.csv").exists()):
                leaks.append(source)
                break
    return leaks


def catalog_files(home: DataDir, folder: Path) -> Path:
    """A copy of movies.csv and links.csv in the data directory, without ratings.csv or
    tags.csv beside them, for the adapter to read."""
    target = home.root / "evaluation" / "movielens-titles"
    target.mkdir(parents=True, exist_ok=True)
    for name in CATALOG_FILES:
        source = folder / name
        if not source.is_file():
            raise EvaluationError(f"{source}: no such file; a MovieLens folder has {' and '.join(CATALOG_FILES)}")
        if not (target / name).exists() or (target / name).read_bytes() != source.read_bytes():
            shutil.copyfile(source, target / name)
    return target


def ensure_catalog(
    home: DataDir, embedder: Embedder, folder: Path, *, progress: Progress | None = None, vectors=None
) -> IngestReport:
    """Merge MovieLens titles (never its ratings) into the data directory's catalog.

    An unchanged catalog comes back quickly with status "unchanged"; new titles reuse the
    embedding cache.
    """
    return ingest(home, embedder, [("movielens", [catalog_files(home, folder)])], progress=progress, vectors=vectors)


@dataclass
class Prepared:
    """What both evaluations start from: the split in catalog ids, and a profile store
    holding every user's history as "ml:<userId>"."""

    split: Split
    store: ProfileStore
    imported: ImportReport  # the history import, as `moviebot import --all-users` reports it
    unmatched_heldout: int  # held-out ratings of films the catalog could not match


def prepare(catalog: Catalog, folder: Path, store: ProfileStore | None = None) -> Prepared:
    """Split every user's ratings, and import the histories the way `moviebot import --format
    movielens --all-users --user-prefix ml:` does (rated and watched, so the graph's own
    exclusions keep them out of answers). Held-out rows are matched to the catalog by the
    same matcher and never written."""
    leaks = ratings_leak(catalog)
    if leaks:
        raise EvaluationError(
            "this catalog took MovieLens votes and ratings from all of ratings.csv "
            f"({'; '.join(leaks)}), held-out ratings included; use a fresh --data-dir"
        )
    try:
        rows = [row for row in read_history("movielens", [folder]) if isinstance(row, HistoryRow)]
    except SourceError as exc:
        raise EvaluationError(str(exc)) from exc
    by_user: dict[str, list[tuple[int, float, int]]] = {}
    for n, row in enumerate(rows):  # the row's place in the file stands for it, and breaks ties in time
        by_user.setdefault(row.account or "", []).append((n, row.stars, int(row.date or 0)))
    raw = split_latest(by_user)
    store = store if store is not None else ProfileStore(None)
    imported = import_history(store, catalog, (rows[n] for items in raw.history.values() for n, _, _ in items),
                              user_prefix="ml:", fmt="movielens")  # fmt: skip
    matcher = CatalogMatcher(catalog)
    ids: dict[int, str] = {}
    for n, row in enumerate(rows):
        found = matcher.match(row.title, row.year, row.imdb_id).movie_id
        if found is not None:
            ids[n] = found
    unmatched = sum(1 for items in raw.heldout.values() for n in items if n not in ids)
    return Prepared(map_items(raw, ids), store, imported, unmatched)


# -- the evaluation ----------------------------------------------------------------------


@dataclass
class MethodResult:
    name: str
    recall: list[float] = field(default_factory=list)
    ndcg: list[float] = field(default_factory=list)

    @property
    def users(self) -> int:
        return len(self.ndcg)

    @property
    def mean_recall(self) -> float:
        return float(np.mean(self.recall)) if self.recall else 0.0

    @property
    def mean_ndcg(self) -> float:
        return float(np.mean(self.ndcg)) if self.ndcg else 0.0

    def to_dict(self, k: int = K) -> dict:
        return {"method": self.name, "users": self.users, f"recall@{k}": round(self.mean_recall, 4),
                f"ndcg@{k}": round(self.mean_ndcg, 4)}  # fmt: skip

    def add(self, ranked: list[str], relevant: set[str], k: int = K) -> None:
        self.recall.append(recall_at_k(ranked, relevant, k))
        self.ndcg.append(ndcg_at_k(ranked, relevant, k))


@dataclass
class MovieLensReport:
    methods: list[MethodResult]
    eligible: int  # users with a held-out rating of 4 or more
    skipped: int  # users without one
    catalog_movies: int
    unmatched: int  # ratings of films the catalog could not match, history and held-out
    history_ratings: int
    short_answers: int = 0  # users for whom the bot returned fewer than k picks
    history_in_answers: int = 0  # picks from the user's history: the graph should never make one
    k: int = K

    def method(self, name: str) -> MethodResult:
        return next(m for m in self.methods if m.name == name)

    def ratio(self, name: str, baseline: str) -> float | None:
        base = self.method(baseline).mean_ndcg
        return self.method(name).mean_ndcg / base if base else None

    def to_dict(self) -> dict:
        return {
            "k": self.k,
            "request": REQUEST,
            "eligible_users": self.eligible,
            "skipped_users": self.skipped,
            "catalog_movies": self.catalog_movies,
            "unmatched_ratings": self.unmatched,
            "history_ratings": self.history_ratings,
            "short_answers": self.short_answers,
            "history_in_answers": self.history_in_answers,
            "methods": [m.to_dict(self.k) for m in self.methods],
            "ndcg_ratio_to_popularity": _round(self.ratio("moviebot", "popularity")),
            "ndcg_ratio_to_item_knn": _round(self.ratio("moviebot", "item-kNN")),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def sample_users(users: list[str], n: int | None, seed: int) -> list[str]:
    if n is None or n >= len(users):
        return list(users)
    return sorted(random.Random(seed).sample(users, n), key=_user_order)


def evaluate(
    recommender,
    prepared: Prepared,
    *,
    users: int | None = None,
    seed: int = 0,
    k: int = K,
    neighbours: int | None = 50,
    progress: Progress | None = None,
) -> MovieLensReport:
    """Moviebot through `recommender.ask` (a real graph over the prepared store), then the
    baselines, for the same users and the same exclusions."""
    split = prepared.split
    eligible = split.evaluable
    chosen = sample_users(eligible, users, seed)
    popularity = Popularity(split.history)
    knn = ItemKNN(split.history, neighbours=neighbours)
    results = {name: MethodResult(name) for name in ("moviebot", popularity.name, knn.name)}
    report = MovieLensReport(
        methods=list(results.values()),
        eligible=len(eligible),
        skipped=len(split.heldout) - len(eligible),
        catalog_movies=len(recommender.deps.catalog),
        unmatched=len(prepared.imported.skipped) + prepared.unmatched_heldout,
        history_ratings=prepared.imported.rated,
        k=k,
    )
    advance = progress("users", len(chosen)) if progress else None
    for user in chosen:
        relevant = split.relevant(user)
        seen = split.seen(user)
        answer = recommender.ask(REQUEST, user=f"ml:{user}", k=k, remember=False)
        ranked = [r["id"] for r in answer.get("recommendations") or []]
        report.short_answers += len(ranked) < k
        report.history_in_answers += len(set(ranked) & seen)
        results["moviebot"].add(ranked, relevant, k)
        user_items = {item: stars for item, stars, _ in split.history[user]}
        results[popularity.name].add(popularity.recommend(user_items, seen, k), relevant, k)
        results[knn.name].add(knn.recommend(user_items, seen, k), relevant, k)
        if advance:
            advance(1)
    return report


def write_chart(report: MovieLensReport, path: Path) -> Path:
    """Recall@k and NDCG@k per method, side by side."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [m.name for m in report.methods]
    x = np.arange(len(names))
    width = 0.38
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=120)
    for offset, label, values in (
        (-width / 2, f"Recall@{report.k}", [m.mean_recall for m in report.methods]),
        (width / 2, f"NDCG@{report.k}", [m.mean_ndcg for m in report.methods]),
    ):
        bars = ax.bar(x + offset, values, width, label=label)
        ax.bar_label(bars, fmt="%.3f", fontsize=8, padding=2)
    users = report.methods[0].users if report.methods else 0
    ax.set_xticks(x, names)
    ax.set_ylabel("mean over users")
    ax.set_title(f"MovieLens, latest 20% held out, {users} users")
    ax.legend()
    ax.margins(y=0.15)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
