"""Age ratings (PG-13, R) are something no catalog field records: asked for or refused, the reply
says it could not go by them, rather than answering as if it had. Greetings that start with "happy"
are no wish for a happy film."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot

CANNOT = "My catalog doesn't record age ratings (PG-13, R and the like), so I couldn't go by them."


@pytest.mark.parametrize(
    "said",
    [
        "a good scary movie that is rated Pg-13",
        "nothing rated R, a comedy",
        "an R-rated action movie",
        "a PG movie for the kids",
        "something PG13",
        "no NC-17 stuff",
    ],
)
def test_age_ratings_are_said_to_be_unrecorded_and_never_searched(starter, said):
    understood = understand(said, starter)
    assert understood.caveats == [CANNOT]
    assert not {"pg", "13", "rated", "nc", "17"} & set(understood.query.lower().split()), understood.query


def test_a_scary_movie_rated_pg13_is_horror_with_the_caveat_first(starter, profiles):
    answer = make_bot(starter, profiles).ask("a scary movie that is rated PG-13", user="cli:age")
    assert answer["reply"].startswith(CANNOT), answer["reply"]
    assert answer["recommendations"]
    assert all("horror" in starter.movies[r["id"]].genres for r in answer["recommendations"])


@pytest.mark.parametrize("said", ["Happy new year Do you know of any good comedies?", "happy friday! any comedies?"])
def test_a_happy_greeting_asks_for_no_tone(starter, said):
    understood = understand(said, starter)
    assert understood.genres == ["comedy"]
    assert not understood.moods and not understood.caveats, (understood.moods, understood.caveats)
