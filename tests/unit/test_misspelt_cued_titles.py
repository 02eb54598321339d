""" "something like the dark night but funnier" and "like pulp fction" were read as The Dark Knight and
Pulp Fiction without a word, while "like inceptoin" said "I took "inceptoin" to mean Inception (2010)":
a film taken for words that do not spell its title is said to be, whichever reader took it."""

from __future__ import annotations

import pytest

from agent.understanding.meaning import taken_to_mean
from agent.understanding.reader import understand
from tests.unit.test_understanding import LOOKUP


def test_a_misspelt_title_after_like_is_said_to_be_taken():
    u = understand("something like the dark knigth but funnier", LOOKUP)
    assert u.like_titles == ["the-dark-knight-2008"], u.like_titles
    assert taken_to_mean("the dark knigth", "The Dark Knight (2008)") in u.caveats


@pytest.mark.parametrize("said", ["like the dark knight", "like heat", "like the original godzilla", "like alien"])
def test_a_title_spelt_right_is_not_said_to_be_taken(said):
    assert not any(c.startswith("I took") for c in understand(said, LOOKUP).caveats)
