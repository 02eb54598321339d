"""A tone said relative to the last picks ("something funnier" after "a war drama") on a catalog that
labels no tone (TMDB 5000 + MovieLens) leans to the genre of that tone, and says so: it said only
"My catalog doesn't label films' tone, so I can't promise one." over picks that were war comedies."""

from __future__ import annotations

import pytest

from agent.nodes.understand import TONE_UNLABELLED
from tests.unit.test_graph import make_bot

TONE_BY_GENRE = "My catalog doesn't label films' tone, so I went by genre instead."


@pytest.mark.parametrize("said", ["something funnier", "funnier please", "a funnier one", "something lighter"])
def test_a_funnier_follow_up_leans_to_comedy_and_says_so(toneless, profiles, said):
    assert not toneless.labels_tone
    bot = make_bot(toneless, profiles)
    user = f"cli:{said}"
    bot.ask("a war drama", user=user)
    later = bot.ask(said, user=user)
    assert later["understood"]["genres"] == ["war", "drama"]
    assert TONE_UNLABELLED not in later["reply"] and later["intro"].startswith(TONE_BY_GENRE)
    assert "war drama films, leaning to comedy." in later["intro"]
    assert any("comedy" in r["genres"] for r in later["recommendations"])


def test_funnier_comedies_still_cannot_be_promised(toneless, profiles):
    """After "a comedy" no genre is left to lean to: the catalog cannot tell a funnier comedy."""
    bot = make_bot(toneless, profiles)
    bot.ask("a comedy", user="cli:c")
    later = bot.ask("something funnier", user="cli:c")
    assert later["intro"].startswith(TONE_UNLABELLED) and "leaning to" not in later["intro"]
