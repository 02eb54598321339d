"""A place refused is one theme, however many words it has: "nothing about new zealand" refused
"new" and "zealand" apart, and "no films set in new zealand" asked for films about it."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


@pytest.mark.parametrize(
    ("text", "refused", "genres"),
    [
        ("a drama, nothing about new zealand", ["new zealand"], ["drama"]),
        ("no films set in new zealand", ["new zealand"], []),
        ("a drama not set in new york", ["new york"], ["drama"]),
        ("not set in new york or paris", ["new york", "paris"], []),
        ("a drama, nothing about world war 2", ["world war ii"], ["drama"]),
        ("a comedy, nothing that takes place in italy", ["italy"], ["comedy"]),
    ],
)
def test_a_place_refused_is_one_theme(starter, text, refused, genres):
    said = understand(text, starter)
    assert (said.exclude_keywords, said.keywords, said.countries, said.genres) == (refused, [], [], genres)


def test_a_place_asked_for_is_one_theme(starter):
    said = understand("a movie set in new zealand", starter)
    assert (said.keywords, said.countries, said.exclude_keywords) == (["new zealand"], [], [])
