""" "Ronin? never heard of it" recommended films (47 Ronin first): the "?" after the title made it a
question before "never heard of" was read. A film named, then said unseen, is new to the user."""

from __future__ import annotations

import pytest

from agent.understanding.intents import classify
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["Heat? never heard of it", "Heat? haven't seen it", "Heat - never seen it"])
def test_a_film_named_then_said_unseen_is_new_to_the_user(starter, said):
    classified = classify(said, starter, has_previous=False)
    assert (classified.intent, classified.titles) == ("unseen", ["heat-1995"]), classified


def test_the_film_named_then_unheard_of_is_acknowledged_not_recommended(starter, profiles):
    answer = make_bot(starter, profiles).ask("Heat? never heard of it", user="cli:heard2")
    assert "Heat (1995) is new to you" in answer["reply"], answer["reply"]
    assert answer["recommendations"] == []
    assert not profiles.has_watched("cli:heard2", "heat-1995")


def test_a_question_about_a_film_seen_is_not_read_as_unseen(starter):
    assert classify("Heat? have you seen it", starter, has_previous=False).intent != "unseen"
