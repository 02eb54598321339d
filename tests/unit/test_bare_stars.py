""" "I gave Heat 4 stars" then "make it 2", "make that a 2" or "actually 2" recommended two films: a bare
number of stars right after a rating changes that rating."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["make it 2", "make that a 2", "actually 2"])
def test_a_bare_star_correction_after_a_rating_changes_it(starter, profiles, said):
    bot = make_bot(starter, profiles)
    user = f"cli:restar{len(said)}"
    bot.ask("I gave Heat 4 stars", user=user)
    answer = bot.ask(said, user=user)
    assert answer["recommendations"] == [], answer["reply"]
    assert "2 out of 5 for Heat (1995)" in answer["reply"], answer["reply"]
    assert profiles.rating(user, "heat-1995") == 2.0


def test_a_bare_number_after_picks_is_still_how_many(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("I gave Heat 4 stars", user="cli:count")
    bot.ask("crime films", user="cli:count")
    answer = bot.ask("make it 2", user="cli:count")
    assert profiles.rating("cli:count", "heat-1995") == 4.0, answer["reply"]


def test_a_bare_star_correction_is_not_read_as_how_many(starter, profiles):
    """The reply and the stars were right, but the JSON's `understood` said `count: 2` and the next "more"
    showed two picks: the number was the film's stars, not how many to show."""
    bot = make_bot(starter, profiles)
    bot.ask("I gave Heat 4 stars", user="cli:notcount")
    answer = bot.ask("make it 2", user="cli:notcount")
    assert (answer.get("understood") or {}).get("count") is None, answer["understood"]
    assert len(bot.ask("more", user="cli:notcount")["recommendations"]) == 3
