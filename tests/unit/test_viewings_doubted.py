"""A viewing doubted is none: "I don't think I have seen gamer 2009" (a ReDial seeker) was answered "Got it:
Gamer (2009) marked as watched. I won't suggest it again." and the film went on the watched list. "I don't think
I've seen", "I don't believe I ever saw" and "I doubt I've seen" say the film is new to the user."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    "said",
    [
        "I don't think I have seen heat 1995",
        "I dont think i have ever seen Heat",
        "I don't believe I ever saw Heat",
        "I doubt I've seen Heat",
    ],
)
def test_a_doubted_viewing_marks_nothing_watched(starter, profiles, said: str) -> None:
    answer = make_bot(starter, profiles).ask(said, user="cli:doubt")
    assert answer["reply"].startswith("So Heat (1995) is new to you; I haven't noted anything."), answer["reply"]
    assert not profiles.has_watched("cli:doubt", "heat-1995") and profiles.ratings("cli:doubt") == {}


def test_a_viewing_said_plainly_is_still_marked(starter, profiles) -> None:
    make_bot(starter, profiles).ask("I think I have seen Heat", user="cli:seen")
    assert profiles.has_watched("cli:seen", "heat-1995")
