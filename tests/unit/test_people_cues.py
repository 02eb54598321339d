""" "Something by P.T. Anderson" found no one and "a PT Anderson film" was taken to mean Sean Anders:
initials and a surname name the one person whose first names begin so. "A film directed by del toro"
and "something with del toro" said the name could be Benicio or Guillermo del Toro: the role asked
settles it when only one of them is credited mostly in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.understanding.reader import understand
from tests.conftest import write_jsonl
from tests.unit.test_sequels_series import film

DRAMA = ["drama"]
FILMS = [
    film("Sicario", 2015, ["crime", "thriller"], ["Emily Blunt", "Benicio del Toro"], directors=["Denis Villeneuve"]),
    film("Traffic", 2000, ["crime", "drama"], ["Michael Douglas", "Benicio del Toro"], directors=["Steven Soderbergh"]),
    film("Snatch", 2000, ["crime", "comedy"], ["Jason Statham", "Benicio del Toro"], directors=["Guy Ritchie"]),
    film("Cronos", 1993, ["horror"], ["Federico Luppi", "Ron Perlman"], directors=["Guillermo del Toro"]),
    film("Pan's Labyrinth", 2006, ["fantasy", "drama"], ["Ivana Baquero"], directors=["Guillermo del Toro"]),
    film("Pacific Rim", 2013, ["action", "sci-fi"], ["Idris Elba", "Charlie Hunnam"], directors=["Guillermo del Toro"]),
    film("Magnolia", 1999, DRAMA, ["Tom Cruise", "Julianne Moore"], directors=["Paul Thomas Anderson"]),
    film("There Will Be Blood", 2007, DRAMA, ["Daniel Day-Lewis"], directors=["Paul Thomas Anderson"]),
    film("Boogie Nights", 1997, DRAMA, ["Mark Wahlberg"], directors=["Paul Thomas Anderson"]),
    film("Rushmore", 1998, ["comedy"], ["Jason Schwartzman", "Bill Murray"], directors=["Wes Anderson"]),
    film("The Royal Tenenbaums", 2001, ["comedy"], ["Gene Hackman"], directors=["Wes Anderson"]),
    film("Fantastic Mr. Fox", 2009, ["animation"], ["George Clooney"], directors=["Wes Anderson"]),
    film("Horrible Bosses 2", 2014, ["comedy"], ["Jason Bateman"], directors=["Sean Anders"]),
    film("Daddy's Home", 2015, ["comedy"], ["Will Ferrell"], directors=["Sean Anders"]),
    film("Star Trek", 2009, ["sci-fi"], ["Chris Pine"], directors=["J.J. Abrams"]),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


@pytest.mark.parametrize(
    ("said", "person"),
    [("something by P.T. Anderson", "Paul Thomas Anderson"),
     ("a PT Anderson film", "Paul Thomas Anderson"),
     ("something by pt anderson", "Paul Thomas Anderson"),
     ("a film by P. T. Anderson from the 90s", "Paul Thomas Anderson"),
     ("jj abrams movies", "J.J. Abrams")],
)  # fmt: skip
def test_initials_and_a_surname_name_the_person(catalog, said, person):
    understood = understand(said, catalog)
    assert understood.people == [person]
    assert not any("Sean Anders" in caveat for caveat in understood.caveats)


@pytest.mark.parametrize(
    ("said", "person", "role", "others"),
    [("a film directed by del toro", "Guillermo del Toro", "directing", ""),
     ("something with del toro", "Benicio del Toro", "acting", "; for Guillermo del Toro, say the whole name"),
     ("starring del toro", "Benicio del Toro", "acting", "")],
)  # fmt: skip
def test_the_role_asked_settles_a_surname_two_people_carry(catalog, said, person, role, others):
    """A loose "with" may mean a director's films too ("something with Tarantino"), so the other is named."""
    understood = understand(said, catalog)
    assert understood.people == [person] and getattr(understood, role) == [person]
    assert understood.caveats == [f'I took "del toro" to mean {person}{others}.']


def test_a_surname_two_people_carry_without_a_role_is_still_asked(catalog):
    understood = understand("a del toro film", catalog)
    assert understood.people == [] and understood.caveats[0].startswith('"Del Toro" could be')


def test_a_surname_several_carry_is_not_taken_for_a_misspelt_name(catalog):
    """ "an anderson film" said "could be ... Anderson" and then "I took "anderson" to mean Sean Anders"."""
    understood = understand("an anderson film", catalog)
    assert understood.people == [] and not any("Sean Anders" in c for c in understood.caveats), understood.caveats


@pytest.mark.parametrize("said", ["no more nolan please", "no more christopher nolan", "nothing more by nolan"])
def test_no_more_of_a_person_refuses_them(said):
    """ "no more christopher nolan" asked for Nolan's films, and "no more nolan please" read nothing (its
    picks had Inception and The Dark Knight): "no more" refuses the person, as "no nolan" does."""
    from tests.unit.test_understanding import LOOKUP

    understood = understand(said, LOOKUP)
    assert (understood.people, understood.exclude_people) == ([], ["Christopher Nolan"])


def test_both_people_named_after_a_cue_are_asked_for():
    """ "anything with both pacino and de niro" said "I didn't find a genre, person, film, era or theme I
    know in your message": "both" between the cue and the names hid the cue."""
    from tests.unit.test_understanding import LOOKUP

    understood = understand("anything with both pacino and de niro", LOOKUP)
    assert understood.people == ["Al Pacino", "Robert De Niro"]


class _Counted(dict):
    """The catalog's films, counting the reads of every one of them."""

    scans = 0

    def values(self):
        self.scans += 1
        return super().values()


def test_the_role_asked_settles_a_shared_surname_without_reading_every_film(catalog):
    """ "a film directed by del toro" counted each carrier's credits over every film of the catalog, each time."""
    understand("a film directed by del toro", catalog)  # the catalog's indexes are built
    catalog.movies = counted = _Counted(catalog.movies)
    assert understand("a film directed by del toro", catalog).people == ["Guillermo del Toro"]
    assert understand("something with del toro", catalog).people == ["Benicio del Toro"]
    assert counted.scans == 0
