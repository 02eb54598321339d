"""Shared pieces for the Slack tests: a real MovieService on the starter catalog, fake Bolt
arguments (ack, respond, client) that record what the user would see, and Slack-shaped payloads.

Used as a pytest plugin (`pytest_plugins = ("tests.unit.test_slack_harness",)`) for its fixtures; named
like a test module so pytest rewrites its asserts (it holds no tests).
"""

from __future__ import annotations

import itertools
import json
import urllib.error
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field

import pytest

from agent.bandit import Ranker
from agent.service import build_service
from bot.slack.deps import SlackDeps
from store.profiles import ProfileStore

TEAM = "T0TEAM"
BOT_USER = "U0BOT"
CHANNEL = "C0MOVIES"
ANA, BEN, CY = "U0ANA", "U0BEN", "U0CY"
NAMES = {ANA: "Ana", BEN: "Ben", CY: "Cy"}


class InlineExecutor(Executor):
    """Runs each job at once, in the caller's thread: handler tests read the result right away."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the future carries it, as a pool's would
            future.set_exception(exc)
        return future


def key(user_id: str) -> str:
    return f"slack:{TEAM}:{user_id}"


def fake_chart(profile) -> bytes:
    return b"\x89PNG fake chart for " + str(profile.user).encode()


@pytest.fixture
def slack_service(starter, tmp_path):
    profiles = ProfileStore(tmp_path / "state.sqlite")
    service = build_service(starter, profiles, ranker=Ranker(profiles), chart=fake_chart)
    yield service
    service.close()
    profiles.close()


@pytest.fixture
def deps(slack_service):
    deps = SlackDeps(slack_service, work=InlineExecutor(), bot_user_id=BOT_USER)
    yield deps
    deps.close()


@pytest.fixture
def client():
    return FakeClient()


@pytest.fixture
def context(deps):
    return {"moviebot": deps, "team_id": TEAM}


# -- fakes for Bolt's arguments -------------------------------------------------------------


class Ack:
    def __init__(self):
        self.calls: list[tuple] = []

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))


@dataclass
class Respond:
    """respond(): what went back to the caller through the response_url."""

    calls: list[dict] = field(default_factory=list)

    def __call__(self, text: str = "", **kwargs):
        self.calls.append({"text": text, **kwargs})

    @property
    def last(self) -> dict:
        return self.calls[-1]


class FakeClient:
    """The WebClient methods moviebot calls, answering like Slack and recording each call."""

    def __init__(self, failures: dict[str, str | list[str | None]] | None = None):
        """`failures`: method -> the Slack error every call gets, or a list of what its calls get
        in turn (None: success; calls past the list succeed; "dropped": a broken connection)."""
        self.calls: list[tuple[str, dict]] = []
        self.failures = failures or {}
        self._ts = itertools.count(1)

    def _call(self, method: str, **kwargs) -> dict:
        self.calls.append((method, kwargs))
        error = self.failures.get(method)
        if isinstance(error, list):
            error = error.pop(0) if error else None
        if error == "dropped":  # the connection broke: slack_sdk raises urllib's error
            raise urllib.error.URLError("connection reset by peer")
        if error:
            from slack_sdk.errors import SlackApiError

            raise SlackApiError(error, {"ok": False, "error": error})
        return kwargs

    def of(self, method: str) -> list[dict]:
        return [kwargs for name, kwargs in self.calls if name == method]

    def chat_postMessage(self, **kwargs):
        self._call("chat_postMessage", **kwargs)
        channel = kwargs["channel"]
        channel = "D" + channel[1:] if channel.startswith("U") else channel
        return {"ok": True, "channel": channel, "ts": f"1700000000.{next(self._ts):06d}"}

    def chat_postEphemeral(self, **kwargs):
        return self._call("chat_postEphemeral", **kwargs)

    def chat_delete(self, **kwargs):
        return self._call("chat_delete", **kwargs)

    def chat_update(self, **kwargs):
        return self._call("chat_update", **kwargs)

    def reactions_add(self, **kwargs):
        return self._call("reactions_add", **kwargs)

    def users_info(self, *, user: str):
        self._call("users_info", user=user)
        profile = {"display_name": NAMES.get(user, "")}
        return {"ok": True, "user": {"id": user, "name": user.lower(), "profile": profile}}

    def conversations_replies(self, *, channel: str, ts: str, **kwargs):
        self._call("conversations_replies", channel=channel, ts=ts, **kwargs)
        posted = [p for name, p in self.calls if name == "chat_postMessage" and p.get("thread_ts") == ts]
        return {"ok": True, "messages": [{"ts": ts, "user": "U0SOMEONE"}] + [{"user": BOT_USER} for _ in posted]}

    def views_publish(self, **kwargs):
        return self._call("views_publish", **kwargs)

    def files_upload_v2(self, **kwargs):
        return self._call("files_upload_v2", **kwargs)

    def payloads(self) -> str:
        return json.dumps([kwargs for _, kwargs in self.calls], default=repr, ensure_ascii=False)


# -- Slack-shaped payloads ------------------------------------------------------------------


def command(name: str, text: str = "", *, user: str = ANA, channel: str = CHANNEL) -> dict:
    return {
        "token": "verification", "team_id": TEAM, "team_domain": "test", "channel_id": channel,
        "channel_name": "movies", "user_id": user, "user_name": NAMES.get(user, user).lower(), "command": name,
        "text": text, "api_app_id": "A0APP", "is_enterprise_install": "false",
        "response_url": "https://hooks.slack.com/commands/T0TEAM/1/x", "trigger_id": "1.2.3",
    }  # fmt: skip


def block_action(action_id: str, value: str, *, user: str = ANA, channel: str = CHANNEL) -> dict:
    return {
        "type": "block_actions", "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A0APP", "token": "verification", "trigger_id": "1.2.3",
        "team": {"id": TEAM, "domain": "test"}, "channel": {"id": channel, "name": "movies"},
        "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": channel,
                      "is_ephemeral": True},
        "response_url": "https://hooks.slack.com/actions/T0TEAM/1/x",
        "actions": [{"action_id": action_id, "block_id": "b", "value": value, "type": "button",
                     "action_ts": "1700000001.000001", "text": {"type": "plain_text", "text": "x"}}],
    }  # fmt: skip


def mention(text: str, *, user: str = ANA, channel: str = CHANNEL, ts: str = "1699990000.000100",
            thread_ts: str | None = None) -> dict:  # fmt: skip
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}", "ts": ts, "channel": channel,
             "event_ts": ts, "team": TEAM}  # fmt: skip
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(text: str, *, user: str = ANA, channel: str = CHANNEL, ts: str = "1699990000.000200",
            thread_ts: str | None = None, channel_type: str = "channel",
            parent_user_id: str | None = None) -> dict:  # fmt: skip
    event = {"type": "message", "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts,
             "channel_type": channel_type, "team": TEAM}  # fmt: skip
    if thread_ts:
        event["thread_ts"] = thread_ts
    if parent_user_id:
        event["parent_user_id"] = parent_user_id
    return event


def reaction(name: str, message_key: str, *, user: str = ANA, added: bool = True, event_ts: str) -> dict:
    channel, ts = message_key.split(":", 1)
    return {"type": "reaction_added" if added else "reaction_removed", "user": user, "reaction": name,
            "item_user": BOT_USER, "item": {"type": "message", "channel": channel, "ts": ts},
            "event_ts": event_ts}  # fmt: skip


def envelope(kind: str, payload: dict, *, retry: int = 0, envelope_id: str | None = None) -> dict:
    """A Socket Mode envelope as Slack sends it over the websocket."""
    return {"envelope_id": envelope_id or f"env-{id(payload)}", "type": kind, "payload": payload,
            "accepts_response_payload": kind != "events_api", "retry_attempt": retry,
            "retry_reason": "timeout" if retry else ""}  # fmt: skip


def event_callback(event: dict, *, event_id: str) -> dict:
    return {"token": "verification", "team_id": TEAM, "api_app_id": "A0APP", "event": event, "type": "event_callback",
            "event_id": event_id, "event_time": int(float(event.get("event_ts", "0"))),
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}]}  # fmt: skip
