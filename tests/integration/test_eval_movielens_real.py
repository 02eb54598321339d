"""Both evaluations on the real MovieLens folder, with the fast hashing embedder for the catalog."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from agent.bandit import Ranker
from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender
from evaluation import bandit as bd
from evaluation import movielens as ml
from store.catalog import Catalog
from store.home import DataDir
from store.starter import open_catalog
from tests.fakes import HashingEmbedder

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
MOVIELENS = SHARED_DATA / "movielens-ml-latest-small"
NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    if not (MOVIELENS / "ratings.csv").exists():
        pytest.skip(f"MovieLens not found at {MOVIELENS}")
    embedder = HashingEmbedder()
    home = DataDir(tmp_path_factory.mktemp("ml-eval") / "home").ensure()
    open_catalog(home, embedder)[0].close()
    report = ml.ensure_catalog(home, embedder, MOVIELENS)
    assert report.movies > 9000
    cat = Catalog(home.current_catalog(), embedder)
    yield cat
    cat.close()


BASELINES = ["moviebot", "popularity", "item-kNN 50nn", "item-kNN all", "item-kNN binary", "EASE"]


def test_the_real_split_keeps_held_out_ratings_out_of_history_and_catalog(catalog):
    prepared = ml.prepare(catalog, MOVIELENS)
    split, store = prepared.split, prepared.store
    assert ml.ratings_leak(catalog) == []
    assert len(split.evaluable) > 550  # nearly all 610 users have a held-out rating of 4+
    assert prepared.imported.rated > 75_000 and not prepared.imported.skipped
    # only the starter's films carry votes; ratings.csv would have given every MovieLens film some
    assert sum(m.votes is None for m in catalog.movies.values()) > 9000
    for user in split.evaluable[:40]:
        stored = store.ratings(f"ml:{user}")
        assert set(stored) == split.seen(user)
        assert not set(split.heldout[user]) & set(stored)
        assert split.relevant(user)
    store.close()


def test_thirty_users_through_the_graph_against_the_baselines(catalog, tmp_path):
    prepared = ml.prepare(catalog, MOVIELENS)
    deps = Deps(catalog=catalog, profiles=prepared.store, ranker=Ranker(prepared.store),
                config=AgentConfig(explore=False), clock=lambda: NOW)  # fmt: skip
    report = ml.evaluate(Recommender(deps), prepared, users=30, seed=11, lambdas=(300.0,))  # one lambda: no tuning
    prepared.store.close()
    assert [m.name for m in report.methods] == BASELINES
    for method in report.methods:
        assert method.users == 30
        assert all(0.0 <= v <= 1.0 for v in method.recall + method.ndcg)
        assert 0.0 <= method.mean_recall <= 1.0 and 0.0 <= method.mean_ndcg <= 1.0
    assert all(m.mean_ndcg > 0 for m in report.methods)
    assert report.history_in_answers == 0 and report.short_answers == 0
    data = report.to_dict()
    assert data["ease_lambda"] == 300.0 and all(r is not None for r in data["moviebot_ndcg_ratio"].values())
    chart = ml.write_chart(report, tmp_path / "movielens_eval.png")
    assert chart.stat().st_size > 1000 and chart.read_bytes()[:4] == b"\x89PNG"


def test_a_short_bandit_simulation_gives_finite_estimates(catalog):
    prepared = ml.prepare(catalog, MOVIELENS)
    answers = bd.simulate(catalog, prepared, users=6, rounds=4, k=5, epsilon=0.3, seed=2, clock=lambda: NOW)
    prepared.store.close()
    assert len(answers) == 24 and all(len(a) == 5 for a in answers)
    slots = [s for a in answers for s in a]
    assert all(0 < s.propensity <= 1 and s.reward in (0.0, 0.1, 0.5, 1.0) for s in slots)
    assert any(s.propensity < 0.5 for s in slots)  # some slots were explored
    for answer in answers:  # a user is never shown a film twice, nor one from their history
        assert len({s.pick.movie_id for s in answer}) == 5
    by_user: dict[str, list[str]] = {}
    for s in slots:
        by_user.setdefault(s.user, []).append(s.pick.movie_id)
    assert all(len(ids) == len(set(ids)) for ids in by_user.values())
    assert all(not set(ids) & prepared.split.seen(u.removeprefix("ml:")) for u, ids in by_user.items())
    report = bd.compare(answers, mode="simulated")
    assert report.events == 60 and report.learned_from == 60
    for value in (report.fixed.ips, report.learned.ips, report.fixed.snips, report.logging_reward):
        assert math.isfinite(value) and value >= 0
    assert report.fixed.matches > 0


def test_users_holdout_tunes_on_tuning_users_and_reports_on_the_others(catalog):
    from evaluation import movielens_holdout as mh

    test, validation = ml.prepare(catalog, MOVIELENS), ml.prepare(catalog, MOVIELENS, split="earlier")
    built, asked = [], []

    def recommenders(prepared, settings):
        deps = Deps(catalog=catalog, profiles=prepared.store, ranker=Ranker(prepared.store),
                    config=AgentConfig(explore=False, collaborative=settings), clock=lambda: NOW)  # fmt: skip
        recommender = Recommender(deps)
        real_ask = recommender.ask
        recommender.ask = lambda *a, **kw: asked.append((prepared.split_name, kw["user"], kw)) or real_ask(*a, **kw)
        built.append((prepared.split_name, settings))
        return recommender

    result = mh.evaluate_holdout(recommenders, validation, test, users=6, tuning=6, seed=3,
                                 stages=(("lam", (300.0, 1000.0)),), lambdas=(300.0, 1000.0),
                                 neighbours=(20, 50))  # fmt: skip
    tuned = {user.removeprefix("ml:") for split, user, _ in asked if split == "earlier"}
    reported = {user.removeprefix("ml:") for split, user, _ in asked if split == "latest"}
    # unattended: one setting's picks are not held back from the next setting's answer to the same user
    assert all(kw["unattended"] and not kw["remember"] for *_, kw in asked)
    assert len(tuned) == 6 and len(reported) == 6 and not tuned & reported
    assert all(mh.is_tuning_user(u) for u in tuned) and not any(mh.is_tuning_user(u) for u in reported)
    # the store every tuning run read holds none of any user's test ratings
    for user, items in test.split.heldout.items():
        assert not set(items) & set(validation.store.ratings(f"ml:{user}"))
        assert not set(items) & {item for item, _, _ in validation.split.history.get(user, [])}
    assert [s for split, s in built if split == "earlier"] == [
        mh.with_choice(mh.DEFAULT_SETTINGS, "lam", lam) for lam in (300.0, 1000.0)
    ]
    chosen_lam = float(next(c.chosen for c in result.choices if c.method == "moviebot lam"))
    assert result.settings.lam == chosen_lam and result.defaults_chosen == (chosen_lam == 300.0)
    assert [c.method for c in result.choices] == ["EASE lambda", "item-kNN neighbours", "moviebot lam"]
    names = [m.name for m in result.report.methods]
    assert names[0] == "moviebot" and {"popularity", "item-kNN 50nn", "item-kNN all", "EASE"} <= set(names)
    assert all(m.users == 6 for m in result.report.methods)
    assert result.report.history_in_answers == 0
    data = result.to_dict()
    assert data["protocol"] == "users-holdout" and data["tuning_users"] == 6 and data["reporting_users"] == 6
    again = recommenders(validation, mh.DEFAULT_SETTINGS)
    first = sorted(tuned)[0]
    picks = [[r["id"] for r in again.ask(ml.REQUEST, user=f"ml:{first}", k=10, remember=False, unattended=True)
              ["recommendations"]] for _ in range(2)]  # fmt: skip
    assert len(picks[0]) == 10 and picks[0] == picks[1]
    test.store.close()
    validation.store.close()
