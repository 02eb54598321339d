"""What a user waits for when the model's server is failing: the real client, wired as the runtime
wires it, against a loopback OpenAI-compatible server, under the recommender's turns."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from agent.deps import AgentConfig, Deps
from agent.llm import StructuredLLM
from agent.recommender import Recommender
from bot.runtime import make_llm
from bot.settings import Settings
from store.profiles import ProfileStore
from tests.fakes import FakeOpenAIServer

pytestmark = pytest.mark.usefixtures("no_tiktoken")  # tests/conftest.py


class Pick(BaseModel):
    title: str
    year: int


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as srv:
        yield srv


@pytest.fixture
def profiles() -> Iterator[ProfileStore]:
    store = ProfileStore(None)
    yield store
    store.close()


def runtime_llm(server: FakeOpenAIServer, timeout: str = "20") -> StructuredLLM:
    llm = make_llm(Settings.from_env({"OPENAI_BASE_URL": server.base_url, "MOVIEBOT_LLM_TIMEOUT": timeout}))
    assert isinstance(llm, StructuredLLM)
    return llm


def make_bot(catalog, profiles, llm: StructuredLLM) -> Recommender:
    deps = Deps(catalog=catalog, profiles=profiles, llm=llm, config=AgentConfig(explore=False),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    return Recommender(deps)


def resting_for(llm: StructuredLLM) -> float:
    return max(llm._resting_until - time.monotonic(), 0.0)


def crime_picks(starter, result) -> bool:
    return len(result["recommendations"]) == 3 and all(
        "crime" in starter.movies[r["id"]].genres for r in result["recommendations"]
    )


def test_a_429_asking_for_30_s_costs_one_request_and_the_turns_go_on_without_the_model(starter, profiles, server):
    """Retry-After: 10 was retried 0.5 s and 1 s later, six requests a turn, and every turn the same."""
    server.queue(FakeOpenAIServer.status(429, headers={"Retry-After": "30"}))
    llm = runtime_llm(server)
    bot = make_bot(starter, profiles, llm)

    started = time.monotonic()
    first = bot.ask("a 90s crime thriller", user="cli:ann")
    second = bot.ask("a 90s crime thriller", user="cli:bea")

    assert len(server.requests) == 1 and llm.attempts == 1
    assert 25 < resting_for(llm) <= 30
    assert crime_picks(starter, first) and crime_picks(starter, second)
    assert time.monotonic() - started < 5  # no wait of 30 s, nor of 0.5 s and 1 s for retries


def test_a_slow_500_makes_one_turn_slow_and_then_the_model_rests(starter, profiles, server):
    """A 500 after 4.5 s with a 5 s timeout cost ~30 s every turn: three tries for each of two calls."""
    server.queue(*[FakeOpenAIServer.status(500, delay=0.6)] * 6)
    llm = runtime_llm(server, timeout="1")
    bot = make_bot(starter, profiles, llm)

    started = time.monotonic()
    first = bot.ask("a 90s crime thriller", user="cli:cy")
    slow_turn = time.monotonic() - started
    second = bot.ask("a 90s crime thriller", user="cli:di")

    # another 0.6 s try would overrun the 1 s a call may take; the explanations are not sent
    assert len(server.requests) == 1 and llm.attempts == 1
    assert llm.skipped >= 3 and llm.calls == llm.failures
    assert resting_for(llm) > 55
    assert crime_picks(starter, first) and crime_picks(starter, second)
    assert slow_turn < 3


def test_an_ask_stops_retrying_where_the_next_try_would_overrun_its_budget(server):
    server.queue(*[FakeOpenAIServer.status(500, delay=0.2)] * 3)
    llm = runtime_llm(server, timeout="1")
    llm.max_seconds, llm.initial_wait = 0.3, 0.01  # 0.2 s a failure: a second try cannot end within 0.3 s

    started = time.monotonic()
    assert llm.ask(Pick, "s", "u") is None

    assert len(server.requests) == 1 and llm.attempts == 1
    assert time.monotonic() - started < 1.0
