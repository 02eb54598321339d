"""The recommender as a LangGraph state machine, shared by every front end.

understand_message -> retrieve -> rank -> explain -> reply
                   -> answer_why | record_opinion | respond_help | respond_smalltalk

Nodes live in agent/nodes/, one module per family; this module only wires them.
"""

from __future__ import annotations

from functools import partial
from typing import Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from agent.deps import Deps
from agent.nodes.conversation import answer_why, record_opinion, respond_help, respond_smalltalk
from agent.nodes.explain import explain
from agent.nodes.rank import rank
from agent.nodes.reply import reply
from agent.nodes.retrieve import retrieve
from agent.nodes.understand import understand_message
from agent.state import InputState, OutputState, State


def route_after_understand(
    state: State,
) -> Literal["retrieve", "answer_why", "record_opinion", "respond_help", "respond_smalltalk"]:
    """A request goes to retrieval; a request nothing could be made of gets help instead."""
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
    """Every node closes over the same Deps, so a test builds the graph with fakes."""
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
