"""A store written before m006/m007 dated every undated import row by the moment of the import;
m008 takes those dates back, on a file laid out and filled as the old code left it."""

from __future__ import annotations

import json
import sqlite3

from store import migrations
from store.profiles import ProfileStore

IMPORTED = "2026-01-10T09:30:12.345678+00:00"  # the clock when the old importer ran
ROWS = [  # table, film, stars, source, when
    ("ratings", "heat-1995", 4.0, "import:letterboxd", "2026-01-10T09:30:12.351002+00:00"),  # an empty Date
    ("watched", "heat-1995", None, "import:letterboxd", IMPORTED),
    ("ratings", "parasite-2019", 3.5, "import:letterboxd", "2024-03-02T00:00:00.000000+00:00"),
    ("watched", "parasite-2019", None, "import:letterboxd", "2024-03-02T00:00:00.000000+00:00"),
    ("ratings", "amelie-2001", 4.5, "import:movielens", "2019-05-04T10:11:12.000000+00:00"),
    ("watched", "amelie-2001", None, "import:movielens", "2019-05-04T10:11:12.000000+00:00"),
    ("ratings", "se7en-1995", 5.0, "cli", "2025-06-01T20:15:03.120000+00:00"),  # rated here: a real moment
    ("watched", "se7en-1995", None, "cli", "2025-06-01T20:15:03.120000+00:00"),
    ("watched", "the-shining-1980", None, "import:imdb", IMPORTED),  # IMDb's file gave no Date Rated
]
TICKED = "2026-02-01T10:00:00.500000+00:00"  # a ✅ on the undated import of The Insider kept its day


def old_store(path, monkeypatch) -> None:
    """The schema as m001-m005 made it, the rows as the importer of then wrote them."""
    every = migrations.MIGRATIONS
    monkeypatch.setattr(migrations, "MIGRATIONS", every[: every.index(migrations.m006_watched_undated)])
    ProfileStore(path).close()
    monkeypatch.setattr(migrations, "MIGRATIONS", every)
    db = sqlite3.connect(path)
    with db:
        db.execute(
            "INSERT INTO users (key, platform, platform_user_id, created_at, updated_at) "
            "VALUES ('cli:ana', 'cli', 'ana', ?, ?)",
            (IMPORTED, IMPORTED),
        )
        for table, film, stars, source, when in ROWS:
            if table == "ratings":
                db.execute("INSERT INTO ratings VALUES ('cli:ana', ?, ?, ?, ?, NULL)", (film, stars, source, when))
            else:
                db.execute("INSERT INTO watched VALUES ('cli:ana', ?, ?, ?, NULL)", (film, source, when))
        db.execute("INSERT INTO watched VALUES ('cli:ana', 'the-insider-1999', 'feedback:watched', ?, 1)", (IMPORTED,))
        db.execute(
            "INSERT INTO feedback (id, event_id, user, movie_id, kind, added, created_at, prev_exists, prev_source, "
            "prev_at) VALUES (1, 'tick', 'cli:ana', 'the-insider-1999', 'watched', 1, ?, 1, 'import:letterboxd', ?)",
            (TICKED, IMPORTED),
        )
    assert [r[0] for r in db.execute("SELECT name FROM _migrations")][-1] == "m005_messages_of_several_picks"
    db.close()


def test_an_old_store_shows_undated_imports_as_undated(cli, data_dir, monkeypatch):
    """Before: `watched list` showed '2026-01-10  Heat (1995)' and '2026-01-10  The Shining (1980)', seen
    on the day of the import; /profile on Discord named them first among the recently watched; the export said
    Heat was rated on 2026-01-10; "what have I rated" put Heat first as the newest."""
    old_store(data_dir / "moviebot.sqlite", monkeypatch)

    code, out, _ = cli("watched", "list", "--user", "ana")
    assert code == 0 and "2026-01-10" not in out, out
    assert "undated     Heat (1995)" in out and "undated     The Shining (1980)" in out
    assert "2025-06-01  Se7en (1995)" in out and "2024-03-02  Parasite (2019)" in out
    assert "2019-05-04  Amélie (2001)" in out

    code, out, _ = cli("user", "export", "--user", "ana")
    stored = json.loads(out)
    rated = {r["movie_id"]: r["rated_at"] for r in stored["ratings"]}
    watched = {r["movie_id"]: r["watched_at"] for r in stored["watched"]}
    assert rated == {
        "heat-1995": None,
        "parasite-2019": "2024-03-02T00:00:00.000000+00:00",
        "amelie-2001": "2019-05-04T10:11:12.000000+00:00",
        "se7en-1995": "2025-06-01T20:15:03.120000+00:00",
    }
    assert watched == {**rated, "the-shining-1980": None, "the-insider-1999": None}

    code, out, _ = cli("ask", "--user", "ana", "what have I rated?")
    assert "dated ones newest first, then the undated: Se7en (1995)" in out, out
    assert out.index("Amélie (2001)") < out.index("Heat (1995)")


def test_a_date_given_here_or_in_a_file_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "moviebot.sqlite"
    old_store(path, monkeypatch)
    with ProfileStore(path) as store:
        assert "m008_import_moments_undated" in migrations.applied(store.db)
        kept = store.rated_at(["cli:ana"])
        assert kept[("cli:ana", "se7en-1995")] == "2025-06-01T20:15:03.120000+00:00"
        assert kept[("cli:ana", "heat-1995")] is None
        listed = [(row["movie_id"], row["watched_at"] is None) for row in store.watched("cli:ana")]
        assert listed[-3:] == [("heat-1995", True), ("the-insider-1999", True), ("the-shining-1980", True)]
        store.record_feedback(suggestion_id=None, user="cli:ana", movie_id="the-insider-1999", kind="watched",
                              value=None, added=False)  # fmt: skip
        assert store.watched_row("cli:ana", "the-insider-1999") == {"watched_at": None, "source": "import:letterboxd"}
        store.bulk_rate([("cli:ana", "heat-1995", 2.0, "2020-01-01")], keep_undated=True)  # the dated one wins
        assert store.ratings("cli:ana")["heat-1995"] == 2.0
