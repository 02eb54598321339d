"""Jump scares are something no catalog field records: "no jump scares" is never a search for
"scares" (which found Zombieland, "running from what scares him"), and the reply says it could not
leave them out rather than presenting picks as free of them."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot

CANNOT = "My catalog doesn't record which films have jump scares, so I couldn't leave them out."


@pytest.mark.parametrize(
    "said",
    [
        "no jump scares",
        "a horror film without jump scares",
        "no jumpscares please",
        "I hate jump scares",
        "a jumpscare-free horror",
    ],
)
def test_jump_scares_refused_are_no_search_and_said_to_be_unrecorded(starter, said):
    understood = understand(said, starter)
    assert "scare" not in understood.query and not understood.keywords and not understood.exclude_keywords
    assert understood.caveats == [CANNOT]


def test_a_horror_film_without_jump_scares_is_horror_with_the_caveat_first(starter, profiles):
    answer = make_bot(starter, profiles).ask("a horror film without jump scares", user="cli:jum")
    assert answer["reply"].startswith(CANNOT), answer["reply"]
    assert answer["recommendations"]
    assert all("horror" in starter.movies[r["id"]].genres for r in answer["recommendations"])


def test_jump_scares_asked_for_are_said_to_be_unrecorded_too(starter):
    understood = understand("a scary movie with lots of jump scares", starter)
    assert "scares" not in understood.query
    assert understood.caveats == ["My catalog doesn't record which films have jump scares, so I couldn't go by them."]
