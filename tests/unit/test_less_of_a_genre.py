""" "Movies like the dark knight but with less action" was read as "no action" (exclude_genres:
[action]) and said so: less of a genre is not none of it. It now leans away from the genre (films
mostly of it rank lowest, none is left out) and says "leaning away from action"; "no action" and
"without action" stay refusals."""

from __future__ import annotations

import pytest

from agent.scoring import leaned_away
from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "genre"),
    [
        ("movies like the dark knight but with less action", "action"),
        ("a comedy with less romance", "romance"),
        ("a drama without so much romance", "romance"),
        ("not as much action", "action"),
        ("something less scary", "horror"),
    ],
)
def test_less_of_a_genre_leans_away_from_it_and_refuses_nothing(starter, said, genre):
    understood = understand(said, starter)
    assert genre not in understood.exclude_genres and genre not in understood.genres
    assert understood.lean_away_genres == [genre]


@pytest.mark.parametrize("said", ["a thriller with no action", "a thriller without action", "nothing romantic"])
def test_no_genre_stays_a_refusal(starter, said):
    understood = understand(said, starter)
    assert understood.exclude_genres and not understood.lean_away_genres


def test_less_of_one_and_more_of_another_refuses_neither(starter):
    understood = understand("less sci-fi and more drama", starter)
    assert understood.exclude_genres == []
    assert understood.lean_away_genres == ["sci-fi"] and understood.soft_genres == ["drama"]


def test_a_film_mostly_of_the_genre_costs_most():
    assert leaned_away(["action", "crime"], {"action"}) > leaned_away(["crime", "action"], {"action"}) > 0
    assert leaned_away(["crime", "drama"], {"action"}) == 0


def test_less_action_is_said_as_a_lean_not_a_refusal(starter, profiles):
    answer = make_bot(starter, profiles).ask("a crime thriller with less action", user="cli:less")
    assert answer["understood"]["exclude_genres"] == []
    assert "leaning away from action" in answer["intro"], answer["intro"]
    assert "no action" not in answer["reply"]


def test_fewer_jump_scares_is_said_to_be_unrecorded_and_searches_no_fewer(starter):
    """ "fewer jump scares" searched for "fewer", a word of no film."""
    understood = understand("a horror movie with fewer jump scares", starter)
    assert "fewer" not in understood.query
    assert understood.caveats == ["My catalog doesn't record which films have jump scares, so I couldn't go by them."]
