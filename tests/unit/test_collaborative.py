"""The EASE item-item model on tiny rating sets whose answers are worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from agent import collaborative as cf
from store.profiles import ProfileStore


def test_ease_closed_form_by_hand():
    # a and b always rated together by 4 users, c alone by 2: G = [[4,4,0],[4,4,0],[0,0,2]].
    # With lambda 1 the a/b block inverts to [[5,-4],[-4,5]] / 9, so B[a,b] = 4/5 and c is unrelated.
    X = np.array([[1, 1, 0]] * 4 + [[0, 0, 1]] * 2, dtype=np.float32)
    B = cf.ease(X, lam=1.0)
    assert B.dtype == np.float32 and B.shape == (3, 3)
    assert np.allclose(np.diag(B), 0.0)
    assert B[0, 1] == pytest.approx(0.8, rel=1e-5) and B[1, 0] == pytest.approx(0.8, rel=1e-5)
    assert np.allclose(B[:2, 2], 0.0, atol=1e-6) and np.allclose(B[2, :2], 0.0, atol=1e-6)


def test_ease_larger_lambda_shrinks_the_weights():
    X = np.array([[1, 1, 0]] * 4 + [[0, 0, 1]] * 2, dtype=np.float32)
    assert cf.ease(X, lam=4.0)[0, 1] == pytest.approx(4 / 8, rel=1e-5)


def test_user_row_signs_by_stars_and_weights_the_latest_most():
    row = dict(cf.user_row([("old", 5.0), ("mid", 1.0), ("new", 5.0)]))  # oldest first
    assert row["new"] == pytest.approx(1.0)  # (5 - 2.5) / 2.5, latest: full weight
    assert row["old"] == pytest.approx(cf.OLD_WEIGHT + (1 - cf.OLD_WEIGHT) * math.exp(-2 / cf.RECENT))
    assert row["mid"] < 0  # a film rated 1 star pushes its neighbours down
    assert dict(cf.user_row([("x", 2.5)]))["x"] == 0.0


# Two taste groups: fans of a and b also rated c; fans of x and y also rated z. "solo" is rated once.
PAIRS = (
    [(f"u{i}", m) for i in range(5) for m in ("a", "b", "c")]
    + [(f"v{i}", m) for i in range(5) for m in ("x", "y", "z")]
    + [("w", "solo")]
)


def test_item_model_recommends_within_the_users_taste_group():
    model = cf.ItemModel.fit(PAIRS, lam=1.0)
    assert "solo" not in model and model.items == ["a", "b", "c", "x", "y", "z"]
    picks = model.recommend([("a", 5.0)])
    assert list(picks)[:2] in (["b", "c"], ["c", "b"]) and "a" not in picks
    assert set(picks) <= {"b", "c"}  # x, y, z score 0: nothing links them to a
    assert list(model.recommend([("x", 4.5), ("y", 5.0)])) == ["z"]


def test_item_model_a_disliked_film_pushes_its_group_away():
    model = cf.ItemModel.fit(PAIRS, lam=1.0)
    scores = dict(zip(model.items, model.scores([("a", 1.0), ("x", 5.0)]), strict=True))
    assert scores["b"] < 0 < scores["y"]
    assert set(model.recommend([("a", 1.0), ("x", 5.0)])) == {"y", "z"}


def test_item_model_keeps_the_most_rated_films_under_the_cap():
    model = cf.ItemModel.fit([*PAIRS, ("v9", "z")], lam=1.0, max_items=1)
    assert model.items == ["z"] and model.weights.shape == (1, 1)
    assert cf.ItemModel.fit([("u", "a")], min_ratings=3) is None


def test_the_store_model_fits_from_ratings_and_refits_when_they_change(monkeypatch):
    monkeypatch.setattr(cf, "CHECK_EVERY", 0.0)
    store = ProfileStore(None)
    store.bulk_rate([(f"t:{u}", m, 5.0, None) for u, m in PAIRS if m != "solo"])
    holder = cf.CollaborativeModel(store, lam=1.0)
    model = holder.current()  # six films: small enough to fit at once
    assert model is not None and model.ratings == 30
    assert holder.current() is model  # nothing changed, nothing refitted
    store.bulk_rate([(f"t:n{i}", m, 4.0, None) for i in range(4) for m in ("a", "x", "new")])
    refitted = holder.current()
    assert refitted is not model and "new" in refitted and refitted.ratings == 42
    store.close()


def test_liked_by_similar_falls_back_to_none_without_a_model_or_known_films():
    from agent.deps import Deps

    store = ProfileStore(None)
    deps = Deps(catalog=None, profiles=store)  # the model needs no catalog
    assert cf.liked_by_similar(deps.collaborative(), [("a", 5.0)], []) is None  # no ratings in the store yet
    store.bulk_rate([(f"t:{u}", m, 5.0, None) for u, m in PAIRS])
    assert cf.liked_by_similar(deps.collaborative(), [("unknown", 5.0)], []) is None
    deps.profile_cache.clear()
    # a reference title seeds it alone
    assert next(iter(cf.liked_by_similar(deps.collaborative(), [], ["x"]))) in ("y", "z")
    store.close()


def test_the_graph_ranks_what_similar_raters_liked_first(starter):
    """Ten people who loved Heat and Alien also rated an obscure film nobody else did;
    a new user who loves Heat and Alien gets that film first on an open request."""
    import datetime as dt

    from agent.deps import AgentConfig, Deps
    from agent.recommender import Recommender

    films = sorted(starter.movies)
    obscure = next(m for m in films if m not in ("heat-1995", "alien-1979"))
    store = ProfileStore(None)
    group = [f"t:{i}" for i in range(10)]
    store.bulk_rate([(u, m, 5.0, None) for u in group for m in ("heat-1995", "alien-1979", obscure)])
    store.bulk_rate([("t:new", "heat-1995", 5.0, None), ("t:new", "alien-1979", 4.5, None)])
    deps = Deps(
        catalog=starter,
        profiles=store,
        config=AgentConfig(explore=False),
        clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
    )
    result = Recommender(deps).ask("recommend me something", user="t:new", k=5, remember=False)
    picks = [r["id"] for r in result["recommendations"]]
    assert picks[0] == obscure
    assert "heat-1995" not in picks and "alien-1979" not in picks
    holder = deps.collaborative()
    assert holder.model is not None and obscure in holder.model  # the EASE model, not the co-liked counts
    store.close()
