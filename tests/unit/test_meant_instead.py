""" "a thriller like Zorblax Returns" then "sorry, I meant Heat" read nothing ("I didn't find a genre,
person, film ... in your message") yet showed Heat as a pick: "I meant" names a film, and in place of
the film not found it keeps the rest of the request (the thriller)."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("correction", ["sorry, I meant Heat", "i mean heat", "no I meant Heat"])
def test_i_meant_a_film_after_one_not_found_keeps_the_rest_of_the_request(starter, profiles, correction):
    bot = make_bot(starter, profiles)
    first = bot.ask("a thriller like Zorblax Returns", user="cli:meant")
    assert "Zorblax Returns" in first["reply"]
    said = bot.ask(correction, user="cli:meant")
    assert said["understood"]["genres"] == ["thriller"] and said["understood"]["like_titles"] == ["Heat (1995)"]
    assert "Zorblax" not in said["reply"] and "I didn't find" not in said["reply"]
    assert said["recommendations"] and all(r["id"] != "heat-1995" for r in said["recommendations"])


def test_i_mean_without_a_film_stays_a_request_of_its_own(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a thriller like Zorblax Returns", user="cli:meant2")
    assert bot.ask("i mean something funny", user="cli:meant2")["understood"]["genres"] == ["comedy"]
