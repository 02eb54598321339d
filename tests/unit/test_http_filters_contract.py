"""`POST /v1/recommendations` takes as `filters` every name a turn's `understood` holds, and a chat turn's
`understood` sent back is the same request (the issue's contract), through FastAPI's TestClient over the
real service on the starter catalog."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from agent.bandit import Ranker
from agent.service import build_service
from agent.understanding.request import contract
from bot.http.app import create_app
from bot.http.models import Filters
from bot.settings import ApiKey, HttpSettings, Settings
from store.profiles import ProfileStore

KEY = "acme-key-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture
def client(starter, tmp_path):
    profiles = ProfileStore(tmp_path / "state.sqlite")
    service = build_service(starter, profiles, ranker=Ranker(profiles))
    settings = Settings(http=HttpSettings(api_keys=(ApiKey("acme", KEY),), rate_per_minute=0))
    with TestClient(create_app(service, settings)) as client:
        yield client
    service.close()
    profiles.close()


def test_every_name_understood_holds_is_a_filter():
    understood = contract({}, lambda movie_id: None)
    assert set(understood) <= set(Filters.model_fields)


@pytest.mark.parametrize(
    "text",
    [
        "a 90s crime thriller under two hours",
        "something like Heat but not from 1995",
        "a french comedy, no horror",
        "films by Christopher Nolan or Steven Spielberg",
        "highly rated sci-fi without Tom Cruise",
        "5 korean thrillers",
        "a heist movie with no superheroes",
    ],
)
def test_a_chat_turns_understood_sent_back_as_filters_is_the_same_request(client, text):
    chat = client.post("/v1/chat", json={"user": "ana", "text": text}, headers=AUTH)
    assert chat.status_code == 200, chat.text
    understood = chat.json()["understood"]
    again = client.post("/v1/recommendations", json={"user": "ana", "filters": understood}, headers=AUTH)
    assert again.status_code == 200, again.text
    assert again.json()["understood"] == understood


def test_a_leaning_read_from_the_text_is_no_filter_and_the_openapi_document_says_so(client):
    """ "a crowd-pleaser" and "hidden gems" lean the ranking (the reply says so) but are no hard constraint, so
    `understood` does not hold them and `filters` cannot take them: the document said `understood` sent back
    as `filters` "is the same request", which dropped the leaning without a word. The text carries it."""
    text = "a crowd-pleaser comedy from the 90s"
    chat = client.post("/v1/chat", json={"user": "ana", "text": text}, headers=AUTH).json()
    assert "leaning to popular" in chat["reply"]
    assert "popular" not in chat["understood"]
    both = {"user": "ana", "text": text, "filters": chat["understood"]}
    assert "leaning to popular" in client.post("/v1/recommendations", json=both, headers=AUTH).json()["reply"]
    refused = client.post("/v1/recommendations", json={"user": "ana", "filters": {"popular": True}}, headers=AUTH)
    assert refused.status_code == 422
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    for described in (
        schema["Filters"]["description"],
        schema["TurnResponse"]["properties"]["understood"]["description"],
    ):
        assert "crowd-pleaser" in described and "text" in described
