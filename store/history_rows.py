"""The rows a viewing-history export is read into, and the report of what one import did with
them: plain data shared by the readers of each format, the catalog matcher and the writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One film from an export: rated when it has stars, else only watched."""

    where: str  # "ratings.csv:12", for reports
    title: str
    year: int | None
    imdb_id: str | None = None
    stars: float | None = None
    tmdb_id: int | None = None  # MovieLens's links.csv gives both ids
    date: str | int | None = None  # rated or watched: ISO date, or epoch seconds (MovieLens)
    account: str | None = None  # the export's own user id when one file holds many users
    movie_id: str | None = None  # the catalog id, in moviebot's own export
    dismissed: bool = False  # never to be suggested, not seen (moviebot's own export)
    given_as: str = ""  # moviebot's own export: the source of stars never given (a 👍, "I liked Heat"), kept
    title_given: bool = False  # moviebot's own export: the row names its film by title and year as well as id
    dates_viewing: bool = True  # its date says when the film was seen; a moviebot export's rated_at does not
    seen: bool = True  # it says the film was seen; a moviebot export's rating from a 👍/👎 alone does not
    not_a_film: str = ""  # what IMDb calls it when it is no film ("a TV series"): said when it is not found


@dataclass(frozen=True, slots=True)
class SkippedRow:
    where: str
    title: str
    year: int | None
    reason: str
    alternatives: tuple[str, ...] = ()  # labels of the films an ambiguous title could mean

    def __str__(self) -> str:
        label = f"{self.title} ({self.year})" if self.year and self.title else self.title  # no title: no " (1995)"
        return f"{self.where}: {label}: {self.reason}" if label else f"{self.where}: {self.reason}"

    def to_dict(self) -> dict:
        data = {"where": self.where, "title": self.title, "year": self.year, "reason": self.reason}
        if self.alternatives:
            data["alternatives"] = list(self.alternatives)
        return data


@dataclass
class ImportReport:
    format: str = ""
    rows: int = 0  # rows read, skipped ones included
    users: list[str] = field(default_factory=list)
    rated: int = 0  # (user, film) ratings written
    kept: int = 0  # ratings not written: the user rated that film here since the file's date, or it has none
    already: int = 0  # (user, film) entries not written: already on the watched list, and rated the same if rated
    watched: int = 0  # (user, film) watched entries written; a rated film counts as watched too, but for:
    rated_only: int = 0  # (user, film) ratings written of films not marked watched: a 👍/👎 alone, in moviebot's export
    dismissed: int = 0  # (user, film) films never to suggest, from moviebot's own export
    already_dismissed: int = 0  # (user, film) of those the user had already asked never to see: not written again
    matched_by: dict[str, int] = field(default_factory=lambda: {"id": 0, "imdb": 0, "tmdb": 0, "title": 0, "fuzzy": 0})
    unmatched: list[SkippedRow] = field(default_factory=list)  # not in the catalog
    ambiguous: list[SkippedRow] = field(default_factory=list)  # fits several films
    invalid: list[SkippedRow] = field(default_factory=list)  # a value that cannot be read

    @property
    def skipped(self) -> list[SkippedRow]:
        return [*self.invalid, *self.ambiguous, *self.unmatched]

    def to_dict(self) -> dict:
        return {
            "format": self.format,
            "rows": self.rows,
            "users": len(self.users),
            "user_keys": self.users[:100],
            "rated": self.rated,
            "kept": self.kept,
            "already": self.already,
            "watched": self.watched,
            "rated_only": self.rated_only,
            "dismissed": self.dismissed,
            "already_dismissed": self.already_dismissed,
            "matched_by": dict(self.matched_by),
            "skipped": len(self.skipped),
            "unmatched": [s.to_dict() for s in self.unmatched],
            "ambiguous": [s.to_dict() for s in self.ambiguous],
            "invalid": [s.to_dict() for s in self.invalid],
        }
