"""What "it", "that" and "the previous search" point at across turns: the film last asked about or
judged, and the subject before this one, as a user following the conversation would take them."""

from __future__ import annotations

from tests.unit.test_graph import make_bot, movies


def test_it_is_still_the_film_after_rating_it_again_and_undoing(starter, profiles):
    """ "I've seen the first one, loved it", "actually make that 3 stars", "undo that", then "what did I
    think of it?" answered "Which one do you mean?", though every turn since was about that film."""
    bot = make_bot(starter, profiles)
    first = movies(starter, bot.ask("a thriller from the 90s", user="cli:undo"))[0]
    bot.ask("I've seen the first one, loved it", user="cli:undo")
    assert profiles.rating("cli:undo", first.id) == 5
    bot.ask("actually make that 3 stars", user="cli:undo")
    assert profiles.rating("cli:undo", first.id) == 3
    bot.ask("undo that", user="cli:undo")
    asked = bot.ask("what did I think of it?", user="cli:undo")
    assert "Which one" not in asked["reply"] and first.label in asked["reply"] and "loved" in asked["reply"]


def test_after_a_verdict_that_one_is_the_film_judged(starter, profiles):
    bot = make_bot(starter, profiles)
    third = movies(starter, bot.ask("a horror film", user="cli:judged"))[2]
    bot.ask("the third one was boring", user="cli:judged")
    why = bot.ask("why that one?", user="cli:judged")
    assert why["intent"] == "why" and third.label in why["reply"]
