""" "Heat was great, and so was Jaws" noted only Heat: "so was X", "X as well", "same for X" carry the
verdict before to the film they name. "Heat was great, and more comedies" noted nothing (the comedies
made "great" read as a wish, and "heat" as a theme): the verdict is noted and the comedies given."""

from __future__ import annotations

import pytest

from agent.understanding.intents import classify
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("text", "verdict"),
    [("Heat was great, and so was Jaws", "liked"), ("Heat was great, and Jaws as well", "liked"),
     ("Heat was great, same for Jaws", "liked"), ("Heat was awful, and so was Jaws", "disliked"),
     ("Heat was great, Jaws too", "liked")],
)  # fmt: skip
def test_the_verdict_carries_to_the_second_film(starter, text, verdict):
    said = classify(text, starter, has_previous=False)
    assert said.intent == verdict
    assert {(t, v) for t, v, _ in said.verdicts} == {("heat-1995", verdict), ("jaws-1975", verdict)}


def test_a_verdict_then_a_request_notes_the_film_and_gives_the_films_asked(starter, profiles):
    bot = make_bot(starter, profiles)
    said = bot.ask("Heat was great, and more comedies", user="cli:carried")
    assert profiles.rating("cli:carried", "heat-1995") == 4.0
    assert said["reply"].startswith("Noted: you liked Heat (1995).")
    assert said["recommendations"] and all("comedy" in r["genres"] for r in said["recommendations"])
