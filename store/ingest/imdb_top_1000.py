"""The Kaggle "IMDB Top 1000" table: well-known films with IMDb ratings, Metascores and posters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from store.ingest.base import Record, RowError
from store.ingest.jsonl import BadValue, clean_title, conform, csv_rows, decimal, expand, whole
from store.movie import make_id
from store.vocab import normalise_genres

COLUMNS = (
    "Poster_Link",
    "Series_Title",
    "Released_Year",
    "Runtime",
    "Genre",
    "IMDB_Rating",
    "Overview",
    "Meta_score",
    "Director",
    "Star1",
    "Star2",
    "Star3",
    "Star4",
    "No_of_Votes",
)
STARS = ("Star1", "Star2", "Star3", "Star4")
# Movie field -> the column it came from, for error messages
SOURCE_COLUMNS = {
    "id": "Series_Title",
    "title": "Series_Title",
    "year": "Released_Year",
    "runtime": "Runtime",
    "genres": "Genre",
    "rating": "IMDB_Rating",
    "votes": "No_of_Votes",
    "metascore": "Meta_score",
    "directors": "Director",
    "cast": "Star1",
    "overview": "Overview",
    "poster_url": "Poster_Link",
}
_MINUTES = re.compile(r"\s*min\.?\s*$", re.IGNORECASE)


class ImdbTop1000:
    name = "imdb-top-1000"

    def read(self, paths: list[Path]) -> Iterator[Record | RowError]:
        for path in expand(paths, "*.csv"):
            for item in csv_rows(path, COLUMNS):
                if isinstance(item, RowError):
                    yield item
                    continue
                line, row = item
                try:
                    fields = _fields(row)
                except BadValue as exc:
                    yield RowError(path, line, exc.column, str(exc))
                    continue
                checked = conform(fields, path, line, SOURCE_COLUMNS)
                yield checked if isinstance(checked, RowError) else Record(movie=checked, source=self.name)


def _fields(row: dict[str, str]) -> dict:
    title = clean_title(row["Series_Title"])
    if not title:
        raise BadValue("Series_Title", "the title is missing")
    year = whole(row["Released_Year"], "Released_Year", "a year")
    return {
        "id": make_id(title, year),
        "title": title,
        "year": year,
        "genres": normalise_genres(row["Genre"].split(",")),
        "directors": [row["Director"]],
        "cast": [row[star] for star in STARS],
        "runtime": whole(_MINUTES.sub("", row["Runtime"]), "Runtime", "minutes like '142 min'") or None,
        "rating": decimal(row["IMDB_Rating"], "IMDB_Rating"),
        "votes": whole(row["No_of_Votes"], "No_of_Votes"),
        "metascore": whole(row["Meta_score"], "Meta_score"),
        "overview": row["Overview"].strip(),
        "poster_url": row["Poster_Link"].strip() or None,
    }
