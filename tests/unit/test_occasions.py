"""An occasion is no words to search for: "something for a first date" matched "date" in titles and
answered Date Movie (rated 3.6); it leans to romance, as "date night" does."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


@pytest.mark.parametrize(
    "text", ["something for a first date", "something for a date night", "good for a date night?", "date night movie"]
)
def test_a_date_is_an_occasion_for_romance_not_a_title_word(starter, text):
    read = understand(text, starter)
    assert read.genres == ["romance"] and read.moods == ["romantic"]
    assert "date" not in read.query.lower()
