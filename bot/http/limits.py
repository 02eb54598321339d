"""The request body limit: a declared Content-Length over it is refused before anything is read;
a body that turns out longer (chunked) is cut off at the limit. Both answer 413 as JSON.

A history sent to `POST /v1/users/{user}/import` has a limit of its own: a Letterboxd diary of a
thousand films is over 100 KB, far past what a chat message or a filter needs."""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.http.errors import TooLarge, error_response

_IMPORT = re.compile(r"/v1/users/[^/]+/import/?")


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, import_bytes: int | None = None):
        self.app = app
        self.max_bytes = max_bytes
        self.import_bytes = import_bytes or max_bytes

    def limit(self, scope: Scope) -> int:
        return self.import_bytes if _IMPORT.fullmatch(scope.get("path", "")) else self.max_bytes

    @staticmethod
    def message(limit: int) -> str:
        if limit % 1_048_576 == 0:
            return f"The request body is larger than {limit // 1_048_576} MB."
        return f"The request body is larger than {limit} bytes."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await error_response(413, TooLarge.code, self.message(limit))(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge(self.message(limit))
            return message

        await self.app(scope, counted, send)
