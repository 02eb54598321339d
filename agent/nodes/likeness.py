"""Whether the picks for "something like X" are like X at all, before the intro says they are.

"Like the notebook but korean" gave three Korean thrillers under the header "Korean films like The
Notebook": the hard constraint left no film near the reference, and the picks were Korean and little
else. A pick is like a reference when its likeness to it (agent.scoring._likeness: meaning, genres,
people) is among the LIKE_SHARE of the catalog's films most like it (and never fewer than LIKE_LEAST
films). Measured on the 11k-film catalog (TMDB 5000 + MovieLens): for "like Heat" the picks stood at
the 89th-98th percentile, for Se7en and The Godfather the film-like picks at the 96th-99.9th; the
Korean picks for The Notebook at the 34th-87th, and Alien, brought into "like The Godfather" by
people who liked both, at the 30th.
"""

from __future__ import annotations

import functools

import numpy as np

from agent.deps import Deps
from agent.nodes.retrieve import filters_for
from agent.scoring import _likeness, cosines
from agent.understanding.request import Request
from store.catalog import Catalog
from store.movie import Movie

LIKE_SHARE = 0.05  # a film is like a reference when no more than this share of the catalog is likelier,
LIKE_LEAST = 25  # or, in a small catalog, no more than this many films


@functools.lru_cache(maxsize=64)
def _likenesses(catalog: Catalog, anchor_id: str) -> tuple[dict[str, float], float]:
    """Every film's likeness to the reference, and the bar: the likeness LIKE_SHARE of films reach."""
    ids = [i for i in catalog.movies if i != anchor_id]
    vectors = catalog.vectors([*ids, anchor_id])
    anchor = catalog.movies[anchor_id]
    scores = cosines([vectors.get(i) for i in ids], vectors.get(anchor_id))
    likeness = {i: _likeness(catalog.movies[i], anchor, c) for i, c in zip(ids, scores, strict=True)}
    ranked = np.sort(np.fromiter(likeness.values(), dtype=float))[::-1]
    bar = float(ranked[min(len(ranked), max(LIKE_LEAST, round(LIKE_SHARE * len(ranked)))) - 1]) if len(ranked) else 0.0
    return likeness, bar


def unlike_references(request: Request, picks: list[str], deps: Deps) -> tuple[list[Movie], list[Movie]]:
    """The references no pick is like: (those some film meeting the request's hard constraints is like,
    those no such film is like)."""
    catalog = deps.catalog
    anchors = [catalog.movies[m] for m in request.get("like_titles") or [] if m in catalog]
    missed, none_fit = [], []
    for anchor in anchors:
        likeness, bar = _likenesses(catalog, anchor.id)
        if any(likeness.get(p, 0.0) >= bar for p in picks if p != anchor.id):
            continue
        fitting = catalog.matching_ids(filters_for(request, {anchor.id}))
        (missed if any(likeness.get(i, 0.0) >= bar for i in fitting) else none_fit).append(anchor)
    return missed, none_fit
