"""A film dismissed beside a request is set aside and said to be: "not interested in titanic, any
comedies?" answered "Here are 3 picks: comedy films." and stored nothing, where "not interested in
titanic, something else?" said "Noted: I won't suggest Titanic (1997) again." and kept it out for good;
"not interested in titanic, something like heat?" dismissed Heat, the film asked to go by."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "film", "heading"),
    [("not interested in titanic, any comedies?", "titanic-1997", "comedy films, not Titanic"),
     ("don't show me titanic again, any comedies?", "titanic-1997", "comedy films, not Titanic"),
     ("skip the notebook, a romance please", "the-notebook-2004", "romance films, not The Notebook"),
     ("not interested in titanic, something like heat?", "titanic-1997", "like Heat, not Titanic")],
)  # fmt: skip
def test_a_film_dismissed_beside_a_request_is_set_aside_and_said_once(starter, profiles, said, film, heading):
    result = make_bot(starter, profiles).ask(said, user="cli:aside")
    label = starter.movies[film].label
    assert result["reply"].startswith(f"Noted: I won't suggest {label} again. Here are 3 picks: {heading}.")
    assert result["reply"].count(label) == 1
    assert profiles.dismissed("cli:aside") == {film} and profiles.ratings("cli:aside") == {}
    assert film not in [r["id"] for r in result["recommendations"]] and len(result["recommendations"]) == 3


def test_a_pick_dismissed_beside_a_new_request_is_set_aside_and_the_request_answered(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("a crime thriller from the 90s", user="cli:pick")["recommendations"][0]["id"]
    result = bot.ask("not interested in the first one, any comedies?", user="cli:pick")
    assert result["reply"].startswith(f"Noted: I won't suggest {starter.movies[first].label} again.")
    assert profiles.dismissed("cli:pick") == {first}
    picks = [starter.movies[r["id"]] for r in result["recommendations"]]
    assert picks and all("comedy" in m.genres for m in picks)


@pytest.mark.parametrize("said", ["not interested in horror, any comedies?", "skip the sequels, any comedies?"])
def test_a_wish_said_as_a_dismissal_dismisses_no_film(starter, profiles, said):
    result = make_bot(starter, profiles).ask(said, user="cli:wish")
    assert profiles.dismissed("cli:wish") == set() and not result["reply"].startswith("Noted")


def test_not_the_second_one_sets_that_pick_aside_and_keeps_the_others(starter, profiles):
    """ "a western" then "not the second one" answered three other westerns, the two not refused gone
    and the one refused kept for later; "no, the second one" still points at it."""
    bot = make_bot(starter, profiles)
    picks = [r["id"] for r in bot.ask("a western", user="cli:west")["recommendations"]]
    result = bot.ask("not the second one", user="cli:west")
    assert result["reply"] == f"Got it: I won't suggest {starter.movies[picks[1]].label} again."
    assert profiles.dismissed("cli:west") == {picks[1]}
    assert bot.ask("no, the first one", user="cli:west")["reply"].startswith(starter.movies[picks[0]].label)
