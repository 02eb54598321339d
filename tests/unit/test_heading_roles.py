"""The answer's heading says "directed by" for a person asked in no role whom the catalog credits only
as a director: "Coppola films" was answered "Here are 3 picks: with Francis Ford Coppola.", as though
he were in the cast of the films he directed."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("said", "heading"),
    [
        ("kubrick films", "Here are 3 picks: directed by Stanley Kubrick."),
        ("Stanley Kubrick movies", "Here are 3 picks: directed by Stanley Kubrick."),
        ("something by Kubrick", "Here are 3 picks: directed by Stanley Kubrick."),
        ("films by Joel Coen or Stanley Kubrick", "Here are 3 picks: directed by Joel Coen or Stanley Kubrick."),
        # an actor stays "with", and so does a director asked for in the cast
        ("movies with tom hanks", "Here are 3 picks: with Tom Hanks."),
    ],
)
def test_a_director_is_said_to_direct(starter_bot, said, heading):
    reply = starter_bot.ask(said, user="cli:ann")["reply"]
    assert heading in reply, reply
