"""What feedback says back ("Noted: you liked Heat (1995).") and the stars it may carry, in one
place for every front end and the HTTP API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.service_types import InvalidInput
from agent.typed_stars import STARS_RULE, stars_typed
from store.profiles import validate_stars

if TYPE_CHECKING:
    from store.catalog import Catalog


def stars_given(stars: object) -> float:
    """Stars as a number, or typed: "4.5", "4/5", "8/10" (a refusal says why: "6/5")."""
    try:
        value = stars_typed(stars) if isinstance(stars, str) else stars
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    try:
        return validate_stars(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{STARS_RULE}, got {stars!r}") from None


def feedback_said(catalog: Catalog, event: dict) -> str:
    """ "a like of Heat (1995)", "3 stars for Alien (1979)": what an earlier event recorded."""
    label = _label_or_none(catalog, event.get("movie_id") or "") or event.get("movie_id")
    if event.get("kind") == "stars":
        return f"{event.get('value'):g} stars for {label}"
    return f"a {event.get('kind')} of {label}"


def feedback_message(
    catalog: Catalog, kind: str, stars: float | None, movie_id: str, added: bool, recorded: bool
) -> str:
    label = _label_or_none(catalog, movie_id) or movie_id
    if not recorded:
        return f"Already noted for {label}."
    if not added:
        return f"Undone for {label}."
    return {
        "like": f"Noted: you liked {label}.",
        "dislike": f"Noted: {label} wasn't for you.",
        "watched": f"Marked {label} as watched.",
        "dismiss": f"Got it: I won't suggest {label} again.",
    }.get(kind) or f"Rated {label} {stars:g}/5 and marked it watched."


def _label_or_none(catalog: Catalog, movie_id: str) -> str | None:
    movie = catalog.movies.get(movie_id)
    return movie.label if movie is not None else None
