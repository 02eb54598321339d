""" "Something from before 1990 or after 2010" answered "Nothing matched 2011-1989 films, so I loosened
the years", and "nothing older than heat or newer than titanic" read "from 1998 on", the films newer
than Titanic it refused: years joined by "or" are either side, which the filters hold as the outer
range with the years between refused, and a refusal before "or" refuses the side after it too."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    ("said", "low", "high", "refused"),
    [("something from before 1990 or after 2010", None, None, [[1990, 2010]]),
     ("either before 1980 or after 2000", None, None, [[1980, 2000]]),
     ("a comedy from the 60s or the 90s", 1960, 1999, [[1970, 1989]]),  # was 1960-1999, the 70s and 80s too
     ("the 1950s and the 80s", 1950, 1989, [[1960, 1979]]),
     ("from the 90s or after 2010", 1990, None, [[2000, 2010]]),  # was "from 2011 on", the 90s gone
     ("nothing from the 60s or 90s", None, None, [[1960, 1969], [1990, 1999]]),
     # one range still
     ("80s or 90s", 1980, 1999, []),
     ("between 1990 and 2000", 1990, 2000, []),
     ("nothing before 1990 or after 2010", 1990, 2010, []),
     ("a comedy after 2000 before 2010", 2001, 2009, []),
     ("from 1990 or after", 1990, None, [])],
)  # fmt: skip
def test_years_joined_by_or_are_either_side(said, low, high, refused):
    u = understand(said, LOOKUP)
    assert (u.year_min, u.year_max, u.exclude_years) == (low, high, refused)


def test_either_side_of_two_films(starter, profiles):
    bot = make_bot(starter, profiles)
    neither = bot.ask("nothing older than heat or newer than titanic", user="cli:either")
    assert (neither["understood"]["year_min"], neither["understood"]["year_max"]) == (1995, 1997)
    assert neither["recommendations"] and all(1995 <= r["year"] <= 1997 for r in neither["recommendations"])
    either = bot.ask("something older than heat or newer than titanic", user="cli:either2")
    assert either["understood"]["exclude_years"] == [[1995, 1997]]
    assert (either["understood"]["year_min"], either["understood"]["year_max"]) == (None, None)


def test_before_or_after_answers_films_of_either_side(starter, profiles):
    answer = make_bot(starter, profiles).ask("something from before 1990 or after 2010", user="cli:either3")
    assert "Nothing matched" not in answer["reply"] and "loosened" not in answer["reply"], answer["reply"]
    assert "nothing from 1990-2010" in answer["intro"]
    assert answer["recommendations"] and all(not 1990 <= r["year"] <= 2010 for r in answer["recommendations"])


@pytest.mark.parametrize(
    "said",
    ["a classic or modern thriller", "an old or new comedy", "a comedy, old or new", "a classic or a modern western",
     "classic or recent drama", "a drama, doesn't matter if old or new", "a thriller from any era"],
)  # fmt: skip
def test_era_words_joined_by_or_ask_for_no_era(said):
    """ "a classic or modern thriller" was answered "nothing from 1980-1999", a refusal nobody said, and
    "a comedy, old or new" was read "up to 1979": era words have no edge the user drew, so either is any era."""
    u = understand(said, LOOKUP)
    assert (u.year_min, u.year_max, u.exclude_years) == (None, None, [])
