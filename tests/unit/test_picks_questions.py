"""Questions about the films just shown are answered of those films: where they stream (which
moviebot can't see) and whether one is of the kind asked about."""

from __future__ import annotations

import pytest

from agent.prose import prose_list
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    "asked",
    [
        "any of those on netflix?",
        "are any of them on hulu",
        "can I stream these anywhere",
        "are them on netflix?",  # as typed: "them" for "they"
        "are they on netflix?",
        "r any of these on prime",  # "r" for "are"
    ],
)
def test_asking_where_the_picks_stream_is_answered_of_them_not_with_new_picks(starter, profiles, asked):
    bot = make_bot(starter, profiles)
    picks = bot.ask("something like Inception", user="cli:stream")["recommendations"]
    answer = bot.ask(asked, user="cli:stream")
    labels = prose_list([starter.movies[p["id"]].label for p in picks], "or")
    assert answer["recommendations"] == []
    assert answer["reply"] == f"I can't see what is streaming where, so I can't tell you where to watch {labels}."


@pytest.mark.parametrize(("asked", "genre"), [("is the first one scary?", "horror"), ("is it a comedy?", "comedy"),
                                              ("is the first one animated?", "animation"),
                                              ("is it romantic?", "romance")])  # fmt: skip
def test_asking_if_a_pick_is_of_a_kind_says_yes_or_no_for_that_kind(starter, profiles, asked, genre):
    bot = make_bot(starter, profiles)
    first = starter.movies[bot.ask("something like Inception", user="cli:kind")["recommendations"][0]["id"]]
    bot.ask("what's the first one about?", user="cli:kind")
    reply = bot.ask(asked, user="cli:kind")["reply"]
    listed = f"is listed as {prose_list(first.genres)}."
    if genre in first.genres:
        assert reply == f"Yes: {first.label} {listed}"
    else:
        assert reply == f"No: {first.label} isn't listed as {genre}; it {listed}"


def test_a_kind_the_film_is_listed_as_is_a_yes(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("what's Toy Story about?", user="cli:yes")
    toy = starter.movies["toy-story-1995"]
    assert "animation" in toy.genres
    reply = bot.ask("is it animated?", user="cli:yes")["reply"]
    assert reply == f"Yes: {toy.label} is listed as {prose_list(toy.genres)}."
