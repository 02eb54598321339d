"""A wish said not to be this one: "but not looking for animation this time" (a ReDial seeker, after family
picks) was answered "Here are 3 picks: animation films", each "An animation film, as you asked". Saying what
one is not looking for, not after, or doesn't feel like refuses it, as "not in the mood for" always did."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    "said",
    [
        "but not looking for animation this time",
        "I'm not really looking for animation",
        "not after animation tonight",
        "I don't feel like watching animation",
        "not feeling animation, sorry",
    ],
)
def test_a_genre_not_looked_for_is_refused_not_asked_for(starter, profiles, said: str) -> None:
    answer = make_bot(starter, profiles).ask(said, user="cli:decline")
    films = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert films, answer["reply"]
    assert all("animation" not in f.genres for f in films), [(f.title, f.genres) for f in films]
    assert "animation films" not in answer["reply"] and "as you asked" not in answer["reply"], answer["reply"]


def test_a_genre_looked_for_is_still_asked_for(starter, profiles) -> None:
    answer = make_bot(starter, profiles).ask("I'm looking for animation", user="cli:wish")
    assert all("animation" in starter.movies[r["id"]].genres for r in answer["recommendations"])
