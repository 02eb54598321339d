"""A statement followed by a request answers the request too: "I liked Oldboy, more Korean films please"
noted Oldboy and dropped the Korean films (agent.understanding.intents)."""

from __future__ import annotations

import pytest

from agent.understanding.intents import classify
from agent.understanding.reader import understand
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    ("said", "verdict", "asked"),
    [
        ("I liked Heat, more Korean films please", "liked", {"languages": ["ko"]}),
        ("loved Heat, more heist films please", "loved", {"keywords": ["heist"]}),
        ("I liked Heat, French films please", "liked", {"languages": ["fr"]}),
        ("I liked Heat, any more thrillers from the 90s please", "liked", {"genres": ["thriller"]}),
    ],
)
def test_a_verdict_then_a_wish_for_more_of_a_kind_is_noted_and_asked(said: str, verdict: str, asked: dict) -> None:
    judged = classify(said, LOOKUP, has_previous=False)
    assert judged.intent == "recommend" and judged.feedback is not None, judged
    assert judged.feedback.titles == ["heat-1995"]
    assert judged.feedback.intent in (verdict, "liked")
    request = understand(said, LOOKUP)
    assert all(set(value) <= set(getattr(request, key)) for key, value in asked.items()), request


def test_a_verdict_alone_is_only_noted() -> None:
    assert classify("I liked Heat, more or less", LOOKUP, has_previous=False).intent != "recommend"
    assert classify("loved Heat", LOOKUP, has_previous=False).intent == "liked"


def test_a_verdict_then_more_please_asks_for_more() -> None:
    """ "loved Heat, more please" only noted Heat; "loved it, more please" after picks only noted the pick."""
    named = classify("loved Heat, more please", LOOKUP, has_previous=False)
    assert named.intent == "recommend" and named.feedback is not None, named
    assert (named.feedback.intent, named.feedback.titles) == ("liked", ["heat-1995"])
    picked = classify("loved it, more please", LOOKUP, has_previous=True)
    assert picked.intent == "more" and picked.feedback is not None and picked.feedback.intent == "liked", picked
