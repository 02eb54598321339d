"""One film, one entry, on the real data sets: the starter catalog, IMDb Top 1000, TMDB 5000
and MovieLens merged in either order leave no suspected duplicate pair.

The merge is what decides this, so it runs without embedding: the sources are read once
per session and merged in memory, a few seconds an order instead of minutes of ingest."""

from __future__ import annotations

import pytest

from store.duplicates import suspected_duplicates
from store.ingest import get_adapter
from store.ingest.base import Record
from store.merge import MergedCatalog
from store.movie import Movie
from store.starter import starter_catalog_path
from tests.conftest import shared_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def real_records() -> dict[str, list[Movie]]:
    sources = {
        "starter": ("jsonl", [starter_catalog_path()]),
        "imdb": ("imdb-top-1000", [shared_file("imdb-top-1000", "imdb_top_1000.csv")]),
        "tmdb": ("tmdb-5000", [shared_file("tmdb-5000")]),
        "movielens": ("movielens", [shared_file("movielens-ml-latest-small")]),
    }
    return {
        name: [item.movie for item in get_adapter(fmt).read(paths) if isinstance(item, Record)]
        for name, (fmt, paths) in sources.items()
    }


def merge(records: dict[str, list[Movie]], order: list[str]) -> MergedCatalog:
    catalog = MergedCatalog()
    for name in order:
        for movie in records[name]:
            catalog.add(movie)
    return catalog


def test_starter_and_imdb_top_1000_hold_each_film_once(real_records):
    forward = merge(real_records, ["starter", "imdb"])
    backward = merge(real_records, ["imdb", "starter"])
    assert suspected_duplicates(forward.movies.values()) == []
    assert suspected_duplicates(backward.movies.values()) == []
    assert len(forward) == len(backward)
    # 76 pairs before the starter carried ids and alternate titles (1,341 entries)
    assert len(forward) < len(real_records["starter"]) + len(real_records["imdb"]) - 75
    for english, original in [
        ("Spirited Away", "Sen to Chihiro no kamikakushi"),
        ("12 Monkeys", "Twelve Monkeys"),
        ("Breathless", "À bout de souffle"),
        ("A Fistful of Dollars", "Per un pugno di dollari"),
    ]:
        (movie,) = [m for m in forward.movies.values() if english in m.titles]
        assert original in movie.titles


def test_all_four_sources_in_either_order_hold_each_film_once(real_records):
    forward = merge(real_records, ["starter", "imdb", "tmdb", "movielens"])
    assert suspected_duplicates(forward.movies.values()) == []
    backward = merge(real_records, ["movielens", "tmdb", "imdb", "starter"])
    assert suspected_duplicates(backward.movies.values()) == []
    assert len(forward) == len(backward)
    (spirited,) = [m for m in backward.movies.values() if "Spirited Away" in m.titles]
    assert spirited.imdb_id == "tt0245429" and spirited.directors == ["Hayao Miyazaki"]
    assert {"Sen to Chihiro no kamikakushi", "千と千尋の神隠し"} <= set(spirited.titles)


def test_starter_films_carry_their_ids(real_records):
    starter = real_records["starter"]
    with_imdb = [m for m in starter if m.imdb_id]
    assert len(with_imdb) >= 630
    assert len({m.imdb_id for m in with_imdb}) == len(with_imdb)
    # every film MovieLens links knows is linked to the same IMDb and TMDB ids there
    links = {m.imdb_id: m.tmdb_id for m in real_records["movielens"] if m.imdb_id}
    shared = [m for m in with_imdb if m.imdb_id in links and m.tmdb_id and links[m.imdb_id]]
    assert len(shared) > 500 and all(links[m.imdb_id] == m.tmdb_id for m in shared)


def test_movielens_and_tmdb_fill_in_the_redial_films_genres_and_add_none(real_records):
    # ReDial's metadata keeps at most three genres a film: Toy Story is not "family" there
    redial = [
        item.movie
        for item in get_adapter("redial").read([shared_file("redial-train", "CFCRS_id2info_movie_metadata.FIXED.json")])
        if isinstance(item, Record)
    ]
    catalog = MergedCatalog(redial)
    before = dict(catalog.movies)
    outcomes = [catalog.add(m, insert=False) for name in ("movielens", "tmdb") for m in real_records[name]]
    assert catalog.movies.keys() == before.keys()
    assert outcomes.count("added") == 0 and outcomes.count("not_added") > 5000 and outcomes.count("updated") > 4000
    assert all(set(before[i].genres) <= set(m.genres) for i, m in catalog.movies.items())
    toy_story = catalog.movies["toy-story-1995"]
    assert before["toy-story-1995"].genres == ["animation", "adventure", "comedy"]
    assert {"family", "fantasy"} <= set(toy_story.genres) and toy_story.runtime == 81
    family = [m for m in catalog.movies.values() if "family" in m.genres]
    assert len(family) > len([m for m in before.values() if "family" in m.genres]) + 200
