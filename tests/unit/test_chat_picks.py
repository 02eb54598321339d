"""Chat turns said the way people type to a movie bot: a group's wish for something everyone will
like, and a pick chosen with a word of approval ("perfect, the third one")."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot

NOTHING_READ = "I didn't find a genre, person, film, era or theme I know in your message"


@pytest.mark.parametrize(
    "said",
    [
        "we're 4 friends, want something everyone will like",
        "something for everyone",
        "smth we'll all enjoy",
        "a safe bet for movie night",
    ],
)
def test_a_film_everyone_will_like_is_read_as_a_crowd_pleaser(starter, profiles, said):
    """ "we're 4 friends, want something everyone will like" was answered "I didn't find a genre,
    person, film, era or theme I know in your message": a crowd-pleaser is a popular film."""
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:crowd")
    assert answer["recommendations"], answer["reply"]
    assert NOTHING_READ not in answer["reply"], answer["reply"]
