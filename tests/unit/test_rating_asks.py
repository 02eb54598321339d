""" "what's the best movie ever" searched the word "best" (The Best of Me, Best of the Best 3) while
"what is the best film" asked for top-rated films, and "sci fi from the 2010s with high ratings" gave
a 6.5: a question for the best is a rating floor however "what is" is typed, and so are "high ratings"."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    ("said", "floor"),
    [("what's the best movie ever", 8.0), ("whats the best comedy ever made", 8.0),
     ("any good sci fi from the 2010s with high ratings", 7.5), ("a comedy with good ratings", 7.5),
     ("something rated highly", 7.5)],
)  # fmt: skip
def test_asking_for_the_best_or_high_ratings_sets_a_floor(said, floor):
    assert understand(said, LOOKUP).min_rating == floor


@pytest.mark.parametrize("said", ["heat? that's the best", "that's the best"])
def test_a_verdict_of_the_best_still_sets_none(said):
    assert understand(said, LOOKUP).min_rating is None
