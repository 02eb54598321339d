"""Which films people talk about together: an item-item co-mention table from conversations.

Each conversation counts once per film it mentions and once per pair of films it
mentions together, whoever mentioned them; and once per film the recommender was the first
to name (a suggestion: what people recommend, not only what they talk about). The table is built from recommendation
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
        self.suggested: Counter[str] = Counter()  # film -> conversations whose recommender named it first
        self.conversations = 0
        self.meta: dict[str, str] = {}  # e.g. the fitted ranker's weights, as JSON

    @classmethod
    def build(
        cls, conversations: Iterable[Sequence[str]], suggestions: Iterable[Collection[str]] | None = None
    ) -> CoMentions:
        """From each conversation's mentioned film ids (order does not matter, repeats count once),
        and for each the films its recommender suggested."""
        table = cls()
        suggested = iter(suggestions) if suggestions is not None else None
        for films in conversations:
            table.add(films, next(suggested) if suggested is not None else ())
        return table

    def add(self, films: Sequence[str], suggested: Collection[str] = ()) -> None:
        unique = list(dict.fromkeys(films))
        self.conversations += 1
        self.counts.update(unique)
        self.suggested.update(set(suggested) & set(unique))
        for a in unique:
            row = self.pairs[a]
            for b in unique:
                if a != b:
                    row[b] += 1

    def count(self, film: str, minus: Collection[str] = ()) -> int:
        return max(self.counts.get(film, 0) - (film in minus), 0)

    def suggestions(self, film: str, minus: Collection[str] = ()) -> int:
        """Conversations whose recommender suggested `film`; `minus` here is the films one
        conversation suggested."""
        return max(self.suggested.get(film, 0) - (film in minus), 0)

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
                CREATE TABLE films (film TEXT PRIMARY KEY, conversations INTEGER NOT NULL,
                                    suggested INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE pairs (a TEXT NOT NULL, b TEXT NOT NULL, conversations INTEGER NOT NULL,
                                    PRIMARY KEY (a, b));
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """
            )
            conn.executemany(
                "INSERT INTO films VALUES (?, ?, ?)", ((f, n, self.suggested.get(f, 0)) for f, n in self.counts.items())
            )
            conn.executemany(
                "INSERT INTO pairs VALUES (?, ?, ?)",
                ((a, b, n) for a, row in self.pairs.items() for b, n in row.items() if a < b),
            )
            meta = {**self.meta, "conversations": str(self.conversations)}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
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
            columns = {row[1] for row in conn.execute("PRAGMA table_info(films)")}
            suggested = "suggested" if "suggested" in columns else "0"  # tables saved before suggestions
            for film, n, s in conn.execute(f"SELECT film, conversations, {suggested} FROM films"):
                table.counts[film] = n
                if s:
                    table.suggested[film] = s
            for a, b, n in conn.execute("SELECT a, b, conversations FROM pairs"):
                table.pairs[a][b] = n
                table.pairs[b][a] = n
            table.meta = dict(conn.execute("SELECT key, value FROM meta"))
        finally:
            conn.close()
        table.conversations = int(table.meta.pop("conversations", "0"))
        return table

    def set_meta(self, key: str, value: object) -> None:
        self.meta[key] = json.dumps(value)

    def get_meta(self, key: str) -> object | None:
        raw = self.meta.get(key)
        return None if raw is None else json.loads(raw)
