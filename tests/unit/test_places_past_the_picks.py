""" "The second one sounds good, anything else like it?" went by none of the picks (more of the same
request), and after an answer of one film "the second one" was dropped in silence. A place is now the
pick there, or the film there in the answer before (said so), or said plainly to be past the list."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


def test_a_place_then_like_it_goes_by_that_pick(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:like2")["recommendations"]
    answer = bot.ask("the second one sounds good, anything else like it?", user="cli:like2")
    assert answer["understood"]["like_titles"] == [starter.movies[picks[1]["id"]].label]


def test_a_place_past_a_one_film_answer_is_the_one_of_the_answer_before_said_so(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:past1")["recommendations"]
    assert len(bot.ask("one more", user="cli:past1")["recommendations"]) == 1
    answer = bot.ask("the second one sounds good, anything else like it?", user="cli:past1")
    label = starter.movies[picks[1]["id"]].label
    assert answer["understood"]["like_titles"] == [label]
    said = f"My last answer had only one film, so by “the second one” I took {label}, the second of my earlier picks."
    assert answer["reply"].startswith(said), answer["reply"]


@pytest.mark.parametrize("said", ["the 4th one sounds good, anything else like it?", "more like the 4th one"])
def test_a_place_past_every_answer_is_said_to_be_past_the_list(starter, profiles, said):
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:past4")["recommendations"]
    assert len(picks) == 3
    answer = bot.ask(said, user="cli:past4")
    assert answer["reply"].startswith("My last answer had only 3 films ("), answer["reply"]
    assert "couldn't tell which film “the fourth one” is" in answer["reply"]
    assert answer["understood"]["like_titles"] == []


def test_a_verdict_on_a_place_past_a_one_film_answer_notes_nothing_and_says_why(starter, profiles):
    """ "loved the second one, anything similar?" after one pick said "say “loved the second one”",
    the very words typed: it now says the last answer had only one film."""
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:past2")
    only = bot.ask("one more", user="cli:past2")["recommendations"]
    answer = bot.ask("loved the second one, anything similar?", user="cli:past2")
    label = starter.movies[only[0]["id"]].label
    said = f"My last answer had only one film ({label}), so I couldn't tell which film “the second one” is, and noted"
    assert said in answer["reply"], answer["reply"]
    assert "say “loved the second one”" not in answer["reply"]
    assert answer["recorded"] == {}
