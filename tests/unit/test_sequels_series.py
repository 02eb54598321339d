"""Sequels beyond the titles that carry a film's title on, and prequels never called sequels:
"the fast and the furious sequels" missed Furious 7 and The Fate of the Furious (a series was
found by its title's words only), and "star wars sequels" listed Episodes I-III among the
later films, as if they followed Star Wars (1977)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.sequels import sequels_said
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot

FAST = ["Vin Diesel", "Paul Walker", "Michelle Rodriguez"]
SKY = ["Mark Hamill", "Harrison Ford", "Carrie Fisher"]
ACTION = ["action", "crime", "thriller"]
SPACE = ["adventure", "action", "sci-fi"]


def film(title: str, year: int, genres: list[str], cast: list[str], **more) -> dict:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return {"id": f"{slug}-{year}", "title": title, "year": year, "genres": genres, "cast": cast, "votes": 1000,
            "rating": 7.0, "overview": f"{title}, a film.", **more}  # fmt: skip


FILMS = [
    film("The Fast and the Furious", 2001, ACTION, FAST),
    film("2 Fast 2 Furious", 2003, ACTION, ["Paul Walker", "Tyrese Gibson"], aka=["The Fast and the Furious 2"]),
    film("Fast Five", 2011, ACTION, FAST),
    film("Furious 7", 2015, ACTION, ["Vin Diesel", "Paul Walker", "Dwayne Johnson"]),
    film("The Fate of the Furious", 2017, [*ACTION, "drama"], []),  # nobody credited: its genres tell
    film("Kung Fu Panda: Secrets of the Furious Five", 2008, ["animation", "family"], ["Jack Black"]),
    film("Star Wars", 1977, SPACE, SKY, aka=["Star Wars: Episode IV - A New Hope"]),
    film("The Empire Strikes Back", 1980, SPACE, SKY, aka=["Star Wars: Episode V - The Empire Strikes Back"]),
    film("Star Wars: Episode I - The Phantom Menace", 1999, SPACE, ["Liam Neeson", "Ewan McGregor"]),
    film("Star Wars: Episode II - Attack of the Clones", 2002, SPACE, ["Ewan McGregor", "Natalie Portman"]),
    film("Star Wars: Episode VII - The Force Awakens", 2015, SPACE, ["Daisy Ridley", "Harrison Ford"]),
    film("Heat", 1995, ACTION, ["Al Pacino", "Robert De Niro"]),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


def test_later_films_of_a_series_whose_titles_change_are_found_by_a_title_word_and_the_leads(catalog):
    said = sequels_said("the-fast-and-the-furious-2001", catalog)
    assert said.startswith(
        "Later films of The Fast and the Furious (2001)'s series in my catalog: 2 Fast 2 Furious (2003), "
        "Fast Five (2011), Furious 7 (2015) and The Fate of the Furious (2017)."
    ), said
    assert "Kung Fu Panda" not in said
    assert "Of these, Fast Five (2011), Furious 7 (2015) and The Fate of the Furious (2017) are joined" in said


def test_prequels_made_later_are_said_apart_and_never_called_sequels(catalog):
    said = sequels_said("star-wars-1977", catalog)
    assert said.startswith(
        "Later films of Star Wars (1977)'s series in my catalog: The Empire Strikes Back (1980) and "
        "Star Wars: Episode VII - The Force Awakens (2015). Star Wars: Episode I - The Phantom Menace (1999) "
        "and Star Wars: Episode II - Attack of the Clones (2002) came out later but are prequels, numbered "
        "before Episode IV, not sequels."
    ), said
    empire = sequels_said("the-empire-strikes-back-1980", catalog)
    assert "Episode I - The Phantom Menace (1999)" not in empire.split(".")[0], empire
    assert "numbered before Episode V" in empire


def test_a_film_without_sequels_still_has_none(catalog):
    assert sequels_said("heat-1995", catalog).startswith("My catalog has no sequel to Heat (1995)")


def test_chat_answers_star_wars_sequels_with_the_prequels_apart(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("star wars sequels", user="cli:sw")["reply"]
    listed = reply.split(". ")[0]
    assert "Empire Strikes Back" in listed and "Phantom Menace" not in listed, reply
    assert "are prequels" in reply


def test_films_numbered_after_one_but_made_before_it_are_said_so(catalog):
    said = sequels_said("star-wars-episode-i-the-phantom-menace-1999", catalog)
    assert said.endswith(
        "Star Wars (1977) and The Empire Strikes Back (1980), numbered after Episode I, came out before it."
    ), said


def test_a_long_title_with_its_punctuation_is_asked_about_not_read_as_a_theme(catalog, profiles):
    """ "does star wars: episode ii - attack of the clones have a sequel?" answered picks "about
    'sequel'": the colon and dash counted as words, and nine "words" were too many for a title."""
    answer = make_bot(catalog, profiles).ask(
        "does star wars: episode ii - attack of the clones have a sequel?", user="cli:long"
    )
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith("Later films of Star Wars: Episode II - Attack of the Clones (2002)'s series")


@pytest.mark.parametrize(
    ("said", "film"),
    [("sequels to the phantom menace", "Star Wars: Episode I - The Phantom Menace (1999)"),
     ("star wars: the force awakens sequels", "Star Wars: Episode VII - The Force Awakens (2015)")],
)  # fmt: skip
def test_an_episode_named_as_people_name_it_is_the_film_asked_about(catalog, profiles, said, film):
    """ "sequels to the phantom menace" answered "I couldn't find “the phantom menace” in my catalog",
    which holds it as "Star Wars: Episode I - The Phantom Menace"."""
    answer = make_bot(catalog, profiles).ask(said, user="cli:ep")
    assert answer["recommendations"] == [] and "couldn't find" not in answer["reply"], answer["reply"]
    assert answer["reply"].startswith((f"Later films of {film}'s series", f"My catalog has no sequel to {film}"))
