"""A theme refused that the phrasebook has no entry for ("nothing with clowns", "no spiders") leaves
out the films about it, and the answer says so, as "no zombies" does."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "refused"),
    [
        ("horror, nothing with clowns", ["clowns"]),
        ("horror, no clowns", ["clowns"]),
        ("horror without clowns please", ["clowns"]),
        ("no spiders", ["spiders"]),
        ("a horror film, nothing with clowns or spiders", ["clowns", "spiders"]),
    ],
)
def test_a_refused_theme_is_read_as_one(starter, said, refused):
    assert understand(said, starter).exclude_keywords == refused


@pytest.mark.parametrize(
    "said",
    [
        "no worries, a comedy",
        "nothing too long",
        "no, a comedy",
        "not clowns",
        "a film where nothing happens",  # a verb after "nothing", not a theme refused
        "i tried everything and nothing works, any thriller",
    ],
)
def test_what_is_no_refused_theme_is_not_read_as_one(starter, said):
    assert understand(said, starter).exclude_keywords == []


def test_films_about_a_refused_theme_are_left_out_and_the_answer_says_so(starter, profiles):
    bot = make_bot(starter, profiles)
    every = bot.ask("give me 20 horror films", user="cli:zed")
    assert "it-2017" in [r["id"] for r in every["recommendations"]]  # It: a killer clown
    refused = bot.ask("give me 20 horror films, nothing with clowns", user="cli:amy")
    assert refused["recommendations"] and "it-2017" not in [r["id"] for r in refused["recommendations"]]
    assert 'nothing about "clowns"' in refused["reply"]


def test_a_verb_after_nothing_is_not_said_back_as_a_refused_theme(starter, profiles):
    bot = make_bot(starter, profiles)
    answer = bot.ask("a film where nothing happens", user="cli:bea")
    assert 'nothing about "happens"' not in answer["reply"], answer["reply"]
