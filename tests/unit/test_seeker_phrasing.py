"""How ReDial seekers talk, replayed again (training dialogues only): a greeting before a taste, a film named only
as a comparison, verdicts after a film, and requests mixed with chit-chat, each read as meant."""

from __future__ import annotations

import pytest

from agent.understanding.intents import classify
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    "said", ["Hi I like comedies", "Hi there I like great action films.", "hello! I love westerns"]
)
def test_a_greeting_before_a_taste_is_a_request_not_small_talk(said: str) -> None:
    """ "Hi I like comedies" answered "Happy to help! Ask me for a movie whenever you like"."""
    assert classify(said, LOOKUP, has_previous=False).intent == "recommend"


@pytest.mark.parametrize("said", ["hi", "hello how are you", "hi there, great to meet you"])
def test_a_greeting_alone_is_still_small_talk(said: str) -> None:
    assert classify(said, LOOKUP, has_previous=False).intent == "smalltalk"
