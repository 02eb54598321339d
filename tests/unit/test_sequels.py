"""A question for a film's sequels names a film: the answer is the later films of its series the
catalog has, or that it has none, never picks for the theme "sequel" (which answered "the dark
knight sequels" with Now You See Me 2)."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    "said", ["the dark knight sequels", "sequels to the dark knight", "what are the sequels of the dark knight?"]
)
def test_a_films_sequels_are_the_later_films_of_its_series(starter, profiles, said):
    answer = make_bot(starter, profiles).ask(said, user="cli:seq")
    assert answer["recommendations"] == [], answer["reply"]
    assert (
        answer["reply"] == "Later films of The Dark Knight (2008)'s series in my catalog: The Dark Knight Rises (2012)."
    )


def test_a_sequel_under_its_title_made_plural_counts_and_earlier_films_do_not(starter, profiles):
    bot = make_bot(starter, profiles)
    alien = bot.ask("what are the sequels of alien", user="cli:sea")["reply"]
    assert alien == "Later films of Alien (1979)'s series in my catalog: Aliens (1986)."
    toy = bot.ask("any sequels to toy story 2?", user="cli:seb")["reply"]
    assert toy == "Later films of Toy Story 2 (1999)'s series in my catalog: Toy Story 3 (2010)."


def test_a_film_without_sequels_is_said_to_have_none_and_an_unknown_one_to_be_missing(starter, profiles):
    bot = make_bot(starter, profiles)
    heat = bot.ask("does heat have a sequel?", user="cli:sec")
    assert heat["recommendations"] == []
    assert heat["reply"].startswith("My catalog has no sequel to Heat (1995)")
    missing = bot.ask("sequels to zorblax returns", user="cli:sed")["reply"]
    assert "couldn't find" in missing and "zorblax returns" in missing


def test_a_pick_pointed_at_is_the_film_asked_about_not_a_film_called_it(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("toy story", user="cli:see")["recommendations"][0]
    label = f"{first['title']} ({first['year']})"
    shown = bot.ask("does the first one have a sequel?", user="cli:see")["reply"]
    assert label in shown and ("series" in shown or "sequel" in shown), shown
    which = bot.ask("does it have a sequel?", user="cli:see")["reply"]
    assert "It (" not in which, which


@pytest.mark.parametrize("said", ["horror sequels", "good sequels", "recommend some sequels", "alien sequels"])
def test_sequels_of_a_kind_are_still_a_request_for_picks(starter, profiles, said):
    answer = make_bot(starter, profiles).ask(said, user="cli:sef")
    assert answer["recommendations"], answer["reply"]
