"""A title typed whole that is one known film's exact title means that film, said plainly and
nothing more: `moviebot rate Heat 4` rated Heat (1995) and added "I took "Heat" to be Heat
(1995), not The Heat (2013)", because The Heat's 1,575 TMDB votes outnumber Heat's 102 MovieLens
ratings, two counts that measure different crowds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write_jsonl

HEATS = [
    {"id": "heat-1995", "title": "Heat", "year": 1995, "genres": ["action", "crime"], "directors": ["Michael Mann"],
     "votes": 102, "rating": 7.9, "overview": "A detective and a thief circle each other before a last heist."},
    {"id": "the-heat-2013", "title": "The Heat", "year": 2013, "genres": ["comedy"], "directors": ["Paul Feig"],
     "votes": 1575, "rating": 6.5, "overview": "An uptight FBI agent is paired with a foul-mouthed Boston cop."},
]  # fmt: skip


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "heats.jsonl", HEATS)


def test_rate_heat_rates_heat_1995_without_a_word_of_the_heat(cli):
    code, out, _ = cli("rate", "Heat", "4")
    assert (code, out.strip()) == (0, "Rated Heat (1995) 4/5 for cli:me and marked it watched.")
    code, out, _ = cli("watched", "add", "Heat", "--json")
    assert code == 0 and "note" not in json.loads(out) and json.loads(out)["id"] == "heat-1995"


def test_the_article_still_names_the_other_film(cli):
    code, out, _ = cli("rate", "The", "Heat", "2")
    assert (code, out.strip()) == (0, "Rated The Heat (2013) 2/5 for cli:me and marked it watched.")
