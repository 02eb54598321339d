"""Which films make a series, and how a series answer is asked about and pointed at: "in what order
should I watch harry potter" listed 6 of the catalog's 8 films (the two Deathly Hallows parts, with
nobody credited, were never joined), "star wars sequels" listed the animated Star Wars: The Clone
Wars, "godfather 2 sequels" read "sequel" as a theme, and "the third one" after a series' films
meant the third pick of an earlier answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import SKY, SPACE, film

POTTER = ["Daniel Radcliffe", "Rupert Grint", "Emma Watson"]
MAGIC = ["adventure", "fantasy", "family"]
CORLEONE = ["Al Pacino", "Marlon Brando", "James Caan"]
CRIME = ["drama", "crime"]
STALLONE = ["Sylvester Stallone", "Talia Shire", "Burt Young"]
MARTY = ["Michael J. Fox", "Christopher Lloyd", "Lea Thompson"]
TOYS = ["Tom Hanks", "Tim Allen", "Don Rickles"]
HALLOWS = "Harry Potter and the Deathly Hallows"
FILMS = [
    film("Harry Potter and the Philosopher's Stone", 2001, MAGIC, POTTER),
    film("Harry Potter and the Chamber of Secrets", 2002, MAGIC, POTTER),
    film("Harry Potter and the Prisoner of Azkaban", 2004, MAGIC, POTTER),
    film("Harry Potter and the Goblet of Fire", 2005, [*MAGIC, "thriller"], POTTER),
    film("Harry Potter and the Order of the Phoenix", 2007, MAGIC, POTTER),
    film("Harry Potter and the Half-Blood Prince", 2009, MAGIC, POTTER),
    film(f"{HALLOWS}: Part 1", 2010, ["action", "adventure", "fantasy"], []),  # nobody credited, as in MovieLens
    film(f"{HALLOWS}: Part 2", 2011, ["action", "adventure", "drama", "fantasy"], []),
    film("Harry Brown", 2009, CRIME, ["Michael Caine"]),
    film("Star Wars", 1977, SPACE, SKY, aka=["Star Wars: Episode IV - A New Hope"]),
    film("The Empire Strikes Back", 1980, SPACE, SKY, aka=["Star Wars: Episode V - The Empire Strikes Back"]),
    film("Star Wars: The Clone Wars", 2008, ["animation", "action", "sci-fi"], ["Matt Lanter", "Ashley Eckstein"]),
    film("Star Wars: Episode VII - The Force Awakens", 2015, SPACE, ["Daisy Ridley", "Harrison Ford"]),
    film("The Godfather", 1972, CRIME, CORLEONE),
    film("The Godfather: Part II", 1974, CRIME, ["Al Pacino", "Robert Duvall", "Diane Keaton"]),
    film("The Godfather: Part III", 1990, CRIME, ["Al Pacino", "Andy Garcia", "Diane Keaton"]),
    film("Rocky", 1976, ["drama"], STALLONE),
    film("Rocky II", 1979, ["drama"], STALLONE),
    film("Rocky III", 1982, ["drama"], STALLONE),
    film("Back to the Future", 1985, ["adventure", "comedy", "sci-fi"], MARTY),
    film("Back to the Future Part II", 1989, ["adventure", "comedy", "sci-fi"], MARTY),
    film("Back to the Future Part III", 1990, ["adventure", "comedy", "western"], MARTY),
    film("Toy Story", 1995, ["animation", "comedy", "family"], TOYS),
    film("Toy Story 2", 1999, ["animation", "comedy", "family"], TOYS),
    film("Toy Story 3", 2010, ["animation", "comedy", "family"], TOYS),
    film("Heat", 1995, ["action", "crime", "thriller"], ["Al Pacino", "Robert De Niro"]),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


@pytest.mark.parametrize(
    ("said", "film"),
    [("godfather 2 sequels", "The Godfather: Part II (1974)"),
     ("what comes after godfather part 2", "The Godfather: Part II (1974)"),
     ("what comes after the godfather part ii", "The Godfather: Part II (1974)"),
     ("what comes after rocky 2", "Rocky II (1979)"),
     ("what comes after back to the future 2", "Back to the Future Part II (1989)"),
     ("back to the future part iii sequels", "Back to the Future Part III (1990)"),
     ("toy story iii sequels", "Toy Story 3 (2010)")],
)  # fmt: skip
def test_a_sequel_named_by_its_number_either_way_is_the_film_asked_about(catalog, profiles, said, film):
    answer = make_bot(catalog, profiles).ask(said, user="cli:num")
    assert answer["recommendations"] == [], answer["reply"]
    assert f"{film}'s series" in answer["reply"] or f"sequel to {film}" in answer["reply"], answer["reply"]


def test_a_bare_sequel_title_typed_with_a_digit_is_not_said_to_be_unknown(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("godfather part 2", user="cli:bare")["reply"]
    assert "I didn't find a genre, person, film" not in reply, reply
