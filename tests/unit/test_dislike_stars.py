"""A dislike stores the stars its words stand for, whichever way it comes: "I hated Titanic" kept
Titanic at 1 star, while "hated titanic, something else?" and "I hated Titanic. Recommend a romance"
kept it at 1.5, so the same words weighed differently against films like it."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("alone", "with_a_request", "film", "stars"),
    [("I hated Titanic", "hated titanic, something else?", "titanic-1997", 1.0),
     ("I hated Titanic", "I hated Titanic. Recommend a romance", "titanic-1997", 1.0),
     ("I didn't like Heat", "didn't like heat, what else?", "heat-1995", 2.0),
     ("I just watched Heat and hated it", "I just watched Heat and hated it, something else", "heat-1995", 1.0),
     ("I couldn't stand Heat", "couldn't stand heat, what else?", "heat-1995", 1.0)],
)  # fmt: skip
def test_a_dislike_said_with_a_request_stores_what_it_does_alone(starter, profiles, alone, with_a_request, film,
                                                                 stars):  # fmt: skip
    bot = make_bot(starter, profiles)
    said_alone = bot.ask(alone, user="cli:alone")
    asked_too = bot.ask(with_a_request, user="cli:asked")
    assert profiles.rating("cli:alone", film) == profiles.rating("cli:asked", film) == stars
    label = starter.movies[film].label
    assert said_alone["reply"].startswith(f"Noted: {label} wasn't for you.")
    assert asked_too["reply"].startswith(f"Noted: {label} wasn't for you.") and asked_too["recommendations"]


def test_a_pick_hated_with_a_wish_for_more_stores_what_hating_it_alone_does(starter, profiles):
    """ "hated the second one, what else?" kept it at 1.5 stars, "hated the second one" at 1."""
    bot = make_bot(starter, profiles)
    for user, said in (("cli:one", "hated the second one"), ("cli:two", "hated the second one, what else?")):
        second = bot.ask("a crime thriller from the 90s", user=user)["recommendations"][1]["id"]
        bot.ask(said, user=user)
        assert profiles.rating(user, second) == 1.0, said
