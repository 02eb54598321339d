"""Comic-book films refused: "not a comic movie" and "nothing comic" were read as nothing at all, and "no
comic book movies" refused only the two films titled "Comic Book ...", so Deadpool and the Avengers came
back. A film from comics is known by its tags ("marvel comic", "based on comic book"), not only "superhero"."""

from __future__ import annotations

import pytest

from tests.conftest import catalog_of
from tests.unit.test_graph import make_bot


def film(n: int, title: str, keywords: list[str], genres: tuple[str, ...] = ("action",)) -> dict:
    return {"id": f"f{n}", "title": title, "year": 1990 + n, "genres": list(genres), "directors": [],
            "cast": [], "runtime": 100, "language": "en", "country": "US", "rating": 7.0 + n / 100,
            "votes": 90000 - n, "keywords": keywords, "moods": [],
            "overview": f"{title}, a story of people."}  # fmt: skip


FROM_COMICS = [
    film(1, "Red Cowl", ["marvel comic", "based on comic book"]),
    film(2, "Starguard", ["marvel comic"]),
    film(3, "Teen Capes", ["teen superheroes"]),
    film(4, "Night City", ["based on comic book", "neo-noir"]),
    film(5, "Bat Signal", ["dc comics"]),
]
OTHERS = [
    film(6, "Comic Book Villains", ["collector"], ("comedy",)),
    film(7, "Comic Book: The Movie", ["fan convention"], ("comedy",)),
    film(8, "Long Road", ["chase"]),
    film(9, "Harbour Heist", ["heist"]),
    film(10, "Engine Room", ["submarine"]),
    film(11, "Cold Front", ["storm"]),
]


@pytest.fixture(scope="module")
def comics(tmp_path_factory):
    catalog = catalog_of(tmp_path_factory.mktemp("comics"), [*FROM_COMICS, *OTHERS])
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    "said", ["an action movie, not a comic movie", "action, nothing comic", "action, no comic book movies please"]
)
def test_no_film_from_comics_comes_through(comics, profiles, said: str) -> None:
    answer = make_bot(comics, profiles).ask(said, user="cli:cb")
    titles = {r["title"] for r in answer["recommendations"]}
    assert titles and not titles & {f["title"] for f in FROM_COMICS}, titles


@pytest.mark.parametrize("said", ["not a comic movie", "nothing comic"])
def test_the_reading_of_comic_is_said(comics, profiles, said: str) -> None:
    """ "comic" alone may mean comedy: the reply says which reading it took, and how to ask for the other."""
    answer = make_bot(comics, profiles).ask(said, user="cli:cr")
    assert 'I took "comic" to mean comic-book films; if you meant no comedies, say "no comedies".' in answer["reply"]


def test_no_superhero_movies_leaves_out_those_tagged_only_by_their_publisher(comics, profiles) -> None:
    answer = make_bot(comics, profiles).ask("action, no superhero movies", user="cli:sh")
    titles = {r["title"] for r in answer["recommendations"]}
    assert titles and not titles & {"Red Cowl", "Starguard", "Teen Capes", "Bat Signal"}, titles
