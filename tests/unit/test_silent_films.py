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


def test_years_that_stand_in_are_never_vouched_as_asked(starter, profiles):
    """ "a black and white film" answered "Snow White and the Seven Dwarfs (1937) — A 1937 film, as you
    asked": the user asked for black and white, not 1937, and that film is in colour. The years stand in
    (the caveat says so), so no reason calls them asked; years the user said still are."""
    from tests.unit.test_graph import make_bot, movies

    bot = make_bot(starter, profiles)
    said = bot.ask("a black and white film", user="cli:bw")
    assert said["reply"].startswith("My catalog doesn't record which films are in black and white")
    assert all(m.year <= 1965 for m in movies(starter, said)) and len(said["recommendations"]) == 3
    assert not any("as you asked" in r["explanation"] for r in said["recommendations"]), said["reply"]
    fifties = bot.ask("a black and white film from the 50s", user="cli:bw2")
    assert all(1950 <= m.year <= 1959 for m in movies(starter, fifties))
    assert all("1950s film, as you asked" in r["explanation"] for r in fifties["recommendations"]), fifties["reply"]
