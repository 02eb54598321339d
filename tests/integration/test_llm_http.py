"""The real langchain-openai client against a loopback OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from agent.llm import StructuredLLM, make_chat_model
from tests.fakes import FakeOpenAIServer

HEAT = '{"title": "Heat", "year": 1995}'


class Pick(BaseModel):
    title: str
    year: int


pytestmark = pytest.mark.usefixtures("no_tiktoken")  # tests/conftest.py


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as srv:
        yield srv


def make_llm(server: FakeOpenAIServer, *, api_key: str | None = None, timeout: float = 2.0) -> StructuredLLM:
    model = make_chat_model(api_key=api_key, base_url=server.base_url, model="local-model", timeout=timeout)
    return StructuredLLM(model, initial_wait=0.01, max_wait=0.05)


def test_good_answer_is_parsed_and_request_is_json_mode(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.ok(HEAT))
    llm = make_llm(server, api_key="sk-test")

    assert llm.ask(Pick, "Pick one film. Reply in JSON.", "a tense heist film") == Pick(title="Heat", year=1995)

    [request] = server.requests
    assert request["model"] == "local-model"
    assert request["response_format"] == {"type": "json_object"}
    assert request["messages"] == [
        {"role": "system", "content": "Pick one film. Reply in JSON."},
        {"role": "user", "content": "a tense heist film"},
    ]
    assert server.request_headers[0]["authorization"] == "Bearer sk-test"


def test_missing_api_key_sends_a_placeholder(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.ok(HEAT))

    assert make_llm(server, api_key=None).ask(Pick, "s", "u") == Pick(title="Heat", year=1995)

    assert server.request_headers[0]["authorization"] == "Bearer not-needed"


def test_rate_limit_then_success_is_retried(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.status(429), FakeOpenAIServer.ok(HEAT))
    llm = make_llm(server)

    assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)

    assert len(server.requests) == 2
    assert server.requests[0] == server.requests[1]
    assert (llm.calls, llm.failures) == (1, 0)


def test_three_server_errors_give_none_after_three_attempts(server: FakeOpenAIServer) -> None:
    server.queue(*(FakeOpenAIServer.status(500) for _ in range(3)), FakeOpenAIServer.ok(HEAT))
    llm = make_llm(server)

    assert llm.ask(Pick, "s", "u") is None

    assert len(server.requests) == 3
    assert (llm.calls, llm.failures) == (1, 1)


def test_503_then_success(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.status(503, "Service Unavailable"), FakeOpenAIServer.ok(HEAT))

    assert make_llm(server).ask(Pick, "s", "u") == Pick(title="Heat", year=1995)
    assert len(server.requests) == 2


def test_a_slow_answer_times_out_once_and_the_endpoint_rests(server: FakeOpenAIServer) -> None:
    """A timeout is not retried (it already cost the whole wait), and the next calls skip the endpoint
    for a while: a hung server cost every turn about 90 s, twice its timeout, retried."""
    server.queue(*(FakeOpenAIServer.slow(2.0, HEAT) for _ in range(3)))
    llm = make_llm(server, timeout=0.5)

    assert llm.ask(Pick, "s", "u") is None  # without the timeout the slow answer would come back as Heat
    assert llm.ask(Pick, "s", "u") is None  # resting: not sent

    assert len(server.requests) == 1


def test_after_its_rest_the_endpoint_is_tried_again(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.slow(2.0, '{"title": "Too late", "year": 1}'), FakeOpenAIServer.ok(HEAT))
    llm = make_llm(server, timeout=0.5)

    assert llm.ask(Pick, "s", "u") is None
    llm._resting_until = 0.0  # the rest is over
    assert llm.ask(Pick, "s", "u") == Pick(title="Heat", year=1995)
    assert len(server.requests) == 2


def test_non_json_content_gives_none_without_retry(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.bad_json_content("You should watch Heat (1995)."))
    llm = make_llm(server)

    assert llm.ask(Pick, "s", "u") is None

    assert len(server.requests) == 1
    assert llm.failures == 1


def test_json_of_the_wrong_shape_gives_none(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.ok('{"film": "Heat"}'))

    assert make_llm(server).ask(Pick, "s", "u") is None


@pytest.mark.parametrize("content_type", ["application/json", "text/html"])
def test_non_json_body_gives_none_without_retry(server: FakeOpenAIServer, content_type: str) -> None:
    server.queue(FakeOpenAIServer.garbage(content_type))

    assert make_llm(server).ask(Pick, "s", "u") is None
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "content",
    [
        '```json\n{"title": "Heat", "year": 1995}\n```',
        'Here is my pick:\n```json\n{"title": "Heat", "year": 1995}\n```\nEnjoy!',
    ],
    ids=["bare-fence", "fence-in-prose"],
)
def test_fenced_json_content_is_parsed(server: FakeOpenAIServer, content: str) -> None:
    server.queue(FakeOpenAIServer.ok(content))

    assert make_llm(server).ask(Pick, "s", "u") == Pick(title="Heat", year=1995)
    assert len(server.requests) == 1


def test_unauthorized_gives_none_after_exactly_one_request(server: FakeOpenAIServer) -> None:
    server.queue(FakeOpenAIServer.status(401, {"error": {"message": "Incorrect API key", "type": "invalid_request"}}))
    llm = make_llm(server, api_key="sk-wrong")

    assert llm.ask(Pick, "s", "u") is None

    assert len(server.requests) == 1
    assert (llm.calls, llm.failures) == (1, 1)


def test_unreachable_server_gives_none() -> None:
    with FakeOpenAIServer() as srv:
        base_url = srv.base_url
    model = make_chat_model(api_key=None, base_url=base_url, model="local-model", timeout=0.5)
    llm = StructuredLLM(model, initial_wait=0.01, max_wait=0.05)

    assert llm.ask(Pick, "s", "u") is None
    assert llm.attempts == 3
