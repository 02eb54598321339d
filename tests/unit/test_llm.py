from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import openai
import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from agent.llm import StructuredLLM, retry_after, strip_code_fences
from tests.fakes import FakeChatModel

_REQUEST = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")


class Pick(BaseModel):
    title: str
    year: int


def status_error(
    cls: type[openai.APIStatusError], code: int, headers: dict[str, str] | None = None
) -> openai.APIStatusError:
    return cls(f"HTTP {code}", response=httpx.Response(code, headers=headers, request=_REQUEST), body=None)


def resting_for(llm: StructuredLLM) -> float:
    return max(llm._resting_until - time.monotonic(), 0.0)


def make_llm(*replies: object) -> tuple[StructuredLLM, FakeChatModel]:
    fake = FakeChatModel(replies=list(replies))
    return StructuredLLM(fake, initial_wait=0.001, max_wait=0.005), fake


def test_valid_reply_is_parsed_and_prompt_is_system_then_user() -> None:
    llm, fake = make_llm('{"title": "Heat", "year": 1995}')

    assert llm.ask(Pick, "You pick films. Answer in JSON.", "something tense") == Pick(title="Heat", year=1995)

    assert fake.prompts == [[SystemMessage("You pick films. Answer in JSON."), HumanMessage("something tense")]]
    assert (llm.calls, llm.failures, llm.attempts) == (1, 0, 1)


def test_dict_and_model_replies_are_validated_into_the_schema() -> None:
    llm, _ = make_llm({"title": "Se7en", "year": "1995"}, Pick(title="Heat", year=1995))

    assert llm.ask(Pick, "s", "u") == Pick(title="Se7en", year=1995)
    assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)


def test_garbage_reply_gives_none_and_one_warning_without_the_prompt(caplog: pytest.LogCaptureFixture) -> None:
    llm, _ = make_llm("I think you would enjoy Heat!")

    with caplog.at_level(logging.WARNING, logger="agent.llm"):
        assert llm.ask(Pick, "SECRET SYSTEM PROMPT", "private user text") is None

    assert (llm.calls, llm.failures, llm.attempts) == (1, 1, 1)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "Pick" in warnings[0].getMessage()
    assert "SECRET" not in caplog.text and "private user text" not in caplog.text


def test_reply_failing_validation_gives_none() -> None:
    llm, _ = make_llm('{"title": "Heat"}', {"title": "Heat", "year": "nineteen"})

    assert llm.ask(Pick, "s", "u") is None
    assert llm.ask(Pick, "s", "u") is None
    assert llm.failures == 2


def test_fenced_json_is_recovered() -> None:
    llm, _ = make_llm('Here you go:\n```json\n{"title": "Amélie", "year": 2001}\n```')

    assert llm.ask(Pick, "s", "u") == Pick(title="Amélie", year=2001)
    assert llm.failures == 0


@pytest.mark.parametrize(
    "transient",
    [
        status_error(openai.RateLimitError, 429),
        status_error(openai.InternalServerError, 503),
        openai.APIConnectionError(request=_REQUEST),
    ],
    ids=["429", "503", "connection"],
)
def test_transient_error_is_retried_then_succeeds(transient: Exception) -> None:
    llm, fake = make_llm(transient, '{"title": "Heat", "year": 1995}')

    assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)

    assert len(fake.prompts) == 2
    assert fake.prompts[0] == fake.prompts[1]
    assert (llm.calls, llm.failures, llm.attempts) == (1, 0, 2)


def test_transient_errors_stop_after_max_attempts() -> None:
    llm, fake = make_llm(*(status_error(openai.RateLimitError, 429) for _ in range(3)))

    assert llm.ask(Pick, "s", "u") is None

    assert len(fake.prompts) == 3
    assert not fake.replies
    assert (llm.calls, llm.failures) == (1, 1)


def test_total_time_cap_stops_retrying_early() -> None:
    fake = FakeChatModel(replies=[status_error(openai.RateLimitError, 429)] * 3)
    llm = StructuredLLM(fake, max_seconds=0.05, initial_wait=1.0, max_wait=1.0)

    assert llm.ask(Pick, "s", "u") is None

    assert len(fake.prompts) == 1


@pytest.mark.parametrize(
    "error",
    [
        status_error(openai.AuthenticationError, 401),
        status_error(openai.BadRequestError, 400),
        ValueError("something unexpected"),
    ],
    ids=["401", "400", "other"],
)
def test_non_transient_error_gives_none_without_retry(error: Exception) -> None:
    llm, fake = make_llm(error, '{"title": "Heat", "year": 1995}')

    assert llm.ask(Pick, "s", "u") is None

    assert len(fake.prompts) == 1
    assert len(fake.replies) == 1
    assert (llm.calls, llm.failures, llm.attempts) == (1, 1, 1)


def test_a_reply_cut_off_mid_json_is_no_reading() -> None:
    """`{"title": "Heat", "year": 19` was completed by the lenient parser into a reading."""
    llm, _ = make_llm('{"title": "Heat", "year": 1995, "extra": [', 'Sure! {"title": "Heat", "year": 1995} Enjoy.')

    assert llm.ask(Pick, "s", "u") is None
    assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)


def test_a_timeout_is_not_retried_and_the_endpoint_rests_before_the_next_call() -> None:
    """A hung server cost every turn its timeout twice over, retried, for the reading and the explanations."""
    fake = FakeChatModel(replies=[openai.APITimeoutError(request=_REQUEST), '{"title": "Heat", "year": 1995}'])
    llm = StructuredLLM(fake, initial_wait=0.001, max_wait=0.005, rest_seconds=60.0)

    assert llm.ask(Pick, "s", "u") is None
    assert llm.ask(Pick, "s", "u") is None  # resting: not sent
    assert (len(fake.prompts), llm.calls, llm.failures) == (1, 2, 2)
    llm._resting_until = 0.0  # the rest is over
    assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)


def test_a_429_asking_for_30_s_costs_one_request_and_rests_that_long() -> None:
    """Retries came 0.5 s and 1 s after a "Retry-After: 10", and every later turn sent three more."""
    fake = FakeChatModel(replies=[status_error(openai.RateLimitError, 429, {"Retry-After": "30"})] * 3)
    llm = StructuredLLM(fake, initial_wait=0.001, max_wait=0.005, rest_seconds=60.0)

    assert llm.ask(Pick, "s", "u") is None
    assert 29 < resting_for(llm) <= 30
    assert llm.ask(Pick, "s", "u") is None  # the explanations of the same turn: not sent

    assert len(fake.prompts) == 1
    assert (llm.calls, llm.failures, llm.attempts, llm.skipped) == (2, 2, 1, 1)


def test_a_retry_after_beyond_the_rest_is_cut_to_the_rest() -> None:
    fake = FakeChatModel(replies=[status_error(openai.InternalServerError, 503, {"Retry-After": "3600"})])
    llm = StructuredLLM(fake, rest_seconds=60.0)

    assert llm.ask(Pick, "s", "u") is None
    assert 59 < resting_for(llm) <= 60


def test_a_short_retry_after_is_waited_for_then_retried() -> None:
    """The server's wait, not the backoff's 1 ms."""
    asked = status_error(openai.RateLimitError, 429, {"retry-after-ms": "150"})
    fake = FakeChatModel(replies=[asked, '{"title": "Heat", "year": 1995}'])
    llm = StructuredLLM(fake, initial_wait=0.001, max_wait=1.0)

    started = time.monotonic()
    assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)

    assert time.monotonic() - started >= 0.14
    assert (len(fake.prompts), llm.attempts) == (2, 2)


@pytest.mark.parametrize(
    "error",
    [status_error(openai.InternalServerError, 500), status_error(openai.RateLimitError, 429)],
    ids=["500", "429"],
)
def test_a_call_that_fails_every_attempt_rests_the_endpoint(error: Exception, caplog: pytest.LogCaptureFixture) -> None:
    """Repeated 500s cost every turn three requests for each of its two calls."""
    llm, fake = make_llm(*[error] * 3)
    llm.rest_seconds = 60.0

    with caplog.at_level(logging.DEBUG, logger="agent.llm"):
        assert llm.ask(Pick, "s", "u") is None
        assert llm.ask(Pick, "s", "u") is None
        assert llm.ask(Pick, "s", "u") is None

    assert len(fake.prompts) == 3
    assert (llm.calls, llm.failures, llm.attempts, llm.skipped) == (3, 3, 3, 2)
    assert 59 < resting_for(llm) <= 60
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "answering without the model for 60 s" in warnings[0]
    skips = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert len(skips) == 2 and all(r.levelno == logging.DEBUG for r in skips)


def test_the_first_call_after_a_rest_says_how_many_were_skipped(caplog: pytest.LogCaptureFixture) -> None:
    llm, _ = make_llm(*[status_error(openai.InternalServerError, 500)] * 3, '{"title": "Heat", "year": 1995}')
    llm.ask(Pick, "s", "u")
    llm.ask(Pick, "s", "u")
    llm._resting_until = time.monotonic() - 1  # the rest is over

    with caplog.at_level(logging.INFO, logger="agent.llm"):
        assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)

    assert "tried again after its rest; 1 call(s) went without it" in caplog.text


@pytest.mark.parametrize(
    ("status", "headers", "seconds"),
    [
        (429, {"Retry-After": "30"}, 30.0),
        (503, {"Retry-After": "2.5"}, 2.5),
        (429, {"retry-after-ms": "1500", "Retry-After": "9"}, 1.5),
        (429, {"Retry-After": "soon"}, None),
        (429, {}, None),
        (500, {"Retry-After": "30"}, None),
    ],
    ids=["seconds", "503", "ms-first", "garbage", "absent", "not-429-or-503"],
)
def test_retry_after_reads_the_header(status: int, headers: dict[str, str], seconds: float | None) -> None:
    cls = openai.RateLimitError if status == 429 else openai.InternalServerError
    asked = retry_after(status_error(cls, status, headers))

    assert asked == pytest.approx(seconds, abs=1.5) if seconds is not None else asked is None


def test_retry_after_reads_an_http_date() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)

    assert retry_after(status_error(openai.RateLimitError, 429, {"Retry-After": when})) == pytest.approx(20, abs=1.5)


def test_counters_accumulate_across_calls() -> None:
    llm, _ = make_llm('{"title": "Heat", "year": 1995}', "nope")

    llm.ask(Pick, "s", "u")
    llm.ask(Pick, "s", "u")

    assert (llm.calls, llm.failures) == (2, 1)


def test_fake_fails_loudly_on_an_unexpected_call() -> None:
    fake = FakeChatModel()

    with pytest.raises(AssertionError, match="no reply queued"):
        fake.invoke("hello")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('```json\n{"a": 1}\n```', '{"a": 1}'),
        ('```\n{"a": 1}\n```', '{"a": 1}'),
        ('Sure:\n```json\n{"a": 1}\n```\nEnjoy!', '{"a": 1}'),
        ('```json\n{"a": 1}', '{"a": 1}'),
        ('  {"a": 1}  ', '{"a": 1}'),
    ],
)
def test_strip_code_fences(text: str, expected: str) -> None:
    assert strip_code_fences(text) == expected
