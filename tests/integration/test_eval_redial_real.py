"""The ReDial evaluation end to end: the real metadata as the catalog, the real recommender graph,
the first dialogues of the 901-dialogue sample. A fast fake embedder keeps it quick; the
figures are only checked for coherence, not for quality."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender
from evaluation.redial import METADATA_FILE, catalog_mapping, evaluate, read_dialogues
from store.build import ingest
from store.catalog import Catalog
from store.home import DataDir
from tests.fakes import HashingEmbedder

REDIAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "redial-train"
DIALOGUES = REDIAL / "train_subset_901_from_KGSF_valid_data.jsonl"


@pytest.fixture(scope="module")
def redial_catalog(tmp_path_factory) -> Catalog:
    if not (REDIAL / METADATA_FILE).exists() or not DIALOGUES.exists():
        pytest.skip(f"ReDial data not found under {REDIAL}")
    home = DataDir(tmp_path_factory.mktemp("redial") / "home").ensure()
    embedder = HashingEmbedder()
    ingest(home, embedder, [("redial", [REDIAL / METADATA_FILE])])
    catalog = Catalog(home.current_catalog(), embedder)
    yield catalog
    catalog.close()


def test_recall_on_real_dialogues_is_coherent(redial_catalog):
    ids, names = catalog_mapping(REDIAL / METADATA_FILE, redial_catalog.movies)
    assert len(ids) > 6000  # nearly every ReDial movie made it into the catalog
    deps = Deps(catalog=redial_catalog, config=AgentConfig(explore=False, max_count=50, pool=100),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    bot = Recommender(deps)
    dialogues = read_dialogues([DIALOGUES])
    records = []
    report = evaluate(bot.ask, redial_catalog, dialogues, ids=ids, names=names, limit=30, on_record=records.append)

    assert report.dialogues == 30 and report.samples > 20 and report.turns <= report.samples
    assert report.errors == 0, report.first_error
    assert report.excluded_returned == 0  # already-mentioned movies never come back
    for score in (report.moviebot, report.popularity):
        recalls = [score.recall(k) for k in (1, 10, 50)]
        assert all(0.0 <= r <= 1.0 for r in recalls)
        assert recalls[0] <= recalls[1] <= recalls[2]
    assert report.popularity.samples == report.moviebot.samples
    assert report.popularity.recall(50) > 0  # the baseline finds some targets among 6,000 films
    assert report.returned > 10 * report.turns  # the bot answers with long lists, not 3 picks
    # Every record names catalog movies and mentioned-before movies are never targets.
    for record in records:
        assert all(t in redial_catalog for t in record["targets"])
        assert all(m in redial_catalog for m in record["top10"] + record["popularity_top10"])


def test_moviebot_beats_popularity_on_real_dialogues(redial_catalog):
    """The 500 training dialogues reach the bot as any ratings do (co-likes and counts in the
    profile store) and the popularity baseline counts the same dialogues: the bot's use of
    what the seeker asked for, and of the films named so far, is what must make the difference."""
    from evaluation.redial import training_ratings
    from store.profiles import ProfileStore

    ids, names = catalog_mapping(REDIAL / METADATA_FILE, redial_catalog.movies)
    train = read_dialogues([REDIAL / "train_subset_500_from_KeplerCRS_train_data.jsonl"])
    profiles = ProfileStore(None)
    profiles.bulk_rate(training_ratings(train, ids), source="redial-train")
    deps = Deps(catalog=redial_catalog, profiles=profiles, config=AgentConfig(explore=False, max_count=50, pool=100),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    report = evaluate(Recommender(deps).ask, redial_catalog, read_dialogues([DIALOGUES]), ids=ids, names=names,
                      train=train, limit=150)  # fmt: skip

    assert report.samples > 400
    assert report.moviebot.recall(10) >= 1.5 * report.popularity.recall(10), report.to_dict()
    assert report.moviebot.recall(50) > report.popularity.recall(50), report.to_dict()


def test_dialogues_replayed_in_their_own_year_read_recent_as_then(redial_catalog):
    """ReDial was collected in 2018 (`eval redial --as-of 2018`): 'any recent comedies?' meant 2013 on."""
    then = Deps(catalog=redial_catalog, clock=lambda: dt.datetime(2018, 12, 31, tzinfo=dt.UTC))
    result = Recommender(then).ask("any recent comedies?", user="eval:then", k=5)
    assert result["understood"]["year_min"] == 2013
    assert result["recommendations"] and all(r["year"] >= 2013 for r in result["recommendations"])
