"""Structured calls to a chat model that degrade to None instead of raising.

The graph treats the model as optional help on top of rule-based understanding, so a
bad reply, an unreachable server or a wrong key must cost one turn's polish, never the
turn. Retries belong to tenacity here, not to the OpenAI client, so that one place owns
the budget (attempts, backoff, total seconds) and the counters the graph asserts on.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, ValidationError
from tenacity import (
    RetryError,
    Retrying,
    retry_if_exception_type,
    retry_if_not_exception_type,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential,
)

log = logging.getLogger(__name__)

# retried: a request that failed fast may succeed next time; one that timed out (APITimeoutError, an
# APIConnectionError) is not, as it already used the whole wait a turn can afford
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    openai.RateLimitError,
    openai.InternalServerError,
    openai.APIConnectionError,
)
# after these the endpoint is left alone for a while (`rest_seconds`): a server that hangs or is
# down would otherwise cost every turn its whole timeout, twice (reading and explaining)
UNREACHABLE_ERRORS: tuple[type[Exception], ...] = (openai.APITimeoutError, openai.APIConnectionError)

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


class StructuredLLM:
    """One JSON-mode call per `ask`, parsed into a Pydantic schema, or None.

    `calls` counts logical calls (failed ones included) and `attempts` the requests
    actually sent, so callers can hold a turn to a fixed LLM budget.
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
        self.max_attempts = max_attempts
        self.max_seconds = max_seconds
        self.initial_wait = initial_wait
        self.max_wait = max_wait
        self.calls = 0
        self.failures = 0
        self.attempts = 0
        self._runnables: dict[type[BaseModel], Runnable] = {}

    def _structured(self, schema: type[BaseModel]) -> Runnable:
        runnable = self._runnables.get(schema)
        if runnable is None:
            runnable = self.model.with_structured_output(schema, method="json_mode", include_raw=True)
            self._runnables[schema] = runnable
        return runnable

    def _retrying(self) -> Retrying:
        return Retrying(
            retry=retry_if_exception_type(TRANSIENT_ERRORS) & retry_if_not_exception_type(openai.APITimeoutError),
            stop=stop_after_attempt(self.max_attempts) | stop_before_delay(self.max_seconds),
            wait=wait_exponential(multiplier=self.initial_wait, max=self.max_wait),
            reraise=False,
        )

    def _invoke(self, runnable: Runnable, messages: list[BaseMessage]) -> Any:
        self.attempts += 1
        return runnable.invoke(messages)

    def ask(self, schema: type[BaseModel], system: str, user: str) -> BaseModel | None:
        self.calls += 1
        if time.monotonic() < self._resting_until:  # unreachable a moment ago: the rules answer alone
            self.failures += 1
            return None
        messages: list[BaseMessage] = [SystemMessage(system), HumanMessage(user)]
        try:
            runnable = self._structured(schema)
            result = self._retrying()(self._invoke, runnable, messages)
        except RetryError as exc:
            last = exc.last_attempt.exception()
            self._rest_after(last)
            return self._fail(schema, f"gave up after {exc.last_attempt.attempt_number} attempts: {_describe(last)}")
        except Exception as exc:
            self._rest_after(exc)
            return self._fail(schema, _describe(exc))

        parsed, error = self._parse(schema, result)
        if parsed is None:
            return self._fail(schema, f"unparseable reply: {error}")
        return parsed

    def _rest_after(self, error: BaseException | None) -> None:
        if isinstance(error, UNREACHABLE_ERRORS):
            self._resting_until = time.monotonic() + self.rest_seconds
            log.warning("LLM endpoint unreachable; answering without it for %.0f s", self.rest_seconds)

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
