"""One name, two people: "films by Steve McQueen" is the director's, "starring Steve McQueen" the
actor's, and a name said alone keeps to one of them and says so (agent.credited_roles)."""

from __future__ import annotations

import pytest

from store.build import ingest
from store.catalog import Catalog
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot


def _film(ident, title, year, directors, cast, genres=("drama",)):
    return {"id": ident, "title": title, "year": year, "genres": list(genres), "directors": directors,
            "cast": cast, "runtime": 120, "language": "en", "country": "US", "rating": 7.5, "votes": 50000,
            "overview": f"{title}, a film."}  # fmt: skip


FILMS = [
    _film("slave-2013", "12 Years a Slave", 2013, ["Steve McQueen"], ["Chiwetel Ejiofor"]),
    _film("shame-2011", "Shame", 2011, ["Steve McQueen"], ["Michael Fassbender"]),
    _film("escape-1963", "The Great Escape", 1963, ["John Sturges"], ["Steve McQueen", "James Garner"]),
    _film("bullitt-1968", "Bullitt", 1968, ["Peter Yates"], ["Steve McQueen"]),
    _film("papillon-1973", "Papillon", 1973, ["Franklin J. Schaffner"], ["Steve McQueen", "Dustin Hoffman"]),
    _film("big-1988", "Big", 1988, ["Penny Marshall"], ["Tom Hanks"], ("comedy",)),
    _film("thing-1996", "That Thing You Do!", 1996, ["Tom Hanks"], ["Tom Everett Scott", "Tom Hanks"]),
    _film("heat-1995", "Heat", 1995, ["Michael Mann"], ["Al Pacino"], ("crime",)),
]


@pytest.fixture
def namesakes(home, embedder, tmp_path):
    ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "films.jsonl", FILMS)])])
    catalog = Catalog(home.current_catalog(), embedder)
    yield catalog
    catalog.close()


def _titles(result) -> set[str]:
    return {r["title"] for r in result["recommendations"]}


@pytest.mark.parametrize("said", ["films by steve mcqueen", "movies directed by Steve McQueen"])
def test_films_by_a_name_two_people_share_are_the_directors_only(namesakes, profiles, said):
    result = make_bot(namesakes, profiles).ask(said, user="cli:ana")
    assert _titles(result) == {"12 Years a Slave", "Shame"}
    assert "directed by Steve McQueen" in result["reply"]
    assert not any("Starring Steve McQueen" in r["explanation"] for r in result["recommendations"])


@pytest.mark.parametrize("said", ["something starring steve mcqueen", "a film with Steve McQueen"])
def test_starring_a_name_two_people_share_is_the_actors_only(namesakes, profiles, said):
    result = make_bot(namesakes, profiles).ask(said, user="cli:ana")
    assert _titles(result) == {"The Great Escape", "Bullitt", "Papillon"}
    assert not any("Directed by Steve McQueen" in r["explanation"] for r in result["recommendations"])


def test_the_name_said_alone_keeps_to_one_of_them_and_says_which(namesakes, profiles):
    bot = make_bot(namesakes, profiles)
    result = bot.ask("steve mcqueen movies", user="cli:ana")
    assert _titles(result) == {"The Great Escape", "Bullitt", "Papillon"}  # the larger of the two
    assert "likely two people of that name: these are the films starring Steve McQueen" in result["reply"]
    assert 'say "directed by Steve McQueen" for the others' in result["reply"]
    later = bot.ask("directed by steve mcqueen instead", user="cli:ana")
    assert _titles(later) == {"12 Years a Slave", "Shame"}


def test_someone_who_directs_what_they_star_in_is_one_person(namesakes, profiles):
    result = make_bot(namesakes, profiles).ask("movies with tom hanks", user="cli:ana")
    assert _titles(result) == {"Big", "That Thing You Do!"}
    assert "likely two people" not in result["reply"]


def test_a_star_asked_for_who_also_directed_the_pick_is_said_to_star_as_asked(namesakes, profiles):
    result = make_bot(namesakes, profiles).ask("something starring tom hanks", user="cli:ana")
    assert _titles(result) == {"Big", "That Thing You Do!"}
    assert all("Starring Tom Hanks, as you asked" in r["explanation"] for r in result["recommendations"])


def test_films_by_someone_who_mostly_acts_are_theirs_in_any_role_and_says_so(namesakes, profiles):
    result = make_bot(namesakes, profiles).ask("movies by tom hanks", user="cli:ana")
    assert _titles(result) == {"Big", "That Thing You Do!"}  # not only the one he directed
    assert "Tom Hanks mostly acts in my catalog's films" in result["reply"]
    assert 'say "directed by Tom Hanks" for the film directed by Tom Hanks' in result["reply"]
    assert "directed by Tom Hanks." not in result["reply"].split("\n")[0]


def test_directed_by_someone_who_mostly_acts_is_still_their_direction(namesakes, profiles):
    result = make_bot(namesakes, profiles).ask("movies directed by tom hanks", user="cli:ana")
    assert _titles(result) == {"That Thing You Do!"}
