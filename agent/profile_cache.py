"""The user's profile and the store's rating counts, cached on Deps between turns: every
recommend node needs them and rebuilding them per node would cost a profile build each."""

from __future__ import annotations

import time

from agent.deps import Deps
from agent.profile import Profile, build_profile


def profile_for(deps: Deps, user: str | None) -> Profile | None:
    """The user's profile, rebuilt only when their ratings or history changed."""
    if deps.profiles is None or not user:
        return None
    ratings, reactions = deps.profiles.ratings_given(user)
    excluded = deps.profiles.excluded_ids(user)
    key = (user, hash(frozenset(ratings.items())), hash(frozenset(excluded)), hash(frozenset(reactions.items())))
    cache = deps.profile_cache
    if key not in cache:
        if len(cache) > 256:
            for stale in [k for k in cache if isinstance(k, tuple)]:
                del cache[stale]
        cache[key] = build_profile(user, ratings, excluded, deps.catalog, reactions=reactions)
    return cache[key]


def rating_counts(deps: Deps, max_age: float = 600.0) -> dict[str, int]:
    """How many people in the store rated each film; refreshed every few minutes."""
    if deps.profiles is None:
        return {}
    cached = deps.profile_cache.get("__rating_counts__")
    if cached is None or time.monotonic() - cached[0] > max_age:
        cached = (time.monotonic(), deps.profiles.rating_counts())
        deps.profile_cache["__rating_counts__"] = cached
    return cached[1]
