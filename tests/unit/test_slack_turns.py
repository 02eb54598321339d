"""Slack turns as the user lives them when Slack or people misbehave: quick messages in one
thread, posts failing part-way, threads the bot joins late. Real listeners and a real
MovieService on the starter catalog; fakes only for Slack's Web API."""

from __future__ import annotations

import threading

import pytest

from bot.slack.blocks import REACTION_NAMES
from bot.slack.deps import SlackDeps
from bot.slack.listeners import commands, events, messages
from bot.slack.posting import NOT_IN_CHANNEL
from tests.unit.test_slack_harness import (
    ANA,
    BEN,
    BOT_USER,
    CHANNEL,
    TEAM,
    Ack,
    FakeClient,
    InlineExecutor,
    Respond,
    command,
    key,
    mention,
    message,
    reaction,
)

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


# -- posting fails part-way ------------------------------------------------------------------


def test_picks_slack_refused_are_withdrawn_and_the_user_is_told(deps, context):
    client = FakeClient(failures={"chat_postMessage": [None, None, "ratelimited"]})  # intro, pick 1, then refused
    thread = "1699990000.000100"
    events.app_mention(mention("a crime thriller from the 90s", ts=thread), client, context)
    *_, told = client.of("chat_postMessage")
    assert told["thread_ts"] == thread
    assert told["text"] == 'I couldn\'t post the other 2 picks (Slack said: ratelimited). Say "more" to try again.'
    first = client.of("chat_postMessage")[1]
    suggestions = deps.service.profiles.suggestions(key(ANA))
    assert [s["message_id"] for s in suggestions] == [f"{CHANNEL}:1700000000.000002"]  # only the pick shown
    assert first["text"].startswith(deps.service.catalog.get(suggestions[0]["movie_id"]).title)
    assert [r["name"] for r in client.of("reactions_add")] == list(REACTION_NAMES)  # the pick shown can be rated


def test_a_dropped_connection_while_reacting_takes_back_no_pick_that_is_up(deps, context):
    """A broken connection on reactions.add after pick 1 was up withdrew pick 1, so reactions on it
    found nothing, and the user read "I couldn't post the other 3 picks" under the pick they could see."""
    client = FakeClient(failures={"reactions_add": ["dropped"]})
    events.app_mention(mention("a crime thriller from the 90s", ts="1699990000.000100"), client, context)
    posts = client.of("chat_postMessage")
    assert len(posts) == 4 and not any("couldn't post" in p["text"] for p in posts)
    assert len(deps.service.profiles.suggestions(key(ANA))) == 3


def test_a_pick_gets_its_reactions_before_the_next_pick_is_posted(client, context):
    events.app_mention(mention("a comedy", ts="1699990000.000100"), client, context)
    order = [name for name, _ in client.calls if name in ("chat_postMessage", "reactions_add")]
    assert order == ["chat_postMessage"] + (["chat_postMessage"] + ["reactions_add"] * 9) * 3


def test_a_channel_it_cannot_post_in_withdraws_every_pick_and_says_so_in_a_dm(deps, context):
    client = FakeClient(failures={"chat_postMessage": ["not_in_channel"]})
    events.app_mention(mention("a comedy", ts="1699990000.000100"), client, context)
    [_, dm] = client.of("chat_postMessage")
    assert dm["channel"] == ANA and dm["text"] == NOT_IN_CHANNEL
    assert deps.service.profiles.suggestions(key(ANA)) == []


def test_recommend_refused_part_way_withdraws_the_rest(deps, context):
    client = FakeClient(failures={"chat_postMessage": [None, "channel_not_found"]})  # the head, then no more
    ack, respond = Ack(), Respond()
    commands.recommend(ack=ack, command=command("/recommend", "a comedy"), respond=respond, client=client,
                       context=context)  # fmt: skip
    assert respond.last["text"] == NOT_IN_CHANNEL and respond.last["response_type"] == "ephemeral"
    assert deps.service.profiles.suggestions(key(ANA)) == []


@pytest.mark.parametrize("error", ["ratelimited", "msg_too_long", "service_unavailable"])
def test_a_command_slack_refuses_to_post_says_what_slack_said(context, error):
    """/recommend and /movienight told the user to invite the bot whatever Slack said, a rate limit
    included: in a channel it was in already, that sent them off to do something that helps nothing."""
    said = {}
    for name, text in (("recommend", "a comedy"), ("movienight", f"<@{BEN}|ben> something funny")):
        respond = Respond()
        getattr(commands, name)(ack=Ack(), command=command(f"/{name}", text), respond=respond, context=context,
                                client=FakeClient(failures={"chat_postMessage": [error]}))  # fmt: skip
        said[name] = respond.last["text"]
        assert respond.last["response_type"] == "ephemeral"
    assert said["recommend"] == f"I couldn't post in this channel (Slack said: {error}). Please ask again in a moment."
    assert said["movienight"] == f"I couldn't post the pick (Slack said: {error}). Please ask again in a moment."


def test_a_command_in_a_channel_it_is_not_in_still_asks_to_be_invited(context):
    for name, text in (("recommend", "a comedy"), ("movienight", f"<@{BEN}|ben> something funny")):
        respond = Respond()
        getattr(commands, name)(ack=Ack(), command=command(f"/{name}", text), respond=respond, context=context,
                                client=FakeClient(failures={"chat_postMessage": ["not_in_channel"]}))  # fmt: skip
        assert respond.last["text"] == NOT_IN_CHANNEL


# -- threads ---------------------------------------------------------------------------------


def test_a_thread_it_was_mentioned_in_late_is_followed_up_after_all(client, context):
    thread = "1699990000.000001"
    messages.message(message("who's up for a film?", ts="1699990000.000010", thread_ts=thread), client, context)
    assert client.of("chat_postMessage") == []  # none of its business yet
    events.app_mention(mention("a comedy", ts="1699990000.000020", thread_ts=thread), client, context)
    answered = len(client.of("chat_postMessage"))
    messages.message(message("more", ts="1699990000.000030", thread_ts=thread), client, context)
    more = client.of("chat_postMessage")[answered:]
    assert len(more) == 4 and all(p["thread_ts"] == thread for p in more)


def test_someone_elses_follow_up_in_a_thread_goes_on_from_its_request_with_their_own_taste(deps, client, context):
    """Ben's "more but funnier" under Ana's "a heist movie from the 2000s" started an empty conversation
    of his own, so it had nothing to go on: he got funny films of any kind and era."""
    seen = {"pineapple-express-2008", "super-troopers-2001", "white-chicks-2004"}
    for movie in seen:
        deps.service.watched_add(key(BEN), movie)
    thread = "1699990000.000100"
    events.app_mention(mention("a heist movie from the 2000s", ts=thread), client, context)
    answered = len(client.of("chat_postMessage"))
    messages.message(message("more but funnier", user=BEN, ts="1699990000.000200", thread_ts=thread), client, context)
    intro, *picks = client.of("chat_postMessage")[answered:]
    assert "2000s" in intro["text"] and all(p["thread_ts"] == thread for p in picks)
    films = [deps.service.catalog.get(s["movie_id"]) for s in deps.service.profiles.suggestions(key(BEN))]
    assert len(films) == len(picks) == 3
    assert all(2000 <= m.year <= 2009 and "crime" in m.genres for m in films), [m.label for m in films]
    assert not {m.id for m in films} & seen  # Ben's own watched list decides
    assert not {m.id for m in films} & {s["movie_id"] for s in deps.service.profiles.suggestions(key(ANA))}


# -- long answers ----------------------------------------------------------------------------


def test_a_long_answer_comes_in_a_few_messages_rated_in_words(deps, client, context):
    events.app_mention(mention("give me 25 comedies", ts="1699990000.000100"), client, context)
    intro, *posts = client.of("chat_postMessage")
    assert intro["text"].startswith("Here are 25 picks")
    assert len(posts) == 3 and client.of("reactions_add") == []
    sections = [b for post in posts for b in post["blocks"] if b["type"] == "section"]
    assert [s["text"]["text"].split(".", 1)[0] for s in sections] == [f"*{n}" for n in range(1, 26)]
    assert all('"loved the 12th one"' in post["blocks"][-1]["elements"][0]["text"] for post in posts)
    assert all(len(post["blocks"]) <= 50 for post in posts)
    assert len(deps.service.profiles.suggestions(key(ANA))) == 25


def test_a_rating_reaction_on_a_message_of_several_picks_is_answered_not_lost(deps, client, context):
    """A 👍 on a message of ten picks counted for no film and nobody said so: the user believed it rated one.
    Then the note went to the channel, away from the thread the picks are in."""
    events.app_mention(mention("give me 25 comedies", ts="1699990000.000100"), client, context)
    _, *posts = client.of("chat_postMessage")
    second = f"{CHANNEL}:1700000000.000003"  # the intro is .000001, the first ten .000002
    assert "*11. " in posts[1]["blocks"][0]["text"]["text"]
    events.reaction_added(reaction("+1::skin-tone-2", second, event_ts="1700000100.000001"), client, context)
    events.reaction_added(reaction("tada", second, event_ts="1700000100.000002"), client, context)
    events.reaction_removed(reaction("+1::skin-tone-2", second, added=False, event_ts="1700000100.000003"), client,
                            context)  # fmt: skip
    [told] = client.of("chat_postEphemeral")
    assert told["user"] == ANA and told["channel"] == CHANNEL
    assert told.get("thread_ts") == "1699990000.000100"  # under the picks, not in the channel below them
    assert "didn't count it" in told["text"] and '"loved the 12th one"' in told["text"]
    assert deps.service.profiles.feedback_events() == []


def test_after_a_restart_a_rating_reaction_on_a_message_of_several_picks_is_still_answered(deps, client):
    """The messages of several picks were known only in memory: after a restart a 5 on one counted
    for no film and nobody said so."""
    events.app_mention(mention("give me 25 comedies", ts="1699990000.000100"), client, {"moviebot": deps,
                                                                                     "team_id": TEAM})  # fmt: skip
    restarted = SlackDeps(deps.service, work=InlineExecutor(), bot_user_id=BOT_USER)
    second = f"{CHANNEL}:1700000000.000003"
    events.reaction_added(reaction("five", second, event_ts="1700000100.000001"), client,
                          {"moviebot": restarted, "team_id": TEAM})  # fmt: skip
    [told] = client.of("chat_postEphemeral")
    assert told["user"] == ANA and told.get("thread_ts") == "1699990000.000100"
    assert "didn't count it" in told["text"]
    assert deps.service.profiles.feedback_events() == []
    restarted.close()


def test_a_follow_up_typed_while_recommend_answers_waits_for_it(pooled, client, monkeypatch):
    """/recommend answered outside its thread's turn, so a "more" typed in the thread meanwhile ran
    at the same time, and the two answers' picks interleaved."""
    import time

    context = {"moviebot": pooled, "team_id": TEAM}
    turns = Turns(pooled.service, {"a comedy": "more"})  # the /recommend turn lingers, as a slow one does
    monkeypatch.setattr(pooled.service, "chat", turns)
    commands.recommend(ack=Ack(), command=command("/recommend", "a comedy"), respond=Respond(), client=client,
                       context=context)  # fmt: skip
    for _ in range(200):  # until "Looking for films…" is up and its turn has begun
        if client.of("chat_postMessage") and turns.started:
            break
        time.sleep(0.01)
    head = client.of("chat_postMessage")[0]
    thread = "1700000000.000001"
    pooled.threads.add(f"{head['channel']}:{thread}")
    messages.message(message("more", ts="1700000000.000900", thread_ts=thread), client, context)
    pooled.settle()
    assert turns.started == ["a comedy", "more"] and turns.met == {"a comedy": False} and not turns.overlapped
