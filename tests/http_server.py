"""A real uvicorn server running bot.http.app.serve on 127.0.0.1 (a free port) in a thread."""

from __future__ import annotations

import asyncio
import threading

from bot.http.app import listen, serve
from bot.settings import Settings


class RunningServer:
    def __init__(self, service, settings: Settings):
        self.service = service
        self.settings = settings
        self.port = 0
        self.error: BaseException | None = None
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="uvicorn-under-test", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> RunningServer:
        self._thread.start()
        if not self._listening.wait(30):
            raise RuntimeError("the test server did not start")
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
        self.join()

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)

    def join(self, timeout: float = 60) -> None:
        self._thread.join(timeout)
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            sock = listen("127.0.0.1", 0)
            self.port = sock.getsockname()[1]
            self._loop.call_soon(self._listening.set)
            await serve(self.service, self.settings, self._stop, sock=sock)

        try:
            asyncio.run(main())
        except BaseException as exc:  # surfaced by join()
            self.error = exc
            self._listening.set()
