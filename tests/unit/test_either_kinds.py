""" "Disney like Brave, and also anime like Kiki's Delivery Service" required Disney and Japanese and
animation ("Only 1 film in my catalog fits all of that": Ponyo). A request cannot hold a studio or a
language as alternatives, so neither is asked for, and the reply says which were left out."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    ("said", "named"),
    [("Disney, and also anime", "“Disney” or “anime”"), ("a Disney film or an anime", "“Disney” or “anime”"),
     ("a disney movie or something french", "“disney movie” or “french”")],
)  # fmt: skip
def test_a_studio_or_a_language_asks_for_neither_and_says_so(said, named):
    u = understand(said, LOOKUP)
    assert (u.studios, u.languages, u.countries) == ([], [], [])
    assert any(c.startswith(f"I can't ask for {named} as alternatives") for c in u.caveats), u.caveats


@pytest.mark.parametrize("said", ["a Japanese Disney film", "disney but in japanese", "a Disney film, in Japanese"])
def test_a_studio_and_a_language_together_still_ask_for_both(said):
    u = understand(said, LOOKUP)
    assert u.languages == ["ja"] and not any("as alternatives" in c for c in u.caveats), u.caveats
