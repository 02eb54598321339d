"""Genre requests as a user means them: "no more please" after picks ends the picks, and what was loosened
when nothing else fits is what was asked last."""

from __future__ import annotations

import pytest

from agent.nodes.retrieve import RELAXABLE, loosening_order
from agent.understanding.merge import said_at
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["no more", "no more please", "No more, thanks", "that's enough", "I'm good"])
def test_no_more_after_picks_ends_the_picks(starter, profiles, said):
    """ "a comedy" then "no more please" got three more comedies: "no more" was read as a wish for more."""
    bot = make_bot(starter, profiles)
    assert bot.ask("a comedy", user="cli:enough")["recommendations"]
    answer = bot.ask(said, user="cli:enough")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"] == "Okay, enjoy the film!", answer["reply"]


@pytest.mark.parametrize("said", ["no more horror", "no more like that"])
def test_no_more_of_something_still_asks_for_films(starter, profiles, said):
    bot = make_bot(starter, profiles)
    bot.ask("a comedy", user="cli:nomore")
    assert bot.ask(said, user="cli:nomore")["recommendations"]


def test_what_a_follow_up_added_is_loosened_before_what_was_asked_first():
    """ "something with tom hanks but not a drama", "older ones", "anything else like it?" answered "I loosened
    the people you named" with films without Tom Hanks: the years, added last, go first."""
    first = {"people": ["Tom Hanks"], "exclude_genres": ["drama"]}
    then = {**first, "year_max": 1994}
    then["said_at"] = said_at(first, then)
    labels = [label for _, label in loosening_order(then)]
    assert labels.index("the year range") < labels.index("the people you named"), labels
    asked_at_once = {"people": ["Tom Hanks"], "year_max": 1994}  # said in one message: the usual order
    assert [label for _, label in loosening_order(asked_at_once)][:4] == [label for _, label in RELAXABLE][:4]
