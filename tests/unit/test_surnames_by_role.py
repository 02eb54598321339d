""" "something by Mann" asked for Leslie Mann's films, and "something like Heat by Mann" leaned to her: a
surname was read as its best-known carrier whatever the words around it asked, and "Coppola films" took
Francis Ford Coppola without a word of Sofia Coppola. "by" now asks for the one who directs, "with" for
the one who acts, and the answer says whom it took and names the others well known here."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.understanding.reader import understand
from tests.conftest import catalog_of
from tests.unit.test_sequels_series import film

_WORDS = ["Amber", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Grove", "Harbor"]


def _films(directors: list[str], cast: list[str], count: int, votes: int) -> list[dict]:
    """`count` films of `directors` with `cast`, each titled by two words no name uses."""
    tag = "".join(name.split()[0] for name in (*directors, *cast))
    return [
        film(f"{_WORDS[n]} {tag}", 2000 + n, ["drama"], cast, directors=directors, votes=votes) for n in range(count)
    ]


FILMS = [
    *_films(["Ann Other"], ["Leslie Mann"], 7, 2000),  # "Mann" alone is hers: twice Michael Mann's films and votes
    *_films(["Michael Mann"], ["Al Pacino"], 3, 2000),
    *_films(["Francis Ford Coppola"], ["Marlon Brando"], 7, 3000),
    *_films(["Sofia Coppola"], ["Bill Murray"], 3, 2000),
    *_films(["Joe Bloggs"], ["Benicio del Toro"], 4, 1500),
    *_films(["Guillermo del Toro"], ["Ron Perlman"], 3, 2500),
    *_films(["Ridley Scott"], ["Russell Crowe"], 4, 3000),
    *_films(["Tony Scott"], ["Denzel Washington"], 3, 2000),
    *_films(["Sam Raimi"], ["Seann William Scott"], 4, 1500),
    *_films(["Quentin Tarantino"], ["Samuel L. Jackson"], 8, 3000),
    *_films(["Peter Jackson"], ["Elijah Wood"], 3, 5000),
    *_films(["Robert Zemeckis"], ["Tom Hanks"], 6, 4000),
    *_films(["Jon Favreau"], ["Colin Hanks"], 3, 50),
    *_films(["Mike Figgis"], ["Clive Owen"], 4, 1500),  # "Owen" is his surname, and Owen Wilson's first name
    *_films(["Wes Anderson"], ["Owen Wilson"], 8, 3000),
    *_films(["Guy Ritchie"], ["Jason Statham"], 4, 2500),
    *_films(["Christopher Nolan"], ["Guy Pearce"], 8, 3000),
    *_films(["Blair Hayes"], ["Larry the Cable Guy"], 4, 1000),
]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory):
    catalog = catalog_of(Path(tmp_path_factory.mktemp("surnames")), FILMS)
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("said", "typed", "person", "others"),
    [("something by Mann", "Mann", "Michael Mann", "Leslie Mann"),
     ("a thriller by mann", "mann", "Michael Mann", "Leslie Mann"),
     ("something with Mann", "Mann", "Leslie Mann", "Michael Mann"),
     ("Mann's films", "Mann", "Leslie Mann", "Michael Mann"),
     ("something by del Toro", "del Toro", "Guillermo del Toro", "Benicio del Toro"),
     ("anything with Jackson", "Jackson", "Samuel L. Jackson", "Peter Jackson"),
     ("movies by Jackson", "Jackson", "Peter Jackson", "Samuel L. Jackson")],
)  # fmt: skip
def test_by_asks_for_the_one_who_directs_and_with_for_the_one_who_acts(catalog, said, typed, person, others):
    understood = understand(said, catalog)
    assert understood.people == [person]
    assert understood.caveats == [f'I took "{typed}" to mean {person}; for {others}, say the whole name.']


def test_a_surname_said_of_a_film_is_the_one_who_made_it(catalog):
    understood = understand("something like Amber MichaelAl by Mann", catalog)
    assert "Leslie Mann" not in understood.soft_people + understood.people


@pytest.mark.parametrize("said", ["Coppola films", "a coppola classic", "something by Coppola"])
def test_the_best_known_carrier_is_taken_and_the_others_named(catalog, said):
    understood = understand(said, catalog)
    assert understood.people == ["Francis Ford Coppola"]
    assert understood.caveats[0].endswith("to mean Francis Ford Coppola; for Sofia Coppola, say the whole name.")


def test_two_who_direct_are_asked_about_and_no_actor_named(catalog):
    understood = understand("a film directed by Scott", catalog)
    assert understood.people == []
    assert understood.caveats[0].startswith('"Scott" could be Ridley Scott or Tony Scott;')


@pytest.mark.parametrize(("said", "person"), [("with Hanks", "Tom Hanks"), ("a Tarantino film", "Quentin Tarantino")])
def test_a_surname_no_one_else_well_known_carries_says_nothing_more(catalog, said, person):
    understood = understand(said, catalog)
    assert (understood.people, understood.caveats) == ([person], [])


def test_directed_by_names_no_one_who_only_acts(catalog):
    understood = understand("a drama directed by del toro", catalog)
    assert (understood.people, understood.caveats) == (
        ["Guillermo del Toro"],
        ['I took "del toro" to mean Guillermo del Toro.'],
    )


@pytest.mark.parametrize(
    ("said", "person", "others"),
    [("a movie with Owen", "Owen Wilson", "; for Clive Owen, say the whole name"),
     ("something with Guy", "Guy Pearce", "; for Guy Ritchie or Larry the Cable Guy, say the whole name"),
     ("a film by Guy", "Guy Ritchie", "; for Guy Pearce or Larry the Cable Guy, say the whole name")],
)  # fmt: skip
def test_a_surname_that_is_a_better_known_first_name_is_that_person(catalog, said, person, others):
    """ "something with Owen" asked for Clive Owen alone and "with Guy" for Larry the Cable Guy: the word is
    also the first name of someone better known here, who is now taken, and the other is named."""
    understood = understand(said, catalog)
    typed = said.split()[-1]
    assert (understood.people, understood.caveats) == ([person], [f'I took "{typed}" to mean {person}{others}.'])


def test_the_whole_name_is_still_that_person(catalog):
    understood = understand("Clive Owen movies", catalog)
    assert (understood.people, understood.caveats) == (["Clive Owen"], [])


@pytest.mark.parametrize("said", ["Tarantino or Scott", "scott or tarantino"])
def test_a_surname_several_carry_beside_another_said_alone_keeps_both(catalog, said):
    """ "Fincher or Scott" said "I didn't find a genre, person, film, era or theme I know in your message":
    a surname several people carry hid the one beside it, and was itself left unsaid."""
    understood = understand(said, catalog)
    assert understood.people + understood.any_people == ["Quentin Tarantino"]
    assert understood.caveats[0].startswith('"Scott" could be Ridley Scott, ')
