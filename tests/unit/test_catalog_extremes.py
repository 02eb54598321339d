"""Questions about the whole catalog's extremes: "what's the longest movie you have?" was answered
with picks guessed from its words (The Longest Ride, The Longest Yard, The Longest Day on the 11k
catalog), or with "rated 8+" picks for "the highest rated movie in your catalog"."""

from __future__ import annotations

from agent.catalog_extremes import WELL_RATED_VOTES
from tests.unit.test_graph import make_bot


def _films(starter):
    return list(starter.movies.values())


def test_the_longest_and_shortest_film_are_the_catalogs_own(starter, profiles):
    bot = make_bot(starter, profiles)
    timed = [m for m in _films(starter) if m.runtime]
    longest = max(timed, key=lambda m: m.runtime)
    said = bot.ask("what's the longest movie you have?", user="cli:ext")
    assert said["recommendations"] == []
    assert said["reply"].startswith(f"The longest film in my catalog is {longest.label}, at {longest.runtime} minutes")
    shortest = min(timed, key=lambda m: m.runtime)
    said = bot.ask("shortest film you've got?", user="cli:ext2")["reply"]
    assert f"{shortest.label}, at {shortest.runtime} minutes" in said and said.startswith("The shortest film")


def test_the_oldest_of_a_genre_is_found_among_the_films_that_fit(starter, profiles):
    bot = make_bot(starter, profiles)
    westerns = [m for m in _films(starter) if "western" in m.genres and m.year]
    first = min(m.year for m in westerns)
    oldest = [m.label for m in westerns if m.year == first]
    said = bot.ask("which is the oldest western in your collection?", user="cli:ext")
    assert said["recommendations"] == []
    assert said["reply"].startswith("Of the films that fit (western films), the oldest in my catalog")
    assert all(label in said["reply"] for label in oldest[:3]), said["reply"]


def test_newest_asks_for_no_recent_years_and_highest_rated_for_no_floor(starter, profiles):
    """The superlative is the question, not a filter: "newest" read as "from 2021 on" found nothing
    on a catalog that ends earlier; "highest rated" read as "rated 8+" gave picks."""
    bot = make_bot(starter, profiles)
    last = max(m.year for m in _films(starter) if m.year)
    newest = bot.ask("the newest movie you have?", user="cli:ext")["reply"]
    assert f"({last})" in newest and "none are from" not in newest, newest
    counted = [m for m in _films(starter) if m.rating is not None and (m.votes or 0) >= WELL_RATED_VOTES]
    best = max(counted, key=lambda m: m.rating)
    said = bot.ask("what's the highest rated film in your catalog?", user="cli:ext")
    assert said["recommendations"] == []
    assert f"is {best.label}, rated {best.rating:.1f}" in said["reply"], said["reply"]
    assert "counting films rated by at least 1,000 people" in said["reply"]


def test_the_film_named_is_the_one_a_follow_up_asks_about(starter, profiles):
    bot = make_bot(starter, profiles)
    longest = max((m for m in _films(starter) if m.runtime), key=lambda m: m.runtime)
    bot.ask("what's the longest movie you have?", user="cli:ext")
    assert longest.directors[0] in bot.ask("who directed it?", user="cli:ext")["reply"]


def test_a_request_or_an_opinion_question_is_no_catalog_question(starter, profiles):
    """Neighbours: asking for films, or the bot's own favourite, still gets picks."""
    bot = make_bot(starter, profiles)
    assert bot.ask("show me the newest comedies", user="cli:ext")["recommendations"]
    assert bot.ask("what is the best movie you have seen?", user="cli:ext2")["recommendations"]
