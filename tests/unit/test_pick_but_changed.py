"""Follow-ups that name one pick and change it one way: "the second one but newer"."""

from __future__ import annotations

import pytest

from agent.recommender import Recommender


@pytest.fixture
def bot(starter_bot) -> Recommender:
    return starter_bot


def _picks(answer: dict) -> list[dict]:
    return answer["recommendations"]


def test_the_second_one_but_newer_is_newer_than_that_pick(bot):
    """ "the second one but newer" after war films from 2009, 1979 and 1998 asked for films from 2010
    on (newer than all three) and not like the second one."""
    shown = _picks(bot.ask("a war film", user="cli:ann"))
    second = shown[1]
    assert second["year"] < max(p["year"] for p in shown)  # the case: the second is not the newest
    newer = bot.ask("the second one but newer", user="cli:ann")
    assert newer["understood"]["year_min"] == second["year"] + 1
    assert newer["understood"]["like_titles"] == [f"{second['title']} ({second['year']})"]
    assert all(p["year"] > second["year"] for p in _picks(newer))


def test_the_third_one_but_shorter_is_shorter_than_that_pick_not_the_shortest(bot):
    """ "like the third one but shorter" kept the bound the other picks gave ("shorter" than the
    shortest of them, 115 min) though the third ran 120."""
    bot.ask("a war film", user="cli:bo")
    shown = _picks(bot.ask("something shorter", user="cli:bo"))
    third = shown[2]
    assert third["runtime"] > min(p["runtime"] for p in shown)  # the case: the third is not the shortest
    shorter = bot.ask("like the third one but shorter", user="cli:bo")
    assert shorter["understood"]["max_runtime"] == third["runtime"] - 1
    assert all(p["runtime"] < third["runtime"] for p in _picks(shorter))


@pytest.mark.parametrize("said, count", [("just 2 please", 2), ("two please", 2), ("make it 4", 4), ("only 3", 3)])
def test_a_message_that_only_says_how_many_keeps_the_request(bot, said, count):
    """ "just 2 please" after westerns answered "I don't know your taste yet, so here are 3 picks":
    the westerns gone and the number unread."""
    bot.ask("a western", user="cli:cal")
    answer = bot.ask(said, user="cli:cal")
    assert answer["understood"]["genres"] == ["western"] and answer["understood"]["count"] == count
    assert len(answer["recommendations"]) == count
    assert answer["reply"].startswith(f"Here are {count} picks: western films.")


def test_more_like_that_after_one_pick_goes_by_that_pick(bot):
    """ "just one", then "more like that", kept the search as it was and went by no film: "that" was
    read as nothing, though the answer had one film in it."""
    bot.ask("an action movie from the 90s", user="cli:dan")
    only = _picks(bot.ask("just one", user="cli:dan"))
    assert len(only) == 1
    like = bot.ask("more like that", user="cli:dan")
    assert like["understood"]["like_titles"] == [f"{only[0]['title']} ({only[0]['year']})"]
    assert f"like {only[0]['title']}" in like["reply"].split("\n")[0]
