"""A title typed bare that only a little-known film bears ("parasite", where the catalog has the 1982
film and not the 2019 one) may name a film the catalog lacks: the answer says which film it took, so
the user can correct it; and a title opening with an everyday word ("get out") still ends a list."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from store.build import ingest
from store.catalog import Catalog
from store.home import DataDir
from tests.conftest import write_jsonl
from tests.fakes import HashingEmbedder
from tests.unit.test_graph import make_bot


def _film(movie_id: str, title: str, year: int, votes: int, genres: list[str]) -> dict:
    return {"id": movie_id, "title": title, "year": year, "genres": genres, "votes": votes, "rating": 6.0,
            "overview": f"{title}, a film of {year}."}  # fmt: skip


FILMS = [
    _film("zarvox-1982", "Zarvox", 1982, 2, ["horror"]),
    _film("get-out-2017", "Get Out", 2017, 15000, ["horror", "thriller"]),
    _film("heat-1995", "Heat", 1995, 9000, ["crime", "thriller"]),
    _film("alien-1979", "Alien", 1979, 12000, ["horror", "sci-fi"]),
    _film("ronin-1998", "Ronin", 1998, 3000, ["action", "thriller"]),
]


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> Catalog:
    folder = tmp_path_factory.mktemp("obscure")
    home = DataDir(folder / "home").ensure()
    ingest(home, HashingEmbedder(), [("jsonl", [write_jsonl(folder / "films.jsonl", FILMS)])])
    catalog = Catalog(home.current_catalog(), HashingEmbedder())
    yield catalog
    catalog.close()


def test_a_loved_title_only_an_obscure_film_bears_says_which_film_it_took(films, profiles):
    bot = make_bot(films, profiles)
    reply = bot.ask("i loved zarvox and heat", user="cli:obscure")["reply"]
    assert reply.startswith("I took “zarvox” to be Zarvox (1982), the only film of that name I have. ")
    assert "Zarvox (1982)" in reply.split(". ", 1)[1]  # the film noted is named with its year too
    assert "I took “heat”" not in reply  # a film many have rated needs no note


def test_an_obscure_film_typed_with_its_year_needs_no_note(films):
    assert understand("i loved zarvox (1982)", films).taken_years == []


@pytest.mark.parametrize("said", ["i loved heat and get out", "loved ronin, heat and get out"])
def test_a_title_opening_with_an_everyday_word_ends_a_list_of_loved_films(films, said):
    assert "get-out-2017" in understand(said, films).like_titles
