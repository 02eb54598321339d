"""A place refused is one theme, however many words it has: "nothing about new zealand" refused
"new" and "zealand" apart, and "no films set in new zealand" asked for films about it."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


@pytest.mark.parametrize(
    ("text", "refused", "genres"),
    [
        ("a drama, nothing about new zealand", ["new zealand"], ["drama"]),
        ("no films set in new zealand", ["new zealand"], []),
        ("a drama not set in new york", ["new york"], ["drama"]),
        ("not set in new york or paris", ["new york", "paris"], []),
        ("a drama, nothing about world war 2", ["world war ii"], ["drama"]),
        ("a comedy, nothing that takes place in italy", ["italy"], ["comedy"]),
    ],
)
def test_a_place_refused_is_one_theme(starter, text, refused, genres):
    said = understand(text, starter)
    assert (said.exclude_keywords, said.keywords, said.countries, said.genres) == (refused, [], [], genres)


def test_a_place_asked_for_is_one_theme(starter):
    said = understand("a movie set in new zealand", starter)
    assert (said.keywords, said.countries, said.exclude_keywords) == (["new zealand"], [], [])


@pytest.mark.parametrize(
    ("text", "keywords", "genres"),
    [
        ("films set in paris", ["paris"], []),  # "paris" was no theme: a guess from the words
        ("a comedy set in new york", ["new york"], ["comedy"]),
        ("a thriller that takes place in tokyo", ["tokyo"], ["thriller"]),
        ("a horror movie set on a boat", ["boat"], ["horror"]),
    ],
)
def test_a_place_the_phrasebook_does_not_know_is_still_the_place_asked_for(starter, text, keywords, genres):
    said = understand(text, starter)
    assert (said.keywords, said.genres, said.exclude_keywords) == (keywords, genres, [])


def test_a_set_of_films_is_no_place(starter):
    assert understand("a set of films about grief", starter).keywords != ["of films"]


def test_a_place_no_film_mentions_is_said_to_be_unknown(starter):
    """A place no film's title, tags or overview mentions gives picks that cannot be set there: the
    reply says so instead of presenting them as an answer."""
    import datetime as dt

    from agent.deps import AgentConfig, Deps
    from agent.recommender import Recommender

    bot = Recommender(Deps(catalog=starter, config=AgentConfig(explore=False),
                           clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC)), None)  # fmt: skip
    answer = bot.ask("films set in reykjavik", user="cli:ola")
    assert answer["reply"].startswith('No film in my catalog mentions "reykjavik"')
    paris = bot.ask("films set in paris", user="cli:pia")
    assert "mentions" not in paris["reply"] and paris["recommendations"]
    assert all("paris" in (starter.movies[r["id"]].overview + " ".join(starter.movies[r["id"]].keywords)).lower()
               or "paris" in starter.movies[r["id"]].title.lower() for r in paris["recommendations"][:1])  # fmt: skip
