"""More processes answering the HTTP API on one listening socket (`MOVIEBOT_HTTP_PROCESSES`).

A Python process runs one turn's Python code at a time (the GIL), so on a machine with more than
one core a busy API answers sooner from several processes. Each extra process opens its own
runtime (model and catalog, about 0.5 GB) from the same data directory and answers HTTP only, on
the socket `moviebot serve` bound; profiles, conversations and the learning re-ranker are in
SQLite, which they share (docs/SCALING.md, stage 2). The process running `serve` keeps Discord
and Slack, starts the others, waits until they are ready, and stops them when it stops.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing
import os
import socket
import sys
from collections.abc import Awaitable, Callable

from bot.settings import Settings

log = logging.getLogger(__name__)

Serve = Callable[..., Awaitable[None]]  # bot.http.app.serve, handed in (importing it here would be a cycle)
READY_SECONDS = 600.0  # a process still loading its model after this long is given up on
STOP_SECONDS = 45.0  # as bot.serve.DRAIN_SECONDS: longer than uvicorn's 30 s grace


class Processes:
    """The extra processes: started at once, each loading its runtime side by side."""

    def __init__(self, settings: Settings, sock: socket.socket, count: int, serve: Serve, *, verbose: bool = False):
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads forked mid-work
        alone = dataclasses.replace(settings, http=dataclasses.replace(settings.http, processes=1))
        self.ready = [context.Event() for _ in range(count)]
        me = os.getpid()
        self.processes = [
            context.Process(target=answer, args=(alone, sock, ready, verbose, me, serve), name=f"moviebot-http-{i + 1}")
            for i, ready in enumerate(self.ready)
        ]
        for process in self.processes:
            process.start()
        self._watch: asyncio.Task | None = None

    async def wait_ready(self, stop: asyncio.Event) -> int:
        """Waits until each process answers, has died, or `stop` is set; how many answer. A process
        that exits while loading (a broken data directory, no memory left) is logged, and the others
        go on; so does one still loading after READY_SECONDS, which answers once it is ready."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + READY_SECONDS
        answering = 0
        for process, ready in zip(self.processes, self.ready, strict=True):
            while not stop.is_set() and not await asyncio.to_thread(ready.wait, 0.5):
                if process.exitcode is not None:
                    log.error("HTTP process %s %s before it was ready; the others go on", process.name, _ended(process))
                    break
                if loop.time() > deadline:
                    log.error("HTTP process %s is still loading after %.0f s; going on without waiting for it",
                              process.name, READY_SECONDS)  # fmt: skip
                    break
            else:
                answering += not stop.is_set()
        self._watch = asyncio.create_task(self._report_exits())
        return answering

    async def _report_exits(self) -> None:
        """Says when a process that was answering exits while the API runs."""
        told = {p.name for p, ready in zip(self.processes, self.ready, strict=True) if not ready.is_set()}
        while len(told) < len(self.processes):
            await asyncio.sleep(2)
            for process in self.processes:
                if process.exitcode is not None and process.name not in told:
                    told.add(process.name)
                    log.error("HTTP process %s %s; the others go on", process.name, _ended(process))

    async def stop(self) -> None:
        """SIGTERM to each process (it finishes its requests in flight and saves what it learned),
        then waits; one still running after STOP_SECONDS is killed."""
        if self._watch is not None:
            self._watch.cancel()
        for process in self.processes:
            if process.exitcode is None:
                process.terminate()
        for process in self.processes:
            await asyncio.to_thread(process.join, STOP_SECONDS)
            if process.exitcode is None:
                log.warning("HTTP process %s did not stop within %.0f s; killed", process.name, STOP_SECONDS)
                process.kill()
                await asyncio.to_thread(process.join)


def _ended(process: multiprocessing.process.BaseProcess) -> str:
    code = process.exitcode
    return f"was stopped by signal {-code}" if code is not None and code < 0 else f"exited with status {code}"


def answer(settings: Settings, sock: socket.socket, ready, verbose: bool, parent: int, serve: Serve) -> None:
    """One extra process: opens its runtime as `serve` does, says it is ready, and answers on
    `sock` until SIGTERM or SIGINT, then finishes its requests in flight and closes its stores."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for name in ("moviebot", "bot", "agent.llm"):
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.INFO)
    from bot.runtime import open_runtime
    from bot.serve import SWITCH_INTERVAL, run_event_loop

    runtime = open_runtime(settings, serving=True)
    try:
        ready.set()
        sys.setswitchinterval(SWITCH_INTERVAL)
        run_event_loop(_answer_until_stopped(serve, runtime.service, settings, sock, parent))
    finally:
        runtime.close()


async def _answer_until_stopped(serve: Serve, service, settings: Settings, sock: socket.socket, parent: int) -> None:
    from bot.serve import stop_on_signals

    stop = asyncio.Event()
    orphaned = asyncio.create_task(_stop_when_orphaned(stop, parent))
    try:
        with stop_on_signals(stop):
            await serve(service, settings, stop, sock=sock, announce=False)
    finally:
        orphaned.cancel()


async def _stop_when_orphaned(stop: asyncio.Event, parent: int, every: float = 2.0) -> None:
    """`serve` killed outright (no SIGTERM to pass on) leaves no one to stop this process: it stops
    itself once its parent is gone (even while it was still loading), rather than answer on a port
    nobody runs any more."""
    while not stop.is_set():
        if os.getppid() != parent:
            log.warning("the moviebot serve that started this process is gone; stopping")
            stop.set()
            return
        await asyncio.sleep(every)
