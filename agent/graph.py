"""The recommender as a LangGraph state machine, shared by every front end.

understand_message -> retrieve -> rank -> explain -> reply
                   -> answer_why | record_opinion | respond_help | respond_smalltalk
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from functools import partial
from pathlib import Path
from typing import Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import END, START, StateGraph

from agent.conversation import answer_why, record_opinion, respond_help, respond_smalltalk
from agent.deps import Deps
from agent.intents import classify
from agent.interpret import fresh_request, merge_request, read_message, titles_with_years
from agent.recommend import explain, rank, reply, retrieve
from agent.state import InputState, OutputState, State
from agent.understanding import contract, understand

log = logging.getLogger(__name__)
MAX_MESSAGE = 2000  # characters read from one message; the rest is ignored, not an error
MAX_REFERENCES = 6  # films from a handed-in conversation used as references, most recent first


def understand_message(state: State, deps: Deps) -> dict:
    """Classify the message and turn it into a request, merged with the last one for follow-ups."""
    message = (state.get("message") or "").strip()[:MAX_MESSAGE]
    history = list(state.get("messages") or [])
    seeded = []
    if not history and state.get("context"):
        seeded = [m for m in state["context"] if m.get("text")]
        history = seeded
    previous = state.get("request") or {}
    last_picks = state.get("last_picks") or []
    if not previous and seeded:
        previous = _fold_context(seeded, deps)
    has_previous = bool(previous) or bool(last_picks)
    base = {"messages": [*seeded, {"role": "user", "text": message}], "ordinal": None, "mentioned": [],
            "stated_rating": None, "llm_calls": 0, "picks": [], "candidates": [],
            "debug": {}}  # fmt: skip
    if not message:
        return {**base, "intent": "help"}
    classified, understood, calls = read_message(deps, message, history, has_previous=has_previous)
    intent = classified.intent
    if state.get("always_recommend") and intent not in ("recommend", "refine", "more"):
        # a batch line or an evaluation turn always wants picks; "loved it!" adds a reference
        if intent == "liked":
            understood = dataclasses.replace(understood, like_titles=[*understood.like_titles, *classified.titles])
        intent = "refine" if previous else "recommend"
    update = {**base, "intent": intent, "ordinal": classified.ordinal, "mentioned": classified.titles,
              "stated_rating": classified.rating, "llm_calls": calls}  # fmt: skip
    follows_on = previous and (state.get("always_recommend") or _leans_on_previous(understood))
    if intent in ("refine", "more") or (intent == "recommend" and follows_on):
        request = merge_request(previous, understood, last_picks=last_picks, deps=deps)
        if intent == "more" and classified.ordinal is not None and last_picks:
            pointed = _at(last_picks, classified.ordinal)
            if pointed:
                request["like_titles"] = [pointed]
        update["request"] = request
    elif intent == "recommend":
        update["request"] = fresh_request(understood, deps)
    update["understood"] = contract(update.get("request") or previous, lambda movie_id: _label(movie_id, deps))
    return update


def _leans_on_previous(understood) -> bool:
    """ "something funnier", "from the 80s": a message that only adjusts is a follow-up."""
    return not (understood.genres or understood.like_titles or understood.people or understood.keywords
                or understood.query)  # fmt: skip


def _fold_context(context: list[dict], deps: Deps) -> dict:
    """A conversation handed in whole (a batch line, an evaluation): the user's messages
    build up one request, and the films the conversation has been about, on either side,
    become its references, except those the user said they disliked."""
    request: dict = {}
    talked_about: list[str] = []
    disliked: set[str] = set()
    for message in context:
        text = message["text"][:MAX_MESSAGE]
        named = titles_with_years(text, deps.catalog)
        talked_about += [m for m in named if m not in talked_about]
        if message.get("role") != "user":
            continue
        understood = understand(text, deps.catalog, today_year=deps.today.year)
        classified = classify(text, deps.catalog, has_previous=bool(request), understood=understood)
        if classified.intent == "disliked":
            disliked.update(classified.titles or named)
        request = (
            merge_request(request, understood, last_picks=[], deps=deps) if request else fresh_request(understood, deps)
        )
    references = [m for m in reversed(talked_about) if m not in disliked][:MAX_REFERENCES]
    if references:
        request["like_titles"] = list(dict.fromkeys([*(request.get("like_titles") or []), *references]))
    return request


def _label(movie_id: str, deps: Deps) -> str | None:
    movie = deps.catalog.movies.get(movie_id)
    return movie.label if movie is not None else None


def _at(items: list[dict], index: int) -> str | None:
    try:
        return items[index]["id"]
    except IndexError:
        return None


def route_after_understand(
    state: State,
) -> Literal["retrieve", "answer_why", "record_opinion", "respond_help", "respond_smalltalk"]:
    intent = state.get("intent")
    if intent in ("recommend", "refine", "more"):
        return "retrieve" if state.get("request") is not None else "respond_help"
    if intent == "why":
        return "answer_why"
    if intent in ("seen", "liked", "disliked"):
        return "record_opinion"
    if intent == "smalltalk":
        return "respond_smalltalk"
    return "respond_help"


def build_graph(deps: Deps, checkpointer: BaseCheckpointSaver | None = None):
    graph = StateGraph(State, input_schema=InputState, output_schema=OutputState)
    for name, node in (
        ("understand_message", understand_message),
        ("retrieve", retrieve),
        ("rank", rank),
        ("explain", explain),
        ("reply", reply),
        ("answer_why", answer_why),
        ("record_opinion", record_opinion),
        ("respond_help", respond_help),
        ("respond_smalltalk", respond_smalltalk),
    ):
        graph.add_node(name, partial(node, deps=deps))
    graph.add_edge(START, "understand_message")
    graph.add_conditional_edges("understand_message", route_after_understand)
    graph.add_edge("retrieve", "rank")
    graph.add_edge("rank", "explain")
    graph.add_edge("explain", "reply")
    for name in ("reply", "answer_why", "record_opinion", "respond_help", "respond_smalltalk"):
        graph.add_edge(name, END)
    return graph.compile(checkpointer=checkpointer)


def sqlite_checkpointer(path: Path) -> SqliteSaver:
    """Conversation memory in the data directory, so follow-ups work after a restart."""
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA busy_timeout=10000")
    saver = SqliteSaver(conn)
    saver.setup()
    return saver


def thread_id(user: str, channel: str | None) -> str:
    """One conversation per platform + channel + user ("discord:42" in channel 7)."""
    return f"{user}@{channel or 'direct'}"


class Recommender:
    """What front ends call: one turn in, the reply and picks out."""

    def __init__(self, deps: Deps, checkpointer: BaseCheckpointSaver | None = None):
        self.deps = deps
        self.checkpointer = checkpointer or InMemorySaver()
        self.graph = build_graph(deps, self.checkpointer)
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
    ) -> dict:
        """One turn. `always_recommend` (batch lines, evaluations) answers with picks whatever
        the message is, exactly `k` of them when k is given."""
        inputs = {"message": message, "user": user, "channel": channel or "", "k": k,
                  "always_recommend": always_recommend}  # fmt: skip
        if context:
            inputs["context"] = context
        if exclude_ids:
            inputs["exclude_ids"] = list(exclude_ids)
        config = {"configurable": {"thread_id": thread_id(user, channel) if remember else _scratch_id()}}
        result = self.graph.invoke(inputs, config)
        if not remember:
            self.checkpointer.delete_thread(config["configurable"]["thread_id"])
        return dict(result)

    def forget_conversations(self, user: str) -> None:
        """Drop every thread of this user (called by ProfileStore.forget_user)."""
        for thread in self._threads_of(user):
            self.checkpointer.delete_thread(thread)

    def _threads_of(self, user: str) -> list[str]:
        if isinstance(self.checkpointer, SqliteSaver):
            rows = self.checkpointer.conn.execute(
                "SELECT DISTINCT thread_id FROM checkpoints WHERE thread_id LIKE ? ESCAPE '\\'",
                (user.replace("%", "\\%").replace("_", "\\_") + "@%",),
            )
            return [row[0] for row in rows]
        storage = getattr(self.checkpointer, "storage", {})
        return [t for t in storage if t.startswith(f"{user}@")]


def _scratch_id() -> str:
    import uuid

    return f"scratch-{uuid.uuid4().hex}"
