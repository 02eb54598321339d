"""MovieLens (movies.csv + links.csv, with ratings.csv and tags.csv when present).

MovieLens writes titles library-style, "Matrix, The (1999)", often followed by the
original or a.k.a. title in parentheses; they are turned back into the title a
person would type. Ratings and tags are folded into per-movie figures in one pass:
the individual (user, movie) ratings stay out of the catalog.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from store.ingest.base import Record, RowError, SourceError
from store.ingest.jsonl import BadValue, clean_title, conform, csv_rows, decimal, whole
from store.movie import make_id
from store.vocab import normalise_genres

FILES: dict[str, tuple[str, ...]] = {
    "movies.csv": ("movieId", "title", "genres"),
    "links.csv": ("movieId", "imdbId", "tmdbId"),
    "ratings.csv": ("userId", "movieId", "rating"),
    "tags.csv": ("userId", "movieId", "tag"),
}
NEEDED = ("movies.csv", "links.csv")
MAX_KEYWORDS = 8
SOURCE_COLUMNS = {"id": "title", "title": "title", "year": "title", "genres": "genres", "rating": "rating"}

_YEAR = re.compile(r"^(?P<title>.*?)\s*\((?P<year>\d{4})(?:\s*[-–]\s*\d{0,4})?\)$")
_ALIAS = re.compile(r"^(?P<title>.+?)\s+\((?P<alias>[^()]*)\)$")
_AKA = re.compile(r"^(a\.k\.a\.|aka)\s*", re.IGNORECASE)
_ARTICLE = re.compile(
    r"^(?P<title>.+), (?P<article>The|A|An|Les|Le|La|L'|El|Los|Las|Il|I|Lo|Gli|Der|Die|Das|Det|Den|Da)$"
)


def split_title(raw: str) -> tuple[str, int | None]:
    """ "Matrix, The (1999)" -> ("The Matrix", 1999); "Se7en (a.k.a. Seven) (1995)" -> ("Se7en", 1995)."""
    title, _, year = split_titles(raw)
    return title, year


def split_titles(raw: str) -> tuple[str, list[str], int | None]:
    """The title, the other titles in parentheses, and the year:
    "Spirited Away (Sen to Chihiro no kamikakushi) (2001)" ->
    ("Spirited Away", ["Sen to Chihiro no kamikakushi"], 2001)."""
    text = clean_title(raw)
    match = _YEAR.match(text)
    title, year = (match["title"], int(match["year"])) if match else (text, None)
    aka: list[str] = []
    while alias := _ALIAS.match(title):
        title = alias["title"]
        other = _front_article(_AKA.sub("", alias["alias"]).strip())
        if other:
            aka.insert(0, other)
    return _front_article(title), aka, year


def _front_article(title: str) -> str:
    if article := _ARTICLE.match(title):
        space = "" if article["article"].endswith("'") else " "
        return f"{article['article']}{space}{article['title']}"
    return title


class MovieLens:
    name = "movielens"

    def read(self, paths: list[Path]) -> Iterator[Record | RowError]:
        for files in _datasets(paths):
            yield from self._read_dataset(files)

    def _read_dataset(self, files: dict[str, Path]) -> Iterator[Record | RowError]:
        links: dict[str, tuple[str | None, int | None]] = {}
        yield from _read_links(files["links.csv"], links)
        counts: dict[str, int] = {}
        sums: dict[str, float] = {}
        if "ratings.csv" in files:
            yield from _read_ratings(files["ratings.csv"], counts, sums)
        tags: dict[str, Counter[str]] = {}
        if "tags.csv" in files:
            yield from _read_tags(files["tags.csv"], tags)
        has_ratings = "ratings.csv" in files

        path = files["movies.csv"]
        for item in csv_rows(path, FILES["movies.csv"]):
            if isinstance(item, RowError):
                yield item
                continue
            line, row = item
            title, aka, year = split_titles(row["title"])
            if not title:
                yield RowError(path, line, "title", "the title is missing")
                continue
            movie_id = row["movieId"].strip()
            imdb_id, tmdb_id = links.get(movie_id, (None, None))
            count = counts.get(movie_id, 0)
            fields = {
                "id": make_id(title, year),
                "title": title,
                "year": year,
                "genres": normalise_genres(row["genres"].split("|")),
                "rating": round(sums[movie_id] / count * 2, 2) if count else None,
                "votes": count if has_ratings else None,
                "keywords": [tag for tag, _ in tags.get(movie_id, Counter()).most_common(MAX_KEYWORDS)],
                "imdb_id": imdb_id,
                "tmdb_id": tmdb_id,
                "aka": aka,
            }
            checked = conform(fields, path, line, SOURCE_COLUMNS)
            if isinstance(checked, RowError):
                yield checked
                continue
            popularity = float(count) if has_ratings else None
            yield Record(movie=checked, source=self.name, popularity=popularity)


def _datasets(paths: list[Path]) -> list[dict[str, Path]]:
    """Group the given files and directories into data sets, one per directory."""
    groups: dict[Path, dict[str, Path]] = {}
    for path in map(Path, paths):
        if path.is_dir():
            groups.setdefault(path, {})
        elif not path.exists():
            raise SourceError(f"{path}: no such file or directory")
        elif path.name in FILES:
            groups.setdefault(path.parent, {})[path.name] = path
        else:
            raise SourceError(f"{path}: not a MovieLens file; expected one of {', '.join(FILES)}")
    for folder, files in groups.items():
        for name in FILES:
            if name not in files and (folder / name).is_file():
                files[name] = folder / name
        for name in NEEDED:
            if name not in files:
                raise SourceError(f"{folder / name}: no such file; MovieLens needs {' and '.join(NEEDED)}")
    return list(groups.values())


def _read_links(path: Path, links: dict[str, tuple[str | None, int | None]]) -> Iterator[RowError]:
    for item in csv_rows(path, FILES["links.csv"]):
        if isinstance(item, RowError):
            yield item
            continue
        line, row = item
        try:
            imdb = whole(row["imdbId"], "imdbId")
            tmdb = whole(row["tmdbId"], "tmdbId")
            if tmdb is not None and tmdb < 1:
                raise BadValue("tmdbId", f"expected a positive id, got {tmdb}")
        except BadValue as exc:
            yield RowError(path, line, exc.column, str(exc))
            continue
        links[row["movieId"].strip()] = (None if imdb is None else f"tt{imdb:07d}", tmdb)


def _read_ratings(path: Path, counts: dict[str, int], sums: dict[str, float]) -> Iterator[RowError]:
    for item in csv_rows(path, FILES["ratings.csv"]):
        if isinstance(item, RowError):
            yield item
            continue
        line, row = item
        try:
            rating = decimal(row["rating"], "rating")
            if rating is None or not 0 <= rating <= 5:
                raise BadValue("rating", f"expected a rating from 0.5 to 5, got {row['rating']!r}")
        except BadValue as exc:
            yield RowError(path, line, exc.column, str(exc))
            continue
        movie_id = row["movieId"].strip()
        counts[movie_id] = counts.get(movie_id, 0) + 1
        sums[movie_id] = sums.get(movie_id, 0.0) + rating


def _read_tags(path: Path, tags: dict[str, Counter[str]]) -> Iterator[RowError]:
    for item in csv_rows(path, FILES["tags.csv"]):
        if isinstance(item, RowError):
            yield item
            continue
        _, row = item
        tag = " ".join(row["tag"].lower().split())
        if tag:
            tags.setdefault(row["movieId"].strip(), Counter())[tag] += 1
