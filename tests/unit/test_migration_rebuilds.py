"""The migrations that rebuild a table (SQLite cannot drop a NOT NULL in place) run on real files
people have: rows of films the catalog lost, rows of a user record deleted by hand, a second run."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from store import migrations
from store.profiles import ProfileStore

T0 = datetime(2024, 1, 1, tzinfo=UTC)
AT = "2024-01-01T00:00:00.000000+00:00"


@pytest.fixture
def old_file(tmp_path, monkeypatch):
    """A profile store file from before m006, with an orphan row of each kind written as the sqlite3
    shell would (foreign keys off): a film no catalog has, and a user whose record was deleted."""
    path = tmp_path / "profiles.sqlite"
    every = migrations.MIGRATIONS
    monkeypatch.setattr(migrations, "MIGRATIONS", every[: every.index(migrations.m006_watched_undated)])
    with ProfileStore(path) as old:
        old.add_watched("cli:ana", "heat-1995", at=T0)
        old.rate("cli:ana", "gone-1900", 4, at=T0)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO watched VALUES ('cli:ana', 'gone-1901', 'import', ?, NULL)", (AT,))
    conn.execute("INSERT INTO watched VALUES ('cli:ghost', 'heat-1995', 'import', ?, NULL)", (AT,))
    conn.commit()
    conn.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", every)
    return path


def test_the_undated_rebuild_keeps_orphan_rows_and_opens(old_file):
    """Before: opening the file raised "FOREIGN KEY constraint failed" (the copy of cli:ghost's row),
    so the bot could not start after an upgrade."""
    with ProfileStore(old_file) as store:
        assert {r["movie_id"]: r["watched_at"] for r in store.watched("cli:ana")} == {"heat-1995": AT,
                                                                                      "gone-1901": AT}  # fmt: skip
        assert [r["movie_id"] for r in store.watched("cli:ghost")] == ["heat-1995"]
        assert store.ratings("cli:ana") == {"gone-1900": 4.0}
        assert store.forget_user("cli:ghost")["watched"] == 1  # the row is still the user's to forget
        assert migrations.applied(store.db)[-1] == migrations.MIGRATIONS[-1].__name__


def test_the_undated_rebuild_runs_twice_without_harm(old_file):
    ProfileStore(old_file).close()
    db = Database(old_file)
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.conn.execute("CREATE TABLE watched_new (x)")  # a copy an interrupted run left behind
    migrations.m006_watched_undated(db)
    migrations.m006_watched_undated(db)
    db.conn.commit()
    rows = {(r["user"], r["movie_id"], r["watched_at"]) for r in db.query("SELECT * FROM watched")}
    assert rows == {("cli:ana", "heat-1995", AT), ("cli:ana", "gone-1901", AT), ("cli:ghost", "heat-1995", AT)}
    assert "watched_new" not in db.table_names()
    assert {"idx_watched_user_at", "idx_watched_movie"} <= {i.name for i in db["watched"].indexes}
    db.close()
