""" "have I seen any of these?" after picks gave three new picks, for "any" asks for films: it asks of
the picks shown, and is answered from the profile, as "have I seen Heat?" is."""

from __future__ import annotations

import pytest

from agent.understanding.my_history import picks_asked
from tests.unit.test_graph import ids, make_bot


@pytest.mark.parametrize(
    ("text", "asked"),
    [("have I seen any of these?", True), ("did I rate any of those?", True), ("have I watched all of them?", True),
     ("which of these have I seen?", True), ("have I seen them all?", True), ("have I seen Heat?", False),
     ("which have I seen?", False), ("seen any of these?", False)],
)  # fmt: skip
def test_questions_of_the_picks_are_read(text, asked):
    assert picks_asked(text.lower()) is asked


def test_have_i_seen_any_of_these_answers_of_the_picks_shown(starter, profiles):
    bot = make_bot(starter, profiles)
    shown = bot.ask("a crime movie", user="cli:ofpicks")
    labels = [f"{r['title']} ({r['year']})" for r in shown["recommendations"]]
    assert len(labels) == 3
    none = bot.ask("have I seen any of these?", user="cli:ofpicks")
    assert none["recommendations"] == [] and none["reply"] == "You haven't marked any of them as seen."
    profiles.add_watched("cli:ofpicks", ids(shown)[1])
    one = bot.ask("which of these have I seen?", user="cli:ofpicks")
    assert one["recommendations"] == [] and one["reply"] == f"You've seen {labels[1]}; not the other two."
    assert bot.ask("did I rate any of those?", user="cli:ofpicks")["reply"] == "You haven't rated any of them."
    profiles.rate("cli:ofpicks", ids(shown)[0], 4.0)
    rated = bot.ask("did I rate any of those?", user="cli:ofpicks")["reply"]
    assert rated == f"You rated {labels[0]} 4/5; you haven't rated the other two."
    every = bot.ask("have I watched all of them?", user="cli:ofpicks")["reply"]
    assert every == f"You've seen {labels[0]} and {labels[1]}; not the other one."
