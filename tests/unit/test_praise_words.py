"""More words of praise judge the film they follow: "heat was excellent" and "Up was wonderful" were
answered with guessed picks ("I didn't find a genre, person, film, era or theme I know"), and "Alien was
hilarious" with comedies; each now notes the like. Said of no film, they still ask for films."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "film", "stars"),
    [
        ("heat was excellent", "heat-1995", 5.0),
        ("Heat was wonderful", "heat-1995", 5.0),
        ("heat is outstanding", "heat-1995", 5.0),
        ("Alien was hilarious", "alien-1979", 4.0),
    ],
)
def test_praise_of_a_named_film_is_noted(starter, profiles, said, film, stars):
    answer = make_bot(starter, profiles).ask(said, user="cli:praise")
    assert "noted that you" in answer["reply"] and answer["recommendations"] == [], answer["reply"]
    assert profiles.ratings("cli:praise") == {film: stars}


@pytest.mark.parametrize("said", ["an excellent thriller", "a hilarious comedy", "something wonderful"])
def test_the_same_words_said_of_no_film_ask_for_films(starter, profiles, said):
    answer = make_bot(starter, profiles).ask(said, user="cli:ask")
    assert answer["recommendations"] and profiles.ratings("cli:ask") == {}, answer["reply"]
