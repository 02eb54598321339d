"""The HTTP API behind a real uvicorn server on 127.0.0.1: every endpoint over real sockets,
and a stop (what SIGTERM does under `moviebot serve`) that finishes the turns in flight."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from asyncio.base_events import _set_nodelay
from pathlib import Path

import httpx
import pytest

from bot.http.app import listen, serve
from bot.settings import ApiKey, HttpSettings, Settings
from tests.http_fakes import FakeService
from tests.http_server import RunningServer
from tests.integration.conftest import copy_home, embedder_for

KEYS = (ApiKey("acme", "acme-key-0123456789"), ApiKey("beta", "beta-key-9876543210"))
ACME = {"Authorization": "Bearer acme-key-0123456789"}


def test_stopping_finishes_the_turns_in_flight_and_then_refuses_new_ones():
    service = FakeService()
    service.gate = threading.Event()
    settings = Settings(http=HttpSettings(api_keys=KEYS))
    results = []
    with RunningServer(service, settings) as server:
        url = server.url

        def ask():
            results.append(httpx.post(f"{url}/v1/chat", json={"user": "ana", "text": "hi"}, headers=ACME, timeout=30))

        asker = threading.Thread(target=ask)
        asker.start()
        while not any(call[0] == "chat" for call in service.calls):
            time.sleep(0.01)
        server.stop()  # the turn is in flight in the worker pool
        time.sleep(0.3)
        service.gate.set()
        asker.join(30)
    assert results and results[0].status_code == 200 and results[0].json()["recommendations"]
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/healthz", timeout=2)


def test_connections_are_accepted_with_nagle_off():
    """asyncio turns Nagle off only for sockets that declare TCP; with it on, each answer on a
    kept-alive connection waited for a delayed ACK (44 ms instead of 1 ms for /healthz)."""
    sock = listen("127.0.0.1", 0)
    try:
        sock.setblocking(True)
        with socket.create_connection(sock.getsockname()[:2]):
            accepted, _ = sock.accept()
        with accepted:
            assert accepted.proto == socket.IPPROTO_TCP
            _set_nodelay(accepted)  # what asyncio's transport does with each accepted socket
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        sock.close()


def test_a_taken_port_is_an_error_not_an_exit():
    service = FakeService()
    with RunningServer(service, Settings(http=HttpSettings(api_keys=KEYS))) as first:
        taken = Settings(http=HttpSettings(api_keys=KEYS, port=first.port))
        with pytest.raises(OSError):
            asyncio.run(serve(service, taken, asyncio.Event()))


# -- the real stack: open_runtime's MovieService (real embedder, starter catalog, SQLite) --------

BETA = {"Authorization": "Bearer beta-key-9876543210"}


@pytest.fixture(scope="module")
def home(tmp_path_factory, real_starter_home) -> Path:
    """One data directory for this module, a copy of the starter catalog the real embedder indexed
    once per run: `moviebot serve` uses it first, then the in-process runtime (one process at a time)."""
    return copy_home(real_starter_home, tmp_path_factory.mktemp("http") / "home").root


def test_moviebot_serve_keeps_the_http_api_up_when_discord_fails_and_drains_on_sigterm(home):
    """Discord is configured but unreachable (no network here): it is reported, HTTP goes on."""
    server, url = start_serve(home, DISCORD_TOKEN="not-a-real-token")
    port = url.rsplit(":", 1)[1]
    try:
        turn = httpx.post(f"{url}/v1/chat", json={"user": "ana", "text": "a heist film"}, headers=ACME, timeout=120)
        assert turn.status_code == 200 and turn.json()["recommendations"]
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=120)
    assert "Discord: on, DISCORD_TOKEN is set" in err and "Slack: off" in err
    assert f"HTTP API: on, at http://127.0.0.1:{port}" in err
    assert "Discord stopped: " in err  # reported, and the chat turn above was still answered
    assert "received SIGTERM" in err and "HTTP API stopped" in err and "stores closed" in err
    assert server.returncode == 1, err  # a front end failed
    assert "moviebot: Discord failed (see above)" in err


def start_serve(home: Path, *args: str, stderr=subprocess.PIPE, **env: str) -> tuple[subprocess.Popen, str]:
    """`moviebot serve --http` on a free port with the acme key (Discord and Slack off unless `env`
    sets them), once it answers /readyz; the process and its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    unset = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    env = {
        **{k: v for k, v in os.environ.items() if k not in unset},
        "MOVIEBOT_API_KEYS": "acme:acme-key-0123456789",
        **env,
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--http", str(port), *args, "--data-dir", str(home)],
        cwd=Path(__file__).resolve().parents[2], env=env, stderr=stderr, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and server.poll() is None:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                break
        time.sleep(0.5)
    return server, url


@pytest.fixture(scope="module")
def runtime(home, real_embedder):
    from bot.runtime import open_runtime

    with pytest.MonkeyPatch.context() as patch:  # the model the session already loaded
        patch.setattr(Settings, "embedder", embedder_for(real_embedder))
        app = open_runtime(Settings(home=home))
    yield app
    app.close()


@pytest.fixture(scope="module")
def api(runtime):
    settings = Settings(home=runtime.settings.home, http=HttpSettings(api_keys=KEYS, rate_per_minute=0))
    with RunningServer(runtime.service, settings) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def test_chat_turns_are_remembered_per_conversation(api):
    first = api.post("/v1/chat", json={"user": "ana", "conversation": "c1", "text": "a crime thriller from the 90s"},
                     headers=ACME)  # fmt: skip
    assert first.status_code == 200
    body = first.json()
    assert body["understood"]["year_min"] == 1990 and "crime" in body["understood"]["genres"]
    picks = body["recommendations"]
    assert picks and all(1990 <= p["year"] <= 1999 and "crime" in p["genres"] for p in picks)
    assert all(isinstance(p["suggestion_id"], int) for p in picks)
    more = api.post("/v1/chat", json={"user": "ana", "conversation": "c1", "text": "more"}, headers=ACME).json()
    assert more["recommendations"] and not {p["id"] for p in more["recommendations"]} & {p["id"] for p in picks}
    assert all(1990 <= p["year"] <= 1999 for p in more["recommendations"])  # "more" kept the 90s
    fresh = api.post("/v1/chat", json={"user": "ana", "conversation": "c2", "text": "more"}, headers=ACME).json()
    assert fresh["understood"]["year_min"] is None  # another conversation knows nothing of c1


def test_structured_recommendations_honour_filters_and_k(api):
    body = {"user": "bo", "text": "", "filters": {"genres": ["animation"], "year_min": 2000}, "k": 7}
    picks = api.post("/v1/recommendations", json=body, headers=ACME).json()["recommendations"]
    assert len(picks) == 7
    assert all("animation" in p["genres"] and p["year"] >= 2000 for p in picks)
    assert not any(p["relaxed"] for p in picks)
    assert any(p["cast"] for p in picks)  # the cast the catalog holds, not [] for every pick
    # no film in the catalog is both: each pick says it is outside the request, and which part it breaks
    mixed = {"user": "bo", "filters": {"genres": ["documentary", "western"]}, "k": 3}
    outside = api.post("/v1/recommendations", json=mixed, headers=ACME).json()["recommendations"]
    assert outside and all(p["relaxed"] and "genres" in p["outside"] for p in outside)
    bad = api.post("/v1/recommendations", json={"user": "bo", "filters": {"genres": ["romcom"]}}, headers=ACME)
    assert bad.status_code == 422 and "'romcom' is not a genre moviebot knows" in bad.json()["message"]


def test_feedback_watched_profile_export_and_forget(api):
    turn = api.post("/v1/recommendations", json={"user": "cy", "text": "heist", "k": 3}, headers=ACME).json()
    pick = turn["recommendations"][0]
    event = {"user": "cy", "movie_id": pick["id"], "kind": "stars", "stars": 5, "event_id": "ev-1",
             "suggestion_id": pick["suggestion_id"]}  # fmt: skip
    assert api.post("/v1/feedback", json=event, headers=ACME).json()["recorded"] is True
    assert api.post("/v1/feedback", json=event, headers=ACME).json()["recorded"] is False
    reused = api.post("/v1/feedback", json={**event, "kind": "like", "stars": None}, headers=ACME)
    assert reused.status_code == 409 and reused.json()["error"] == "event_conflict"
    added = api.post("/v1/users/cy/watched", json={"movie": "Spirited Away", "stars": 4}, headers=ACME)
    assert added.status_code == 201 and added.json()["movie_id"] == "spirited-away-2001"
    watched = api.get("/v1/users/cy/watched", headers=ACME).json()
    assert {w["movie_id"] for w in watched} == {pick["id"], "spirited-away-2001"}  # stars mark it watched
    again = api.post("/v1/recommendations", json={"user": "cy", "text": "heist", "k": 3}, headers=ACME).json()
    assert pick["id"] not in {p["id"] for p in again["recommendations"]}  # never suggests what was watched

    profile = api.get("/v1/users/cy/profile", headers=ACME).json()
    assert profile["rated"] == 2 and profile["watched"] == 2 and not profile["is_empty"]
    chart = api.get("/v1/users/cy/profile", headers={**ACME, "Accept": "image/png"})
    assert chart.headers["content-type"] == "image/png" and chart.content[:8] == b"\x89PNG\r\n\x1a\n"
    refused = api.get("/v1/users/cy/profile", headers={**ACME, "Accept": "image/png;q=0, application/json"})
    assert refused.headers["content-type"] == "application/json"  # the PNG came whatever its weight
    nobody = api.get("/v1/users/nobody/profile", headers={**ACME, "Accept": "image/png"})
    assert nobody.status_code == 404 and nobody.json()["error"] == "not_found"  # was a 200 "No ratings yet" chart

    assert api.delete("/v1/users/cy/watched/spirited-away-2001", headers=ACME).status_code == 204
    assert api.delete("/v1/users/cy/watched/spirited-away-2001", headers=ACME).status_code == 404
    unknown = api.post("/v1/users/cy/watched", json={"movie": "Not A Film At All"}, headers=ACME)
    assert unknown.status_code == 404 and unknown.json()["error"] == "unknown_title"

    exported = api.get("/v1/users/cy/export", headers=ACME).json()
    assert pick["id"] in str(exported)
    deleted = api.delete("/v1/users/cy", headers=ACME).json()["deleted"]
    assert sum(deleted.values()) > 0
    assert api.get("/v1/users/cy/watched", headers=ACME).json() == []
    assert api.get("/v1/users/cy/profile", headers=ACME).json()["is_empty"] is True


def test_tenants_are_apart_on_the_real_service(api):
    api.post("/v1/users/dee/watched", json={"movie": "Heat", "stars": 5}, headers=ACME)
    assert api.get("/v1/users/dee/watched", headers=BETA).json() == []
    assert api.get("/v1/users/dee/profile", headers=BETA).json()["is_empty"] is True
    assert api.delete("/v1/users/dee", headers=BETA).status_code == 404  # beta stores nothing for its "dee"
    assert [w["movie_id"] for w in api.get("/v1/users/dee/watched", headers=ACME).json()] == ["heat-1995"]
    pick = api.post("/v1/chat", json={"user": "dee", "text": "a comedy"}, headers=ACME).json()["recommendations"][0]
    event = {"user": "dee", "movie_id": pick["id"], "kind": "like", "event_id": "x",
             "suggestion_id": pick["suggestion_id"]}  # fmt: skip
    assert api.post("/v1/feedback", json=event, headers=BETA).status_code == 404  # acme's suggestion, not beta's
    assert api.post("/v1/feedback", json=event, headers=ACME).json()["recorded"] is True


def test_errors_over_the_wire_are_json(api):
    assert api.get("/v1/users/ana/watched").json()["error"] == "unauthorized"
    assert api.get("/v1/nothing", headers=ACME).json() == {
        "error": "not_found", "message": "There is nothing at this address."}  # fmt: skip
    bad = api.post("/v1/chat", content=b"{not json", headers={**ACME, "Content-Type": "application/json"})
    assert bad.status_code == 422 and bad.json()["error"] == "invalid_request"
    big = api.post("/v1/chat", content=b"x" * 70_000, headers={**ACME, "Content-Type": "application/json"})
    assert big.status_code == 413 and big.json()["error"] == "too_large"
    assert api.get("/healthz").status_code == 200 and api.get("/readyz").json()["status"] == "ok"


def test_the_rate_limit_over_the_wire(runtime):
    settings = Settings(http=HttpSettings(api_keys=KEYS, rate_per_minute=2, burst=3))
    with RunningServer(runtime.service, settings) as server:
        codes = [httpx.get(f"{server.url}/v1/users/ana/watched", headers=ACME).status_code for _ in range(4)]
        limited = httpx.get(f"{server.url}/v1/users/ana/watched", headers=ACME)
    assert codes == [200, 200, 200, 429]
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1


def test_moviebot_serve_answers_from_two_processes_that_share_memory(home):
    """`--http-processes 2`: a second process answers on the same port, conversations are remembered
    whichever process takes the next turn (they share the data directory), and SIGTERM stops both."""
    server, url = start_serve(home, "--http-processes", "2")
    try:
        answered_by = set()
        for _ in range(60):  # each call a new connection, which either process may accept
            answered_by.add(httpx.get(f"{url}/healthz", timeout=10).json()["detail"])
            if len(answered_by) == 2:
                break
        assert len(answered_by) == 2, answered_by
        for n in range(4):  # each turn on a new connection: the follow-up may reach the other process
            body = {"user": f"ana{n}", "conversation": "c", "text": "a heist film from the 90s"}
            first = httpx.post(f"{url}/v1/chat", json=body, headers=ACME, timeout=120).json()
            follow = httpx.post(f"{url}/v1/chat", json={**body, "text": "something newer"}, headers=ACME, timeout=120)
            assert follow.status_code == 200 and first["recommendations"]
            understood = follow.json()["understood"]
            assert 1990 < understood["year_min"] <= 2000, understood  # newer than the 90s picks just shown
    finally:
        started = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(p) == server.pid]
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=180)
    assert "HTTP API: on, at http://127.0.0.1:" in err and ", 2 processes" in err
    assert "HTTP API: 2 of 2 processes answering" in err
    assert server.returncode == 0, err
    assert started and _all_gone(started, within=30)  # stopped with serve (the resource tracker a moment later)


def _parent(proc: Path) -> int | None:
    with contextlib.suppress(OSError, IndexError, ValueError):
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    return None


def test_a_second_process_stops_itself_when_serve_is_killed_outright(home):
    """SIGKILL leaves serve no chance to stop the process it started: that one notices and stops."""
    server, url = start_serve(home, "--http-processes", "2", stderr=subprocess.DEVNULL)
    started = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(p) == server.pid]
    server.kill()
    server.wait()
    assert started and _all_gone(started, within=60)
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{url}/healthz", timeout=2)


def _all_gone(processes: list[Path], within: float) -> bool:
    deadline = time.monotonic() + within
    while any(p.exists() and _state(p) != "Z" for p in processes):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


def _state(proc: Path) -> str:
    with contextlib.suppress(OSError, IndexError):
        return (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
    return "gone"
