"""The intro says "like X" only of picks that are like X: "like the notebook but korean" gave Korean
thrillers under "Korean films like The Notebook" (agent.nodes.likeness)."""

from __future__ import annotations

import pytest

from agent.like_wording import tie, tied
from store.movie import Movie
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


def test_reasons_never_call_a_pick_like_a_reference_the_intro_says_none_is_like(starter, profiles):
    """Under "No film ... is much like The Notebook." a pick said 'Shares the theme "river", like
    The Notebook': a reason now says what the pick shares with it, never that it is like it."""
    answer = make_bot(starter, profiles).ask("like the notebook but korean", user="cli:unlike")
    assert answer["intro"].startswith("No film that fits the rest of what you asked is much like The Notebook.")
    explanations = [r["explanation"] for r in answer["recommendations"]]
    assert not [e for e in explanations if "like The Notebook" in e]
    assert [e for e in explanations if e.startswith("A romance drama, as is The Notebook;")]


def test_a_pick_like_the_reference_is_still_said_to_be_like_it(starter, profiles):
    explanations = [
        r["explanation"] for r in make_bot(starter, profiles).ask("like heat", user="cli:h")["recommendations"]
    ]
    assert [e for e in explanations if ", like Heat" in e]


@pytest.mark.parametrize(
    ("shared", "said"),
    [
        ("an action thriller", "an action thriller, as is Heat"),
        ('shares the theme "river"', 'shares the theme "river" with Heat'),
        ('with Al Pacino and sharing the theme "heist"', 'with Al Pacino and sharing the theme "heist" with Heat'),
        ("directed by Michael Mann", "directed by Michael Mann, as Heat was"),
        ("with Al Pacino", "with Al Pacino, as in Heat"),
    ],
)
def test_what_a_pick_shares_with_a_reference_it_is_not_like(shared, said):
    heat = Movie(id="heat", title="Heat", year=1995)
    assert tie(shared, heat, like=False) == said
    assert tie(shared, heat, like=True) == f"{shared}, like Heat"
    assert tied(said, heat) and not tied("rated 8.2", heat)
