"""The HTTP API behind a real uvicorn server on 127.0.0.1: every endpoint over real sockets,
and a stop (what SIGTERM does under `moviebot serve`) that finishes the turns in flight."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from bot.http.app import serve
from bot.settings import ApiKey, HttpSettings, Settings
from tests.http_fakes import FakeService
from tests.http_server import RunningServer

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


def test_a_taken_port_is_an_error_not_an_exit():
    service = FakeService()
    with RunningServer(service, Settings(http=HttpSettings(api_keys=KEYS))) as first:
        taken = Settings(http=HttpSettings(api_keys=KEYS, port=first.port))
        with pytest.raises(OSError):
            asyncio.run(serve(service, taken, asyncio.Event()))
