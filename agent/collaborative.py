"""What people who rate like you went on to like: an EASE item-item model over the
profile store's ratings (Steck, "Embarrassingly Shallow Autoencoders", WWW 2019).

EASE's closed form B = I - P / diag(P), P = (X'X + lambda I)^-1, learns how much each
film's presence predicts each other film's, from who rated what. A user is scored by
one row times B. The row is signed and weighted: a film rated under 2.5 stars pushes
its neighbours down, and the latest ratings count most, since taste drifts (on
MovieLens, the next films a user likes are better predicted by their last few ratings).
The weights were chosen on MovieLens validation ratings of half the users (the other half
reports the figures: evaluation.movielens_holdout).

The model covers the films at least MIN_RATINGS people rated, at most MAX_ITEMS of
them (the most rated), so its matrix stays small: 5,000 films is 100 MB of float32.
It is refitted in a background thread when the store's ratings have changed enough;
until the first fit is done, callers fall back to the store's co-liked counts.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import scipy.linalg
import scipy.sparse

if TYPE_CHECKING:
    from store.profiles import ProfileStore

log = logging.getLogger(__name__)

LAMBDA = 300.0  # EASE's L2 weight; chosen on MovieLens validation histories among 100/300/1000
MIN_RATINGS = 3  # a film fewer people rated is not in the model
MAX_ITEMS = 5000  # the model's size cap (B is MAX_ITEMS^2 float32)
NEUTRAL_STARS = 2.5  # ratings above it pull a user's row up, below it push it down
# The latest rating counts 1, the 5th latest about 0.4, the 10th about 0.22, old ones 0.1. Chosen, with
# LAMBDA and NEUTRAL_STARS, by `moviebot eval movielens --protocol users-holdout` on its tuning users'
# validation ratings only (it was 10 and 0.3 before, chosen on everyone's validation ratings).
RECENT = 5.0
OLD_WEIGHT = 0.1
SYNC_FIT_ITEMS = 1000  # a model this small fits in well under a second: no thread needed
REFIT_SHARE = 0.05  # refit when the store's ratings changed by this share since the fit
CHECK_EVERY = 60.0  # seconds between looks at the store's rating count


@dataclass(frozen=True)
class CollaborativeSettings:
    """The choices the model's quality rests on, in one value so an evaluation can try others
    (evaluation.movielens_holdout chooses them on tuning users only)."""

    lam: float = LAMBDA
    neutral: float = NEUTRAL_STARS  # a rating above it pulls its neighbours up, below it down
    recent: float = RECENT  # how fast a rating's weight decays with its age, in ratings
    old_weight: float = OLD_WEIGHT  # the weight an old rating keeps (1.0: no recency at all)

    def describe(self) -> str:
        recency = "no recency" if self.old_weight >= 1.0 else f"recency {self.recent:g}/{self.old_weight:g}"
        return f"lambda {self.lam:g}, neutral {self.neutral:g} stars, {recency}"


DEFAULT_SETTINGS = CollaborativeSettings()


def ease(X: scipy.sparse.spmatrix | np.ndarray, lam: float = LAMBDA) -> np.ndarray:
    """EASE's item-item weights for a users x items matrix X: zero diagonal, float32."""
    X = scipy.sparse.csr_matrix(X, dtype=np.float32)
    gram = (X.T @ X).toarray().astype(np.float32, copy=False)
    gram[np.diag_indices_from(gram)] += lam
    weights = scipy.linalg.inv(gram, overwrite_a=True, check_finite=False)
    del gram
    weights /= -np.diag(weights).copy()  # in place: one matrix in memory besides the inverse's work
    np.fill_diagonal(weights, 0.0)
    return weights.astype(np.float32, copy=False)


def user_row(
    ratings: Sequence[tuple[str, float]], settings: CollaborativeSettings = DEFAULT_SETTINGS
) -> list[tuple[str, float]]:
    """Each rated film's weight in the user's row; `ratings` oldest first."""
    old, neutral = settings.old_weight, settings.neutral
    row = []
    for age, (movie_id, stars) in enumerate(reversed(ratings)):  # age 0: the latest
        recency = old + (1 - old) * math.exp(-age / settings.recent)
        row.append((movie_id, (stars - neutral) / neutral * recency))
    return row[::-1]


@dataclass
class ItemModel:
    items: list[str]
    index: dict[str, int]
    weights: np.ndarray  # items x items, B above
    ratings: int  # how many ratings it was fitted on
    settings: CollaborativeSettings = DEFAULT_SETTINGS  # how a user's row is weighted

    @classmethod
    def fit(
        cls,
        rows: Iterable[tuple[str, str]],
        *,
        lam: float | None = None,
        min_ratings: int = MIN_RATINGS,
        max_items: int = MAX_ITEMS,
        settings: CollaborativeSettings = DEFAULT_SETTINGS,
    ) -> ItemModel | None:
        """From (user, movie_id) pairs, one per rating; None when no film has min_ratings.
        `lam`, when given, overrides the settings' lambda."""
        settings = settings if lam is None else replace(settings, lam=lam)
        pairs = list(rows)
        counts: dict[str, int] = {}
        for _, movie_id in pairs:
            counts[movie_id] = counts.get(movie_id, 0) + 1
        kept = sorted((m for m, c in counts.items() if c >= min_ratings), key=lambda m: (-counts[m], m))[:max_items]
        if not kept:
            return None
        items = sorted(kept)
        index = {m: i for i, m in enumerate(items)}
        users = {u: i for i, u in enumerate(sorted({u for u, m in pairs if m in index}))}
        cells = [(users[u], index[m]) for u, m in pairs if m in index]
        rows_, cols = zip(*cells, strict=True)
        X = scipy.sparse.csr_matrix((np.ones(len(cells), np.float32), (rows_, cols)), shape=(len(users), len(items)))
        X.data[:] = 1.0  # a duplicate pair is still one rating
        return cls(items, index, ease(X, settings.lam), len(pairs), settings)

    def __contains__(self, movie_id: str) -> bool:
        return movie_id in self.index

    def scores(self, ratings: Sequence[tuple[str, float]]) -> np.ndarray:
        """Every modelled film's score for a user with these ratings (oldest first)."""
        row = [(self.index[m], w) for m, w in user_row(ratings, self.settings) if m in self.index]
        if not row:
            return np.zeros(len(self.items), dtype=np.float32)
        ids, values = zip(*row, strict=True)
        return np.asarray(values, dtype=np.float32) @ self.weights[list(ids)]

    def recommend(self, ratings: Sequence[tuple[str, float]], limit: int = 200) -> dict[str, float]:
        """The best-scoring films the user has not rated, best first, positive scores only."""
        scores = self.scores(ratings)
        rated = [self.index[m] for m, _ in ratings if m in self.index]
        scores[rated] = -np.inf
        top = np.argsort(-scores, kind="stable")[:limit]
        return {self.items[i]: float(scores[i]) for i in top if scores[i] > 0}


class CollaborativeModel:
    """The current ItemModel for a profile store, refitted when its ratings change.

    `current()` never waits for a big fit: it returns the last model (None before the
    first) and starts a refit in a background thread when one is due.
    """

    def __init__(self, profiles: ProfileStore, *, lam: float | None = None, min_ratings: int = MIN_RATINGS,
                 max_items: int = MAX_ITEMS, settings: CollaborativeSettings = DEFAULT_SETTINGS):  # fmt: skip
        self.profiles = profiles
        self.settings = settings if lam is None else replace(settings, lam=lam)
        self.min_ratings, self.max_items = min_ratings, max_items
        self.model: ItemModel | None = None
        self._fitted_on = -1  # the store's rating count at the last fit
        self._checked = -math.inf
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def fit_now(self) -> ItemModel | None:
        """Fit from the store's ratings and wait for it (evaluations, tests, small stores)."""
        with self._lock:
            count = self.profiles.rating_total()
            model = ItemModel.fit(self.profiles.rating_pairs(), min_ratings=self.min_ratings,
                                  max_items=self.max_items, settings=self.settings)  # fmt: skip
            self.model, self._fitted_on, self._checked = model, count, time.monotonic()
        return model

    def current(self) -> ItemModel | None:
        now = time.monotonic()
        if now - self._checked < CHECK_EVERY or (self._thread is not None and self._thread.is_alive()):
            return self.model
        self._checked = now
        count = self.profiles.rating_total()
        if self._fitted_on >= 0 and abs(count - self._fitted_on) <= REFIT_SHARE * max(self._fitted_on, 1):
            return self.model
        if self.profiles.rated_films(self.min_ratings) <= SYNC_FIT_ITEMS:
            return self.fit_now()
        self._thread = threading.Thread(target=self._refit, name="collaborative-fit", daemon=True)
        self._thread.start()
        return self.model

    def _refit(self) -> None:
        try:
            self.fit_now()
        except Exception:  # a failed refit keeps the previous model; the next check tries again
            log.exception("collaborative model refit failed")


def collaborative_model(
    profiles: ProfileStore | None, settings: CollaborativeSettings, cache: dict
) -> CollaborativeModel | None:
    """The profile store's model, made on first use and kept in `cache` between turns
    (Deps.collaborative passes its own)."""
    if profiles is None:
        return None
    model = cache.get("__collaborative__")
    if model is None or model.profiles is not profiles or model.settings != settings:
        model = cache["__collaborative__"] = CollaborativeModel(profiles, settings=settings)
    return model


def liked_by_similar(
    holder: CollaborativeModel | None,
    ratings: Sequence[tuple[str, float]],
    references: Sequence[str],
    limit: int = 200,
) -> dict[str, float] | None:
    """The films the item-item model scores best for these ratings (oldest first) plus the
    request's reference titles (counted as the latest, loved ratings); None when there is
    no model yet or none of those films is in it."""
    model = holder.current() if holder is not None else None
    if model is None:
        return None
    row = [(m, s) for m, s in ratings if m not in references] + [(m, 5.0) for m in references]
    if not any(m in model for m, _ in row):
        return None
    return model.recommend(row, limit=limit)
