""" "back to the first list" after a few refinements found the conversation's first search but showed new
films, as films shown are left out. The user wants those same films listed again: the answer lists the
first answer's picks, in their order, and says it is the earlier list."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import ids, make_bot


@pytest.mark.parametrize("asked", ["back to the first list", "show me the first ones again"])
def test_the_first_list_asked_for_again_is_the_same_films(starter, profiles, asked):
    bot = make_bot(starter, profiles)
    first = ids(bot.ask("a thriller", user="cli:again"))
    bot.ask("only from the 90s", user="cli:again")
    bot.ask("something funnier", user="cli:again")
    again = bot.ask(asked, user="cli:again")
    assert ids(again) == first
    assert again["understood"]["genres"] == ["thriller"] and again["understood"]["year_min"] is None
    assert again["reply"].startswith("These are the films of my earlier list again, as you asked.")
    more = bot.ask("more", user="cli:again")  # and after it, new films again
    assert not set(ids(more)) & set(first)
