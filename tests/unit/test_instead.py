""" "A horror instead", "actually make it a horror", "vampires instead": the genre, person or theme named
replaces the last one."""

from __future__ import annotations

import pytest

from agent.recommender import Recommender


@pytest.fixture
def bot(starter_bot) -> Recommender:
    return starter_bot


@pytest.mark.parametrize("said", ["a horror instead", "actually make it a horror", "switch to horror"])
def test_a_genre_said_instead_leaves_no_lean_to_the_old_one(bot, said):
    """ "a horror instead" after comedies gave Zombieland, The Cabin in the Woods and Scary Movie:
    horror comedies only, the comedy kept as a lean."""
    bot.ask("a comedy", user="cli:ann")
    answer = bot.ask(said, user="cli:ann")
    genres = [set(p["genres"]) for p in answer["recommendations"]]
    assert genres and all("horror" in g for g in genres)
    assert not all("comedy" in g for g in genres)


def test_a_genre_named_without_instead_still_leans_to_the_old_one(bot):
    bot.ask("a comedy", user="cli:bo")
    answer = bot.ask("what about horror?", user="cli:bo")
    assert all({"horror", "comedy"} <= set(p["genres"]) for p in answer["recommendations"])


def test_a_theme_said_instead_leaves_no_lean_to_the_old_one(bot):
    """ "what about vampires instead" after zombie films kept leaning to zombies, and the first line
    said 'none tagged "zombies"' of the vampire films."""
    bot.ask("movies about zombies", user="cli:cy")
    answer = bot.ask("what about vampires instead", user="cli:cy")
    assert '"vampires"' in answer["intro"] and "zombies" not in answer["reply"]
