"""moviebot's own format: one Movie.to_dict() a line, and the rules a source must meet to join it.

Every other adapter converts into this format, so what they share lives here:
`conform` holds a source's fields to the checks the JSONL reader applies, and
`csv_rows` / `whole` / `decimal` read a CSV source the same way everywhere, so
that a bad value is reported in the same words whichever file it came from.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TextIO

from store.ingest.base import Record, RowError, SourceError, expect_columns
from store.movie import InvalidMovie, Movie
from store.vocab import COUNTRIES, GENRES, LANGUAGES, MOODS

IMDB_ID = re.compile(r"tt\d{7,8}")


class BadValue(ValueError):
    """A cell that cannot be read as what its column holds; the row is skipped."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


def open_text(path: Path) -> TextIO:
    # utf-8-sig: spreadsheet exports often start with a byte-order mark that would
    # otherwise glue itself to the first column's name
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory, expected a file") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None


def expand(paths: list[Path], pattern: str) -> list[Path]:
    """The files to read: files as given, directories replaced by their matching files."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            matches = sorted(path.glob(pattern))
            if not matches:
                raise SourceError(f"{path}: no {pattern} file in this directory")
            files.extend(matches)
        else:
            files.append(path)
    return files


def csv_header(path: Path) -> list[str]:
    with open_text(path) as handle:
        try:
            return [name.strip() for name in next(csv.reader(handle), [])]
        except (csv.Error, UnicodeDecodeError) as exc:
            raise SourceError(f"{path}: not a readable CSV file: {exc}") from None


def csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]] | RowError]:
    """Yield (line, row), line being where the row starts as an editor numbers lines.

    Quoted fields may span lines, so the line is taken before each row is read.
    A row with the wrong number of fields, or a cell longer than MAX_CELL, is a
    RowError: its values would land under the wrong columns, or it is not a value
    anyone meant (a whole file pasted into one cell).
    """
    with open_text(path) as handle:
        reader = csv.reader(handle)
        try:
            header = [name.strip() for name in next(reader, [])]
            expect_columns(path, header, required)
            start = reader.line_num + 1
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    if "field larger than field limit" not in str(exc):
                        raise
                    # beyond what the parser holds: the rest of this line is dropped with it
                    yield RowError(path, start, "(a cell)", f"a cell is longer than {_PARSE_LIMIT:,} characters")
                    start = reader.line_num + 1
                    continue
                if len(values) == len(header):
                    yield _long_cell(path, start, header, values) or (start, dict(zip(header, values, strict=True)))
                elif values:
                    column = header[len(values)] if len(values) < len(header) else header[-1]
                    yield RowError(path, start, column, f"row has {len(values)} fields, the header has {len(header)}")
                start = reader.line_num + 1
        except csv.Error as exc:
            raise SourceError(f"{path}: line {reader.line_num}: not valid CSV: {exc}") from None
        except UnicodeDecodeError:
            raise SourceError(f"{path}: near line {reader.line_num}: not UTF-8 text") from None


# A cell longer than this skips its row (Python's csv module stops the whole file at its
# default limit, this many characters). The parser itself reads cells up to _PARSE_LIMIT,
# so that a long cell costs its row and the rows after it are still read in step.
MAX_CELL = 131_072
_PARSE_LIMIT = 64 * 1024 * 1024
csv.field_size_limit(_PARSE_LIMIT)


def _long_cell(path: Path, line: int, header: list[str], values: list[str]) -> RowError | None:
    for column, value in zip(header, values, strict=True):
        if len(value) > MAX_CELL:
            return RowError(path, line, column, f"the cell holds {len(value):,} characters, more than {MAX_CELL:,}")
    return None


def _number(text: str | None, column: str, what: str) -> float | None:
    text = (text or "").strip().replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise BadValue(column, f"expected {what}, got {text!r}") from None
    if not math.isfinite(number):
        raise BadValue(column, f"expected {what}, got {text!r}")
    return number


def whole(text: str | None, column: str, what: str = "a whole number") -> int | None:
    """'' -> None, '1,234' -> 1234, '94.0' -> 94; anything else raises BadValue."""
    number = _number(text, column, what)
    return None if number is None else round(number)


def decimal(text: str | None, column: str) -> float | None:
    return _number(text, column, "a number")


def clean_title(text: str | None) -> str:
    """Whitespace trimmed and runs of it collapsed: "Cosmos  (2015)" -> "Cosmos (2015)"."""
    return " ".join((text or "").split())


def conform(data: dict, path: Path, row: int, columns: Mapping[str, str]) -> Movie | RowError:
    """Make a Movie from a source's fields, reporting a bad one in the source's column names.

    A value outside a vocabulary is dropped, not the movie: one odd language code
    should not cost a film its place in the catalog. Anything else Movie.from_dict
    rejects (a year of 1066, a rating of 11) skips the row.
    """
    data["genres"] = [genre for genre in data.get("genres", ()) if genre in GENRES]
    data["moods"] = [mood for mood in data.get("moods", ()) if mood in MOODS]
    if data.get("language") not in LANGUAGES:
        data["language"] = None
    if data.get("country") not in COUNTRIES:
        data["country"] = None
    if data.get("imdb_id") and not IMDB_ID.fullmatch(data["imdb_id"]):
        data["imdb_id"] = None
    try:
        return Movie.from_dict(data)
    except InvalidMovie as exc:
        return RowError(path, row, columns.get(exc.field, exc.field), str(exc))


class Jsonl:
    """Catalog exports and hand-written files; held to the format strictly, vocabularies included."""

    name = "jsonl"

    def read(self, paths: list[Path]) -> Iterator[Record | RowError]:
        for path in expand(paths, "*.jsonl"):
            yield from self._read_file(path)

    def _read_file(self, path: Path) -> Iterator[Record | RowError]:
        with open_text(path) as handle:
            try:
                for line, text in enumerate(handle, start=1):
                    if not text.strip():
                        continue
                    try:
                        data = json.loads(text)
                    except json.JSONDecodeError as exc:
                        yield RowError(path, line, "record", f"not valid JSON: {exc.msg} at column {exc.colno}")
                        continue
                    try:
                        movie = Movie.from_dict(data)
                    except InvalidMovie as exc:
                        yield RowError(path, line, exc.field, str(exc))
                        continue
                    yield Record(movie=movie, source=self.name)
            except UnicodeDecodeError:
                raise SourceError(f"{path}: not UTF-8 text") from None
