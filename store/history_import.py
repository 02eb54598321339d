"""Viewing histories from elsewhere (Letterboxd, IMDb, MovieLens) matched to the catalog and
written to the profile store.

Every file is read and every row matched before anything is written, and everything one import
writes goes in one transaction: a bad header, a failing disk or Ctrl-C leaves the profile store
as it was. Rows that cannot be used (a bad rating, a film the catalog lacks, a title that fits
several films) are reported, never guessed.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from store.history_csv import (
    OWN_LIST,
    ForeignFile,
    another_export,
    columns_found,
    delimiter_of,
    expect_header,
    file_kind,
    file_opener,
    named_as,
    read_csv,
)
from store.history_match import CatalogMatcher, Match
from store.history_rows import HistoryRow, ImportReport, SkippedRow
from store.ingest.base import SourceError, expect_columns
from store.ingest.jsonl import IMDB_ID, clean_title
from store.ingest.movielens import split_title
from store.profiles import GIVEN_AS, ProfileStore, split_user_key, to_iso, validate_stars

if TYPE_CHECKING:
    from store.catalog import Catalog

# What callers import from here, some of it defined in the history_* modules above: they keep one import.
__all__ = [
    "FORMATS",
    "CatalogMatcher",
    "ForeignFile",
    "HistoryRow",
    "ImportReport",
    "SkippedRow",
    "SourceError",
    "detect_format",
    "file_kind",
    "import_history",
    "read_history",
]

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


# -- reading -------------------------------------------------------------------------------------


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


# -- writing -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entry:
    stars: float | None = None
    rated_at: str | int | None = None  # as the export wrote it; one export uses one kind of date
    watched_at: str | int | None = None
    given_as: str = ""  # HistoryRow.given_as
    viewed: bool = False  # a row dating the viewing was read: only such rows date it from then on
    seen: bool = False  # a row saying the film was seen was read: it goes on the watched list


PROGRESS_EVERY = 50_000  # rows between two progress reports: a few a second on this machine


def import_history(
    profiles: ProfileStore,
    catalog: Catalog,
    rows: Iterable[HistoryRow | SkippedRow],
    *,
    user: str | None = None,
    user_prefix: str | None = None,
    fmt: str = "",
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Match rows and write them for `user`, or for f"{user_prefix}{row.account}" per row;
    `progress` hears how far a long import has got ("read 200,000 rows", "writing ...").

    A film seen twice keeps the stars of the row that comes last (read_history orders rows so
    that is the most authoritative one) and the latest date. Every matched film is marked
    watched but one a moviebot export has only a 👍/👎 of (rated, never marked watched); rated ones
    are rated too. Existing watched entries keep their date (an undated one takes
    the file's); a row with no date is stored undated, never as seen on the day of the import.
    """
    if (user is None) == (user_prefix is None):
        raise ValueError("give exactly one of user and user_prefix")
    split_user_key(user if user is not None else _prefixed_key(user_prefix, "1"))
    report = ImportReport(format=fmt)
    matcher = CatalogMatcher(catalog)
    matched: list[tuple[HistoryRow, Match]] = []
    for row in rows:  # every file is read before anything is written
        report.rows += 1
        if progress is not None and report.rows % PROGRESS_EVERY == 0:
            progress(f"read {report.rows:,} rows")
        if isinstance(row, SkippedRow):
            report.invalid.append(row)
        else:
            if row.movie_id is not None:  # moviebot's own export
                matched.append((row, _by_id(row, catalog, matcher)))
            else:
                matched.append((row, matcher.match(row.title, row.year, row.imdb_id, row.tmdb_id)))
    # A film the export names exactly is not also the film another of its titles comes close to:
    # "Whiplash" (2013, the short) must not land on "Whiplash" (2014) when both are rated.
    named = {found.movie_id for _, found in matched if found.how in ("imdb", "tmdb", "title")}
    entries: dict[tuple[str, str], _Entry] = {}
    dismissals: dict[tuple[str, str], str | int | None] = {}
    keys: dict[str, str] = {}
    for row, found in matched:
        if found.movie_id is None or (found.how == "fuzzy" and found.movie_id in named):
            if found.how == "unknown id":
                reason = UNKNOWN_ID_OR_TITLE if row.title_given else UNKNOWN_ID
                report.unmatched.append(SkippedRow(row.where, row.title, row.year, reason))
            elif found.how == "ambiguous":
                report.ambiguous.append(SkippedRow(row.where, row.title, row.year, "fits several films",
                                                   found.alternatives))  # fmt: skip
            else:
                said = f"not in the catalog ({row.not_a_film}: moviebot knows films only)" if row.not_a_film else ""
                report.unmatched.append(SkippedRow(row.where, row.title, row.year, said or "not in the catalog"))
            continue
        report.matched_by[found.how] += 1
        if user is not None:
            key = user
        else:
            key = keys.get(row.account or "")
            if key is None:
                key = keys[row.account or ""] = _prefixed_key(user_prefix, row.account)
        when = row.date
        if row.dismissed:
            dismissals[key, found.movie_id] = when
            continue
        entry = entries.setdefault((key, found.movie_id), _Entry())
        if row.stars is not None:
            entry.stars, entry.rated_at, entry.given_as = row.stars, when, row.given_as
        entry.seen = entry.seen or row.seen
        entry.viewed = entry.viewed or row.dates_viewing  # a rated_at dates the viewing only of a film never listed
        if (
            when is not None
            and entry.viewed == row.dates_viewing
            and (entry.watched_at is None or when > entry.watched_at)
        ):
            entry.watched_at = when
    report.already = _drop_unchanged(profiles, entries)
    report.already_dismissed = _drop_dismissed(profiles, dismissals)
    report.kept = _keep_newer(profiles, entries)
    if progress is not None and report.rows >= PROGRESS_EVERY:
        progress(f"read {report.rows:,} rows; writing {len(entries):,} watched-film entries in one transaction")
    _write(profiles, entries, source=f"import:{fmt}" if fmt else "import", dismissals=dismissals)
    report.users = sorted({u for u, _ in [*entries, *dismissals]})
    report.dismissed = len(dismissals)
    report.rated = sum(1 for e in entries.values() if e.stars is not None)
    report.watched = sum(1 for e in entries.values() if e.seen)
    report.rated_only = sum(1 for e in entries.values() if not e.seen and e.stars is not None)
    return report


UNKNOWN_ID = "no film in this catalog has this movie_id (an id is never guessed at)"
UNKNOWN_ID_OR_TITLE = "no film in this catalog has this movie_id, nor exactly this title and year"


def _by_id(row: HistoryRow, catalog: Catalog, matcher: CatalogMatcher) -> Match:
    """A moviebot export names its films by catalog id, so an id this catalog lacks is not guessed
    at: "heat-1996" came out as Heat (1995) and "alien" as Alien (1979) by a close title. Only a
    title and year given beside the id, matching one film exactly, stand in for it."""
    if row.movie_id in catalog.movies:
        return Match(row.movie_id, "id")
    if row.title_given:
        found = matcher.match(row.title, row.year)
        if found.how == "title":
            return found
    return Match(None, "unknown id")


def _prefixed_key(prefix: str | None, account: str | None) -> str:
    key = f"{prefix}{account}"
    try:
        split_user_key(key)
    except ValueError:
        raise ValueError(f"user prefix {prefix!r} does not make a user key ('platform:id') of {account!r}") from None
    return key


def _drop_unchanged(profiles: ProfileStore, entries: dict[tuple[str, str], _Entry]) -> int:
    """Drop the films the store already holds as the file has them: the same file imported twice
    said "Imported 2 films" twice, as if something had been added. How many were dropped."""
    by_user: dict[str, list[tuple[str, _Entry]]] = {}
    for (user, movie_id), entry in entries.items():  # each user's history is read once, their entries with it
        by_user.setdefault(user, []).append((movie_id, entry))
    same = []
    for user, films in by_user.items():
        ratings = profiles.ratings(user)
        watched = {row["movie_id"]: row["watched_at"] for row in profiles.watched(user)}
        for movie_id, entry in films:
            rated_same = entry.stars is None or ratings.get(movie_id) == entry.stars
            listed = not entry.seen or (movie_id in watched and (watched[movie_id] or entry.watched_at is None))
            if rated_same and listed:
                same.append((user, movie_id))
    for key in same:
        del entries[key]
    return len(same)


def _drop_dismissed(profiles: ProfileStore, dismissals: dict[tuple[str, str], str | int | None]) -> int:
    """Drop the films the user has already asked never to see: a moviebot export imported again said
    "Imported ... 0 films" and "1 film you asked never to see again stays off every answer", as if
    that were new. How many were dropped; the report still names them, as kept off."""
    held = {user: profiles.dismissed(user) for user in {u for u, _ in dismissals}}
    same = [(user, movie_id) for user, movie_id in dismissals if movie_id in held[user]]
    for key in same:
        del dismissals[key]
    return len(same)


def _keep_newer(profiles: ProfileStore, entries: dict[tuple[str, str], _Entry]) -> int:
    """Drop the file's ratings of films the user rated here since (an old export imported again must
    not undo a newer rating); the films still count as watched. How many were kept."""
    stored = profiles.rated_at({u for u, _ in entries})
    kept = 0
    for key, entry in entries.items():
        since = stored.get(key)
        if entry.stars is not None and since is not None and (entry.rated_at is None or to_iso(entry.rated_at) < since):
            entry.stars = None
            kept += 1
    return kept


def _write(profiles: ProfileStore, entries: dict[tuple[str, str], _Entry], *, source: str,
           dismissals: dict[tuple[str, str], str | int | None] | None = None) -> None:  # fmt: skip
    """One transaction for the whole import. bulk_rate joins it (it only begins a transaction
    when none is open), so ratings, watched entries and users commit or roll back together."""
    dismissals = dismissals or {}
    if not entries and not dismissals:
        return
    now = to_iso()
    users = sorted({u for u, _ in [*entries, *dismissals]})
    ordered = sorted(entries.items())  # primary-key order makes the inserts cheaper
    with profiles.transaction() as conn:  # commits on success, rolls back on any exception
        conn.executemany(
            "INSERT OR IGNORE INTO users (key, platform, platform_user_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(key, *split_user_key(key), now, now) for key in users],
        )
        profiles.bulk_rate(((u, m, e.stars, e.rated_at) for (u, m), e in ordered if e.stars is not None), source=source,
                           keep_undated=True)  # fmt: skip
        conn.executemany(  # a 👍 or a "loved it" stays one, never read back as stars given
            "UPDATE ratings SET source = ? WHERE user = ? AND movie_id = ?",
            ((e.given_as, u, m) for (u, m), e in ordered if e.stars is not None and e.given_as),
        )
        conn.executemany(  # an undated row stays undated: the day of the import is not when it was seen
            "INSERT INTO watched (user, movie_id, source, watched_at, feedback_id) VALUES (?, ?, ?, ?, NULL) "
            "ON CONFLICT(user, movie_id) DO UPDATE SET watched_at = excluded.watched_at "
            "WHERE watched.watched_at IS NULL AND excluded.watched_at IS NOT NULL",
            ((u, m, source, None if e.watched_at is None else to_iso(e.watched_at)) for (u, m), e in ordered if e.seen),
        )
        conn.executemany(
            "INSERT INTO dismissed (user, movie_id, source, dismissed_at, feedback_id) VALUES (?, ?, ?, ?, NULL) "
            "ON CONFLICT(user, movie_id) DO NOTHING",
            ((u, m, source, now if at is None else to_iso(at)) for (u, m), at in sorted(dismissals.items())),
        )
