"""A film's embedding holds its title, so "like Wonder" found Wonder Woman by the word alone: a title
word shared with the reference, outside its series, no longer makes a film look like it (real embedder)."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.deps import Deps
from agent.nodes.retrieve import without_titles
from agent.recommender import Recommender
from agent.scoring import _echoes
from store.profiles import ProfileStore

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bot(real_starter):
    profiles = ProfileStore(None)
    yield Recommender(
        Deps(catalog=real_starter, profiles=profiles, clock=lambda: dt.datetime(2026, 12, 4, tzinfo=dt.UTC))
    )
    profiles.close()


def test_a_shared_title_word_outside_the_series_is_an_echo(real_starter):
    movies = real_starter.movies
    assert _echoes(movies["wonder-woman-2017"], movies["wonder-2017"], real_starter)
    assert not _echoes(movies["blade-runner-2049-2017"], movies["blade-runner-1982"], real_starter)  # its sequel
    assert not _echoes(movies["heat-1995"], movies["drive-2011"], real_starter)
    # films of one series, whichever of them is the reference
    for film, reference in [("toy-story-2-1999", "toy-story-3-2010"),
                            ("the-dark-knight-2008", "the-dark-knight-rises-2012"),
                            ("the-lord-of-the-rings-the-fellowship-of-the-ring-2001",
                             "the-lord-of-the-rings-the-two-towers-2002")]:  # fmt: skip
        assert not _echoes(movies[film], movies[reference], real_starter), (film, reference)
    assert (
        without_titles("something like Se7en but darker", ["se7en-1995"], real_starter) == "something like but darker"
    )


@pytest.mark.parametrize(
    ("asked", "echo"),
    [("something like Wonder", "wonder-woman-2017"), ("like Soul", "summer-of-soul-2021"),
     ("a film like Drive", "drive-my-car-2021"), ("like Inside Man", "inside-out-2015")],
)  # fmt: skip
def test_a_film_is_not_suggested_for_a_word_of_the_reference_title(bot, asked, echo):
    picks = [r["id"] for r in bot.ask(asked, user=f"cli:echo-{echo}", k=5)["recommendations"]]
    assert len(picks) == 5 and echo not in picks, picks
