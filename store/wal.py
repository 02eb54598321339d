"""Opening an SQLite file in WAL mode when other processes may be opening it too."""

from __future__ import annotations

import sqlite3
import time

BUSY_TIMEOUT_MS = 10_000


def use_wal(conn: sqlite3.Connection, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Switch the file to WAL, waiting out another process that is switching it at that moment.

    Two processes switching a new file at once can deadlock on the lock upgrade, and SQLite then
    answers one of them "database is locked" at once, without waiting on busy_timeout (six
    processes opening one new profile file failed so about once in 25 runs). That one retries
    until the other has switched the file, and then finds it in WAL already.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
