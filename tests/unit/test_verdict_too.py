""" "Bad Moms (2016) was cute too" (a seeker telling what else they liked) was read as a request for films
like Bad Moms, with no like noted: a "too" after the verdict hid that the message was a title and its verdict."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def test_a_film_said_cute_too_is_liked(starter, profiles):
    answer = make_bot(starter, profiles).ask("Toy Story 2 (1999) was cute too", user="cli:too")
    assert profiles.ratings("cli:too") == {"toy-story-2-1999": 4.0}
    assert answer["reply"].startswith("Great, I've noted that you liked Toy Story 2 (1999)."), answer["reply"]


def test_a_film_said_boring_as_well_is_disliked(starter, profiles):
    make_bot(starter, profiles).ask("Heat (1995) was boring as well", user="cli:well")
    assert profiles.ratings("cli:well") == {"heat-1995": 2.0}


def test_a_film_asked_for_is_still_a_reference(starter, profiles):
    answer = make_bot(starter, profiles).ask("something like Toy Story 2", user="cli:like")
    assert profiles.ratings("cli:like") == {} and answer["recommendations"]
