"""Verdicts said in passing: praise of films named earlier in the message ("Heat and Ronin were both
great", "I watched Heat and it was great"), a middling verdict ("Heat was ok"), one remembered ("I
remember loving Jaws"), a film called a classic before a wish for more, and a verdict after "I think"."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.profile import verdict_source
from agent.understanding.days_said import day_watched
from agent.understanding.intents import classify
from agent.understanding.reader import understand
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    ("said", "titles", "stars"),
    [
        ("Heat and Ronin were both great", ["heat-1995", "ronin-1998"], 4.0),
        ("I watched Heat last week and it was great", ["heat-1995"], 4.0),
        ("saw Heat and Ronin, they were amazing", ["heat-1995", "ronin-1998"], 5.0),
        ("I watched Heat and Ronin, both were great", ["heat-1995", "ronin-1998"], 4.0),
    ],
)
def test_praise_of_films_named_before_it_is_their_verdict(said: str, titles: list[str], stars: float) -> None:
    """ "I watched Heat last week and it was great" stored only "seen": the praise after the film is its verdict."""
    judged = classify(said, LOOKUP, has_previous=False)
    assert (judged.intent, sorted(judged.titles), judged.rating) == ("liked", titles, stars), judged


def test_praise_of_listed_films_with_a_wish_for_more_keeps_both_and_asks() -> None:
    """ "Heat and Ronin were both great, anything similar?" used both as references and stored no like."""
    asked = classify("Heat and Ronin were both great, anything similar?", LOOKUP, has_previous=False)
    assert asked.intent == "recommend" and asked.feedback is not None, asked
    assert (asked.feedback.intent, asked.feedback.titles) == ("liked", ["heat-1995", "ronin-1998"])


@pytest.mark.parametrize(
    "said",
    [
        "Thanks, it was great. Anything like Heat?",  # the praise is of what came before, no film of the request
        "something like Heat but it must be good",
        "a great thriller like Heat",
    ],
)
def test_praise_not_said_of_a_named_film_stores_nothing(said: str) -> None:
    asked = classify(said, LOOKUP, has_previous=False)
    assert asked.intent == "recommend" and asked.feedback is None, asked


@pytest.mark.parametrize("said", ["Heat was ok", "Heat was alright", "Heat was decent", "Heat is pretty decent"])
def test_a_middling_verdict_is_three_stars(said: str) -> None:
    """ "Heat was ok" was read as a search for films; it is a lukewarm verdict on Heat."""
    judged = classify(said, LOOKUP, has_previous=False)
    assert (judged.intent, judged.titles, judged.rating) == ("liked", ["heat-1995"], 3.0), judged


@pytest.mark.parametrize("said", ["that's ok", "it's ok, thanks", "is heat ok for kids?"])
def test_ok_said_of_no_film_or_asked_is_no_verdict(said: str) -> None:
    assert classify(said, LOOKUP, has_previous=False).intent not in ("liked", "disliked")


def test_a_middling_verdict_is_stored_as_its_stars_not_as_liked() -> None:
    """A 3 said as "ok" is read back as its stars, never as "which you liked"."""
    assert verdict_source("liked", 3.0, False) == "chat"
    assert verdict_source("liked", 4.0, False) == "chat:liked"


@pytest.mark.parametrize(
    ("said", "intent", "stars"),
    [("I remember loving Heat", "liked", 5.0), ("I remember hating Heat", "disliked", 1.0)],
)
def test_a_remembered_verdict_is_the_verdict(said: str, intent: str, stars: float) -> None:
    judged = classify(said, LOOKUP, has_previous=False)
    assert (judged.intent, judged.titles, judged.rating) == (intent, ["heat-1995"], stars), judged


@pytest.mark.parametrize("said", ["Heat is such a classic, anything like it?", "Heat is a classic, anything like it?"])
def test_a_film_called_a_classic_before_a_wish_for_more_is_loved_and_the_reference(said: str) -> None:
    asked = classify(said, LOOKUP, has_previous=False)
    assert understand(said, LOOKUP).like_titles == ["heat-1995"]
    assert asked.feedback is not None and (asked.feedback.intent, asked.feedback.titles) == ("liked", ["heat-1995"])


@pytest.mark.parametrize(("said", "stars"), [("I think Alien was amazing", 5.0), ("I thought Alien was great", 4.0)])
def test_a_verdict_after_i_think_is_on_the_film_as_without_it(said: str, stars: float) -> None:
    """ "I think Alien was amazing" gave sci-fi films about aliens, where "Alien was amazing" noted the film."""
    judged = classify(said, LOOKUP, has_previous=False)
    assert (judged.intent, judged.titles, judged.rating) == ("liked", ["alien-1979"], stars), judged


def test_last_week_is_a_day_a_week_back() -> None:
    today = dt.date(2026, 11, 24)
    assert day_watched("i watched heat last week and it was great", today) == dt.date(2026, 11, 17)
    assert day_watched("last week i wanted a comedy", today) is None  # no viewing told
