"""The first line of an answer to a request that names nothing to go by ("something for me",
"what else?"): what the picks do go by, the films the person liked (the profile leans the
ranking, agent.profile), or that their taste is not known yet, rather than a bare "Here are 3 picks:"."""

from __future__ import annotations

from agent.deps import Deps
from agent.explanations import verdict_verb
from agent.profile import Profile
from agent.prose import prose_list

MAX_NAMED = 2  # "Since you liked Heat, Alien and 4 more"


def taste_head(head: str, profile: Profile | None, deps: Deps) -> str:
    """ "Since you liked Heat and Alien, here are 3 picks" from "Here are 3 picks"."""
    here = head[0].lower() + head[1:]
    if profile is None or profile.is_empty:
        return f"I don't know your taste yet, so {here}"
    liked = [m for m in profile.liked() if m in deps.catalog]
    if not liked:  # only films they disliked (or rated in between): those lean the picks
        disliked = [deps.catalog.movies[m].title for m in profile.disliked() if m in deps.catalog]
        if disliked:
            return f"Steering away from films like {_said(disliked)}, {here}"
        return f"Going by your ratings so far, {here}"
    return f"Since you {_verdicts(liked, profile, deps)}, {here}"


def _verdicts(liked: list[str], profile: Profile, deps: Deps) -> str:
    """ "loved Memento", "loved Heat and liked Alien", "liked Heat, Alien and 4 more": each film named
    with the word its reasons say it with (verdict_verb), so a 5 is not "liked" here and "loved" below;
    the films not named go under "liked" unless every one of them was loved."""
    verbs = [verdict_verb(m, profile) for m in liked]
    groups: dict[str, list[str]] = {}
    for movie_id, verb in zip(liked[:MAX_NAMED], verbs, strict=False):
        groups.setdefault(verb, []).append(deps.catalog.movies[movie_id].title)
    if rest := verbs[MAX_NAMED:]:
        groups.setdefault("loved" if set(rest) == {"loved"} else "liked", []).append(f"{len(rest)} more")
    return " and ".join(f"{verb} {prose_list(titles)}" for verb, titles in groups.items())


def _said(titles: list[str]) -> str:
    """ "Heat", "Heat and Alien", "Heat, Alien and 4 more"."""
    named = titles[:MAX_NAMED] + ([f"{len(titles) - MAX_NAMED} more"] if len(titles) > MAX_NAMED else [])
    return prose_list(named)
