"""A number said of someone only asks for family films when it is a child's age: "I was 10 when I
first saw Jaws", "you're 2 for 2" and "I'm 12 years a slave fan" are no child's age."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    ("text", "genres"),
    [
        # each said "Here are 3 picks: family films ..."
        ("I'm 12 years a slave fan", set()),
        ("I was 10 when I first saw Jaws, something like it", set()),
        ("you're 2 for 2, another thriller", {"thriller"}),
        ("I'm 12 and like comedies", {"comedy"}),  # the speaker's age: no child named
        ("my son was 9 when he first saw Heat", set()),
        # a child's age still asks for family films
        ("my kids are 8 and 10 and love musicals", {"family", "musical"}),
        ("my nephew is 7, a comedy please", {"family", "comedy"}),
        ("my kids, aged 8 and 10, love musicals", {"family", "musical"}),
        ("she's 85 and likes musicals", {"musical"}),
        ("I'm 30 and like thrillers", {"thriller"}),
    ],
)
def test_only_a_childs_age_asks_for_family_films(text, genres):
    said = understand(text, LOOKUP)
    assert set(said.genres) == genres, text
    assert said.count is None and (said.year_min, said.year_max) == (None, None), text
