"""The line that says back what a request stated in passing, as it was stored."""

from __future__ import annotations

from agent.deps import Deps
from agent.prose import prose_list


def noted_line(recorded: dict, deps: Deps, stars: dict[str, float] | None = None) -> str:
    """ "Noted: you've seen Inception (2010); you loved Amélie (2001); Heat (1995) wasn't for you."
    said once, when it is stored, in the words a verdict said alone gets: a like stored as 5 stars
    ("loved heat, what else?") is "loved", as "I loved Heat" is and as a pick's reason says it
    later ("which you loved"); films given `stars` with them read "4 out of 5 for Heat (1995)"."""

    def labels(ids):
        return prose_list([deps.catalog.movies[m].label for m in ids])

    stars = stars or {}
    rated = recorded.get("ratings") or {}
    liked = [m for m in recorded.get("likes") or [] if m not in stars]
    loved = [m for m in liked if (rated.get(m) or 0) >= 5]
    liked = [m for m in liked if m not in loved]
    disliked = [m for m in recorded.get("dislikes") or [] if m not in stars]
    judged = {*liked, *loved, *disliked, *stars}
    seen = [m for m in recorded.get("watched") or [] if m not in judged]
    parts = [
        *(
            [prose_list([f"{n:g} out of 5 for {deps.catalog.movies[m].label}" for m, n in stars.items()])]
            if stars
            else []
        ),
        *([f"you've seen {labels(seen)}"] if seen else []),
        *([f"you loved {labels(loved)}"] if loved else []),
        *([f"you liked {labels(liked)}"] if liked else []),
        *([f"{labels(disliked)} {'weren' if len(disliked) > 1 else 'wasn'}'t for you"] if disliked else []),
        *([f"I won't suggest {labels(recorded['dismissed'])} again"] if recorded.get("dismissed") else []),
    ]
    return f"Noted: {'; '.join(parts)}." if parts else ""
