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


def test_a_child_named_then_a_pronoun_asks_for_family_films():
    """ "something for my son, he's 8" was read as nothing: "he" is the son named before it."""
    assert understand("something for my son, he's 8", LOOKUP).genres == ["family"]


def test_a_grown_ups_age_alone_is_said_to_narrow_nothing(starter, profiles):
    """ "my grandma would like something, she's 80" said "I didn't find a genre ... in your message": an
    adult's age can't be a filter, and the reply says so; beside a genre it goes unsaid."""
    from agent.understanding.ages import AN_ADULTS_AGE
    from tests.unit.test_graph import make_bot

    said = make_bot(starter, profiles).ask("my grandma would like something, she's 80", user="cli:gran")
    assert said["reply"].startswith(AN_ADULTS_AGE) and "I didn't find a genre" not in said["reply"]
    assert said["understood"]["genres"] == []
    assert AN_ADULTS_AGE not in understand("a comedy for my grandma, she's 85", LOOKUP).caveats
    assert AN_ADULTS_AGE not in understand("I'm 30 and like thrillers", LOOKUP).caveats
