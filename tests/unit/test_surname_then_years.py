""" "Spielberg from the 80s" answered "Here are 3 picks: 1980s films." with The Terminator among them: a
surname opening the message, with no "movies" after it, was dropped without a word. Years right after a
surname only a person carries now cue it as that person, as "films" after it does; a surname that is also
an everyday word ("Stone") stays a word, and one that names a place after "in" stays a place."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_requests_honoured import picked


@pytest.mark.parametrize(
    ("message", "person", "years"),
    [
        ("Spielberg from the 80s", "Steven Spielberg", (1980, 1989)),
        ("spielberg from the 80s", "Steven Spielberg", (1980, 1989)),
        ("Kubrick from the 60s", "Stanley Kubrick", (1960, 1969)),
        ("hitchcock in the 50s", "Alfred Hitchcock", (1950, 1959)),
        ("Scorsese 90s", "Martin Scorsese", (1990, 1999)),
    ],
)
def test_a_surname_then_its_years_picks_that_persons_films_then(starter_bot, starter, message, person, years):
    said = starter_bot.ask(message, user="cli:sy", k=3)
    films = picked(starter, said)
    assert films
    assert all(person in m.directors + m.cast and years[0] <= m.year <= years[1] for m in films), [
        m.title for m in films
    ]
    assert person in said["reply"].split("\n")[0]


def test_a_surname_after_a_bound_year_reads_both(starter_bot, starter):
    said = starter_bot.ask("nolan after 2010", user="cli:sy", k=3)
    films = picked(starter, said)
    assert films and all("Christopher Nolan" in m.directors and m.year > 2010 for m in films)
    assert "Christopher Nolan" in said["reply"].split("\n")[0]


@pytest.mark.parametrize(
    "message",
    [
        "Stone from the 80s",  # a stone, a film called Stone, or one of three Stones: no one is chosen
        "a movie set in Washington in the 90s",  # the city
        "films from the 80s",
    ],
)
def test_everyday_words_and_places_before_years_name_no_one(starter, message):
    assert understand(message, starter).people == []


def test_a_surname_several_carry_then_years_asks_whose(starter):
    """ "Jackson from the 90s": said as a person, but which one is the user's to say."""
    read = understand("Jackson from the 90s", starter)
    assert read.people == []
    assert any(caveat.startswith('"Jackson" could be Samuel L. Jackson') for caveat in read.caveats)
