"""`serve()` and `moviebot slack`: a real Socket Mode connection to a loopback websocket (handed
out by the mock Web API's apps.connections.open), clean shutdown on the stop event, and one-line
messages for missing, malformed or rejected tokens."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import threading
import time

import pytest
from slack_sdk import WebClient
from websockets.sync.server import serve as websocket_server

from bot.cli.commands import main
from bot.cli.slack import run_until_signalled
from bot.settings import Settings, SettingsError
from bot.slack.app import serve
from tests.slack_web_api import SlackWebAPI
from tests.unit.test_slack_harness import NAMES, envelope, event_callback, mention

pytest_plugins = ("tests.unit.test_slack_harness",)

TOKENS = {"slack_bot_token": "xoxb-0000-test-token", "slack_app_token": "xapp-0000-test-token"}


class SlackSocket:
    """Slack's side of the websocket: says hello, sends envelopes, collects acknowledgements."""

    def __init__(self, envelopes: list[dict]):
        self.envelopes = envelopes
        self.acks: list[dict] = []
        self.closed = threading.Event()
        self.server = websocket_server(self._session, "127.0.0.1", 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self.server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link"

    def _session(self, websocket) -> None:
        websocket.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0APP"}}))
        for body in self.envelopes:
            websocket.send(json.dumps(body))
        try:
            for raw in websocket:
                self.acks.append(json.loads(raw))
        except Exception:
            pass
        self.closed.set()

    def stop(self) -> None:
        self.server.shutdown()


async def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_serve_answers_over_socket_mode_and_stops_cleanly(slack_service):
    body = envelope("events_api", event_callback(mention("a feel-good comedy", ts="1699990000.000100"),
                                                 event_id="Ev1"), envelope_id="env-1")  # fmt: skip
    socket = SlackSocket([body])
    api = SlackWebAPI(users={u: {"display_name": n} for u, n in NAMES.items()}, socket_url=socket.url).start()
    client = WebClient(token=TOKENS["slack_bot_token"], base_url=api.api_url)
    stop = asyncio.Event()
    refits = []
    real_refit = slack_service.refit
    slack_service.refit = lambda: refits.append(1) or real_refit()
    before = {t.ident for t in threading.enumerate()}
    running = asyncio.create_task(serve(slack_service, Settings(**TOKENS), stop, client=client))
    try:
        await wait_for(lambda: socket.acks and len(api.of("reactions.add")) == 27)
        assert socket.acks[0]["envelope_id"] == "env-1"
        [opened] = api.of("apps.connections.open")
        assert opened.token == TOKENS["slack_app_token"]
        picks = [c for c in api.of("chat.postMessage") if c.payload.get("thread_ts") == "1699990000.000100"]
        assert len(picks) == 4
        await wait_for(lambda: refits)  # the re-ranker is refitted from the store once connected
        stop.set()
        await asyncio.wait_for(running, 30)
        assert socket.closed.wait(10)  # the bot hung up
        await wait_for(lambda: not [t for t in threading.enumerate()
                                    if t.ident not in before and t.name.startswith("moviebot-slack")])  # fmt: skip
    finally:
        stop.set()
        if not running.done():
            running.cancel()
        socket.stop()
        api.stop()


async def test_a_rejected_bot_token_is_one_clear_error(slack_service):
    api = SlackWebAPI(failures={"auth.test": "invalid_auth"}).start()
    try:
        client = WebClient(token=TOKENS["slack_bot_token"], base_url=api.api_url)
        with pytest.raises(SettingsError, match=r"Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)"):
            await serve(slack_service, Settings(**TOKENS), asyncio.Event(), client=client)
    finally:
        api.stop()


async def test_a_rejected_app_token_is_one_clear_error(slack_service):
    api = SlackWebAPI(failures={"apps.connections.open": "not_allowed_token_type"}).start()
    try:
        client = WebClient(token=TOKENS["slack_bot_token"], base_url=api.api_url)
        with pytest.raises(SettingsError, match=r"Slack rejected SLACK_APP_TOKEN \(not_allowed_token_type\)"):
            await serve(slack_service, Settings(**TOKENS), asyncio.Event(), client=client)
    finally:
        api.stop()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "xoxb-1234-abcdef"}, "SLACK_APP_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "xoxp-1234-abcdef", "SLACK_APP_TOKEN": "xapp-1-abcdef"}, "must be a bot token"),
        ({"SLACK_BOT_TOKEN": "xapp-1-abcdefgh", "SLACK_APP_TOKEN": "xoxb-1234-abcdef"}, "the two are swapped"),
        ({"SLACK_BOT_TOKEN": "xoxb-1234-abcdef", "SLACK_APP_TOKEN": "secret"}, "SLACK_APP_TOKEN must be an app-level"),
    ],
)
def test_moviebot_slack_without_usable_tokens_says_so_in_one_line(env, message, monkeypatch, capsys, tmp_path):
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["slack", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("moviebot: ") and message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
async def test_ctrl_c_and_sigterm_set_the_stop_event(signal_number, monkeypatch):
    seen = {}

    async def fake_serve(service, settings, stop):
        asyncio.get_running_loop().call_later(0.1, os.kill, os.getpid(), signal_number)
        await asyncio.wait_for(stop.wait(), 30)
        seen["stopped"] = True

    monkeypatch.setattr("bot.slack.app.serve", fake_serve)
    await run_until_signalled(object(), Settings(**TOKENS))
    assert seen == {"stopped": True}
