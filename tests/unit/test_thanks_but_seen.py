""" "Great, but I've seen it!" after one pick noted a like of it: the "great" thanks for the suggestion, and
the "but" turns it down as a film already watched, so it is marked watched, with no verdict, and another
is offered."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["Great, but I've seen it!", "sounds good, but I already saw that one"])
def test_thanks_but_seen_it_marks_it_watched_and_offers_another(starter, profiles, said):
    bot = make_bot(starter, profiles)
    [pick] = bot.ask("give me one crime thriller", user="cli:thanks")["recommendations"]
    answer = bot.ask(said, user="cli:thanks")
    assert [row["movie_id"] for row in profiles.watched("cli:thanks")] == [pick["id"]]
    assert profiles.ratings("cli:thanks") == {}
    assert answer["reply"].startswith(f"Noted: you've seen {starter.movies[pick['id']].label}."), answer["reply"]
    assert "liked" not in answer["reply"] and "well-rated" not in answer["reply"]
    others = [p["id"] for p in answer["recommendations"]]
    assert others and pick["id"] not in others


def test_the_film_called_great_is_still_liked(starter, profiles):
    bot = make_bot(starter, profiles)
    [pick] = bot.ask("give me one crime thriller", user="cli:was")["recommendations"]
    bot.ask("it was great, but I've seen it", user="cli:was")
    assert profiles.ratings("cli:was") == {pick["id"]: 4.0}
