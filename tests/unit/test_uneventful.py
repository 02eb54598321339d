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
