"""Stars said in words ("three and a half stars") are the stars given, and name no film."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_MOVIES
from tests.unit.test_requests_honoured import catalog_of, make_bot

THREE = {**SAMPLE_MOVIES[0], "id": "three-2010", "title": "Three", "year": 2010, "votes": 900, "rating": 6.0,
         "genres": ["drama", "romance"], "directors": ["Tom Tykwer"], "cast": ["Sophie Rois"],
         "keywords": [], "moods": [], "overview": "A Berlin couple fall for the same man."}  # fmt: skip


@pytest.fixture
def catalog(tmp_path):
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, THREE])
    yield catalog
    catalog.close()


def test_half_stars_in_words_rate_the_film_pointed_at_and_no_film_called_three(catalog, profiles):
    """ "the first one, watched it, gave it like three and a half stars" answered "Got it: Three
    (2010) marked as watched" and kept no stars; "seen the 2nd one, four and a half stars" only
    marked it watched."""
    bot = make_bot(catalog, profiles)
    first, second = (p["id"] for p in bot.ask("a crime film", user="cli:ana")["recommendations"][:2])
    said = bot.ask("the first one, watched it, gave it like three and a half stars", user="cli:ana")
    assert said["reply"].startswith(f"Noted: 3.5 out of 5 for {catalog.movies[first].label}.")
    assert profiles.rating("cli:ana", first) == 3.5 and not profiles.has_watched("cli:ana", "three-2010")
    bot.ask("seen the 2nd one, four and a half out of five", user="cli:ana")
    assert profiles.rating("cli:ana", second) == 4.5
    bot.ask("I'd give Heat three and a half stars", user="cli:ana")
    assert profiles.rating("cli:ana", "heat-1995") == 3.5
    named = bot.ask("Three was great, 4 stars", user="cli:ana")  # the film itself, named
    assert "Three (2010)" in named["reply"] and profiles.rating("cli:ana", "three-2010") == 4.0


def test_slang_for_a_pick_that_appeals_is_interest_not_a_new_request(catalog, profiles):
    """ "the 2nd one looks sick" answered three unrelated films and dropped the request."""
    bot = make_bot(catalog, profiles)
    second = bot.ask("a crime film", user="cli:bo")["recommendations"][1]["id"]
    for said in ("the 2nd one looks sick", "2nd one looks dope", "the second one sounds lit"):
        answer = bot.ask(said, user="cli:bo")
        assert answer["reply"].startswith(f"Enjoy {catalog.movies[second].label}!"), said
        assert answer["recommendations"] == []


def test_one_film_seen_and_given_stars_is_rated_not_searched_for(catalog, profiles):
    """ "seen heat, 4 stars" answered "I couldn't find “4 stars” in my catalog" and kept no stars."""
    bot = make_bot(catalog, profiles)
    for said, stars in (("seen parasite, 4 stars", 4.0), ("seen parasite, 4.5/5", 4.5),
                        ("saw parasite, three and a half stars", 3.5)):  # fmt: skip
        answer = bot.ask(said, user="cli:cy")
        assert "couldn't find" not in answer["reply"] and "Three" not in answer["reply"], said
        assert answer["reply"].startswith(f"Noted: {stars:g} out of 5 for Parasite (2019)."), said
        assert profiles.rating("cli:cy", "parasite-2019") == stars, said
    listed = bot.ask("seen parasite, se7en and amelie", user="cli:di")  # a list with no stars: each seen
    assert {r["movie_id"] for r in profiles.watched("cli:di")} == {"parasite-2019", "se7en-1995", "amelie-2001"}
    assert listed["recommendations"] == []


def test_a_seen_list_given_stars_rates_each_film(catalog, profiles):
    """ "seen parasite and amelie, 4 stars" marked both watched, kept no stars and answered "I
    couldn't find “4 stars” in my catalog"."""
    bot = make_bot(catalog, profiles)
    for user, said, stars in (("cli:ed", "seen parasite and amelie, 4 stars", 4.0),
                              ("cli:fa", "watched parasite, se7en and amelie - 3.5/5", 3.5)):  # fmt: skip
        answer = bot.ask(said, user=user)
        assert "couldn't find" not in answer["reply"], said
        assert answer["reply"].startswith(f"Noted: {stars:g} out of 5 for Parasite (2019)"), said
        assert "Amélie (2001)" in answer["reply"], said
        assert profiles.rating(user, "parasite-2019") == profiles.rating(user, "amelie-2001") == stars, said
