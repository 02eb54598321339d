"""The learning re-ranker: a contextual bandit over ranking features, fed by reactions.

Each slot of an answer is a decision among the best candidates. The policy adds a
learned correction to the fixed ranker's score: a ridge-regression estimate of the
reward (a like or a later "watched" is 1, a dislike 0, silence a small value) from a
model shared by everyone plus a per-user adjustment fitted to what the shared model
gets wrong for that user. Exploration is epsilon-greedy within the top of the pool,
so every logged choice carries an exact propensity and the policy can be evaluated
offline by inverse-propensity scoring. The first slot never explores: an answer
leads with its best pick, and that slot is logged with propensity 1.
"""

from __future__ import annotations

import io
import math
import random
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from agent.scoring import DIVERSITY, FEATURES, Candidate, unit_rows
from store.profiles import NO_FEEDBACK_REWARD

if TYPE_CHECKING:
    from store.profiles import ProfileStore

DIM = len(FEATURES) + 1  # the features plus a bias term


def vectorise(features: dict[str, float]) -> np.ndarray:
    return np.array([*(features.get(name, 0.0) for name in FEATURES), 1.0], dtype=np.float64)


class LinearModel:
    """Bayesian ridge regression in its sufficient statistics: A = lambda*I + sum x x^T, b = sum r x.

    `generation` counts refits of the stored model: what a process learned under one generation
    is already in the next (a refit reads every reward), so it is not added to it."""

    def __init__(self, regulariser: float = 1.0):
        self.A = np.eye(DIM) * regulariser
        self.b = np.zeros(DIM)
        self.n = 0
        self.generation = 0

    def update(self, x: np.ndarray, reward: float) -> None:
        self.A += np.outer(x, x)
        self.b += reward * x
        self.n += 1

    def plus(self, delta: LinearModel) -> LinearModel:
        """This model with what `delta` (a model with no prior: LinearModel(0.0)) learned added."""
        merged = LinearModel(0.0)
        merged.A, merged.b = self.A + delta.A, self.b + delta.b
        merged.n, merged.generation = self.n + delta.n, self.generation
        return merged

    @property
    def theta(self) -> np.ndarray:
        return np.linalg.solve(self.A, self.b)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez(buffer, A=self.A, b=self.b, n=np.array([self.n]), generation=np.array([self.generation]))
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes | None, regulariser: float = 1.0) -> LinearModel:
        model = cls(regulariser)
        if blob:
            data = np.load(io.BytesIO(blob))
            if data["A"].shape == (DIM, DIM):
                model.A, model.b, model.n = data["A"], data["b"], int(data["n"][0])
                model.generation = int(data["generation"][0]) if "generation" in data.files else 0
        return model


def _residual(shared: LinearModel, x: np.ndarray, reward: float) -> float:
    """What the shared model gets wrong about this reward: what a user's own model learns."""
    return reward - (float(shared.theta @ x) if shared.n else 0.0)


class Ranker:
    """Chooses the answer's picks; learns from rewards; persists through the profile store."""

    def __init__(
        self,
        profiles: ProfileStore | None,
        *,
        epsilon: float = 0.1,
        explore_top: int = 8,
        learned_weight: float = 1.0,
        user_regulariser: float = 5.0,
        seed: int | None = None,
        sync_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.profiles = profiles
        self.epsilon = epsilon  # bounded: at most this share of slots are exploratory
        self.explore_top = explore_top
        self.learned_weight = learned_weight
        self.user_regulariser = user_regulariser
        self._random = random.Random(seed)
        self._lock = threading.RLock()
        self.sync_seconds = sync_seconds
        self._clock = clock
        self.shared = LinearModel()
        self._users: dict[str, LinearModel] = {}
        # What this process learned since its last save, per scope ("shared", "user:<key>"): other
        # processes on the same store learn too, so a save adds this to the stored model, never
        # overwrites it, and the stored model is read back every `sync_seconds` while turns run.
        self._pending: dict[str, LinearModel] = {}
        self._stored = (0, 0)  # (generation, n) of the stored shared model this process last read
        self._synced_at = -math.inf
        self.sync()

    # -- scoring ---------------------------------------------------------------------------

    def user_model(self, user: str) -> LinearModel:
        with self._lock:
            if user not in self._users:
                blob = self.profiles.load_model(f"user:{user}") if self.profiles and user else None
                stored = LinearModel.from_bytes(blob, self.user_regulariser)
                pending = self._pending.get(f"user:{user}")
                self._users[user] = stored.plus(pending) if pending else stored
            return self._users[user]

    def coefficients(self, user: str) -> np.ndarray:
        """The learned reward model for this user: the shared estimate plus their correction."""
        if self._clock() - self._synced_at >= self.sync_seconds:
            self.sync()
        theta = self.shared.theta if self.shared.n else np.zeros(DIM)
        model = self._users.get(user) or (self.user_model(user) if user else None)
        if model is not None and model.n:
            theta = theta + model.theta
        return theta

    def scores(self, user: str, candidates: Sequence[Candidate]) -> list[float]:
        if not candidates:
            return []
        learned = np.array([vectorise(c.features) for c in candidates]) @ self.coefficients(user)
        return [c.score + self.learned_weight * float(value) for c, value in zip(candidates, learned, strict=True)]

    # -- choosing --------------------------------------------------------------------------

    def choose(
        self, user: str, candidates: Sequence[Candidate], count: int, *, explore: bool = True
    ) -> list[tuple[Candidate, float]]:
        """Fill `count` slots; the first is the greedy pick, and each later greedy pick is kept
        with probability 1 - epsilon, or swapped for a uniform draw from the top of the remaining
        pool. Returns each pick with the probability that this policy would have put it in that slot."""
        pool = list(candidates)
        values = np.array(self.scores(user, pool))
        units = unit_rows(pool)
        nearest = np.zeros(len(pool))  # each candidate's cosine to its closest pick, at least 0
        available = np.ones(len(pool), dtype=bool)
        chosen: list[tuple[Candidate, float]] = []
        while available.any() and len(chosen) < count:
            adjusted = np.where(available, values - DIVERSITY * nearest, -np.inf)
            ranked = np.argsort(-adjusted, kind="stable")[: min(self.explore_top, int(available.sum()))]
            top = [int(i) for i in ranked]
            epsilon = self.epsilon if explore and chosen and len(top) > 1 else 0.0  # the first slot: the best
            pick = self._random.choice(top) if epsilon and self._random.random() < epsilon else top[0]
            propensity = (1 - epsilon) * (pick == top[0]) + epsilon / len(top)
            chosen.append((pool[pick], propensity))
            available[pick] = False
            nearest = np.maximum(nearest, units @ units[pick])
        return chosen

    # -- learning --------------------------------------------------------------------------

    def learn(self, user: str, features: dict[str, float], reward: float) -> None:
        """One reward: the shared model learns it, the user's model learns the residual."""
        x = vectorise(features)
        with self._lock:
            residual = _residual(self.shared, x, reward)
            self.shared.update(x, reward)
            self._pending_for("shared").update(x, reward)
            if user:
                self.user_model(user).update(x, residual)
                self._pending_for(f"user:{user}").update(x, residual)

    def _pending_for(self, scope: str) -> LinearModel:
        if scope not in self._pending:
            self._pending[scope] = LinearModel(0.0)
        return self._pending[scope]

    def learn_from_store(self, *, no_feedback_reward: float = NO_FEEDBACK_REWARD, window_hours: float = 48) -> int:
        """Refit from every reward the store can compute (cheap: a few small matrices), and store
        the result as the next generation: what other processes learned but had not saved is in it
        already (their rewards are in the store), so they drop it and read this. How many rewards
        were learned from, the movie-night picks skipped not among them (the log says it)."""
        if self.profiles is None:
            return 0
        rows = self.profiles.rewards(no_feedback_reward=no_feedback_reward, window_hours=window_hours)
        learned = [row for row in rows if row["features"]]  # a movie-night pick has none, and teaches nothing
        shared, users = LinearModel(), {}  # from nothing: a stored user model would count twice
        for row in learned:
            x, reward = vectorise(row["features"]), row["reward"]
            residual = _residual(shared, x, reward)
            shared.update(x, reward)
            if row["user"]:
                users.setdefault(row["user"], LinearModel(self.user_regulariser)).update(x, residual)
        with self._lock:
            shared.generation = LinearModel.from_bytes(self.profiles.load_model("shared")).generation + 1
            blobs = {"shared": shared.to_bytes(), **{f"user:{user}": model.to_bytes() for user, model in users.items()}}
            self.profiles.replace_models(blobs)
            self.shared, self._users, self._pending = shared, users, {}
            self._stored, self._synced_at = (shared.generation, shared.n), self._clock()
        return len(learned)

    def save(self) -> None:
        """Adds what this process learned since its last save to the stored models, in one write,
        and takes in what other processes saved meanwhile."""
        if self.profiles is None:
            return
        with self._lock, self.profiles.transaction():
            stored = LinearModel.from_bytes(self.profiles.load_model("shared"))
            if stored.generation == self.shared.generation:  # else a refit holds it already
                for scope, delta in self._pending.items():
                    base = stored if scope == "shared" else self._load(scope)
                    self.profiles.save_model(scope, base.plus(delta).to_bytes())
            self._pending = {}
            self._read_back()

    def sync(self) -> None:
        """Takes in what other processes saved since this one last looked (cheap: one small row)."""
        self._synced_at = self._clock()
        if self.profiles is None:
            return
        with self._lock:
            stored = LinearModel.from_bytes(self.profiles.load_model("shared"))
            if (stored.generation, stored.n) != self._stored:
                if stored.generation != self.shared.generation:
                    self._pending = {}  # a refit holds it already
                self._read_back(stored)
            self._synced_at = self._clock()

    def _read_back(self, stored: LinearModel | None = None) -> None:
        """The stored shared model plus what is pending; users' models are read again when needed."""
        stored = stored or LinearModel.from_bytes(self.profiles.load_model("shared"))
        pending = self._pending.get("shared")
        self.shared = stored.plus(pending) if pending else stored
        self._users = {}
        self._stored, self._synced_at = (stored.generation, stored.n), self._clock()

    def _load(self, scope: str) -> LinearModel:
        return LinearModel.from_bytes(self.profiles.load_model(scope), self.user_regulariser)
