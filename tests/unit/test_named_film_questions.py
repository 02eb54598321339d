"""A question about a film named by a word that is also a theme ("is alien scary?") is about that
film: answered from the catalog's record of it, never with a list of picks about aliens."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "told"),
    [
        ("is alien scary?", "Yes: Alien (1979) is listed as "),  # horror, which is what "scary" asks
        # the catalog records no age ratings: said so, before the genres the user may judge by
        ("is alien for kids?", "My catalog doesn't record age ratings (PG, R, 12A...). Alien (1979) is listed as "),
        ("is alien worth watching?", "Alien (1979) is rated "),
        ("is alien long?", "Alien (1979) runs "),
    ],
)
def test_a_question_about_a_film_named_by_a_theme_word_answers_about_that_film(starter, profiles, said, told):
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:sol")
    assert answer["recommendations"] == [], said
    assert answer["reply"].startswith(told), answer["reply"]


def test_the_theme_itself_still_gets_picks(starter, profiles):
    bot = make_bot(starter, profiles)
    answer = bot.ask("alien movies", user="cli:tam")
    assert answer["recommendations"], answer["reply"]


@pytest.mark.parametrize(
    ("said", "told"),
    [("should I watch inception?", "Inception (2010) is rated "), ("so should we see heat", "Heat (1995) is rated ")],
)
def test_should_i_watch_a_named_film_is_answered_about_it(starter, profiles, said, told):
    """ "should I watch inception?" gave three picks, Inception first, as if films had been asked for."""
    answer = make_bot(starter, profiles).ask(said, user="cli:sho")
    assert answer["recommendations"] == [] and answer["reply"].startswith(told), answer["reply"]


def test_should_i_watch_something_is_still_a_request(starter, profiles):
    answer = make_bot(starter, profiles).ask("should i watch something funny?", user="cli:shp")
    assert answer["recommendations"] and "comedy" in answer["understood"]["genres"]
