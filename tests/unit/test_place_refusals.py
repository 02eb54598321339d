"""A place refused with a verb: "doesn't take place in paris" refused nothing and went unread (the
war dramas came back as if it had not been said), while "not set in new york" refused the place."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


@pytest.mark.parametrize(
    ("text", "refused", "genres"),
    [
        ("a war drama that doesn't take place in paris", ["paris"], ["war", "drama"]),
        ("a war drama that doesnt take place in paris", ["paris"], ["war", "drama"]),
        ("doesn't take place in paris", ["paris"], []),
        ("a comedy that does not take place in paris", ["paris"], ["comedy"]),
        ("one that doesn't take place in new york", ["new york"], []),
        ("a drama that isn't set in new york", ["new york"], ["drama"]),
        ("that isn't set in new york", ["new york"], []),
        ("a thriller that doesn't take place in france", ["france"], ["thriller"]),
        ("a comedy that isn't set in france", ["france"], ["comedy"]),
        ("a drama that doesn't happen in new york", ["new york"], ["drama"]),
        ("war films that don't take place in vietnam", ["vietnam"], ["war"]),
    ],
)
def test_a_place_refused_with_a_verb_is_refused(starter, text, refused, genres):
    said = understand(text, starter)
    assert (said.exclude_keywords, said.keywords, said.countries, sorted(said.genres)) == (
        refused,
        [],
        [],
        sorted(genres),
    )


@pytest.mark.parametrize(
    ("text", "genres"),
    [
        ("a comedy that doesn't take itself seriously", ["comedy"]),
        ("a drama that doesn't drag", ["drama"]),
        ("a comedy that doesn't set out to offend", ["comedy"]),
        ("a comedy that doesn't take place in the", ["comedy"]),
    ],
)
def test_doesnt_refuses_only_a_place(starter, text, genres):
    said = understand(text, starter)
    assert (said.exclude_keywords, said.exclude_genres, said.genres) == ([], [], genres)
