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


HAUNTINGS = [film(20 + n, title, ["horror"], story, 95) for n, (title, story) in enumerate((
    ("The House on Elm Lane", "A scary haunting: a family hears whispers in the walls of their new home."),
    ("Night Shift", "A nurse alone in a scary hospital ward finds the patients gone."),
    ("The Well", "Villagers dread what crawls out of an old well each winter."),
    ("Hollow Pines", "Campers in the woods are hunted by something terrifying.")))]  # fmt: skip
SPOOF = {**film(30, "Scary Movie 3", ["horror", "comedy"],
                "In the third installment of the Scary Movie franchise, Cindy investigates crop circles.", 84),
         "rating": 5.8, "votes": 90000}  # fmt: skip


@pytest.fixture
def haunted(tmp_path):
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, *HAUNTINGS, SPOOF])
    yield catalog
    catalog.close()


def test_a_kind_word_finds_by_story_not_title_and_a_title_still_by_its_words(haunted):
    """ "something scary" put the spoof Scary Movie 3 (5.8) first, found by "scary" in its title:
    in its vector and in the synopsis naming its franchise. The kind word finds films whose
    synopsis says it; the spoof stays in the pool, after them, and the same words typed as a title
    (no kind words) still find the film first."""
    found = [r.movie.title for r in haunted.search("scary terrifying", k=20, kind_words={"scary", "terrifying"})]
    assert found.index("Scary Movie 3") > max(found.index(h["title"]) for h in HAUNTINGS)
    assert haunted.search("scary movie 3", k=3)[0].movie.title == "Scary Movie 3"
