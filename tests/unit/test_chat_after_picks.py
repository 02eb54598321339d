"""Replies to picks as people type them in chat rooms: a laughed "no", thanks for the suggestions, a question
about one pick, a seen list beside a pick turned down. Each was misread before, and the reply said something
untrue of what was asked."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["lol no", "no", "haha no", "lol nope", "no lol"])
def test_a_laughed_no_after_picks_turns_them_down(starter, profiles, said):
    """ "lol no" after three comedies was answered "Happy to help! Ask me for a movie whenever you like", as
    if it were thanks: it turns the picks down, so other comedies follow and nothing is noted."""
    bot = make_bot(starter, profiles)
    shown = {r["id"] for r in bot.ask("a comedy", user="cli:no")["recommendations"]}
    answer = bot.ask(said, user="cli:no")
    assert "Happy to help" not in answer["reply"], answer["reply"]
    picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert picks, answer["reply"]
    assert not shown & {m.id for m in picks}, [m.label for m in picks]
    assert all("comedy" in m.genres for m in picks), [m.label for m in picks]
    assert not answer["recorded"], answer["recorded"]


def test_a_no_with_nothing_shown_is_still_small_talk(starter, profiles):
    """With no picks to turn down, "lol no" asks for nothing and gets no films."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("lol no", user="cli:no-first")
    assert not answer["recommendations"], answer["reply"]


@pytest.mark.parametrize(
    "said",
    ["these are some good suggestions thank you!", "these are good suggestions, thanks!", "you gave me great ideas"],
)
def test_thanks_for_the_suggestions_asks_for_nothing(starter, profiles, said):
    """ "these are some good suggestions thank you!" (as a ReDial seeker closes) was answered with three new
    picks "leaning to well-rated films", the "good" read as a wish: it is thanks, and asks for no films."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy", user="cli:thanks")
    answer = bot.ask(said, user="cli:thanks")
    assert not answer["recommendations"], answer["reply"]
    assert "well-rated" not in answer["reply"], answer["reply"]
    assert not answer["recorded"], answer["recorded"]


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("is the first one funny or serious?", 0),
        ("is the second one scary or not?", 1),
        ("is it a comedy or a drama?", 2),
    ],
)
def test_a_kind_asked_with_an_or_is_a_question_about_the_pick(starter, profiles, said, place):
    """ "the first one, is it funny or serious?" after war films was answered with three new picks "leaning to
    comedy", the war films dropped: it asks what that pick is, and gets its genres, with no new picks."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a thriller", user="cli:kind")["recommendations"]
    if "it" in said.split():
        bot.ask("tell me about the third one", user="cli:kind")
    answer = bot.ask(said, user="cli:kind")
    assert not answer["recommendations"], answer["reply"]
    film = starter.movies[shown[place]["id"]]
    assert film.label in answer["reply"], answer["reply"]
    assert "is listed as" in answer["reply"], answer["reply"]
    if "or not" not in said:  # no yes or no answers "funny or serious?"
        assert not answer["reply"].startswith(("Yes", "No")), answer["reply"]


@pytest.mark.parametrize("said", ["just one thriller please", "only one comedy", "one drama please"])
def test_one_of_a_kind_named_in_the_singular_is_one_pick(starter, profiles, said):
    """ "just one thriller please" got "Here are 3 picks: thriller films.": one asked for is one given."""
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:one")
    assert len(answer["recommendations"]) == 1, answer["reply"]
    assert answer["reply"].startswith("Here is 1 pick"), answer["reply"]


def test_one_of_the_best_of_a_kind_is_no_count(starter, profiles):
    """ "one of the best comedies" names a kind of film, not how many."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("what is one of the best comedy films", user="cli:one-of")
    assert len(answer["recommendations"]) > 1, answer["reply"]
