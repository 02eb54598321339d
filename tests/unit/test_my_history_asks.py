""" "what did I say I liked", "what did i say i hated" and "what did i pick" were answered with three
random picks: they are questions about the user's own history, answered from the profile, and the
choice of a pick, which is not recorded, is said not to be, beside the last picks given."""

from __future__ import annotations

import pytest

from agent.understanding.my_history import my_history_question
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("text", "fact"),
    [("what did I say I liked", "my_liked"), ("which films did I like?", "my_liked"),
     ("what did i tell you i loved", "my_liked"), ("what did i say i hated", "my_disliked"),
     ("what did i pick", "my_picked"), ("which one did I choose?", "my_picked"),
     ("what did I like about it", None), ("what did you pick", None)],
)  # fmt: skip
def test_history_questions_are_read(text, fact):
    assert my_history_question(text.lower()) == fact


def test_liked_and_disliked_films_are_listed_from_the_profile(starter, profiles):
    bot = make_bot(starter, profiles)
    none = bot.ask("what did I say I liked?", user="cli:hist")["reply"]
    assert none == "You haven't told me of any film you liked yet."
    profiles.rate("cli:hist", "heat-1995", 4.0)
    profiles.rate("cli:hist", "alien-1979", 1.0)
    liked = bot.ask("what did I say I liked?", user="cli:hist")
    assert liked["recommendations"] == [] and liked["reply"] == "You liked 1 film: Heat (1995) (4/5)."
    disliked = bot.ask("what did i say i hated", user="cli:hist")
    assert disliked["recommendations"] == [] and disliked["reply"] == "You disliked 1 film: Alien (1979) (1/5)."


def test_what_did_i_pick_says_the_choice_is_not_kept_and_names_the_last_picks(starter, profiles):
    bot = make_bot(starter, profiles)
    shown = bot.ask("a western", user="cli:hist2")
    said = bot.ask("what did i pick", user="cli:hist2")
    assert said["recommendations"] == [] and said["reply"].startswith("I don't note which pick you choose")
    assert all(r["title"] in said["reply"] for r in shown["recommendations"])


def test_what_did_i_pick_names_the_pick_spoken_of(starter, profiles):
    """After "I'll watch the first one", "what did i pick" named the three picks alike: the one spoken of is said."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a western", user="cli:hist3")["recommendations"]
    bot.ask("perfect, I'll watch the first one", user="cli:hist3")
    said = bot.ask("what did i pick", user="cli:hist3")["reply"]
    assert said.endswith(f"The one of them we last spoke of was {shown[0]['title']} ({shown[0]['year']}).")
