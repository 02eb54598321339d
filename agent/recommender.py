"""What front ends call: one turn in, the reply and picks out, with conversation memory per thread."""

from __future__ import annotations

import sqlite3
import threading
import uuid
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.sqlite import SqliteSaver

from agent.deps import Deps
from agent.follow_ups import carried_over
from agent.graph import build_graph
from store.wal import use_wal


def sqlite_checkpointer(path: Path) -> SqliteSaver:
    """Conversation memory in the data directory, so follow-ups work after a restart."""
    conn = sqlite3.connect(str(path), check_same_thread=False)
    use_wal(conn)  # the HTTP workers of `serve` open it at the same moment
    # WAL with synchronous=NORMAL (as the profile store) commits without an fsync: a turn no
    # longer waits 4-12 ms on the disk, and a crash of moviebot still loses nothing; only a
    # power cut may lose the last turns' conversation memory (never the profile).
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=10000")
    saver = SqliteSaver(conn)
    saver.setup()
    return saver


# Requests that between them take every path a turn takes: a described film, a title, a
# person, numbers and filters, a follow-up, a question about a pick.
WARM_UP = (
    "something like Heat",
    "a feel-good comedy under 2 hours from the 90s",
    "a film with Tom Hanks",
    "more, but older",
    "why the first one?",
    "a dark sci-fi thriller about memory, not too violent",
    "recommend me something",
    "shawshank is my fav, what else?",  # a film by one word of its title: that index is built on first use
)


TURN_LOCKS = 64  # conversations share this many locks: two at once rarely meet on one


def thread_id(user: str, channel: str | None) -> str:
    """One conversation per platform + channel + user ("discord:42" in channel 7)."""
    return f"{user}@{channel or 'direct'}"


class Recommender:
    """What front ends call: one turn in, the reply and picks out."""

    def __init__(self, deps: Deps, checkpointer: BaseCheckpointSaver | None = None):
        self.deps = deps
        self.checkpointer = checkpointer or InMemorySaver()
        self.graph = build_graph(deps, self.checkpointer)
        self._turns = [threading.Lock() for _ in range(TURN_LOCKS)]
        if deps.profiles is not None:
            deps.profiles.on_forget(self.forget_conversations)

    def ask(
        self,
        message: str,
        *,
        user: str,
        channel: str | None = None,
        k: int | None = None,
        context: list[dict] | None = None,
        exclude_ids: list[str] | None = None,
        remember: bool = True,
        always_recommend: bool = False,
        unattended: bool = False,
        following: str | None = None,
    ) -> dict:
        """One turn. `always_recommend` (batch lines, evaluations) answers with picks whatever
        the message is, `k` of them when k is given (fewer, said so, when fewer fit); `unattended`
        (batch lines, API calls) answers hold their films back only if AgentConfig.unattended_shown;
        `following`, another user whose conversation in this channel the turn continues from
        (agent.follow_ups)."""
        inputs = {"message": message, "user": user, "channel": channel or "", "k": k,
                  "always_recommend": always_recommend, "unattended": unattended}  # fmt: skip
        if context:
            inputs["context"] = context
        if exclude_ids:
            inputs["exclude_ids"] = list(exclude_ids)
        config = {"configurable": {"thread_id": thread_id(user, channel) if remember else _scratch_id()}}
        followed = thread_id(following, channel) if remember and following and following != user else None
        # one checkpoint when the turn ends rather than one per step: the conversation is
        # remembered the same, with far fewer SQLite writes on a turn's path
        with self._turns_of(config["configurable"]["thread_id"], followed):
            if followed:
                self._follow(config, user, followed)
            result = self.graph.invoke(inputs, config, durability="exit")
        if not remember:
            self.checkpointer.delete_thread(config["configurable"]["thread_id"])
        return dict(result)

    def withdraw(self, user: str, channel: str | None, movie_ids: list[str]) -> None:
        """Films of the last answer that never reached the user (a front end failed to post them):
        no longer "the second one", nor shown in this conversation, so "more" may offer them."""
        config = {"configurable": {"thread_id": thread_id(user, channel)}}
        with self._turns_of(config["configurable"]["thread_id"]):
            values = self.graph.get_state(config).values
            if not values:
                return
            gone = set(movie_ids)
            kept = [p for p in values.get("last_picks") or [] if p["id"] not in gone]
            update = {"last_picks": kept, "shown": {"withdrawn": sorted(gone)}}
            self.graph.update_state(config, update, as_node="reply")

    def remembered(self, user: str, channel: str | None, key: str) -> object:
        """One value this conversation keeps (None when it keeps none)."""
        return self.graph.get_state({"configurable": {"thread_id": thread_id(user, channel)}}).values.get(key)

    def remember(self, user: str, channel: str | None, update: dict) -> None:
        """Keeps what a turn answered outside the graph (a movie night) in this conversation."""
        config = {"configurable": {"thread_id": thread_id(user, channel)}}
        with self._turns_of(config["configurable"]["thread_id"]):
            self.graph.update_state(config, update, as_node="reply")

    def _follow(self, config: dict, user: str, followed: str) -> None:
        """The followed conversation's request, picks and shown films, in this user's conversation."""
        carried = carried_over(
            self.graph.get_state({"configurable": {"thread_id": followed}}).values, self.deps.catalog
        )
        if carried:
            self.graph.update_state(config, {**carried, "user": user}, as_node="reply")

    @contextmanager
    def _turns_of(self, *threads: str | None) -> Iterator[None]:
        """Holds the locks of these conversations, whose turns and withdrawals go one at a time:
        two messages of one Discord channel, or a withdrawal beside the next turn, must not both
        write its last picks, and a turn following another conversation waits for that one's turn
        to end and goes on from its picks (Ana's and Bob's "more" at once in a thread would both
        get the same films). Taken in one order, each stripe once, so two turns never deadlock."""
        stripes = sorted({zlib.crc32(thread.encode()) % TURN_LOCKS for thread in threads if thread})
        with ExitStack() as held:
            for stripe in stripes:
                held.enter_context(self._turns[stripe])
            yield

    def warm(self) -> None:
        """Run a few turns on a scratch graph before the first user's, so theirs is as fast
        as any: the model loads, and PyTorch, NumPy and the readers do their first-call work.

        The scratch graph has no profile store, LLM or learner, so nothing is written
        anywhere and nothing is sent over the network.
        """
        scratch = replace(self.deps, profiles=None, llm=None, ranker=None, profile_cache={})
        graph = build_graph(scratch, InMemorySaver())
        for text in WARM_UP:
            graph.invoke({"message": text, "user": "", "channel": ""}, {"configurable": {"thread_id": "warm-up"}})

    def conversations_of(self, user: str) -> list[dict]:
        """What each of the user's conversations remembers: its channel and messages, for export."""
        found = []
        for thread in sorted(self._threads_of(user)):
            values = self.graph.get_state({"configurable": {"thread_id": thread}}).values
            found.append({"channel": thread[len(user) + 1 :], "messages": list(values.get("messages") or [])})
        return found

    def forget_conversations(self, user: str) -> dict[str, int]:
        """Drop every thread of this user (called by ProfileStore.forget_user); how many, so that a
        user who only chatted is told their memory went, not that nothing was stored."""
        threads = self._threads_of(user)
        for thread in threads:
            self.checkpointer.delete_thread(thread)
        return {"conversations": len(threads)}

    def _threads_of(self, user: str) -> list[str]:
        """The user's threads: named "user@channel", and a user or a channel may hold an "@" too
        (an HTTP user "ana@x.com" is not "ana"), so each candidate's own state says whose it is."""
        if isinstance(self.checkpointer, SqliteSaver):
            rows = self.checkpointer.conn.execute(
                "SELECT DISTINCT thread_id FROM checkpoints WHERE thread_id LIKE ? ESCAPE '\\'",
                (user.replace("%", "\\%").replace("_", "\\_") + "@%",),
            )
            candidates = [row[0] for row in rows]
        else:
            candidates = [t for t in getattr(self.checkpointer, "storage", {}) if t.startswith(f"{user}@")]
        return [t for t in candidates if self._owner(t) == user]

    def _owner(self, thread: str) -> str | None:
        return self.graph.get_state({"configurable": {"thread_id": thread}}).values.get("user")


def _scratch_id() -> str:
    return f"scratch-{uuid.uuid4().hex}"
