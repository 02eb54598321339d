"""`moviebot chat` in a terminal: the model's trouble is said once, in words, not as log lines."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import httpx
import openai
import pytest
from pydantic import BaseModel

from agent.llm import StructuredLLM
from agent.service_types import Turn
from bot.cli.terminal import LLM_TROUBLE, run_chat
from tests.fakes import FakeChatModel

_REQUEST = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")


class Reading(BaseModel):
    genres: list[str]


class ServiceOverAModel:
    """Reads each message with the model, as the recommender does, and answers from the rules."""

    def __init__(self, *replies: object) -> None:
        self.llm = StructuredLLM(FakeChatModel(replies=list(replies)), initial_wait=0.0, rest_seconds=0.0)

    def chat(self, user: str, text: str, *, channel: str | None = None) -> Turn:
        self.llm.ask(Reading, "Read the request.", text)
        return Turn(reply="Heat (1995) is a tense crime film.")


@pytest.fixture
def terminal() -> Iterator[io.StringIO]:
    """One screen for the conversation and the log lines, as `moviebot chat` logs to the terminal."""
    screen = io.StringIO()
    handler = logging.StreamHandler(screen)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root, llm = logging.getLogger(), logging.getLogger("agent.llm")
    levels = root.level, llm.level
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    llm.setLevel(logging.NOTSET)  # as the CLI leaves it (a `serve` run in this process sets it)
    yield screen
    root.removeHandler(handler)
    root.setLevel(levels[0])
    llm.setLevel(levels[1])


def test_a_failing_model_is_one_friendly_line_not_log_lines(terminal):
    """The line "WARNING agent.llm: LLM call for LLMRequest failed: ..." was printed in the middle of the chat."""
    unreachable = openai.APIConnectionError(request=_REQUEST)
    service = ServiceOverAModel(unreachable, unreachable, unreachable, "not json", "not json either")

    run_chat(service, "cli:eve", stdin=io.StringIO("a crime film\nanother\nand one more\n"), stdout=terminal)

    screen = terminal.getvalue()
    assert service.llm.failures == 3  # unreachable, then two replies that were no reading
    assert screen.count(LLM_TROUBLE) == 1
    assert screen.count("Heat (1995)") == 3
    assert "agent.llm" not in screen and "WARNING" not in screen
    assert logging.getLogger("agent.llm").propagate  # the session leaves logging as it found it

    logging.getLogger().setLevel(logging.DEBUG)  # --verbose: the lines are wanted as logged
    run_chat(ServiceOverAModel("not json"), "cli:eve", stdin=io.StringIO("a crime film\n"), stdout=terminal)
    assert "WARNING agent.llm: LLM call for Reading failed" in terminal.getvalue()
