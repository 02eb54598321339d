"""More questions about a series: "how many harry potter films are there?" answered "My catalog has
11,008 films.", "which star wars film is best?" asked "Which movie do you mean?", "what's the last harry
potter movie?" gave picks with Deborah Harry, and "the first tom hanks movie" said "I couldn't find
“tom hanks” in my catalog", who is in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import SPACE, film
from tests.unit.test_series_members import CORLEONE, CRIME, FILMS, HALLOWS

RINGS = ["Elijah Wood", "Ian McKellen", "Viggo Mortensen"]
FEW = [
    film("The Godfather Saga", 1977, CRIME, CORLEONE, votes=20, rating=9.5),  # a TV cut: few votes
    film("The Lord of the Rings: The Fellowship of the Ring", 2001, ["adventure", "fantasy"], RINGS),
    film("The Lord of the Rings: The Two Towers", 2002, ["adventure", "fantasy"], RINGS),
    film("Star Wars: Episode III - Revenge of the Sith", 2005, SPACE, ["Ewan McGregor", "Natalie Portman"]),
    film("The Trilogy Box: 1990-1999", 1999, ["drama"], []),
    film("Zorro", 1998, ["action", "adventure"], ["Antonio Banderas"]),
    film("Zorro: The Animated Adventures", 2000, ["animation", "action"], ["Voice Actor"]),
    film("Horror of Dracula", 1958, ["horror"], ["Peter Cushing", "Christopher Lee"]),
    film("Horror Express", 1972, ["horror"], ["Christopher Lee", "Peter Cushing"]),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", [*FILMS, *FEW])


def test_how_many_films_a_series_has_counts_and_names_them(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("how many harry potter films are there?", user="cli:count")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(
        "I found 8 films of Harry Potter and the Philosopher's Stone (2001)'s series in my catalog: "
    ), answer["reply"]
    assert "It records no series" in answer["reply"]


def test_how_many_films_of_a_genre_is_still_the_catalog_count(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("how many crime films are there?", user="cli:countg")["reply"]
    assert "series" not in reply, reply


def test_the_best_film_of_a_series_is_ranked_by_rating_with_few_votes_said_apart(catalog, profiles):
    bot = make_bot(catalog, profiles)
    reply = bot.ask("which godfather film is best?", user="cli:best")["reply"]
    assert reply.startswith("By their ratings in my catalog, the films I found of The Godfather (1972)'s series rank:")
    assert "Rated by too few to rank with them: The Godfather Saga (1977) at 9.5/10 from 20 votes." in reply, reply
    first = bot.ask("tell me about the first one", user="cli:best")["reply"]
    assert "the first film of those I listed" in first, first


def test_the_last_film_of_a_series_is_its_latest(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("what's the last harry potter movie?", user="cli:last")["reply"]
    assert reply == (
        "The last film of Harry Potter and the Philosopher's Stone (2001)'s series in my catalog, by release year, "
        f"is {HALLOWS}: Part 2 (2011)."
    ), reply


def test_the_first_film_of_a_person_is_not_said_to_be_a_missing_title(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("the first al pacino movie", user="cli:person")["reply"]
    assert "couldn't find" not in reply, reply


@pytest.mark.parametrize("said", ["what's the newest horror movie", "the first horror movie"])
def test_the_newest_or_first_film_of_a_genre_is_no_series(catalog, profiles, said):
    """ "what's the newest horror movie" answered "The last film of Horror of Dracula (1958)'s series..."."""
    answer = make_bot(catalog, profiles).ask(said, user="cli:genre")
    assert "series" not in answer["reply"] and answer["recommendations"], answer["reply"]


def test_the_first_two_films_of_a_genre_are_no_series(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("the first two crime movies", user="cli:two")["reply"]
    assert "couldn't find" not in reply, reply


@pytest.mark.parametrize("said", ["is there a sequel to the fellowship of the ring", "fellowship of the ring sequels"])
def test_a_film_named_by_its_subtitle_is_the_film_asked_about(catalog, profiles, said):
    reply = make_bot(catalog, profiles).ask(said, user="cli:sub")["reply"]
    assert reply.startswith(
        "Later films of The Lord of the Rings: The Fellowship of the Ring (2001)'s series in my catalog: "
        "The Lord of the Rings: The Two Towers (2002)."
    ), reply


def test_an_episode_named_with_an_article_its_title_lacks_is_the_film_asked_about(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("what comes after the revenge of the sith", user="cli:the")["reply"]
    assert reply.startswith("The next film of Star Wars: Episode III - Revenge of the Sith (2005)'s series"), reply


def test_how_many_sequels_a_film_has_names_its_sequels(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("how many sequels does rocky have?", user="cli:howseq")["reply"]
    assert reply.startswith("Later films of Rocky (1976)'s series in my catalog: Rocky II (1979) and Rocky III"), reply


def test_what_order_the_films_of_a_series_go_in_is_their_order(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("what order do the lord of the rings movies go in?", user="cli:goin")
    assert reply["reply"].startswith(
        "The films I found of The Lord of the Rings: The Fellowship of the Ring (2001)'s"
    ), reply["reply"]


def test_a_film_named_by_its_title_before_the_colon_is_the_film_asked_about(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("is there a sequel to the trilogy box", user="cli:head")["reply"]
    assert reply.startswith("My catalog has no sequel to The Trilogy Box: 1990-1999 (1999)"), reply


def test_a_film_alone_in_its_series_but_for_a_spin_off_says_the_spin_off_was_left_out(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("in what order should I watch the zorro films", user="cli:zorro")["reply"]
    assert reply == (
        "My catalog has no other film of Zorro (1998)'s series, so it knows no order to watch them in. "
        "Zorro: The Animated Adventures (2000), animated, is left out as a spin-off."
    ), reply
