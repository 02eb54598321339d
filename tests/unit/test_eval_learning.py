"""The MovieLens and bandit evaluations on tiny data whose right answers are worked out by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from agent.bandit import Ranker
from agent.scoring import Candidate
from evaluation import bandit as bd
from evaluation import movielens as ml
from store.catalog import Catalog
from store.home import DataDir
from store.profiles import ProfileStore
from store.starter import open_catalog

# -- metrics -----------------------------------------------------------------------------


def test_ndcg_by_hand():
    # hits at ranks 1 and 3 of two relevant: (1 + 1/log2 4) / (1 + 1/log2 3)
    assert ml.ndcg_at_k(["a", "x", "b"], {"a", "b"}) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert ml.ndcg_at_k(["x", "a"], {"a"}) == pytest.approx(1 / math.log2(3))
    assert ml.ndcg_at_k(["a", "b"], {"a", "b"}) == pytest.approx(1.0)
    assert ml.ndcg_at_k(["x", "y"], {"a"}) == 0.0
    assert ml.ndcg_at_k(["a"], set()) == 0.0


def test_ndcg_ideal_is_capped_at_k():
    relevant = {f"r{i}" for i in range(12)}
    ranked = [f"r{i}" for i in range(10)]
    assert ml.ndcg_at_k(ranked, relevant, k=10) == pytest.approx(1.0)
    assert ml.ndcg_at_k(["x", *ranked], relevant, k=10) < 1.0


def test_recall_counts_only_the_top_k():
    ranked = [f"n{i}" for i in range(9)] + ["a", "b"]  # "a" is 10th, "b" 11th
    assert ml.recall_at_k(ranked, {"a", "b", "c", "d"}, k=10) == pytest.approx(0.25)
    assert ml.recall_at_k(ranked, {"a", "b", "c", "d"}, k=11) == pytest.approx(0.5)
    assert ml.recall_at_k(ranked, set()) == 0.0


# -- the split ---------------------------------------------------------------------------


def test_split_holds_out_the_latest_fifth_and_keeps_the_rest_as_history():
    rows = [(f"m{i}", 3.0, t) for i, t in enumerate([50, 10, 90, 30, 70, 20, 100, 60, 40, 80])]
    split = ml.split_latest({"1": rows})
    assert set(split.heldout["1"]) == {"m6", "m2"}  # timestamps 100 and 90
    assert [item for item, _, _ in split.history["1"]] == ["m1", "m5", "m3", "m8", "m0", "m7", "m4", "m9"]
    assert not set(split.heldout["1"]) & split.seen("1")


def test_split_rounds_the_share_and_breaks_ties_in_time_by_item():
    seven = {"u": [(f"m{i}", 4.0, 1) for i in range(7)]}  # 20% of 7 = 1.4 -> 1, all at one instant
    split = ml.split_latest(seven)
    assert list(split.heldout["u"]) == ["m6"]
    eight = {"u": [(f"m{i}", 4.0, i) for i in range(8)]}  # 1.6 -> 2
    assert set(ml.split_latest(eight).heldout["u"]) == {"m6", "m7"}


def test_only_users_with_a_held_out_rating_of_four_or_more_are_evaluated():
    ratings = {
        "1": [("a", 5.0, 1), ("b", 5.0, 2), ("c", 5.0, 3), ("d", 5.0, 4), ("e", 3.5, 5)],  # held out: e 3.5
        "2": [("a", 1.0, 1), ("b", 1.0, 2), ("c", 1.0, 3), ("d", 1.0, 4), ("e", 4.0, 5)],  # held out: e 4.0
        "10": [("a", 2.0, 1), ("b", 2.0, 2), ("c", 2.0, 3), ("d", 2.0, 4), ("e", 4.5, 5)],
        "3": [("a", 5.0, 1)],  # one rating: nothing to hold out
    }
    split = ml.split_latest(ratings)
    assert split.evaluable == ["2", "10"]
    assert split.relevant("2") == {"e"} and split.relevant("1") == set()
    assert split.heldout["3"] == {}


def test_mapping_to_catalog_ids_drops_unknown_films_and_held_out_films_already_in_the_history():
    split = ml.Split(
        history={"u": [(1, 4.0, 1), (2, 5.0, 2), (9, 3.0, 3)]},
        heldout={"u": {3: 5.0, 4: 4.0, 5: 4.5}},
    )
    # 4 is the same catalog film as 1 (two MovieLens entries, one film); 9 and 5 are unknown
    mapped = ml.map_items(split, {1: "alpha", 2: "beta", 3: "gamma", 4: "alpha"})
    assert mapped.seen("u") == {"alpha", "beta"}
    assert mapped.heldout["u"] == {"gamma": 5.0}


# -- baselines on a four-user matrix -----------------------------------------------------

#        A  B  C  D
#  u1    5  4  .  .
#  u2    4  5  2  .
#  u3    .  4  5  4
#  u4    .  .  4  5
TOY = {
    "u1": [("A", 5.0, 1), ("B", 4.0, 2)],
    "u2": [("A", 4.0, 1), ("B", 5.0, 2), ("C", 2.0, 3)],
    "u3": [("B", 4.0, 1), ("C", 5.0, 2), ("D", 4.0, 3)],
    "u4": [("C", 4.0, 1), ("D", 5.0, 2)],
}
COS_AB = 40 / math.sqrt(41 * 57)
COS_AC = 8 / math.sqrt(41 * 45)
COS_BC = 30 / math.sqrt(57 * 45)
COS_BD = 16 / math.sqrt(57 * 41)
COS_CD = 40 / math.sqrt(45 * 41)


def test_popularity_ranks_by_rating_count_and_skips_what_the_user_has():
    pop = ml.Popularity(TOY)
    assert pop.counts == {"A": 2, "B": 3, "C": 3, "D": 2}
    assert pop.recommend({}, set(), k=4) == ["B", "C", "A", "D"]  # ties by id
    assert pop.recommend({"B": 4.0}, {"B"}, k=2) == ["C", "A"]
    assert pop.recommend({}, {"C", "A"}, k=10) == ["B", "D"]


def test_item_knn_cosines_by_hand():
    knn = ml.ItemKNN(TOY, neighbours=None)
    assert knn.similarity("A", "B") == pytest.approx(COS_AB, rel=1e-5)
    assert knn.similarity("A", "C") == pytest.approx(COS_AC, rel=1e-5)
    assert knn.similarity("A", "D") == pytest.approx(0.0, abs=1e-7)
    assert knn.similarity("C", "D") == pytest.approx(COS_CD, rel=1e-5)


def test_item_knn_sums_similarities_to_the_films_the_user_liked():
    knn = ml.ItemKNN(TOY, neighbours=None)
    # u1 liked A and B: C = cos(A,C) + cos(B,C), D = cos(B,D)
    assert COS_AC + COS_BC > COS_BD
    assert knn.recommend({"A": 5.0, "B": 4.0}, {"A", "B"}) == ["C", "D"]
    scores = dict(zip(knn.items, knn.scores({"A": 5.0, "B": 4.0}), strict=True))
    assert scores["C"] == pytest.approx(COS_AC + COS_BC, rel=1e-5)
    # A film rated below 4 is not a seed: only C counts, so D (0.93) leads B (0.59) and A (0.19)
    assert knn.recommend({"A": 2.0, "C": 5.0}, {"A", "C"}) == ["D", "B"]
    # With nothing rated 4 or more every rated film is a seed
    assert knn.recommend({"D": 3.0}, {"D"}) == ["C", "B", "A"]


def test_item_knn_neighbourhood_keeps_only_each_seeds_nearest_films():
    wide = ml.ItemKNN(TOY, neighbours=None)
    narrow = ml.ItemKNN(TOY, neighbours=1)
    assert wide.recommend({"C": 5.0}, set()) == ["D", "B", "A"]
    assert narrow.recommend({"C": 5.0}, set()) == ["D", "A", "B"]  # only D scores; the rest tie, by id


# -- inverse-propensity scoring on a log whose answer is known ---------------------------

GOOD = {"anchor": 1.0}  # the film users like
BAD = {"popularity": 1.0}  # the one the fixed ranker prefers


def toy_log(picks_good: list[bool]) -> list[bd.Answer]:
    """One-slot answers between a good film (reward 1) and a bad one (reward 0); the
    logging policy shows the good one with probability 1/4."""
    answers = []
    for n, good in enumerate(picks_good):
        a = Candidate("good", GOOD, score=0.2)
        b = Candidate("bad", BAD, score=0.3)
        pick, propensity, reward = (a, 0.25, 1.0) if good else (b, 0.75, 0.0)
        answers.append([bd.Slot(f"u{n % 3}", [a, b], [], pick, propensity, reward)])
    return answers


def test_ips_recovers_the_value_of_always_showing_the_good_film():
    slots = [s for answer in toy_log([True, False, False, False] * 2) for s in answer]
    always_good = bd.estimate("good", slots, lambda slot: "good")
    always_bad = bd.estimate("bad", slots, lambda slot: "bad")
    assert always_good.ips == pytest.approx(1.0)  # its true value: it always earns 1
    assert always_bad.ips == pytest.approx(0.0)
    assert always_good.snips == pytest.approx(1.0)
    assert (always_good.matches, always_bad.matches, always_good.events) == (2, 6, 8)


def test_snips_corrects_an_unlucky_sample_that_ips_overshoots():
    slots = [s for answer in toy_log([True, True, True, False, False, False, False, False]) for s in answer]
    estimate = bd.estimate("good", slots, lambda slot: "good")
    assert estimate.ips == pytest.approx(3 * 4 / 8)
    assert estimate.snips == pytest.approx(1.0)


def test_learned_policy_learns_the_earlier_half_and_beats_the_fixed_one_on_the_later():
    report = bd.compare(toy_log([True, False, False, False] * 4), mode="toy")
    assert (report.learned_from, report.events) == (8, 8)
    assert report.fixed.ips == pytest.approx(0.0)  # the fixed score prefers the bad film
    assert report.learned.ips == pytest.approx(1.0)
    assert report.logging_reward == pytest.approx(0.25)
    assert report.too_few and "too few events" in report.notes[-1]


def test_greedy_pick_is_the_rankers_own_choice_slot_by_slot():
    rng = np.random.default_rng(3)
    ranker = Ranker(None, epsilon=0.0)
    for _ in range(30):
        x = {"relevance": float(rng.random()), "quality": float(rng.random())}
        ranker.learn("u", x, float(rng.random()))
    for trial in range(5):
        pool = []
        for i in range(12):
            vector = rng.normal(size=8)
            features = {"relevance": float(rng.random()), "quality": float(rng.random())}
            pool.append(Candidate(f"m{trial}-{i}", features, score=float(rng.random()),
                                  vector=(vector / np.linalg.norm(vector)).astype(np.float32)))  # fmt: skip
        chosen = ranker.choose("u", pool, 6, explore=False)
        answer = bd.slots_of("u", pool, chosen, lambda movie_id: 0.0)
        assert [bd.greedy_pick(ranker, "u", slot) for slot in answer] == [c.movie_id for c, _ in chosen]
        assert [len(slot.remaining) for slot in answer] == [12, 11, 10, 9, 8, 7]


def test_an_exploring_ranker_logs_propensities_that_match_its_behaviour():
    pool = [Candidate(f"m{i}", {}, score=1.0 - i / 20) for i in range(10)]
    ranker = Ranker(None, epsilon=0.4, explore_top=4, seed=7)
    second = [ranker.choose("u", pool, 2)[1] for _ in range(4000)]
    shares = {m: sum(c.movie_id == m for c, _ in second) / len(second) for m in ("m1", "m2")}
    logged = {c.movie_id: p for c, p in second}
    assert logged["m1"] == pytest.approx(0.6 + 0.1) and logged["m2"] == pytest.approx(0.1)
    assert shares["m1"] == pytest.approx(0.7, abs=0.03) and shares["m2"] == pytest.approx(0.1, abs=0.02)


def test_an_answer_leads_with_its_best_pick_even_when_exploring():
    """An exploratory draw took the first slot ("films with brad pit": Fight Club for one user,
    Ocean's Eleven for another); exploration now starts at the second slot."""
    pool = [Candidate(f"m{i}", {}, score=1.0 - i / 20) for i in range(10)]
    ranker = Ranker(None, epsilon=1.0, explore_top=4, seed=7)
    answers = [ranker.choose("u", pool, 3) for _ in range(200)]
    assert {(a[0][0].movie_id, a[0][1]) for a in answers} == {("m0", 1.0)}
    assert len({a[1][0].movie_id for a in answers}) > 1  # the later slots still explore


def test_simulated_reactions_follow_the_held_out_stars():
    assert [bd.simulated_reward(s) for s in (5.0, 4.0, 3.5, 2.5, 2.0, 0.5, None)] == [1.0, 1.0, 0.5, 0.5, 0.0, 0.0, 0.1]


def test_logged_answers_rebuild_each_reply_from_the_profile_store():
    store = ProfileStore(None)
    items = [{"movie_id": m, "rank": r, "score": s, "features": {"relevance": s}, "propensity": p}
             for r, (m, s, p) in enumerate([("a", 0.9, 0.9), ("b", 0.8, 0.05), ("c", 0.7, 0.9)])]  # fmt: skip
    store.log_suggestions("cli:ana", platform="cli", channel="", request="x", items=items, at="2026-01-01T10:00:00")
    unlogged = [{"movie_id": "a", "rank": 0, "score": 0.5, "features": {}, "propensity": None}]
    store.log_suggestions("cli:bo", platform="cli", channel="", request="y", items=unlogged, at="2026-01-02T10:00:00")
    store.rate("cli:ana", "b", 5.0, at="2026-01-01T11:00:00")
    store.dismiss("cli:ana", "c", at="2026-01-01T11:00:00")
    answers, dropped = bd.logged_answers(store)
    store.close()
    assert dropped == 1  # bo's suggestion carries no propensity
    assert len(answers) == 1
    slots = answers[0]
    assert [(s.pick.movie_id, s.propensity, s.reward) for s in slots] == [("a", 0.9, 0.1), ("b", 0.05, 1.0),
                                                                          ("c", 0.9, 0.0)]  # fmt: skip
    assert [[c.movie_id for c in s.remaining] for s in slots] == [["a", "b", "c"], ["b", "c"], ["c"]]
    assert slots[1].pick.score == pytest.approx(0.8) and [c.movie_id for c in slots[2].previous] == ["a", "b"]


# -- the protocol on a tiny MovieLens folder ---------------------------------------------

MOVIES = [
    ("1", "Heat (1995)", "Action|Crime", "113277"),
    ("2", "Matrix, The (1999)", "Action|Sci-Fi", "133093"),
    ("3", "Toy Story (1995)", "Animation|Children", "114709"),
    ("4", "Fargo (1996)", "Crime|Drama", "116282"),
    ("5", "Alien (1979)", "Horror|Sci-Fi", "78748"),
    ("6", "Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)", "Comedy|Romance", "211915"),
    ("7", "Quiet Harbour (1987)", "Drama", "9912345"),  # in no other source
]


def write_movielens(folder: Path, ratings: list[tuple[str, str, float, int]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "movies.csv").write_text(
        "movieId,title,genres\n" + "".join(f'{m},"{t}",{g}\n' for m, t, g, _ in MOVIES), encoding="utf-8"
    )
    (folder / "links.csv").write_text(
        "movieId,imdbId,tmdbId\n" + "".join(f"{m},{i},\n" for m, _, _, i in MOVIES), encoding="utf-8"
    )
    (folder / "ratings.csv").write_text(
        "userId,movieId,rating,timestamp\n" + "".join(f"{u},{m},{r},{t}\n" for u, m, r, t in ratings),
        encoding="utf-8",
    )
    return folder


RATINGS = [
    # user 1: five ratings, the latest (Alien, 4.5) held out
    ("1", "1", 4.0, 100), ("1", "2", 5.0, 200), ("1", "3", 3.0, 300), ("1", "4", 2.0, 400), ("1", "5", 4.5, 500),
    # user 2: the latest (Toy Story, 2.0) held out: nothing relevant, skipped
    ("2", "1", 5.0, 100), ("2", "2", 4.0, 150), ("2", "4", 4.0, 160), ("2", "5", 3.5, 170), ("2", "7", 4.0, 180),
    ("2", "3", 2.0, 900),
    # user 3: the latest (Amelie, 5.0) held out
    ("3", "2", 4.0, 10), ("3", "3", 4.5, 20), ("3", "4", 5.0, 30), ("3", "5", 1.0, 40), ("3", "7", 3.0, 45),
    ("3", "6", 5.0, 50),
]  # fmt: skip


@pytest.fixture
def tiny(tmp_path, embedder):
    folder = write_movielens(tmp_path / "ml", RATINGS)
    home = DataDir(tmp_path / "home").ensure()
    open_catalog(home, embedder)[0].close()
    ml.ensure_catalog(home, embedder, folder)
    catalog = Catalog(home.current_catalog(), embedder)
    yield folder, home, catalog
    catalog.close()


def by_imdb(catalog: Catalog, imdb: str) -> str:
    return next(m.id for m in catalog.movies.values() if m.imdb_id == f"tt{int(imdb):07d}")


def test_the_catalog_gets_movielens_titles_but_none_of_its_ratings(tiny):
    _, home, catalog = tiny
    assert all(by_imdb(catalog, imdb) for *_, imdb in MOVIES)
    quiet = catalog.movies[by_imdb(catalog, "9912345")]
    assert (quiet.title, quiet.votes, quiet.rating) == ("Quiet Harbour", None, None)
    assert ml.ratings_leak(catalog) == []
    copied = home.root / "evaluation" / "movielens-titles"
    assert sorted(p.name for p in copied.iterdir()) == ["links.csv", "movies.csv"]


def test_history_goes_to_the_store_and_the_held_out_ratings_never_do(tiny):
    folder, _, catalog = tiny
    prepared = ml.prepare(catalog, folder)
    store, split = prepared.store, prepared.split
    alien, amelie = by_imdb(catalog, "78748"), by_imdb(catalog, "211915")
    assert split.evaluable == ["1", "3"]
    assert split.relevant("1") == {alien} and split.relevant("3") == {amelie}
    assert alien not in store.ratings("ml:1") and amelie not in store.ratings("ml:3")
    assert len(store.ratings("ml:1")) == 4 and store.ratings("ml:2")  # every user's history, skipped or not
    assert set(store.ratings("ml:1")) == split.seen("1")
    assert {w["movie_id"] for w in store.watched("ml:1")} == split.seen("1")  # the graph's own exclusion
    assert prepared.imported.rated == 14 and prepared.unmatched_heldout == 0
    store.close()


def test_a_catalog_that_saw_ratings_csv_is_refused(tmp_path, embedder):
    folder = write_movielens(tmp_path / "ml", RATINGS)
    home = DataDir(tmp_path / "home").ensure()
    from store.build import ingest

    ingest(home, embedder, [("movielens", [folder])])
    catalog = Catalog(home.current_catalog(), embedder)
    try:
        assert catalog.movies[by_imdb(catalog, "9912345")].votes == 2  # what the evaluation must not see
        assert ml.ratings_leak(catalog)
        with pytest.raises(ml.EvaluationError, match="held-out ratings included"):
            ml.prepare(catalog, folder)
    finally:
        catalog.close()


def test_evaluate_scores_the_graph_and_both_baselines_for_the_same_users(tiny, tmp_path):
    import datetime as dt

    from agent.deps import AgentConfig
    from agent.service import build_service

    folder, _, catalog = tiny
    prepared = ml.prepare(catalog, folder)
    service = build_service(catalog, prepared.store, ranker=Ranker(prepared.store), config=AgentConfig(explore=False),
                            clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    asked = []
    recommender = service.recommender
    real_ask = recommender.ask
    recommender.ask = lambda *a, **kw: asked.append((a, kw)) or real_ask(*a, **kw)
    report = ml.evaluate(recommender, prepared, k=3)
    prepared.store.close()
    assert [kw["user"] for _, kw in asked] == ["ml:1", "ml:3"]
    assert all(a == (ml.REQUEST,) and kw["k"] == 3 and kw["remember"] is False for a, kw in asked)
    assert [m.name for m in report.methods] == [
        "moviebot", "popularity", "item-kNN 50nn", "item-kNN all", "item-kNN binary", "EASE"
    ]  # fmt: skip
    assert all(m.users == 2 for m in report.methods)
    assert report.history_in_answers == 0 and (report.eligible, report.skipped) == (2, 1)
    # in the histories Alien and Quiet Harbour are the most rated films user 1 has not seen; Amelie, held
    # out by user 3, is in no history, so popularity never finds it
    assert report.method("popularity").recall == [1.0, 0.0]
    chart = ml.write_chart(report, tmp_path / "out" / "chart.png")
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_eval_movielens_prints_the_table_and_writes_the_chart(tiny, tmp_path, monkeypatch, capsys, embedder):
    from bot.cli.commands import main

    folder, home, _ = tiny
    monkeypatch.setattr("bot.settings.Settings.embedder", lambda self: embedder)
    chart = tmp_path / "chart.png"
    code = main(["eval", "movielens", str(folder), "--data-dir", str(home.root), "--chart", str(chart)])
    out = capsys.readouterr().out
    assert code == 0
    for shown in ("moviebot", "popularity", "item-kNN 50nn", "item-kNN all", "item-kNN binary", "EASE", "NDCG@10"):
        assert shown in out
    assert "EASE lambda" in out and "chosen on a validation split" in out and "moviebot NDCG ratio" in out
    assert chart.stat().st_size > 0
    code = main(["eval", "movielens", str(folder), "--data-dir", str(home.root), "--chart", str(chart), "--json",
                 "--users", "1"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and [m["users"] for m in data["methods"]] == [1] * 6


def test_cli_eval_bandit_says_so_when_there_is_nothing_logged(tmp_path, capsys):
    from bot.cli.commands import main

    home = tmp_path / "home"
    home.mkdir()
    ProfileStore(home / "moviebot.sqlite").close()
    assert main(["eval", "bandit", "--logged", "--data-dir", str(home)]) == 0
    out = capsys.readouterr().out
    assert "No events" in out and "too few events" in out
    assert main(["eval", "bandit", "--data-dir", str(home)]) == 2
    assert "--simulate DIR" in capsys.readouterr().err


def test_sample_users_is_seeded_and_bounded():
    users = [str(i) for i in range(1, 50)]
    a, b = ml.sample_users(users, 10, 4), ml.sample_users(users, 10, 4)
    assert a == b and len(a) == 10 and set(a) <= set(users)
    assert ml.sample_users(users, 10, 5) != a
    assert ml.sample_users(users, None, 0) == users


# -- the second split and the EASE baseline ----------------------------------------------


def test_global_split_cuts_everyone_at_one_time_and_leaves_out_cold_users():
    ratings = {
        "1": [("a", 4.0, 1), ("b", 5.0, 2), ("c", 4.0, 9)],
        "2": [("a", 3.0, 3), ("d", 4.0, 4), ("e", 2.0, 5), ("b", 4.0, 6)],
        "3": [("c", 5.0, 8), ("d", 4.0, 10)],  # everything after the cut: a cold start
    }
    split = ml.split_global(ratings, share=0.7)  # 9 ratings: the cut is the 7th time, 8
    assert split.history["1"] == [("a", 4.0, 1), ("b", 5.0, 2)] and split.heldout["1"] == {"c": 4.0}
    assert split.heldout["2"] == {} and "3" not in split.history and "3" not in split.heldout
    assert split.evaluable == ["1"]


def test_ease_baseline_scores_binary_rows_against_the_closed_form():
    history = {f"u{i}": [("a", 5.0, 1), ("b", 1.0, 2)] for i in range(4)} | {
        "v0": [("c", 4.0, 1)], "v1": [("c", 4.0, 1)], "v2": [("c", 2.0, 1)],
    }  # fmt: skip
    model = ml.Ease(history, lam=1.0)
    scores = dict(zip(model.items, model.scores({"a": 1.0}), strict=True))
    assert scores["b"] == pytest.approx(4 / 5, rel=1e-5)  # stars do not matter to EASE, only who rated what
    assert scores["c"] == pytest.approx(0.0, abs=1e-6)
    assert model.recommend({"a": 1.0}, {"a"}, k=2) == ["b", "c"]


def test_ease_lambda_is_chosen_on_a_validation_split_of_the_history():
    # every user rated a then b: a validation split holds out b, which only EASE's a->b link finds
    history = {f"u{i}": [("a", 5.0, 1), ("c", 3.0, 2), ("b", 5.0, 3), ("d", 4.0, 4), ("e", 4.0, 5)] for i in range(6)}
    model, tried = ml.tuned_ease(history, lambdas=(1.0, 1e6))
    assert set(tried) == {1.0, 1e6} and model.lam in tried
    assert tried[model.lam] == max(tried.values())
    single, none_tried = ml.tuned_ease(history, lambdas=(5.0,))
    assert single.lam == 5.0 and none_tried == {}


def test_earlier_split_drops_the_latest_fifth_then_holds_out_the_fifth_before_it():
    rows = [(f"m{t}", 4.0, t) for t in range(1, 11)]
    split = ml.split_earlier({"1": rows})
    assert set(split.heldout["1"]) == {"m7", "m8"}  # m9 and m10 are dropped: the data "ends" before them
    assert [item for item, _, _ in split.history["1"]] == [f"m{t}" for t in range(1, 7)]
