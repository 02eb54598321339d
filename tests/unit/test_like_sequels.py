""" "something like heat and its sequels" gave picks "about 'sequel'" (Insurgent, Jurassic World) and
went by Heat alone without saying it has no sequel: the films gone by are the film and its sequels."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_series_members import FILMS


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


def test_like_a_film_and_its_sequels_goes_by_them_all_and_asks_no_theme(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("something like rocky and its sequels", user="cli:likeseq")
    assert answer["understood"]["like_titles"] == ["Rocky (1976)", "Rocky II (1979)", "Rocky III (1982)"], answer
    assert "sequel" not in str(answer["understood"]) and '"sequel"' not in answer["reply"], answer["reply"]


def test_like_a_film_and_its_sequels_says_when_it_has_none(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("something like heat and its sequels", user="cli:likeheat")["reply"]
    assert reply.startswith("My catalog has no sequel to Heat (1995)."), reply
