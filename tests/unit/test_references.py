"""Films and series named as references: what a user typed is read as the film it names, and
ordinary words around a cue are not a film."""

from __future__ import annotations

import json

import pytest

from agent.understanding.reader import understand
from store.build import ingest
from store.catalog import Catalog
from store.home import DataDir
from tests.fakes import HashingEmbedder


def _film(title: str, year: int, **more) -> dict:
    slug = "-".join(title.lower().replace(":", "").split())
    film = {"id": f"{slug}-{year}", "title": title, "year": year, "genres": ["drama"], "runtime": 110,
            "language": "en", "country": "US", "rating": 7.0, "votes": 50000, "overview": f"{title}."}  # fmt: skip
    return film | more


FILMS = [
    _film("Max", 2015, genres=["family", "adventure"], keywords=["dog"]),
    _film("Heat", 1995, genres=["crime", "thriller"], cast=["Al Pacino", "Robert De Niro"]),
    _film("Titanic", 1997, genres=["drama", "romance"], cast=["Leonardo DiCaprio", "Kate Winslet"], votes=900000),
    _film("Romeo + Juliet", 1996, cast=["Leonardo DiCaprio", "Claire Danes"]),
    _film("Inception", 2010, genres=["sci-fi"], cast=["Leonardo DiCaprio"], votes=900000),
    _film("Videodrome", 1983, genres=["horror"], cast=["James Woods", "Deborah Harry"]),
    _film("Hairspray", 1988, genres=["comedy"], cast=["Ricki Lake", "Deborah Harry"]),
    _film("Harry Potter and the Chamber of Secrets", 2002, genres=["fantasy"], cast=["Daniel Radcliffe"]),
    _film("Harry Potter and the Goblet of Fire", 2005, genres=["fantasy"], cast=["Daniel Radcliffe"]),
    _film("The Fugitive", 1993, genres=["thriller"], cast=["Harrison Ford", "Tommy Lee Jones"]),
    _film("Men in Black", 1997, genres=["sci-fi"], cast=["Will Smith", "Tommy Lee Jones"]),
    _film("Indiana Jones and the Temple of Doom", 1984, genres=["adventure"], cast=["Harrison Ford"]),
    _film("Indiana Jones and the Last Crusade", 1989, genres=["adventure"], cast=["Harrison Ford"]),
    _film("2001: A Space Odyssey", 1968, genres=["sci-fi"], votes=700000),
    _film("2001 Maniacs", 2005, genres=["horror"], votes=20),
    _film("The Immigrant", 1917, genres=["comedy"], runtime=24),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A few films, among them one whose title is an everyday word ("Max")."""
    yield from small_catalog(tmp_path_factory, FILMS)


def small_catalog(tmp_path_factory, films: list[dict]):
    """A catalog of `films`, indexed with the fast fake embedder, closed after use."""
    home = DataDir(tmp_path_factory.mktemp("refs") / "home").ensure()
    path = tmp_path_factory.mktemp("refs_src") / "films.jsonl"
    path.write_text("\n".join(json.dumps(f) for f in films) + "\n", encoding="utf-8")
    embedder = HashingEmbedder()
    ingest(home, embedder, [("jsonl", [path])])
    catalog = Catalog(home.current_catalog(), embedder)
    yield catalog
    catalog.close()


@pytest.mark.parametrize("text", ["harry potter movies", "all the harry potter movies", "indiana jones films"])
def test_a_series_named_by_its_titles_is_no_surname(small, text):
    """ "all the harry potter movies" answered two films with Deborah Harry ("with Deborah Harry"):
    "harry" was read as her surname; the words begin several films' titles, so they are the series."""
    assert understand("something with deborah harry", small).people == ["Deborah Harry"]
    u = understand(text, small)
    assert not u.people
    assert text.split()[-2] in u.query.lower()  # "potter", "jones": searched with the series' first word


def test_a_series_answers_its_films(starter, profiles):
    from tests.unit.test_graph import ids, make_bot

    bot = make_bot(starter, profiles)
    result = bot.ask("harry potter movies", user="cli:hp")
    titles = [starter.movies[i].title for i in ids(result)]
    series = {m.title for m in starter.movies.values() if m.title.startswith("Harry Potter")}
    assert len(series) >= 2 and set(titles[: len(series)]) == series, titles  # the series' films come first
    assert "Deborah Harry" not in result["reply"]


@pytest.mark.parametrize(
    "text, runtime",
    [
        ("horror, like max 100 minutes", 100),
        ("a thriller, like max 2 hours", 120),
        ("something like Heat, max 2 hours", 120),
    ],
)
def test_like_before_a_length_is_no_reference(small, text, runtime):
    """ "horror, like max 100 minutes" answered "horror films like Max (2015)": "like" there is filler."""
    u = understand(text, small)
    assert u.max_runtime == runtime
    assert [small.movies[i].title for i in u.like_titles] == (["Heat"] if "Heat" in text else [])
    assert [small.movies[i].title for i in understand("something like max", small).like_titles] == ["Max"]


def test_a_hedge_after_like_keeps_the_title(starter):
    """ "something like maybe heat" lost Heat: the hedge stood between the cue and the title."""
    assert [starter.movies[i].title for i in understand("something like maybe heat", starter).like_titles] == ["Heat"]


def test_before_a_film_bounds_the_years(small, profiles):
    """ "something with leonardo dicaprio from before titanic" answered Titanic first: "before
    titanic" was searched for as words. It is a year bound from the film's year, said as one."""
    from tests.unit.test_graph import ids, make_bot

    u = understand("something with leonardo dicaprio from before titanic", small)
    assert (u.year_min, u.year_max, u.people) == (None, 1996, ["Leonardo DiCaprio"])
    assert "titanic" not in u.query.lower()
    after = understand("dicaprio movies after Titanic", small)
    assert (after.year_min, after.people) == (1998, ["Leonardo DiCaprio"])
    assert understand("a drama before bed", small).year_max is None  # a film must be named
    result = make_bot(small, profiles).ask("something with leonardo dicaprio from before titanic", user="cli:leo")
    assert [small.movies[i].title for i in ids(result)] == ["Romeo + Juliet"]
    assert "1996" in result["reply"].split("\n")[0]


@pytest.mark.parametrize(
    ("said", "years"),
    [("dicaprio, but nothing made before Titanic", (1997, None)),  # was up to 1996
     ("dicaprio, not older than Titanic", (1997, None)),
     ("dicaprio, nothing after Titanic", (None, 1997)),  # was from 1998 on
     ("dicaprio, nothing since Titanic", (None, 1996))],
)  # fmt: skip
def test_a_refused_bound_before_a_film_keeps_the_years_on_the_other_side(small, said, years):
    u = understand(said, small)
    assert (u.year_min, u.year_max) == years and "titanic" not in u.query.lower()


def test_a_year_after_like_is_a_title(small):
    """ "something like 2001" answered films from 2001, and "like 1917 but shorter" The Immigrant
    (1917): after "like" the number names a film; one the catalog lacks is said to be missing."""
    u = understand("something like 2001", small)
    assert [small.movies[i].title for i in u.like_titles] == ["2001: A Space Odyssey"]
    assert (u.year_min, u.year_max) == (None, None)
    assert u.caveats == ['I took "2001" to mean 2001: A Space Odyssey (1968).']
    missing = understand("like 1917 but shorter", small)
    assert (missing.year_min, missing.year_max, missing.like_titles) == (None, None, [])
    assert missing.unknown_titles == ["1917"]
    assert understand("a comedy from 1917", small).year_min == 1917  # a year where no "like" names a film


@pytest.mark.parametrize(
    "said", ["a drama released like 2010", "a drama that came out like 2001", "comedies made like 2001"]
)
def test_like_as_a_filler_before_a_year_names_no_film(small, said):
    """ "a drama released like 2010" said 'I took "2010" to mean 2010: The Year We Make Contact': "like"
    there is a filler before a year, not a request for a film like one."""
    u = understand(said, small)
    assert u.like_titles == [] and u.unknown_titles == [] and not any("I took" in c for c in u.caveats), u
    asked = understand("movies like 2001", small)  # after a request word it still names the film
    assert [small.movies[i].title for i in asked.like_titles] == ["2001: A Space Odyssey"]


@pytest.mark.parametrize("text", ["like inceptoin", "somethign like inceptoin", "like Inceptoin, but older"])
def test_a_misspelt_title_after_like_is_the_film_said_as_taken(starter, text):
    """ "like inceptoin" answered generic picks with Inception itself among them, and "somethign like
    inceptoin" was not understood: a close miss of a well-known title after "like" is that film."""
    u = understand(text, starter)
    assert [starter.movies[i].title for i in u.like_titles] == ["Inception"]
    typed = text.split("like ")[1].split(",")[0]
    assert u.caveats == [f'I took "{typed}" to mean Inception (2010).']
    assert understand("like a comedy", starter).like_titles == []
