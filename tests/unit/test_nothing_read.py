"""A request the bot read nothing in is not answered as if it had been: the picks it still gets are
said to be a guess, an emoji that reads as a genre is a request for it, and one that reads as
nothing is said not to have been understood."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    "said", ["a movie where a purple elephant plays chess on the moon", "something for thanksgiving with the in-laws"]
)
def test_picks_for_a_request_read_as_nothing_are_said_to_be_a_guess(starter, profiles, said):
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:uma")
    assert answer["recommendations"], answer["reply"]
    assert answer["reply"].startswith(
        "I didn't find a genre, person, film, era or theme I know in your message, so these picks are only a guess"
    )


@pytest.mark.parametrize(
    "said",
    [
        "a crime thriller from the 90s",
        "recommend me a movie",
        "something like Se7en",
        "surprise me",
        "I'm bored",
        "couldn't stand heat, what else?",
        # a genre, era or tone said as a taste leans the picks: it was found
        "Well I like drama movies.",
        "I like comedy and action!",
        "I love movies that make you think",
        "I like old movies",
        "I love movies that have twists",  # "that" opens a clause here: no film pointed at
    ],  # a verdict noted: what the picks go by is said instead
)
def test_a_request_read_as_something_or_as_any_film_is_not_called_a_guess(starter, profiles, said):
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:vic")
    assert answer["recommendations"] and "only a guess" not in answer["reply"], said


def test_an_emoji_reads_as_the_genre_it_stands_for_or_as_not_understood(starter, profiles):
    bot = make_bot(starter, profiles)
    western = bot.ask("🤠", user="cli:wes")
    assert western["recommendations"]
    assert all("western" in starter.movies[r["id"]].genres for r in western["recommendations"])
    banana = bot.ask("🍌", user="cli:xan")
    assert banana["recommendations"] == [] and banana["reply"].startswith("Sorry, I didn't catch that.")
    smile = bot.ask("🙂", user="cli:yve")
    assert smile["intent"] == "smalltalk"


@pytest.mark.parametrize(
    "said",
    ["the matrix", "before sunrise", "harry potter", "harry potter movies", "godfather", "the original matrix"],
)  # "the original total recall" was said to name no film
def test_a_bare_title_or_series_is_not_called_a_guess(starter, profiles, said):
    """ "the matrix" alone names a film the picks lead with: the reply does not say nothing was read."""
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:zed")
    assert answer["recommendations"] and "only a guess" not in answer["reply"], answer["reply"]


def test_a_surname_several_people_carry_is_not_called_nothing_found(starter):
    """ "something by del toro" said whose the name could be and then "I didn't find a genre, person,
    film, era or theme I know in your message", untrue once the name was recognised."""
    from agent.understanding.nothing_read import guessed_note
    from agent.understanding.reader import understand
    from tests.unit.test_understanding import DEL_TOROS, LOOKUP

    understood = understand("something by del toro", LOOKUP)
    assert understood.caveats == [DEL_TOROS]
    assert guessed_note(understood, starter, "something by del toro") == (
        "Until then, these picks are only a guess from your message's words and what is popular."
    )


@pytest.mark.parametrize("said", ["I like old movies", "old movies", "anything recent"])
def test_an_era_is_no_search_for_its_word(starter, said):
    """ "I like old movies" found Oldboy, Old School and Old Yeller by the word "old" once the era was
    read as a taste, which leans the picks but filters none out."""
    from agent.understanding.reader import understand

    understood = understand(said, starter)
    assert not {"old", "recent"} & set(understood.query.lower().split()), understood.query
