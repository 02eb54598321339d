"""Someone else's verdict is not the user's: "everyone hated titanic but i loved it, more like it"
refused Titanic ("Here are 3 picks: not Titanic.") and stored nothing, though the user loved it."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "film", "verb", "stars"),
    [("everyone hated titanic but i loved it, more like it", "titanic-1997", "loved", 5.0),
     ("my wife hated titanic but i loved it, anything similar?", "titanic-1997", "loved", 5.0),
     ("critics hated legally blonde but i loved it, more like it", "legally-blonde-2001", "loved", 5.0),
     ("My wife hated Titanic but I really liked it. Recommend a romance", "titanic-1997", "liked", 4.0)],
)  # fmt: skip
def test_the_users_own_verdict_wins_over_someone_elses(starter, profiles, said, film, verb, stars):
    label = starter.movies[film].label
    read = understand(said, starter)
    assert film in read.like_titles and film not in read.exclude_titles
    result = make_bot(starter, profiles).ask(said, user="cli:mine")
    assert result["reply"].startswith(f"Noted: you {verb} {label}.")
    assert f"like {starter.movies[film].title}" in result["reply"].split("\n")[0]  # the picks go by it
    assert f"not {starter.movies[film].title}" not in result["reply"]
    assert profiles.rating("cli:mine", film) == stars and film not in [r["id"] for r in result["recommendations"]]


def test_without_a_request_the_users_own_verdict_is_noted(starter, profiles):
    result = make_bot(starter, profiles).ask("everyone hated titanic but i loved it", user="cli:alone")
    assert result["reply"].startswith("Great, I've noted that you loved Titanic (1997).")
    assert profiles.rating("cli:alone", "titanic-1997") == 5.0


def test_the_users_own_dislike_after_someone_elses_praise_is_kept(starter, profiles):
    result = make_bot(starter, profiles).ask("everyone loved titanic but i hated it, something else?", user="cli:h")
    assert result["reply"].startswith("Noted: Titanic (1997) wasn't for you.")
    assert profiles.rating("cli:h", "titanic-1997") == 1.0


@pytest.mark.parametrize("said", ["my wife hated titanic, any romance?", "my wife hated Titanic, a romance please"])
def test_someone_elses_dislike_alone_stores_nothing_and_still_sets_the_film_aside(starter, profiles, said):
    result = make_bot(starter, profiles).ask(said, user="cli:wife")
    assert profiles.ratings("cli:wife") == {} and not result["reply"].startswith("Noted")
    assert "titanic-1997" not in [r["id"] for r in result["recommendations"]] and result["recommendations"]
