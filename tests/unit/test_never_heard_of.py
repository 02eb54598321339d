""" "never heard of Ronin" answered "I couldn't find “Ronin” in my catalog", though Ronin (1998) is in it: a film
said unheard of is one not seen, acknowledged as new to the user."""

from __future__ import annotations

from agent.understanding.intents import classify
from tests.unit.test_graph import make_bot


def test_a_film_never_heard_of_is_new_to_the_user(starter, profiles):
    said = classify("never heard of Heat", starter, has_previous=False)
    assert (said.intent, said.titles, said.unknown) == ("unseen", ["heat-1995"], ()), said
    answer = make_bot(starter, profiles).ask("I've never heard of Heat", user="cli:heard")
    assert "Heat (1995) is new to you" in answer["reply"] and "couldn't find" not in answer["reply"], answer["reply"]
    assert not profiles.has_watched("cli:heard", "heat-1995")
