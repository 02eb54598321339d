"""A whole Slack session through the real Bolt App, end to end.

Socket Mode request bodies (the envelopes Slack sends over the websocket) go through Bolt's own
SocketModeHandler.handle; a real slack_sdk WebClient talks to a mock Slack Web API on
127.0.0.1, and respond() posts to that mock's response_url. The real MovieService, recommender
graph, starter catalog and SQLite profile store sit behind it. The test asserts the Web API calls
made, their payloads, and what was stored.
"""

from __future__ import annotations

import itertools
import json
import random
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.blocks import REACTION_NAMES, pings_in
from bot.slack.deps import SlackDeps
from store.profiles import DISLIKE_STARS, LIKE_STARS
from tests.slack_web_api import BOT_USER, SlackWebAPI, SocketRecorder
from tests.unit.test_slack_harness import (
    ANA,
    BEN,
    NAMES,
    block_action,
    command,
    envelope,
    event_callback,
    key,
    mention,
    message,
    reaction,
)

pytest_plugins = ("tests.unit.test_slack_harness",)  # slack_service: the real service on the starter catalog

BOT_TOKEN = "xoxb-0000-test-token"


@dataclass
class SlackWorld:
    api: SlackWebAPI
    deps: SlackDeps
    handler: SocketModeHandler
    socket: SocketRecorder
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def deliver(self, kind: str, payload: dict, *, retry: int = 0, envelope_id: str | None = None):
        """One envelope through Bolt; returns its acknowledgement once the work it queued is done."""
        body = envelope(kind, payload, retry=retry, envelope_id=envelope_id or f"env-{next(self.ids)}")
        before = len(self.socket.sent)
        self.handler.handle(self.socket, SocketModeRequest.from_dict(body))
        [ack] = self.socket.sent[before:]
        assert ack.envelope_id == body["envelope_id"]
        self.deps.settle()
        return ack

    def event(self, event: dict, *, retry: int = 0, event_id: str | None = None):
        event_id = event_id or f"Ev{next(self.ids)}"
        return self.deliver("events_api", event_callback(event, event_id=event_id), retry=retry,
                            envelope_id=f"env-{event_id}-{retry}")  # fmt: skip

    def command(self, name: str, text: str = "", *, user: str = ANA):
        payload = command(name, text, user=user)
        payload["response_url"] = self.api.response_url(f"cmd-{next(self.ids)}")
        return self.deliver("slash_commands", payload)

    def click(self, action_id: str, value: str, *, user: str = ANA):
        payload = block_action(action_id, value, user=user)
        payload["response_url"] = self.api.response_url(f"act-{next(self.ids)}")
        return self.deliver("interactive", payload)

    def responses(self) -> list[dict]:
        return [call.payload for call in self.api.of("response_url")]


@pytest.fixture
def world(slack_service):
    api = SlackWebAPI(users={user: {"display_name": name} for user, name in NAMES.items()}).start()
    client = WebClient(token=BOT_TOKEN, base_url=api.api_url)
    deps = SlackDeps(slack_service)  # its own worker pool, as in production
    app = build_app(slack_service, Settings(), client=client, deps=deps)
    handler = SocketModeHandler(app, app_token="xapp-0000-test-token", web_client=client)
    try:
        yield SlackWorld(api, deps, handler, SocketRecorder())
    finally:
        handler.close()
        deps.close()
        api.stop()


def picks_posted(api: SlackWebAPI) -> list[tuple[str, dict]]:
    """(channel:ts, payload) of each pick message, in order, from the mock's calls and answers."""
    posts = api.of("chat.postMessage")
    found = []
    for number, call in enumerate(posts, 1):
        blocks = call.payload.get("blocks") or []
        if len(blocks) == 2 and blocks[1]["type"] == "context":
            found.append((number, call.payload))
    # the mock numbers timestamps in posting order (reactions.add answers carry no ts)
    stamps = [c.payload["timestamp"] for c in api.of("reactions.add")]
    ordered = list(dict.fromkeys(stamps))
    return [(f"{payload['channel']}:{ts}", payload) for (_, payload), ts in zip(found, ordered, strict=True)]


def test_a_whole_session_through_socket_mode(world: SlackWorld):
    api, service = world.api, world.deps.service
    profiles = service.profiles

    # 1. Ana mentions the bot: the intro and three picks in her message's thread, reactions pre-added.
    ack = world.event(mention("a crime thriller from the 90s", ts="1699990000.000100"))
    assert ack.payload is None  # acknowledged with an empty body
    posts = api.of("chat.postMessage")
    assert len(posts) == 4 and all(c.payload["thread_ts"] == "1699990000.000100" for c in posts)
    assert all(c.token == BOT_TOKEN for c in api.calls if c.method not in ("response_url", "upload"))
    assert posts[0].payload["text"].startswith("Here are 3 picks")
    picks = picks_posted(api)
    assert len(picks) == 3
    for message_key, payload in picks:
        section = payload["blocks"][0]
        assert section["type"] == "section" and section["text"]["text"].startswith("*")
        assert profiles.suggestion_by_message("slack", message_key)["user"] == key(ANA)
    reactions = api.of("reactions.add")
    assert [r.payload["name"] for r in reactions] == list(REACTION_NAMES) * 3
    first_key, _ = picks[0]
    movie = profiles.suggestion_by_message("slack", first_key)["movie_id"]

    # A follow-up in the thread, without a mention (a message.channels event): more picks, in the thread.
    world.event(message("more", ts="1699990000.000200", thread_ts="1699990000.000100"))
    more = [c.payload for c in api.of("chat.postMessage")[4:]]
    assert more and all(p["thread_ts"] == "1699990000.000100" for p in more)
    assert not {p["text"] for p in more} & {payload["text"] for _, payload in picks}

    # The bot's own reactions come back as events: Bolt drops them, nothing is recorded.
    world.event(reaction("five", first_key, user=BOT_USER, event_ts="1700000000.500001"))
    assert profiles.feedback_events() == []

    # 2. Ben reacts :five: on the first pick: his 5-star rating, and the film marked watched.
    world.event(reaction("five", first_key, user=BEN, event_ts="1700000001.000001"), event_id="EvFive")
    assert profiles.rating(key(BEN), movie) == 5.0 and profiles.has_watched(key(BEN), movie)

    # 3. The same event delivered again (a Slack retry): still one rating.
    world.event(reaction("five", first_key, user=BEN, event_ts="1700000001.000001"), event_id="EvFive", retry=1)
    assert [e["kind"] for e in profiles.feedback_events(key(BEN)) if e["kind"] == "stars"] == ["stars"]

    # 4. reaction_removed: undone, rating and watched both.
    world.event(reaction("five", first_key, user=BEN, added=False, event_ts="1700000002.000001"))
    assert profiles.rating(key(BEN), movie) is None and not profiles.has_watched(key(BEN), movie)

    # 5. /watched add, acknowledged at once; the answer comes to Ana only, through the response_url.
    ack = world.command("/watched", "add Se7en")
    assert ack.payload is None
    [added] = world.responses()
    assert added["response_type"] == "ephemeral" and added["text"] == "Marked Se7en (1995) as watched."
    assert profiles.has_watched(key(ANA), "se7en-1995")

    # 6. /watched list shows it.
    world.command("/watched", "list")
    listed = world.responses()[-1]
    assert "Se7en (1995)" in json.dumps(listed["blocks"], ensure_ascii=False) and "(1)" in listed["text"]

    # 7. /forget asks in its acknowledgement; the button deletes, answering in place.
    ack = world.command("/forget")
    assert ack.payload["response_type"] == "ephemeral"
    assert [e["action_id"] for e in ack.payload["blocks"][1]["elements"]] == ["forget_confirm", "forget_cancel"]
    assert profiles.has_watched(key(ANA), "se7en-1995")
    world.click("forget_confirm", "forget")
    done = world.responses()[-1]
    assert done["replace_original"] is True and done["text"].startswith("Done: I deleted everything")
    assert not profiles.has_watched(key(ANA), "se7en-1995") and profiles.ratings(key(ANA)) == {}

    # Nothing the bot sent could ping anyone.
    assert pings_in([c.payload for c in api.calls]) == []


def test_200_concurrent_reaction_events_end_in_each_reactions_last_state(world: SlackWorld):
    """Adds and removals for many (user, film) pairs, delivered shuffled from 10 threads as
    Socket Mode's worker pool would: the final state of each pair is its last event's."""
    api, service = world.api, world.deps.service
    for n, text in enumerate(("a crime thriller from the 90s", "a feel-good comedy", "a space adventure")):
        world.event(mention(text, ts=f"1699990000.00{n + 1}000"))
    picks = [message_key for message_key, _ in picks_posted(api)]
    movies = {k: service.profiles.suggestion_by_message("slack", k)["movie_id"] for k in picks}
    assert len(picks) == 9 and len(set(movies.values())) == 9

    rng = random.Random(1216)
    pairs = [(user, message_key) for message_key in picks for user in rng.sample(USERS, 4)]
    events: list[dict] = []
    clock = itertools.count(1)
    while len(events) < 200:
        user, message_key = pairs[len(events) % len(pairs)] if len(events) < len(pairs) else rng.choice(pairs)
        emoji = EMOJI_OF.setdefault((user, message_key), rng.choice(list(EFFECTS)))
        on = sum(1 for e in events if (e["user"], e["item"]["ts"]) == (user, message_key.split(":")[1])) % 2 == 0
        events.append(reaction(emoji, message_key, user=user, added=on, event_ts=f"1700001000.{next(clock):06d}"))
    last = {}
    for event in events:  # in Slack's order: each (user, film)'s final state is its last event's
        last[(event["user"], f"{event['item']['channel']}:{event['item']['ts']}")] = (
            event["reaction"], event["type"] == "reaction_added")  # fmt: skip
    assert len(last) >= 30 and sum(1 for _, on in last.values() if not on) >= 5

    rng.shuffle(events)
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda e: world.handler.handle(world.socket, SocketModeRequest.from_dict(
            envelope("events_api", event_callback(e, event_id=f"Ev{e['event_ts']}"), envelope_id=e["event_ts"])
        )), events))  # fmt: skip
    world.deps.settle()
    assert len(world.socket.sent) == 200 + 3  # every envelope acknowledged (the three mentions too)

    profiles = service.profiles
    wrong = []
    for (user, message_key), (emoji, on) in last.items():
        who, movie = key(user), movies[message_key]
        state = (profiles.rating(who, movie), profiles.has_watched(who, movie), movie in profiles.dismissed(who))
        want = EFFECTS[emoji] if on else (None, False, False)
        if state != want:
            wrong.append((user, movie, emoji, on, state))
    assert wrong == []


USERS = [f"U0R{n:02d}" for n in range(6)]
EMOJI_OF: dict[tuple[str, str], str] = {}
# emoji -> (rating, watched, dismissed) while the reaction is on
EFFECTS = {
    "+1": (LIKE_STARS, False, False),
    "-1": (DISLIKE_STARS, False, False),
    "five": (5.0, True, False),
    "two": (2.0, True, False),
    "see_no_evil": (None, False, True),
    "white_check_mark": (None, True, False),
}


def test_envelopes_are_acknowledged_before_the_slow_work_runs(world: SlackWorld, monkeypatch):
    """Slack wants an ack within 3 seconds: the recommender and SQLite run after it, on our pool."""
    service, api = world.deps.service, world.api
    release, started, threads = threading.Event(), threading.Event(), []
    real_chat, real_watched = service.chat, service.watched_add

    def held(real):
        def call(*args, **kwargs):
            threads.append(threading.current_thread().name)
            started.set()
            assert release.wait(60)
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(service, "chat", held(real_chat))
    monkeypatch.setattr(service, "watched_add", held(real_watched))
    for kind, payload in (
        ("events_api", event_callback(mention("a comedy", ts="1699990000.000700"), event_id="EvSlow")),
        ("slash_commands", {**command("/watched", "add Se7en"), "response_url": api.response_url("slow")}),
    ):
        started.clear()
        body = envelope(kind, payload, envelope_id=f"env-slow-{kind}")
        world.handler.handle(world.socket, SocketModeRequest.from_dict(body))  # returns once acknowledged
        assert world.socket.sent[-1].envelope_id == body["envelope_id"]
        assert started.wait(60)  # the work is under way, held, while the ack has already gone
        assert api.of("chat.postMessage") == [] and api.of("response_url") == []
    release.set()
    world.deps.settle()
    assert api.of("chat.postMessage") and api.of("response_url")
    assert threads and all(name.startswith("moviebot-slack") for name in threads)
