"""Fakes for the network edge and for speed.

A deterministic embedder and a scripted chat model for unit tests, and a loopback
OpenAI-compatible server so integration tests drive the real langchain-openai client.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import BaseModel, Field, ValidationError


class HashingEmbedder:
    """Bag-of-words hashed into a fixed-size unit vector: texts sharing words are close.

    Deterministic and instant, so unit tests can build catalogs in milliseconds and
    still see that "serial killer" lands near a film about one.
    """

    model_id = "hashing-test:64"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0
        self.documents_embedded = 0

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"[a-z0-9]+", text.lower()):
            digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
            vec[int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norm = np.linalg.norm(vec)
        if norm == 0:
            vec[0] = 1.0
            norm = 1.0
        return vec / norm

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.documents_embedded += len(texts)
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


class OtherSetupEmbedder(HashingEmbedder):
    """The same vectors under another setup's name, as after changing MOVIEBOT_EMBEDDING_TOKENS."""

    model_id = "hashing-test:32"


class FakeChatModel(BaseChatModel):
    """Answers from a queue and records every prompt, so tests see what the model was asked.

    A reply is a str (message content), a dict or BaseModel (structured output), or an
    Exception instance, which is raised in place of answering. An empty queue raises
    AssertionError so an unexpected extra call fails the test.
    """

    replies: list[Any] = Field(default_factory=list)
    prompts: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "fake-chat-model"

    def queue(self, *replies: Any) -> None:
        self.replies.extend(replies)

    def _next(self, messages: list[BaseMessage]) -> Any:
        self.prompts.append(list(messages))
        if not self.replies:
            raise AssertionError("FakeChatModel: no reply queued")
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    @staticmethod
    def _content(reply: Any) -> str:
        if isinstance(reply, str):
            return reply
        if isinstance(reply, BaseModel):
            return reply.model_dump_json()
        return json.dumps(reply)

    def _generate(
        self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None, **kwargs: Any
    ) -> ChatResult:
        reply = self._next(messages)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._content(reply)))])

    def with_structured_output(
        self, schema: Any, *, include_raw: bool = False, method: str = "json_mode", **kwargs: Any
    ) -> Runnable[LanguageModelInput, Any]:
        def parse(reply: Any) -> Any:
            value = reply
            if isinstance(reply, str):
                value = json.loads(reply)
            if isinstance(schema, type) and issubclass(schema, BaseModel):
                if isinstance(value, BaseModel) and not isinstance(value, schema):
                    value = value.model_dump()
                return value if isinstance(value, schema) else schema.model_validate(value)
            return value.model_dump() if isinstance(value, BaseModel) else value

        def run(model_input: LanguageModelInput) -> Any:
            reply = self._next(self._convert_input(model_input).to_messages())
            raw = AIMessage(content=self._content(reply))
            try:
                parsed, error = parse(reply), None
            except (json.JSONDecodeError, ValidationError, TypeError) as exc:
                parsed, error = None, OutputParserException(f"Failed to parse reply: {exc}", llm_output=raw.content)
            if include_raw:
                return {"raw": raw, "parsed": parsed, "parsing_error": error}
            if error is not None:
                raise error
            return parsed

        return RunnableLambda(run)


@dataclass(frozen=True)
class _ScriptedResponse:
    status: int = 200
    content: str | None = None
    body: bytes | None = None
    delay: float = 0.0
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()


class FakeOpenAIServer:
    """A loopback OpenAI-compatible Chat Completions endpoint that answers from a script.

    Each POST /v1/chat/completions takes the next queued response; when the script runs
    out it answers 500 so an unplanned request is loud. Every request body is kept in
    `requests` (parsed JSON) to check what the client actually sent.
    """

    def __init__(self) -> None:
        self.requests: list[Any] = []
        self.request_headers: list[dict[str, str]] = []
        self._script: list[_ScriptedResponse] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @staticmethod
    def ok(content: str) -> _ScriptedResponse:
        return _ScriptedResponse(content=content)

    @staticmethod
    def status(
        code: int, body: str | dict | None = None, *, delay: float = 0.0, headers: dict[str, str] | None = None
    ) -> _ScriptedResponse:
        if body is None:
            body = {"error": {"message": f"scripted HTTP {code}", "type": "fake_error", "code": str(code)}}
        raw = json.dumps(body).encode() if isinstance(body, dict) else body.encode()
        return _ScriptedResponse(status=code, body=raw, delay=delay, headers=tuple((headers or {}).items()))

    @staticmethod
    def slow(seconds: float, content: str) -> _ScriptedResponse:
        return _ScriptedResponse(content=content, delay=seconds)

    @staticmethod
    def garbage(content_type: str = "application/json") -> _ScriptedResponse:
        return _ScriptedResponse(body=b"<html><body>502 from a confused proxy</body></html>", content_type=content_type)

    @staticmethod
    def bad_json_content(text: str = "Sure! Here are some films you might like.") -> _ScriptedResponse:
        return _ScriptedResponse(content=text)

    def queue(self, *responses: _ScriptedResponse) -> None:
        with self._lock:
            self._script.extend(responses)

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("FakeOpenAIServer is not running")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def _take(self, body: bytes, headers: dict[str, str]) -> tuple[Any, _ScriptedResponse | None]:
        try:
            parsed: Any = json.loads(body)
        except ValueError:
            parsed = body.decode("utf-8", "replace")
        with self._lock:
            self.requests.append(parsed)
            self.request_headers.append({k.lower(): v for k, v in headers.items()})
            return parsed, (self._script.pop(0) if self._script else None)

    @staticmethod
    def _completion(content: str, request: Any) -> bytes:
        model = request.get("model", "fake-model") if isinstance(request, dict) else "fake-model"
        return json.dumps(
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        ).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(
                self, status: int, body: bytes, content_type: str = "application/json", headers: tuple = ()
            ) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    for name, value in headers:
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and hung up first

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(404, json.dumps({"error": {"message": f"no route {self.path}"}}).encode())
                    return
                request, response = server._take(body, dict(self.headers.items()))
                if response is None:
                    message = "FakeOpenAIServer: no response queued for this request"
                    self._send(500, json.dumps({"error": {"message": message, "type": "fake_error"}}).encode())
                    return
                if response.delay and server._closing.wait(response.delay):
                    return
                if response.body is not None:
                    self._send(response.status, response.body, response.content_type, response.headers)
                else:
                    self._send(response.status, server._completion(response.content or "", request))

        return Handler

    def start(self) -> FakeOpenAIServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()
