""" "I watched Heat last weekend" listed Heat as seen today, and "saw Alien last month" stored today's date as
if it were the day: a weekend is its Saturday, and a when that names no day keeps no date at all."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.understanding.days_said import day_watched, when_vague
from tests.unit.test_graph import make_bot

TUESDAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("i watched heat last weekend", dt.date(2026, 11, 21)),
        ("saw heat over the weekend", dt.date(2026, 11, 21)),
        ("watched heat this past weekend", dt.date(2026, 11, 21)),
    ],
)
def test_a_weekend_said_is_its_saturday(said, day):
    assert day_watched(said, TUESDAY) == day


def test_last_weekend_said_on_a_sunday_is_the_week_before():
    sunday = dt.date(2026, 11, 29)
    assert day_watched("i watched heat last weekend", sunday) == dt.date(2026, 11, 21)
    assert day_watched("i watched heat over the weekend", sunday) == dt.date(2026, 11, 28)


@pytest.mark.parametrize("said", ["saw alien last month", "i watched alien as a kid", "saw alien a while back"])
def test_a_when_with_no_day_is_told_apart(said):
    assert day_watched(said, TUESDAY) is None and when_vague(said)


def test_no_when_is_no_vague_when():
    assert not when_vague("i watched alien") and not when_vague("last month was busy, any comedies?")


def test_chat_keeps_the_saturday_and_no_day_for_last_month(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("I watched Heat last weekend", user="cli:days")
    answer = bot.ask("saw Alien last month", user="cli:days")
    assert profiles.watched_row("cli:days", "heat-1995")["watched_at"].startswith("2026-11-21")
    assert profiles.watched_row("cli:days", "alien-1979")["watched_at"] is None
    assert "with no date" in answer["reply"] and "2026-11-24" not in answer["reply"], answer["reply"]


@pytest.mark.parametrize("when", ["yesterday", "last weekend", "on Saturday", "last month"])
def test_a_when_after_a_list_of_films_is_no_part_of_the_last_title(starter, profiles, when):
    """ "I watched Alien and Aliens yesterday" noted Alien, and named "Aliens yesterday" as a film not found."""
    answer = make_bot(starter, profiles).ask(f"I watched Alien and Aliens {when}", user="cli:listwhen")
    assert profiles.has_watched("cli:listwhen", "aliens-1986"), answer["reply"]
    assert "couldn't find" not in answer["reply"], answer["reply"]
