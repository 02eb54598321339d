"""The catalog records no film as silent: "a silent film" goes by the years before sound and says so,
where it answered "A 1927 film, as you asked" with nothing said; "no silent films" leaves those years
out, where it was dropped unsaid."""

from __future__ import annotations

from agent.understanding.reader import understand
from tests.unit.test_understanding import LOOKUP


def test_a_silent_film_is_the_years_before_sound_and_says_so():
    read = understand("a silent film", LOOKUP)
    assert (read.year_min, read.year_max) == (None, 1929)
    assert read.caveats == [
        "My catalog doesn't record which films are silent, so I went by the years before sound came (up to 1929)."
    ]


def test_no_silent_films_leaves_those_years_out_and_says_so():
    read = understand("no silent films, a comedy", LOOKUP)
    assert read.genres == ["comedy"] and (read.year_min, read.year_max) == (1930, None)
    assert read.caveats == [
        "My catalog doesn't record which films are silent, so I left out the years before sound came (up to 1929)."
    ]
