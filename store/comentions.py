"""Which films people talk about together: an item-item co-mention table from conversations.

Each conversation counts once per film it mentions and once per pair of films it
mentions together, whoever mentioned them. The table is built from recommendation
dialogues (`moviebot train redial`) and saved beside the catalog in `comentions.sqlite`,
where the recommender reads it as a collaborative signal that needs no ratings.

`minus` on every read leaves one conversation's own films out of the counts, so a
ranker can be fitted on the same dialogues the table was built from (leave one
dialogue out) without seeing its own answers.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

FILE_NAME = "comentions.sqlite"


class CoMentions:
    def __init__(self) -> None:
        self.pairs: dict[str, Counter[str]] = defaultdict(Counter)  # film -> film -> conversations naming both
        self.counts: Counter[str] = Counter()  # film -> conversations naming it
        self.conversations = 0
        self.meta: dict[str, str] = {}  # e.g. the fitted ranker's weights, as JSON
        self.blobs: dict[str, bytes] = {}  # e.g. the text model's arrays

    @classmethod
    def build(cls, conversations: Iterable[Sequence[str]]) -> CoMentions:
        """From each conversation's mentioned film ids (order does not matter, repeats count once)."""
        table = cls()
        for films in conversations:
            table.add(films)
        return table

    def add(self, films: Sequence[str]) -> None:
        unique = list(dict.fromkeys(films))
        self.conversations += 1
        self.counts.update(unique)
        for a in unique:
            row = self.pairs[a]
            for b in unique:
                if a != b:
                    row[b] += 1

    def count(self, film: str, minus: Collection[str] = ()) -> int:
        return max(self.counts.get(film, 0) - (film in minus), 0)

    def neighbours(self, film: str, minus: Collection[str] = ()) -> dict[str, int]:
        """Films mentioned with `film`, and in how many conversations."""
        row = self.pairs.get(film)
        if not row:
            return {}
        if film not in minus:
            return dict(row)
        return {b: n - (b in minus) for b, n in row.items() if n - (b in minus) > 0}

    def most_mentioned(self) -> list[str]:
        return [film for film, _ in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def __len__(self) -> int:
        return len(self.counts)

    # -- persistence ----------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write to `path` atomically: a reader sees the old table or the new one."""
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        conn = sqlite3.connect(partial)
        try:
            conn.executescript(
                """
                CREATE TABLE films (film TEXT PRIMARY KEY, conversations INTEGER NOT NULL);
                CREATE TABLE pairs (a TEXT NOT NULL, b TEXT NOT NULL, conversations INTEGER NOT NULL,
                                    PRIMARY KEY (a, b));
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE blobs (key TEXT PRIMARY KEY, value BLOB NOT NULL);
                """
            )
            conn.executemany("INSERT INTO films VALUES (?, ?)", self.counts.items())
            conn.executemany(
                "INSERT INTO pairs VALUES (?, ?, ?)",
                ((a, b, n) for a, row in self.pairs.items() for b, n in row.items() if a < b),
            )
            meta = {**self.meta, "conversations": str(self.conversations)}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.executemany("INSERT INTO blobs VALUES (?, ?)", self.blobs.items())
            conn.commit()
        finally:
            conn.close()
        partial.replace(path)

    @classmethod
    def load(cls, path: Path) -> CoMentions | None:
        """The saved table, or None when there is none."""
        if not path.is_file():
            return None
        table = cls()
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            table.counts.update(dict(conn.execute("SELECT film, conversations FROM films")))
            for a, b, n in conn.execute("SELECT a, b, conversations FROM pairs"):
                table.pairs[a][b] = n
                table.pairs[b][a] = n
            table.meta = dict(conn.execute("SELECT key, value FROM meta"))
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'blobs'").fetchone():  # older tables lack it
                table.blobs = dict(conn.execute("SELECT key, value FROM blobs"))
        finally:
            conn.close()
        table.conversations = int(table.meta.pop("conversations", "0"))
        return table

    def set_meta(self, key: str, value: object) -> None:
        self.meta[key] = json.dumps(value)

    def get_meta(self, key: str) -> object | None:
        raw = self.meta.get(key)
        return None if raw is None else json.loads(raw)
