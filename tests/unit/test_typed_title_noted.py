"""A title typed without its article, taken for the film of that exact title while a far better
known one carries the article ("Interview": Interview (2007), 1 vote; The Interview (2014)): every
verb says which film it took and how to name the other, so the user can correct it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from agent.service import build_service
from bot.http.app import create_app
from bot.settings import HttpSettings, Settings
from store.profiles import ProfileStore
from tests.conftest import SAMPLE_MOVIES, write_jsonl

INTERVIEWS = [
    {"id": "interview-2007", "title": "Interview", "year": 2007, "genres": ["drama"], "directors": ["Steve Buscemi"],
     "cast": ["Sienna Miller"], "votes": 1, "rating": 5.0, "overview": "A political journalist interviews a star."},
    {"id": "the-interview-2014", "title": "The Interview", "year": 2014, "genres": ["comedy"],
     "directors": ["Seth Rogen"], "cast": ["James Franco"], "votes": 2304, "rating": 6.1,
     "overview": "Two journalists are asked to assassinate a dictator they are to interview."},
]  # fmt: skip
NOTE = ('I took "Interview" to be Interview (2007), not The Interview (2014): for that one, give its year '
        '("The Interview 2014")')  # fmt: skip


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", [*SAMPLE_MOVIES, *INTERVIEWS])


@pytest.fixture
def service(catalog, profiles):
    return build_service(catalog, profiles)


def test_rate_says_which_film_a_title_without_its_article_was_taken_for(service):
    """`rate Interview 4` answered "Rated Interview (2007) 4/5 and marked it watched." and no more."""
    rated = service.rate("cli:ana", "Interview", 4)
    assert rated.movie_id == "interview-2007"
    assert rated.message == ("Rated Interview (2007) 4/5 and marked it watched. " + NOTE
                             + " and take Interview (2007) off your watched list.")  # fmt: skip
    added = service.watched_add("cli:ana", "interview")
    assert NOTE.replace('"Interview"', '"interview"') in added.message
    removed = service.watched_remove("cli:bo", "Interview")
    assert removed.message == "Interview (2007) wasn't on your watched list. " + NOTE + "."


@pytest.mark.parametrize(
    "typed", ["The Interview", "Interview 2007", "Interview (2007)", "interview-2007", "Heat 1995"]
)
def test_a_title_that_names_its_film_whole_gets_no_note(service, typed):
    assert service.watched_add("cli:ana", typed).note == ""


def test_the_cli_verbs_print_the_note(cli):
    code, out, _ = cli("rate", "Interview", "4")
    assert code == 0 and out.strip().startswith("Rated Interview (2007) 4/5 for cli:me and marked it watched. " + NOTE)
    code, out, _ = cli("watched", "add", "Interview", "--json")
    assert code == 0 and json.loads(out)["note"].startswith(NOTE)
    code, out, _ = cli("rate", "The", "Interview", "3")
    assert code == 0 and out.strip() == "Rated The Interview (2014) 3/5 for cli:me and marked it watched."


def test_the_http_watched_add_carries_the_note(catalog, tmp_path):
    profiles = ProfileStore(tmp_path / "state.sqlite")
    service = build_service(catalog, profiles)
    with TestClient(create_app(service, Settings(http=HttpSettings(rate_per_minute=0)))) as client:
        response = client.post("/v1/users/zo/watched", json={"movie": "Interview"})
    assert response.status_code == 201, response.text
    assert response.json()["note"].startswith(NOTE) and NOTE in response.json()["message"]
    profiles.close()


def test_a_like_titles_filter_says_which_film_its_title_was_taken_for(service):
    """{"like_titles": ["Interview"]} answered "like Interview (2007)" with no word of The Interview."""
    turn = service.recommend("http:acme:zo", text="", filters={"like_titles": ["Interview"]}, k=2)
    assert turn.to_json()["reply"].startswith(NOTE + "."), turn.to_json()["reply"]
