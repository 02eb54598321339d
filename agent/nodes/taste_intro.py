"""The first line of an answer to a request that names nothing to go by ("something for me",
"what else?"): what the picks do go by, the films the person liked (the profile leans the
ranking, agent.profile), or that their taste is not known yet, rather than a bare "Here are 3 picks:"."""

from __future__ import annotations

from agent.deps import Deps
from agent.profile import Profile

MAX_NAMED = 2  # "Since you liked Heat, Alien and 4 more"


def taste_head(head: str, profile: Profile | None, deps: Deps) -> str:
    """ "Since you liked Heat and Alien, here are 3 picks" from "Here are 3 picks"."""
    here = head[0].lower() + head[1:]
    if profile is None or profile.is_empty:
        return f"I don't know your taste yet, so {here}"
    liked = [deps.catalog.movies[m].title for m in profile.liked() if m in deps.catalog]
    if not liked:
        return head
    named = liked[:MAX_NAMED] + ([f"{len(liked) - MAX_NAMED} more"] if len(liked) > MAX_NAMED else [])
    said = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"Since you liked {said}, {here}"
