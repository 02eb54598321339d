""" "what comes after aliens?" said "My catalog has no sequel to Aliens (1986)", with Alien³ (1992) in
it: Alien, whose title Aliens makes plural, joins Aliens to its series, as it joins Aliens to Alien's."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.sequels import sequel_films
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import film

WEAVER = ["Sigourney Weaver"]
HORROR = ["sci-fi", "horror"]
FILMS = [
    film("Alien", 1979, HORROR, [*WEAVER, "Tom Skerritt"], directors=["Ridley Scott"]),
    film("Aliens", 1986, HORROR, [*WEAVER, "Michael Biehn"], directors=["James Cameron"]),
    film("Alien³", 1992, HORROR, [*WEAVER, "Charles S. Dutton"], directors=["David Fincher"], aka=["Alien 3"]),
    film("Alien: Resurrection", 1997, HORROR, [*WEAVER, "Winona Ryder"], directors=["Jean-Pierre Jeunet"]),
    film("Hooks", 2001, ["drama"], ["Tom Skerritt"]),  # a plural title of no earlier film of it
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


def test_what_comes_after_a_plural_sequel_goes_on_through_its_series(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("what comes after aliens?", user="cli:aliens")
    assert (
        answer["reply"] == "The next film of Aliens (1986)'s series in my catalog, by release year, is Alien³ (1992)."
    )


def test_a_plural_sequel_has_the_later_films_of_its_series(catalog):
    assert [m.title for m in sequel_films("aliens-1986", catalog)] == ["Alien³", "Alien: Resurrection"]
