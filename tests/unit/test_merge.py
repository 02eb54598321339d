"""One film, one entry: what the merge joins, what it keeps apart, and what it reports."""

from __future__ import annotations

import json

import pytest

from store.build import ingest
from store.catalog import Catalog
from store.duplicates import suspected_duplicates
from store.merge import MergedCatalog
from store.movie import Movie, make_id


def film(title: str, year: int, **fields) -> Movie:
    return Movie(id=make_id(title, year), title=title, year=year, **fields)


SPIRITED = film(
    "Spirited Away",
    2001,
    directors=["Hayao Miyazaki"],
    runtime=125,
    imdb_id="tt0245429",
    original_title="千と千尋の神隠し",
    aka=["Sen to Chihiro no kamikakushi"],
)


def merged(*movies: Movie) -> MergedCatalog:
    catalog = MergedCatalog()
    for movie in movies:
        catalog.add(movie)
    return catalog


def test_an_alternate_title_joins_the_film_it_names():
    catalog = merged(SPIRITED, film("Sen to Chihiro no kamikakushi", 2001, directors=["Hayao Miyazaki"], runtime=125))
    assert list(catalog.movies) == ["spirited-away-2001"]
    catalog = merged(film("Twelve Monkeys", 1995, aka=["12 Monkeys"]), film("12 Monkeys", 1995))
    assert len(catalog) == 1


def test_a_translated_title_is_recognised_by_director_year_and_runtime():
    catalog = merged(
        film("A Fistful of Dollars", 1964, directors=["Sergio Leone"], runtime=99, cast=["Clint Eastwood"]),
        film("Per un pugno di dollari", 1964, directors=["Sergio Leone"], runtime=99, cast=["Clint Eastwood"]),
    )
    (movie,) = catalog.movies.values()
    assert movie.title == "A Fistful of Dollars" and movie.aka == ["Per un pugno di dollari"]


def test_a_record_that_bridges_two_entries_folds_them_whatever_the_order():
    # IMDb Top 1000 names it in Japanese and has no ids; MovieLens has the id and the English title
    imdb_top = film("Sen to Chihiro no kamikakushi", 2001, directors=["Hayao Miyazaki"], runtime=125)
    movielens = film("Spirited Away!", 2001, imdb_id="tt0245429")
    for order in [(imdb_top, movielens, SPIRITED), (SPIRITED, imdb_top, movielens), (movielens, imdb_top, SPIRITED)]:
        catalog = merged(*order)
        assert len(catalog) == 1, order
        (movie,) = catalog.movies.values()
        assert movie.imdb_id == "tt0245429" and "Sen to Chihiro no kamikakushi" in movie.titles


def test_respelt_titles_and_subtitles_join():
    catalog = merged(
        film("The Return", 2003, directors=["Andrey Zvyagintsev"], aka=["Vozvrashcheniye"]),
        film("Vozvrashchenie", 2003, directors=["Andrey Zvyagintsev"]),
        film("Rogue One: A Star Wars Story", 2016, imdb_id="tt3748528"),
        film("Rogue One", 2016, directors=["Gareth Edwards"]),
        film("Blowup", 1966, directors=["Michelangelo Antonioni"]),
        film("Blow-Up", 1966),
    )
    assert sorted(m.title for m in catalog.movies.values()) == ["Blowup", "Rogue One: A Star Wars Story", "The Return"]


@pytest.mark.parametrize(
    "a, b",
    [
        # Billy Wilder, a year and a minute apart
        (
            film("Sunset Blvd.", 1950, directors=["Billy Wilder"], runtime=110, cast=["William Holden"]),
            film("Ace in the Hole", 1951, directors=["Billy Wilder"], runtime=111, cast=["Kirk Douglas"]),
        ),
        (film("Nymphomaniac: Volume I", 2013), film("Nymphomaniac: Volume II", 2013)),
        (film("Kill Bill: Vol. 1", 2003), film("Kill Bill: Vol. 2", 2003)),
        (film("Scary Movie", 2000), film("Scary Movie 2", 2001)),
        # a remake a year later by someone else
        (film("Heat", 1995, directors=["Michael Mann"]), film("Heat", 1996, directors=["Dick Richards"])),
        # same title and year, but the ids say two films
        (film("Crash", 2004, imdb_id="tt0375679"), film("Crash", 2004, imdb_id="tt0115964")),
    ],
)
def test_different_films_stay_apart(a, b):
    assert len(merged(a, b)) == 2


def test_merging_keeps_every_title_once():
    catalog = merged(
        film("Amores Perros", 2000, imdb_id="tt0245712"),
        film("Amores perros", 2000, imdb_id="tt0245712", aka=["Love's a Bitch"]),
        film("Love's a Bitch", 2000, imdb_id="tt0245712", original_title="Amores perros"),
    )
    (movie,) = catalog.movies.values()
    assert movie.titles == ["Amores Perros", "Amores perros", "Love's a Bitch"]


def test_the_duplicates_report_lists_what_the_merge_declined():
    heat = film("Heat", 1995, directors=["Michael Mann"])
    namesake = film("Heat", 1996, directors=["Dick Richards"])
    pairs = suspected_duplicates([heat, namesake, SPIRITED])
    assert [(p.first.id, p.second.id, p.reason) for p in pairs] == [("heat-1995", "heat-1996", "same title")]
    assert suspected_duplicates(merged(heat, SPIRITED).movies.values()) == []


def test_one_film_a_source_lists_twice_under_two_imdb_ids_is_one_entry_or_reported():
    """MovieLens lists Confessions of a Dangerous Mind (2002) twice, both linked to TMDB 4912."""
    first = film("Confessions of a Dangerous Mind", 2002, imdb_id="tt0290538", tmdb_id=4912, runtime=113)
    second = film("Confessions of a Dangerous Mind", 2002, imdb_id="tt0270288", tmdb_id=4912)
    assert len(merged(first, second)) == 1
    other_title = film("Dangerous Minds", 1995, imdb_id="tt0112792", tmdb_id=4912)  # a contradiction left as is
    pairs = suspected_duplicates([first, other_title])
    assert [(p.reason) for p in pairs] == ["same TMDB id, IMDB ids differ"]
    emma, namesake = film("Emma", 1996, imdb_id="tt0116191", tmdb_id=3573), film("Emma", 1996, imdb_id="tt0118308")
    assert len(merged(emma, namesake)) == 2  # two films of one title and year stay two


def test_alternate_titles_are_searchable_and_resolvable(home, embedder, tmp_path):
    path = tmp_path / "films.jsonl"
    records = [
        film("Amores Perros", 2000, genres=["drama"], original_title="Amores perros", aka=["Love's a Bitch"]),
        film("Spirited Away", 2001, original_title="千と千尋の神隠し", aka=["Sen to Chihiro no kamikakushi"]),
        film("Kung Fu Hustle", 2004, genres=["comedy"], original_title="功夫"),
        film("The Return", 2003, genres=["drama"], original_title="Возвращение"),
        film("Heat", 1995, genres=["crime"]),
    ]
    path.write_text("".join(m.to_json() + "\n" for m in records), encoding="utf-8")
    ingest(home, embedder, [("jsonl", [path])])
    catalog = Catalog(home.current_catalog(), embedder)
    try:
        assert catalog.resolve_title("Love's a Bitch").movie_id == "amores-perros-2000"
        assert catalog.resolve_title("sen to chihiro no kamikakushi").movie_id == "spirited-away-2001"
        # a title in another script is found by what it says, not filed with every such title under ""
        assert catalog.resolve_title("千と千尋の神隠し").movie_id == "spirited-away-2001"
        assert catalog.resolve_title("功夫").movie_id == "kung-fu-hustle-2004"
        assert catalog.resolve_title("возвращение").movie_id == "the-return-2003"
        assert catalog.resolve_title("七人の侍") is None
        assert catalog.search("kamikakushi", k=1)[0].movie.id == "spirited-away-2001"
        assert catalog.get("amores-perros-2000").aka == ["Love's a Bitch"]
    finally:
        catalog.close()


def test_a_record_without_the_new_fields_keeps_its_hash():
    """Catalog rows written before original_title and aka existed re-ingest as unchanged."""
    movie = film("Heat", 1995)
    assert "aka" not in movie.to_dict() and "original_title" not in movie.to_dict()
    assert Movie.from_dict(json.loads(movie.to_json())).content_hash() == movie.content_hash()


def test_a_catalog_built_before_alternate_titles_still_opens_and_merges(home, embedder, sample_jsonl):
    import sqlite3

    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    db = sqlite3.connect(home.current_catalog() / "catalog.sqlite")
    db.execute("ALTER TABLE movies DROP COLUMN aka")
    db.execute("ALTER TABLE movies DROP COLUMN original_title")
    db.commit()
    db.close()
    catalog = Catalog(home.current_catalog(), embedder)
    assert catalog.resolve_title("Se7en").movie_id == "se7en-1995"
    catalog.close()
    report = ingest(home, embedder, [("jsonl", [sample_jsonl])])
    assert report.added == 0
