"""A place past the end of the list that is also a film's whole title: "number 23" after three picks
is The Number 23, so the bot describes that film rather than asking which pick was meant."""

from __future__ import annotations

from agent.deps import Deps
from agent.film_brief import film_in_brief
from agent.state import MAX_MESSAGE
from store.movie import TITLE_MATCH_SCORE, normalise_title


def title_past_the_list(message: str, count: int, deps: Deps) -> str | None:
    """The reply for a message that names a film whose title reads as a place beyond the `count` picks
    shown ("number 23", "#9"); None when the message is no film's whole title."""
    said = normalise_title(message[:MAX_MESSAGE])
    match = deps.catalog.resolve_title(message[:MAX_MESSAGE]) if said else None
    if match is None or match.score < TITLE_MATCH_SCORE or normalise_title(match.title) != said:
        return None
    movie = deps.catalog.movies[match.movie_id]
    return f"I only suggested {count} films just now, so I take it you mean the film. {film_in_brief(movie)}"
