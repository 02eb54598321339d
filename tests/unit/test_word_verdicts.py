""" "fear was great" (Fear, 1996, little known; "fear" an everyday word) noted nothing, rightly, but then
recommended films by the word (Fear Clinic): the bot now asks whether the film was meant, notes nothing
and recommends nothing."""

from __future__ import annotations

import pytest

from store.catalog import Catalog
from tests.conftest import starter_plus
from tests.unit.test_graph import make_bot

LOVE = {"id": "love-2015", "title": "Love", "year": 2015, "genres": ["drama", "romance"], "votes": 40,
        "rating": 5.8, "overview": "A young man remembers a past affair."}  # fmt: skip
LOVE_STORY = {"id": "a-love-story-2001", "title": "A Love Story", "year": 2001, "genres": ["romance"], "votes": 50,
              "rating": 6.0, "overview": "Two people fall in love."}  # fmt: skip


@pytest.fixture
def films(tmp_path) -> Catalog:
    catalog = starter_plus(tmp_path / "word-verdicts", [LOVE, LOVE_STORY])
    yield catalog
    catalog.close()


def test_a_verdict_on_an_everyday_word_title_asks_which_and_recommends_nothing(films, profiles):
    answer = make_bot(films, profiles).ask("love was great", user="cli:love")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith("Did you mean the film Love (2015)?"), answer["reply"]
    assert not profiles.has_watched("cli:love", "love-2015")


def test_the_word_typed_as_a_title_is_still_noted(films, profiles):
    make_bot(films, profiles).ask("Love (2015) was great", user="cli:love2")
    assert profiles.has_watched("cli:love2", "love-2015")


def test_a_verdict_not_noted_is_not_said_to_be_seen(films, profiles):
    """The JSON said intent "seen" for "love was great", though nothing was marked."""
    answer = make_bot(films, profiles).ask("love was great", user="cli:love3")
    assert answer["intent"] != "seen", answer["reply"]
