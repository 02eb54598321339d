"""Rank: the fixed score, then the learning re-ranker's choice when there is one."""

from __future__ import annotations

from agent.best_rated import honoured
from agent.deps import Deps
from agent.explanations import reasons_for
from agent.factcheck import outside_clause
from agent.like_links import people_links
from agent.nodes.likeness import unlike_anchors
from agent.nodes.lists_again import in_listed_order
from agent.nodes.retrieve import wanted_count
from agent.profile_cache import profile_for, rating_counts
from agent.scoring import TITLED_WEIGHTS, Candidate, diverse_top, featurise, lesser_known, names_titles, score
from agent.state import State
from agent.wishes import shape_by_wish, wish_vectors
from store.catalog import ScoredMovie
from store.movie import rating_floor


def rank(state: State, deps: Deps) -> dict:
    """Features, the fixed score, then the learning re-ranker's choice when there is one."""
    request = honoured(state.get("request") or {}, state.get("fitting"))
    profile = profile_for(deps, state.get("user"))
    results = [
        ScoredMovie(deps.catalog.movies[c["id"]], 0.0, c["relevance"], c["quality"], None)
        for c in state.get("candidates") or []
        if c["id"] in deps.catalog
    ]
    anchor_ids = request.get("like_titles") or []
    collaborative = {c["id"]: c.get("collaborative", 0.0) for c in state.get("candidates") or []}
    comention = {c["id"]: c.get("comention", 0.0) for c in state.get("candidates") or []}
    candidates = featurise(results, deps.catalog, request=request, profile=profile, anchors=anchor_ids,
                           collaborative=collaborative, rating_counts=rating_counts(deps),
                           comention=comention)  # fmt: skip
    shape_by_wish(candidates, *wish_vectors(deps.catalog.embedder, request, deps.profile_cache))
    score(candidates, request, TITLED_WEIGHTS if names_titles(request, deps.catalog) else None)
    count = wanted_count(state, request, deps)
    # films shown before come back only after every fresh one, in the order retrieve gave them
    shown_at = {c["id"]: c["shown_at"] for c in state.get("candidates") or [] if c.get("shown_at")}
    again = sorted((c for c in candidates if c.movie_id in shown_at), key=lambda c: list(shown_at).index(c.movie_id))
    candidates = [c for c in candidates if c.movie_id not in shown_at]
    chosen: list[tuple[Candidate, float]] = []
    over, below = _over_floor(candidates, request, state, deps)
    for group in (part for wished in _lesser_known_first(over, request, state, deps)
                  for part in _counted_first(wished, request, state, deps)):  # fmt: skip
        if group and len(chosen) < count:
            chosen += _choose(group, count - len(chosen), state, deps)
    chosen += _next_best_rated(below, chosen, count, deps)
    chosen += [(c, 1.0) for c in again[: count - len(chosen)]]
    if state.get("repeated"):  # "back to the first list": every film of it, in its order
        chosen = in_listed_order(candidates + again, state["repeated"])
    anchor_movies = [deps.catalog.movies[a] for a in anchor_ids if a in deps.catalog]
    best_known = [deps.catalog.movies[i] for i in state.get("best_known") or [] if i in deps.catalog]
    picks = []
    for rank_index, (candidate, propensity) in enumerate(chosen):
        movie = deps.catalog.movies[candidate.movie_id]
        reasons = reasons_for(
            movie,
            request=request,
            anchors=anchor_movies,
            profile=profile,
            catalog=deps.catalog,
            lesser=lesser_known(movie, best_known) if best_known else None,
            unlike=unlike_anchors(deps.catalog, movie.id, anchor_movies),
        )
        # a pick brought in by what people liked or named with the reference says so, and not after the rest
        outside = bool(outside_clause(movie, request))
        reasons[outside:outside] = people_links(deps, movie, anchor_movies, reasons, state.get("user"))
        picks.append(
            {
                "id": movie.id,
                "score": round(candidate.score, 4),
                "rank": rank_index,
                "features": {k: round(v, 4) for k, v in candidate.features.items()},
                "propensity": round(propensity, 4),
                "reasons": reasons,
                "shown_at": shown_at.get(movie.id),  # when it was last shown, for a film shown again
            }
        )
    return {"picks": picks, "wanted": count}


def _choose(candidates: list[Candidate], count: int, state: State, deps: Deps) -> list[tuple[Candidate, float]]:
    if deps.ranker is not None:
        return deps.ranker.choose(state.get("user") or "", candidates, count, explore=deps.config.explore)
    return [(c, 1.0) for c in diverse_top(candidates, count, deps.catalog)]


def _lesser_known_first(candidates: list[Candidate], request: dict, state: State, deps: Deps) -> list[list[Candidate]]:
    """A wish for lesser-known films ("a Hitchcock film I might not know") is served from the
    well-rated films with fewer votes than the request's best-known first; the others only fill up."""
    best_known = [deps.catalog.movies[i] for i in state.get("best_known") or [] if i in deps.catalog]
    if not request.get("hidden_gem") or not best_known:
        return [candidates]
    gems = [c for c in candidates if lesser_known(deps.catalog.movies[c.movie_id], best_known)]
    # a gem's rating is one enough people gave ("rated 8.0 yet only 1 vote" was first for "a hidden gem comedy")
    counted = [c for c in gems if deps.catalog.movies[c.movie_id].rating_that_counts is not None]
    ids, counted_ids = {c.movie_id for c in gems}, {c.movie_id for c in counted}
    return [
        counted,
        [c for c in gems if c.movie_id not in counted_ids],
        [c for c in candidates if c.movie_id not in ids],
    ]


def _counted_first(candidates: list[Candidate], request: dict, state: State, deps: Deps) -> list[list[Candidate]]:
    """A rating floor no film could meet ("best movies of 2019" on a catalog ending in 2018) was
    loosened: films rated by enough people to count (Movie.rating_that_counts) come first, so a
    10.0 from one vote is no stand-in for "best" while counted ratings are there; the rest only fill up."""
    relaxed = (state.get("debug") or {}).get("relaxed") or []
    if not request.get("min_rating") or "the rating floor" not in relaxed:
        return [candidates]
    counted = [c for c in candidates if deps.catalog.movies[c.movie_id].rating_that_counts is not None]
    ids = {c.movie_id for c in counted}
    return [counted, [c for c in candidates if c.movie_id not in ids]]


def _over_floor(
    candidates: list[Candidate], request: dict, state: State, deps: Deps
) -> tuple[list[Candidate], list[Candidate]]:
    """Those ranked as ever, and those that only fill up, best rated first (_next_best_rated): under a
    floor read from words that too few films clear, the films under it; under a floor loosened because
    nothing cleared it, every film, so the nearest under it come first ("only ones over 8 rating"
    answered with 6.3s while 7.8s fit the rest); else none."""
    floor = request.get("best_rated")
    if floor is None:
        loosened = "the rating floor" in ((state.get("debug") or {}).get("relaxed") or [])
        return ([], candidates) if loosened and request.get("min_rating") else (candidates, [])
    lowest = rating_floor(floor)
    over = [c for c in candidates if (deps.catalog.movies[c.movie_id].rating_that_counts or 0) >= lowest]
    ids = {c.movie_id for c in over}
    return over, [c for c in candidates if c.movie_id not in ids]


def _next_best_rated(
    below: list[Candidate], chosen: list[tuple[Candidate, float]], count: int, deps: Deps
) -> list[tuple[Candidate, float]]:
    """ "best movies of 2015" with two films rated 8+: the next best rated fill the answer, best rated
    first, as "best" asks (agent.best_rated); films rated by too few people to count come last."""
    rated = sorted(below, key=lambda c: (-(deps.catalog.movies[c.movie_id].rating_that_counts or -1.0), c.movie_id))
    return [(c, 1.0) for c in rated[: max(0, count - len(chosen))]]
