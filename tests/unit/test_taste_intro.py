"""A request that names nothing ("something for me") said a bare "Here are 3 picks:"; the first
line now says what the picks go by: the films the person liked, or that their taste is unknown yet."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def test_something_for_me_says_what_the_picks_go_by(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("something for me", user="cli:new")
    assert first["intro"].startswith("I don't know your taste yet, so here are 3 picks:"), first["intro"]
    bot.ask("I loved Heat and Alien", user="cli:fan")
    later = bot.ask("something for me", user="cli:fan")
    assert later["intro"].startswith("Since you liked "), later["intro"]
    assert "Heat" in later["intro"] and "Alien" in later["intro"] and later["recommendations"]
    assert not {"heat-1995", "alien-1979"} & {r["id"] for r in later["recommendations"]}


def test_a_request_that_names_something_is_said_as_before(starter, profiles):
    said = make_bot(starter, profiles).ask("a comedy", user="cli:c")
    assert said["intro"].startswith("Here are 3 picks: comedy films")
