"""The recommender as a LangGraph state machine, shared by every front end.

understand_message -> [note_in_passing] -> retrieve -> rank -> explain -> reply
                                         -> answer_why | answer_facts | record_opinion | respond_help
                                         | respond_smalltalk | respond_unclear

note_in_passing runs only when the message stated facts on the side ("we already saw
Inception"): each step of a graph costs a LangGraph superstep, and most messages state none.

Nodes live in agent/nodes/, one module per family; this module only wires them.
"""

from __future__ import annotations

from functools import partial
from typing import Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from agent.deps import Deps
from agent.nodes.conversation import (
    answer_facts,
    answer_why,
    note_in_passing,
    record_opinion,
    respond_help,
    respond_smalltalk,
    respond_unclear,
)
from agent.nodes.explain import explain
from agent.nodes.history import correct_history, note_interest
from agent.nodes.rank import rank
from agent.nodes.reply import reply
from agent.nodes.retrieve import retrieve
from agent.nodes.understand import understand_message
from agent.state import InputState, OutputState, State

Answer = Literal[
    "retrieve",
    "answer_why",
    "answer_facts",
    "record_opinion",
    "respond_help",
    "respond_smalltalk",
    "respond_unclear",
    "note_interest",
    "correct_history",
]


def route_after_understand(
    state: State,
) -> Literal[
    "note_in_passing", "retrieve", "answer_why", "answer_facts", "record_opinion", "respond_help",
    "respond_smalltalk", "respond_unclear", "note_interest", "correct_history",
]:  # fmt: skip
    """Facts stated on the side are stored first; then as route_request."""
    if state.get("in_passing"):
        return "note_in_passing"
    return route_request(state)


def route_request(state: State) -> Answer:
    """A request goes to retrieval; a request nothing could be made of gets help instead."""
    intent = state.get("intent")
    if intent == "unclear":
        return "respond_unclear"
    if intent in ("recommend", "refine", "more"):
        return "retrieve" if state.get("request") is not None else "respond_help"
    if intent == "why":
        return "answer_why"
    if intent == "facts":
        return "answer_facts"
    if intent in ("seen", "liked", "disliked", "dismissed"):
        return "record_opinion"
    if intent in ("interested", "unseen"):  # "I never saw Heat": acknowledged, not a request
        return "note_interest"
    if intent in ("unwatched", "unrated", "undo"):
        return "correct_history"
    if intent == "smalltalk":
        return "respond_smalltalk"
    return "respond_help"


def build_graph(deps: Deps, checkpointer: BaseCheckpointSaver | None = None):
    """Every node closes over the same Deps, so a test builds the graph with fakes."""
    graph = StateGraph(State, input_schema=InputState, output_schema=OutputState)
    for name, node in (
        ("understand_message", understand_message),
        ("note_in_passing", note_in_passing),
        ("retrieve", retrieve),
        ("rank", rank),
        ("explain", explain),
        ("reply", reply),
        ("answer_why", answer_why),
        ("answer_facts", answer_facts),
        ("record_opinion", record_opinion),
        ("note_interest", note_interest),
        ("correct_history", correct_history),
        ("respond_help", respond_help),
        ("respond_smalltalk", respond_smalltalk),
        ("respond_unclear", respond_unclear),
    ):
        graph.add_node(name, partial(node, deps=deps))
    graph.add_edge(START, "understand_message")
    graph.add_conditional_edges("understand_message", route_after_understand)
    graph.add_conditional_edges("note_in_passing", route_request)
    graph.add_edge("retrieve", "rank")
    graph.add_edge("rank", "explain")
    graph.add_edge("explain", "reply")
    for name in ("reply", "answer_why", "answer_facts", "record_opinion", "respond_help", "respond_smalltalk",
                 "respond_unclear", "note_interest", "correct_history"):  # fmt: skip
        graph.add_edge(name, END)
    return graph.compile(checkpointer=checkpointer)
