"""A misbehaving model behind the real langchain-openai client (a loopback OpenAI-compatible
server): its invented titles, pings and links never reach the answer (issue 16 §3)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from agent.deps import AgentConfig
from agent.llm import StructuredLLM, make_chat_model
from agent.service import build_service
from store.profiles import ProfileStore
from tests.fakes import FakeOpenAIServer
from tests.unit.test_untrusted import ask_twice, assert_nothing_untrusted_reaches, misbehaving

pytestmark = pytest.mark.usefixtures("no_tiktoken")  # tests/conftest.py


def test_a_misbehaving_model_over_http_reaches_no_user(starter):
    profiles = ProfileStore(None)
    with FakeOpenAIServer() as server:
        model = make_chat_model(api_key="sk-test", base_url=server.base_url, model="local-model", timeout=5.0)
        llm = StructuredLLM(model, initial_wait=0.01, max_wait=0.05)
        service = build_service(starter, profiles, llm=llm, config=AgentConfig(explore=False),
                                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip

        def replies(*answers: dict) -> None:
            server.queue(*(FakeOpenAIServer.ok(json.dumps(a)) for a in answers))

        answer, picks = ask_twice(service, replies, misbehaving)
        assert len(server.requests) == 4  # two calls a turn: reading and explaining
    assert_nothing_untrusted_reaches(answer, picks)
    service.close()
    profiles.close()
