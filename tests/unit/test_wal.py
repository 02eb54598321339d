"""A file switched to WAL while another process switches it: the loser waits instead of failing."""

from __future__ import annotations

import sqlite3

import pytest

from store.wal import use_wal


class _Contended:
    """A connection whose first journal-mode switches lose the lock upgrade, as SQLite reports it."""

    def __init__(self, losses: int, error: str = "database is locked"):
        self.losses, self.error, self.calls = losses, error, 0

    def execute(self, sql: str):
        self.calls += 1
        if self.calls <= self.losses:
            raise sqlite3.OperationalError(self.error)
        return None


def test_a_switch_that_loses_the_race_is_tried_again():
    conn = _Contended(losses=3)
    use_wal(conn)  # type: ignore[arg-type]
    assert conn.calls == 4


def test_a_lock_held_past_the_timeout_is_still_reported():
    conn = _Contended(losses=10**9)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        use_wal(conn, timeout_ms=50)  # type: ignore[arg-type]


def test_other_errors_are_not_retried():
    conn = _Contended(losses=5, error="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        use_wal(conn)  # type: ignore[arg-type]
    assert conn.calls == 1


def test_a_real_file_ends_in_wal(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.sqlite")
    use_wal(conn)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
