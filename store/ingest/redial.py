"""ReDial's movie metadata: a JSON object of ReDial movie id -> {name "Title (Year)", genre, plot, ...}.

Movies get moviebot ids from title and year like every other source. Dialogues
name movies by ReDial id ("@111776"), so `redial_ids` gives the mapping from one
to the other, computed by the same code that reads the movies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from store.ingest.base import Record, RowError, SourceError
from store.ingest.jsonl import BadValue, clean_title, conform, expand, open_text
from store.movie import make_id
from store.vocab import normalise_genres

SOURCE_COLUMNS = {
    "id": "name",
    "title": "name",
    "year": "name",
    "genres": "genre",
    "overview": "plot",
    "directors": "director",
    "cast": "star",
    "imdb_id": "imdb_id",
}

_NAME = re.compile(r"^(?P<title>.*?)\s*\((?P<year>\d{4})\)$")


def split_name(name: str) -> tuple[str, int | None]:
    """ "Lady Bird (2017)" -> ("Lady Bird", 2017); "Back to the Future" -> ("Back to the Future", None)."""
    text = clean_title(name)
    match = _NAME.match(text)
    return (match["title"], int(match["year"])) if match else (text, None)


class Redial:
    name = "redial"

    def read(self, paths: list[Path]) -> Iterator[Record | RowError]:
        for path in expand(paths, "*.json"):
            for _, item in _entries(path, self.name):
                yield item


def redial_ids(path: Path) -> dict[str, str]:
    """ReDial movie id -> moviebot movie id, for every movie the adapter yields from `path`."""
    return {
        redial_id: item.movie.id
        for file in expand([path], "*.json")
        for redial_id, item in _entries(file, Redial.name)
        if isinstance(item, Record)
    }


def _entries(path: Path, source: str) -> Iterator[tuple[str, Record | RowError]]:
    with open_text(path) as handle:
        try:
            data = json.load(handle)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}") from None
        except UnicodeDecodeError:
            raise SourceError(f"{path}: not UTF-8 text") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected a JSON object of ReDial movie id -> movie")
    for ordinal, (redial_id, entry) in enumerate(data.items(), start=1):
        try:
            fields = _fields(entry)
        except BadValue as exc:
            yield redial_id, RowError(path, ordinal, exc.column, f"ReDial movie {redial_id}: {exc}")
            continue
        checked = conform(fields, path, ordinal, SOURCE_COLUMNS)
        if isinstance(checked, RowError):
            message = f"ReDial movie {redial_id}: {checked.message}"
            yield redial_id, RowError(path, ordinal, checked.column, message)
        else:
            yield redial_id, Record(movie=checked, source=source)


def _fields(entry: object) -> dict:
    if not isinstance(entry, dict):
        raise BadValue("record", "expected a JSON object")
    name = entry.get("name")
    title, year = split_name(name) if isinstance(name, str) else ("", None)
    if not title:
        raise BadValue("name", f"no title in the name {name!r}")
    return {
        "id": make_id(title, year),
        "title": title,
        "year": year,
        "genres": normalise_genres(_strings(entry, "genre")),
        "directors": _strings(entry, "director"),
        "cast": _strings(entry, "star"),
        "overview": entry.get("plot") if isinstance(entry.get("plot"), str) else "",
        "imdb_id": entry.get("imdb_id") if isinstance(entry.get("imdb_id"), str) else None,
    }


def _strings(entry: dict, key: str) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BadValue(key, f"expected a list of strings, got {value!r}"[:200])
    return value
