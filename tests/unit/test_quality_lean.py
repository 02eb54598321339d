"""A wish for good films without a number leans to well-rated ones and leaves none out: "any good
documentaries about music?" put a famous documentary rated 4.8 second, as "good" was read as
nothing; a floor for it ("decent" as 6.5+) was carried into every later turn and left out films
rated under it or not at all, and "critically acclaimed dramas" left out every drama under 7.5."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.understanding.merge import fresh_request, merge_request
from agent.understanding.reader import understand
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import film

DOCS = ["documentary", "music"]
FILMS = [
    film("Pop Star Tour", 2011, DOCS, ["Pop Star"], votes=90_000, rating=4.8),
    film("Concert Rehearsals", 2009, DOCS, ["Singer One"], votes=40_000, rating=6.9),
    film("Backup Singers", 2013, DOCS, ["Singer Two"], votes=9_000, rating=7.4),
    film("Jazz Legends", 2010, DOCS, ["Singer Three"], votes=6_000, rating=7.9),
    film("Garage Band Days", 2015, DOCS, ["Singer Four"], votes=0, rating=None),
    *(
        film(f"Thriller {n}", 2000 + n, ["thriller"], [f"Actor {n}"], votes=10_000 * n, rating=5.0 + n / 2)
        for n in range(1, 6)
    ),
    *(
        film(f"Drama {n}", 2000 + n, ["drama"], [f"Lead {n}"], votes=10_000 * n, rating=5.5 + n / 2)
        for n in range(1, 6)
    ),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


def _picks(answer) -> list[str]:
    return [r["title"] for r in answer["recommendations"]]


def test_a_good_documentary_puts_the_poorly_rated_famous_one_last(catalog, profiles):
    bot = make_bot(catalog, profiles)
    plain = bot.ask("music documentaries", user="cli:plain", k=3)
    assert "Pop Star Tour" in _picks(plain), plain["reply"]  # its fame carries it when nothing else is said
    good = bot.ask("any good documentaries about music?", user="cli:good", k=3)
    assert "Pop Star Tour" not in _picks(good), good["reply"]
    assert _picks(good)[0] == "Jazz Legends", good["reply"]


def test_a_wish_for_good_films_leaves_none_out(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("any decent music documentaries? five please", user="cli:all", k=5)
    picks = _picks(answer)
    assert {"Pop Star Tour", "Garage Band Days"} <= set(picks), answer["reply"]  # rated 4.8, and not rated at all
    assert answer["understood"]["min_rating"] is None
    assert "rated" not in answer["reply"].split("\n")[0].replace("well-rated", "")  # no floor said to be kept


@pytest.mark.parametrize(
    "said",
    ["any good documentaries about music?", "a great thriller", "something decent to watch",
     "critically acclaimed dramas", "well-reviewed comedies", "a really good sci-fi movie"],
)  # fmt: skip
def test_good_words_are_a_lean_not_a_floor(catalog, said):
    read = understand(said, catalog)
    assert read.quality and read.min_rating is None, read


@pytest.mark.parametrize(
    ("said", "floor"),
    [("thrillers rated 8+", 8.0), ("the best thrillers", 8.0), ("a drama rated at least 7", 7.0),
     ("highly rated dramas", 7.5)],
)  # fmt: skip
def test_numbers_and_best_stay_floors(catalog, said, floor):
    assert understand(said, catalog).min_rating == floor


def test_the_lean_is_the_message_s_and_a_bare_more_keeps_it(catalog, profiles):
    deps = make_bot(catalog, profiles).deps
    good = fresh_request(understand("a good thriller", catalog), deps)
    assert merge_request(good, understand("more", catalog), last_picks=[], deps=deps)["quality"]
    assert merge_request(good, understand("3 more please", catalog), last_picks=[], deps=deps)["quality"]
    later = merge_request(good, understand("from the 2000s", catalog), last_picks=[], deps=deps)
    assert not later["quality"]  # a new wish drops it unless it says "good" again
    again = merge_request(good, understand("good ones from the 2000s", catalog), last_picks=[], deps=deps)
    assert again["quality"]


def test_a_new_request_after_a_good_one_ranks_without_the_lean(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("a good drama", user="cli:later", k=3)
    answer = bot.ask("music documentaries", user="cli:later", k=3)
    assert "Pop Star Tour" in _picks(answer), answer["reply"]


def test_the_reply_names_the_lean_and_claims_no_floor(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("any good music documentaries?", user="cli:said", k=3)
    header = answer["reply"].split("\n")[0]
    assert "leaning to well-rated" in header and "+" not in header, header
