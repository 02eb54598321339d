"""The service behind the API, the worker pool its blocking calls run in, and the
Server-Timing header that says where each request's time went."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.http.auth import PLATFORM, Tenant

# (seconds waiting for a worker, seconds in the service) for each call this request made
_spent: ContextVar[list[tuple[float, float]] | None] = ContextVar("moviebot_http_spent", default=None)


class Backend:
    """Every MovieService call is blocking (embedding, SQLite, an optional LLM), so it runs in a
    pool of `workers` threads, never on the event loop; more threads than cores only make each
    turn slower, so the default is one per core (HttpSettings.workers)."""

    def __init__(self, service, workers: int):
        self.service = service
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="moviebot-http")

    async def run(self, method: str, /, *args, **kwargs) -> Any:
        """service.<method>(*args, **kwargs) in the pool."""
        return await self.call(getattr(self.service, method), *args, **kwargs)

    async def run_as(self, tenant: Tenant, user: str, act: Callable[[Any, str], Any]) -> Any:
        """Registers the tenant's user, then act(service, user_key), in ONE trip to the pool: each
        trip waits its turn again behind every other request."""

        def registered_then_act():
            key = self.service.register(PLATFORM, tenant.platform_id(user), user, group=tenant.name)
            return act(self.service, key)

        return await self.call(registered_then_act)

    async def call(self, fn, /, *args, **kwargs) -> Any:
        submitted = time.perf_counter()
        span: list[float] = []

        def timed():
            span.append(time.perf_counter())
            try:
                return fn(*args, **kwargs)
            finally:
                span.append(time.perf_counter())

        try:
            return await asyncio.get_running_loop().run_in_executor(self.pool, timed)
        finally:
            if (spent := _spent.get()) is not None and len(span) == 2:
                spent.append((span[0] - submitted, span[1] - span[0]))

    def close(self) -> None:
        """Waits for the turns already running: nothing a client was promised is cut short."""
        self.pool.shutdown(wait=True, cancel_futures=False)


async def backend(request: Request) -> Backend:  # async: see auth.tenant
    return request.app.state.backend


ServiceBackend = Annotated[Backend, Depends(backend)]


class ServerTiming:
    """`Server-Timing: queue;dur=…, service;dur=…, total;dur=…` (milliseconds) on every response:
    waiting for a worker, inside the recommender, and the whole request on the server."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        spent: list[tuple[float, float]] = []
        token = _spent.set(spent)

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                queue, service = sum(s[0] for s in spent), sum(s[1] for s in spent)
                total = time.perf_counter() - started
                value = f"queue;dur={queue * 1000:.1f}, service;dur={service * 1000:.1f}, total;dur={total * 1000:.1f}"
                message["headers"] = [*message.get("headers", []), (b"server-timing", value.encode())]
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            _spent.reset(token)
