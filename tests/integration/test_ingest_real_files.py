"""The adapters on the real data sets in ../shared/data: counts, and facts anyone could check."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.ingest import get_adapter
from store.ingest.base import Record, RowError
from store.ingest.redial import redial_ids
from store.vocab import LANGUAGES

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def data_path(relative: str) -> Path:
    path = DATA / relative
    if not path.exists():
        pytest.skip(f"real data set not found at {path} (expected ../shared/data beside the project)")
    return path


def read(name: str, paths: list[Path]) -> tuple[list[Record], list[RowError]]:
    items = list(get_adapter(name).read(paths))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, RowError)]


def find(records: list[Record], title: str, year: int | None) -> Record:
    matches = [r for r in records if r.movie.title == title and r.movie.year == year]
    assert len(matches) == 1, f"{title} ({year}): {len(matches)} matches"
    return matches[0]


@pytest.fixture(scope="module")
def imdb():
    return read("imdb-top-1000", [data_path("imdb-top-1000/imdb_top_1000.csv")])


@pytest.fixture(scope="module")
def movielens():
    return read("movielens", [data_path("movielens-ml-latest-small")])


@pytest.fixture(scope="module")
def tmdb():
    folder = data_path("tmdb-5000")
    return read("tmdb-5000", [folder / "tmdb_5000_credits_slim_DERIVED.csv", folder / "tmdb_5000_movies.csv"])


@pytest.fixture(scope="module")
def redial():
    return read("redial", [data_path("redial-train/CFCRS_id2info_movie_metadata.FIXED.json")])


def test_imdb_reads_999_movies_and_reports_the_pg_year(imdb):
    records, errors = imdb
    assert len(records) == 999
    [error] = errors
    assert (error.row, error.column) == (968, "Released_Year")
    assert "'PG'" in error.message
    assert not any(r.movie.title == "Apollo 13" for r in records)


def test_imdb_the_dark_knight(imdb):
    movie = find(imdb[0], "The Dark Knight", 2008).movie
    assert movie.directors == ["Christopher Nolan"]
    assert movie.rating == 9.0
    assert movie.runtime == 152
    assert movie.genres == ["action", "crime", "drama"]
    assert movie.cast[:2] == ["Christian Bale", "Heath Ledger"]
    assert movie.metascore == 84
    assert movie.votes > 2_000_000


def test_movielens_reads_every_movie_with_ratings_derived_figures(movielens):
    records, errors = movielens
    assert errors == []
    assert len(records) == 9742
    assert sum(r.movie.votes for r in records) == 100_836


def test_movielens_toy_story(movielens):
    record = find(movielens[0], "Toy Story", 1995)
    movie = record.movie
    assert (movie.imdb_id, movie.tmdb_id) == ("tt0114709", 862)
    assert "family" in movie.genres and "animation" in movie.genres
    assert movie.votes == record.popularity == 215
    assert 7.5 < movie.rating < 8.2  # mean of 3.92 on the 0.5-5 scale
    assert "pixar" in movie.keywords


def test_movielens_library_titles_read_naturally(movielens):
    records = movielens[0]
    assert find(records, "The Matrix", 1999).movie.tmdb_id == 603
    assert find(records, "Seven", 1995).movie.imdb_id == "tt0114369"
    assert find(records, "The Blind Side", 2009).movie.id == "the-blind-side-2009"
    assert find(records, "Black Mirror", None).movie.genres == []


def test_tmdb_reads_about_4800_movies(tmdb):
    records, errors = tmdb
    assert errors == []
    assert 4750 <= len(records) <= 4803
    assert sum(bool(r.movie.cast) for r in records) > 4700


def test_tmdb_avatar(tmdb):
    record = find(tmdb[0], "Avatar", 2009)
    movie = record.movie
    assert movie.tmdb_id == 19995
    assert (movie.language, movie.country) == ("en", "US")
    assert movie.directors == ["James Cameron"]
    assert movie.cast[0] == "Sam Worthington" and len(movie.cast) == 5
    assert "sci-fi" in movie.genres
    assert movie.runtime == 162
    assert record.popularity == pytest.approx(150.437577)


def test_tmdb_production_companies_are_read_as_studios(tmdb):
    records = tmdb[0]
    assert find(records, "Up", 2009).movie.studios == ["Pixar Animation Studios"]
    assert sum(bool(r.movie.studios) for r in records) == 4452  # the rest list no company


def test_tmdb_languages_outside_the_vocabulary_are_dropped_not_the_movie(tmdb):
    troll_hunter = find(tmdb[0], "Troll Hunter", 2010).movie
    assert troll_hunter.language == "nb"  # Norwegian Bokmål is in the vocabulary
    records = tmdb[0]
    assert len(records) == 4803  # no film was lost over its language
    assert all(r.movie.language is None or r.movie.language in LANGUAGES for r in records)


def test_redial_reads_every_named_movie(redial):
    records, errors = redial
    assert len(records) + len(errors) == 6583
    assert len(records) >= 6570
    # two entries are named only "(2015)" and "(2007)": nothing to make an id from
    assert all(e.column == "name" for e in errors)


def test_redial_ids_point_at_the_movies_read(redial):
    ids = redial_ids(data_path("redial-train/CFCRS_id2info_movie_metadata.FIXED.json"))
    catalog = {r.movie.id: r.movie for r in redial[0]}
    assert set(ids.values()) == set(catalog)
    lady_bird = catalog[ids["100271"]]
    assert (lady_bird.title, lady_bird.year, lady_bird.directors) == ("Lady Bird", 2017, ["Greta Gerwig"])
