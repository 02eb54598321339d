""" "Heat was great, and more comedies" noted Heat, then picked The Heat (2013) first: the words of a film just
judged pulled films by title into the picks for another request; "Alien was great, and more comedies" asked
for sci-fi comedies about aliens."""

from __future__ import annotations

import pytest

from store.catalog import Catalog
from tests.conftest import starter_plus
from tests.unit.test_graph import make_bot

THE_HEAT = {"id": "the-heat-2013", "title": "The Heat", "year": 2013, "genres": ["comedy", "crime"],
            "votes": 400000, "rating": 6.6, "overview": "An FBI agent and a Boston cop team up."}  # fmt: skip


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> Catalog:
    catalog = starter_plus(tmp_path_factory.mktemp("judged-apart"), [THE_HEAT])
    yield catalog
    catalog.close()


def test_a_film_judged_in_passing_lends_no_title_words_to_the_picks(films, profiles):
    answer = make_bot(films, profiles).ask("Heat was great, and more comedies", user="cli:apart")
    assert profiles.rating("cli:apart", "heat-1995") == 4.0, answer["reply"]
    assert "the-heat-2013" not in [r["id"] for r in answer["recommendations"]], answer["reply"]
    assert all("comedy" in r["genres"] for r in answer["recommendations"]), answer["reply"]


def test_a_film_judged_in_passing_lends_no_theme_to_the_picks(films, profiles):
    answer = make_bot(films, profiles).ask("Alien was great, and more comedies", user="cli:apart2")
    assert profiles.rating("cli:apart2", "alien-1979") == 4.0, answer["reply"]
    assert answer["understood"]["genres"] == ["comedy"], answer["understood"]
    assert "aliens" not in answer["reply"], answer["reply"]
