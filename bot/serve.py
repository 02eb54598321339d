"""`moviebot serve`: every configured front end in one process, over one runtime.

Each front end is an async `serve(service, settings, stop)` that runs until `stop` is set and
then finishes what it is doing. One that fails is reported and the others go on; SIGINT or
SIGTERM sets `stop`, so every front end drains its in-flight turns before the process exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import signal
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

FrontEndServe = Callable[[object, Settings, asyncio.Event], Awaitable[None]]
DRAIN_SECONDS = 45.0  # after stop: longer than the HTTP server's own 30 s grace for in-flight requests
# How long a thread running a turn keeps the GIL while the event loop waits for it (Python's default
# is 5 ms): the loop then reads the next request and sends finished answers within a millisecond.
# In benchmarks/http_load.py at 50 clients (1 s pauses), API p50 / direct p50 had a median of 1.33
# over five runs with 1 ms against 1.47 over three with the default, though single runs overlap;
# 0.2 ms was worse (README).
SWITCH_INTERVAL = 0.001
T = TypeVar("T")


def run_event_loop(main: Coroutine[Any, Any, T]) -> T:
    """asyncio.run(main) on uvloop where it is installed (uvicorn[standard] brings it everywhere but
    Windows): the front ends' loop reads requests and sends answers in less of the interpreter's
    time, which the worker threads running turns share with it."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(main)


@dataclass(frozen=True)
class FrontEnd:
    name: str
    entry: str  # "module:function", imported only when the front end is on
    on: bool
    reason: str  # why it is on, or what would turn it on

    def load(self) -> FrontEndServe:
        module, _, function = self.entry.partition(":")
        return getattr(importlib.import_module(module), function)


def plan(settings: Settings) -> list[FrontEnd]:
    """Which front ends this configuration runs, and why each is on or off."""
    slack_missing = [n for n, v in (("SLACK_BOT_TOKEN", settings.slack_bot_token),
                                    ("SLACK_APP_TOKEN", settings.slack_app_token)) if not v]  # fmt: skip
    slack_reason = "SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set"
    if slack_missing:
        slack_reason = f"{' and '.join(slack_missing)} {'is' if len(slack_missing) == 1 else 'are'} not set"
    else:
        try:  # a malformed token is said at once, not after the model has loaded
            settings.slack_tokens()
        except SettingsError as exc:
            slack_missing, slack_reason = ["a valid token"], str(exc)
    http = settings.http
    return [
        FrontEnd(
            "Discord",
            "bot.discord.app:serve",
            bool(settings.discord_token),
            "DISCORD_TOKEN is set" if settings.discord_token else "DISCORD_TOKEN is not set",
        ),
        FrontEnd(
            "Slack",
            "bot.slack.app:serve",
            not slack_missing,
            slack_reason,
        ),
        FrontEnd(
            "HTTP API",
            "bot.http.app:serve",
            http.port is not None,
            f"at http://{http.host}:{http.port}" + (f", {http.processes} processes" if http.processes > 1 else "")
            if http.port is not None
            else "MOVIEBOT_HTTP_PORT is not set and no --http PORT was given",
        ),
    ]


def describe_llm(settings: Settings) -> str:
    """Which model answers and where, for the start-up lines; never the key."""
    if not settings.llm_enabled:
        return "LLM: off, OPENAI_API_KEY and OPENAI_BASE_URL are not set (the rules read every message)"
    where = _public_url(settings.openai_base_url) if settings.openai_base_url else "https://api.openai.com/v1"
    return f"LLM: on, {settings.llm_model} at {where} (at most {settings.llm_timeout:g} s a call)"


def _public_url(url: str) -> str:
    """The URL without a user:password@ or a query, where a key can hide."""
    parts = urlsplit(url)
    if "@" not in parts.netloc and not parts.query:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


async def run(service, settings: Settings, front_ends: list[FrontEnd], stop: asyncio.Event | None = None) -> list[str]:
    """Runs the front ends that are on until each has stopped; the names of those that failed.

    Signals set `stop` (only when called on the main thread)."""
    stop = stop or asyncio.Event()
    running = [front for front in front_ends if front.on]
    with stop_on_signals(stop):
        tasks = {asyncio.create_task(_guarded(front, service, settings, stop)): front for front in running}
        stopping = asyncio.create_task(stop.wait())
        pending = set(tasks)
        while pending:
            done, _ = await asyncio.wait(pending | {stopping}, return_when=asyncio.FIRST_COMPLETED)
            pending -= done
            if stopping in done and pending:
                log.info("stopping: finishing the turns in flight")
                _, late = await asyncio.wait(pending, timeout=DRAIN_SECONDS)
                for task in late:
                    log.warning("%s did not stop within %.0f s; cancelled", tasks[task].name, DRAIN_SECONDS)
                    task.cancel()
                await asyncio.gather(*late, return_exceptions=True)
                break
        stopping.cancel()
    return [tasks[task].name for task in tasks if not task.cancelled() and task.result() is False]


async def _guarded(front: FrontEnd, service, settings: Settings, stop: asyncio.Event) -> bool:
    """False when the front end could not start or broke; the others keep running."""
    try:
        await front.load()(service, settings, stop)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # one front end's failure must not take the others down
        log.error("%s stopped: %s", front.name, describe(exc), exc_info=log.isEnabledFor(logging.DEBUG))
        return False
    log.info("%s stopped", front.name)
    return True


def describe(exc: BaseException) -> str:
    if isinstance(exc, ImportError):
        return f"it is not available in this installation ({exc})"
    return str(exc) or type(exc).__name__


@contextlib.contextmanager
def stop_on_signals(stop: asyncio.Event):
    loop = asyncio.get_running_loop()
    handled = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # Windows; not the main thread
            loop.add_signal_handler(sig, _signalled, stop, sig.name)
            handled.append(sig)
    try:
        yield
    finally:
        for sig in handled:
            loop.remove_signal_handler(sig)


def _signalled(stop: asyncio.Event, name: str) -> None:
    log.info("received %s", name)
    stop.set()
