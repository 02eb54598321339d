""" "what's the best of these?" after picks became a "rated 8+" filter and three new picks, and "which one is
the best in your opinion?" named the best rated pick without the votes its rating rests on. Both ask about
the picks shown: the answer names the best rated of them, its rating and how many votes, and no new picks."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot, movies


def _votes(votes: int) -> str:
    if votes >= 1_000_000:
        return f"{votes / 1_000_000:.1f}M"
    return f"{votes // 1000}k" if votes >= 1000 else str(votes)


@pytest.mark.parametrize(
    "asked", ["what's the best of these?", "Which one is the best in your opinion?", "which of these is best?"]
)
def test_the_best_of_the_picks_is_named_with_its_rating_and_votes(starter, profiles, asked):
    bot = make_bot(starter, profiles)
    shown = movies(starter, bot.ask("a crime thriller from the 90s", user="cli:best"))
    top = max(shown, key=lambda m: m.rating)
    said = bot.ask(asked, user="cli:best")
    assert said["intent"] == "facts" and said["recommendations"] == []
    assert said["understood"]["min_rating"] is None
    assert (
        said["reply"] == f"Of these, {top.label} is the best rated, at {top.rating:.1f} from {_votes(top.votes)} votes."
    )
