"""Genre requests as a user means them: "a comedy" is a film that is a comedy first, "no more please"
after picks ends the picks, and what was loosened when nothing else fits is what was asked last."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["no more", "no more please", "No more, thanks", "that's enough", "I'm good"])
def test_no_more_after_picks_ends_the_picks(starter, profiles, said):
    """ "a comedy" then "no more please" got three more comedies: "no more" was read as a wish for more."""
    bot = make_bot(starter, profiles)
    assert bot.ask("a comedy", user="cli:enough")["recommendations"]
    answer = bot.ask(said, user="cli:enough")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"] == "Okay, enjoy the film!", answer["reply"]


@pytest.mark.parametrize("said", ["no more horror", "no more like that"])
def test_no_more_of_something_still_asks_for_films(starter, profiles, said):
    bot = make_bot(starter, profiles)
    bot.ask("a comedy", user="cli:nomore")
    assert bot.ask(said, user="cli:nomore")["recommendations"]
