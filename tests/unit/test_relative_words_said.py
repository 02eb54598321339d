"""What "older", "shorter" and the like were read against is said when the user cannot see it
(agent.understanding.relative_notes): "something older" first gave popular recent films with no word
of it, and "something like Heat but shorter" said "up to 169 min" with nothing to say where 169 came
from (on a catalog lacking Heat's length, "up to 100 min")."""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit.test_graph import make_bot


def test_shorter_than_a_film_named_says_that_films_length(starter, profiles):
    answer = make_bot(starter, profiles).ask("something like Heat but shorter", user="cli:hs")
    assert answer["intro"] == "“Shorter” means shorter than Heat's 170 min. Here are 3 picks: like Heat, up to 169 min."
    assert all(r["runtime"] < 170 for r in answer["recommendations"])


def test_shorter_than_a_film_of_unknown_length_says_the_bound_taken(starter, profiles):
    heat = starter.movies["heat-1995"]
    starter.movies["heat-1995"] = dataclasses.replace(heat, runtime=None)
    try:
        intro = make_bot(starter, profiles).ask("something like Heat but shorter", user="cli:hu")["intro"]
    finally:
        starter.movies["heat-1995"] = heat
    assert intro.startswith("I don't know how long Heat (1995) is, so I took “shorter” as up to 100 min.")


@pytest.mark.parametrize(
    ("said", "note"),
    [
        ("something older", "I had nothing to compare “older” with, so I didn't go by it (try “like Heat but older”)."),
        ("something newer", "I had nothing to compare “newer” with, so I didn't go by it (try “like Heat but newer”)."),
        ("something shorter", "I had nothing to compare “shorter” with, so I took it as up to 100 min."),
        ("something longer", "I had nothing to compare “longer” with, so I took it as at least 140 min."),
    ],
)
def test_a_relative_word_said_first_says_it_had_nothing_to_go_by(starter, profiles, said, note):
    assert make_bot(starter, profiles).ask(said, user="cli:first")["intro"].startswith(note)


@pytest.mark.parametrize("said", ["older", "shorter please", "something a bit shorter"])
def test_after_picks_the_words_go_by_the_picks_with_no_note(starter, profiles, said):
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:after")
    intro = bot.ask(said, user="cli:after")["intro"]
    # fewer than 3 when the first picks were short already ("Only 2 films in my catalog fit all of that.")
    assert "picks: " in intro and "crime thriller films" in intro and "compare" not in intro, intro


@pytest.mark.parametrize("said", ["something short", "a short comedy", "like the matrix but older"])
def test_plain_wishes_and_films_named_get_no_note(starter, profiles, said):
    assert make_bot(starter, profiles).ask(said, user="cli:plain")["intro"].startswith("Here are 3 picks:")


@pytest.mark.parametrize(
    ("said", "note", "bound"),
    [("something shorter than heat", "“Shorter” means shorter than Heat's 170 min.", ("max_runtime", 169)),
     ("longer than titanic", "“Longer” means longer than Titanic's 194 min.", ("min_runtime", 195)),
     ("a comedy shorter than the matrix", "“Shorter” means shorter than The Matrix's 136 min.", ("max_runtime", 135))],
)  # fmt: skip
def test_shorter_than_a_film_goes_by_that_films_length_and_says_so(starter, profiles, said, note, bound):
    """ "something shorter than heat" took "shorter" as up to 100 min, said it had nothing to compare
    it with, and searched for "heat": it is Heat's length, as in "like Heat but shorter", and Heat is
    no film to go by."""
    answer = make_bot(starter, profiles).ask(said, user="cli:than")
    assert answer["intro"].startswith(f"{note} Here are 3 picks:"), answer["intro"]
    assert "like" not in answer["intro"] and answer["understood"]["like_titles"] == []
    field, value = bound
    assert answer["understood"][field] == value
    runtimes = [r["runtime"] for r in answer["recommendations"]]
    assert runtimes and all(r <= value if field == "max_runtime" else r >= value for r in runtimes)


@pytest.mark.parametrize(
    ("said", "years"),
    [("older than alien", (None, 1978)), ("newer than the matrix", (2000, None)), ("older than heat", (None, 1994))],
)
def test_older_than_a_film_goes_by_that_films_year(starter, profiles, said, years):
    """ "older than alien" read sci-fi films about aliens: "alien" there names the film."""
    answer = make_bot(starter, profiles).ask(said, user="cli:year")
    understood = answer["understood"]
    assert (understood["year_min"], understood["year_max"]) == years and understood["genres"] == []
    assert answer["recommendations"] and all(
        (years[0] or 0) <= r["year"] <= (years[1] or 9999) for r in answer["recommendations"]
    )


def test_shorter_than_the_picks_is_no_film(starter, profiles):
    """The Others is a film, but "shorter than the others" goes by the picks just shown."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a crime thriller from the 90s", user="cli:others")["recommendations"]
    answer = bot.ask("something shorter than the others", user="cli:others")
    assert answer["understood"]["max_runtime"] == min(r["runtime"] for r in shown) - 1
    assert "Others" not in answer["intro"]


def test_a_year_and_a_length_each_against_a_film(starter, profiles):
    """ "something newer than alien but shorter than the matrix" read the years and then said it had
    nothing to compare “shorter” with: each goes by its own film."""
    answer = make_bot(starter, profiles).ask("something newer than alien but shorter than the matrix", user="cli:both")
    understood = answer["understood"]
    assert (understood["year_min"], understood["max_runtime"]) == (1980, 135)
    assert answer["intro"].startswith("“Shorter” means shorter than The Matrix's 136 min.")


def test_not_as_long_as_a_film_after_picks_goes_by_that_film(starter, profiles):
    """ "not as long as titanic please" after picks went by the picks ("up to 89 min"), not Titanic."""
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:titanic")
    answer = bot.ask("not as long as titanic please", user="cli:titanic")
    assert answer["understood"]["max_runtime"] == 193
    assert answer["intro"].startswith("“Shorter” means shorter than Titanic's 194 min.")


def test_like_a_pick_but_older_is_older_than_that_pick(starter, profiles):
    """ "something like the second one but older" went by the oldest of the picks ("up to 1993" after
    picks from 1994 on), not the film pointed at: it is older than that film, as "like Heat but older"."""
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:pick")["recommendations"]
    newest = max(range(3), key=lambda k: picks[k]["year"])
    assert picks[newest]["year"] > min(p["year"] for p in picks)
    place = ("first", "second", "third")[newest]
    answer = bot.ask(f"something like the {place} one but older", user="cli:pick")
    assert answer["understood"]["year_max"] == picks[newest]["year"] - 1
    assert answer["understood"]["like_titles"] == [starter.movies[picks[newest]["id"]].label]


@pytest.mark.parametrize(
    ("said", "modifier"),
    [("not as old as the first one", "newer"),  # answered "up to 1979", as "old" alone is
     ("something not so old", "newer"),
     ("not as recent", "older")],
)  # fmt: skip
def test_not_as_old_asks_for_newer_films(said, modifier):
    from agent.understanding.reader import understand
    from tests.unit.test_understanding import LOOKUP

    u = understand(said, LOOKUP)
    assert u.modifiers == [modifier] and (u.year_min, u.year_max) == (None, None)


def test_not_as_old_as_a_pick_is_newer_than_that_pick(starter, profiles):
    """ "not as old as the first one" after picks from 2010, 2003 and 2016 answered "from 2017 on" (newer
    than every pick), not from 2011 on: it goes by the film pointed at, as "like the first one but newer"."""
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:notold")["recommendations"]
    oldest = min(range(3), key=lambda k: picks[k]["year"])
    assert picks[oldest]["year"] < max(p["year"] for p in picks)
    place = ("first", "second", "third")[oldest]
    answer = bot.ask(f"not as old as the {place} one", user="cli:notold")
    assert answer["understood"]["year_min"] == picks[oldest]["year"] + 1
    assert answer["understood"]["like_titles"] == [starter.movies[picks[oldest]["id"]].label]


@pytest.mark.parametrize("said", ["not as old as the first one", "something like the first one but newer"])
def test_newer_than_a_film_just_named_goes_by_that_film(starter, profiles, said):
    """After "heat 4 and alien 5", "not as old as the first one" said "I had nothing to compare “newer”
    with", though Heat was named: newer than Heat, and the reply says Heat was meant."""
    bot = make_bot(starter, profiles)
    bot.ask("heat 4 and alien 5", user="cli:heatnew")
    answer = bot.ask(said, user="cli:heatnew")
    assert answer["understood"]["year_min"] == 1996
    assert answer["intro"].startswith("By “the first one” I took Heat (1995), the first film you just named.")
    assert "nothing to compare" not in answer["intro"]


@pytest.mark.parametrize(("said", "bound"), [("nothing older than the {place} one", "year_min"),
                                             ("newer than the {place} one", "year_min")])  # fmt: skip
def test_nothing_older_than_a_pick_goes_by_that_pick(starter, profiles, said, bound):
    """ "nothing older than the second one" after picks asked for nothing and showed more of the same 1990s
    films; "newer than the second one" went by the newest pick ("from 1996 on"): each goes by the pick
    pointed at, as "like the second one but older" does."""
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:noolder")["recommendations"]
    oldest = min(range(3), key=lambda k: picks[k]["year"])
    assert picks[oldest]["year"] < max(p["year"] for p in picks)
    answer = bot.ask(said.format(place=("first", "second", "third")[oldest]), user="cli:noolder")
    newer = said.startswith("newer")
    assert answer["understood"]["year_min"] == picks[oldest]["year"] + newer
    assert answer["understood"]["year_max"] == (None if newer else 1999)
    assert all(r["year"] >= picks[oldest]["year"] for r in answer["recommendations"])


def test_nothing_newer_than_a_pick_is_up_to_its_year(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:nonewer")["recommendations"]
    newest = max(range(3), key=lambda k: picks[k]["year"])
    answer = bot.ask(f"nothing newer than the {('first', 'second', 'third')[newest]} one", user="cli:nonewer")
    assert (answer["understood"]["year_min"], answer["understood"]["year_max"]) == (1990, picks[newest]["year"])


def test_nothing_older_than_a_pick_with_nothing_shown_says_so(starter, profiles):
    answer = make_bot(starter, profiles).ask("nothing older than the second one", user="cli:noolder0")
    assert "I had nothing to compare “nothing older” with" in answer["reply"], answer["reply"]
