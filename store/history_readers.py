"""Viewing-history exports read into rows, one reader per format (Letterboxd, IMDb, MovieLens and
moviebot's own export), in the order their rows should apply. A value that cannot be read makes
its row a SkippedRow saying why; a file that cannot be read, or is not the export asked for, raises.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TextIO

from store.history_csv import (
    OWN_LIST,
    ForeignFile,
    another_export,
    columns_found,
    delimiter_of,
    expect_header,
    file_opener,
    named_as,
    read_csv,
)
from store.history_rows import HistoryRow, SkippedRow
from store.ingest.base import SourceError, expect_columns
from store.ingest.jsonl import IMDB_ID, clean_title
from store.ingest.movielens import split_title
from store.profiles import GIVEN_AS, to_iso, validate_stars

FORMATS = ("letterboxd", "imdb", "movielens", "moviebot")  # moviebot: a `moviebot user export` file
REACTION_SOURCES = ("feedback:like", "feedback:dislike")  # a 👍/👎's stars: rated, never said to be seen


# Letterboxd export files, told apart by their headers. Later kinds win when they disagree
# about a film's stars: ratings.csv holds the current rating, the diary the one at the time.
LETTERBOXD_KINDS: dict[str, tuple[str, ...]] = {
    "watched": ("Date", "Name", "Year", "Letterboxd URI"),
    "diary": ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"),
    "ratings": ("Date", "Name", "Year", "Letterboxd URI", "Rating"),
}
LETTERBOXD_FILES = ("watched.csv", "diary.csv", "ratings.csv")
IMDB_COLUMNS = ("Const", "Your Rating", "Date Rated", "Title", "Year")
MOVIELENS_FILES: dict[str, tuple[str, ...]] = {
    "ratings.csv": ("userId", "movieId", "rating", "timestamp"),
    "movies.csv": ("movieId", "title", "genres"),
    "links.csv": ("movieId", "imdbId", "tmdbId"),
}


# A date up to a day ahead is a time zone east of here, not a typo. One further ahead would beat
# every real rating after it (the newer rating wins), so it is a bad row.
FUTURE_SLACK = timedelta(days=1)


class _BadValue(ValueError):
    pass


def detect_format(path: Path) -> str:
    """IMDb's export has a "Const" column, MovieLens a "movieId" one, moviebot's own is JSON;
    anything else (a zip, a folder, ratings.csv...) is Letterboxd."""
    if path.suffix.lower() == ".zip" or path.is_dir():
        return "movielens" if path.is_dir() and (path / "movies.csv").exists() else "letterboxd"
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError as exc:
        raise SourceError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        return "moviebot"
    header = head.decode("utf-8-sig", errors="replace").splitlines()[:1]
    columns = [c.strip().strip('"') for c in header[0].split(delimiter_of(header[0]))] if header else []
    if "Const" in columns:
        return "imdb"
    return "movielens" if "movieId" in columns else "letterboxd"


def read_history(
    fmt: str, paths: Iterable[Path], *, movielens_user: str | int | None = None
) -> Iterator[HistoryRow | SkippedRow]:
    """Rows of an export in the order they should apply. MovieLens: one userId's rows, or
    every user's (each row's `account`) when movielens_user is None. Raises SourceError for a
    file that cannot be read or has the wrong header."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise SourceError("no files given")
    if fmt == "letterboxd":
        return read_letterboxd(paths)
    if fmt == "imdb":
        return read_imdb(paths)
    if fmt == "movielens":
        return read_movielens(paths, user=movielens_user)
    if fmt == "moviebot":
        return read_moviebot_export(paths)
    raise SourceError(f"unknown history format {fmt!r}; expected one of {', '.join(FORMATS)}")


def read_moviebot_export(paths: list[Path]) -> Iterator[HistoryRow | SkippedRow]:
    """`moviebot user export` files: each film watched, then each rating (the later row wins)."""
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")  # an export saved again by Notepad starts with a BOM
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            header = next(csv.reader(text.splitlines()[:1]), [])
            another_export(path.name, [h.strip() for h in header], "a moviebot export")  # a CSV given as moviebot's
            raise ForeignFile(f"{path.name}: not a moviebot export, the JSON `moviebot user export` writes (not JSON: "
                              f"{exc.msg}, line {exc.lineno}).\n{OWN_LIST}") from None  # fmt: skip
        if not isinstance(data, dict) or not isinstance(data.get("ratings"), list) or "watched" not in data:
            raise ForeignFile(f"{path.name}: not a moviebot export (no ratings and watched lists).\n{OWN_LIST}")
        for n, row in enumerate(data.get("dismissed") or [], 1):  # films the user asked never to see again
            where = f"{path.name}:dismissed[{n}]"
            movie_id = row.get("movie_id") if isinstance(row, dict) else None
            if not isinstance(movie_id, str) or not movie_id:
                yield SkippedRow(where, "", None, "no movie_id")
                continue
            try:
                at = _moment(row.get("dismissed_at"), "dismissed_at")
            except _BadValue as exc:
                yield SkippedRow(where, movie_id, None, str(exc))
                continue
            yield HistoryRow(where, movie_id, None, date=at, movie_id=movie_id, dismissed=True)
        for kind, when, stars in (("watched", "watched_at", None), ("ratings", "rated_at", "stars")):
            for n, row in enumerate(data.get(kind) or [], 1):
                where = f"{path.name}:{kind}[{n}]"
                movie_id = row.get("movie_id") if isinstance(row, dict) else None
                if not isinstance(movie_id, str) or not movie_id:
                    yield SkippedRow(where, "", None, "no movie_id")
                    continue
                try:
                    value = validate_stars(row.get(stars)) if stars else None
                    at = _moment(row.get(when), when)
                except (TypeError, ValueError) as exc:
                    yield SkippedRow(where, movie_id, None, str(exc))
                    continue
                given_as = row.get("source") if row.get("source") in GIVEN_AS else ""
                title, year = _title_and_year(row)
                yield HistoryRow(where, title or movie_id, year, stars=value, date=at, movie_id=movie_id,
                                 given_as=given_as, title_given=bool(title), dates_viewing=stars is None,
                                 seen=given_as not in REACTION_SOURCES)  # fmt: skip


def _title_and_year(row: dict) -> tuple[str, int | None]:
    """The title and year a hand-edited export row gives beside its id ("", None when it gives none):
    the only way an id this catalog lacks may still name a film, and only by exact title and year."""
    title, year = row.get("title"), row.get("year")
    if not isinstance(title, str) or not title.strip() or not isinstance(year, int) or isinstance(year, bool):
        return "", None
    return title.strip(), year


def read_letterboxd(paths: list[Path]) -> Iterator[HistoryRow | SkippedRow]:
    """ratings.csv, watched.csv and diary.csv, given as files, a folder or the export zip.

    The watchlist has the same columns as watched.csv but lists films not seen yet, so a file
    by that name is refused and a folder's or zip's is never read.
    """
    by_kind: dict[str, list[HistoryRow | SkippedRow]] = {kind: [] for kind in LETTERBOXD_KINDS}
    for name, opener in _letterboxd_sources(paths):
        with opener() as handle:
            header, rows = read_csv(name, handle)
            named_as(header, *(_required(kind) for kind in LETTERBOXD_KINDS))
            kind = _letterboxd_kind(name, header)
            expect_header(name, header, _required(kind), f"a Letterboxd {kind}.csv")
            by_kind[kind].extend(_letterboxd_row(name, line, row, kind) for line, row in rows)
    by_kind["diary"].sort(key=lambda r: (r.date or "") if isinstance(r, HistoryRow) else "")
    for kind in LETTERBOXD_KINDS:
        yield from by_kind[kind]


def _required(kind: str) -> tuple[str, ...]:
    """The columns a file of this kind must have; Letterboxd has added optional ones before."""
    return {"watched": ("Name", "Year"), "diary": ("Name", "Year", "Rating", "Watched Date"),
            "ratings": ("Date", "Name", "Year", "Rating")}[kind]  # fmt: skip


def _letterboxd_kind(name: str, header: list[str]) -> str:
    if Path(name).name.lower() == "watchlist.csv":
        raise SourceError(f"{name}: this is the watchlist, films not seen yet; import watched.csv, "
                          "ratings.csv or diary.csv (or the whole export folder or zip)")  # fmt: skip
    if "Watched Date" in header:
        return "diary"
    if "Rating" in header:
        return "ratings"
    if "Name" in header and "Year" in header:
        return "watched"
    another_export(name, header, "a Letterboxd file")
    expected = "; ".join(f"{kind}.csv: {', '.join(cols)}" for kind, cols in LETTERBOXD_KINDS.items())
    raise ForeignFile(f"{name}: not a Letterboxd export file; expected the columns of {expected}; "
                      f"found: {columns_found(header)}.\n{OWN_LIST}")  # fmt: skip


def _letterboxd_sources(paths: list[Path]) -> Iterator[tuple[str, object]]:
    for path in paths:
        if path.is_dir():
            found = [path / n for n in LETTERBOXD_FILES if (path / n).is_file()]
            if not found:
                raise SourceError(f"{path}: no {', '.join(LETTERBOXD_FILES)} here; is this a Letterboxd export?")
            for file in found:
                yield str(file), file_opener(file)
        elif path.suffix.lower() == ".zip":
            yield from _zip_sources(path)
        else:
            yield str(path), file_opener(path)


def _zip_sources(path: Path) -> Iterator[tuple[str, object]]:
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(f"{path}: not a readable zip file: {exc}") from None
    names = set(archive.namelist())
    found = [n for n in LETTERBOXD_FILES if n in names]  # top level only: deleted/ holds removed entries
    folders = {n.split("/", 1)[0] for n in names if "/" in n} - {"deleted"}
    if not found and len(folders) == 1:  # the export folder zipped whole: "letterboxd-ana-2026/ratings.csv"
        top = folders.pop()
        found = [f"{top}/{n}" for n in LETTERBOXD_FILES if f"{top}/{n}" in names]
    if not found:
        raise SourceError(f"{path}: no {', '.join(LETTERBOXD_FILES)} in this zip; is it a Letterboxd export?")
    for member in found:

        @contextmanager
        def opener(member: str = member) -> Iterator[TextIO]:
            with archive.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")

        yield f"{path}/{member}", opener


def _letterboxd_row(name: str, line: int, row: dict[str, str] | str, kind: str) -> HistoryRow | SkippedRow:
    where = f"{name}:{line}"
    if isinstance(row, str):
        return SkippedRow(where, "", None, row)
    title = clean_title(row["Name"])
    try:
        year = _year(row["Year"])
        stars = None if kind == "watched" else _letterboxd_stars(row["Rating"])
        column = "Watched Date" if kind == "diary" and row["Watched Date"].strip() else "Date"
        when = _date(row.get(column, ""), column)
    except _BadValue as exc:
        return SkippedRow(where, title, None, str(exc))
    if not title:
        return SkippedRow(where, "", year, "Name: the title is missing")
    return HistoryRow(where, title, year, stars=stars, date=when)


def read_imdb(paths: list[Path]) -> Iterator[HistoryRow | SkippedRow]:
    """IMDb's "Your ratings" export: 1-10 becomes 0.5-5 stars."""
    for path in paths:
        if path.is_dir():
            path = path / "ratings.csv"
        with file_opener(path)() as handle:
            header, rows = read_csv(str(path), handle)
            named_as(header, IMDB_COLUMNS)
            expect_header(str(path), header, IMDB_COLUMNS, "an IMDb ratings export")
            for line, row in rows:
                yield _imdb_row(f"{path}:{line}", row)


def _imdb_row(where: str, row: dict[str, str] | str) -> HistoryRow | SkippedRow:
    if isinstance(row, str):
        return SkippedRow(where, "", None, row)
    title = clean_title(row["Title"])
    const = row["Const"].strip().lower()
    try:
        year = _year(row["Year"])
        text = row["Your Rating"].strip()
        try:
            tenths = float(text)
        except ValueError:
            raise _BadValue(f"Your Rating: expected 1 to 10, got {text!r}") from None
        if not 1 <= tenths <= 10:
            raise _BadValue(f"Your Rating: expected 1 to 10, got {text!r}")
        stars = max(0.5, round(tenths) / 2)
        when = _date(row["Date Rated"], "Date Rated")
    except _BadValue as exc:
        return SkippedRow(where, title, None, str(exc))
    imdb_id = const if IMDB_ID.fullmatch(const) else None
    if not title and imdb_id is None:
        return SkippedRow(where, "", year, "Title: the title is missing")
    kind = _IMDB_NOT_FILMS.get("".join(str(row.get("Title Type") or "").lower().split()), "")
    return HistoryRow(where, title, year, imdb_id=imdb_id, stars=stars, date=when, not_a_film=kind)


# IMDb's Title Type for what is no film: a row of Breaking Bad was only "not in the catalog", which
# read as a gap in the catalog rather than a show moviebot does not hold; such a row is still looked
# for (a mini-series can be in MovieLens as a film) and the reason given only when it is not found.
# Older exports spell the type "tvSeries", newer ones "TV Series": both are read without case or spaces.
_IMDB_NOT_FILMS = {
    "tvseries": "a TV series",
    "tvminiseries": "a TV mini-series",
    "tvepisode": "a TV episode",
    "videogame": "a video game",
    "podcastseries": "a podcast",
    "podcastepisode": "a podcast episode",
}


def read_movielens(paths: list[Path], *, user: str | int | None) -> Iterator[HistoryRow | SkippedRow]:
    """ratings.csv with movies.csv and links.csv beside it; `user` None means every userId."""
    files = _movielens_files(paths)
    films: dict[str, tuple[str, int | None]] = {}
    with file_opener(files["movies.csv"])() as handle:
        header, rows = read_csv(str(files["movies.csv"]), handle)
        expect_columns(files["movies.csv"], header, MOVIELENS_FILES["movies.csv"][:2])
        for _, row in rows:
            if isinstance(row, dict):
                films[row["movieId"].strip()] = split_title(row["title"])
    links: dict[str, tuple[str | None, int | None]] = {}  # movieId: IMDb id, TMDB id
    with file_opener(files["links.csv"])() as handle:
        header, rows = read_csv(str(files["links.csv"]), handle)
        expect_columns(files["links.csv"], header, MOVIELENS_FILES["links.csv"][:2])
        for _, row in rows:
            cells = row if isinstance(row, dict) else {}
            imdb_digits, tmdb_digits = (cells.get(column, "").strip() for column in ("imdbId", "tmdbId"))
            if imdb_digits.isdigit() or tmdb_digits.isdigit():
                links[row["movieId"].strip()] = (f"tt{int(imdb_digits):07d}" if imdb_digits.isdigit() else None,
                                                 int(tmdb_digits) if tmdb_digits.isdigit() else None)  # fmt: skip
    wanted = None if user is None else str(user).strip()
    path = files["ratings.csv"]
    name = path.name
    found = False
    with file_opener(path)() as handle:
        header, rows = read_csv(str(path), handle)
        expect_columns(path, header, MOVIELENS_FILES["ratings.csv"][:3])
        for line, row in rows:
            if isinstance(row, str):
                yield SkippedRow(f"{name}:{line}", "", None, row)
                continue
            account = row["userId"].strip()
            if wanted is not None and account != wanted:
                continue
            found = True
            yield _movielens_row(f"{name}:{line}", row, account, films, links)
    if wanted is not None and not found:  # a userId typed wrong imports nothing: say so, not "0 films"
        raise SourceError(f"{path}: no ratings by MovieLens userId {wanted!r}; userId is the first column")


def _movielens_row(
    where: str,
    row: dict[str, str],
    account: str,
    films: dict[str, tuple[str, int | None]],
    links: dict[str, tuple[str | None, int | None]],
) -> HistoryRow | SkippedRow:
    movie = row["movieId"].strip()
    title, year = films.get(movie, ("", None))
    if not account:
        return SkippedRow(where, title, year, "userId: missing")
    try:
        stars = validate_stars(float(row["rating"].replace(",", ".")))  # "3,5" of a file saved with semicolons
    except ValueError:
        return SkippedRow(where, title, year, f"rating: expected 0.5 to 5 in steps of 0.5, got {row['rating']!r}")
    if not title and movie not in links:
        return SkippedRow(where, "", None, f"movieId {movie!r} is in neither movies.csv nor links.csv")
    stamp = (row.get("timestamp") or "").strip()
    if stamp and not stamp.isdigit():
        return SkippedRow(where, title, year, f"timestamp: expected seconds since 1970, got {stamp!r}")
    if stamp and int(stamp) > (datetime.now(UTC) + FUTURE_SLACK).timestamp():
        return SkippedRow(where, title, year, f"timestamp: {stamp} is in the future")
    imdb_id, tmdb_id = links.get(movie, (None, None))
    return HistoryRow(where, title or f"movieId {movie}", year, imdb_id=imdb_id, tmdb_id=tmdb_id, stars=stars,
                      date=int(stamp) if stamp else None, account=account)  # fmt: skip


def _movielens_files(paths: list[Path]) -> dict[str, Path]:
    if len(paths) != 1 and not all(p.parent == paths[0].parent for p in paths):
        raise SourceError("MovieLens: give one folder (or files from one folder)")
    folder = paths[0] if paths[0].is_dir() else paths[0].parent
    if not folder.exists():
        raise SourceError(f"{paths[0]}: no such file or directory")
    files = {}
    for name in MOVIELENS_FILES:
        given = [p for p in paths if p.name == name]
        path = given[0] if given else folder / name
        if not path.is_file():
            raise SourceError(
                f"{path}: no such file; a MovieLens history needs {', '.join(MOVIELENS_FILES)} in one folder"
            )
        files[name] = path
    return files


def _year(text: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    if not text.isdigit() or not 1870 <= int(text) <= 2100:
        raise _BadValue(f"Year: expected a year, got {text!r}")
    return int(text)


def _letterboxd_stars(text: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return validate_stars(float(text.replace(",", ".")))  # "3,5" where the comma is the decimal mark
    except ValueError:
        raise _BadValue(f"Rating: expected 0.5 to 5 stars in steps of 0.5, got {text!r}") from None


def _date(text: str, column: str) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise _BadValue(f"{column}: expected a date like 2024-05-31, got {text!r}") from None
    if datetime.combine(day, time(), UTC) > datetime.now(UTC) + FUTURE_SLACK:
        raise _BadValue(f"{column}: {text} is in the future")
    return day.isoformat()


def _moment(value: object, column: str) -> str | None:
    """A moviebot export's timestamp (ISO-8601; a naive one is UTC), in the store's own form."""
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        at = datetime.fromisoformat(value)
        at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    except (ValueError, OverflowError):
        raise _BadValue(f"{column}: expected a date like 2024-05-31T20:15:00+00:00, got {value!r}") from None
    if at > datetime.now(UTC) + FUTURE_SLACK:
        raise _BadValue(f"{column}: {value} is in the future")
    return to_iso(at)
