"""The CSV files of viewing-history exports: read whatever encoding and separator a spreadsheet
saved them in, each malformed line reported as its reader can fix it, and a file that is not the
export asked for told by its header (or its first bytes) and named, never read as one.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from store.ingest.base import SourceError
from store.ingest.jsonl import open_text

OWN_LIST = ("To import a list of your own, give it Letterboxd's ratings.csv header, Date,Name,Year,Rating (a Date "
            "may be empty; Rating is 0.5 to 5 stars), and import it as a Letterboxd export.")  # fmt: skip


class ForeignFile(SourceError):
    """A readable file that is not the export asked for (a hand-made CSV): its message says what
    was expected, what was found, and how a list of one's own can be imported; `looks_like` is
    the format whose columns it has instead ("letterboxd" for a Letterboxd file imported as IMDb's)."""

    def __init__(self, message: str, looks_like: str | None = None):
        super().__init__(message)
        self.looks_like = looks_like


# the columns that tell an export apart, checked on a file imported as another format
_TELLING_COLUMNS = (("imdb", "an IMDb ratings export", ("Const", "Your Rating")),
                    ("letterboxd", "a Letterboxd file", ("Name", "Year")),
                    ("movielens", "a MovieLens ratings file", ("userId", "movieId")))  # fmt: skip


def expect_header(name: str, header: list[str], required: tuple[str, ...], what: str) -> None:
    missing = [c for c in required if c not in header]
    if not missing:
        return
    another_export(name, header, what)
    raise ForeignFile(f"{name}: not {what}: it lacks the column(s) {', '.join(missing)}; expected columns: "
                      f"{', '.join(required)}; found: {columns_found(header)}.\n{OWN_LIST}")  # fmt: skip


def another_export(name: str, header: list[str], what: str) -> None:
    """Raises when a file not `what` has the columns of another export: "wrong columns, give it
    Letterboxd's header" told a Letterboxd file imported as IMDb's to get the header it had."""
    for fmt, kind, columns in _TELLING_COLUMNS:
        if kind != what and all(c in header for c in columns):
            raise ForeignFile(f"{name}: this looks like {kind}, not {what} (its columns: {columns_found(header)})", fmt)


def columns_found(header: list[str]) -> str:
    found = ", ".join(header) or "nothing"
    return found if len(found) <= 120 else found[:117] + "..."  # a JSON file's first line can be the whole file


# What people give by mistake, told by the first bytes: named, never echoed back.
FILE_KINDS = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"RIFF": "a WebP image or other media",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def file_kind(head: bytes) -> str | None:
    """ "a PNG image" for a file that starts like one; None for anything else."""
    return next((name for magic, name in FILE_KINDS.items() if head.startswith(magic)), None)


def file_opener(path: Path):
    @contextmanager
    def opener() -> Iterator[TextIO]:
        with open_text(path) as handle:
            if path.stat().st_size > LATIN_1_READ_LIMIT:  # MovieLens 25M: streamed, and UTF-8 it is
                yield handle
                return
            raw = handle.buffer.read()
        if kind := file_kind(raw):  # a PNG decodes as Windows-1252: it was "found: ‰PNG", the image's bytes
            raise SourceError(f"{path}: not a CSV export (it looks like {kind}); is it the file you meant?")
        try:
            text = _decoded(raw)
        except UnicodeDecodeError:  # was "cannot read a.png: 'utf-8' codec can't decode byte 0x89 in position 0"
            raise SourceError(f"{path}: not a text file, so not a CSV export; is it the file you meant?") from None
        yield io.StringIO(text, newline="")

    return opener


LATIN_1_READ_LIMIT = 64 * 1024 * 1024  # an export up to this size is read whole, to tell its encoding


def _decoded(raw: bytes) -> str:
    """UTF-16 with its byte-order mark, UTF-8 (a byte-order mark dropped), else Windows-1252, the
    Latin-1 of older IMDb and spreadsheet exports ("Amélie" as one byte é); bytes neither can read stay an error."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # a spreadsheet's "Unicode text"
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise exc from None


def _malformed(line: str, values: list[str], header: list[str]) -> str:
    """Why a line is no row, as its reader can fix it: a quote opened and never closed (it swallowed
    the fields after it), or how many fields it has for the header's (and a decimal comma that split
    a rating in two, the likely cause when it has one too many)."""
    if line.count('"') % 2:
        return 'malformed line: a quote (") is opened and never closed'
    said = f"malformed line: {len(values)} field{'s' if len(values) != 1 else ''} where the header has {len(header)}"
    rating = [n for n, column in enumerate(header) if column.strip().lower() in _RATING_COLUMNS][:1]
    split = _split_decimal(values, *rating) if len(values) == len(header) + 1 else None
    return f"{said}; {DECIMAL_COMMA.format(split)}" if split else said


DECIMAL_COMMA = ('"{}" looks like a rating written with a decimal comma, which splits it in two in a comma-'
                 "separated file: write it with a point, or quote it, or save the file with semicolons")  # fmt: skip
_RATING_COLUMNS = ("rating", "your rating")


def _split_decimal(values: list[str], start: int = 0) -> str | None:
    """The first "3,5" a comma-separated line splits into "3" and "5" (from `start` on), else None."""
    for whole, tenths in zip(values[start:], values[start + 1 :], strict=False):
        if whole.strip().isdigit() and len(whole.strip()) <= 2 and tenths.strip() in ("0", "5"):
            return f"{whole.strip()},{tenths.strip()}"
    return None


def _splittable_ratings(header: list[str], delimiter: str) -> list[int]:
    """Where a rating column is that a decimal comma could split into the next one: read once per
    file, not per row. None in a file not comma-separated, the only kind that splits so."""
    if delimiter != ",":
        return []
    return [n for n, column in enumerate(header[:-1]) if column.strip().lower() in _RATING_COLUMNS]


def _rating_split(ratings: list[int], values: list[str]) -> str | None:
    """A row of as many fields as the header whose rating a decimal comma split into the rating
    column and the next ("Date,Name,Year,Rating,Review" and ",Alien,1979,3,5": 3 stars, review
    "5"): the "3,5" it was, else None. `ratings`: the file's _splittable_ratings."""
    for n in ratings:
        if split := _split_decimal(values[n : n + 2]):
            return split
    return None


def read_csv(name: str, handle: TextIO) -> tuple[list[str], Iterator[tuple[int, dict[str, str] | str]]]:
    """The header, and (line, row) for each row; row is why not (a str) when the line is malformed. A row
    whose unclosed quote swallowed the lines after it is read again line by line, so one bad row
    loses only itself."""
    lines = _Lines(handle)  # streamed: a 25M-row MovieLens file is never held whole
    try:
        first = next(lines, "")
        delimiter = delimiter_of(first)
        reader = csv.reader(itertools.chain([first] if first else [], lines), delimiter=delimiter)
        header = [h.strip() for h in next(reader, [])]
        if not any(header):  # was "not a Letterboxd export file; expected the columns of ...; found: nothing"
            empty = not any(any(v.strip() for v in values) for values in reader)
            raise SourceError(f"{name} is empty: there is nothing in it to import" if empty else
                              f"{name}: its first line is blank, where the column names should be")  # fmt: skip
    except (csv.Error, UnicodeDecodeError) as exc:
        raise SourceError(f"{name}: not a readable CSV file: {exc}") from None
    lines.mark()
    ratings = _splittable_ratings(header, delimiter)

    def rows() -> Iterator[tuple[int, dict[str, str] | str]]:
        start = reader.line_num + 1
        try:
            for values in reader:
                if len(values) == len(header) and (split := _rating_split(ratings, values)):
                    yield start, f"Rating: {DECIMAL_COMMA.format(split)}"
                elif len(values) == len(header):
                    yield start, dict(zip(header, values, strict=True))
                elif reader.line_num > start:  # a stray quote ran on over the lines after it
                    yield from _line_by_line(header, list(lines.since_mark), start, delimiter)
                elif any(v.strip() for v in values):
                    yield start, _malformed("".join(lines.since_mark), values, header)
                start = reader.line_num + 1
                lines.mark()
        except csv.Error as exc:
            raise SourceError(f"{name}: line {reader.line_num}: not valid CSV: {exc}") from None
        except UnicodeDecodeError:
            raise SourceError(f"{name}: near line {reader.line_num}: not UTF-8 text") from None

    return header, rows()


def delimiter_of(header_line: str) -> str:
    """The header's separator: a comma, else the semicolon of a spreadsheet saved where the comma is
    the decimal mark, or a tab ("found: Date;Name;Year;Rating" refused a list of one's own)."""
    if "," in header_line:
        return ","
    return next((d for d in (";", "\t") if d in header_line), ",")


def named_as(header: list[str], *required: Iterable[str]) -> None:
    """The header's names spelt as the export spells them, in place (the rows read it as they go),
    when that makes it one the export's kinds: "date,name,year,rating" in a list of one's own is
    Date, Name, Year and Rating. A header that would still not be one is left as found."""
    spelt = {c.lower(): c for columns in required for c in columns}
    renamed = [h if h in spelt.values() else spelt.get(h.lower(), h) for h in header]
    if any(set(columns) <= set(renamed) for columns in required):
        header[:] = renamed


class _Lines:
    """The file's lines for csv.reader, keeping those of the record being read (since `mark`), so a
    record a stray quote ran on over can be read again line by line."""

    def __init__(self, handle: TextIO):
        self._handle = iter(handle)
        self.since_mark: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._handle)
        self.since_mark.append(line)
        return line

    def mark(self) -> None:
        self.since_mark = []


def _line_by_line(
    header: list[str], lines: list[str], first: int, delimiter: str = ","
) -> Iterator[tuple[int, dict[str, str] | str]]:
    for number, line in enumerate(lines, first):
        try:
            values = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
        except csv.Error:
            values = []
        if len(values) == len(header):
            yield number, dict(zip(header, values, strict=True))
        elif any(v.strip() for v in values) or line.strip():
            yield number, _malformed(line, values, header)
