""" "The first one" right after a message that judged several films by name ("heat 4 and alien 5"),
or after an answer that listed a series' films: the first of those films, not the first of the picks
above them. "More like the
first one", "tell me about the first one", "why the first one?" and "who directed the first one?" all
go by it, and each answer says which film it took."""

from __future__ import annotations

import functools
from collections.abc import Callable

from agent.deps import Deps
from agent.nodes.past_the_picks import place_word
from agent.state import State

_VERDICT_TURNS = ("liked", "disliked", "seen", "dismissed")


def just_named(state: State, ordinal: int) -> str | None:
    """The film in that place among those the last answer listed of a series ("what order for the
    godfather films?" then "the third one"), or among those the last message judged by name; None when
    it named fewer than two films, or none in that place."""
    if listed := state.get("listed") or []:
        return listed[ordinal] if -len(listed) <= ordinal < len(listed) else None
    named = state.get("mentioned") or []
    if state.get("intent") not in _VERDICT_TURNS or len(named) < 2:
        return None
    try:
        return named[ordinal]
    except IndexError:
        return None


def went_by_named(state: State, movie_id: str, ordinal: int, deps: Deps) -> str:
    """The line that says which film a place was taken to mean, and in which list."""
    place = place_word(ordinal)
    movie = deps.catalog.movies.get(movie_id)
    label = movie.label if movie is not None else movie_id
    among = "of those I listed" if state.get("listed") else "you just named"
    return f"By “the {place} one” I took {label}, the {place} film {among}."


def led_by_the_film_taken(answer: Callable[..., dict]) -> Callable[..., dict]:
    """An answer about a film "the first one" was taken to mean opens by saying which it took, as a
    list of picks like it does: a question about Heat must not read as one about the first pick."""

    @functools.wraps(answer)
    def answered(state: State, deps: Deps) -> dict:
        out = answer(state, deps)
        lead = state.get("went_by")
        if not lead or not out.get("reply"):
            return out
        text = f"{lead} {out['reply']}"
        return {**out, "reply": text, "intro": f"{lead} {out.get('intro') or ''}".strip(),
                "messages": [{"role": "assistant", "text": text}]}  # fmt: skip

    return answered
