"""Studios: "a pixar movie" is Pixar's films where the catalog records who made them (TMDB 5000's
production companies), "no pixar" leaves out those known to be, and a catalog that records no
studio says what stood in instead."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.deps import Deps
from agent.factcheck import asked_clause, breaks, outside_clause
from agent.recommender import Recommender
from agent.request_filters import request_filters
from agent.service_types import InvalidInput
from agent.understanding.reader import understand
from agent.understanding.studios import unrecorded_refused
from store.build import ingest
from store.catalog import Catalog
from store.filters import Filters, matches
from store.movie import Movie
from store.studios import made_by
from tests.conftest import write_jsonl
from tests.fakes import HashingEmbedder

NOW = dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC)
PIXAR = "Pixar Animation Studios"


def _film(slug: str, title: str, year: int, genres: list[str], studios: list[str], overview: str) -> dict:
    film = {"id": slug, "title": title, "year": year, "genres": genres, "overview": overview, "rating": 7.5}
    return film | ({"studios": studios} if studios else {}) | {"votes": 5000, "language": "en"}


FILMS = [
    _film("up-2009", "Up", 2009, ["animation", "family"], [PIXAR], "An old man ties balloons to his house."),
    _film("toy-story-1995", "Toy Story", 1995, ["animation", "family"], [PIXAR], "Toys come alive."),
    _film("wall-e-2008", "WALL-E", 2008, ["animation", "family"], [PIXAR, "Walt Disney Pictures"], "A robot."),
    _film("frozen-2013", "Frozen", 2013, ["animation", "family"], ["Walt Disney Animation Studios"], "A queen."),
    _film("shrek-2001", "Shrek", 2001, ["animation", "family"], ["DreamWorks Animation"], "An ogre."),
    _film("akira-1988", "Akira", 1988, ["animation", "sci-fi"], [], "Neo-Tokyo bikers."),  # no studio recorded
    _film("get-out-2017", "Get Out", 2017, ["horror"], ["Blumhouse Productions"], "A visit to the parents."),
    _film("halloween-1978", "Halloween", 1978, ["horror"], [], "A masked killer returns home."),
    _film("hammerhead-2005", "Sharks", 2005, ["horror"], ["Hammerhead Productions"], "Sharks attack."),
    _film("spirited-away-2001", "Spirited Away", 2001, ["animation"], ["Studio Ghibli"], "A girl in a spirit world."),
    _film("inception-2010", "Inception", 2010, ["action", "sci-fi"], ["Warner Bros."], "A thief steals dreams."),
]


@pytest.fixture
def studio_catalog(tmp_path):
    from store.home import DataDir

    home = DataDir(tmp_path / "studio-home").ensure()
    embedder = HashingEmbedder()
    ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "studio-films.jsonl", FILMS)])])
    catalog = Catalog(home.current_catalog(), embedder)
    yield catalog
    catalog.close()


def _ask(catalog, message: str, k: int = 3) -> dict:
    from store.profiles import ProfileStore

    profiles = ProfileStore(None)
    try:
        return Recommender(Deps(catalog=catalog, profiles=profiles, clock=lambda: NOW)).ask(message, user="cli:s", k=k)
    finally:
        profiles.close()


@pytest.mark.parametrize(
    ("companies", "studio", "made"),
    [
        ([PIXAR], "Pixar", True),
        (["Walt Disney Pictures"], "Disney", True),
        (["Walt Disney Animation Studios"], "Disney", True),
        (["DisneyToon Studios"], "Disney", True),
        (["Walt Disney Animation Studios"], "Walt Disney Animation", True),
        (["Walt Disney Pictures"], "Walt Disney Animation", False),
        (["Walt Disney Pictures", "Walt Disney Feature Animation"], "Walt Disney Animation", True),  # The Lion King
        ([PIXAR], "Disney", True),  # Pixar is Disney's: "a Disney movie" for a child means Up too
        ([PIXAR], "Walt Disney Animation", False),
        (["Hammerhead Productions"], "Hammer", False),  # letters are no name
        (["Hammer Film Productions"], "Hammer", True),
        (["Lions Gate Films"], "Lionsgate", True),
        (["A24"], "A24", True),
        (["DreamWorks SKG"], "DreamWorks Animation", False),
        (["DreamWorks Animation"], "DreamWorks", True),
        (["Warner Bros. Pictures"], "Warner Bros.", True),
        (["Studio Ghibli"], "Studio Ghibli", True),
        ([], "Pixar", False),
    ],
)
def test_a_studio_is_the_companies_whose_names_hold_its_words(companies, studio, made):
    assert made_by(companies, studio) is made


def test_filters_take_a_studios_films_and_refuse_only_those_known_to_be_its(studio_catalog):
    pixar = studio_catalog.matching_ids(Filters(studios=("Pixar",)))
    assert sorted(pixar) == ["toy-story-1995", "up-2009", "wall-e-2008"]
    not_disney = set(studio_catalog.matching_ids(Filters(genres=("animation",), exclude_studios=("Disney",))))
    assert not_disney == {"shrek-2001", "akira-1988", "spirited-away-2001"}  # Pixar's are Disney's
    akira = studio_catalog.get("akira-1988")
    assert not matches(akira, Filters(studios=("Pixar",))) and matches(akira, Filters(exclude_studios=("Pixar",)))


@pytest.mark.parametrize(
    ("message", "studios", "exclude_studios", "genres"),
    [
        ("a pixar movie", ["Pixar"], [], []),
        ("something from A24", ["A24"], [], []),
        ("studio ghibli films", ["Studio Ghibli"], [], []),
        ("a blumhouse horror", ["Blumhouse"], [], ["horror"]),
        ("anything but disney", [], ["Disney"], []),
        ("an animated movie, no pixar", [], ["Pixar"], ["animation"]),
    ],
)
def test_a_studio_is_read_as_one_where_the_catalog_records_studios(
    studio_catalog, message, studios, exclude_studios, genres
):
    read = understand(message, studio_catalog)
    assert (read.studios, read.exclude_studios, read.genres, read.caveats) == (studios, exclude_studios, genres, [])


def test_not_ghibli_refuses_its_company_its_directors_and_its_tag(studio_catalog):
    read = understand("any good japanese anime films? not ghibli", studio_catalog)
    assert read.exclude_studios == ["Studio Ghibli"] and read.genres == ["animation"]
    assert read.exclude_people == ["Hayao Miyazaki", "Isao Takahata"] and read.exclude_keywords == ["studio ghibli"]


def test_a_pixar_movie_answers_pixars_films_and_says_so_of_each(studio_catalog):
    answer = _ask(studio_catalog, "a pixar movie")
    assert {r["id"] for r in answer["recommendations"]} == {"up-2009", "toy-story-1995", "wall-e-2008"}
    assert all(r["explanation"].startswith("Made by Pixar, as you asked") for r in answer["recommendations"])
    assert "made by Pixar" in answer["reply"].splitlines()[0]


def test_a_disney_movie_takes_pixars_too_and_says_whose_it_is(studio_catalog):
    """ReDial parents asked for "a good Disney movie for a 7 year old boy" and meant Up and Finding Nemo,
    which TMDB credits to Pixar Animation Studios alone: they were filtered out."""
    answer = _ask(studio_catalog, "a disney movie", k=5)
    said = {r["id"]: r["explanation"] for r in answer["recommendations"]}
    assert {"up-2009", "toy-story-1995", "frozen-2013"} <= set(said), said
    assert said["up-2009"].startswith("Made by Pixar, part of Disney, as you asked"), said["up-2009"]
    assert said["frozen-2013"].startswith("Made by Disney, as you asked"), said["frozen-2013"]


def test_a_studio_whose_name_ends_in_a_full_stop_ends_the_first_line_once(studio_catalog):
    """ "Here are 5 picks: action films, made by Warner Bros.." had two full stops."""
    first = _ask(studio_catalog, "a warner bros movie", k=1)["reply"].splitlines()[0]
    assert first == "Here is 1 pick: made by Warner Bros.", first


def test_an_animated_film_but_no_pixar_leaves_pixar_out_and_says_which_picks_it_cannot_vouch_for(studio_catalog):
    answer = _ask(studio_catalog, "an animated movie, no pixar", k=4)
    ids = {r["id"] for r in answer["recommendations"]}
    assert ids == {"frozen-2013", "shrek-2001", "akira-1988", "spirited-away-2001"}
    assert "My catalog doesn't record who made Akira, so I can't be sure it is not Pixar's." in answer["reply"]


def test_unrecorded_refused_is_said_only_of_picks_with_no_studio():
    known = Movie(id="a", title="A", year=2000, studios=["A24"])
    unknown = Movie(id="b", title="B", year=2000)
    assert unrecorded_refused([known], {"exclude_studios": ["Pixar"]}) == ""
    assert unrecorded_refused([known, unknown], {}) == ""
    assert "who made these" in unrecorded_refused([unknown, unknown], {"exclude_studios": ["Disney"]})


def test_made_by_is_claimed_only_of_a_film_whose_companies_say_so():
    request = {"studios": ["Pixar"], "genres": ["animation"]}
    up = Movie(id="up", title="Up", year=2009, genres=["animation"], studios=[PIXAR])
    unrecorded = Movie(id="x", title="X", year=2009, genres=["animation"])
    assert asked_clause(up, request) == "an animation film, made by Pixar, as you asked"
    assert "Pixar" not in asked_clause(unrecorded, request) and "studios" in breaks(unrecorded, request)


def test_a_pick_outside_the_studio_asked_is_said_to_lack_it_in_the_catalogs_credits_not_in_the_world():
    """Aladdin was made by Walt Disney Feature Animation, though TMDB credits Walt Disney Pictures alone:
    "Not made by Walt Disney Animation" was false of it."""
    request = {"studios": ["Walt Disney Animation"], "genres": ["animation"]}
    aladdin = Movie(id="a", title="Aladdin", year=1992, genres=["animation"], studios=["Walt Disney Pictures"])
    unrecorded = Movie(id="x", title="X", year=1992, genres=["animation"])
    assert outside_clause(aladdin, request) == (
        "Walt Disney Animation is not among the studios I have recorded for it, which you asked for"
    )
    assert outside_clause(unrecorded, request) == (
        "with no studio recorded, so maybe not made by Walt Disney Animation, which you asked for"
    )


def test_a_catalog_that_records_no_studio_keeps_the_stand_in_and_says_so(catalog):
    read = understand("a pixar movie", catalog)
    assert (read.studios, read.genres) == ([], ["animation", "family"])
    assert read.caveats == [
        "My catalog doesn't record which studio made a film, so these are animated family films, "
        "not necessarily Pixar's."
    ]
    refused = understand("animated but not pixar", catalog)
    assert refused.exclude_studios == [] and refused.caveats == [
        "My catalog doesn't record which studio made a film, so I couldn't leave out Pixar's films."
    ]


def test_structured_studio_filters_are_taken_where_recorded_and_refused_with_the_way_to_record_them(
    studio_catalog, catalog
):
    got = request_filters({"studios": ["Pixar"], "exclude_studios": "Disney"}, studio_catalog, resolve=None)
    assert got == {"studios": ["Pixar"], "exclude_studios": ["Disney"]}
    with pytest.raises(InvalidInput, match=r"records no film's studio.*--format tmdb-5000 --enrich"):
        request_filters({"studios": ["Pixar"]}, catalog, resolve=None)
    with pytest.raises(InvalidInput, match="'Pixar' is both in studios and in exclude_studios"):
        request_filters({"studios": ["Pixar"], "exclude_studios": ["Pixar"]}, studio_catalog, resolve=None)


def test_catalog_stats_say_how_many_films_have_a_studio_or_how_to_record_them(cli):
    code, out, _ = cli("catalog", "stats")
    assert code == 0 and "studios: none recorded (`moviebot ingest --format tmdb-5000 --enrich PATH`" in out


@pytest.mark.parametrize("message", ["a disney movie, no pixar", "disney, no pixar"])
def test_a_studio_asked_with_words_the_catalog_lacks_is_still_understood(studio_catalog, message):
    """ "a disney movie, no pixar" answered "Sorry, I didn't catch that.": a message whose words no film
    uses counted as gibberish unless it asked for a genre, a person or a year, never a studio."""
    answer = _ask(studio_catalog, message)
    assert "didn't catch" not in answer["reply"], answer["reply"]
    assert answer["recommendations"] and {r["id"] for r in answer["recommendations"]} <= {"frozen-2013"}


def test_a_studio_said_as_a_taste_or_earlier_in_a_chat_handed_in_leans_instead_of_filtering(studio_catalog):
    """ReDial seekers said "We love Disney!" or "I love disney movies" and were meant Coco or Sing, which
    the catalog records no studio for: the studio filter ruled them out for the rest of the chat."""
    taste = understand("We love Disney!", studio_catalog)
    assert taste.studios == [] and "family" in taste.soft_genres
    from store.profiles import ProfileStore

    profiles = ProfileStore(None)
    try:
        bot = Recommender(Deps(catalog=studio_catalog, profiles=profiles, clock=lambda: NOW))
        context = [{"role": "user", "text": "I love disney movies, any suggestions?"},
                   {"role": "assistant", "text": "Have you seen Frozen (2013)?"}]  # fmt: skip
        said = bot.ask("something with robots", user="cli:s", k=6, context=context, remember=False)
    finally:
        profiles.close()
    assert said["understood"]["studios"] == [], said["understood"]
    disney = {"up-2009", "toy-story-1995", "wall-e-2008", "frozen-2013"}
    assert {r["id"] for r in said["recommendations"]} - disney, said["recommendations"]
