"""Several processes on one data directory (docs/SCALING.md, stage 2) learn from reactions into one
re-ranker: each process is a ProfileStore connection of its own to the same SQLite file here."""

from __future__ import annotations

import numpy as np
import pytest

from agent.bandit import DIM, LinearModel, Ranker
from agent.scoring import FEATURES
from store.profiles import ProfileStore


def features(i: int) -> dict[str, float]:
    return {name: ((i * 7 + j * 3) % 5) / 4 for j, name in enumerate(FEATURES)}


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def path(tmp_path):
    return tmp_path / "moviebot.sqlite"


def process(path, clock=None) -> tuple[ProfileStore, Ranker]:
    store = ProfileStore(path)
    return store, Ranker(store, seed=1, **({"clock": clock} if clock else {}))


def stored(store: ProfileStore, scope: str = "shared") -> LinearModel:
    return LinearModel.from_bytes(store.load_model(scope))


def test_two_processes_saving_keep_both_ones_learning(path):
    """Before, each process saved its whole in-memory model over the stored one: the last to save won,
    and what the other had learned from its users' reactions was gone."""
    (a_store, a), (b_store, b) = process(path), process(path)
    for i in range(5):
        a.learn("discord:1", features(i), 1.0)
    for i in range(3):
        b.learn("slack:2", features(10 + i), 0.0)
    a.save()
    b.save()
    fresh_store, fresh = process(path)
    assert fresh.shared.n == 8
    assert fresh.user_model("discord:1").n == 5 and fresh.user_model("slack:2").n == 3
    one = LinearModel()
    for i in [*range(5), *range(10, 13)]:
        x = np.array([*features(i).values(), 1.0])
        one.update(x, 1.0 if i < 5 else 0.0)
    assert np.allclose(fresh.shared.A, one.A) and np.allclose(fresh.shared.b, one.b)
    for store in (a_store, b_store, fresh_store):
        store.close()


def test_a_process_takes_in_what_another_saved_while_it_answers(path):
    clock = Clock()
    (a_store, a), (b_store, b) = process(path, clock), process(path, clock)
    for i in range(4):
        a.learn("discord:1", features(i), 1.0)
    a.save()
    before = b.coefficients("slack:2").copy()
    assert not before.any()  # b has learned nothing itself and has not looked yet
    clock.now += b.sync_seconds
    after = b.coefficients("slack:2")
    assert b.shared.n == 4 and after.any()
    assert np.allclose(after, a.coefficients("slack:2"))
    a_store.close()
    b_store.close()


def test_a_refit_is_not_added_to_twice(path):
    """A refit reads every reward in the store, so what another process learned and had not saved
    is in it already: that process drops its pending learning and reads the refit."""
    store = ProfileStore(path)
    refitter = Ranker(store, seed=1)
    other_store, other = process(path)
    other.learn("discord:1", features(1), 1.0)  # its reward is in the store too, in real use
    assert refitter.learn_from_store() == 0  # this store holds no rewards: the refit is empty
    other.save()
    assert stored(store).n == 0 and stored(store).generation == 1
    assert other.shared.n == 0 and other.user_model("discord:1").n == 0
    store.close()
    other_store.close()


def test_a_refit_counts_each_users_rewards_once(path):
    """Before, a refit started the shared model afresh but read each user's saved model back and
    learned their rewards again on top of it."""
    store, ranker = process(path)
    for i in range(3):
        ranker.learn("discord:1", features(i), 1.0)
    ranker.save()
    rewards = [{"user": "discord:1", "features": features(i), "reward": 1.0} for i in range(3)]
    store.rewards = lambda **_: rewards  # what the reactions table would give
    assert ranker.learn_from_store() == 3
    assert ranker.user_model("discord:1").n == 3 and stored(store, "user:discord:1").n == 3
    assert stored(store).n == 3
    store.close()


def test_models_saved_before_generations_still_load(path):
    store, _ = process(path)
    old = LinearModel()
    old.update(np.ones(DIM), 1.0)
    buffer = __import__("io").BytesIO()
    np.savez(buffer, A=old.A, b=old.b, n=np.array([old.n]))
    store.save_model("shared", buffer.getvalue())
    _, ranker = process(path)
    assert ranker.shared.n == 1 and ranker.shared.generation == 0
    store.close()
