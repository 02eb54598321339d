"""The bot says of a stored rating what it does and calls it by one word: "actually make that 3 stars"
after "loved it" was answered "I'll look for more in that vein." (a 3 leans the picks neither way,
agent.profile.stars_then), and "Since you liked Memento" opened picks whose reasons said "Since you
loved Memento" (agent.nodes.taste_intro now says it as agent.explanations.verdict_verb does)."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


def test_a_lukewarm_three_promises_no_more_in_that_vein(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("I loved Memento", user="cli:m3")
    assert bot.ask("actually make that 3 stars", user="cli:m3")["reply"] == "Noted: 3 out of 5 for Memento (2000)."
    assert profiles.ratings("cli:m3") == {"memento-2000": 3.0}


@pytest.mark.parametrize(
    ("stars", "then"),
    [(5, " I'll look for more in that vein."), (4, " I'll look for more in that vein."), (3.5, ""), (3, ""),
     (2.5, " I'll steer away from things like it."), (1, " I'll steer away from things like it.")],
)  # fmt: skip
def test_what_stars_promise(stars, then):
    from agent.profile import stars_then  # here, so the other tests run on code without it

    assert stars_then(stars) == then


def test_the_first_line_and_the_reasons_call_a_loved_film_loved(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("I loved Memento", user="cli:ml")
    bot.ask("start over", user="cli:ml")
    more = bot.ask("more", user="cli:ml")
    assert more["intro"] == "Since you loved Memento, here are 3 picks:"
    said = " ".join(r["explanation"] for r in more["recommendations"])
    assert "loved Memento" in said and "liked Memento" not in said


def test_loved_and_liked_films_are_each_named_with_their_word(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("I loved Memento", user="cli:mix")
    bot.ask("I liked Heat", user="cli:mix")
    assert bot.ask("more", user="cli:mix")["intro"] == "Since you loved Memento and liked Heat, here are 3 picks:"
