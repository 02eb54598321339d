"""What ties a pick to a reference title when it shares nothing with it but the people who liked both.

"Movies like The Godfather" brings in films the collaborative signal (people in the profile store
who liked The Godfather liked them too) or the co-mention signal (films named in the same
recommendation dialogues) put forward. Such a pick may share no director, theme or genres with the
reference, and its reasons said nothing of why it is there. These reasons say which signal links it,
with the counts behind it, and only when those counts are there.
"""

from __future__ import annotations

from agent.crowd import LIKED_STARS
from agent.deps import Deps
from agent.like_wording import tied
from store.movie import Movie


def people_links(deps: Deps, movie: Movie, anchors: list[Movie], reasons: list[str], user: str | None) -> list[str]:
    """A reason per reference the pick's other reasons do not link it to: how many of the people
    here who liked the reference also liked the pick, or else in how many recommendation dialogues
    both were named. Nothing for a reference with neither count."""
    links = []
    for anchor in anchors:
        if anchor.id == movie.id or any(tied(r, anchor) for r in reasons):
            continue
        if said := _liked_by_fans(deps, movie, anchor, user) or _named_together(deps, movie, anchor):
            links.append(said)
    return links


def _liked_by_fans(deps: Deps, movie: Movie, anchor: Movie, user: str | None) -> str:
    if deps.profiles is None:
        return ""
    fans, _, liked = deps.profiles.fans_rating(anchor.id, movie.id, exclude_user=user, min_stars=LIKED_STARS)
    if not liked:
        return ""
    people = "person" if fans == 1 else "people"
    return f"liked by {liked} of the {fans} {people} here who liked {anchor.title}"


def _named_together(deps: Deps, movie: Movie, anchor: Movie) -> str:
    signal = deps.conversations
    together = signal.model.table.neighbours(anchor.id).get(movie.id, 0) if signal is not None else 0
    if not together:
        return ""
    dialogues = "dialogue" if together == 1 else "dialogues"
    return f"named with {anchor.title} in {together} movie-recommendation {dialogues}"
