""" "love is great" was noted as liking Love (2015): a film titled with one everyday word is the film only
with evidence (typed as a title, or well known and judged as a film), while "alien was great" is Alien."""

from __future__ import annotations

import pytest

from agent.understanding.intents import classify
from store.catalog import Catalog
from tests.conftest import starter_plus

LOVE = {"id": "love-2015", "title": "Love", "year": 2015, "genres": ["drama", "romance"], "votes": 40,
        "rating": 5.8, "overview": "A young man remembers a past affair."}  # fmt: skip


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> Catalog:
    catalog = starter_plus(tmp_path_factory.mktemp("word-titles"), [LOVE])
    yield catalog
    catalog.close()


@pytest.mark.parametrize("said", ["love is great", "Love is great", "love was great"])
def test_an_everyday_word_is_no_verdict_on_a_little_known_film_of_that_name(films, said):
    assert classify(said, films, has_previous=False).titles == []


@pytest.mark.parametrize("said", ["I think Love was great", '"love" was great', "Love (2015) was great"])
def test_the_word_typed_as_a_title_is_the_film(films, said):
    said = classify(said, films, has_previous=False)
    assert (said.intent, said.titles) == ("liked", ["love-2015"]), said


@pytest.mark.parametrize(
    ("said", "film"),
    [
        ("alien was great", "alien-1979"),
        ("heat was great", "heat-1995"),
        ("Alien is one of my favorites", "alien-1979"),
    ],
)
def test_a_well_known_or_rare_word_title_judged_is_still_the_film(films, said, film):
    assert classify(said, films, has_previous=False).titles == [film]
