"""The series a question means: "in what order should I watch the lord of the rings" listed the animated
The Lord of the Rings (1978) first and "what comes after the lord of the rings" answered The Fellowship of
the Ring (2001); "is there a third godfather movie" gave three picks and "how many alien films are there"
counted sci-fi films, each read as a theme, not a question about a series."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent import sequels
from agent.sequels import series_answer
from agent.understanding.sequels import series_asked
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import film
from tests.unit.test_series_members import FILMS

RINGS = ["Elijah Wood", "Ian McKellen", "Viggo Mortensen"]
QUEST = ["adventure", "fantasy", "action"]
RIPLEY = ["Sigourney Weaver", "Tom Skerritt", "John Hurt"]
FELLOWSHIP = "The Lord of the Rings: The Fellowship of the Ring (2001)"
MORE = [
    film("The Lord of the Rings", 1978, ["adventure", "animation", "fantasy"], []),  # nobody credited
    film("The Lord of the Rings: The Fellowship of the Ring", 2001, QUEST, RINGS, directors=["Peter Jackson"]),
    film("The Lord of the Rings: The Two Towers", 2002, QUEST, RINGS, directors=["Peter Jackson"]),
    film("The Lord of the Rings: The Return of the King", 2003, QUEST, RINGS, directors=["Peter Jackson"]),
    film("Alien", 1979, ["horror", "sci-fi"], RIPLEY, directors=["Ridley Scott"]),
    film("Aliens", 1986, ["action", "sci-fi"], RIPLEY, directors=["James Cameron"]),
    film("Alien: Resurrection", 1997, ["action", "sci-fi"], ["Sigourney Weaver", "Winona Ryder"]),
    film("Alien Nation", 1988, ["crime", "sci-fi"], ["James Caan"]),
    film("Zombie", 1979, ["horror"], ["Tisa Farrow"]),
    film("Zombie Holiday", 1980, ["horror", "comedy"], ["Someone Else"]),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", [*FILMS, *MORE])


def test_the_watch_order_of_a_series_named_by_an_animated_film_is_the_live_action_films(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("in what order should I watch the lord of the rings", user="cli:lotr")
    reply = answer["reply"]
    assert answer["recommendations"] == [], reply
    assert f"in release order: {FELLOWSHIP}, The Lord of the Rings: The Two Towers (2002) and" in reply, reply
    assert "The Lord of the Rings (1978), animated, shares no one credited with these films, so it is left out" in reply


def test_what_comes_after_a_series_named_by_an_animated_film_goes_on_from_the_live_action_films(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("what comes after the lord of the rings", user="cli:lotrn")["reply"]
    assert reply.startswith("By The Lord of the Rings I took the live-action films to be meant."), reply
    assert f"The next film of {FELLOWSHIP}'s series in my catalog, by release year, is The Lord of the Rings: " in reply
    assert "is The Lord of the Rings: The Two Towers (2002)." in reply, reply
    assert "The Lord of the Rings (1978), animated, shares no one credited with these films" in reply, reply


def test_the_animated_film_asked_for_by_its_year_is_still_its_own_series(catalog):
    said, _ = series_answer("next", ["the-lord-of-the-rings-1978"], catalog, "what follows the lord of the rings 1978")
    assert (
        said
        == f"The next film of The Lord of the Rings (1978)'s series in my catalog, by release year, is {FELLOWSHIP}."
    )


def test_is_there_a_third_film_of_a_series_is_answered_from_the_series(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("is there a third godfather movie", user="cli:third")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"] == (
        "The third film of The Godfather (1972)'s series in my catalog, by release year, is "
        "The Godfather: Part III (1990)."
    )


def test_is_there_a_numbered_film_past_the_series_says_how_many_it_has_without_a_stray_article(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("is there a godfather 4", user="cli:four")
    assert answer["recommendations"] == [], answer["reply"]
    assert "I found only 3 films of The Godfather (1972)'s series in my catalog, by release year: " in answer["reply"]
    assert "a godfather" not in answer["reply"].casefold(), answer["reply"]
    assert answer["reply"].startswith("I found only 3 films"), answer["reply"]


def test_how_many_films_of_a_series_named_by_a_theme_word_counts_the_series(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("how many alien films are there", user="cli:aliens")
    assert answer["reply"].startswith(
        "I found 3 films of Alien (1979)'s series in my catalog: Alien (1979), Aliens (1986) and Alien: Resurrection"
    ), answer["reply"]
    zombies = make_bot(catalog, profiles).ask("how many zombie films are there", user="cli:zombies")["reply"]
    assert "series" not in zombies, zombies


def test_a_film_seen_with_sequels_it_has_none_of_in_a_request_says_so(catalog, profiles):
    """ "I've seen heat and its sequels, anything else?" said only "Noted: you've seen Heat (1995).", as
    if its sequels had been marked too: the request dropped the films that have none."""
    answer = make_bot(catalog, profiles).ask("I've seen heat and its sequels, anything else?", user="cli:heatseq")
    assert answer["reply"].startswith(
        "Noted: you've seen Heat (1995). My catalog has no sequel to Heat (1995), so none was marked."
    ), answer["reply"]
    assert answer["recommendations"], answer["reply"]


class _Counted(dict):
    """The catalog's films, counting the reads of every one of them."""

    scans = 0

    def values(self):
        self.scans += 1
        return super().values()


def test_films_named_by_their_subtitles_are_found_without_reading_every_title_each_question(catalog):
    """Each series question naming a film by its subtitle read every title of the catalog two or three times."""
    said = ("what comes after the two towers", "the force awakens sequels", "what order for the godfather trilogy")
    first = [series_asked(text, catalog) for text in said]  # the catalog's indexes are built
    catalog.movies = counted = _Counted(catalog.movies)
    assert [series_asked(text, catalog) for text in said] == first
    assert [film.title for _, film in first[:2]] == [
        "The Lord of the Rings: The Two Towers",
        "Star Wars: Episode VII - The Force Awakens",
    ]
    assert counted.scans == 0


@pytest.mark.parametrize("fact", ["order", "series_count", "series_best", "sequels", "next", "third"])
def test_a_series_answer_finds_the_series_once(catalog, monkeypatch, fact):
    """One answer found its film's series five or six times over, each a search of the catalog's titles."""
    calls = []
    found = sequels._by_franchise_words
    monkeypatch.setattr(sequels, "_by_franchise_words", lambda *args: calls.append(args) or found(*args))
    text, _ = series_answer(fact, ["the-godfather-1972"], catalog)
    assert "The Godfather: Part I" in text and len(calls) == 1, (text, len(calls))


def test_the_first_two_films_of_a_series_named_by_an_animated_film_are_the_live_action_films(catalog, profiles):
    """ "I've seen the first two lord of the rings movies" marked The Lord of the Rings (1978) and The Fellowship."""
    reply = make_bot(catalog, profiles).ask("I watched the first two lord of the rings movies", user="cli:two")["reply"]
    assert reply.startswith(f"Got it: {FELLOWSHIP} and The Lord of the Rings: The Two Towers (2002) marked"), reply
