"""A person called by first name or nickname alone is that person, when the catalog leaves no doubt."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_MOVIES
from tests.unit.test_requests_honoured import catalog_of, make_bot


def film(n: int, title: str, cast: list[str], genres: list[str]) -> dict:
    return {**SAMPLE_MOVIES[0], "id": f"{title.lower().replace(' ', '-')}-{2000 + n}", "title": title,
            "year": 2000 + n, "cast": cast, "directors": ["Someone Else"], "genres": genres, "votes": 5000 + n,
            "keywords": [], "moods": [], "overview": "A man has one day to set things right."}  # fmt: skip


DENZEL = [film(n, f"Denzel Case {n}", ["Denzel Washington", "Kerry Washington"], ["thriller"]) for n in range(5)]
LEO = [film(n, f"Leo Story {n}", ["Leonardo DiCaprio", "Kerry Condon"], ["drama"]) for n in range(5, 8)]
MELISSA = [film(n, f"Frozen Road {n}", ["Melissa Leo", "Kerry Condon"], ["drama"]) for n in range(8, 11)]


@pytest.fixture
def catalog(tmp_path):
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, *DENZEL, *LEO, *MELISSA])
    yield catalog
    catalog.close()


def test_a_first_name_or_nickname_alone_asks_for_that_person(catalog, profiles):
    """ "whats a good movie with denzel" answered three films without him, and "any leo movies"
    films with Melissa Leo."""
    bot = make_bot(catalog, profiles)
    denzel = bot.ask("whats a good movie with denzel", user="cli:ana")
    assert denzel["reply"].startswith("Here are 3 picks: with Denzel Washington, leaning to well-rated ones.")
    assert all("Denzel Washington" in catalog.movies[p["id"]].cast for p in denzel["recommendations"])
    leo = bot.ask("any leo movies?", user="cli:bo")
    assert "with Leonardo DiCaprio" in leo["reply"] and "Melissa Leo" not in leo["reply"]
    assert all("Leonardo DiCaprio" in catalog.movies[p["id"]].cast for p in leo["recommendations"])
    refused = bot.ask("a thriller, nothing with denzel", user="cli:cy")
    assert refused["recommendations"]
    assert all("Denzel Washington" not in catalog.movies[p["id"]].cast for p in refused["recommendations"])


def test_a_friend_watched_with_is_no_cast_and_a_shared_first_name_is_no_one(catalog, profiles):
    bot = make_bot(catalog, profiles)
    company = bot.ask("a drama to watch with leo tonight", user="cli:di")["reply"]
    assert "DiCaprio" not in company
    kerry = bot.ask("a film with kerry", user="cli:di")["reply"]  # two Kerrys with as many films: no one
    assert "with Kerry Washington" not in kerry


def test_a_friend_watched_with_is_no_surname_either(catalog, profiles):
    """ "a drama to watch with leo tonight" asked for films with Melissa Leo: the friend is company."""
    bot = make_bot(catalog, profiles)
    for said in ("a drama to watch with leo tonight", "movie night with Leo, a drama"):
        company = bot.ask(said, user="cli:ed")
        assert "Melissa Leo" not in company["reply"] and "DiCaprio" not in company["reply"], said
        assert company["recommendations"], said
    cast = bot.ask("a drama with leo", user="cli:fa")  # said of a film, still the cast
    assert "with Leonardo DiCaprio" in cast["reply"]
