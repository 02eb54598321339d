"""A word said of the kind of film wanted ("an epic", "musicals") finds films of that kind, not
films by their titles."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_MOVIES
from tests.unit.test_requests_honoured import catalog_of, make_bot


def film(n: int, title: str, genres: list[str], overview: str, runtime: int) -> dict:
    return {**SAMPLE_MOVIES[0], "id": f"{title.lower().replace(' ', '-')}-{1990 + n}", "title": title,
            "year": 1990 + n, "genres": genres, "votes": 9000 + n, "rating": 7.5, "runtime": runtime,
            "directors": [f"Director {n}"], "cast": [f"Actor {n}"], "keywords": [], "moods": [],
            "overview": overview}  # fmt: skip


EPICS = [film(n, f"Legion of the North {n}", ["adventure", "war"],
              "An epic saga of a warrior's journey across a kingdom at war.", 110) for n in range(4)]  # fmt: skip
NAMED_EPIC = [film(10, "Epic", ["animation", "family"], "A teenager is shrunk into a forest.", 102),
              film(11, "Epic Movie", ["comedy"], "Four orphans spoof blockbusters.", 86)]  # fmt: skip


@pytest.fixture
def catalog(tmp_path):
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, *EPICS, *NAMED_EPIC])
    yield catalog
    catalog.close()


def test_an_epic_asked_for_is_no_film_called_epic(catalog, profiles):
    """ "got 3 hours to kill, give me an epic" then "shorter pls like 2h max" picked Epic (2013) and
    Epic Movie (2007), found by the word "epic" in their titles."""
    bot = make_bot(catalog, profiles)
    for user, turns in (("cli:ana", ("give me an epic",)),
                        ("cli:bo", ("got 3 hours to kill, give me an epic", "shorter pls like 2h max"))):  # fmt: skip
        for said in turns:
            titles = [catalog.movies[p["id"]].title for p in bot.ask(said, user=user)["recommendations"]]
            assert titles and not {"Epic", "Epic Movie"} & set(titles), (said, titles)
