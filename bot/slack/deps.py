"""What every Slack listener needs, built once by `build_app` and handed to listeners in Bolt's
context (`context["moviebot"]`), so the listeners stay plain functions tests call directly.

Listeners run on the thread that received the envelope, which Slack wants acknowledged within
3 seconds: they only `ack()` and hand the slow part (the recommender, SQLite, Web API calls) to
`work`, a pool of our own, so no receiving thread waits on it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.slack.reactions import ReactionOrder

if TYPE_CHECKING:
    from agent.service import MovieService

log = logging.getLogger(__name__)

WORKERS = 4
RENAME_AFTER = 60.0  # seconds before a users.info lookup that failed is tried again
REMEMBERED = 10_000  # threads answered in, and messages answered, kept to recognise follow-ups and repeats


class Recent:
    """A bounded set of recently seen keys, each with an optional note (the oldest are forgotten first)."""

    def __init__(self, size: int = REMEMBERED):
        self._items: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def add(self, key: str, note: str | None = None) -> bool:
        """True when the key is new."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return False
            self._items[key] = note
            while len(self._items) > self._size:
                self._items.popitem(last=False)
            return True

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._items

    def note(self, key: str) -> str | None:
        with self._lock:
            return self._items.get(key)


@dataclass
class SlackDeps:
    service: MovieService
    work: Executor = field(default_factory=lambda: ThreadPoolExecutor(WORKERS, thread_name_prefix="moviebot-slack"))
    bot_user_id: str | None = None  # filled from auth.test by build_app
    threads: Recent = field(default_factory=Recent)  # "channel:thread_ts" the bot answered in
    answered: Recent = field(default_factory=Recent)  # "channel:ts" of messages already answered
    strangers: Recent = field(default_factory=Recent)  # "channel:thread_ts" of threads it has no part in
    names: dict[str, str | None] = field(default_factory=dict)  # user key -> display name
    unnamed_until: dict[str, float] = field(default_factory=dict)  # user key -> when to ask users.info again
    reactions: ReactionOrder = field(init=False)

    def __post_init__(self):
        self.reactions = ReactionOrder(
            lambda key, reactor, emoji, added, in_order: self.service.react(
                "slack", key, reactor, emoji, added=added, in_order=in_order
            )
        )
        self._pending: set[Future] = set()
        self._pending_lock = threading.Lock()
        self._lanes: dict[str, deque] = {}  # conversation -> its turns waiting, the running one first
        self._lanes_lock = threading.Lock()

    def later(self, job: Callable, /, *args, **kwargs) -> Future:
        """Runs slow work off Bolt's listener thread; a failure is logged, never lost silently."""

        def run():
            try:
                return job(*args, **kwargs)
            except Exception:
                log.exception("Slack job %s failed", getattr(job, "__name__", job))
                raise

        future = self.work.submit(run)
        self._track(future)
        return future

    def in_turn(self, conversation: str, job: Callable, /, *args, **kwargs) -> Future:
        """`later`, one job of a conversation at a time, in arrival order: two quick messages in one
        thread would otherwise be answered at once, their picks interleaved and repeated. Other
        conversations go on in parallel; a waiting job holds no worker."""
        future: Future = Future()
        self._track(future)
        with self._lanes_lock:
            lane = self._lanes.setdefault(conversation, deque())
            lane.append((future, job, args, kwargs))
            first = len(lane) == 1
        if first:
            self.later(self._next_in, conversation)
        return future

    def _next_in(self, conversation: str) -> None:
        """Runs the conversation's oldest waiting job, then queues the next one behind other work."""
        with self._lanes_lock:
            future, job, args, kwargs = self._lanes[conversation][0]
        try:
            future.set_result(job(*args, **kwargs))
        except Exception as exc:
            log.exception("Slack job %s failed", getattr(job, "__name__", job))
            future.set_exception(exc)
        finally:
            with self._lanes_lock:
                lane = self._lanes[conversation]
                lane.popleft()
                more = bool(lane)
                if not more:
                    del self._lanes[conversation]
            if more:
                self.later(self._next_in, conversation)

    def _track(self, future: Future) -> None:
        with self._pending_lock:
            self._pending.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        with self._pending_lock:
            self._pending.discard(future)

    def settle(self, timeout: float = 60.0) -> None:
        """Waits until every job handed to `later` so far has finished (tests, shutdown)."""
        with self._pending_lock:
            pending = list(self._pending)
        wait(pending, timeout=timeout)

    def user(self, client, team: str | None, user_id: str, channel: str | None = None) -> str:
        """Blocking. The user key for a Slack user, registered with their display name (users.info,
        once per process once it answers: a lookup that failed is tried again after RENAME_AFTER
        seconds, rather than calling them "someone" until a restart or asking on every message)
        and the workspace, so /movienight knows who is in it."""
        key = user_key(team, user_id)
        if not self.names.get(key) and self.unnamed_until.get(key, 0.0) <= time.monotonic():
            if name := display_name(client, user_id):
                self.names[key] = name
            else:  # no users:read scope, or no name set: not asked again on every message
                self.unnamed_until[key] = time.monotonic() + RENAME_AFTER
        return self.service.register("slack", key.removeprefix("slack:"), self.names.get(key), group=team,
                                     channel=channel)  # fmt: skip

    def name_of(self, key: str) -> str:
        return self.names.get(key) or "someone"

    def close(self) -> None:
        self.work.shutdown(wait=True, cancel_futures=False)


def user_key(team: str | None, user_id: str) -> str:
    """ "slack:T…:U…" (workspace and user: Slack user ids are unique only within a workspace)."""
    return f"slack:{team}:{user_id}" if team else f"slack:{user_id}"


def display_name(client, user_id: str) -> str | None:
    try:
        user = client.users_info(user=user_id)["user"]
    except Exception as exc:  # no users:read scope, a deleted user, Slack unreachable: the name is optional
        log.info("users.info for %s failed: %s", user_id, exc)
        return None
    profile = user.get("profile") or {}
    return profile.get("display_name") or profile.get("real_name") or user.get("real_name") or user.get("name")
