"""`moviebot search "heist gone wrong"` ranks as chat ranks the same words: a film tagged with the
theme said comes before films that only share a word of it with their titles or synopses."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLE_MOVIES
from tests.fakes import HashingEmbedder


def film(n: int, title: str, year: int, genres: list[str], overview: str, rating: float, keywords=()) -> dict:
    return {**SAMPLE_MOVIES[0], "id": f"film-{n}", "title": title, "year": year, "genres": genres,
            "votes": 20000, "rating": rating, "runtime": 100, "directors": [f"Director {n}"],
            "cast": [f"Actor {n}"], "keywords": list(keywords), "moods": [], "overview": overview}  # fmt: skip


# eight tags first: the embedded document holds eight (store.embeddings.movie_document), so only the
# lexical index sees the theme, as the real index hardly found Reservoir Dogs (126th) by its vector
FIRST_TAGS = ("diner", "informant", "warehouse", "ear", "jewel", "suit", "nickname", "standoff")
FILMS = [
    film(1, "Dogs of the Diner", 1992, ["crime", "thriller"], "After a jewel robbery, the surviving thieves "
         "suspect one of them is a police informant.", 8.0, (*FIRST_TAGS, "heist gone wrong")),
    film(2, "Heist", 1995, ["crime"], "A heist crew plans one last job.", 5.0),
    film(3, "The Maiden Heist", 1996, ["crime", "comedy"], "Museum guards plan a heist.", 5.0),
    film(4, "American Heist", 1997, ["crime"], "Two brothers are drawn into a heist.", 4.3),
    film(5, "Gone Wrong", 1993, ["crime"], "Everything has gone wrong for a small-town sheriff.", 5.5),
    film(6, "The Wrong Man", 1994, ["crime"], "A man is gone from town after a wrong accusation.", 6.0),
    film(7, "Gone for Good", 1998, ["crime"], "A heist goes wrong when a getaway driver is gone.", 5.2),
    film(8, "Wrong Side of Gone", 1991, ["crime"], "A heist crew is gone wrong, wrong and gone.", 7.0),
    film(9, "Heist Gone", 1999, ["crime"], "The heist is gone; a wrong turn.", 7.2),
]  # fmt: skip


@pytest.fixture
def search(tmp_path, monkeypatch, capsys):
    from bot.cli.commands import main
    from store.build import ingest
    from store.home import DataDir

    source = tmp_path / "films.jsonl"
    source.write_text("\n".join(json.dumps(m) for m in [*SAMPLE_MOVIES, *FILMS]) + "\n", encoding="utf-8")
    home = DataDir(tmp_path / "home").ensure()
    ingest(home, HashingEmbedder(), [("jsonl", [source])])
    monkeypatch.setattr("bot.settings.Settings.embedder", lambda self: HashingEmbedder())
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MOVIEBOT_HOME", "MOVIEBOT_EMBEDDING_MODEL"):
        monkeypatch.delenv(name, raising=False)

    def run(*argv: str) -> list[str]:
        assert main(["search", *argv, "--json", "--data-dir", str(home.root)]) == 0
        return [m["title"] for m in json.loads(capsys.readouterr().out)]

    return run


def test_the_film_tagged_with_the_theme_comes_first(search):
    """The README's example listed Batman Returns, The Net and Virtuosity first and Reservoir Dogs
    (tagged "heist gone wrong") 19th, and without filters films titled Heist first, while chat's
    "heist gone wrong from the 90s" put Reservoir Dogs first."""
    assert search("heist gone wrong")[0] == "Dogs of the Diner"
    assert search("heist gone wrong", "--genre", "crime", "--year-from", "1990", "--year-to", "1999")[0] == (
        "Dogs of the Diner"
    )


def test_a_title_typed_is_still_found_first(search):
    """Words that are a title are searched as typed: the film, then those sharing its words."""
    assert search("the maiden heist")[0] == "The Maiden Heist"
    assert search("gone wrong")[0] == "Gone Wrong"
