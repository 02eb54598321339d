"""`moviebot serve`: which front ends run, what it says about the others, and how one failing or a
SIGTERM leaves the rest."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import types

import pytest

from bot import serve as serve_module
from bot.cli.commands import main
from bot.serve import SWITCH_INTERVAL, FrontEnd, plan, run, run_event_loop
from bot.settings import Settings

ALL_SET = {
    "DISCORD_TOKEN": "token",
    "SLACK_BOT_TOKEN": "xoxb-1234567890",
    "SLACK_APP_TOKEN": "xapp-1234567890",
    "MOVIEBOT_HTTP_PORT": "8080",
}


def on(settings: Settings) -> dict[str, bool]:
    return {front.name: front.on for front in plan(settings)}


def test_each_front_end_is_on_exactly_when_it_is_configured():
    assert on(Settings.from_env({})) == {"Discord": False, "Slack": False, "HTTP API": False}
    assert on(Settings.from_env(ALL_SET)) == {"Discord": True, "Slack": True, "HTTP API": True}
    only_bot_token = Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "MOVIEBOT_HTTP_PORT": "8080"})
    assert on(only_bot_token) == {"Discord": False, "Slack": False, "HTTP API": True}
    reasons = {front.name: front.reason for front in plan(only_bot_token)}
    assert reasons["Slack"] == "SLACK_APP_TOKEN is not set"
    assert reasons["Discord"] == "DISCORD_TOKEN is not set"
    assert reasons["HTTP API"] == "at http://127.0.0.1:8080"
    # a malformed token is said at start-up, before the model loads, and leaves the others on
    swapped = Settings.from_env({**ALL_SET, "SLACK_BOT_TOKEN": "xapp-1234567890"})
    assert on(swapped) == {"Discord": True, "Slack": False, "HTTP API": True}
    assert {f.name: f.reason for f in plan(swapped)}["Slack"] == (
        "SLACK_BOT_TOKEN must be a bot token starting with xoxb- (that is the app-level token; the two are swapped)"
    )


@pytest.fixture
def fake_front_ends(monkeypatch):
    """Front ends under fake module paths that record what happened to them."""
    events: list[str] = []

    async def steady(service, settings, stop):
        events.append(f"steady started with {service}")
        await stop.wait()
        await asyncio.sleep(0.05)  # a turn still in flight when stop came
        events.append("steady drained")

    async def broken(service, settings, stop):
        events.append("broken started")
        raise ConnectionError("gateway unreachable")

    module = types.ModuleType("fake_front_ends")
    module.steady, module.broken = steady, broken
    monkeypatch.setitem(sys.modules, "fake_front_ends", module)
    return events


def front(name: str, function: str, on: bool = True) -> FrontEnd:
    return FrontEnd(name, f"fake_front_ends:{function}", on, "test")


async def test_one_failing_front_end_does_not_take_the_others_down(fake_front_ends):
    stop = asyncio.Event()
    fronts = [front("A", "steady"), front("B", "broken"), front("C", "missing_function", on=False)]
    task = asyncio.create_task(run("svc", Settings(), fronts, stop))
    await asyncio.sleep(0.1)
    assert not task.done()  # B failed, A goes on
    stop.set()
    assert await task == ["B"]
    assert fake_front_ends == ["steady started with svc", "broken started", "steady drained"]


async def test_a_front_end_that_cannot_be_imported_is_reported_and_the_rest_run(fake_front_ends, caplog):
    stop = asyncio.Event()
    fronts = [front("A", "steady"), FrontEnd("Slack", "no_such_module_here:serve", True, "test")]
    task = asyncio.create_task(run("svc", Settings(), fronts, stop))
    await asyncio.sleep(0.1)
    stop.set()
    assert await task == ["Slack"]
    assert "Slack stopped: it is not available in this installation" in caplog.text
    assert "steady drained" in fake_front_ends


async def test_sigterm_drains_the_turns_in_flight_then_returns(fake_front_ends):
    task = asyncio.create_task(run("svc", Settings(), [front("A", "steady")]))
    await asyncio.sleep(0.1)
    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(task, 5) == []
    assert fake_front_ends[-1] == "steady drained"


async def test_a_front_end_that_ignores_stop_is_cancelled_after_the_drain_time(monkeypatch, caplog):
    async def stubborn(service, settings, stop):
        await asyncio.sleep(3600)

    module = types.ModuleType("fake_stubborn")
    module.serve = stubborn
    monkeypatch.setitem(sys.modules, "fake_stubborn", module)
    monkeypatch.setattr(serve_module, "DRAIN_SECONDS", 0.1)
    stop = asyncio.Event()
    stop.set()
    assert await run("svc", Settings(), [FrontEnd("Stubborn", "fake_stubborn:serve", True, "test")], stop) == []
    assert "Stubborn did not stop within" in caplog.text


def test_the_event_loop_is_asyncio_s_own_where_uvloop_is_missing(monkeypatch):
    async def which_loop():
        return type(asyncio.get_running_loop()).__module__

    assert run_event_loop(which_loop()) == "uvloop"
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as on Windows, where uvicorn[standard] has no uvloop
    assert run_event_loop(which_loop()).startswith("asyncio")


def test_serve_with_nothing_configured_says_what_would_turn_each_on(monkeypatch, tmp_path, capsys):
    for name in (*ALL_SET, "MOVIEBOT_API_KEYS"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Discord: off, DISCORD_TOKEN is not set" in err
    assert "Slack: off, SLACK_BOT_TOKEN and SLACK_APP_TOKEN are not set" in err
    assert "HTTP API: off, MOVIEBOT_HTTP_PORT is not set and no --http PORT was given" in err
    assert "nothing to serve" in err
    assert not (tmp_path / "moviebot.sqlite").exists()  # refused before opening anything


def test_serve_refuses_an_open_api_on_a_public_address(monkeypatch, tmp_path, capsys):
    for name in (*ALL_SET, "MOVIEBOT_API_KEYS"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--http", "8080", "--host", "0.0.0.0", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "HTTP API: on" in err
    assert "would listen on 0.0.0.0 with no API key: set MOVIEBOT_API_KEYS" in err
    assert not (tmp_path / "moviebot.sqlite").exists()


def test_serve_refuses_a_number_of_processes_it_cannot_run(monkeypatch, tmp_path, capsys):
    for name in (*ALL_SET, "MOVIEBOT_API_KEYS"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--http", "8080", "--http-processes", "0", "--data-dir", str(tmp_path)]) == 2
    assert "--http-processes takes a number from 1 to 64, not 0" in capsys.readouterr().err
    monkeypatch.setenv("MOVIEBOT_VECTOR_INDEX", "chroma")  # every query to embedded Chroma: one process only
    assert main(["serve", "--http", "8080", "--http-processes", "2", "--data-dir", str(tmp_path)]) == 2
    assert "several HTTP processes cannot query one embedded Chroma store" in capsys.readouterr().err
    assert not (tmp_path / "moviebot.sqlite").exists()


def test_serve_runs_only_the_configured_front_ends_over_one_runtime(monkeypatch, tmp_path, capsys):
    """Discord and HTTP configured, Slack not: serve opens the runtime once and starts exactly those two."""
    started: list[tuple[str, object]] = []
    opened: list[object] = []
    intervals: list[float] = []
    loops: set[str] = set()
    before = sys.getswitchinterval()

    def fake_serve_for(name):
        async def serve(service, settings, stop):
            started.append((name, service))
            opened.append("started")
            intervals.append(sys.getswitchinterval())
            loops.add(type(asyncio.get_running_loop()).__module__)

        return serve

    for name, path in (("Discord", "bot.discord.app"), ("Slack", "bot.slack.app"), ("HTTP API", "bot.http.app")):
        module = types.ModuleType(path)
        module.serve = fake_serve_for(name)
        monkeypatch.setitem(sys.modules, path, module)

    class FakeRuntime:
        service = "the one service"
        catalog = ()

        def close(self):
            opened.append("closed")

    def open_app(args, settings, **kwargs):
        opened.append("opened, warmed" if kwargs.get("serving") else "opened cold")
        return FakeRuntime()

    monkeypatch.setattr("bot.cli.serve.open_service", open_app)
    for name in (*ALL_SET, "MOVIEBOT_API_KEYS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISCORD_TOKEN", "token")
    assert main(["serve", "--http", "8080", "--data-dir", str(tmp_path)]) == 0
    assert sorted(started) == [("Discord", "the one service"), ("HTTP API", "the one service")]
    assert opened == ["opened, warmed", "started", "started", "closed"]  # warm before any front end starts
    # turns hand the event loop the interpreter within 1 ms while serving, and the process's own setting is back after
    assert intervals == [SWITCH_INTERVAL, SWITCH_INTERVAL] and sys.getswitchinterval() == before
    assert loops == {"uvloop"}  # both front ends share one loop, uvicorn[standard]'s quicker one
    assert "Slack: off, SLACK_BOT_TOKEN and SLACK_APP_TOKEN are not set" in capsys.readouterr().err


def test_a_taken_port_is_named_in_the_error():
    """ "[Errno 98] Address already in use" named no port."""
    from bot.http.app import listen

    taken = listen("127.0.0.1", 0)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(OSError, match=f"cannot listen on 127.0.0.1:{port}: "):
            listen("127.0.0.1", port)
    finally:
        taken.close()


def test_serve_says_which_model_answers_and_where_never_the_key(monkeypatch, tmp_path, capsys):
    for name in (*ALL_SET, "MOVIEBOT_API_KEYS", "OPENAI_API_KEY", "OPENAI_BASE_URL", "MOVIEBOT_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--data-dir", str(tmp_path)]) == 2
    assert "LLM: off, OPENAI_API_KEY and OPENAI_BASE_URL are not set" in capsys.readouterr().err

    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-123")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://me:sk-also-secret@10.0.0.5:11434/v1?api-key=sk-in-query")
    monkeypatch.setenv("MOVIEBOT_LLM_MODEL", "llama3.1")
    assert main(["serve", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "LLM: on, llama3.1 at http://10.0.0.5:11434/v1" in err
    assert "secret" not in err and "sk-in-query" not in err

    monkeypatch.delenv("OPENAI_BASE_URL")
    assert main(["serve", "--data-dir", str(tmp_path)]) == 2
    assert "LLM: on, llama3.1 at https://api.openai.com/v1" in capsys.readouterr().err
