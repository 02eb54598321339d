"""Per-user profiles: ratings, watched and dismissed titles, every suggestion shown and the
feedback on it, guild memberships and the bandit's saved models, in one SQLite file.

One connection per store, shared by the bot's worker threads: an RLock serialises every use of
it (sqlite3 transactions are per connection, so a read from one thread must not land inside
another thread's write). Writes take SQLite's write lock up front (BEGIN IMMEDIATE), so several
processes on one WAL file queue on busy_timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from store.migrations import migrate
from store.wal import BUSY_TIMEOUT_MS, use_wal

LIKE_STARS = 4.5
DISLIKE_STARS = 1.5
# Ratings whose stars the user never gave, by source, and how they gave them: a 👍/👎 ("like",
# "dislike"), or a verdict said in chat with no number ("I liked Heat", "loved alien", "hated
# titanic"). Their stars feed ranking; what is shown is what the user did or said.
GIVEN_AS = {"feedback:like": "like", "feedback:dislike": "dislike",
            "chat:liked": "liked", "chat:loved": "loved", "chat:disliked": "disliked"}  # fmt: skip
SOURCE_OF = {given: source for source, given in GIVEN_AS.items()}
SQLITE_MAX_INTEGER = 2**63 - 1
NO_FEEDBACK_REWARD = 0.1  # a suggestion shown and left alone: mildly better than a refusal


def stars_reward(stars: float) -> float:
    """The learning re-ranker's reward for a rating: 4+ stars a hit, 2 or fewer a miss, between half."""
    return 1.0 if stars >= 4 else 0.0 if stars <= 2 else 0.5


def reward_for(kind: str, stars: float | None = None) -> float | None:
    """The re-ranker's reward for one piece of feedback, on the scale rewards() uses."""
    if kind in ("like", "watched"):
        return 1.0
    if kind in ("dislike", "dismiss"):
        return 0.0
    if kind == "stars" and stars is not None:
        return stars_reward(stars)
    return None


FEEDBACK_KINDS = ("like", "dislike", "watched", "dismiss", "stars")

Timestamp = datetime | str | int | float | None
ForgetHook = Callable[[str], object]

_PLATFORM = re.compile(r"[a-z][a-z0-9_-]*\Z")
# The state table each feedback kind writes, and each state table's timestamp and value columns.
_KIND_TABLE = {
    "like": "ratings", "dislike": "ratings", "stars": "ratings", "watched": "watched", "dismiss": "dismissed",
}  # fmt: skip
_STATE = {"ratings": ("rated_at", "stars"), "watched": ("watched_at", None), "dismissed": ("dismissed_at", None)}


def to_iso(at: Timestamp = None) -> str:
    """ISO-8601 UTC with fixed width, so stored timestamps also sort as strings."""
    if at is None:
        dt = datetime.now(UTC)
    elif isinstance(at, datetime):
        dt = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    elif isinstance(at, int | float) and not isinstance(at, bool):
        dt = datetime.fromtimestamp(at, UTC)
    elif isinstance(at, str):
        parsed = datetime.fromisoformat(at)
        dt = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    else:
        raise TypeError(f"timestamp must be a datetime, ISO string or epoch seconds, got {at!r}")
    return dt.isoformat(timespec="microseconds")


def validate_stars(stars: object) -> float:
    if isinstance(stars, bool) or not isinstance(stars, int | float):
        raise ValueError(f"stars must be a number from 0.5 to 5 in steps of 0.5, got {stars!r}")
    value = float(stars)
    if not 0.5 <= value <= 5 or value * 2 != int(value * 2):
        raise ValueError(f"stars must be a number from 0.5 to 5 in steps of 0.5, got {stars!r}")
    return value


def split_user_key(key: str) -> tuple[str, str]:
    platform, sep, platform_user_id = key.partition(":") if isinstance(key, str) else ("", "", "")
    if not sep or not _PLATFORM.match(platform) or not platform_user_id:
        raise ValueError(f"user key must look like 'platform:id' with a lower-case platform, got {key!r}")
    return platform, platform_user_id


TENANT_PLATFORM = "http"  # its user keys are "http:<tenant>:<user>": each tenant is a community of its own


def community(user: str | None) -> tuple[str, bool]:
    """Whose ratings a user's crowd figures (fans_rating, co_liked) count, as (key prefix, inside):
    an HTTP tenant's user counts only that tenant's users ("http:acme:", inside), anyone else
    everyone but the HTTP tenants' users ("http:", outside), so no tenant learns how another's
    users, or the bot's own, rated a film; no user at all counts everyone ("", inside)."""
    if user is None:
        return "", True
    platform, _, rest = user.partition(":")
    tenant, sep, _ = rest.partition(":")
    if platform == TENANT_PLATFORM and sep:
        return f"{platform}:{tenant}:", True
    return f"{TENANT_PLATFORM}:", False


# the community test on a ratings row `r`, with :prefix and :inside from community()
_IN_COMMUNITY = "(substr({r}.user, 1, length(:prefix)) = :prefix) = :inside"


def _json_default(value: object) -> object:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"not JSON serialisable: {value!r}")


class ProfileStore:
    def __init__(self, path: str | Path | sqlite_utils.Database | None):
        if isinstance(path, sqlite_utils.Database):
            self.db = path
            self.path = None
        else:
            self.path = None if path is None or str(path) == ":memory:" else Path(path)
            target = ":memory:" if self.path is None else str(self.path)
            conn = sqlite3.connect(target, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
            self.db = sqlite_utils.Database(conn)
        self.conn = self.db.conn
        self._lock = threading.RLock()
        self._forget_hooks: list[ForgetHook] = []
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path is not None:
            with self.db.ensure_autocommit_on():
                use_wal(self.conn)
                self.conn.execute("PRAGMA synchronous = NORMAL")
        migrate(self.db)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> ProfileStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------------

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """Several writes as one: all commit, or none (imports use it). Holds the store's lock."""
        return self._write()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self.conn.in_transaction:  # nested inside one of our own writes
                yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _rows(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict]:
        with self._lock:
            cursor = self.conn.execute(sql, params)
            keys = [d[0] for d in cursor.description]
            return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]

    def _scalars(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        with self._lock:
            return [row[0] for row in self.conn.execute(sql, params).fetchall()]

    def _ensure_key(self, key: str) -> None:
        platform, platform_user_id = split_user_key(key)
        now = to_iso()
        self.conn.execute(
            "INSERT OR IGNORE INTO users (key, platform, platform_user_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (key, platform, platform_user_id, now, now),
        )

    # -- users ----------------------------------------------------------------------------------

    @staticmethod
    def user_key(platform: str, platform_user_id: str | int) -> str:
        key = f"{platform}:{platform_user_id}"
        split_user_key(key)
        return key

    def ensure_user(self, platform: str, platform_user_id: str | int, display_name: str | None = None) -> str:
        key = self.user_key(platform, platform_user_id)
        now = to_iso()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO users (key, platform, platform_user_id, display_name, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                "display_name = excluded.display_name, updated_at = excluded.updated_at "
                "WHERE excluded.display_name IS NOT NULL",
                (key, platform, str(platform_user_id), display_name, now, now),
            )
        return key

    def display_name(self, user: str) -> str | None:
        """The name a user goes by here, if one was given."""
        names = self._scalars("SELECT display_name FROM users WHERE key = ?", (user,))
        return names[0] if names else None

    def users(self) -> list[dict]:
        return self._rows("SELECT * FROM users ORDER BY created_at, key")

    def known_users(self, keys: Iterable[str]) -> set[str]:
        """Which of these user keys the store has a record of: a group pick names people without
        creating them, and tells apart a name typed wrong from someone who rated nothing yet."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return set()
        return set(self._scalars(f"SELECT key FROM users WHERE key IN ({', '.join('?' * len(keys))})", keys))

    # -- ratings --------------------------------------------------------------------------------

    def rate(self, user: str, movie_id: str, stars: float, source: str = "chat", at: Timestamp = None) -> None:
        value = validate_stars(stars)
        with self._write():
            self._ensure_key(user)
            self._put_state("ratings", user, movie_id, value, source, to_iso(at), None)

    def unrate(self, user: str, movie_id: str) -> bool:
        with self._write():
            return self._drop_state("ratings", user, movie_id)

    def ratings(self, user: str) -> dict[str, float]:
        return self.ratings_given(user)[0]

    def ratings_given(self, user: str) -> tuple[dict[str, float], dict[str, str]]:
        """(movie id -> stars, oldest first; movie id -> how a rating with no stars given was given,
        as `reactions`), in one read: a turn's profile needs both."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT movie_id, stars, source FROM ratings WHERE user = ? ORDER BY rated_at, movie_id", (user,)
            ).fetchall()
        return {m: stars for m, stars, _ in rows}, {m: GIVEN_AS[src] for m, _, src in rows if src in GIVEN_AS}

    def reactions(self, user: str) -> dict[str, str]:
        """Movie id -> how each rating with no stars given was given (GIVEN_AS): "like" or "dislike"
        for a 👍 or 👎, "liked", "loved" or "disliked" said in chat; their stars feed ranking, but
        are none the user gave."""
        marks = ", ".join("?" * len(GIVEN_AS))
        rows = self._rows(f"SELECT movie_id, source FROM ratings WHERE user = ? AND source IN ({marks})",
                          (user, *GIVEN_AS))  # fmt: skip
        return {row["movie_id"]: GIVEN_AS[row["source"]] for row in rows}

    def rating(self, user: str, movie_id: str) -> float | None:
        found = self._scalars("SELECT stars FROM ratings WHERE user = ? AND movie_id = ?", (user, movie_id))
        return found[0] if found else None

    def liked(self, user: str, threshold: float = 3.5) -> list[str]:
        """Best first, most recent first among equals."""
        return self._scalars(
            "SELECT movie_id FROM ratings WHERE user = ? AND stars >= ? ORDER BY stars DESC, rated_at DESC, movie_id",
            (user, threshold),
        )

    def disliked(self, user: str, threshold: float = 2.5) -> list[str]:
        return self._scalars(
            "SELECT movie_id FROM ratings WHERE user = ? AND stars <= ? ORDER BY stars, rated_at DESC, movie_id",
            (user, threshold),
        )

    def rating_counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self.conn.execute("SELECT movie_id, COUNT(*) FROM ratings GROUP BY movie_id").fetchall())

    def rated_at(self, users: Iterable[str]) -> dict[tuple[str, str], str | None]:
        """(user, movie id) -> when it was rated (None: imported without a date), for every rating of these users."""
        found: dict[tuple[str, str], str | None] = {}
        for user in users:
            for row in self._rows("SELECT movie_id, rated_at FROM ratings WHERE user = ?", (user,)):
                found[user, row["movie_id"]] = row["rated_at"]
        return found

    def bulk_rate(
        self, rows: Iterable[tuple[str, str, float, Timestamp]], source: str = "import", *, keep_undated: bool = False
    ) -> int:
        """All rows in one transaction: an invalid row or a failing iterator leaves nothing behind. A
        rating older than the one stored does not replace it (an old export imported again); one dated
        replaces one stored undated. `keep_undated`: a row with no date is stored undated (an import:
        the export said "rated" without saying when), not as rated now."""
        users: set[str] = set()
        count = 0

        def validated() -> Iterator[tuple[str, str, float, str, str]]:
            nonlocal count
            for user, movie_id, stars, at in rows:
                if user not in users:
                    split_user_key(user)
                    users.add(user)
                count += 1
                yield (
                    user,
                    str(movie_id),
                    validate_stars(stars),
                    source,
                    None if at is None and keep_undated else to_iso(at),
                )

        with self._write() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")  # users are inserted after their ratings
            conn.executemany(
                "INSERT INTO ratings (user, movie_id, stars, source, rated_at, feedback_id) "
                "VALUES (?, ?, ?, ?, ?, NULL) "
                "ON CONFLICT(user, movie_id) DO UPDATE SET stars = excluded.stars, source = excluded.source, "
                "rated_at = excluded.rated_at, feedback_id = NULL "
                "WHERE ratings.rated_at IS NULL OR excluded.rated_at >= ratings.rated_at",
                validated(),
            )
            now = to_iso()
            conn.executemany(
                "INSERT OR IGNORE INTO users (key, platform, platform_user_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [(key, *split_user_key(key), now, now) for key in users],
            )
        return count

    # -- watched and dismissed ------------------------------------------------------------------

    def add_watched(self, user: str, movie_id: str, source: str = "chat", at: Timestamp = None, *,
                    day_said: bool = False, feedback_id: int | None = None, undated: bool = False) -> None:  # fmt: skip
        """On the watched list since `at` (now when None). A film already listed keeps the day it was
        seen, or its having none: a rating, a ✅ or a "seen it" later says nothing of when it was
        watched. `day_said`: `at` is the day the user gave, which replaces the one kept. A feedback
        event (`feedback_id`) still takes the row over, so that undoing the event restores it.
        `undated`: the user told of no day ("last month"), so a new row keeps none, not today's."""
        with self._write():
            self._ensure_key(user)
            listed = self._get_state("watched", user, movie_id)
            if listed is not None and not day_said and feedback_id is None:
                return
            day = listed[2] if listed is not None and not day_said else None if undated else to_iso(at)
            self._put_state("watched", user, movie_id, None, source, day, feedback_id)

    def remove_watched(self, user: str, movie_id: str) -> bool:
        """Off the watched list, and its rating with it: a rating says the film was seen, so one
        left behind would keep the film out of every answer. Whether either was there."""
        with self._write():
            watched = self._drop_state("watched", user, movie_id)
            return self._drop_state("ratings", user, movie_id) or watched

    def watched(self, user: str) -> list[dict]:
        """Newest first; films watched at no known time (`watched_at` None, from an undated import
        row) after every dated one."""
        return self._rows(
            "SELECT movie_id, watched_at, source FROM watched WHERE user = ? "
            "ORDER BY watched_at IS NULL, watched_at DESC, movie_id",
            (user,),
        )

    def watched_row(self, user: str, movie_id: str) -> dict | None:
        """The film's row of the user's watched list (watched_at, None when at no known time; source), or None."""
        rows = self._rows("SELECT watched_at, source FROM watched WHERE user = ? AND movie_id = ?", (user, movie_id))
        return rows[0] if rows else None

    def has_watched(self, user: str, movie_id: str) -> bool:
        return bool(self._scalars("SELECT 1 FROM watched WHERE user = ? AND movie_id = ?", (user, movie_id)))

    def dismiss(self, user: str, movie_id: str, source: str = "chat", at: Timestamp = None) -> None:
        with self._write():
            self._ensure_key(user)
            self._put_state("dismissed", user, movie_id, None, source, to_iso(at), None)

    def undismiss(self, user: str, movie_id: str) -> bool:
        with self._write():
            return self._drop_state("dismissed", user, movie_id)

    def dismissed(self, user: str) -> set[str]:
        return set(self._scalars("SELECT movie_id FROM dismissed WHERE user = ?", (user,)))

    def excluded_ids(self, user: str) -> set[str]:
        """Titles never to recommend to this user: watched, rated (a rating means they saw it,
        whatever the stars), or dismissed."""
        return set(
            self._scalars(
                "SELECT movie_id FROM watched WHERE user = :u "
                "UNION SELECT movie_id FROM ratings WHERE user = :u "
                "UNION SELECT movie_id FROM dismissed WHERE user = :u",
                {"u": user},
            )
        )

    def rows_of(self, user: str, movie_id: str) -> dict[str, dict]:
        """One film's watched and rating rows ({"value", "source", "at"}; "at" None for no known
        day), as `put_back` takes them: "undo that" after "forget that I watched Heat" restores
        the days it was seen and rated, not today."""
        with self._lock:
            rows = {table: self._get_state(table, user, movie_id) for table in ("watched", "ratings")}
        return {table: {"value": r[0], "source": r[1], "at": r[2]} for table, r in rows.items() if r is not None}

    def put_back(self, user: str, movie_id: str, rows: dict[str, dict]) -> None:
        """Rows `rows_of` read, as they were: their source and day, an undated one still undated."""
        with self._write():
            self._ensure_key(user)
            for table, row in rows.items():
                self._put_state(table, user, movie_id, row["value"], row["source"], row["at"], None)

    # -- one (user, movie) row of ratings / watched / dismissed ---------------------------------

    def _get_state(self, table: str, user: str, movie_id: str) -> tuple | None:
        at_col, value_col = _STATE[table]
        return self.conn.execute(
            f"SELECT {value_col or 'NULL'}, source, {at_col}, feedback_id FROM {table} WHERE user = ? AND movie_id = ?",
            (user, movie_id),
        ).fetchone()

    def _put_state(
        self, table: str, user: str, movie_id: str, value: float | None, source: str, at: str, feedback_id: int | None
    ) -> None:
        at_col, value_col = _STATE[table]
        cols = ["user", "movie_id", "source", at_col, "feedback_id"] + ([value_col] if value_col else [])
        params = [user, movie_id, source, at, feedback_id] + ([value] if value_col else [])
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[2:])
        self.conn.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT(user, movie_id) DO UPDATE SET {updates}",
            params,
        )

    def _drop_state(self, table: str, user: str, movie_id: str) -> bool:
        """Delete one (user, film) row of a state table; whether there was one."""
        return self.conn.execute(f"DELETE FROM {table} WHERE user = ? AND movie_id = ?", (user, movie_id)).rowcount > 0

    # -- suggestions ----------------------------------------------------------------------------

    def log_suggestions(
        self,
        user: str,
        *,
        platform: str,
        channel: str | None,
        request: str,
        items: list[dict],
        at: Timestamp = None,
        held_back: bool = True,
    ) -> list[int]:
        """Each item is one pick shown; `held_back=False` logs picks that do not count as shown
        (recently_shown leaves them out), yet feedback can still name them."""
        shown_at = to_iso(at)
        ids = []
        with self._write() as conn:
            self._ensure_key(user)
            for position, item in enumerate(items):
                propensity = item.get("propensity")
                score = item.get("score")
                cursor = conn.execute(
                    "INSERT INTO suggestions (user, platform, channel, request, movie_id, rank, score, features, "
                    "propensity, message_id, shown_at, held_back) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                    (
                        user, platform, channel, request, str(item["movie_id"]), int(item.get("rank", position)),
                        None if score is None else float(score),
                        json.dumps(item.get("features") or {}, sort_keys=True, default=_json_default),
                        None if propensity is None else float(propensity), shown_at, int(held_back),
                    ),
                )  # fmt: skip
                ids.append(cursor.lastrowid)
        return ids

    def withdraw_suggestions(self, user: str, suggestion_ids: Iterable[int]) -> list[str]:
        """Suggestions logged but never shown (their post failed), deleted: they do not hold the film
        back as recently shown, nor count as ignored for the re-ranker. The films they named."""
        ids = [int(i) for i in suggestion_ids]
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        with self._write() as conn:
            rows = conn.execute(f"SELECT movie_id FROM suggestions WHERE user = ? AND id IN ({marks})", (user, *ids))
            films = [row[0] for row in rows]
            conn.execute(f"DELETE FROM suggestions WHERE user = ? AND id IN ({marks})", (user, *ids))
        return films

    def attach_message(self, suggestion_id: int, message_id: str | int) -> None:
        with self._write() as conn:
            sql = "UPDATE suggestions SET message_id = ? WHERE id = ?"
            cursor = conn.execute(sql, (str(message_id), suggestion_id))
            if cursor.rowcount == 0:
                raise KeyError(f"no suggestion with id {suggestion_id}")

    def attach_several(self, platform: str, message_id: str | int, thread: str | None) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO several_picks_messages VALUES (?, ?, ?)",
                         (platform, str(message_id), thread or ""))  # fmt: skip

    def several_picks_thread(self, platform: str, message_id: str | int) -> str | None:
        """Where the picks of a message of several are ('' outside a thread); None for any other message."""
        threads = self._scalars("SELECT thread FROM several_picks_messages WHERE platform = ? AND message_id = ?",
                                (platform, str(message_id)))  # fmt: skip
        return threads[0] if threads else None

    def suggestion(self, suggestion_id: int) -> dict | None:
        """None for an id no suggestion has, one past SQLite's integers included (an API client's
        `"suggestion_id": 99999999999999999999` was an OverflowError, answered 500)."""
        if not 0 < suggestion_id <= SQLITE_MAX_INTEGER:
            return None
        rows = self._rows("SELECT * FROM suggestions WHERE id = ?", (suggestion_id,))
        return _parse_suggestion(rows[0]) if rows else None

    def suggestion_by_message(self, platform: str, message_id: str | int) -> dict | None:
        rows = self._rows(
            "SELECT * FROM suggestions WHERE platform = ? AND message_id = ?", (platform, str(message_id))
        )
        return _parse_suggestion(rows[0]) if rows else None

    def suggestions(self, user: str, limit: int = 50) -> list[dict]:
        """Newest first."""
        rows = self._rows(
            "SELECT * FROM suggestions WHERE user = ? ORDER BY shown_at DESC, id DESC LIMIT ?", (user, limit)
        )
        return [_parse_suggestion(r) for r in rows]

    def last_suggested_in(self, platform: str, channel: str) -> str | None:
        """The user last shown picks in a conversation (a thread several people talk in), if any. A
        group pick (/movienight, logged held_back=0 under the caller) is no one's conversation."""
        users = self._scalars(
            "SELECT user FROM suggestions WHERE platform = ? AND channel = ? AND held_back = 1 "
            "ORDER BY shown_at DESC, id DESC LIMIT 1",
            (platform, channel),
        )
        return users[0] if users else None

    def recently_shown(self, user: str, within_days: float = 14, now: Timestamp = None) -> set[str]:
        return set(self.recently_shown_at(user, within_days, now))

    def recently_shown_at(self, user: str, within_days: float = 14, now: Timestamp = None) -> dict[str, str]:
        """Films shown to the user within the window and held back, with when each was last shown."""
        since = to_iso(datetime.fromisoformat(to_iso(now)) - timedelta(days=within_days))
        rows = self._rows(
            "SELECT movie_id, MAX(shown_at) AS last FROM suggestions "
            "WHERE user = ? AND shown_at >= ? AND held_back = 1 GROUP BY movie_id",
            (user, since),
        )
        return {row["movie_id"]: row["last"] for row in rows}

    # -- feedback -------------------------------------------------------------------------------

    def feedback_event(self, event_id: str) -> dict | None:
        """What an event recorded: movie_id, kind, value and suggestion_id; None for an unknown id."""
        rows = self._rows("SELECT movie_id, kind, value, suggestion_id FROM feedback WHERE event_id = ?", (event_id,))
        return rows[0] if rows else None

    def record_feedback(
        self,
        *,
        suggestion_id: int | None,
        user: str,
        movie_id: str,
        kind: str,
        value: float | None,
        added: bool,
        event_id: str | None = None,
        at: Timestamp = None,
        undoes: str | None = None,
    ) -> bool:
        """Record one reaction and apply (added) or undo (not added) its effect, in one transaction.

        Returns False when event_id was already recorded. Removal undoes the event `undoes` names
        when it is still active, and nothing otherwise (the add it takes back was never recorded);
        without `undoes`, the latest still-active event of the same kind for this user, movie and
        suggestion (and the same star value). It restores the state from before that event, but
        only while the row is still the one that event wrote; if something newer has replaced it,
        the newer state stays and the removed event is cut out of the undo chain, so undoing the
        newer event later skips over it. So of two reactions that mean the same (👍 and 👍🏽), the
        effect holds until both are removed, in either order.
        """
        if kind not in FEEDBACK_KINDS:
            raise ValueError(f"feedback kind must be one of {', '.join(FEEDBACK_KINDS)}, got {kind!r}")
        if kind == "stars" and (value is not None or added):
            stars = validate_stars(value)
            if stars < 1:
                raise ValueError(f"a stars reaction must be from 1 to 5, got {value!r}")
            value = stars
        target = {"like": LIKE_STARS, "dislike": DISLIKE_STARS}.get(kind, value)
        created_at = to_iso(at)
        with self._write() as conn:
            self._ensure_key(user)
            cursor = conn.execute(
                "INSERT INTO feedback (event_id, suggestion_id, user, movie_id, kind, value, added, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO NOTHING",
                (event_id, suggestion_id, user, movie_id, kind, value, int(bool(added)), created_at),
            )
            if cursor.rowcount == 0:
                return False
            feedback_id = cursor.lastrowid
            table = _KIND_TABLE[kind]
            if added:
                previous = self._get_state(table, user, movie_id)
                if table == "watched":
                    self.add_watched(user, movie_id, f"feedback:{kind}", created_at, feedback_id=feedback_id)
                else:
                    self._put_state(table, user, movie_id, target, f"feedback:{kind}", created_at, feedback_id)
                conn.execute(
                    "UPDATE feedback SET prev_exists = ?, prev_value = ?, prev_source = ?, prev_at = ?, "
                    "prev_feedback_id = ? WHERE id = ?",
                    (int(previous is not None), *(previous or (None, None, None, None)), feedback_id),
                )
            else:
                self._undo(feedback_id, table, suggestion_id, user, movie_id, kind, value, undoes)
        return True

    def _undo(
        self, removal_id: int, table: str, suggestion_id: int | None, user: str, movie_id: str, kind: str,
        value: float | None, undoes: str | None,
    ) -> None:  # fmt: skip
        columns = "SELECT id, prev_exists, prev_value, prev_source, prev_at, prev_feedback_id FROM feedback "
        active = "user = ? AND movie_id = ? AND kind = ? AND added = 1 AND undone_by IS NULL"
        if undoes is not None:
            sql, params = f"{columns}WHERE {active} AND event_id = ?", (user, movie_id, kind, undoes)
        else:
            latest = "AND suggestion_id IS ? AND (? IS NULL OR value = ?) ORDER BY id DESC LIMIT 1"
            sql = f"{columns}WHERE {active} {latest}"
            params = (user, movie_id, kind, suggestion_id, value, value)
        event = self.conn.execute(sql, params).fetchone()
        if event is None:
            return
        event_id, prev_exists, prev_value, prev_source, prev_at, prev_feedback_id = event
        self.conn.execute("UPDATE feedback SET undoes = ? WHERE id = ?", (event_id, removal_id))
        self.conn.execute("UPDATE feedback SET undone_by = ? WHERE id = ?", (removal_id, event_id))
        current = self._get_state(table, user, movie_id)
        if current is not None and current[3] == event_id:
            if prev_exists:
                self._put_state(table, user, movie_id, prev_value, prev_source, prev_at, prev_feedback_id)
            else:
                self._drop_state(table, user, movie_id)
        else:
            self.conn.execute(
                "UPDATE feedback SET prev_exists = ?, prev_value = ?, prev_source = ?, prev_at = ?, "
                "prev_feedback_id = ? WHERE prev_feedback_id = ? AND undone_by IS NULL",
                (prev_exists, prev_value, prev_source, prev_at, prev_feedback_id, event_id),
            )

    def count_events(self, user: str, prefix: str) -> int:
        """How many of this user's feedback events have an event id starting with `prefix` (not empty)."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # the ids in [prefix, upper) are those that start with it
        return self._scalars(
            "SELECT COUNT(*) FROM feedback WHERE event_id >= ? AND event_id < ? AND user = ?", (prefix, upper, user)
        )[0]

    def filed_before_tones(self, user: str, event_id: str) -> bool:
        """Whether this feedback event was filed before toned reactions were told apart (m004)."""
        with self._lock:
            row = self.conn.execute(
                "SELECT id <= (SELECT value FROM store_facts WHERE name = 'last_feedback_before_tones') "
                "FROM feedback WHERE event_id = ? AND user = ?",
                (event_id, user),
            ).fetchone()
        return bool(row and row[0])

    def feedback_ids(self, user: str, prefix: str) -> list[tuple[str, str]]:
        """(event id, created_at) of this user's feedback events whose id starts with `prefix` (not empty)."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        with self._lock:
            return self.conn.execute(
                "SELECT event_id, created_at FROM feedback WHERE event_id >= ? AND event_id < ? AND user = ? "
                "ORDER BY id",
                (prefix, upper, user),
            ).fetchall()

    def feedback_events(self, user: str | None = None) -> list[dict]:
        if user is None:
            rows = self._rows("SELECT * FROM feedback ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM feedback WHERE user = ? ORDER BY id", (user,))
        for row in rows:
            row["added"] = bool(row["added"])
        return rows

    def rewards(
        self,
        since: Timestamp = None,
        *,
        no_feedback_reward: float = NO_FEEDBACK_REWARD,
        window_hours: float = 48,
        now: Timestamp = None,
    ) -> list[dict]:
        """One reward per suggestion, from what the user did with that title after it was shown.

        A rating given after the suggestion decides (>= 4 -> 1.0, <= 2 -> 0.0, in between 0.5;
        like/dislike/stars reactions write ratings, and an undone reaction no longer counts),
        then a dismissal (0.0), then marking it watched (1.0). With none of these the suggestion
        earns no_feedback_reward once it is window_hours old and is left out until then.
        """
        cutoff = to_iso(datetime.fromisoformat(to_iso(now)) - timedelta(hours=window_hours))
        rows = self._rows(
            "SELECT s.id AS suggestion_id, s.user, s.movie_id, s.features, s.propensity, s.shown_at, "
            "r.stars, d.dismissed_at, w.watched_at FROM suggestions s "
            "LEFT JOIN ratings r ON r.user = s.user AND r.movie_id = s.movie_id AND r.rated_at >= s.shown_at "
            "LEFT JOIN dismissed d ON d.user = s.user AND d.movie_id = s.movie_id AND d.dismissed_at >= s.shown_at "
            "LEFT JOIN watched w ON w.user = s.user AND w.movie_id = s.movie_id AND w.watched_at >= s.shown_at "
            "WHERE s.shown_at >= ? ORDER BY s.id",
            (to_iso(since) if since is not None else "",),
        )
        out = []
        for row in rows:
            stars, dismissed_at, watched_at = row.pop("stars"), row.pop("dismissed_at"), row.pop("watched_at")
            if stars is not None:
                reward = stars_reward(stars)
            elif dismissed_at is not None:
                reward = 0.0
            elif watched_at is not None:
                reward = 1.0
            elif row["shown_at"] <= cutoff:
                reward = no_feedback_reward
            else:
                continue
            row["features"] = json.loads(row["features"])
            row["reward"] = reward
            out.append(row)
        return out

    # -- memberships ----------------------------------------------------------------------------

    def note_membership(
        self, platform: str, guild: str | int | None, channel: str | int | None, user: str, at: Timestamp = None
    ) -> None:
        """user is a profile key; a bare platform id (no colon) is keyed under this platform."""
        key = user if ":" in str(user) else self.user_key(platform, user)
        seen = to_iso(at)
        with self._write() as conn:
            self._ensure_key(key)
            conn.execute(
                "INSERT INTO memberships (platform, guild, channel, user, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(platform, guild, channel, user) "
                "DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen)",
                (platform, _place(guild), _place(channel), key, seen, seen),
            )

    def members(self, platform: str, guild: str | int | None) -> list[str]:
        """User keys seen in this guild, most recently seen first."""
        return self._scalars(
            "SELECT user FROM memberships WHERE platform = ? AND guild = ? GROUP BY user "
            "ORDER BY MAX(last_seen) DESC, user",
            (platform, _place(guild)),
        )

    # -- bandit models --------------------------------------------------------------------------

    def load_model(self, scope: str) -> bytes | None:
        found = self._scalars("SELECT blob FROM models WHERE scope = ?", (scope,))
        return bytes(found[0]) if found else None

    def save_model(self, scope: str, blob: bytes) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO models (scope, blob, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(scope) DO UPDATE SET blob = excluded.blob, updated_at = excluded.updated_at",
                (scope, bytes(blob), to_iso()),
            )

    def replace_models(self, blobs: dict[str, bytes]) -> None:
        """Every model at once, as one write: the ones not given are deleted (a refit's)."""
        with self._write() as conn:
            conn.execute("DELETE FROM models")
            now = to_iso()
            conn.executemany(
                "INSERT INTO models (scope, blob, updated_at) VALUES (?, ?, ?)",
                [(scope, bytes(blob), now) for scope, blob in blobs.items()],
            )

    # -- collaborative signal -------------------------------------------------------------------

    def rating_total(self) -> int:
        return self._scalars("SELECT COUNT(*) FROM ratings")[0]

    def rated_films(self, min_ratings: int = 1) -> int:
        """How many films at least min_ratings people rated."""
        return self._scalars(
            "SELECT COUNT(*) FROM (SELECT 1 FROM ratings GROUP BY movie_id HAVING COUNT(*) >= ?)", (min_ratings,)
        )[0]

    def rating_pairs(self) -> list[tuple[str, str]]:
        """(user, movie_id) for every rating: who rated what, for the item-item model."""
        with self._lock:
            return self.conn.execute("SELECT user, movie_id FROM ratings").fetchall()

    def co_liked(
        self, movie_ids: list[str], exclude_user: str | None = None, min_stars: float = 4.0, limit: int = 200
    ) -> dict[str, float]:
        """Item-item co-occurrence: other users who liked any of movie_ids vote for the other
        titles they liked, each vote weighted by how many of movie_ids that user liked; the sum
        is divided by sqrt(how many users liked the title), so blockbusters do not win by size.
        Only exclude_user's community counts (community()), exclude_user aside.
        """
        if not movie_ids:
            return {}
        seeds = json.dumps([str(m) for m in movie_ids])
        with self._lock:
            rows = self.conn.execute(
                """
                WITH seeds(movie_id) AS (SELECT DISTINCT value FROM json_each(:seeds)),
                fans AS (
                    SELECT user, COUNT(*) AS overlap FROM ratings
                    WHERE movie_id IN (SELECT movie_id FROM seeds) AND stars >= :min AND user IS NOT :exclude
                        AND {fan}
                    GROUP BY user
                ),
                co AS (
                    SELECT r.movie_id, SUM(f.overlap) AS votes FROM fans f
                    JOIN ratings r ON r.user = f.user
                    WHERE r.stars >= :min AND r.movie_id NOT IN (SELECT movie_id FROM seeds)
                    GROUP BY r.movie_id
                ),
                scored AS MATERIALIZED (
                    SELECT co.movie_id, co.votes,
                        (SELECT COUNT(*) FROM ratings p WHERE p.movie_id = co.movie_id AND p.stars >= :min
                            AND {popular}) AS popularity
                    FROM co
                )
                SELECT movie_id, votes, popularity FROM scored
                ORDER BY CAST(votes AS REAL) * votes / popularity DESC, movie_id LIMIT :limit
                """.format(fan=_IN_COMMUNITY.format(r="ratings"), popular=_IN_COMMUNITY.format(r="p")),
                {"seeds": seeds, "min": min_stars, "exclude": exclude_user, "limit": limit, **_among(exclude_user)},
            ).fetchall()
        return {movie_id: votes / math.sqrt(popularity) for movie_id, votes, popularity in rows}

    def fans_rating(
        self, reference_id: str, movie_id: str, exclude_user: str | None = None, min_stars: float = 4.0
    ) -> tuple[int, int, int]:
        """How the people who liked reference_id (min_stars or more) rated movie_id: how many
        liked the reference, how many of them rated the film, and how many gave it min_stars or more.
        Only exclude_user's community counts (community()), exclude_user aside."""
        with self._lock:
            fans, rated, high = self.conn.execute(
                """
                SELECT COUNT(*), COUNT(p.stars), COALESCE(SUM(p.stars >= :min), 0)
                FROM ratings r LEFT JOIN ratings p ON p.user = r.user AND p.movie_id = :movie
                WHERE r.movie_id = :reference AND r.stars >= :min AND r.user IS NOT :exclude AND {fan}
                """.format(fan=_IN_COMMUNITY.format(r="r")),
                {"reference": reference_id, "movie": movie_id, "min": min_stars, "exclude": exclude_user}
                | _among(exclude_user),
            ).fetchone()
        return fans, rated, high

    # -- privacy --------------------------------------------------------------------------------

    def on_forget(self, hook: ForgetHook) -> None:
        """hook(user_key) runs inside forget_user's transaction; if it raises, nothing is forgotten.
        A dict[str, int] it returns is merged into forget_user's counts."""
        self._forget_hooks.append(hook)

    @property
    def forget_hooks(self) -> list[ForgetHook]:
        return list(self._forget_hooks)

    def export_user(self, user: str) -> dict:
        """Everything stored about one user, JSON-serialisable."""
        with self._lock:
            profile = self._rows("SELECT * FROM users WHERE key = ?", (user,))
            models = self._rows(
                "SELECT scope, blob, updated_at FROM models WHERE scope IN (?, ?) ORDER BY scope",
                (user, f"user:{user}"),
            )
            feedback = self.feedback_events(user)
            return {
                "user": profile[0] if profile else None,
                "ratings": self._rows("SELECT * FROM ratings WHERE user = ? ORDER BY rated_at, movie_id", (user,)),
                "watched": self._rows("SELECT * FROM watched WHERE user = ? ORDER BY watched_at, movie_id", (user,)),
                "dismissed": self._rows(
                    "SELECT * FROM dismissed WHERE user = ? ORDER BY dismissed_at, movie_id", (user,)
                ),
                "suggestions": [
                    _parse_suggestion(r)
                    for r in self._rows("SELECT * FROM suggestions WHERE user = ? ORDER BY id", (user,))
                ],
                "feedback": feedback,
                "memberships": self._rows(
                    "SELECT * FROM memberships WHERE user = ? ORDER BY platform, guild, channel", (user,)
                ),
                "models": [
                    {
                        "scope": m["scope"],
                        "updated_at": m["updated_at"],
                        "blob_base64": base64.b64encode(m["blob"]).decode(),
                    }
                    for m in models
                ],
            }

    def forget_user(self, user: str) -> dict[str, int]:
        """Delete everything about one user; returns rows deleted per table."""
        counts: dict[str, int] = {}
        with self._write() as conn:
            # Someone else's reaction to this user's suggestion stays theirs, unlinked from it.
            conn.execute(
                "UPDATE feedback SET suggestion_id = NULL WHERE user != ? AND suggestion_id IN "
                "(SELECT id FROM suggestions WHERE user = ?)",
                (user, user),
            )
            for table, column in (
                ("feedback", "user"), ("suggestions", "user"), ("ratings", "user"), ("watched", "user"),
                ("dismissed", "user"), ("memberships", "user"),
            ):  # fmt: skip
                counts[table] = conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (user,)).rowcount
            counts["models"] = conn.execute("DELETE FROM models WHERE scope IN (?, ?)", (user, f"user:{user}")).rowcount
            counts["users"] = conn.execute("DELETE FROM users WHERE key = ?", (user,)).rowcount
            for hook in self._forget_hooks:
                extra = hook(user)
                if isinstance(extra, dict):
                    for name, n in extra.items():
                        counts[name] = counts.get(name, 0) + int(n)
        return counts


def _among(user: str | None) -> dict[str, object]:
    prefix, inside = community(user)
    return {"prefix": prefix, "inside": int(inside)}


def _place(value: str | int | None) -> str:
    """Guild or channel id as stored: DMs have none, and NULL would defeat the primary key."""
    return "" if value is None else str(value)


def _parse_suggestion(row: dict) -> dict:
    row["features"] = json.loads(row["features"]) if row.get("features") else {}
    return row
