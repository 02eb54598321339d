"""A place past the end of the list that is a film's whole title ("number 23" after three
thrillers) is that film, not a pick the bot never showed."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_MOVIES, write_jsonl
from tests.unit.test_graph import make_bot

NUMBER_23 = {
    **SAMPLE_MOVIES[0],
    "id": "the-number-23-2007",
    "title": "The Number 23",
    "year": 2007,
    "genres": ["thriller", "mystery"],
    "directors": ["Joel Schumacher"],
    "cast": ["Jim Carrey", "Virginia Madsen"],
    "overview": "A man becomes obsessed with a novel he believes was written about him.",
}


@pytest.fixture
def sample_jsonl(tmp_path):
    return write_jsonl(tmp_path / "sample.jsonl", [*SAMPLE_MOVIES, NUMBER_23])


def test_a_place_past_the_list_that_is_a_title_is_that_film(catalog, profiles):
    """ "number 23" answered "I only suggested 3 films just now; which one do you mean?"."""
    bot = make_bot(catalog, profiles)
    shown = bot.ask("a thriller", user="cli:wes")["recommendations"]
    assert 0 < len(shown) < 23
    answer = bot.ask("number 23", user="cli:wes")
    assert answer["recommendations"] == []
    assert f"I only suggested {len(shown)} films just now, so I take it you mean the film. " in answer["reply"]
    assert "The Number 23 (2007): " in answer["reply"] and "Jim Carrey" in answer["reply"]


def test_a_place_past_the_list_that_is_no_title_still_asks_which(catalog, profiles):
    bot = make_bot(catalog, profiles)
    shown = bot.ask("a thriller", user="cli:xia")["recommendations"]
    answer = bot.ask("number 9", user="cli:xia")
    assert answer["reply"].startswith(f"I only suggested {len(shown)} films just now; which one do you mean?")
