"""The HTTP front end: `create_app(service, settings)` builds the FastAPI app (tests hand it a
fake service), `serve(service, settings, stop)` runs it under uvicorn until `stop` is set."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import AsyncIterator

import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from bot.http import chat, docs, errors, feedback, recommendations, users
from bot.http.auth import Gate
from bot.http.backend import Backend, ServerTiming
from bot.http.limits import BodyLimit
from bot.http.models import Health
from bot.settings import Settings

log = logging.getLogger(__name__)

DESCRIPTION = """Conversational movie recommendations for your own apps.

Send your key as `Authorization: Bearer <key>`. Each key is its own tenant: the users you name
are yours alone. Errors are JSON `{"error": code, "message": text}`; 429 answers carry `Retry-After`.
"""


def create_app(service, settings: Settings) -> FastAPI:
    http = settings.http
    backend = Backend(service, http.workers)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await asyncio.to_thread(backend.close)

    app = FastAPI(
        title="moviebot",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # docs.install: a reference that works offline, Swagger UI beside it
        redoc_url=None,
    )
    docs.install(app)
    app.state.backend = backend
    app.state.gate = Gate(http)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=http.max_body_bytes, import_bytes=http.max_import_bytes)
    app.add_middleware(ServerTiming)
    for module in (chat, recommendations, feedback, users):
        app.include_router(module.router)

    @app.get("/healthz", response_model=Health, tags=["health"], summary="The process is up")
    async def healthz() -> Health:
        """`detail` names the process that answered (MOVIEBOT_HTTP_PROCESSES runs several)."""
        return Health(status="ok", detail=f"process {os.getpid()}")

    @app.get(
        "/readyz",
        response_model=Health,
        tags=["health"],
        summary="Ready to answer: catalog open, model loaded",
        responses={503: {"model": Health}},
    )
    async def readyz():
        if getattr(service, "ready", False):
            return Health(status="ok")
        body = Health(status="unavailable", detail="Not ready: the catalog is not open or the model is not loaded.")
        return JSONResponse(body.model_dump(), status_code=503)

    return app


class _Server(uvicorn.Server):
    """`moviebot serve` owns the signals: it sets `stop`, and every front end drains."""

    @contextlib.contextmanager
    def capture_signals(self):
        yield


async def serve(service, settings: Settings, stop: asyncio.Event, *, sock: socket.socket | None = None,
                announce: bool = True) -> None:  # fmt: skip
    """Answers on settings.http.host:port (or on `sock`) until `stop` is set, then finishes the
    requests in flight (up to 30 s) before returning. With `settings.http.processes` above 1, that
    many processes answer on the one socket (bot.http.processes), this one among them."""
    http = settings.http
    http.check_exposure()
    sock = sock or listen(http.host, http.port or 0)  # binding here: a taken port is an OSError, not an exit
    extra = None
    try:
        if http.processes > 1:
            extra = await _more_processes(settings, sock, stop)
        if stop.is_set():  # stopped while the other processes loaded
            return
        await _answer(service, settings, sock, stop, announce)
    finally:
        if extra is not None:
            await extra.stop()
        sock.close()


async def _more_processes(settings: Settings, sock: socket.socket, stop: asyncio.Event):
    from bot.http.processes import Processes

    more = settings.http.processes - 1
    extra = Processes(settings, sock, more, serve, verbose=log.isEnabledFor(logging.DEBUG))
    log.info("HTTP API: starting %d more process%s, each loading its own model and catalog", more,
             "es" if more > 1 else "")  # fmt: skip
    answering = await extra.wait_ready(stop)
    log.info("HTTP API: %d of %d processes answering", answering + 1, more + 1)
    return extra


async def _answer(service, settings: Settings, sock: socket.socket, stop: asyncio.Event, announce: bool) -> None:
    config = uvicorn.Config(
        create_app(service, settings),
        log_config=None,  # uvicorn's warnings and errors go through moviebot's own logging
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=30,
        server_header=False,
    )
    server = _Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    waiter = asyncio.create_task(stop.wait())
    host, port = sock.getsockname()[:2]
    if announce:
        log.info("HTTP API listening on http://%s:%s (reference at /docs)", host, port)
    try:
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        server.should_exit = True
        try:
            await task
        except SystemExit as exc:  # uvicorn exits when the app's start-up fails
            raise RuntimeError("the HTTP API could not start") from exc
    finally:
        waiter.cancel()


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and
    # without it every answer on a kept-alive connection waited 40 ms for a delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:  # "[Errno 98] Address already in use" named no port
        sock.close()
        reason = exc.strerror or str(exc)
        raise OSError(exc.errno, f"cannot listen on {host}:{port}: {reason}") from None
    sock.listen(2048)
    sock.setblocking(False)
    return sock
