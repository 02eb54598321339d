""" "I've seen all the Harry Potter movies" noted nothing and recommended at random, "I've seen all the
Star Wars films" marked Star Wars (1977) alone, and "seen every Pixar movie" recommended Pixar films:
a whole series said seen is every film of it the catalog has, and a studio, which is no series, is
said to be one the bot can't mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import film
from tests.unit.test_series_members import FILMS

PIXAR = film("Up", 2009, ["animation", "adventure"], ["Ed Asner"], studios=["Pixar Animation Studios"])
HORROR = [
    film("#Horror", 2015, ["horror", "drama"], ["Chloe Sevigny"]),
    film("Jaws", 1975, ["horror"], ["Roy Scheider"]),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", [*FILMS, PIXAR, *HORROR])


def test_all_the_films_of_a_series_seen_marks_each_and_says_them(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("I've seen all the Harry Potter movies", user="cli:hp")["reply"]
    seen = {row["movie_id"] for row in profiles.watched("cli:hp")}
    assert len(seen) == 8 and all(m.startswith("harry-potter") for m in seen), seen
    assert "Philosopher's Stone (2001)" in reply and "Part 2 (2011)" in reply, reply


def test_a_series_named_by_its_first_title_marks_the_whole_series(catalog, profiles):
    make_bot(catalog, profiles).ask("I've seen all the Star Wars films", user="cli:sw")
    seen = {row["movie_id"] for row in profiles.watched("cli:sw")}
    assert {"star-wars-1977", "the-empire-strikes-back-1980", "star-wars-episode-vii-the-force-awakens-2015"} <= seen


def test_every_film_of_a_studio_is_said_not_to_be_marked(catalog, profiles):
    result = make_bot(catalog, profiles).ask("seen every Pixar movie", user="cli:pixar")
    assert result["recommendations"] == [], result["reply"]
    assert "can't mark every Pixar film" in result["reply"], result["reply"]
    assert profiles.watched("cli:pixar") == []
    assert result["intent"] != "seen", result["intent"]  # said in the JSON, though nothing was marked


def test_every_film_of_something_unknown_is_said_plainly(catalog, profiles):
    """ "seen every zorblax movie" said "zorblax is not a series I know, not a series my catalog records"."""
    result = make_bot(catalog, profiles).ask("seen every zorblax movie", user="cli:zorblax")
    assert result["reply"].startswith("I can't mark every zorblax film as seen at once: my catalog records no zorblax"
                                      " series, so I haven't noted anything."), result["reply"]  # fmt: skip


@pytest.mark.parametrize(
    "said", ["I haven't seen all the Harry Potter movies", "have you seen all the Harry Potter movies?"]
)
def test_not_all_of_a_series_seen_nor_a_question_marks_none_of_it(catalog, profiles, said):
    answer = make_bot(catalog, profiles).ask(said, user="cli:notall")
    assert profiles.watched("cli:notall") == [], answer["reply"]
    assert "Part 2 (2011) are new to you" not in answer["reply"], answer["reply"]


def test_a_genre_that_titles_a_lone_film_is_said_to_be_a_genre(catalog, profiles):
    """ "I've seen all the horror movies" recommended horror films in the full catalog, where #Horror
    (2015) made "horror" read as a series of one; it is a genre, and nothing is marked."""
    result = make_bot(catalog, profiles).ask("I've seen all the horror movies", user="cli:horror")
    assert result["recommendations"] == [], result["reply"]
    assert "horror is a genre" in result["reply"], result["reply"]
    assert profiles.watched("cli:horror") == []
