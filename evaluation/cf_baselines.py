"""The standard collaborative-filtering baselines a recommender is measured against:
popularity, item-kNN (cosine on raw stars with and without a neighbour cut, and on
binary rated/unrated), and EASE (Steck 2019) with its lambda chosen on a validation
split carved from the training histories only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

import numpy as np

from agent.collaborative import MIN_RATINGS, ease

K = 10
RELEVANT_STARS = 4.0

History = dict[str, list[tuple[Hashable, float, int]]]  # user -> [(item, stars, timestamp)], oldest first


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


class ScoredBaseline:
    """A baseline that scores every training item for a user; the top k unseen win,
    ties going to the lower item id."""

    items: list[str]
    index: dict[str, int]

    def scores(self, user_items: dict[str, float]) -> np.ndarray:
        raise NotImplementedError

    def recommend(self, user_items: dict[str, float], exclude: set[str], k: int = K) -> list[str]:
        scores = np.asarray(self.scores(user_items), dtype=np.float64).copy()
        barred = [self.index[i] for i in exclude | set(user_items) if i in self.index]
        scores[barred] = -np.inf
        order = np.lexsort((np.arange(len(self.items)), -scores))[:k]
        return [self.items[i] for i in order if np.isfinite(scores[i])]


def _matrix(history: History, items: list[str], *, binary: bool) -> np.ndarray:
    index = {item: n for n, item in enumerate(items)}
    matrix = np.zeros((len(history), len(items)), dtype=np.float32)
    for row, user in enumerate(sorted(history)):
        for item, stars, _ in history[user]:
            if item in index:
                matrix[row, index[item]] = 1.0 if binary else stars
    return matrix


class ItemKNN(ScoredBaseline):
    """Item-item cosine on the user x item matrix (raw stars, or 1 for rated; 0 = unrated).

    An unseen film scores the sum of its similarities to the films the user rated
    RELEVANT_STARS or more (all their films when none is), counting for each of those
    only its `neighbours` most similar films; None counts every film.
    """

    def __init__(self, history: History, *, neighbours: int | None = 50, binary: bool = False,
                 liked: float = RELEVANT_STARS):  # fmt: skip
        self.liked = liked
        self.items = sorted({item for rows in history.values() for item, _, _ in rows})
        self.index = {item: n for n, item in enumerate(self.items)}
        matrix = _matrix(history, self.items, binary=binary)
        norms = np.linalg.norm(matrix, axis=0)
        self.unit = matrix / np.where(norms > 0, norms, 1.0)
        self.neighbours = neighbours if neighbours is not None and neighbours < len(self.items) - 1 else None
        self.name = "item-kNN binary" if binary else f"item-kNN {f'{neighbours}nn' if neighbours else 'all'}"
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


class Ease(ScoredBaseline):
    """EASE as published: binary rows, score = x B, over the films at least MIN_RATINGS
    users rated (the rest score nothing)."""

    def __init__(self, history: History, lam: float, *, min_ratings: int = MIN_RATINGS):
        self.lam = lam
        self.name = "EASE"
        counts = Counter(item for rows in history.values() for item, _, _ in rows)
        self.items = sorted(counts)
        self.index = {item: n for n, item in enumerate(self.items)}
        self.modelled = [self.index[i] for i in self.items if counts[i] >= min_ratings]
        matrix = _matrix(history, self.items, binary=True)[:, self.modelled]
        self.weights = ease(matrix, lam) if self.modelled else np.zeros((0, 0), np.float32)

    def scores(self, user_items: dict[str, float]) -> np.ndarray:
        row = np.zeros(len(self.items), dtype=np.float32)
        row[[self.index[i] for i in user_items if i in self.index]] = 1.0
        scores = np.full(len(self.items), -1e9)  # outside the model: last, but still a pick
        scores[self.modelled] = row[self.modelled] @ self.weights
        return scores
