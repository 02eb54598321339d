"""Slack turns as the user lives them when Slack or people misbehave: quick messages in one
thread, posts failing part-way, threads the bot joins late. Real listeners and a real
MovieService on the starter catalog; fakes only for Slack's Web API."""

from __future__ import annotations

import threading

import pytest

from bot.slack.deps import SlackDeps
from bot.slack.listeners import events, messages
from tests.unit.test_slack_harness import BOT_USER, TEAM, mention, message

pytest_plugins = ("tests.unit.test_slack_harness",)


@pytest.fixture
def pooled(slack_service):
    """Deps with their own worker pool, as in production, so turns can overlap."""
    deps = SlackDeps(slack_service, bot_user_id=BOT_USER)
    yield deps
    deps.close()


class Turns:
    """Wraps service.chat: which turns ran, and whether two of one conversation ever overlapped."""

    def __init__(self, service, waits_for: dict[str, str]):
        """`waits_for`: a turn's text -> the text whose turn it lingers for (2 s at most)."""
        self.chat, self.waits_for = service.chat, waits_for
        self.began = {text: threading.Event() for text in waits_for.values()}
        self.started: list[str] = []
        self.met: dict[str, bool] = {}  # a lingering turn's text -> whether the other turn began meanwhile
        self.running: dict[str, int] = {}
        self.overlapped = False
        self.lock = threading.Lock()

    def __call__(self, user, text, *, channel=None, **kwargs):
        with self.lock:
            self.started.append(text)
            self.running[channel] = self.running.get(channel, 0) + 1
            self.overlapped |= self.running[channel] > 1
        if text in self.began:
            self.began[text].set()
        if text in self.waits_for:
            self.met[text] = self.began[self.waits_for[text]].wait(timeout=2)
        try:
            return self.chat(user, text, channel=channel, **kwargs)
        finally:
            with self.lock:
                self.running[channel] -= 1


def test_two_quick_messages_in_one_thread_are_answered_one_after_the_other(pooled, client, monkeypatch):
    context = {"moviebot": pooled, "team_id": TEAM}
    thread = "1699990000.000100"
    events.app_mention(mention("a crime thriller from the 90s", ts=thread), client, context)
    pooled.settle()
    client.calls.clear()
    turns = Turns(pooled.service, {"more": "something older"})  # "more" lingers, as a slow turn does
    monkeypatch.setattr(pooled.service, "chat", turns)
    messages.message(message("more", ts="1699990000.000200", thread_ts=thread), client, context)
    messages.message(message("something older", ts="1699990000.000300", thread_ts=thread), client, context)
    pooled.settle()
    assert turns.met == {"more": False} and not turns.overlapped
    assert turns.started == ["more", "something older"]
    titles = [p["text"] for p in client.of("chat_postMessage") if len(p.get("blocks") or []) == 2]
    assert len(titles) == 6 and len(set(titles)) == 6  # two answers, no film twice


def test_turns_of_different_threads_still_run_in_parallel(pooled, client, monkeypatch):
    context = {"moviebot": pooled, "team_id": TEAM}
    turns = Turns(pooled.service, {"a comedy": "a western"})
    monkeypatch.setattr(pooled.service, "chat", turns)
    events.app_mention(mention("a comedy", ts="1699990000.000100"), client, context)
    events.app_mention(mention("a western", ts="1699990000.000200"), client, context)
    pooled.settle()
    assert turns.met == {"a comedy": True}  # the western began while the comedy was being answered
    assert len(client.of("chat_postMessage")) == 8
