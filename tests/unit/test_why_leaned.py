""" "why the second one?" after "a feel-good movie" gave only the pick's rating ("Despicable Me (2010):
rated 7.1 from 6k votes."), which says nothing of why: the lean to comedy/family the request made is
what picked it, and it is told."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def test_why_a_pick_tells_the_lean_the_request_made(toneless, profiles):
    bot = make_bot(toneless, profiles)
    shown = bot.ask("a feel-good movie", user="cli:lean")["recommendations"]
    assert len(shown) >= 2
    said = bot.ask("why the second one?", user="cli:lean")
    pick = shown[1]
    first = said["reply"].splitlines()[0]
    assert said["recommendations"] == []
    assert first.startswith(f"{pick['title']} ({pick['year']}): ")
    assert "the picks lean to comedy/family for “feel-good”" in first
    has = [g for g in pick["genres"][:3] if g in ("comedy", "family")]
    assert all(g in first.partition(", as the picks")[0] for g in has) or "none of those" in first
