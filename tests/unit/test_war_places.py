"""A war said by its place ("a film about the war in Vietnam") is that war, the films tagged with it:
the country was read as where the film was made, and the answer loosened it to "Made in US, not the
country you asked for"."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_MOVIES
from tests.unit.test_requests_honoured import catalog_of, make_bot


def film(n: int, title: str, country: str, keywords: list[str]) -> dict:
    return {**SAMPLE_MOVIES[0], "id": f"{title.lower().replace(' ', '-')}-{1980 + n}", "title": title,
            "year": 1980 + n, "cast": ["Tess Grey"], "directors": ["Someone Else"], "genres": ["war", "drama"],
            "country": country, "language": "en" if country == "US" else "vi", "votes": 5000 + n,
            "keywords": keywords, "moods": [], "overview": "Soldiers far from home."}  # fmt: skip


JUNGLE = [film(n, f"Jungle Patrol {n}", "US", ["vietnam war", "soldier"]) for n in range(4)]
DESERT = [film(n, f"Desert Convoy {n}", "US", ["iraq war", "soldier"]) for n in range(4, 8)]
HANOI = [film(n, f"Hanoi Story {n}", "VN", ["family", "soldier"]) for n in range(8, 11)]


@pytest.fixture
def catalog(tmp_path):
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, *JUNGLE, *DESERT, *HANOI])
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("said", "titles"),
    [
        ("a film about the war in Vietnam", "Jungle Patrol"),
        ("something about the war in Iraq", "Desert Convoy"),
        ("a movie about the Vietnam war", "Jungle Patrol"),
        ("a film from Vietnam", "Hanoi Story"),  # where the film was made, as before
    ],
)
def test_a_war_said_by_its_place_is_that_war(catalog, profiles, said, titles):
    answer = make_bot(catalog, profiles).ask(said, user="cli:ann")
    assert answer["recommendations"]
    assert all(pick["title"].startswith(titles) for pick in answer["recommendations"]), answer["reply"]
    assert "not the country you asked for" not in answer["reply"]
