"""Praise passed on is no verdict: "Heard good things about that movie too." (a ReDial seeker, of a film just
suggested) was answered "Great, I've noted that you liked Interstellar (2014)", and a like was stored for a
film the user had not seen. What the user has heard of a film says they have not seen it yet."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    "said",
    ["Heard good things about that movie too.", "I heard it was good", "I havent watched that one, I heard it's funny"],
)
def test_praise_heard_of_the_pick_notes_no_like(starter, profiles, said: str) -> None:
    bot = make_bot(starter, profiles)
    bot.ask("I'm looking for a thriller", user="cli:heard")
    (pick,) = bot.ask("One more movie rec?", user="cli:heard")["recommendations"]
    answer = bot.ask(said, user="cli:heard")
    assert answer["reply"].startswith(f"Enjoy {pick['title']} ({pick['year']})!"), answer["reply"]
    assert "noted that you" not in answer["reply"], answer["reply"]
    assert answer["recommendations"] == [], answer["reply"]
    assert profiles.ratings("cli:heard") == {} and not profiles.has_watched("cli:heard", pick["id"])


@pytest.mark.parametrize(
    "said",
    ["I've heard so many good things about Heat", "I heard Heat is great", "Heat is supposed to be amazing"],
)
def test_praise_heard_of_a_named_film_notes_no_like(starter, profiles, said: str) -> None:
    answer = make_bot(starter, profiles).ask(said, user="cli:heat")
    assert answer["reply"].startswith("Enjoy Heat (1995)!"), answer["reply"]
    assert profiles.ratings("cli:heat") == {} and not profiles.has_watched("cli:heat", "heat-1995")


@pytest.mark.parametrize(
    "said", ["I had heard good things about Heat and I loved it", "I loved Heat, I heard it's a classic"]
)
def test_praise_of_ones_own_is_still_noted(starter, profiles, said: str) -> None:
    make_bot(starter, profiles).ask(said, user="cli:own")
    assert profiles.ratings("cli:own") == {"heat-1995": 5.0}
