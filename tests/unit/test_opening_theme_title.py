""" "alien was great, anything like it?" gave sci-fi films about "aliens", while "alien was great" alone
judges Alien (1979): a well-known title typed whole before the verdict is the film, request or not."""

from __future__ import annotations

from agent.understanding.intents import classify
from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot


def test_a_well_known_title_judged_then_asked_is_the_reference(starter, profiles):
    said = understand("alien was great, anything like it?", starter)
    assert said.like_titles == ["alien-1979"] and said.keywords == []
    turn = classify("alien was great, anything like it?", starter, has_previous=False)
    assert turn.feedback is not None and turn.feedback.titles == ["alien-1979"]
    answer = make_bot(starter, profiles).ask("alien was great, anything like it?", user="cli:alienlike")
    assert profiles.rating("cli:alienlike", "alien-1979") == 4.0
    assert answer["reply"].startswith("Noted: you liked Alien (1979). Here are 3 picks: like Alien.")
    assert "alien-1979" not in [r["id"] for r in answer["recommendations"]]


def test_a_genre_judged_then_asked_stays_a_genre(starter):
    said = understand("horror was great, anything like it?", starter)
    assert said.like_titles == [] and said.genres == ["horror"]
