"""What people say of films they have seen: when ("I saw Heat the other day"), a verdict on a film whose name
is also a theme ("alien was great"), a verdict for each film of a message ("Heat was decent but Ronin was
great"), and every pick seen ("meh, seen them all")."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.understanding.days_said import day_watched
from agent.understanding.intents import classify
from store.catalog import Catalog
from tests.conftest import starter_plus
from tests.unit.test_graph import make_bot
from tests.unit.test_understanding import LOOKUP

_RONIN = {"id": "ronin-1998", "title": "Ronin", "year": 1998, "genres": ["action", "thriller", "crime"],
          "directors": ["John Frankenheimer"], "cast": ["Robert De Niro", "Jean Reno"], "runtime": 122,
          "language": "en", "country": "US", "rating": 7.0, "votes": 90000, "keywords": [], "moods": [],
          "overview": "Mercenaries chase a briefcase through France."}  # fmt: skip


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> Catalog:
    """The starter catalog with Ronin beside Heat."""
    catalog = starter_plus(tmp_path_factory.mktemp("films"), [_RONIN])
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("said", "film"),
    [
        ("I saw Heat the other day", "heat-1995"),
        ("watched jaws the other night", "jaws-1975"),
        ("I saw Heat a while back", "heat-1995"),
        ("I saw heat recently", "heat-1995"),
        ("saw alien a while ago", "alien-1979"),
    ],
)
def test_a_viewing_said_with_a_vague_when_marks_the_film_watched(starter, profiles, said, film):
    """ "I saw Heat the other day" understood nothing ("Heat the other day" was no film, and "other" asked for
    other films) and recommended Heat back: the film is watched, on no day the user did not say."""
    answer = make_bot(starter, profiles).ask(said, user="cli:when")
    assert profiles.has_watched("cli:when", film), answer["reply"]
    assert film not in [r["id"] for r in answer["recommendations"]], answer["reply"]
    assert "marked as watched" in answer["reply"] and "didn't find" not in answer["reply"], answer["reply"]


def test_a_verdict_after_a_vague_when_is_the_films_verdict(starter, profiles):
    """ "I saw jaws the other day, loved it" noted nothing and picked Jaws first."""
    answer = make_bot(starter, profiles).ask("I saw jaws the other day, loved it", user="cli:loved")
    assert profiles.rating("cli:loved", "jaws-1975") == 5.0, answer["reply"]
    assert "you loved Jaws (1975)" in answer["reply"] and not answer["recommendations"], answer["reply"]


def test_a_viewing_with_a_vague_when_said_in_a_request_is_noted(starter, profiles):
    """ "I saw Heat the other day, anything like it?" found no genre, person or film, and noted nothing."""
    answer = make_bot(starter, profiles).ask("I saw Heat the other day, anything like it?", user="cli:req")
    assert profiles.has_watched("cli:req", "heat-1995"), answer["reply"]
    assert answer["understood"]["like_titles"] == ["Heat (1995)"], answer["understood"]
    assert "Noted: you've seen Heat (1995)" in answer["reply"], answer["reply"]


def test_days_back_keep_their_day_and_a_vague_when_keeps_none():
    today = dt.date(2026, 11, 24)
    assert day_watched("i saw heat 3 days back", today) == dt.date(2026, 11, 21)
    assert day_watched("i saw heat a couple days ago", today) == dt.date(2026, 11, 22)
    assert day_watched("i saw heat the other day", today) is None
    assert day_watched("i saw heat a while back", today) is None
    said = classify("I watched Heat 3 days back", LOOKUP, has_previous=False)
    assert (said.intent, said.titles) == ("seen", ["heat-1995"]), said


@pytest.mark.parametrize("said", ["alien was great", "i think alien was great", "I thought alien was great"])
def test_a_well_known_title_judged_whole_is_the_film_not_its_theme(starter, profiles, said):
    """ "alien was great" gave sci-fi films about aliens, Alien (1979) among them: the words before the verdict
    are the whole title of a well-known film, so the verdict is on it."""
    answer = make_bot(starter, profiles).ask(said, user="cli:alien")
    assert profiles.rating("cli:alien", "alien-1979") == 4.0, answer["reply"]
    assert "alien-1979" not in [r["id"] for r in answer["recommendations"]], answer["reply"]
    assert "Alien (1979)" in answer["reply"], answer["reply"]


def test_a_theme_before_a_verdict_stays_a_theme_unless_it_is_a_well_known_title(starter):
    """ "horror was great" names a genre; only a whole title wins over a theme word."""
    assert classify("horror was great", starter, has_previous=False).titles == []
    assert classify("alien was great", starter, has_previous=False).titles == ["alien-1979"]


@pytest.mark.parametrize(
    ("said", "stars"),
    [
        ("Heat was decent but Ronin was great", {"heat-1995": 3.0, "ronin-1998": 4.0}),
        ("Heat was alright but Ronin was amazing", {"heat-1995": 3.0, "ronin-1998": 5.0}),
        ("Heat was good but Ronin was great", {"heat-1995": 4.0, "ronin-1998": 4.0}),
    ],
)
def test_each_clause_gives_its_own_film_its_verdict(films, profiles, said, stars):
    """ "Heat was decent but Ronin was great" noted Heat as 3/5 and never mentioned Ronin."""
    answer = make_bot(films, profiles).ask(said, user="cli:each")
    assert {m: profiles.rating("cli:each", m) for m in stars} == stars, answer["reply"]
    assert "Heat (1995)" in answer["reply"] and "Ronin (1998)" in answer["reply"], answer["reply"]
    if stars["heat-1995"] == 3.0:
        assert "Heat (1995) was OK for you" in answer["reply"], answer["reply"]
        assert "you liked Heat" not in answer["reply"], answer["reply"]


def test_middling_and_loved_verdicts_are_told_apart():
    said = classify("Heat was ok but Ronin was amazing", LOOKUP, has_previous=False)
    assert set(said.verdicts) == {("heat-1995", "liked", 3.0), ("ronin-1998", "liked", 5.0)}, said


@pytest.mark.parametrize(
    "said", ["meh, seen them all", "seen them", "already watched all of those", "seen 'em", "nah seen em"]
)
def test_every_pick_said_seen_is_watched_with_no_verdict_and_others_come(starter, profiles, said):
    """ "meh, seen them all" after three picks said "Noted: X, Y and Z weren't for you" and stored dislikes:
    the user has seen them, which is no verdict."""
    bot = make_bot(starter, profiles)
    shown = [r["id"] for r in bot.ask("comedies from the 90s", user="cli:seen")["recommendations"]]
    answer = bot.ask(said, user="cli:seen")
    assert all(profiles.has_watched("cli:seen", m) for m in shown), answer["reply"]
    assert not any(profiles.rating("cli:seen", m) is not None for m in shown), answer["reply"]
    fresh = [r["id"] for r in answer["recommendations"]]
    assert fresh and not set(fresh) & set(shown), answer["reply"]
    assert "you've seen" in answer["reply"] and "weren't for you" not in answer["reply"], answer["reply"]
