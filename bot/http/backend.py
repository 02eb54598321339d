"""The service behind the API and the worker pool its blocking calls run in."""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any

from fastapi import Depends, Request


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

    async def call(self, fn, /, *args, **kwargs) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.pool, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        """Waits for the turns already running: nothing a client was promised is cut short."""
        self.pool.shutdown(wait=True, cancel_futures=False)


def backend(request: Request) -> Backend:
    return request.app.state.backend


ServiceBackend = Annotated[Backend, Depends(backend)]
