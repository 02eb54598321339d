"""A history file a chat user hands over (Discord's /import attachment, a file shared with the Slack
app): what is refused before the service reads it, and what the import report says, in the same words
on both; each front end only escapes and lays it out.

The terminal imports a path the operator names and says more (MovieLens, progress), so it has its own.
"""

from __future__ import annotations

import codecs
import math
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from store.history_import import file_kind

if TYPE_CHECKING:
    from agent.service import ImportReport, MovieService

MAX_IMPORT_BYTES = 25 * 1024 * 1024
NOTHING_IMPORTED = "Nothing was imported."
SHOW_SKIPPED = 8
SOURCE_NAMES = {"letterboxd": "Letterboxd", "imdb": "IMDb", "movielens": "MovieLens"}
ZIP = b"PK\x03\x04"
UTF_16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # a spreadsheet saved as "Unicode text": a list, not binary


def too_big(size: int) -> str | None:
    """Why a file is refused before it is even downloaded: its size."""
    if size <= MAX_IMPORT_BYTES:
        return None
    megabytes = math.ceil(size / 1_048_576 * 10) / 10  # a byte over is "25.1 MB", not "25 MB" against a 25 MB limit
    return f"That file is {megabytes:g} MB; I take exports up to {MAX_IMPORT_BYTES // 1_048_576} MB."


def not_an_export(data: bytes, user: str, command: str = "/import") -> str | None:
    """Why `command` cannot take this file at all, before the service reads it: a binary file
    (whose bytes would otherwise end up in the error), or a MovieLens file, which holds many
    people and needs the CLI to say whose ratings are yours."""
    head = data[:2048]
    kind = file_kind(head)
    if kind is None and b"\0" in head and not head.startswith((ZIP, *UTF_16)):  # a Letterboxd export is a zip
        kind = "a binary file"
    if kind:
        return f"That file isn't a CSV export (it looks like {kind}). {NOTHING_IMPORTED}"
    header = head.decode("utf-8-sig", errors="replace").partition("\n")[0]
    columns = {column.strip().strip('"') for column in header.split(",")}
    if {"userId", "movieId"} <= columns:
        return (
            f"That's a MovieLens ratings file: it holds many people's ratings, and {command} can't tell "
            "which are yours. Whoever runs moviebot can import it from the command line: `moviebot import "
            f"--user {user} --format movielens --movielens-user N ratings.csv`, with N your MovieLens userId. "
            f"{NOTHING_IMPORTED}"
        )
    return None


def import_file(service: MovieService, user: str, filename: str, data: bytes, source: str | None) -> ImportReport:
    """Blocking: the file written to a private temporary folder under a safe name, then imported. A zip
    is read as one only by its name, so one named otherwise ("letterboxd-export") gets ".zip"."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(filename).name) or "export.csv"
    if data.startswith(ZIP) and not name.lower().endswith(".zip"):
        name += ".zip"
    with tempfile.TemporaryDirectory(prefix="moviebot-import-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return service.import_history(user, path, source)


def without_temp_dir(text: str) -> str:
    """A service error names the file it read: without the server's temporary folder."""
    return re.sub(r"\S*moviebot-import-[^/\\\s]*[/\\]", "", text)


def report_lines(report: ImportReport) -> list[str]:
    """What an import did, a sentence a line, before the skipped rows (plain text, unescaped)."""
    source = SOURCE_NAMES.get(report.format, report.format)
    if stored(report):
        ratings = f"{report.rated} rating{'' if report.rated == 1 else 's'}"
        films = f"{report.watched} watched film{'' if report.watched == 1 else 's'}"
        lines = [f"Imported from {source}: {ratings} and {films}."]
        if report.rated_only:  # a 👍 alone never said the film was seen
            them = "1 film" if report.rated_only == 1 else f"{report.rated_only} films"
            are = "is" if report.rated_only == 1 else "are"
            lines.append(f"{them} you gave only a 👍 or 👎 {are} rated, not marked watched.")
    elif report.already or report.already_dismissed:  # the same file again: "Imported 2 films" twice read as twice
        lines = [f"Nothing new in that {source} file: {already_there(report, 'your list')}."]
    elif report.rows:  # "Imported from Letterboxd: 0 ratings and 0 watched films" then "Nothing was imported."
        lines = [f"None of the {rows(report.rows)} in that {source} file could be imported."]
    elif report.format == "moviebot":  # JSON: no header to speak of
        lines = ["That moviebot export lists no films."]
    else:
        lines = [f"That {source} file has no films in it, only its header."]
    if report.already and stored(report):
        films = f"{report.already} film{'' if report.already == 1 else 's'}"
        were = "was" if report.already == 1 else "were"
        they = "it" if report.already == 1 else "they"
        lines.append(f"{films} {were} already on your list, rated the same: left as {they} {were}.")
    if report.already_dismissed and stored(report):
        lines.append(f"{kept_off(report.already_dismissed).capitalize()}.")
    if report.kept:
        lines.append(f"Kept the rating you gave here of {report.kept} film{'' if report.kept == 1 else 's'}: "
                     "the file's is older, or undated.")  # fmt: skip
    if report.dismissed:
        stay = "stays" if report.dismissed == 1 else "stay"
        lines.append(f"{report.dismissed} film{'' if report.dismissed == 1 else 's'} you asked never to see again "
                     f"{stay} off every answer.")  # fmt: skip
    if report.watched or report.rated_only:  # "your ratings now shape my picks" was said of a watched.csv of none
        shaped = ", and your ratings now shape my picks" if report.rated else ""
        lines.append(f"I won't suggest those again{shaped}.")
    return lines


def already_there(report: ImportReport, listed: str) -> str:
    """ "its 2 films were already on the list, rated the same, and 1 film you asked never to see again
    was already kept off every answer": what a file imported again held, dismissals named too."""
    said = []
    if report.already:
        were = "was" if report.already == 1 else "were"
        said.append(f"its {report.already:,} film{'' if report.already == 1 else 's'} {were} already on {listed}, "
                    "rated the same")  # fmt: skip
    if report.already_dismissed:
        said.append(f"{'' if said else 'its '}{kept_off(report.already_dismissed)}")  # maybe one of those films
    return ", and ".join(said)


def kept_off(count: int) -> str:
    """ "1 film you asked never to see again was already kept off every answer": a dismissal a file
    held that was there already, said rather than dropped from the report in silence."""
    return (
        f"{count:,} film{'' if count == 1 else 's'} you asked never to see again {'was' if count == 1 else 'were'} "
        "already kept off every answer"
    )


def stored(report: ImportReport) -> bool:
    return bool(report.rated or report.watched or report.dismissed)


def skipped_heading(report: ImportReport) -> str:
    return f"Skipped {len(report.skipped)} of {rows(report.rows)}:"


def rows(count: int) -> str:
    return f"{count} row{'' if count == 1 else 's'}"


def skipped_line(row) -> str:
    """A skipped row as its reader can find it in the file they sent: "ratings.csv line 7: Heat (1995):
    ..." (it was "• ?: malformed line", with no line to look at), without the server's folder."""
    file, _, place = Path(row.where).name.rpartition(":")
    where = f"{file} line {place}" if file and place.isdigit() else Path(row.where).name
    label = f"{row.title} ({row.year})" if row.year else row.title
    return f"{where}: {label}: {row.reason}" if label else f"{where}: {row.reason}"
