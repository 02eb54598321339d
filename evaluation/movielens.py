"""Offline evaluation on MovieLens: does the bot find what each user went on to like?

Each user's ratings are sorted by time and the latest 20% held out; the rest is the
user's history, imported into a profile store as a real user's ratings would be. One
generic request per user goes through the real graph, and its ten picks are scored
against the held-out ratings of 4 stars or more. The standard baselines (popularity,
item-kNN in three variants, EASE with its lambda chosen on a validation split carved
from the histories), fitted on the same histories and barred from the same titles,
say what those figures are worth. Other time cuts (`split_earlier`, `split_global`)
and users held out of every choice (evaluation.movielens_holdout) check that nothing was
tuned to the first.

The catalog is built from movies.csv and links.csv only: the adapter would otherwise
fold every rating, held-out ones included, into each film's votes and mean rating.
"""

from __future__ import annotations

import json
import math
import random
import shutil
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from evaluation.cf_baselines import RELEVANT_STARS, Ease, History, ItemKNN, Popularity
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
CATALOG_FILES = ("movies.csv", "links.csv")
LAMBDAS = (100.0, 300.0, 1000.0)  # EASE baseline candidates, chosen on validation

Progress = Callable[[str, int], Callable[[int], None] | None]


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


def split_global(ratings: History, share: float = 1 - HOLDOUT) -> Split:
    """One time cut for everyone, when `share` of all ratings had been given: what each user
    rated before it is their history, what they rated after is held out. Users with no
    history before the cut are cold starts, not personalisation, and are left out."""
    times = sorted(at for rows in ratings.values() for _, _, at in rows)
    if not times:
        return Split({}, {})
    cut = times[min(len(times) - 1, int(len(times) * share))]
    history: History = {}
    heldout: dict[str, dict[Hashable, float]] = {}
    for user, rows in ratings.items():
        ordered = sorted(rows, key=lambda r: (r[2], r[0]))
        before = [r for r in ordered if r[2] < cut]
        if before:
            history[user] = before
            heldout[user] = {item: stars for item, stars, at in ordered if at >= cut}
    return Split(history, heldout)


def split_earlier(ratings: History, holdout: float = HOLDOUT) -> Split:
    """The latest split of an earlier time: each user's latest `holdout` share is dropped
    as if the data ended before it, and the latest share of what remains is held out."""
    return split_latest(split_latest(ratings, holdout).history, holdout)


SPLITS = {"latest": split_latest, "earlier": split_earlier, "global": split_global}
HELD_OUT = {
    "latest": "latest 20% of each user's ratings held out",
    "earlier": "each user's latest 20% dropped, the latest 20% of the rest held out",
    "global": "ratings after one time cut for all users (80% of ratings before it) held out",
}


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
def tuned_ease(history: History, lambdas: tuple[float, ...] = LAMBDAS, k: int = K) -> tuple[Ease, dict[float, float]]:
    """EASE with the lambda that scores the best NDCG@k on a validation split carved from
    `history` the way the evaluation splits (never the held-out ratings); returns it and
    every lambda's validation NDCG."""
    if len(lambdas) == 1:
        return Ease(history, lambdas[0]), {}
    carved = split_latest(history)
    train, relevant = carved.history, {u: carved.relevant(u) for u in carved.heldout}
    users = [u for u in sorted(relevant, key=_user_order) if relevant[u]]
    found: dict[float, float] = {}
    for lam in lambdas:
        model = Ease(train, lam)
        found[lam] = float(np.mean([
            ndcg_at_k(model.recommend({i: s for i, s, _ in train.get(u, [])}, set(), k), relevant[u], k) for u in users
        ])) if users else 0.0  # fmt: skip
    best = max(lambdas, key=lambda lam: (found[lam], -lam))
    return Ease(history, best), found


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
    split_name: str = "latest"  # a key of SPLITS


def prepare(catalog: Catalog, folder: Path, store: ProfileStore | None = None, split: str = "latest") -> Prepared:
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
    raw = SPLITS[split](by_user)
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
    return Prepared(map_items(raw, ids), store, imported, unmatched, split)


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
    ease_validation: dict[float, float] = field(default_factory=dict)  # lambda -> validation NDCG@k
    ease_lambda: float | None = None  # the one chosen
    split: str = "latest"
    k: int = K

    def method(self, name: str) -> MethodResult:
        return next(m for m in self.methods if m.name == name)

    def ratio(self, name: str, baseline: str) -> float | None:
        base = self.method(baseline).mean_ndcg
        return self.method(name).mean_ndcg / base if base else None

    def to_dict(self) -> dict:
        return {
            "k": self.k,
            "split": self.split,
            "request": REQUEST,
            "eligible_users": self.eligible,
            "skipped_users": self.skipped,
            "catalog_movies": self.catalog_movies,
            "unmatched_ratings": self.unmatched,
            "history_ratings": self.history_ratings,
            "short_answers": self.short_answers,
            "history_in_answers": self.history_in_answers,
            "methods": [m.to_dict(self.k) for m in self.methods],
            "ease_lambda": self.ease_lambda,
            "ease_validation_ndcg": {f"{lam:g}": round(v, 4) for lam, v in self.ease_validation.items()},
            "moviebot_ndcg_ratio": {m.name: _round(self.ratio("moviebot", m.name)) for m in self.methods[1:]},
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
    lambdas: tuple[float, ...] = LAMBDAS,
    progress: Progress | None = None,
) -> MovieLensReport:
    """Moviebot through `recommender.ask` (a real graph over the prepared store), then the
    baselines, for the same users and the same exclusions."""
    split = prepared.split
    eligible = split.evaluable
    ease, validation = tuned_ease(split.history, lambdas, k)
    baselines = [
        Popularity(split.history),
        ItemKNN(split.history, neighbours=50),
        ItemKNN(split.history, neighbours=None),
        ItemKNN(split.history, neighbours=None, binary=True),
        ease,
    ]
    report = score_users(recommender, prepared, sample_users(eligible, users, seed), baselines,
                         eligible=eligible, k=k, progress=progress)  # fmt: skip
    report.ease_validation, report.ease_lambda = validation, ease.lam
    return report


def score_users(
    recommender,
    prepared: Prepared,
    chosen: list[str],
    baselines: list,
    *,
    eligible: list[str],
    k: int = K,
    progress: Progress | None = None,
    name: str = "moviebot",
) -> MovieLensReport:
    """NDCG and recall of moviebot (`recommender`, None to skip it) and of each baseline for
    the `chosen` users, with their history barred; `eligible` are the users they were drawn from."""
    split = prepared.split
    names = ((name,) if recommender is not None else ()) + tuple(b.name for b in baselines)
    results = {n: MethodResult(n) for n in names}
    report = MovieLensReport(
        methods=list(results.values()),
        eligible=len(eligible),
        skipped=len(split.heldout) - len(split.evaluable),
        catalog_movies=len(recommender.deps.catalog) if recommender is not None else 0,
        unmatched=len(prepared.imported.skipped) + prepared.unmatched_heldout,
        history_ratings=prepared.imported.rated,
        split=prepared.split_name,
        k=k,
    )
    if recommender is not None:
        model = recommender.deps.collaborative()
        if model is not None:
            model.fit_now()  # as a running bot would have by now: the first turn would not wait for it
    advance = progress("users", len(chosen)) if progress else None
    for user in chosen:
        relevant = split.relevant(user)
        seen = split.seen(user)
        if recommender is not None:
            # unattended: no one reads an evaluation's answer, so its films are not held back as
            # shown ones, and a later run over the same store (another setting) sees the same pool
            answer = recommender.ask(REQUEST, user=f"ml:{user}", k=k, remember=False, unattended=True)
            ranked = [r["id"] for r in answer.get("recommendations") or []]
            report.short_answers += len(ranked) < k
            report.history_in_answers += len(set(ranked) & seen)
            results[name].add(ranked, relevant, k)
        user_items = {item: stars for item, stars, _ in split.history[user]}
        for baseline in baselines:
            results[baseline.name].add(baseline.recommend(user_items, seen, k), relevant, k)
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
    fig, ax = plt.subplots(figsize=(10, 4.2), dpi=120)
    for offset, label, values in (
        (-width / 2, f"Recall@{report.k}", [m.mean_recall for m in report.methods]),
        (width / 2, f"NDCG@{report.k}", [m.mean_ndcg for m in report.methods]),
    ):
        bars = ax.bar(x + offset, values, width, label=label)
        ax.bar_label(bars, fmt="%.3f", fontsize=8, padding=2)
    users = report.methods[0].users if report.methods else 0
    ax.set_xticks(x, names)
    ax.set_ylabel("mean over users")
    ax.set_title(f"MovieLens, {report.split} split, {users} users")
    ax.legend()
    ax.margins(y=0.15)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
