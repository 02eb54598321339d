"""`POST /v1/recommendations` with both `text` and `filters`: a filter replaces that field of what
the text asked, the text's other fields still hold, and the reply says what a filter replaced."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from agent.bandit import Ranker
from agent.service import build_service
from bot.http.app import create_app
from bot.settings import HttpSettings, Settings
from store.profiles import ProfileStore


@pytest.fixture
def client(starter, tmp_path):
    profiles = ProfileStore(tmp_path / "state.sqlite")
    service = build_service(starter, profiles, ranker=Ranker(profiles), chart=lambda profile: b"PNG")
    with TestClient(create_app(service, Settings(http=HttpSettings(rate_per_minute=0)))) as client:
        yield client
    service.close()
    profiles.close()


def ask(client, text: str, filters: dict) -> dict:
    response = client.post("/v1/recommendations", json={"user": "zo", "text": text, "filters": filters, "k": 3})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_filter_that_replaces_what_the_text_asked_says_so(client):
    """ "a comedy" with {"genres": ["horror"]} answered "Here are 3 picks: horror films." and
    understood {"genres": ["horror"]}: the comedy was dropped without a word."""
    body = ask(client, "a comedy", {"genres": ["horror"]})
    assert body["reply"].startswith("The filters' genres (horror) replace the text's (comedy).")
    assert body["understood"]["genres"] == ["horror"]
    assert body["recommendations"] and all("horror" in r["genres"] for r in body["recommendations"])
    years = ask(client, "a thriller from the 90s", {"year_min": 1970, "year_max": 1979})["reply"]
    assert "The filters' year_min (1970) replace the text's (1990)." in years
    assert "The filters' year_max (1979) replace the text's (1999)." in years


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("something funny", {"languages": ["French"]}),  # another field: French comedies
        ("a comedy", {"genres": ["Comedy"]}),  # the same genre, in the filters' everyday name
        ("a comedy", {"genres": ["comedy", "romance"]}),  # keeps all the text asked of genres
        ("a comedy", {}),
    ],
)
def test_filters_that_drop_nothing_the_text_asked_add_no_caveat(client, text, filters):
    body = ask(client, text, filters)
    assert "replace the text's" not in body["reply"], body["reply"]
    assert "comedy" in body["understood"]["genres"]
    if filters.get("languages"):
        assert body["understood"]["languages"] == ["fr"]
        assert all("comedy" in r["genres"] for r in body["recommendations"])


@pytest.mark.parametrize(
    ("text", "filters", "said"),
    [
        ("a 90s thriller", {"year_min": 2000},
         "The text asks for the 1990s but the filters for 2000 or later: the two cannot both hold, "
         "so I went by the filters (2000 or later)."),
        ("a thriller from after 2010", {"year_max": 1995},
         "The text asks for 2011 or later but the filters for 1995 or earlier: the two cannot both hold, "
         "so I went by the filters (1995 or earlier)."),
    ],
)  # fmt: skip
def test_text_and_filters_that_contradict_each_other_say_so_and_go_by_the_filters(client, text, filters, said):
    """ "a 90s thriller" with {"year_min": 2000} was read as 2000-1999 and answered "Nothing matched
    2000-1999 thriller films, so I loosened the years", Memento (2000) "just outside 2000-1999"."""
    body = ask(client, text, filters)
    assert body["reply"].startswith(said), body["reply"]
    assert "loosened" not in body["reply"] and "2000-1999" not in body["reply"]
    understood = body["understood"]
    assert {understood.get("year_min"), understood.get("year_max")} == {*filters.values(), None}
    picks = body["recommendations"]
    assert picks and not any(r["relaxed"] or r["outside"] for r in picks)
    low, high = filters.get("year_min", 0), filters.get("year_max", 9999)
    assert all(low <= r["year"] <= high and "thriller" in r["genres"] for r in picks)


@pytest.mark.parametrize(
    ("text", "filters", "said"),
    [
        ("a comedy", {"exclude_genres": ["comedy"]}, "The text asks for comedy but the filters refuse it"),
        ("no horror", {"genres": ["horror"]}, "The text refuses horror but the filters ask for it"),
        ("nothing with tom hanks", {"people": ["Tom Hanks"]},
         "The text refuses Tom Hanks but the filters ask for Tom Hanks"),
        ("not from the 90s", {"year_min": 1990, "year_max": 1999},
         "The text refuses the 1990s but the filters ask for the 1990s"),
        ("a 90s film", {"exclude_years": [[1990, 1999]]},
         "The text asks for the 1990s but the filters refuse the 1990s"),
    ],
)  # fmt: skip
def test_a_value_the_text_asks_for_and_the_filters_refuse_goes_by_the_filters(client, text, filters, said):
    """ "a comedy" with {"exclude_genres": ["comedy"]} answered "Nothing matched comedy films, no
    comedy, so I loosened the genres", every pick relaxed."""
    body = ask(client, text, filters)
    assert body["reply"].startswith(f"{said}: the two cannot both hold, so I went by the filters."), body["reply"]
    assert "loosened" not in body["reply"]
    picks = body["recommendations"]
    assert picks and not any(r["relaxed"] for r in picks)
    if "exclude_genres" in filters:
        assert body["understood"].get("genres") in (None, []) and all("comedy" not in r["genres"] for r in picks)
    if "genres" in filters:
        assert all("horror" in r["genres"] for r in picks)
    if "exclude_years" in filters:
        assert all(not 1990 <= r["year"] <= 1999 for r in picks)
    if "year_min" in filters:
        assert all(1990 <= r["year"] <= 1999 for r in picks)


def test_a_replaced_language_is_named_as_people_say_it(client):
    """ "The filters' languages (fr) replace the text's (ko).": codes a user never typed."""
    reply = ask(client, "a korean thriller", {"languages": ["French"]})["reply"]
    assert reply.startswith("The filters' languages (French) replace the text's (Korean)."), reply


def test_a_question_for_a_films_sequels_is_answered_as_in_chat(client):
    """ "the dark knight sequels" was read as the theme "sequel": picks "about 'sequel'", the film
    asked about said nowhere."""
    body = ask(client, "the dark knight sequels", {})
    assert (
        body["reply"] == "Later films of The Dark Knight (2008)'s series in my catalog: The Dark Knight Rises (2012)."
    )
    assert body["recommendations"] == []
    filtered = ask(client, "the dark knight sequels", {"year_min": 2010})["reply"]
    assert filtered.endswith("It asks about a film's sequels, so the filters were not used.")
    assert ask(client, "horror sequels", {})["recommendations"]  # a kind of film: still picks
