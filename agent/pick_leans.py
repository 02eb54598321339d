"""What leaned the ranking toward a pick, told when the user asks why it was picked: "a feel-good movie"
leans the picks to comedy and family films (a catalog that labels no tone goes by genre), which no
pick's own reasons say, so "why the second one?" only gave its rating."""

from __future__ import annotations

from collections.abc import Mapping

from agent.factcheck import a_or_an, genre_phrase
from agent.prose import prose_list
from store.movie import Movie


def lean_reason(movie: Movie, request: Mapping) -> str | None:
    """ "a comedy film, as the picks lean to comedy/family for "feel-good"": the genres the request leans
    to that the pick has (as its card lists them), or that it has none of them; None when nothing leaned."""
    leaned = list(request.get("soft_genres") or [])
    if not leaned:
        return None
    asked = [m for m in request.get("moods") or [] if m not in leaned]
    why = f" for {prose_list([f'“{m}”' for m in asked])}" if asked else ""
    lean = f"the picks lean to {'/'.join(leaned)}{why}"
    has = [g for g in movie.main_genres if g in leaned]
    if not has:
        return f"{lean}, though it is none of those; it ranked high on the rest"
    return f"{a_or_an(genre_phrase(has))}, as {lean}"
