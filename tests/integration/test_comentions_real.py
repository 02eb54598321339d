"""The co-mention ranker on real ReDial and INSPIRED files: fitted on one file's dialogues,
scored on another's, through the CLI as a user runs it. Small slices keep it cheap; the
figures are checked against popularity from the same run, not against the targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.dialogue_ranker import FEATURES, Conversation, ConversationSignal
from bot.cli import main
from bot.runtime import open_runtime
from bot.settings import Settings
from evaluation.redial import METADATA_FILE
from store.build import ingest
from store.catalog import read_movies
from store.comentions import FILE_NAME, CoMentions
from store.home import DataDir
from tests.fakes import HashingEmbedder

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
REDIAL = DATA / "redial-train"
FIT = REDIAL / "train_subset_901_from_KGSF_valid_data.jsonl"
HELD_OUT = REDIAL / "train_subset_500_from_KeplerCRS_train_data.jsonl"
INSPIRED = DATA / "inspired-dev" / "dev.tsv"


@pytest.fixture(scope="module")
def redial_home(tmp_path_factory) -> Path:
    if not all(p.exists() for p in (REDIAL / METADATA_FILE, FIT, HELD_OUT, INSPIRED)):
        pytest.skip(f"ReDial/INSPIRED data not found under {DATA}")
    home = DataDir(tmp_path_factory.mktemp("comentions") / "home").ensure()
    ingest(home, HashingEmbedder(), [("redial", [REDIAL / METADATA_FILE])])
    return home.root


def head(path: Path, lines: int, tmp_path: Path) -> Path:
    out = tmp_path / path.name
    with open(path, encoding="utf-8") as handle:
        out.write_text("".join(next(handle) for _ in range(lines)), encoding="utf-8")
    return out


def test_train_saves_a_table_the_recommender_reads_and_inspired_is_scored(redial_home, tmp_path, capsys):
    status = main(["train", str(head(FIT, 300, tmp_path)), "--metadata", str(REDIAL / METADATA_FILE),
                   "--data-dir", str(redial_home), "--json"])  # fmt: skip
    summary = json.loads(capsys.readouterr().out)
    assert status == 0 and summary["dialogues"] == 300 and summary["films"] > 500
    assert summary["text_model"]["words"] > 1000 and summary["text_model"]["films"] > 300
    table = CoMentions.load(redial_home / FILE_NAME)
    assert table.conversations == 300 and table.get_meta("ranker")
    movies = {m.id: m for m in read_movies(DataDir(redial_home).current_catalog() / "catalog.sqlite")}
    signal = ConversationSignal.from_table(table, movies)
    assert signal.text is not None and signal.ranker.weights[FEATURES.index("text")] != 0
    fitted = summary["fitted"]["recall"]
    assert fitted["co-mention ranker"]["10"] > fitted["popularity"]["10"]

    # The recommender reads the table with the catalog's vectors, so the content feature is live.
    runtime = open_runtime(Settings(home=redial_home), memory=False)
    try:
        model = runtime.service.recommender.deps.conversations.model
        seed = table.most_mentioned()[0]
        films, rows = model.features(Conversation(mentioned={seed: 1}))
        assert len(films) > 100 and rows[:, FEATURES.index("content")].any()
    finally:
        runtime.close()

    status = main(["eval", "inspired", str(INSPIRED), "--data-dir", str(redial_home), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["dialogues"] == 99 and report["turns"] > 50
    recall = report["recall"]
    assert (
        0 <= recall["co-mention ranker"]["1"] <= recall["co-mention ranker"]["10"] <= recall["co-mention ranker"]["50"]
    )
    assert recall["popularity"]["50"] > 0


def test_held_out_dialogues_are_ranked_better_than_by_popularity(redial_home, tmp_path, capsys):
    status = main(["eval", "comentions", str(head(HELD_OUT, 100, tmp_path)), "--train", str(head(FIT, 300, tmp_path)),
                   "--metadata", str(REDIAL / METADATA_FILE), "--data-dir", str(redial_home), "--json"])  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert status == 0
    fitted, held_out = report["splits"]
    assert fitted["dialogues"] == 300 and held_out["dialogues"] == 100 and held_out["samples"] > 200
    ours, popularity = held_out["recall"]["co-mention ranker"], held_out["recall"]["popularity"]
    assert ours["10"] >= 1.5 * popularity["10"] and ours["50"] > popularity["50"], report


def test_inspired_without_a_trained_table_says_how_to_train(tmp_path, capsys):
    if not INSPIRED.exists():
        pytest.skip("INSPIRED data not found")
    status = main(["eval", "inspired", str(INSPIRED), "--data-dir", str(tmp_path / "empty")])
    assert status == 2 and "moviebot train" in capsys.readouterr().err
