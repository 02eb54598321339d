""" "I've seen the first two rocky movies, what should I watch next" marked the first pick of an earlier
answer as watched and said so ("Noted: you've seen Fight Club (1999)."): places in a series named by
its titles' words are its films in release order."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.nodes.understand import understand_message
from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import film
from tests.unit.test_series_members import FILMS

RIPLEY = ["Sigourney Weaver", "Tom Skerritt", "John Hurt"]
ALIENS = [film("Alien", 1979, ["horror", "sci-fi"], RIPLEY), film("Aliens", 1986, ["action", "sci-fi"], RIPLEY)]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", [*FILMS, *ALIENS])


def test_the_first_two_films_of_a_series_seen_are_its_first_two_not_the_picks(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("crime films", user="cli:places")
    reply = bot.ask("I've seen the first two rocky movies, what should I watch next", user="cli:places")["reply"]
    assert reply.startswith("Noted: you've seen Rocky (1976) and Rocky II (1979)."), reply
    seen = {row["movie_id"] for row in profiles.watched("cli:places")}
    assert seen == {"rocky-1976", "rocky-ii-1979"}, seen


def test_the_last_two_films_of_a_series_seen_are_its_latest(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("I watched the last two godfather films", user="cli:last2")["reply"]
    assert reply.startswith("Got it: The Godfather: Part II (1974) and The Godfather: Part III (1990) marked"), reply


def test_more_places_than_the_series_has_are_not_read_as_its_films(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("I've seen the first five godfather films", user="cli:five")["reply"]
    assert "Part III" not in reply, reply


def test_a_series_named_by_a_theme_word_that_is_its_first_title_is_that_series(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("crime films", user="cli:alien")
    reply = bot.ask("I've seen the first two alien movies, what next", user="cli:alien")["reply"]
    assert reply.startswith("Noted: you've seen Alien (1979) and Aliens (1986)."), reply


def test_the_conversation_keeps_the_words_said_not_the_films_read_into_them(catalog, profiles):
    """The message kept in the conversation was rewritten "I've seen Rocky (1976) and Rocky II (1979)"."""
    deps = make_bot(catalog, profiles).deps
    said = "I've seen the first two rocky movies"
    understood = understand_message({"message": said, "user": "cli:kept"}, deps)
    assert understood["messages"] == [{"role": "user", "text": said}]
    assert understood["mentioned"] == ["rocky-1976", "rocky-ii-1979"], understood["mentioned"]
