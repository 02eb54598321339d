"""A wish for lesser-known films (issue 14 §2, "a Hitchcock film I might not know"): read, served
with well-rated films less voted than the request's best-known, and said only when true. Real
starter catalog."""

from __future__ import annotations

import pytest

from agent.scoring import GEM_MIN_RATING
from agent.understanding.reader import understand
from tests.unit.test_requests_honoured import make_bot, picked

HITCHCOCK = "Alfred Hitchcock"


def hitchcocks(starter) -> list:
    """The starter catalog's Hitchcock films, most voted first."""
    films = [m for m in starter.movies.values() if HITCHCOCK in m.directors]
    return sorted(films, key=lambda m: -(m.votes or 0))


@pytest.mark.parametrize(
    "text",
    [
        "a Hitchcock film I might not know",
        "a Hitchcock film I may not have seen",
        "a lesser-known Hitchcock",
        "a Hitchcock hidden gem",
        "an underrated Hitchcock film",
        "a Hitchcock film, not the obvious ones",
        "a Hitchcock film, but nothing obvious",
    ],
)
def test_a_wish_for_films_one_might_not_know_is_read(starter, text):
    read = understand(text, starter)
    assert read.hidden_gem and read.people == [HITCHCOCK]


@pytest.mark.parametrize("text", ["a Hitchcock film", "a famous Hitchcock film", "I wouldn't know, you pick",
                                  "the obvious one"])  # fmt: skip
def test_other_requests_are_no_such_wish(starter, text):
    assert not understand(text, starter).hidden_gem


def test_a_hitchcock_film_i_might_not_know_is_less_voted_than_his_best_known(starter, profiles):
    famous = hitchcocks(starter)[:3]  # Psycho, Rear Window, Vertigo: a quarter of his films, at least 3
    result = make_bot(starter, profiles).ask("a Hitchcock film I might not know", user="cli:ana")
    films = picked(starter, result)
    assert len(films) == 3 and all(HITCHCOCK in m.directors for m in films)
    assert all(m.votes < min(f.votes for f in famous) and m.rating >= GEM_MIN_RATING for m in films)
    names = f"{famous[0].title}, {famous[1].title} and {famous[2].title}"
    assert result["reply"].startswith(
        f"Here are 3 lesser-known picks: directed by {HITCHCOCK}. Each has fewer votes than {names}, the best-known films"
    )
    plain = picked(starter, make_bot(starter, profiles).ask("a Hitchcock film", user="cli:bob"))
    assert [m.id for m in plain] == [m.id for m in famous]  # without the wish: his best-known, as before
    assert "lesser-known" not in make_bot(starter, profiles).ask("a Hitchcock film", user="cli:cy")["reply"]


def test_when_too_few_are_lesser_known_the_reply_says_which(starter, profiles):
    films = hitchcocks(starter)
    bar = min(m.votes for m in films[:3])
    gems = [m for m in films[3:] if m.votes < bar and m.rating >= GEM_MIN_RATING]
    assert 0 < len(gems) < 8
    result = make_bot(starter, profiles).ask("give me 8 Hitchcock films I might not know", user="cli:ana")
    picks = picked(starter, result)
    assert len(picks) == 8
    assert {m.id for m in picks[: len(gems)]} == {m.id for m in gems}  # the lesser-known ones first
    assert "lesser-known picks" not in result["reply"]
    assert f"The first {len(gems)} have fewer votes than {films[0].title}" in result["reply"]
    assert "I found no more you haven't seen, rated 7.0 or more." in result["reply"]
    # only the lesser-known ones may be "rated ... yet only N votes": the rest are not, whatever their count
    others = [rec for rec in result["recommendations"] if rec["id"] not in {m.id for m in gems}]
    assert others and not any("yet only" in rec["explanation"] for rec in others)


def test_with_no_lesser_known_film_it_says_so(starter, profiles):
    # the starter catalog holds three Sergio Leone films: all three are his best-known
    result = make_bot(starter, profiles).ask("a Sergio Leone film I might not know", user="cli:ana")
    films = picked(starter, result)
    assert films and all("Sergio Leone" in m.directors for m in films)
    assert "lesser-known picks" not in result["reply"]
    assert (
        "None of these is lesser-known: I found no film you haven't seen, rated 7.0 or more, with fewer votes than"
        in result["reply"]
    )


def test_a_best_known_film_is_never_called_little_voted(tmp_path, embedder, profiles):
    """On a catalog of small vote counts "a Hitchcock film I might not know" said "The first 1 has fewer
    votes than Psycho, ..." and then "Psycho: rated 8.2 yet only 2k votes", of a film it had just
    called one of his best-known."""
    from store.build import ingest
    from store.catalog import Catalog
    from store.home import DataDir
    from tests.conftest import write_jsonl

    rows = [{"id": f"film-{n}", "title": f"Mystery Number {n}", "year": 1950 + n, "genres": ["mystery"],
             "directors": ["Ada Director"], "rating": 8.0 - n / 10, "votes": 5000 - 1000 * n,
             "overview": "A detective follows a trail of clues."} for n in range(4)]  # fmt: skip
    home = DataDir(tmp_path / "home").ensure()
    ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "films.jsonl", rows)])])
    catalog = Catalog(home.current_catalog(), embedder)
    try:
        result = make_bot(catalog, profiles).ask("an Ada Director film I might not know", user="cli:ana")
    finally:
        catalog.close()
    said = {rec["id"]: rec["explanation"] for rec in result["recommendations"]}
    assert next(iter(said)) == "film-3" and "yet only 2k votes" in said["film-3"]  # the one lesser-known film
    assert said.keys() > {"film-3"} and not any("yet only" in said[m] for m in said if m != "film-3"), said
    assert "The first has fewer votes than" in result["reply"]
