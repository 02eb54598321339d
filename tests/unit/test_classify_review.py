"""Messages a pattern added for one question or verdict must not catch (found reviewing those patterns)."""

import pytest

from agent.understanding.intents import classify
from agent.understanding.verdicts import mixed_verdicts  # noqa: F401 - the module under review
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    ("text", "intent", "facts", "ordinal"),
    [
        ("seen it on the 14th", "seen", (), None),  # a date, not the 14th pick
        ("loved it, watching again on the 25th", "liked", (), None),
        ("why the 13th one?", "why", (), 12),
        ("what's the second one rated on imdb?", "facts", ("rating",), 1),  # its rating, not an age rating
        ("what's it rated?", "facts", ("rating",), None),
        ("is it rated R?", "facts", ("certificate",), None),
        ("is the second one family friendly?", "facts", ("certificate",), 1),  # what an age rating answers
        ("is it ok for kids?", "facts", ("certificate",), None),
        ("is the first one animated?", "facts", ("kind",), 0),  # its genres, which the catalog has
        ("what did you say the second one was about?", "facts", ("plot",), 1),  # not the list again
        ("what did you just recommend?", "facts", ("list",), None),
    ],
)
def test_a_question_is_the_one_asked(text, intent, facts, ordinal):
    said = classify(text, LOOKUP, has_previous=True)
    assert (said.intent, said.facts, said.ordinal) == (intent, facts, ordinal)


@pytest.mark.parametrize("text", ["is it good for u?", "is it ok for my son, he is 15"])
def test_everyday_questions_are_no_age_rating_questions(text):
    assert "certificate" not in classify(text, LOOKUP, has_previous=True).facts


def test_a_film_said_to_be_unseen_takes_no_verdict_from_its_neighbours():
    """ "I loved Heat, didn't like Alien, haven't seen Aliens" stored Aliens at 2/5."""
    said = classify("I loved Heat, didn't like Alien, haven't seen Aliens", LOOKUP, has_previous=False)
    assert {t: v for t, v, _ in said.verdicts} == {"heat-1995": "liked", "alien-1979": "disliked"}
    alone = classify("I loved Heat, haven't seen Alien", LOOKUP, has_previous=False)
    assert alone.intent == "liked" and alone.titles == ["heat-1995"]
