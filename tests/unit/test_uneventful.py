"""A film "where nothing happens" is a slow-burn film, and the reply says it took it so: the words
were all stopwords, and the request was answered with popular blockbusters and no note."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "words"),
    [("a film where nothing happens", "nothing happens"), ("a slow movie where not much happens", "not much happens")],
)
def test_a_film_where_nothing_happens_is_a_slow_burn_film_and_said_so(starter, profiles, said, words):
    answer = make_bot(starter, profiles).ask(said, user="cli:slo")
    assert answer["reply"].startswith(f'I took "{words}" to mean a slow-burn film.'), answer["reply"]
    assert answer["recommendations"]
    assert all("slow-burn" in starter.movies[r["id"]].moods for r in answer["recommendations"])


@pytest.mark.parametrize(
    "said", ["a movie where nothing happens to the dog", "nothing happening tonight, recommend a comedy"]
)
def test_nothing_happening_to_someone_or_tonight_asks_for_no_slow_film(starter, said):
    understood = understand(said, starter)
    assert "slow-burn" not in understood.moods and not understood.caveats


@pytest.fixture(scope="module")
def happening(tmp_path_factory):
    """A few films, The Happening among them."""
    from tests.unit.test_references import _film, small_catalog

    films = [_film("The Happening", 2008, genres=["thriller"]), _film("Heat", 1995, genres=["crime"]),
             _film("Up", 2009, genres=["animation"]),
             _film("Titanic", 1997, genres=["romance"]), _film("Inception", 2010, genres=["sci-fi"])]  # fmt: skip
    yield from small_catalog(tmp_path_factory, films)


def test_nothing_happening_tonight_refuses_no_film(happening, profiles):
    """ "nothing happening tonight, what's good?" answered "Here are 3 picks: not The Happening.": a bare
    "nothing" before "happening" says the evening is free, and refuses no film."""
    understood = understand("nothing happening tonight, what's good?", happening)
    assert understood.exclude_titles == [] and understood.like_titles == []
    answer = make_bot(happening, profiles).ask("nothing happening tonight, what's good?", user="cli:free")
    assert "Happening" not in answer["intro"] and answer["recommendations"]


@pytest.mark.parametrize("said", ["nothing up tonight, what's good?", "nothing on tonight, any thriller?"])
def test_nothing_up_tonight_refuses_no_film(happening, said):
    """ "nothing up tonight, what's good?" refused the film Up."""
    assert understand(said, happening).exclude_titles == []


@pytest.mark.parametrize(
    ("said", "film"),
    [("nothing like The Happening", "the-happening-2008"), ("not The Happening", "the-happening-2008"),
     ("not the happening please", "the-happening-2008"), ("nothing like up please", "up-2009"), ("not up", "up-2009"),
     ("nothing Up please", "up-2009")],
)  # fmt: skip
def test_a_refusal_that_names_the_film_still_refuses_it(happening, said, film):
    assert understand(said, happening).exclude_titles == [film]
