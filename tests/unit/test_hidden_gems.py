"""A hidden gem is a film well rated by enough people and less known than the best-known: "a hidden
gem comedy" put first a film "rated 9.5 yet only 1 vote", and "a hidden gem" alone answered with
films titled Hidden, the words of the wish searched for as a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.understanding.reader import understand
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import film

COMEDY = ["comedy"]
FILMS = [
    *(film(f"Famous Comedy {n}", 2000 + n, COMEDY, [f"Star {n}"], votes=100_000 - n, rating=7.0) for n in range(1, 8)),
    film("One Vote Wonder", 2005, COMEDY, ["Nobody Much"], votes=1, rating=9.5),
    film("Two Votes Wonder", 2006, COMEDY, ["Nobody Else"], votes=2, rating=9.3),
    film("Quiet Delight", 2004, COMEDY, ["Someone Good"], votes=900, rating=7.9),
    film("Small Wonder", 2010, ["drama"], ["Someone Fine"], votes=3_000, rating=8.2),
    film("Little Treasure", 2012, ["drama"], ["Someone Else"], votes=1_500, rating=8.0),
    film("The Hidden", 1987, ["sci-fi"], ["Kyle MacLachlan"], votes=2_000, rating=6.5),
    film("Hidden Figures", 2016, ["drama"], ["Taraji P. Henson"], votes=5_000, rating=6.6),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


def test_a_hidden_gem_is_rated_by_enough_people(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("a hidden gem comedy", user="cli:gem")
    assert answer["recommendations"][0]["id"] == "quiet-delight-2004", answer["reply"]


def test_a_hidden_gem_is_no_title_word(catalog, profiles):
    read = understand("a hidden gem", catalog)
    assert read.hidden_gem and read.query == ""  # was "hidden gem", searched for The Hidden by its title
    answer = make_bot(catalog, profiles).ask("a hidden gem", user="cli:gem2")
    picks = [r["id"] for r in answer["recommendations"]]
    assert picks and not {"the-hidden-1987", "hidden-figures-2016"} & set(picks), answer["reply"]
