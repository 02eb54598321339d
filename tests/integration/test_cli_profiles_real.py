"""`moviebot import` on the real MovieLens ml-latest-small: every user's ratings in one go.

The catalogs are built with the fast fake embedder: an import never embeds, and the real
model would only add a minute and a half of indexing to what is tested here.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from bot.cli.commands import main
from store.build import ingest
from store.home import DataDir
from tests.fakes import HashingEmbedder

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
MOVIELENS = SHARED_DATA / "movielens-ml-latest-small"
IMDB_TOP_1000 = SHARED_DATA / "imdb-top-1000" / "imdb_top_1000.csv"

pytestmark = pytest.mark.slow


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data set not found at {path}")
    return path


def data_dir_with(tmp_path: Path, fmt: str, source: Path) -> Path:
    home = DataDir(tmp_path / "home").ensure()
    ingest(home, HashingEmbedder(), [(fmt, [source])])
    return home.root


def movielens_facts() -> tuple[int, int, set[str]]:
    """Rows, distinct users, and user 1's rated movieIds, read straight from the file."""
    with (MOVIELENS / "ratings.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return len(rows), len({r["userId"] for r in rows}), {r["movieId"] for r in rows if r["userId"] == "1"}


def import_all(data_dir: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["import", "--format", "movielens", "--all-users", "--user-prefix", "ml:", str(MOVIELENS),
                 "--data-dir", str(data_dir), *extra])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    return code, out


def test_every_movielens_user_and_rating_lands_in_a_movielens_catalog(tmp_path, capsys):
    need(MOVIELENS)
    data_dir = data_dir_with(tmp_path, "movielens", MOVIELENS)
    rows, users, user_one = movielens_facts()

    _, out = import_all(data_dir, capsys, "--json")
    report = json.loads(out)

    assert (report["rows"], report["users"]) == (rows, users) == (100_836, 610)
    skipped = len(report["unmatched"]) + len(report["ambiguous"]) + len(report["invalid"])
    assert report["skipped"] == skipped
    # Two MovieLens ids the catalog merged into one film collapse into one rating for whoever rated both.
    assert rows - skipped - 10 <= report["rated"] <= rows - skipped
    assert report["watched"] == report["rated"]
    assert report["matched_by"]["imdb"] > 0.99 * rows
    db = sqlite3.connect(data_dir / "moviebot.sqlite")
    try:
        stored = db.execute("SELECT COUNT(*), COUNT(DISTINCT user) FROM ratings").fetchone()
        toy_story = db.execute("SELECT stars FROM ratings WHERE user = 'ml:1' AND movie_id = 'toy-story-1995'")
        assert toy_story.fetchone() == (4.0,)  # ratings.csv line 2: userId 1, movieId 1, 4.0
        user_one_count = db.execute("SELECT COUNT(*) FROM ratings WHERE user = 'ml:1'").fetchone()[0]
    finally:
        db.close()
    assert stored == (report["rated"], 610)
    assert user_one_count == len(user_one)


def test_ratings_of_films_outside_the_catalog_are_reported_as_unmatched(tmp_path, capsys):
    need(MOVIELENS)
    data_dir = data_dir_with(tmp_path, "imdb-top-1000", need(IMDB_TOP_1000))

    _, out = import_all(data_dir, capsys, "--json")
    report = json.loads(out)

    assert report["rows"] == 100_836
    assert report["unmatched"] and all(u["reason"] == "not in the catalog" for u in report["unmatched"])
    assert report["matched_by"]["title"] > 10_000  # the IMDb Top 1000 carries no ids: title and year it is
    assert report["matched_by"]["fuzzy"] > 0
    unmatched = {(u["title"], u["year"]) for u in report["unmatched"]}
    assert ("Jumanji", 1995) in unmatched and ("Toy Story", 1995) not in unmatched
    # Close titles that are other films: a sequel, a pun, and a short beside its feature.
    assert {("Back to the Future Part III", 1990), ("Bride & Prejudice", 2004), ("Whiplash", 2013)} <= unmatched
    assert not {("Back to the Future Part II", 1989), ("Pride & Prejudice", 2005), ("Whiplash", 2014)} & unmatched

    _, text = import_all(data_dir_with(tmp_path / "fresh", "imdb-top-1000", IMDB_TOP_1000), capsys)
    lines = text.splitlines()
    assert lines[0].startswith(  # an entry per (user, film): "35156 films" read as that many films
        f"Imported MovieLens history for {report['users']} users: {report['watched']:,} watched films, "
        f"{report['rated']:,} rated"
    )
    assert f"{report['skipped']:,} rows not imported ({len(report['unmatched']):,} not in the catalog" in lines[1]
    assert len([line for line in lines if line.startswith("  ratings.csv:")]) == 20
    assert lines[-1] == f"  ...and {report['skipped'] - 20:,} more (--json lists them all)"
    _, again = import_all(data_dir, capsys)  # the same file into the first catalog again: nothing twice
    assert again.startswith(f"Nothing new in that MovieLens history: its {report['rated']:,} films were already on "
                            "the list, rated the same, so none was imported twice.")  # fmt: skip
