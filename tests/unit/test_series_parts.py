"""Film series whose titles hold a "Part N": "what is the first hunger games movie?" said "By
episode number it is The Hunger Games: Mockingjay - Part 1 (2014)" (a part of one title is not the
film's place in the series), and "what comes after harry potter and the deathly hallows part 1?"
said no later film carries its title on, though Part 2 was in the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.sequels import next_said, place_said
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import film

GAMES = ["Jennifer Lawrence", "Josh Hutcherson", "Liam Hemsworth"]
WIZARDS = ["Daniel Radcliffe", "Rupert Grint", "Emma Watson"]
CORLEONE = ["Al Pacino", "Robert Duvall", "Diane Keaton"]
ADVENTURE = ["adventure", "sci-fi"]
CRIME = ["crime", "drama"]
FILMS = [
    film("The Hunger Games", 2012, ADVENTURE, GAMES),
    film("The Hunger Games: Catching Fire", 2013, ADVENTURE, GAMES),
    film("The Hunger Games: Mockingjay - Part 1", 2014, ADVENTURE, GAMES),
    film("The Hunger Games: Mockingjay - Part 2", 2015, ADVENTURE, GAMES),
    film("Harry Potter and the Philosopher's Stone", 2001, ADVENTURE, WIZARDS),
    film("Harry Potter and the Chamber of Secrets", 2002, ADVENTURE, WIZARDS),
    film("Harry Potter and the Deathly Hallows: Part 1", 2010, ADVENTURE, []),  # credited to no one, as in TMDB
    film("Harry Potter and the Deathly Hallows: Part 2", 2011, [*ADVENTURE, "drama"], []),
    film("The Godfather", 1972, CRIME, CORLEONE),
    film("The Godfather: Part II", 1974, CRIME, CORLEONE),
    film("The Godfather: Part III", 1990, CRIME, CORLEONE),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


def test_a_part_of_one_title_is_not_the_films_place_in_its_series(catalog):
    said = place_said("the-hunger-games-2012", catalog)
    assert said == (
        "The first film of The Hunger Games (2012)'s series in my catalog, by release year, is The Hunger Games (2012)."
    )


def test_a_part_after_the_series_name_still_numbers_it(catalog):
    said = place_said("the-godfather-1972", catalog, "second")
    assert said == (
        "The second film of The Godfather (1972)'s series in my catalog, by release year, "
        "is The Godfather: Part II (1974)."
    )


def test_titles_that_differ_only_by_their_last_part_number_are_one_series(catalog):
    """ "what comes after harry potter and the deathly hallows part 1?" said no later film carries its title on."""
    said = next_said("harry-potter-and-the-deathly-hallows-part-1-2010", catalog)
    assert said == (
        "The next film of Harry Potter and the Deathly Hallows: Part 1 (2010)'s series in my catalog, by release "
        "year, is Harry Potter and the Deathly Hallows: Part 2 (2011)."
    )


@pytest.mark.parametrize(
    ("said", "film"),
    [
        ("what is the first harry potter movie?", "first film of Harry Potter and the Philosopher's Stone (2001)'s "
         "series in my catalog, by release year, is Harry Potter and the Philosopher's Stone (2001)."),
        ("what is the second harry potter movie?", "second film of Harry Potter and the Philosopher's Stone (2001)'s "
         "series in my catalog, by release year, is Harry Potter and the Chamber of Secrets (2002)."),
    ],
)  # fmt: skip
def test_a_series_named_by_its_titles_opening_words_is_found(catalog, profiles, said, film):
    """ "what is the first harry potter movie?" said "I couldn't find “harry potter” in my catalog"."""
    answer = make_bot(catalog, profiles).ask(said, user="cli:hp")
    assert answer["recommendations"] == [] and answer["reply"] == f"The {film}", answer["reply"]
