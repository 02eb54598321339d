""" "a French film from 2030" answered "Here are 3 picks: French films.": a year more than a year or two
ahead was dropped unsaid, so the reply never said the catalog holds none. A four-digit year cued as the
films' own is now read however far it is, and the reply says the catalog's newest (or oldest) films."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("a French film from 2030", "so none are from 2030."),
        ("a thriller from 2031", "so none are from 2031."),
        ("movies made in 2040", "so none are from 2040."),
        ("a film from 1850", "so none are from 1850."),
    ],
)
def test_a_year_past_the_catalog_is_said_to_have_no_films(starter_bot, message, said):
    reply = starter_bot.ask(message, user="cli:far", k=3)["reply"]
    assert said in reply.split("\n")[0]


def test_a_far_year_without_a_cue_is_no_year(starter):
    """A bare number ("2046", a film's title) or a count is not read as a year so far off."""
    read = understand("2046", starter)
    assert (read.year_min, read.year_max) == (None, None)
