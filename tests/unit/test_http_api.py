"""The HTTP API's translation of MovieService: tenants, JSON in and out, errors, limits.

The service here is a stand-in (tests/http_fakes.py); tests/integration/test_http_server.py runs
the real one behind a real uvicorn server."""

from __future__ import annotations

import json
import os
import threading

import pytest
from fastapi.testclient import TestClient

from agent.service_types import WatchedItem
from bot.http.app import create_app
from bot.settings import ApiKey, HttpSettings, Settings
from tests.http_fakes import FakeService

ACME = {"Authorization": "Bearer acme-key-0123456789"}
BETA = {"Authorization": "Bearer beta-key-9876543210"}
KEYS = (ApiKey("acme", "acme-key-0123456789"), ApiKey("beta", "beta-key-9876543210"))


def settings(**http) -> Settings:
    return Settings(http=HttpSettings(**{"api_keys": KEYS, "rate_per_minute": 0, **http}))


@pytest.fixture
def service() -> FakeService:
    return FakeService()


@pytest.fixture
def client(service):
    with TestClient(create_app(service, settings())) as client:
        yield client


def test_chat_answers_the_ask_json_contract_under_the_tenants_user_key(client, service):
    response = client.post("/v1/chat", json={"user": "ana", "conversation": "c1", "text": "a heist"}, headers=ACME)
    assert response.status_code == 200
    body = response.json()
    assert body["reply"].startswith("Here you go")
    assert [r["id"] for r in body["recommendations"]] == ["heat-1995", "heat-1986", "se7en-1995"]
    assert body["recommendations"][0]["suggestion_id"] == 1 and body["recommendations"][0]["cast"] == ["Al Pacino"]
    assert {"understood", "intent", "recorded"} <= set(body)
    assert ("chat", "http:acme:ana", "a heist", "acme:c1", "http") in service.calls
    assert ("register", "http", "acme:ana", "ana", "acme") in service.calls


def test_blocking_service_calls_run_in_the_worker_pool_not_on_the_event_loop(client, service):
    client.post("/v1/chat", json={"user": "ana", "text": "hi"}, headers=ACME)
    client.get("/v1/users/ana/watched", headers=ACME)
    assert service.threads and all(name.startswith("moviebot-http") for name in service.threads)


def test_each_response_says_where_its_time_went(client):
    timing = client.post("/v1/chat", json={"user": "ana", "text": "hi"}, headers=ACME).headers["server-timing"]
    spans = dict(part.strip().split(";dur=") for part in timing.split(","))
    assert set(spans) == {"queue", "service", "total"}
    assert float(spans["queue"]) + float(spans["service"]) <= float(spans["total"])


def test_recommendations_pass_filters_and_k(client, service):
    body = {"user": "ana", "text": "heist", "filters": {"genres": ["crime"], "year_max": 1999}, "k": 2}
    response = client.post("/v1/recommendations", json=body, headers=ACME)
    assert response.status_code == 200 and len(response.json()["recommendations"]) == 2
    assert ("recommend", "http:acme:ana", "heist", {"genres": ["crime"], "year_max": 1999}, 2, "http") in service.calls
    body["filters"] = {"exclude_keywords": ["superhero"]}  # a theme refused, as `understood` names it
    assert client.post("/v1/recommendations", json=body, headers=ACME).status_code == 200
    assert ("recommend", "http:acme:ana", "heist", {"exclude_keywords": ["superhero"]}, 2, "http") in service.calls
    body["filters"] = {"exclude_years": [[1994, 1994]], "count": 5}  # a chat turn's `understood` names these too
    assert client.post("/v1/recommendations", json=body, headers=ACME).status_code == 200
    assert ("recommend", "http:acme:ana", "heist", body["filters"], 2, "http") in service.calls
    body["filters"] = {"studios": ["Pixar"], "exclude_studios": ["Disney"]}  # as `understood` names them
    assert client.post("/v1/recommendations", json=body, headers=ACME).status_code == 200
    assert ("recommend", "http:acme:ana", "heist", body["filters"], 2, "http") in service.calls
    schema = client.get("/openapi.json").json()["components"]["schemas"]["Filters"]["properties"]
    assert {"studios", "exclude_studios"} <= set(schema)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"user": "ana", "k": 51}, "k: Input should be less than or equal to 50"),
        ({"user": "ana", "k": True}, "k: Input should be a valid integer"),  # was one pick
        ({"user": "ana", "k": "3"}, "k: Input should be a valid integer"),
        ({"user": "ana", "filters": {"genre": ["crime"]}}, "filters.genre: Extra inputs are not permitted"),
        ({"user": "ana:x"}, "user: String should match pattern"),
        ({"text": "heist"}, "user: Field required"),
    ],
)
def test_invalid_requests_are_422_json_naming_the_field(client, body, field):
    response = client.post("/v1/recommendations", json=body, headers=ACME)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request" and field in response.json()["message"]


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b'{"user": "ana", "text": "hi"}', "application/x-www-form-urlencoded"), (b"[1, 2]", "application/json")],
)
def test_a_body_that_is_not_a_json_object_says_so(client, content, content_type):
    response = client.post("/v1/chat", content=content, headers={**ACME, "Content-Type": content_type})
    assert response.status_code == 422
    assert response.json()["message"] == "the body must be a JSON object, sent with Content-Type: application/json"


def test_broken_json_and_a_blank_message_say_what_is_wrong(client):
    """Broken JSON answered "1: JSON decode error"; a blank message got the help text as a chat turn."""
    broken = client.post(
        "/v1/chat", content=b'{"user": "ana", "text": ', headers={**ACME, "Content-Type": "application/json"}
    )
    assert broken.status_code == 422 and broken.json()["message"] == "the body is not valid JSON (at character 24)"
    blank = client.post("/v1/chat", json={"user": "ana", "text": "   "}, headers=ACME)
    assert blank.status_code == 422 and blank.json()["message"] == "text: the message is blank"


def test_the_openapi_document_declares_the_bearer_key_and_the_choices_of_an_ambiguous_title(client):
    """Generated clients and Swagger UI sent no key: the document declared no security at all."""
    doc = client.get("/openapi.json").json()
    scheme = doc["components"]["securitySchemes"]["HTTPBearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer") and "MOVIEBOT_API_KEYS" in scheme["description"]
    assert doc["paths"]["/v1/chat"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in doc["paths"]["/healthz"]["get"]
    assert "choices" in doc["components"]["schemas"]["Error"]["properties"]
    assert "409" in doc["paths"]["/v1/feedback"]["post"]["responses"]
    assert "409" not in doc["paths"]["/v1/chat"]["post"]["responses"]


def test_an_unexpected_failure_is_a_documented_json_500_that_tells_nothing_of_the_server(service, monkeypatch, caplog):
    """Every /v1 route can fail so, and the OpenAPI document listed no 500 for any of them."""

    def broken(*args, **kwargs):
        raise RuntimeError("disk I/O error at /var/lib/moviebot/profiles.db")

    monkeypatch.setattr(service, "chat", broken)
    with TestClient(create_app(service, settings()), raise_server_exceptions=False) as client:
        response = client.post("/v1/chat", json={"user": "ana", "text": "a heist"}, headers=ACME)
        doc = client.get("/openapi.json").json()
    assert response.status_code == 500 and response.headers["content-type"] == "application/json"
    assert response.json() == {
        "error": "internal", "message": "Something went wrong on our side; the request was not completed."
    }  # fmt: skip
    assert "Traceback" not in response.text and "profiles.db" not in response.text
    assert "profiles.db" in caplog.text  # the operator's log has it
    operations = [(path, op) for path, ops in doc["paths"].items() if path.startswith("/v1/") for op in ops.values()]
    assert len(operations) >= 8
    for path, op in operations:
        assert op["responses"]["500"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }, path


def test_the_services_own_refusals_are_422_with_its_message(client):
    body = {"user": "ana", "filters": {"genres": ["romcom"]}}
    response = client.post("/v1/recommendations", json=body, headers=ACME)
    assert response.status_code == 422
    assert response.json() == {"error": "invalid_request", "message": "unknown genre 'romcom'"}


def test_feedback_is_idempotent_by_event_id(client, service):
    body = {"user": "ana", "movie_id": "heat-1995", "kind": "stars", "stars": 4.5, "event_id": "e1"}
    first = client.post("/v1/feedback", json=body, headers=ACME).json()
    again = client.post("/v1/feedback", json=body, headers=ACME).json()
    assert first["recorded"] is True and again["recorded"] is False
    assert first["movie_id"] == "heat-1995" and first["stars"] == 4.5
    assert [i["movie_id"] for i in client.get("/v1/users/ana/watched", headers=ACME).json()] == ["heat-1995"]
    other_user = client.post("/v1/feedback", json={**body, "user": "bob"}, headers=ACME).json()
    assert other_user["recorded"] is True  # bob's "e1" is not ana's


def test_feedback_names_only_the_callers_own_suggestions(client, service):
    shown = client.post("/v1/chat", json={"user": "ana", "text": "hi"}, headers=ACME).json()["recommendations"][0]
    event = {"movie_id": shown["id"], "kind": "like", "suggestion_id": shown["suggestion_id"]}
    mine = client.post("/v1/feedback", json={**event, "user": "ana", "event_id": "a"}, headers=ACME)
    assert mine.status_code == 200 and mine.json()["recorded"] is True
    for headers, user in ((BETA, "ana"), (ACME, "bob")):
        theirs = client.post("/v1/feedback", json={**event, "user": user, "event_id": "b"}, headers=headers)
        assert theirs.status_code == 404
        assert theirs.json()["message"] == f"{user} was never shown suggestion {shown['suggestion_id']}."
    missing = client.post("/v1/feedback", json={**event, "user": "ana", "suggestion_id": 999, "event_id": "c"},
                          headers=ACME)  # fmt: skip
    assert missing.status_code == 404 and missing.json()["message"] == "ana was never shown suggestion 999."
    assert service.events == {"http:acme:ana:a"}  # the refused ones recorded nothing


def test_feedback_stars_go_with_kind_stars_only(client):
    body = {"user": "ana", "movie_id": "heat-1995", "kind": "like", "stars": 3, "event_id": "e2"}
    response = client.post("/v1/feedback", json=body, headers=ACME)
    assert response.status_code == 422 and "give stars exactly when kind is 'stars'" in response.json()["message"]


STARS_RULE = "must be a number from 0.5 to 5 in steps of 0.5"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/feedback", '{"user": "ana", "movie_id": "heat-1995", "kind": "stars", "stars": %s, "event_id": "e1"}'),
        ("/v1/users/ana/watched", '{"movie": "heat-1995", "stars": %s}'),
    ],
)
@pytest.mark.parametrize(("stars", "said"), [("NaN", "NaN"), ("Infinity", "Infinity"), ('"4"', '"4"'), ("6", "6")])
def test_stars_that_are_not_a_number_from_half_to_five_are_refused_saying_so(client, service, path, body, stars, said):
    """JSON NaN answered "stars: Input should be less than or equal to 5"; "stars": "4" was taken as 4."""
    response = client.post(path, content=body % stars, headers={**ACME, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json() == {"error": "invalid_request", "message": f"stars: {STARS_RULE}, got {said}"}
    assert not [call for call in service.calls if call[0] != "register"]  # nothing reached the service


LIKE = {"user": "ana", "movie_id": "heat-1995", "kind": "like", "event_id": "e1"}


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/v1/recommendations", {"user": "ana", "k": "5"}, "k: Input should be a valid integer"),
        ("/v1/recommendations", {"user": "ana", "filters": {"year_min": "1990"}}, "filters.year_min: Input should "
         "be a valid integer"),
        ("/v1/recommendations", {"user": "ana", "filters": {"min_rating": "7"}}, "filters.min_rating: Input should "
         "be a valid number"),
        ("/v1/recommendations", {"user": "ana", "filters": {"min_rating": float("nan")}}, "filters.min_rating: Input "
         "should be a finite number"),
        ("/v1/feedback", {**LIKE, "suggestion_id": "1"}, "suggestion_id: Input should be a valid integer"),
    ],
)  # fmt: skip
def test_numbers_sent_as_strings_are_refused_naming_the_field(client, path, body, message):
    """ "year_min": "1990" and "suggestion_id": "1" were read as numbers, though the document says integer."""
    sent = json.dumps(body)  # Python's writes NaN, as some clients do; httpx's json= refuses it
    response = client.post(path, content=sent, headers={**ACME, "Content-Type": "application/json"})
    assert response.status_code == 422 and response.json() == {"error": "invalid_request", "message": message}


def test_the_openapi_document_gives_the_stars_range_and_json_number_types(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for model in ("FeedbackRequest", "WatchedRequest"):
        number = schemas[model]["properties"]["stars"]["anyOf"][0]
        assert number == {"type": "number", "minimum": 0.5, "maximum": 5.0, "multipleOf": 0.5}
    assert schemas["FeedbackRequest"]["properties"]["suggestion_id"]["anyOf"][0]["type"] == "integer"
    assert schemas["Filters"]["properties"]["year_min"]["anyOf"][0]["type"] == "integer"


def test_a_watched_film_says_when_its_stars_are_a_thumbs_up(client, service, monkeypatch):
    """A like is stored as 4.5 stars; the watched list sent only "stars": 4.5, as if the user gave them."""
    at = "2026-06-01T12:00:00.000000+00:00"
    items = [WatchedItem("heat-1995", "Heat (1995)", 1995, 4.5, at, "discord", "like"),
             WatchedItem("se7en-1995", "Se7en (1995)", 1995, 4.5, at, "http")]  # fmt: skip
    monkeypatch.setattr(service, "watched_list", lambda user: items)
    listed = [(i["stars"], i["reaction"]) for i in client.get("/v1/users/ana/watched", headers=ACME).json()]
    assert listed == [(4.5, "like"), (4.5, "")]


def test_watched_add_list_remove(client):
    added = client.post("/v1/users/ana/watched", json={"movie": "Se7en", "stars": 5}, headers=ACME)
    assert added.status_code == 201 and added.json()["movie_id"] == "se7en-1995"
    assert client.get("/v1/users/ana/watched", headers=ACME).json()[0]["label"] == "Se7en (1995)"
    assert client.delete("/v1/users/ana/watched/se7en-1995", headers=ACME).status_code == 204
    assert client.get("/v1/users/ana/watched", headers=ACME).json() == []
    again = client.delete("/v1/users/ana/watched/se7en-1995", headers=ACME)
    assert again.status_code == 404 and again.json()["error"] == "not_found"


def test_watched_add_takes_the_day_it_was_seen_as_the_other_front_ends_do(client, service):
    """Before: {"movie": "Heat", "on": "2024-05-31"} was a 422 'on: Extra inputs are not permitted',
    though /watched add on Discord and Slack and `moviebot watched add --date` take the day."""
    added = client.post("/v1/users/ana/watched", json={"movie": "heat-1995", "on": "2024-05-31"}, headers=ACME)
    assert added.status_code == 201, added.text
    assert added.json()["at"] == "2024-05-31T00:00:00.000000+00:00"
    assert ("watched_add", "http:acme:ana", "heat-1995", None, "2024-05-31") in service.calls
    bad = client.post("/v1/users/ana/watched", json={"movie": "heat-1995", "on": "2024-02-30"}, headers=ACME)
    assert bad.status_code == 422 and "must be a date like 2024-05-31" in bad.json()["message"], bad.text


def test_removing_a_watched_film_asks_the_service_to_leave_anything_not_on_the_list(client, service):
    client.post("/v1/users/ana/watched", json={"movie": "heat-1995"}, headers=ACME)
    assert client.delete("/v1/users/ana/watched/heat-1995", headers=ACME).status_code == 204
    assert ("watched_remove", "http:acme:ana", "heat-1995", True) in service.calls


def test_exporting_a_user_with_nothing_stored_is_404_as_deleting_is(client):
    """GET /v1/users/nobody/export answered 200 {"user": null, ...} while DELETE /v1/users/nobody was a 404."""
    client.post("/v1/users/Zoe/watched", json={"movie": "heat-1995"}, headers=ACME)
    missing = client.get("/v1/users/zoe/export", headers=ACME)
    assert missing.status_code == 404 and missing.json() == {
        "error": "not_found", "message": "Nothing is stored for the user id 'zoe' (user ids are case-sensitive)."
    }  # fmt: skip
    assert client.delete("/v1/users/zoe", headers=ACME).json() == missing.json()
    found = client.get("/v1/users/Zoe/export", headers=ACME)
    assert found.status_code == 200 and [w["movie_id"] for w in found.json()["watched"]] == ["heat-1995"]


def test_forgetting_a_user_with_nothing_stored_is_404(client):
    """DELETE /v1/users/zoe after storing Zoe's films answered 200 with zero counts, as if zoe were forgotten."""
    client.post("/v1/users/Zoe/watched", json={"movie": "heat-1995"}, headers=ACME)
    missing = client.delete("/v1/users/zoe", headers=ACME)
    assert missing.status_code == 404 and missing.json() == {
        "error": "not_found", "message": "Nothing is stored for the user id 'zoe' (user ids are case-sensitive)."
    }  # fmt: skip
    assert client.delete("/v1/users/Zoe", headers=ACME).json() == {"deleted": {"watched": 1}}
    doc = client.get("/openapi.json").json()
    assert "case-sensitive" in str(doc["paths"]["/v1/users/{user}"]["delete"]["parameters"])
    assert "case-sensitive" in doc["components"]["schemas"]["ChatRequest"]["properties"]["user"]["description"]


def test_an_ambiguous_title_lists_the_choices_and_an_unknown_one_is_404(client):
    ambiguous = client.post("/v1/users/ana/watched", json={"movie": "Heat"}, headers=ACME)
    assert ambiguous.status_code == 422 and ambiguous.json()["error"] == "ambiguous_title"
    assert [c["label"] for c in ambiguous.json()["choices"]] == ["Heat (1995)", "Heat (1986)"]
    unknown = client.post("/v1/users/ana/watched", json={"movie": "Nope"}, headers=ACME)
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_title"


def test_profile_as_json_and_as_a_png_chart(client):
    assert client.get("/v1/users/ana/profile", headers={**ACME, "Accept": "image/png"}).status_code == 404
    client.post("/v1/users/ana/watched", json={"movie": "heat-1995", "stars": 4}, headers=ACME)
    profile = client.get("/v1/users/ana/profile", headers=ACME)
    assert profile.json()["rated"] == 1 and profile.json()["top_genres"] == [["crime", 0.8]]
    assert "user" not in profile.json()  # the internal key stays inside
    chart = client.get("/v1/users/ana/profile", headers={**ACME, "Accept": "image/png"})
    assert chart.headers["content-type"] == "image/png" and chart.content.startswith(b"\x89PNG")


def test_export_and_forget(client):
    client.post("/v1/users/ana/watched", json={"movie": "heat-1995"}, headers=ACME)
    assert client.get("/v1/users/ana/export", headers=ACME).json()["watched"] == [
        {"user": "http:acme:ana", "movie_id": "heat-1995"}
    ]
    assert client.delete("/v1/users/ana", headers=ACME).json() == {"deleted": {"watched": 1}}
    assert client.get("/v1/users/ana/export", headers=ACME).status_code == 404  # forgotten: nothing stored


def test_one_tenant_never_reaches_another_tenants_users(client, service):
    client.post("/v1/users/ana/watched", json={"movie": "heat-1995", "stars": 5}, headers=ACME)
    assert client.get("/v1/users/ana/watched", headers=BETA).json() == []  # beta's ana is someone else
    assert client.delete("/v1/users/ana", headers=BETA).status_code == 404  # beta has no ana
    assert len(client.get("/v1/users/ana/watched", headers=ACME).json()) == 1
    for path in ("/v1/users/acme:ana/watched", "/v1/users/http:acme:ana/export"):
        response = client.get(path, headers=BETA)
        assert response.status_code == 422 and response.json()["error"] == "invalid_request"
    keys = {call[1] for call in service.calls if call[0] != "register"}
    assert keys == {"http:acme:ana", "http:beta:ana"}


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "Send your API key as 'Authorization: Bearer <key>'."),
        ({"Authorization": "Bearer nope-nope-nope-nope"}, "That API key is not valid."),
        ({"Authorization": "Basic acme-key-0123456789"}, "The Authorization header must be 'Bearer <key>'."),
    ],
)
def test_no_valid_key_is_401_json(client, headers, message, service):
    response = client.get("/v1/users/ana/watched", headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"error": "unauthorized", "message": message}
    assert service.calls == []


def test_unknown_addresses_and_methods_are_json_errors(client):
    missing = client.get("/v1/films", headers=ACME)
    assert missing.status_code == 404
    assert missing.json() == {"error": "not_found", "message": "There is nothing at this address."}
    wrong = client.get("/v1/chat", headers=ACME)
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed"


def test_health_needs_no_key_and_ready_follows_the_service(client, service):
    assert client.get("/healthz").json() == {"status": "ok", "detail": f"process {os.getpid()}"}
    assert client.get("/readyz").status_code == 200
    service.ready = False
    not_ready = client.get("/readyz")
    assert not_ready.status_code == 503 and not_ready.json()["status"] == "unavailable"


def test_oversized_bodies_are_413_and_long_messages_422(service):
    with TestClient(create_app(service, settings(max_body_bytes=1000))) as client:
        big = client.post("/v1/chat", content=b'{"user": "ana", "text": "' + b"x" * 2000 + b'"}',
                          headers={**ACME, "Content-Type": "application/json"})  # fmt: skip
        assert big.status_code == 413
        assert big.json() == {"error": "too_large", "message": "The request body is larger than 1000 bytes."}
        chunked = client.post("/v1/chat", content=iter([b'{"user": "ana", "text": "', b"x" * 2000, b'"}']),
                              headers={**ACME, "Content-Type": "application/json"})  # fmt: skip
        assert chunked.status_code == 413 and chunked.json()["error"] == "too_large"
    with TestClient(create_app(service, settings())) as client:
        long = client.post("/v1/chat", json={"user": "ana", "text": "x" * 2001}, headers=ACME)
        assert long.status_code == 422 and "text: String should have at most 2000 characters" in long.json()["message"]
    assert not [call for call in service.calls if call[0] == "chat"]


def test_each_key_has_its_own_rate_limit_with_retry_after(service):
    with TestClient(create_app(service, settings(rate_per_minute=1, burst=2))) as client:
        codes = [client.get("/v1/users/ana/watched", headers=ACME).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        limited = client.get("/v1/users/ana/watched", headers=ACME)
        assert limited.json()["error"] == "rate_limited" and 1 <= int(limited.headers["retry-after"]) <= 60
        assert client.get("/v1/users/ana/watched", headers=BETA).status_code == 200  # beta has its own budget
        assert client.get("/healthz").status_code == 200  # health checks are never limited


def test_without_keys_the_api_is_one_local_tenant(service):
    with TestClient(create_app(service, Settings(http=HttpSettings(rate_per_minute=0)))) as client:
        response = client.post("/v1/chat", json={"user": "ana", "text": "hi"})
        assert response.status_code == 200
    assert ("chat", "http:local:ana", "hi", "local:default", "http") in service.calls


def test_the_openapi_document_describes_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/v1/chat", "/v1/recommendations", "/v1/feedback", "/v1/users/{user}/watched",
        "/v1/users/{user}/watched/{movie_id}", "/v1/users/{user}/profile", "/v1/users/{user}/export",
        "/v1/users/{user}/import", "/v1/users/{user}", "/healthz", "/readyz",
    }  # fmt: skip
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "<code>/v1/chat</code>" in docs.text and "<code>conversation</code>" in docs.text
    assert "<script" not in docs.text and "https://" not in docs.text  # it works offline
    assert "<code>Authorization: Bearer &lt;key&gt;</code>" in docs.text and "`" not in docs.text  # code, no backticks
    assert "swagger-ui" in client.get("/docs/swagger").text  # the interactive page, for those online
    assert "image/png" in paths["/v1/users/{user}/profile"]["get"]["responses"]["200"]["content"]
    chat_errors = paths["/v1/chat"]["post"]["responses"]
    assert {"401", "404", "413", "422", "429"} <= set(chat_errors)
    assert chat_errors["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")  # not FastAPI's
    assert set(paths["/healthz"]["get"]["responses"]) == {"200"}


def test_turns_in_flight_finish_before_the_app_shuts_down(service):
    service.gate = threading.Event()
    results = []
    with TestClient(create_app(service, settings())) as client:
        worker = threading.Thread(
            target=lambda: results.append(client.post("/v1/chat", json={"user": "a", "text": "x"}, headers=ACME))
        )
        worker.start()
        threading.Timer(0.2, service.gate.set).start()
        worker.join(10)
    assert results and results[0].status_code == 200


def test_requests_without_a_valid_key_are_rate_limited_by_address(service):
    """150 guessed keys in a row were all answered 401 at full speed: keys could be brute-forced."""
    app = create_app(service, settings())
    with TestClient(app) as client:  # even with the per-key limit off
        codes = [client.get("/v1/users/ana/watched", headers={"Authorization": f"Bearer guess-{n:016}"}).status_code
                 for n in range(150)]  # fmt: skip
        assert codes[:10] == [401] * 10 and set(codes[10:]) == {429}
        limited = client.get("/v1/users/ana/watched", headers={"Authorization": "Bearer guess"})
        assert limited.json()["error"] == "rate_limited" and 1 <= int(limited.headers["retry-after"]) <= 6
        assert "without a valid API key from this address" in limited.json()["message"]
        # the right key from that address is not told apart from a wrong one until the wait is over
        assert client.get("/v1/users/ana/watched", headers=ACME).status_code == 429
        assert client.get("/healthz").status_code == 200
        other = TestClient(app, client=("10.0.0.9", 50000))  # another address is not held back
        assert other.get("/v1/users/ana/watched", headers=ACME).status_code == 200


def test_the_openapi_document_names_every_error_and_the_exports_parts(client):
    """A body not in UTF-8 answered a 400 and a wrong method a 405 the document never listed; the
    export's schema was a bare object and a watched film's `at` had no type."""
    bad = client.post("/v1/chat", content=b'{"user": "ana", "text": "\xff"}',
                      headers={**ACME, "Content-Type": "application/json"})  # fmt: skip
    assert bad.status_code == 400 and bad.json()["error"] == "bad_request"
    assert client.put("/v1/chat", json={}, headers=ACME).status_code == 405
    doc = client.get("/openapi.json").json()
    for path, method in (("/v1/chat", "post"), ("/v1/recommendations", "post"), ("/v1/feedback", "post"),
                         ("/v1/users/{user}/watched", "post")):  # fmt: skip
        assert {"400", "405"} <= set(doc["paths"][path][method]["responses"])
    assert "405" in doc["paths"]["/v1/users/{user}"]["delete"]["responses"]
    export = doc["paths"]["/v1/users/{user}/export"]["get"]["responses"]["200"]["content"]["application/json"]
    parts = doc["components"]["schemas"][export["schema"]["$ref"].rsplit("/", 1)[-1]]["properties"]
    assert {"ratings", "watched", "dismissed", "feedback", "suggestions", "conversations"} <= set(parts)
    at = doc["components"]["schemas"]["WatchedItem"]["properties"]["at"]
    assert {"type": "string"} in at["anyOf"]


def test_the_document_says_suggestion_ids_are_numbered_across_keys(client):
    """Key acme saw its ids jump from 9 to 287 with nothing saying why."""
    pick = client.get("/openapi.json").json()["components"]["schemas"]["Recommendation"]["properties"]
    assert "every key included" in pick["suggestion_id"]["description"]
