"""One profile file written at once by many threads and several processes, and bulk imports."""

from __future__ import annotations

import csv
import multiprocessing
import random
import sqlite3
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from store.migrations import MIGRATIONS
from store.profiles import DISLIKE_STARS, LIKE_STARS, ProfileStore

USERS = [f"discord:{1000 + i}" for i in range(50)]
PROCESSES = 4
THREADS = 8
# Distinct movies per kind, so the final state does not depend on arrival order.
PLAN = [("m-like", "like", None), ("m-dislike", "dislike", None), ("m-three", "stars", 3.0),
        ("m-five", "stars", 5.0), ("m-watched", "watched", None), ("m-dismiss", "dismiss", None)]  # fmt: skip


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "profiles.db"


@pytest.fixture
def file_store(store_path: Path) -> ProfileStore:
    store = ProfileStore(store_path)
    yield store
    store.close()


def _events() -> list[dict]:
    return [
        {"suggestion_id": None, "user": user, "movie_id": movie, "kind": kind, "value": value, "added": True,
         "event_id": f"{user}:{movie}:{kind}"}
        for user in USERS for movie, kind, value in PLAN
    ]  # fmt: skip


def _fire(store: ProfileStore, events: list[dict], threads: int) -> list[tuple[str, bool]]:
    with ThreadPoolExecutor(threads) as pool:
        outcomes = list(pool.map(lambda e: store.record_feedback(**e), events))
    return [(e["event_id"], ok) for e, ok in zip(events, outcomes, strict=True)]


def _process_worker(path: str, events: list[dict], start, results) -> None:
    store = ProfileStore(path)
    try:
        start.wait(timeout=60)
        results.put(_fire(store, events, THREADS))
    except BaseException as exc:
        results.put(exc)
        raise
    finally:
        store.close()


def _open_and_rate(path: str, user: str, start, results) -> None:
    start.wait(timeout=60)
    try:
        with ProfileStore(path) as store:
            store.rate(user, "opened", 4)
        results.put(None)
    except BaseException as exc:
        results.put(repr(exc))


def test_every_feedback_event_from_threads_and_processes_is_recorded_once(file_store, store_path):
    events = _events()
    assert len(events) == 300
    # Every event is delivered twice, once by a process and once by a thread of this process, the
    # way a gateway redelivers a reaction: exactly one of the two deliveries may count.
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    chunks = [shuffled[i::PROCESSES] for i in range(PROCESSES)]
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(PROCESSES + 1)
    results = ctx.Queue()
    procs = [ctx.Process(target=_process_worker, args=(str(store_path), chunk, start, results)) for chunk in chunks]
    for proc in procs:
        proc.start()
    start.wait(timeout=60)
    local = _fire(file_store, list(reversed(shuffled)), 16)
    remote = []
    for _ in procs:
        got = results.get(timeout=120)
        assert not isinstance(got, BaseException), got
        remote.extend(got)
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0

    accepted = Counter(event_id for event_id, ok in local + remote if ok)
    assert len(local) + len(remote) == 600
    assert accepted == Counter({e["event_id"]: 1 for e in events})

    with ProfileStore(store_path) as reader:
        rows = reader.db.execute("SELECT user, event_id, COUNT(*) FROM feedback GROUP BY user, event_id").fetchall()
        assert len(rows) == 300 and {n for _, _, n in rows} == {1}
        per_user = Counter(user for user, _, _ in rows)
        assert per_user == Counter({user: len(PLAN) for user in USERS})
        for user in USERS:
            assert reader.ratings(user) == {"m-like": LIKE_STARS, "m-dislike": DISLIKE_STARS, "m-three": 3.0,
                                            "m-five": 5.0}  # fmt: skip
            assert [w["movie_id"] for w in reader.watched(user)] == ["m-watched"]
            assert reader.dismissed(user) == {"m-dismiss"}
            assert reader.excluded_ids(user) == {"m-like", "m-dislike", "m-three", "m-five", "m-watched", "m-dismiss"}
        assert len(reader.users()) == 50


def test_processes_opening_a_new_file_at_once_migrate_it_once(store_path):
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(6)
    results = ctx.Queue()
    procs = [ctx.Process(target=_open_and_rate, args=(str(store_path), f"cli:{i}", start, results)) for i in range(6)]
    for proc in procs:
        proc.start()
    errors = [results.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    assert errors == [None] * 6
    with ProfileStore(store_path) as store:
        names = [r["name"] for r in store.db.query("SELECT name FROM _migrations")]
        assert names == [m.__name__ for m in MIGRATIONS]
        assert store.rating_counts() == {"opened": 6}


def test_threads_sharing_one_store_can_read_while_others_write(file_store):
    errors = []

    def writer(i: int) -> None:
        for j in range(20):
            file_store.rate(f"http:{i}", f"m{j}", 4)

    def reader() -> None:
        try:
            for _ in range(200):
                file_store.ratings("http:0")
                file_store.excluded_ids("http:1")
        except Exception as exc:  # a read landing inside another thread's transaction
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)] + [
        threading.Thread(target=reader) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(file_store.rating_counts().values()) == 160


# -- bulk imports ---------------------------------------------------------------------------------


def _synthetic_rows(n: int, fail_after: int | None = None):
    rng = random.Random(3)
    for i in range(n):
        if fail_after is not None and i == fail_after:
            raise RuntimeError("connection to the ratings file lost")
        yield f"movielens:{i % 600}", f"ml-{i // 600}-{rng.randrange(9000)}", rng.randrange(1, 11) / 2, 964982703 + i


def test_bulk_rate_of_100k_rows_is_one_transaction(file_store, store_path):
    statements = []
    file_store.conn.set_trace_callback(statements.append)
    count = file_store.bulk_rate(_synthetic_rows(100_000), source="movielens")
    file_store.conn.set_trace_callback(None)

    assert count == 100_000
    assert [s for s in statements if s.split()[0].upper() in {"BEGIN", "COMMIT", "ROLLBACK"}] == [
        "BEGIN IMMEDIATE", "COMMIT",
    ]  # fmt: skip
    with sqlite3.connect(store_path) as other:  # committed and visible to another connection
        assert other.execute("SELECT COUNT(*) FROM ratings").fetchone()[0] == len(
            {(u, m) for u, m, _, _ in _synthetic_rows(100_000)}
        )
        assert other.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 600


def test_bulk_rate_interrupted_half_way_leaves_nothing(file_store, store_path):
    file_store.rate("discord:1", "kept", 4)
    with pytest.raises(RuntimeError, match="ratings file lost"):
        file_store.bulk_rate(_synthetic_rows(100_000, fail_after=50_000), source="movielens")
    with sqlite3.connect(store_path) as other:
        assert other.execute("SELECT user, movie_id FROM ratings").fetchall() == [("discord:1", "kept")]
        assert other.execute("SELECT key FROM users").fetchall() == [("discord:1",)]
    # the store is still usable after the rollback
    assert file_store.bulk_rate(_synthetic_rows(10), source="movielens") == 10


# -- collaborative scores on real MovieLens ratings -----------------------------------------------


def _movielens_rows():
    from tests.conftest import shared_file

    path = shared_file("movielens-ml-latest-small", "ratings.csv")
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield f"movielens:{row['userId']}", f"ml:{row['movieId']}", float(row["rating"]), int(row["timestamp"])


@pytest.fixture(scope="module")
def movielens_store(tmp_path_factory) -> ProfileStore:
    store = ProfileStore(tmp_path_factory.mktemp("ml") / "profiles.db")
    assert store.bulk_rate(_movielens_rows(), source="movielens") == 100_836
    yield store
    store.close()


def test_movielens_import_keeps_every_rating(movielens_store):
    assert sum(movielens_store.rating_counts().values()) == 100_836
    assert movielens_store.rating("movielens:1", "ml:1") == 4.0
    assert movielens_store.export_user("movielens:1")["ratings"][0]["rated_at"].startswith("2000-07-30T")


def test_co_liked_on_movielens_finds_the_neighbours_through_an_index(movielens_store):
    seeds = ["ml:260", "ml:1196"]  # Star Wars IV and V
    scores = movielens_store.co_liked(seeds, exclude_user="movielens:1")
    assert len(scores) == 200
    assert "ml:1210" in list(scores)[:5]  # Return of the Jedi
    assert not set(seeds) & set(scores)
    plan = " ".join(
        row[3] for row in movielens_store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT user FROM ratings WHERE movie_id IN ('a', 'b') AND stars >= 4"
        )
    )  # fmt: skip
    assert "USING COVERING INDEX idx_ratings_movie_stars" in plan


def test_timestamps_are_iso_utc(file_store):
    file_store.rate("cli:1", "m", 4, at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    file_store.rate("cli:1", "n", 4, at="2024-01-02T04:04:05+01:00")
    assert [r["rated_at"] for r in file_store.export_user("cli:1")["ratings"]] == [
        "2024-01-02T03:04:05.000000+00:00", "2024-01-02T03:04:05.000000+00:00",
    ]  # fmt: skip
