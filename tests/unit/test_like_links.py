"""A pick for "something like X" that shares nothing with X but the people who liked both says so
(the tester's "movies like the godfather" gave Alien second with only its rating for a reason)."""

from __future__ import annotations

import datetime as dt

from agent.deps import AgentConfig, Deps
from agent.nodes.rank import rank

SE7EN = "se7en-1995"
AIRPLANE = "airplane-1980"  # a comedy: no genre, person or theme of Se7en's


def ranked(starter, profiles, candidate: dict) -> list[str]:
    deps = Deps(catalog=starter, profiles=profiles, config=AgentConfig(explore=False),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    state = {"request": {"like_titles": [SE7EN]}, "candidates": [candidate], "user": "cli:me", "k": 1}
    return rank(state, deps)["picks"][0]["reasons"]


def test_a_pick_brought_in_by_people_who_liked_the_reference_says_so(starter, profiles):
    for n, stars in enumerate([5.0, 4.0, 2.0]):
        profiles.rate(f"cli:fan{n}", SE7EN, 5.0)
        profiles.rate(f"cli:fan{n}", AIRPLANE, stars)
    profiles.rate("cli:other", AIRPLANE, 5.0)  # liked Airplane! but never rated Se7en: no evidence
    reasons = ranked(starter, profiles, {"id": AIRPLANE, "relevance": 0.0, "quality": 0.5, "collaborative": 1.0})
    assert reasons[0] == "liked by 2 of the 3 people here who liked Se7en"


def test_with_no_one_who_liked_both_nothing_is_said_of_people(starter, profiles):
    profiles.rate("cli:fan", SE7EN, 5.0)
    profiles.rate("cli:fan", AIRPLANE, 2.0)  # rated it, did not like it
    reasons = ranked(starter, profiles, {"id": AIRPLANE, "relevance": 0.0, "quality": 0.5})
    assert not any("people here" in r or "person here" in r for r in reasons)


def test_a_pick_already_linked_to_the_reference_gets_no_people_reason(starter, profiles):
    profiles.rate("cli:fan", SE7EN, 5.0)
    profiles.rate("cli:fan", "zodiac-2007", 5.0)  # Fincher's: the shared director is its link
    reasons = ranked(starter, profiles, {"id": "zodiac-2007", "relevance": 0.0, "quality": 0.5})
    assert "like Se7en" in reasons[0]
    assert not any("people here" in r or "person here" in r for r in reasons)


def test_a_pick_named_with_the_reference_in_recommendation_dialogues_says_in_how_many(starter, profiles):
    import numpy as np

    from agent.dialogue_ranker import FEATURES, ConversationSignal, Model, Ranker
    from store.comentions import CoMentions

    table = CoMentions.build([[SE7EN, AIRPLANE], [SE7EN, AIRPLANE, "heat-1995"], [SE7EN, "heat-1995"]])
    ones = np.ones(len(FEATURES))
    signal = ConversationSignal(Model(table, starter.movies), Ranker(ones, np.zeros(len(FEATURES)), ones))
    deps = Deps(catalog=starter, profiles=profiles, config=AgentConfig(explore=False), conversations=signal,
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    state = {"request": {"like_titles": [SE7EN]}, "candidates": [{"id": AIRPLANE, "relevance": 0.0,
             "quality": 0.5, "comention": 1.0}], "user": "cli:me", "k": 1}  # fmt: skip
    reasons = rank(state, deps)["picks"][0]["reasons"]
    assert reasons[0] == "named with Se7en in 2 movie-recommendation dialogues"
