import sqlite3

from store.filters import FilterIndex, Filters, matches, sql_where
from store.movie import Movie

SE7EN = Movie(
    id="se7en-1995",
    title="Se7en",
    year=1995,
    genres=["crime", "thriller"],
    directors=["David Fincher"],
    cast=["Brad Pitt"],
    runtime=127,
    language="en",
    country="US",
    rating=8.6,
    votes=1_800_000,
)
UNKNOWN_YEAR = Movie(id="x", title="Untitled", year=None, genres=["crime"])


def test_no_filters_means_no_where_clause():
    assert sql_where(Filters()) == ("1", [])


def test_sql_where_binds_every_value():
    clause, params = sql_where(Filters.of(genres=["crime"], year_max=1999, exclude_ids=["se7en-1995"]))
    assert clause.count("?") == len(params) == 3
    assert "NOT IN" in clause


def test_matches_is_exact():
    assert matches(SE7EN, Filters.of(genres=["crime"], year_min=1995, year_max=1995, max_runtime=127))
    assert not matches(SE7EN, Filters.of(exclude_genres=["thriller"]))
    assert not matches(SE7EN, Filters.of(max_runtime=126))
    assert not matches(SE7EN, Filters.of(exclude_ids=["se7en-1995"]))
    assert not matches(SE7EN, Filters.of(languages=["fr"]))
    assert matches(SE7EN, Filters.of(people=["brad pitt", "David Fincher"]))
    assert not matches(SE7EN, Filters.of(people=["Brad Pitt", "Al Pacino"]))
    assert matches(SE7EN, Filters.of(any_people=["Al Pacino", "brad pitt"]))
    assert not matches(SE7EN, Filters.of(any_people=["Al Pacino", "Tom Hanks"]))
    assert not matches(SE7EN, Filters.of(exclude_people=["Al Pacino", "brad pitt"]))
    assert matches(SE7EN, Filters.of(any_genres=["comedy", "crime"]))
    assert not matches(SE7EN, Filters.of(any_genres=["comedy", "western"]))
    assert matches(SE7EN, Filters.of(exclude_people=["Al Pacino"]))
    assert not matches(SE7EN, Filters.of(exclude_languages=["en"]))
    assert matches(SE7EN, Filters.of(exclude_languages=["fr"]))
    assert not matches(UNKNOWN_YEAR, Filters.of(exclude_languages=["fr"]))  # an unknown language might be French


def test_a_refused_theme_is_any_keyword_holding_its_words():
    dawn = Movie(id="dawn", title="Dawn of the Dead", year=2004, keywords=["zombie apocalypse", "shopping mall"])
    assert not matches(dawn, Filters.of(exclude_keywords=["zombies"]))  # the plural said, the singular tagged
    assert not matches(dawn, Filters.of(exclude_keywords=["Mall shopping"]))
    assert matches(dawn, Filters.of(exclude_keywords=["superhero", "apocalypse now"]))
    assert matches(SE7EN, Filters.of(exclude_keywords=["zombies"]))  # no keywords: nothing refused


def test_a_required_theme_is_one_every_pick_carries():
    tagged = Movie(id="p", title="American Psycho", year=2000, keywords=["woman director", "serial killer"])
    assert matches(tagged, Filters.of(require_keywords=["woman director"]))
    assert not matches(tagged, Filters.of(require_keywords=["woman director", "zombies"]))
    assert not matches(SE7EN, Filters.of(require_keywords=["woman director"]))  # untagged is not known to be
    car = Movie(id="b", title="Back to the Future", year=1985, keywords=["sports car", "time travel"])
    assert not matches(car, Filters.of(require_keywords=["sport"]))  # the tag itself, not a word of another
    assert matches(
        Movie(id="m", title="Moneyball", year=2011, keywords=["sports"]), Filters.of(require_keywords=["sport"])
    )


def test_unknown_values_never_satisfy_a_constraint():
    assert not matches(UNKNOWN_YEAR, Filters.of(year_min=1900))
    assert not matches(UNKNOWN_YEAR, Filters.of(max_runtime=500))
    assert matches(UNKNOWN_YEAR, Filters.of(genres=["crime"]))


def test_a_rating_only_a_handful_of_people_gave_meets_no_rating_floor():
    one_vote = Movie(id="hood-of-horror-2006", title="Hood of Horror", year=2006, rating=9.0, votes=1)
    unknown_votes = Movie(id="old-1950", title="Old", year=1950, rating=8.5)  # no count: the rating stands
    films = [one_vote, unknown_votes, SE7EN]
    floor = Filters.of(min_rating=8)
    expected = ["old-1950", "se7en-1995"]
    assert sorted(m.id for m in films if matches(m, floor)) == expected
    assert sorted(FilterIndex(films).allowed(floor)) == expected
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE movies (id TEXT, rating REAL, votes INTEGER)")
    db.executemany("INSERT INTO movies VALUES (?, ?, ?)", [(m.id, m.rating, m.votes) for m in films])
    clause, params = sql_where(floor)
    assert sorted(row[0] for row in db.execute(f"SELECT id FROM movies WHERE {clause}", params)) == expected
    assert matches(one_vote, Filters.of(genres=[]))  # only a floor asks for a rating that counts


def test_a_rating_floor_is_the_number_itself_not_the_rating_rounded():
    """Kingsman's 7.97 reads "rated 8.0" to one decimal, and passed "rated 8+" under a reply heading
    "2015 films, rated 8+": it is under 8, so only a film at 8.0 or more meets the floor, everywhere."""
    at_8 = Movie(id="inside-out-2015", title="Inside Out", year=2015, rating=8.0, votes=6_000)
    under_8 = [Movie(id=f"near-{n}", title="Near", year=2015, rating=r, votes=3_000) for n, r in
               enumerate([7.95, 7.97, 7.99])]  # fmt: skip
    films = [at_8, *under_8]
    floor = Filters.of(min_rating=8)
    assert [m.id for m in films if matches(m, floor)] == ["inside-out-2015"]
    assert sorted(FilterIndex(films).allowed(floor)) == ["inside-out-2015"]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE movies (id TEXT, rating REAL, votes INTEGER)")
    db.executemany("INSERT INTO movies VALUES (?, ?, ?)", [(m.id, m.rating, m.votes) for m in films])
    clause, params = sql_where(floor)
    assert [row[0] for row in db.execute(f"SELECT id FROM movies WHERE {clause}", params)] == ["inside-out-2015"]
    assert matches(Movie(id="x", title="X", year=2015, rating=7.3, votes=50), Filters.of(min_rating=7.3))


def test_the_vectorised_index_allows_exactly_what_matches_allows(catalog):
    movies = list(catalog.movies.values())
    index = FilterIndex(movies)
    credits = {
        "al pacino": {"heat-1995", "the-insider-1999"},
        "brad pitt": {"se7en-1995"},
        "christopher nolan": {"the-dark-knight-2008"},
    }
    for filters in [
        Filters(),
        Filters.of(genres=["crime", "thriller"]),
        Filters.of(exclude_genres=["drama"], year_min=1995),
        Filters.of(max_runtime=130, min_rating=8.4),
        Filters.of(languages=["ja", "ko"], countries=["KR"]),
        Filters.of(people=["Al Pacino"], exclude_ids=["heat-1995"]),
        Filters.of(genres=["crime"], exclude_people=["Al Pacino"]),
        Filters.of(any_genres=["comedy", "war"], year_min=1990),
        Filters.of(any_people=["Al Pacino", "Brad Pitt"]),
        Filters.of(any_people=["Al Pacino", "Christopher Nolan"], genres=["crime"]),
        Filters.of(genres=["not-a-genre"]),
        Filters.of(min_runtime=1),  # every sample film has a runtime
        Filters.of(exclude_keywords=["superheroes", "con artist"]),
        Filters.of(genres=["crime"], exclude_keywords=["revenge", "not-a-theme"]),
        Filters.of(require_keywords=["revenge"]),
        Filters.of(exclude_languages=["en"]),
        Filters.of(exclude_languages=["ko", "fr"], genres=["thriller"]),
        Filters.of(require_keywords=["revenge", "not-a-theme"]),
    ]:
        expected = sorted(m.id for m in movies if matches(m, filters))
        assert sorted(index.allowed(filters, credits)) == expected, filters
    assert index.genres_carried == {g for m in movies for g in m.genres}


def test_films_with_no_cast_or_director_recorded_are_those_with_neither():
    """ "In my catalog 6,257 films have no cast or director recorded": 31 of them had a director, which a
    person filter can find them by; 6,226 have neither."""
    directed = Movie(id="d", title="Directed", year=2001, directors=["Someone"])
    acted = Movie(id="a", title="Acted", year=2002, cast=["Someone Else"])
    assert FilterIndex([SE7EN, directed, acted, UNKNOWN_YEAR]).unrecorded("cast") == 1


E_T = Movie(
    id="et",
    title="E.T. the Extra-Terrestrial",
    year=1982,
    genres=["sci-fi"],
    keywords=["extraterrestrial technology", "flying saucer"],
    overview="A troubled child summons courage.",
)
GALAXY_QUEST = Movie(
    id="gq",
    title="Galaxy Quest",
    year=1999,
    genres=["sci-fi"],
    keywords=["spaceship"],
    overview="The stars of a sci-fi show are beamed aboard an alien spacecraft.",
)
MALEFICENT = Movie(
    id="mal",
    title="Maleficent",
    year=2014,
    genres=["fantasy"],
    keywords=["fairy tale", "villain"],
    overview="The untold story of Disney's villain.",
)
BLADE_RUNNER = Movie(id="br", title="Blade Runner", year=1982, genres=["sci-fi"], keywords=["replicant"],
                     overview="A blade runner hunts replicants.")  # fmt: skip


def test_a_refused_theme_keeps_out_its_forms_and_kin_in_keywords_title_and_overview():
    """ "no aliens" kept E.T. (keywords "extraterrestrial technology") and Galaxy Quest ("an alien
    spacecraft" in its overview) under a header saying 'nothing about "aliens"'."""
    films = [E_T, GALAXY_QUEST, MALEFICENT, BLADE_RUNNER]
    no_aliens = Filters.of(exclude_keywords=["aliens"])
    assert [m.id for m in films if matches(m, no_aliens)] == ["mal", "br"]
    assert sorted(FilterIndex(films).allowed(no_aliens)) == ["br", "mal"]
    no_magic = Filters.of(exclude_keywords=["dragons", "magic"])
    assert [m.id for m in films if matches(m, no_magic)] == ["et", "gq", "br"]
    assert sorted(FilterIndex(films).allowed(no_magic)) == ["br", "et", "gq"]
    no_replicants = Filters.of(exclude_keywords=["replicants"])  # a theme we know no kin of: its own words
    assert [m.id for m in films if matches(m, no_replicants)] == ["et", "gq", "mal"]
