"""A rating floor read from words ("best", "highly rated") is a wish for the best-rated films that fit,
filled up with the next best rated when too few clear it; a number typed stays a hard floor, and when
loosened the nearest films under it come first (agent.best_rated)."""

from __future__ import annotations

import pytest

from agent.best_rated import reach
from tests.unit.test_requests_honoured import catalog_of, make_bot, picked

# (title, year, rating): two films of 2015 clear 8, then 7.9, 7.6, 6.9, 5.1 and one rated by a few people
FILMS = [
    ("Paper Lanterns", 2015, 8.2),
    ("The Quiet Harbour", 2015, 8.1),
    ("Northbound", 2015, 7.9),
    ("Glass Orchard", 2015, 7.6),
    ("Midnight Ferry", 2015, 6.9),
    ("Rust and Salt", 2015, 5.1),
    ("Old Clocks", 1995, 9.0),
    ("Winter Fields", 1995, 8.8),
]


def film(title: str, year: int, rating: float) -> dict:
    slug = title.lower().replace(" ", "-")
    return {"id": f"{slug}-{year}", "title": title, "year": year, "genres": ["drama"], "directors": [],
            "cast": [], "runtime": 100, "language": "en", "country": "US", "rating": rating, "votes": 50000,
            "keywords": [], "moods": [], "overview": f"A drama about {title.lower()}."}  # fmt: skip


@pytest.fixture
def catalog(tmp_path):
    catalog = catalog_of(tmp_path, [film(*f) for f in FILMS])
    yield catalog
    catalog.close()


def test_the_best_fills_up_with_the_next_best_rated_and_says_so_truthfully(catalog, profiles):
    """ "best movies of 2015?" gave the two films rated 8+ and nothing else; the 8 is what "best" was
    taken to mean, so the next best rated of 2015 fill the answer, best first, never "outside" it."""
    result = make_bot(catalog, profiles).ask("best movies of 2015?", user="cli:ana", k=4)
    films = picked(catalog, result)
    assert [m.title for m in films[2:]] == ["Northbound", "Glass Orchard"]
    assert {m.title for m in films[:2]} == {"Paper Lanterns", "The Quiet Harbour"}
    assert (
        'only 2 are rated 8+ (what I took "best" to mean); the other 2 are the best rated after them'
        in (result["reply"])
    )
    assert "you asked for" not in result["reply"] and "outside what you asked" not in result["reply"]
    assert all(r["relaxed"] is False and r["outside"] == [] for r in result["recommendations"])


def test_highly_rated_fills_up_too(catalog, profiles):
    result = make_bot(catalog, profiles).ask("highly rated films from 2015", user="cli:bo", k=5)
    assert [m.rating for m in picked(catalog, result)][4:] == [6.9]  # the four rated 7.5+ first
    assert all(r["relaxed"] is False for r in result["recommendations"])


def test_a_rating_typed_stays_a_hard_floor(catalog, profiles):
    result = make_bot(catalog, profiles).ask("2015 films rated 8+", user="cli:cy", k=4)
    assert sorted(m.title for m in picked(catalog, result)) == ["Paper Lanterns", "The Quiet Harbour"]
    assert result["reply"].startswith("Only 2 films in my catalog fit all of that")


def test_a_typed_floor_loosened_gives_the_nearest_films_under_it_first(catalog, profiles):
    """ "only ones over 8 rating" after the two rated 8+ were shown loosened the floor and answered with
    6.3s, the films nearest the words, while 7.8s fit the rest: the nearest under the number come first."""
    result = make_bot(catalog, profiles).ask("2015 films about a midnight ferry rated 9+", user="cli:di", k=2)
    assert [m.title for m in picked(catalog, result)] == ["Paper Lanterns", "The Quiet Harbour"]
    assert "under the 9 you asked for" in result["reply"]


def test_the_floor_reaches_down_to_the_wanted_best_rated():
    assert reach([8.2, 6.9, 8.1, 7.9], 8.0, 3) == 7.9
    assert reach([8.2, 8.1], 8.0, 3) is None  # nothing under the floor to fill with
    assert reach([8.2, 8.1, 8.5], 8.0, 2) is None


@pytest.fixture
def edge(tmp_path):
    """2015 films at the floor's edge: one at 8.0 exactly, two a hair under it that one decimal would
    round to 8.0, and a 7.5."""
    films = [("Exactly Eight", 2015, 8.0), ("Nearly Eight", 2015, 7.97), ("Almost Eight", 2015, 7.95),
             ("Seven Five", 2015, 7.5)]  # fmt: skip
    catalog = catalog_of(tmp_path, [film(*f) for f in films])
    yield catalog
    catalog.close()


def test_a_film_a_hair_under_the_floor_neither_clears_it_nor_is_shown_as_clearing_it(edge, profiles):
    """ "the best movies of 2015" said "2015 films, rated 8+" of Kingsman at 7.97 and showed it "rated
    8.0": only the 8.0 clears "8+", and the 7.97 and 7.95 that fill the answer are shown as what they are."""
    result = make_bot(edge, profiles).ask("the best movies of 2015", user="cli:ed", k=3)
    assert [m.title for m in picked(edge, result)] == ["Exactly Eight", "Nearly Eight", "Almost Eight"]
    reply = result["reply"]
    assert "only 1 is rated 8+" in reply and "the other 2 are the best rated after it" in reply
    lines = reply.splitlines()
    assert "rated 8.0" in lines[1] and "rated 7.97" in lines[2] and "rated 7.95" in lines[3]
    assert "8.0" not in "\n".join(lines[2:])


def test_a_typed_floor_takes_only_the_film_at_it(edge, profiles):
    result = make_bot(edge, profiles).ask("2015 films rated 8+", user="cli:fa", k=3)
    assert [m.title for m in picked(edge, result)] == ["Exactly Eight"]


def test_a_loosened_floor_says_how_far_under_it_without_rounding_up_to_it(tmp_path, profiles):
    """Nothing of 2015 clears "rated 8+" here, so the floor is loosened: the 7.97 let through is said to
    be under 8 and shown as 7.97, never "rated 8.0, under the 8 you asked for"."""
    catalog = catalog_of(tmp_path, [film("Nearly Eight", 2015, 7.97), film("Seven Five", 2015, 7.5)])
    try:
        result = make_bot(catalog, profiles).ask("2015 films rated 8+", user="cli:go", k=1)
    finally:
        catalog.close()
    assert result["recommendations"][0]["title"] == "Nearly Eight"
    assert "loosened the rating floor (down to 7.97)" in result["reply"]
    assert "Rated 7.97, under the 8 you asked for" in result["reply"]
    assert "8.0" not in result["reply"]
