""" "older" then "not so old" gave "from 1994 on": read as plain "newer", the era lost its upper bound and
films as new as the first answer's came back. The user steps back part of the way: newer than the older
picks, and not past the newest film of the answer before them."""

from __future__ import annotations

from tests.unit.test_graph import make_bot, movies


def test_not_so_old_after_older_is_between_the_two_answers(starter, profiles):
    bot = make_bot(starter, profiles)
    first = movies(starter, bot.ask("some dramas", user="cli:soft"))
    older = movies(starter, bot.ask("older", user="cli:soft"))
    softened = bot.ask("not so old", user="cli:soft")
    asked = softened["understood"]
    assert asked["year_min"] == max(m.year for m in older) + 1
    assert asked["year_max"] == max(m.year for m in first) - 1
    assert all(asked["year_min"] <= m.year <= asked["year_max"] for m in movies(starter, softened))


def test_newer_after_older_still_moves_past_the_older_picks(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("some dramas", user="cli:newer")
    older = movies(starter, bot.ask("older", user="cli:newer"))
    asked = bot.ask("newer", user="cli:newer")["understood"]
    assert (asked["year_min"], asked["year_max"]) == (max(m.year for m in older) + 1, None)
