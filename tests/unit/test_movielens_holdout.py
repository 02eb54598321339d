"""The users-holdout protocol's split: tuning and reporting users never meet, and nothing a
reporting user rated in the test period reaches the data the settings are chosen on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from agent.collaborative import DEFAULT_SETTINGS
from evaluation import movielens as ml
from evaluation import movielens_holdout as mh
from evaluation.cf_baselines import History

RATINGS_CSV = Path(__file__).resolve().parents[3] / "shared" / "data" / "movielens-ml-latest-small" / "ratings.csv"


@pytest.fixture(scope="module")
def real_ratings() -> History:
    if not RATINGS_CSV.exists():
        pytest.skip(f"MovieLens not found at {RATINGS_CSV}")
    by_user: History = {}
    with RATINGS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_user.setdefault(row["userId"], []).append((row["movieId"], float(row["rating"]), int(row["timestamp"])))
    return by_user


def test_halves_are_disjoint_cover_everyone_and_do_not_depend_on_order_or_sample(real_ratings):
    users = sorted(real_ratings)
    tuning, reporting = mh.halves(users)
    assert not set(tuning) & set(reporting) and set(tuning) | set(reporting) == set(users)
    assert 0.4 * len(users) < len(tuning) < 0.6 * len(users)
    again_tuning, again_reporting = mh.halves(reversed(users))
    assert set(again_tuning) == set(tuning) and set(again_reporting) == set(reporting)
    sample = users[::7]  # a user sample lands every user in the same half as the whole file does
    assert set(mh.halves(sample)[0]) == set(tuning) & set(sample)


def test_tuning_data_holds_no_test_rating_of_any_user_on_the_real_file(real_ratings):
    test, validation = ml.split_latest(real_ratings), ml.split_earlier(real_ratings)
    tuning, reporting = mh.halves(validation.evaluable)
    assert tuning and reporting
    for user, rows in real_ratings.items():
        history = {(item, at) for item, _, at in test.history[user]}
        held_out = {(item, at) for item, _, at in rows} - history
        assert {item for item, _ in held_out} == set(test.heldout[user])
        tuned_on = {(item, at) for item, _, at in validation.history[user]}
        tuned_on |= {(item, at) for item, _, at in rows if item in validation.heldout[user]}
        assert tuned_on <= history and not tuned_on & held_out  # validation lives inside the history
    # the users scored while choosing are tuning users; those reported are not
    scored_tuning = set(mh.halves(validation.evaluable)[0])
    scored_reporting = set(mh.halves(test.evaluable)[1])
    assert scored_tuning and scored_reporting and not scored_tuning & scored_reporting


def test_a_stage_varies_one_setting_from_the_current_ones():
    assert mh.with_choice(DEFAULT_SETTINGS, "recency", (5.0, 0.1)) == DEFAULT_SETTINGS.__class__(
        lam=DEFAULT_SETTINGS.lam, neutral=DEFAULT_SETTINGS.neutral, recent=5.0, old_weight=0.1
    )
    assert mh.with_choice(DEFAULT_SETTINGS, "lam", 1000.0).lam == 1000.0
    assert "no recency" in mh.with_choice(DEFAULT_SETTINGS, "recency", (10.0, 1.0)).describe()
    for stage, values in mh.STAGES:  # the product's current setting is always among the candidates
        assert any(mh.with_choice(DEFAULT_SETTINGS, stage, v) == DEFAULT_SETTINGS for v in values), stage


def test_cli_refuses_a_split_or_an_empty_sample_with_users_holdout(tmp_path, capsys):
    from bot.cli.commands import main

    base = ["eval", "movielens", str(tmp_path), "--data-dir", str(tmp_path / "home"), "--protocol", "users-holdout"]
    assert main([*base, "--split", "earlier"]) == 2
    assert "leave out --split" in capsys.readouterr().err
    assert main([*base, "--tuning-users", "0"]) == 2
    assert "--tuning-users must be at least 1" in capsys.readouterr().err
