"""The catalog a new user gets: big enough, broad enough, and factually right."""

import csv
import json
from collections import Counter

import pytest

from store.movie import Movie, make_id, normalise_title
from store.starter import starter_catalog_path
from store.vocab import GENRES, MOODS
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def starter() -> list[Movie]:
    lines = starter_catalog_path().read_text(encoding="utf-8").splitlines()
    return [Movie.from_dict(json.loads(line)) for line in lines if line.strip()]


def test_every_entry_is_valid_and_complete(starter):
    for movie in starter:
        assert movie.id == make_id(movie.title, movie.year), movie.title
        assert 1 <= len(movie.genres) <= 4 and set(movie.genres) <= set(GENRES), movie.title
        assert 2 <= len(movie.moods) <= 4 and set(movie.moods) <= set(MOODS), movie.title
        assert movie.directors and movie.cast and len(movie.cast) <= 5, movie.title
        assert movie.runtime and movie.language and movie.country, movie.title
        assert movie.rating is not None and 0 < movie.rating <= 10 and movie.votes, movie.title
        assert 3 <= len(movie.keywords) <= 8, movie.title
        sentences = movie.overview.count(". ") + 1
        assert 20 <= len(movie.overview) <= 600 and sentences <= 4, movie.title


def test_no_duplicates(starter):
    ids = Counter(m.id for m in starter)
    keys = Counter((normalise_title(m.title), m.year) for m in starter)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [k for k, n in keys.items() if n > 1] == []


def test_breadth(starter):
    assert len(starter) >= 500
    decades = Counter(m.decade for m in starter)
    assert all(decades[d] >= 3 for d in range(1920, 2030, 10)), decades
    genres = Counter(g for m in starter for g in m.genres)
    assert len([g for g, n in genres.items() if n >= 3]) >= 15, genres
    assert genres["animation"] >= 20 and genres["documentary"] >= 5, genres
    assert len({m.language for m in starter}) >= 10
    assert len({m.country for m in starter}) >= 10


def test_the_titles_people_name_are_there(starter):
    labels = {m.label for m in starter}
    for wanted in [
        "Se7en (1995)",
        "Heat (1995)",
        "Fight Club (1999)",
        "The Dark Knight (2008)",
        "Die Hard (1988)",
        "The Matrix (1999)",
        "Get Out (2017)",
        "Parasite (2019)",
        "Spirited Away (2001)",
        "The Shining (1980)",
        "Pulp Fiction (1994)",
        "Toy Story (1995)",
    ]:
        assert wanted in labels


def test_synopses_are_our_own_words(starter):
    """No synopsis repeats a source's overview sentence for sentence."""
    with shared_file("imdb-top-1000", "imdb_top_1000.csv").open(encoding="utf-8") as handle:
        theirs = {row["Overview"].strip().lower() for row in csv.DictReader(handle)}
    with shared_file("tmdb-5000", "tmdb_5000_movies.csv").open(encoding="utf-8") as handle:
        theirs |= {row["overview"].strip().lower() for row in csv.DictReader(handle)}
    copied = [m.title for m in starter if m.overview.strip().lower() in theirs]
    assert copied == []


def test_facts_agree_with_imdb_top_1000(starter):
    """Year and director match the IMDb Top 1000 table for at least 98% of shared films."""
    with shared_file("imdb-top-1000", "imdb_top_1000.csv").open(encoding="utf-8") as handle:
        imdb: dict[str, list[dict]] = {}
        for row in csv.DictReader(handle):
            imdb.setdefault(normalise_title(row["Series_Title"]), []).append(row)
    shared = agree = 0
    disagreements = []
    for movie in starter:
        rows = [r for r in imdb.get(normalise_title(movie.title), []) if r["Released_Year"].isdigit()]
        if not rows:
            continue
        row = min(rows, key=lambda r: abs(int(r["Released_Year"]) - (movie.year or 0)))
        shared += 1
        if int(row["Released_Year"]) == movie.year and row["Director"] in movie.directors:
            agree += 1
        else:
            disagreements.append((movie.label, row["Released_Year"], row["Director"]))
    assert shared >= 200
    assert agree / shared >= 0.98, disagreements


def test_films_carry_their_ids_and_the_titles_they_go_by(starter):
    with_imdb = [m for m in starter if m.imdb_id]
    assert len(with_imdb) >= 630 and len({m.imdb_id for m in with_imdb}) == len(with_imdb)
    assert len([m for m in starter if m.tmdb_id]) >= 600
    films = {m.title: m for m in starter}
    assert films["Spirited Away"].imdb_id == "tt0245429"
    assert "Sen to Chihiro no kamikakushi" in films["Spirited Away"].titles
    assert "Twelve Monkeys" in films["12 Monkeys"].titles
    assert "Love's a Bitch" in films["Amores Perros"].titles
    for movie in starter:  # an a.k.a. is another title, not a respelling of one already there
        keys = [normalise_title(t) for t in movie.aka]
        assert len(keys) == len(set(keys)), movie.aka
        assert not {normalise_title(movie.title), normalise_title(movie.original_title or "")} & set(keys), movie.aka
