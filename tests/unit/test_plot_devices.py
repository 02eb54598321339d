"""A twist ending, an unreliable narrator, an open ending: how a story is told, which is no tone.
"a thriller from the 2000s with a twist ending" said "My catalog doesn't label films' tone, so I
can't promise one", naming nothing it could not check; now the caveat names the device, and the
films whose themes do say so are the ones it vouches for."""

from __future__ import annotations

import pytest

from agent.nodes.understand import TONE_UNLABELLED
from agent.understanding.phrases import TOLD_BY_THEMES
from agent.understanding.reader import understand
from store.filters import has_theme
from tests.unit.test_graph import make_bot

OPEN_ENDING = "My catalog doesn't record which films have an open ending, so I couldn't go by it."


@pytest.mark.parametrize(
    ("said", "caveat"),
    [
        ("a thriller from the 2000s with a twist ending", TOLD_BY_THEMES.format(device="a twist ending")),
        ("something with a plot twist", TOLD_BY_THEMES.format(device="a twist ending")),
        ("a movie with an unreliable narrator", TOLD_BY_THEMES.format(device="an unreliable narrator")),
        ("a drama with an open ending", OPEN_ENDING),
    ],
)
def test_a_plot_device_is_no_tone_and_its_caveat_names_it(starter, said, caveat):
    understood = understand(said, starter)
    assert understood.caveats == [caveat]
    assert not understood.moods  # no tone was asked for


def test_a_twist_ending_is_not_said_to_be_a_tone_and_themed_picks_carry_it(toneless, profiles):
    answer = make_bot(toneless, profiles).ask("a thriller from the 2000s with a twist ending", user="cli:twist")
    assert answer["reply"].startswith(TOLD_BY_THEMES.format(device="a twist ending")), answer["reply"]
    assert TONE_UNLABELLED not in answer["reply"]
    for pick in answer["recommendations"]:
        if '"twist" is among its themes' in pick["explanation"]:
            assert has_theme(toneless.movies[pick["id"]].keywords, "twist")
