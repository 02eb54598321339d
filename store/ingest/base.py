"""What every source adapter yields, and how it reports a row it cannot use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from store.movie import Movie


class SourceError(Exception):
    """A file that cannot be read at all: missing, unreadable or with the wrong header.

    Always fatal, whatever --strict says, because nothing in the file can be trusted.
    """


@dataclass(frozen=True, slots=True)
class RowError:
    """One row skipped: where it is and what is wrong, in words a user can act on."""

    path: Path
    row: int  # 1-based line or record number as a text editor would show it
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: row {self.row}, column {self.column!r}: {self.message}"


@dataclass(slots=True)
class Record:
    """A movie from a source plus source-only signals used when merging.

    `ratings` carries (user, movie) pairs a source may offer (MovieLens), kept out of
    the catalog itself; `popularity` is a source's own popularity figure if any.
    """

    movie: Movie
    source: str
    popularity: float | None = None
    extra_keywords: list[str] = field(default_factory=list)


class Adapter(Protocol):
    name: str

    def read(self, paths: list[Path]) -> Iterator[Record | RowError]:
        """Yield records and row errors in file order; raise SourceError for a bad file."""
        ...


def expect_columns(path: Path, header: list[str] | None, required: tuple[str, ...]) -> None:
    """Raise a SourceError that lists the expected columns when a header lacks some."""
    present = set(header or [])
    missing = [c for c in required if c not in present]
    if missing:
        raise SourceError(
            f"{path}: header is missing column(s) {', '.join(missing)}; "
            f"expected columns: {', '.join(required)}; found: {', '.join(header or []) or 'nothing'}"
        )
