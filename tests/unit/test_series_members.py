"""Which films make a series, and how a series answer is asked about and pointed at: "in what order
should I watch harry potter" listed 6 of the catalog's 8 films (the two Deathly Hallows parts, with
nobody credited, were never joined), "star wars sequels" listed the animated Star Wars: The Clone
Wars, "godfather 2 sequels" read "sequel" as a theme, and "the third one" after a series' films
meant the third pick of an earlier answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent import sequels
from agent.sequels import order_said, sequels_said
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


def test_a_series_joins_its_uncredited_films_whose_titles_begin_as_all_of_its_titles_do(catalog):
    said = order_said("harry-potter-and-the-philosopher-s-stone-2001", catalog)
    listed = said.split(" It records no series")[0]
    assert listed.endswith(f"{HALLOWS}: Part 1 (2010) and {HALLOWS}: Part 2 (2011)."), said
    assert listed.count("Harry Potter and the") == 9 and "Harry Brown" not in said, said
    assert said.endswith("Part 2 (2011), with no one credited, are joined by the words all its titles open with."), said


@pytest.mark.parametrize(
    "said", ["in what order should I watch harry potter", "what order for the harry potter films?",
             "in what order should I watch the harry potter movies"]
)  # fmt: skip
def test_the_harry_potter_watch_order_lists_all_eight_films(catalog, profiles, said):
    answer = make_bot(catalog, profiles).ask(said, user="cli:hp")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(
        "The films I found of Harry Potter and the Philosopher's Stone (2001)'s series in my catalog"
    ), answer["reply"]
    assert answer["reply"].split(" It records")[0].count("Harry Potter and the") == 9, answer["reply"]


def test_an_animated_spin_off_is_no_sequel_of_a_live_action_film_and_is_said_apart(catalog):
    said = sequels_said("star-wars-1977", catalog)
    listed = said.split(". ")[0]
    assert "The Empire Strikes Back (1980)" in listed and "Force Awakens" in listed, said
    assert "Clone Wars" not in listed, said
    assert "Star Wars: The Clone Wars (2008), animated, is left out as a spin-off" in said, said


def test_the_order_of_a_series_leaves_its_animated_spin_off_out_too(catalog):
    said = order_said("star-wars-1977", catalog)
    assert "Clone Wars (2008), animated, is left out as a spin-off" in said and said.count("Clone Wars") == 1, said


def test_an_animated_series_keeps_its_animated_films(catalog):
    said = sequels_said("toy-story-1995", catalog)
    assert said.startswith(
        "Later films of Toy Story (1995)'s series in my catalog: Toy Story 2 (1999) and Toy Story 3"
    ), said


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


@pytest.mark.parametrize("said", ["the third one", "tell me about the third one", "who directed the third one?"])
def test_the_third_one_after_a_series_order_is_the_third_film_listed(catalog, profiles, said):
    bot = make_bot(catalog, profiles)
    bot.ask("heat", user="cli:third")  # picks first: "the third one" must not mean the third pick
    bot.ask("in what order should I watch the godfather films?", user="cli:third")
    reply = bot.ask(said, user="cli:third")["reply"]
    assert "The Godfather: Part III (1990)" in reply, reply
    assert "the third film of those I listed" in reply, reply


def test_the_second_one_after_a_films_sequels_is_the_second_sequel(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("rocky sequels", user="cli:second")
    reply = bot.ask("tell me about the second one", user="cli:second")["reply"]
    assert "Rocky III (1982)" in reply and "the second film of those I listed" in reply, reply


def test_places_go_by_the_series_listed_while_pointed_at_and_by_new_picks_after(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("what order for the godfather films?", user="cli:keep")
    bot.ask("the third one", user="cli:keep")
    directed = bot.ask("who directed the second one?", user="cli:keep")["reply"]
    assert "The Godfather: Part II (1974), the second film of those I listed" in directed, directed
    picks = bot.ask("more like the second one", user="cli:keep")
    first = picks["recommendations"][0]["title"]
    reply = bot.ask("tell me about the first one", user="cli:keep")["reply"]
    assert reply.startswith(first) and "those I listed" not in reply, reply


def test_the_sequels_of_a_film_seen_with_its_sequels_are_found_once_a_turn(catalog, profiles, monkeypatch):
    calls = []
    found = sequels.sequel_films
    monkeypatch.setattr("agent.nodes.understand.sequel_films", lambda *a: calls.append(a) or found(*a))
    reply = make_bot(catalog, profiles).ask("I watched rocky and its sequels", user="cli:once")["reply"]
    assert "Rocky II (1979) and Rocky III (1982)" in reply, reply
    assert len(calls) == 1, calls
