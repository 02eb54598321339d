"""A film series given as the film to go by: "something like harry potter" read nothing and answered
"I don't know your taste yet" over the series' own films found by their titles' words."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


def test_a_series_named_as_a_reference_goes_by_its_first_film_and_says_so(starter):
    potter = sorted(starter.titled("harry potter"), key=lambda i: starter.movies[i].year)
    assert len(potter) >= 2
    read = understand("something like harry potter", starter)
    first = starter.movies[potter[0]]
    assert read.like_titles == [first.id]
    assert f"I took “harry potter” to mean its series, and went by its first film, {first.label}." in read.caveats


@pytest.mark.parametrize(
    ("said", "reference"),
    [("something like heat", "heat-1995"), ("something like the funny ones", None), ("i'd like the funny ones", None)],
)
def test_a_film_or_words_that_are_no_series_are_read_as_before(starter, said, reference):
    read = understand(said, starter)
    assert read.like_titles == ([reference] if reference else [])
    assert not any("to mean its series" in c for c in read.caveats)
