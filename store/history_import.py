"""Viewing histories from elsewhere (Letterboxd, IMDb, MovieLens) matched to the catalog and
written to the profile store.

Every file is read and every row matched before anything is written, and everything one import
writes goes in one transaction: a bad header, a failing disk or Ctrl-C leaves the profile store
as it was. Rows that cannot be used (a bad rating, a film the catalog lacks, a title that fits
several films) are reported, never guessed. The files are read by history_readers (their CSV by
history_csv) and the rows matched by history_match; this module decides what to write and writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.history_csv import ForeignFile, file_kind
from store.history_match import CatalogMatcher, Match
from store.history_readers import FORMATS, detect_format, read_history
from store.history_rows import HistoryRow, ImportReport, SkippedRow
from store.ingest.base import SourceError
from store.profiles import ProfileStore, split_user_key, to_iso

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
