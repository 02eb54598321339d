"""A dislike typed without its apostrophe ("i didnt like the matrix") read as "like The Matrix"."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


@pytest.mark.parametrize("said", ["i didnt like the matrix, something else", "i didnt enjoy the matrix, what else"])
def test_a_film_disliked_without_an_apostrophe_is_no_reference(said):
    """ "i didnt like the matrix, something else" gave picks "like The Matrix" (The Matrix Revolutions first),
    each "like The Matrix, which you disliked": typed without its apostrophe, "didnt like" is no "like"."""
    from tests.unit.test_understanding import LOOKUP

    understood = understand(said, LOOKUP)
    assert (understood.like_titles, understood.exclude_titles) == ([], ["the-matrix-1999"])
