""" "The second one sounds good, anything else like it?" when the last answer had one film: a place
past the last picks is never dropped in silence. It is the film in that place of the answer before,
said so ("You've Got Mail (1998), the second of my earlier picks"), or, with none there either, said
plainly that the last answer had fewer films."""

from __future__ import annotations

from agent.deps import Deps
from agent.prose import prose_list
from agent.state import State

_PLACES = {0: "first", 1: "second", 2: "third", 3: "fourth", 4: "fifth", 5: "sixth", -1: "last"}


def place_word(ordinal: int) -> str:
    """ "second" for 1, "last" for -1, "number 9" past the words kept."""
    return _PLACES.get(ordinal, f"number {ordinal + 1}" if ordinal >= 0 else f"number {ordinal} from the end")


def past_the_picks(state: State, ordinal: int, deps: Deps) -> tuple[str | None, str]:
    """The film a place past the last picks is taken to mean (None when no earlier answer had one
    there), and the line that says what was done with it."""
    earlier = list(state.get("earlier_picks") or [])
    place = place_word(ordinal)
    if -len(earlier) <= ordinal < len(earlier):
        label = deps.catalog.movies[earlier[ordinal]].label
        return earlier[ordinal], (f"My last answer had {_had(state)}, so by “the {place} one” I took {label}, "
                                  f"the {place} of my earlier picks.")  # fmt: skip
    return None, past_the_list(state, ordinal, deps, "kept to what you asked")


def past_the_list(state: State, ordinal: int, deps: Deps, done: str) -> str:
    """ "My last answer had only one film (Splash (1984)), so I couldn't tell which film “the second
    one” is, and noted nothing": what was done instead of guessing."""
    shown = prose_list([deps.catalog.movies[p["id"]].label for p in state.get("last_picks") or []])
    place = place_word(ordinal)
    return (
        f"My last answer had {_had(state)} ({shown}), so I couldn't tell which film “the {place} one” is, and {done}."
    )


def beyond_the_last(state: State, ordinal: int | None) -> bool:
    """Whether a place points past the last answer's picks ("the second one" after one pick)."""
    count = len(state.get("last_picks") or [])
    return ordinal is not None and count > 0 and not -count <= ordinal < count


def _had(state: State) -> str:
    count = len(state.get("last_picks") or [])
    return "only one film" if count == 1 else f"only {count} films"
