"""Structured calls to a chat model that degrade to None instead of raising.

The graph treats the model as optional help on top of rule-based understanding, so a
bad reply, an unreachable server or a wrong key must cost one turn's polish, never the
turn. Retries belong to tenacity here, not to the OpenAI client, so that one place owns the
budget (attempts, backoff, total seconds, the server's Retry-After) and the counters the
graph asserts on.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception_type, retry_if_not_exception_type

log = logging.getLogger(__name__)

# retried while the budget allows (a request that failed fast may succeed next time), except a timeout
# (APITimeoutError, an APIConnectionError), which already used the whole wait a call can afford; when
# they persist the endpoint rests, as a server that hangs, is down or keeps failing would otherwise
# cost every turn its whole budget, twice (reading and explaining)
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    openai.RateLimitError,
    openai.InternalServerError,
    openai.APIConnectionError,
)

_FENCE = re.compile(r"```[\w+-]*[ \t]*\r?\n?(.*?)```", re.DOTALL)


def strip_code_fences(text: str) -> str:
    """Return the body of the first ```fenced``` block, or the text itself if there is none.

    Some local OpenAI-compatible servers ignore json_object mode and wrap the JSON in a
    markdown fence, sometimes with a sentence before it.
    """
    match = _FENCE.search(text)
    if match:
        return match.group(1).strip()
    stripped = text.strip()
    if stripped.startswith("```"):
        # An opening fence the model never closed.
        stripped = stripped.split("\n", 1)[1] if "\n" in stripped else stripped.lstrip("`")
    return stripped.strip()


def json_body(content: str) -> str:
    """The JSON object in a reply, without fences or a sentence around it."""
    body = strip_code_fences(content)
    return body[body.find("{") : body.rfind("}") + 1] if "{" in body and "}" in body else body


def _whole_json(content: str) -> bool:
    """Whether the reply holds a complete JSON object (a sentence around it is allowed), not one cut
    off at the token limit, which a lenient parser would complete into a plausible reading."""
    try:
        json.loads(json_body(content))
    except ValueError:
        return False
    return True


def _describe(exc: BaseException) -> str:
    """Name the error without its message: server messages can echo the request."""
    status = getattr(exc, "status_code", None)
    return f"{type(exc).__name__}" + (f" (HTTP {status})" if status is not None else "")


def retry_after(exc: BaseException) -> float | None:
    """The seconds a 429 or 503 asks the client to wait (retry-after-ms or Retry-After), or None."""
    if getattr(exc, "status_code", None) not in (429, 503):
        return None
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(float(value) * scale, 0.0)
        except ValueError:
            pass
        try:  # Retry-After may also be an HTTP date
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return max(when.timestamp() - time.time(), 0.0)
    return None


class _GaveUp(Exception):
    """The endpoint failed in a way that makes the next calls fail too: rest it for `rest` seconds."""

    def __init__(self, error: Exception, attempts: int, rest: float) -> None:
        super().__init__(_describe(error))
        self.attempts, self.rest = attempts, rest


class StructuredLLM:
    """One JSON-mode call per `ask`, parsed into a Pydantic schema, or None.

    `calls` counts logical calls (failed and skipped ones included), `attempts` the requests
    actually sent and `skipped` the calls answered without the model while it rests, so
    callers can hold a turn to a fixed LLM budget.

    An `ask` retries transient errors only while the retry can finish within `max_seconds`,
    taking the next attempt to be as slow as the last, and never waits longer than `max_wait`:
    a server that asks (Retry-After) for longer, or fails every attempt, is rested instead,
    so the other call of the turn and the turns after it go to the rules at once.
    """

    def __init__(
        self,
        model: BaseChatModel,
        *,
        max_attempts: int = 3,
        max_seconds: float = 30.0,
        initial_wait: float = 0.5,
        max_wait: float = 4.0,
        rest_seconds: float = 60.0,
    ) -> None:
        self.model = model
        self.rest_seconds = rest_seconds
        self._resting_until = 0.0
        self._skipped_this_rest = 0
        self._rest_lock = threading.Lock()
        self.max_attempts = max_attempts
        self.max_seconds = max_seconds
        self.initial_wait = initial_wait
        self.max_wait = max_wait
        self.calls = 0
        self.failures = 0
        self.attempts = 0
        self.skipped = 0
        self._runnables: dict[type[BaseModel], Runnable] = {}

    def _structured(self, schema: type[BaseModel]) -> Runnable:
        runnable = self._runnables.get(schema)
        if runnable is None:
            runnable = self.model.with_structured_output(schema, method="json_mode", include_raw=True)
            self._runnables[schema] = runnable
        return runnable

    def ask(self, schema: type[BaseModel], system: str, user: str) -> BaseModel | None:
        self.calls += 1
        if self._resting(schema):
            self.failures += 1
            return None
        messages: list[BaseMessage] = [SystemMessage(system), HumanMessage(user)]
        try:
            result = self._send(self._structured(schema), messages)
        except _GaveUp as gave_up:
            self.failures += 1
            self._rest(schema, gave_up)
            return None
        except Exception as exc:
            return self._fail(schema, _describe(exc))

        parsed, error = self._parse(schema, result)
        if parsed is None:
            return self._fail(schema, f"unparseable reply: {error}")
        return parsed

    def _send(self, runnable: Runnable, messages: list[BaseMessage]) -> Any:
        """The reply; transient errors are retried (tenacity) while the attempts and the budget last,
        then raise _GaveUp. State lives in this call, not on self: worker threads share the client."""
        started = time.monotonic()
        sent, fits = [started], [True]

        def invoke() -> Any:
            self.attempts += 1
            sent[0] = time.monotonic()
            return runnable.invoke(messages)

        def stop(state: RetryCallState) -> bool:
            now, wait = time.monotonic(), self._wait(state)
            fits[0] = wait <= self.max_wait and (now - started) + wait + (now - sent[0]) <= self.max_seconds
            return state.attempt_number >= self.max_attempts or not fits[0]

        retrying = Retrying(
            retry=retry_if_exception_type(TRANSIENT_ERRORS) & retry_if_not_exception_type(openai.APITimeoutError),
            stop=stop,
            wait=self._wait,
            sleep=time.sleep,
            reraise=True,
        )
        try:
            return retrying(invoke)
        except openai.APITimeoutError as exc:  # it already took the whole wait a call can afford
            raise _GaveUp(exc, retrying.statistics.get("attempt_number", 1), self.rest_seconds) from exc
        except TRANSIENT_ERRORS as exc:
            asked = retry_after(exc)  # a server asking for longer than we can wait is left that long
            rest = min(asked, self.rest_seconds) if asked is not None and not fits[0] else self.rest_seconds
            raise _GaveUp(exc, retrying.statistics.get("attempt_number", 1), rest) from exc

    def _wait(self, state: RetryCallState) -> float:
        """What the server asked for (Retry-After), else exponential backoff."""
        error = state.outcome.exception() if state.outcome is not None else None
        asked = retry_after(error) if error is not None else None
        return asked if asked is not None else min(self.initial_wait * 2 ** (state.attempt_number - 1), self.max_wait)

    def _resting(self, schema: type[BaseModel]) -> bool:
        with self._rest_lock:  # worker threads share the client: one rest, counted once
            left = self._resting_until - time.monotonic()
            if left > 0:
                self.skipped += 1
                self._skipped_this_rest += 1
                log.debug("LLM call for %s skipped: the endpoint rests %.3g s more", schema.__name__, left)
                return True
            if self._resting_until:
                log.info("LLM endpoint tried again after its rest; %d call(s) went without it", self._skipped_this_rest)
                self._resting_until, self._skipped_this_rest = 0.0, 0
            return False

    def _rest(self, schema: type[BaseModel], gave_up: _GaveUp) -> None:
        with self._rest_lock:
            now = time.monotonic()
            starting = now >= self._resting_until  # another turn's call may have started the rest already
            self._resting_until = max(self._resting_until, now + gave_up.rest)
        log.log(
            logging.WARNING if starting else logging.INFO,
            "LLM call for %s gave up after %d attempt(s): %s; answering without the model for %.3g s",
            schema.__name__,
            gave_up.attempts,
            gave_up,
            gave_up.rest,
        )

    def _parse(self, schema: type[BaseModel], result: Any) -> tuple[BaseModel | None, str]:
        if not isinstance(result, dict) or "raw" not in result:
            return self._validate(schema, result)
        parsed = result.get("parsed")
        content = getattr(result.get("raw"), "content", None)
        if isinstance(content, str) and content.strip() and not _whole_json(content):
            return None, "no complete JSON object"  # a partial parse of a cut-off reply would pass for a reading
        if result.get("parsing_error") is None and parsed is not None:
            return self._validate(schema, parsed)
        reason = _describe(result["parsing_error"]) if result.get("parsing_error") else "no parsed value"
        if isinstance(content, str) and content.strip():
            try:
                return schema.model_validate_json(json_body(content)), ""
            except ValidationError as exc:
                return None, f"{reason}; after stripping fences: {exc.error_count()} validation error(s)"
        return None, reason

    @staticmethod
    def _validate(schema: type[BaseModel], value: Any) -> tuple[BaseModel | None, str]:
        if isinstance(value, schema):
            return value, ""
        if isinstance(value, BaseModel):
            value = value.model_dump()
        try:
            return schema.model_validate(value), ""
        except ValidationError as exc:
            return None, f"{exc.error_count()} validation error(s)"

    def _fail(self, schema: type[BaseModel], reason: str) -> None:
        self.failures += 1
        log.warning("LLM call for %s failed: %s", schema.__name__, reason)
        return None


def make_chat_model(*, api_key: str | None, base_url: str | None, model: str, timeout: float) -> BaseChatModel:
    """Build the OpenAI-compatible client; retries are left to StructuredLLM.

    Chat Completions is forced because local servers (llama.cpp, Ollama, vLLM) speak it
    and not the Responses API. Local servers ignore the key but the client demands one.
    """
    return ChatOpenAI(
        model=model,
        api_key=api_key or "not-needed",
        base_url=base_url,
        timeout=timeout,
        max_retries=0,
        temperature=0.2,
        use_responses_api=False,
    )
