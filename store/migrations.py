"""Numbered schema migrations for the profile store, applied in order on open.

Each migration runs once per database file; its name is recorded in `_migrations` in the same
transaction as its changes, so a crash half-way leaves nothing half-applied. The whole run holds
SQLite's write lock (BEGIN IMMEDIATE), so several processes opening a new file at once do not
race to create the same tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def m001_initial(db: sqlite_utils.Database) -> None:
    statements = [
        """CREATE TABLE users (
            key TEXT PRIMARY KEY,
            platform TEXT NOT NULL,
            platform_user_id TEXT NOT NULL,
            display_name TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (platform, platform_user_id)
        )""",
        # feedback_id: the feedback event that last wrote this row (NULL for direct edits); an undo
        # only restores the earlier state while the row still belongs to the event being undone.
        """CREATE TABLE ratings (
            user TEXT NOT NULL REFERENCES users(key),
            movie_id TEXT NOT NULL,
            stars REAL NOT NULL CHECK (stars BETWEEN 0.5 AND 5 AND stars * 2 = CAST(stars * 2 AS INTEGER)),
            source TEXT NOT NULL,
            rated_at TEXT NOT NULL,
            feedback_id INTEGER,
            PRIMARY KEY (user, movie_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_ratings_movie_stars ON ratings (movie_id, stars)",
        "CREATE INDEX idx_ratings_user_stars ON ratings (user, stars)",
        """CREATE TABLE watched (
            user TEXT NOT NULL REFERENCES users(key),
            movie_id TEXT NOT NULL,
            source TEXT NOT NULL,
            watched_at TEXT NOT NULL,
            feedback_id INTEGER,
            PRIMARY KEY (user, movie_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_watched_user_at ON watched (user, watched_at)",
        "CREATE INDEX idx_watched_movie ON watched (movie_id)",
        """CREATE TABLE dismissed (
            user TEXT NOT NULL REFERENCES users(key),
            movie_id TEXT NOT NULL,
            source TEXT NOT NULL,
            dismissed_at TEXT NOT NULL,
            feedback_id INTEGER,
            PRIMARY KEY (user, movie_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_dismissed_movie ON dismissed (movie_id)",
        """CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY,
            user TEXT NOT NULL REFERENCES users(key),
            platform TEXT NOT NULL,
            channel TEXT,
            request TEXT NOT NULL,
            movie_id TEXT NOT NULL,
            rank INTEGER NOT NULL,
            score REAL,
            features TEXT NOT NULL DEFAULT '{}',
            propensity REAL,
            message_id TEXT,
            shown_at TEXT NOT NULL
        )""",
        "CREATE INDEX idx_suggestions_user_shown ON suggestions (user, shown_at)",
        "CREATE INDEX idx_suggestions_shown ON suggestions (shown_at)",
        "CREATE INDEX idx_suggestions_movie ON suggestions (movie_id)",
        "CREATE UNIQUE INDEX idx_suggestions_message ON suggestions (platform, message_id)",
        """CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            event_id TEXT UNIQUE,
            suggestion_id INTEGER REFERENCES suggestions(id),
            user TEXT NOT NULL REFERENCES users(key),
            movie_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('like', 'dislike', 'watched', 'dismiss', 'stars')),
            value REAL,
            added INTEGER NOT NULL CHECK (added IN (0, 1)),
            created_at TEXT NOT NULL,
            undoes INTEGER REFERENCES feedback(id),
            undone_by INTEGER REFERENCES feedback(id),
            prev_exists INTEGER,
            prev_value REAL,
            prev_source TEXT,
            prev_at TEXT,
            prev_feedback_id INTEGER
        )""",
        "CREATE INDEX idx_feedback_user_movie_kind ON feedback (user, movie_id, kind)",
        "CREATE INDEX idx_feedback_suggestion ON feedback (suggestion_id)",
        "CREATE INDEX idx_feedback_undoes ON feedback (undoes)",
        "CREATE INDEX idx_feedback_undone_by ON feedback (undone_by)",
        "CREATE INDEX idx_feedback_prev_feedback ON feedback (prev_feedback_id)",
        """CREATE TABLE memberships (
            platform TEXT NOT NULL,
            guild TEXT NOT NULL,
            channel TEXT NOT NULL,
            user TEXT NOT NULL REFERENCES users(key),
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (platform, guild, channel, user)
        )""",
        "CREATE INDEX idx_memberships_user ON memberships (user)",
        "CREATE INDEX idx_memberships_guild_seen ON memberships (platform, guild, last_seen)",
        """CREATE TABLE models (
            scope TEXT PRIMARY KEY,
            blob BLOB NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    ]
    for sql in statements:
        db.execute(sql)


def m002_suggestions_held_back(db: sqlite_utils.Database) -> None:
    """Whether a suggestion holds its film back from the user's next answers: an answer no person
    is known to have read (a batch line, an API call) need not (AgentConfig.unattended_shown)."""
    db.execute("ALTER TABLE suggestions ADD COLUMN held_back INTEGER NOT NULL DEFAULT 1")


def m003_suggestions_by_conversation(db: sqlite_utils.Database) -> None:
    """Who was last answered in a conversation (ProfileStore.last_suggested_in), asked on each turn
    of a thread several people talk in."""
    db.execute("CREATE INDEX idx_suggestions_conversation ON suggestions (platform, channel, shown_at)")


def m004_reaction_tones_apart(db: sqlite_utils.Database) -> None:
    """From here on 👍🏽 is filed apart from 👍 (agent.reactions): the last feedback event filed the old
    way is kept, so the removal of a toned thumb added before then still finds the add it takes back."""
    db.execute("CREATE TABLE store_facts (name TEXT PRIMARY KEY, value INTEGER)")
    db.execute(
        "INSERT INTO store_facts VALUES ('last_feedback_before_tones', (SELECT coalesce(max(id), 0) FROM feedback))"
    )


def m005_messages_of_several_picks(db: sqlite_utils.Database) -> None:
    """The messages that show several picks at once (an answer of more than ten): a rating reaction
    on one means no one film, and its reactor is told so after a restart too. `thread` is where
    the picks are ('' when not in a thread); nobody's data, so /forget leaves it."""
    db.execute(
        "CREATE TABLE several_picks_messages (platform TEXT NOT NULL, message_id TEXT NOT NULL, "
        "thread TEXT NOT NULL DEFAULT '', PRIMARY KEY (platform, message_id))"
    )


def m006_watched_undated(db: sqlite_utils.Database) -> None:
    """A film imported with no date (a Letterboxd row with an empty Date) was seen at some unknown
    time: `watched_at` may now be NULL rather than the day of the import. SQLite cannot drop a NOT
    NULL in place, so the table is rebuilt; every stored row keeps its date."""
    columns = ("user TEXT NOT NULL REFERENCES users(key)", "movie_id TEXT NOT NULL", "source TEXT NOT NULL",
               "watched_at TEXT", "feedback_id INTEGER")  # fmt: skip
    _rebuild(db, "watched", columns, ("idx_watched_user_at ON watched (user, watched_at)",
                                      "idx_watched_movie ON watched (movie_id)"))  # fmt: skip


def m007_ratings_undated(db: sqlite_utils.Database) -> None:
    """A rating imported with no date (an IMDb row with an empty Date Rated, a Letterboxd row with an
    empty Date) was given at some unknown time: `rated_at` may now be NULL, where it was the moment
    of the import, which the export then showed as when the film was rated."""
    columns = ("user TEXT NOT NULL REFERENCES users(key)", "movie_id TEXT NOT NULL",
               "stars REAL NOT NULL CHECK (stars BETWEEN 0.5 AND 5 AND stars * 2 = CAST(stars * 2 AS INTEGER))",
               "source TEXT NOT NULL", "rated_at TEXT", "feedback_id INTEGER")  # fmt: skip
    _rebuild(db, "ratings", columns, ("idx_ratings_movie_stars ON ratings (movie_id, stars)",
                                      "idx_ratings_user_stars ON ratings (user, stars)"))  # fmt: skip


# The sources of imports whose files date a row by the day (Letterboxd, IMDb) or the whole second
# (MovieLens): a time with a fraction of a second on such a row is the clock's at the import.
DATED_BY_THE_FILE = ("import:letterboxd", "import:imdb", "import:movielens")
_CLOCKED = "{0} GLOB '????-??-??T??:??:??.[0-9][0-9][0-9][0-9][0-9][0-9]*' AND substr({0}, 20, 7) != '.000000'"


def m008_import_moments_undated(db: sqlite_utils.Database) -> None:
    """Before m006 (watched) and m007 (ratings) an import row with no date was stored as seen or
    rated at the moment of the import: the watched list and the export then said a film seen at
    some unknown time was watched on the day of the import, the profile counted it among the
    recently watched, and "what have I rated" called it the newest. Such a row is told by its
    time: every date those files give is a day or a whole second, the clock's has a fraction.
    A ✅ or star reaction since kept the row's day under its own source, and its feedback event
    holds the import's source and moment as the state an undo restores: both are undated too."""
    sources = ", ".join("?" * len(DATED_BY_THE_FILE))
    for table, when in (("ratings", "rated_at"), ("watched", "watched_at")):
        db.execute(
            f"UPDATE {table} SET {when} = NULL WHERE source IN ({sources}) AND {_CLOCKED.format(when)}",
            DATED_BY_THE_FILE,
        )
    db.execute(
        f"UPDATE watched SET watched_at = NULL WHERE {_CLOCKED.format('watched_at')} AND feedback_id IN "
        f"(SELECT id FROM feedback WHERE prev_source IN ({sources}) AND prev_at = watched.watched_at)",
        DATED_BY_THE_FILE,
    )
    db.execute(
        f"UPDATE feedback SET prev_at = NULL WHERE prev_source IN ({sources}) AND {_CLOCKED.format('prev_at')}",
        DATED_BY_THE_FILE,
    )


def _rebuild(db: sqlite_utils.Database, table: str, columns: tuple[str, ...], indexes: tuple[str, ...]) -> None:
    """A (user, film) table made again with `columns` (SQLite cannot drop a NOT NULL in place),
    every row kept as it was.

    Safe on any file: a row whose film the catalog no longer has is copied like any other (the
    catalog is another file, and a film may come back), and a row whose user record is missing
    (deleted in the sqlite3 shell, where foreign keys are off) gets that record back: the copy
    failed the foreign key, and the store could no longer be opened. Safe to run again, on a
    table already rebuilt or beside a copy an interrupted run left."""
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    db.execute(
        "INSERT OR IGNORE INTO users (key, platform, platform_user_id, created_at, updated_at) "
        "SELECT DISTINCT user, substr(user, 1, instr(user, ':') - 1), substr(user, instr(user, ':') + 1), ?, ? "
        f"FROM {table} WHERE user NOT IN (SELECT key FROM users)",
        [now, now],
    )
    names = ", ".join(column.split()[0] for column in columns)
    db.execute(f"DROP TABLE IF EXISTS {table}_new")
    db.execute(f"CREATE TABLE {table}_new ({', '.join(columns)}, PRIMARY KEY (user, movie_id)) WITHOUT ROWID")
    db.execute(f"INSERT INTO {table}_new ({names}) SELECT {names} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    for index in indexes:
        db.execute(f"CREATE INDEX IF NOT EXISTS {index}")


MIGRATIONS: list[Migration] = [
    m001_initial, m002_suggestions_held_back, m003_suggestions_by_conversation, m004_reaction_tones_apart,
    m005_messages_of_several_picks, m006_watched_undated, m007_ratings_undated, m008_import_moments_undated,
]  # fmt: skip


def applied(db: sqlite_utils.Database) -> list[str]:
    if not db["_migrations"].exists():
        return []
    return [row["name"] for row in db.query("SELECT name FROM _migrations ORDER BY id")]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply every migration not yet recorded; returns the names applied by this call."""
    conn = db.conn
    outer = conn.in_transaction
    if not outer:
        conn.execute("BEGIN IMMEDIATE")
    try:
        db.execute(
            "CREATE TABLE IF NOT EXISTS _migrations ("
            "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
        )
        done = set(applied(db))
        ran = []
        for migration in MIGRATIONS:
            name = migration.__name__
            if name in done:
                continue
            migration(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                [name, datetime.now(UTC).isoformat(timespec="microseconds")],
            )
            ran.append(name)
    except BaseException:
        if not outer and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if not outer:
        conn.execute("COMMIT")
    return ran
