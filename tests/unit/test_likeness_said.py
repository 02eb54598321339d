"""The intro says "like X" only of picks that are like X: "like the notebook but korean" gave Korean
thrillers under "Korean films like The Notebook" (agent.nodes.likeness)."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


def test_when_the_constraints_leave_nothing_like_the_reference_the_intro_says_so(starter, profiles):
    intro = make_bot(starter, profiles).ask("like the notebook but korean", user="cli:nb")["intro"]
    unlike = "No film that fits the rest of what you asked is much like The Notebook."
    assert intro == f"{unlike} Here are 3 picks: Korean films."


@pytest.mark.parametrize(
    ("said", "header"),
    [
        ("something like Se7en", "Here are 3 picks: like Se7en."),
        ("like heat", "Here are 3 picks: like Heat."),
        ("a 90s thriller like se7en", "Here are 3 picks: 1990s thriller films like Se7en."),
    ],
)
def test_picks_that_are_like_the_reference_keep_it_in_the_header(starter, profiles, said, header):
    assert make_bot(starter, profiles).ask(said, user="cli:heat")["intro"] == header
