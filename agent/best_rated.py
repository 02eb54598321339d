"""A rating floor read from words ("best", "highly rated", "top rated") is a wish for the best-rated films
that fit, not a number the user gave: when too few films clear it, the next best rated that meet every
other constraint fill the answer, said as that, where "best movies of 2015" gave only two films. A number
typed ("rated 8+") stays a hard floor, loosened only when nothing clears it (agent.nodes.retrieve.RELAXABLE)."""

from __future__ import annotations

from collections.abc import Mapping

from store.movie import rating_floor

REACHED = "best_rated_from"  # fitting's key: how low the best-rated films that fill the answer go


def word_floor(request: Mapping) -> bool:
    """Whether the request's rating floor was read from words, not typed as a number."""
    return bool(request.get("min_rating") and request.get("rating_words"))


def reach(ratings: list[float], floor: float, wanted: int) -> float | None:
    """The rating the `wanted`-th best of these films has (ratings of the films meeting every other
    constraint, each counted from enough votes), when it is under the floor; else None."""
    if not ratings:
        return None
    lowest = sorted(ratings, reverse=True)[min(wanted, len(ratings)) - 1]
    return lowest if lowest < rating_floor(floor) else None


def honoured(request: Mapping, fitting: Mapping | None) -> dict:
    """The request as this answer honours it: a floor from words lowered to where the best-rated films
    reach, so no pick among them is called "under" a number nobody said; `best_rated` keeps the floor
    that was read, for the intro (agent.nodes.reply) to say how many cleared it."""
    reached = (fitting or {}).get(REACHED)
    if reached is None or not word_floor(request):
        return dict(request)
    return {**request, "min_rating": reached, "best_rated": request["min_rating"]}


def filled_note(request: Mapping, fitting: Mapping | None, picks: int, *, cleared: int, rest: str) -> str:
    """ "Of my films that fit the rest of what you asked (2015 films), only 2 are rated 8+ (what I took
    "best" to mean); the other 3 are the best rated after them." `cleared` counts the picks over the
    floor, `rest` is what else was asked, as the intro says it."""
    floor = request.get("best_rated")
    if floor is None:
        return ""
    fitting = fitting or {}
    fresh, everything = fitting.get("fresh") or 0, fitting.get("all") or 0
    took = f'rated {floor:g}+ (what I took "{request.get("rating_words")}" to mean)'
    unseen = "" if everything == fresh else " you haven't seen or been shown lately"
    mine = f"Of my films{unseen} that fit the rest of what you asked ({rest})," if rest else f"Of my films{unseen},"
    below = picks - cleared
    if not fresh:
        return f"{mine} none is {took}, so these are the best rated of them."
    verb = "is" if fresh == 1 else "are"
    if not below:
        return f"{mine} only {fresh} {verb} {took}."
    them = "it" if fresh == 1 else "them"
    other = "the other is" if below == 1 else f"the other {below} are"
    return f"{mine} only {fresh} {verb} {took}; {other} the best rated after {them}."
