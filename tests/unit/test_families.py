"""A family named by its surname ("the Hemsworth brothers", "with the Afflecks") is the people of that
surname the catalog credits: the words were dropped, and the picks were a guess naming no one."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_MOVIES
from tests.unit.test_requests_honoured import catalog_of, make_bot


def film(n: int, title: str, cast: list[str]) -> dict:
    return {**SAMPLE_MOVIES[0], "id": f"{title.lower().replace(' ', '-')}-{2000 + n}", "title": title,
            "year": 2000 + n, "cast": cast, "directors": ["Someone Else"], "genres": ["action"], "votes": 5000 + n,
            "keywords": [], "moods": [], "overview": "A man has one day to set things right."}  # fmt: skip


CHRIS = [film(n, f"Thunder Hammer {n}", ["Chris Hemsworth", "Tess Grey"]) for n in range(5)]
LIAM = [film(n, f"Arena Games {n}", ["Liam Hemsworth", "Tess Grey"]) for n in range(5, 8)]
BEN = [film(n, f"Boston Job {n}", ["Ben Affleck", "Tess Grey"]) for n in range(8, 12)]
CASEY = [film(n, f"Quiet Winter {n}", ["Casey Affleck", "Tess Grey"]) for n in range(12, 15)]
BOTH = [film(15, "Smoke Break", ["Ben Affleck", "Casey Affleck"])]
HEMSWORTHS = {"Chris Hemsworth", "Liam Hemsworth"}
AFFLECKS = {"Ben Affleck", "Casey Affleck"}


@pytest.fixture
def catalog(tmp_path):
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, *CHRIS, *LIAM, *BEN, *CASEY, *BOTH])
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("said", "typed", "family", "together"),
    [
        ("something with the Hemsworth brothers", "the Hemsworth brothers", HEMSWORTHS, "no film here has both"),
        ("the Hemsworths' films", "the Hemsworths", HEMSWORTHS, "no film here has both"),
        ("a movie with the Afflecks", "the Afflecks", AFFLECKS, "Smoke Break (2015) has both"),
        ("Affleck brothers movies", "Affleck brothers", AFFLECKS, "Smoke Break (2015) has both"),
    ],
)
def test_a_family_by_surname_is_those_people(catalog, profiles, said, typed, family, together):
    answer = make_bot(catalog, profiles).ask(said, user="cli:ann")
    names = sorted(
        family, key=lambda name: name != ("Chris Hemsworth" if "Chris Hemsworth" in family else "Ben Affleck")
    )
    assert f'I took "{typed}" to mean {names[0]} or {names[1]}; {together}.' in answer["reply"]
    assert answer["recommendations"]
    for pick in answer["recommendations"]:
        assert family & set(catalog.movies[pick["id"]].cast), pick["title"]


def test_a_family_refused_is_every_one_of_them(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("an action film, nothing with the Afflecks", user="cli:bo")
    assert answer["recommendations"]
    for pick in answer["recommendations"]:
        assert not AFFLECKS & set(catalog.movies[pick["id"]].cast), pick["title"]


def test_a_family_as_the_subject_is_no_cast(catalog, profiles):
    """ "a film about the Hemsworth brothers" is a story about them, not their films."""
    answer = make_bot(catalog, profiles).ask("a film about the Hemsworth brothers", user="cli:cy")
    assert "I took" not in answer["reply"]
    assert answer["understood"]["any_people"] == []
