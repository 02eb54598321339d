"""Ranking: the features of each candidate, the fixed scoring rule, and a diverse top-N."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from agent.profile import Profile
from store.catalog import Catalog, ScoredMovie

FEATURES = ("relevance", "quality", "popularity", "affinity", "taste", "anchor", "collaborative", "mood", "novelty")

# The fixed ranker: what a sensible person would weigh, before any learning.
BASE_WEIGHTS = {
    "relevance": 0.45,
    "quality": 0.2,
    "popularity": 0.05,
    "affinity": 0.15,
    "taste": 0.15,
    "anchor": 0.35,
    "collaborative": 0.3,
    "mood": 0.2,
    "novelty": 0.0,
}
DIVERSITY = 0.15  # how much similarity to an already chosen pick costs


@dataclass
class Candidate:
    movie_id: str
    features: dict[str, float]
    score: float = 0.0
    vector: np.ndarray | None = None


def featurise(
    results: list[ScoredMovie],
    catalog: Catalog,
    *,
    request: dict,
    profile: Profile | None,
    anchors: list[np.ndarray],
    collaborative: dict[str, float],
) -> list[Candidate]:
    """Every feature in 0..1 (affinity and taste in -1..1), comparable across requests."""
    vectors = catalog.vectors([r.movie.id for r in results])
    top_votes = max((m.votes or 0 for m in catalog.movies.values()), default=1)
    log_top = math.log10(top_votes + 1) or 1.0
    top_collab = max(collaborative.values(), default=0.0) or 1.0
    wanted_moods = set(request.get("moods") or [])
    unwanted_moods = set(request.get("exclude_moods") or [])
    candidates = []
    for result in results:
        movie = result.movie
        vector = vectors.get(movie.id)
        popularity = math.log10((movie.votes or 0) + 1) / log_top
        mood = 0.0
        if wanted_moods:
            mood += len(wanted_moods & set(movie.moods)) / len(wanted_moods)
        if unwanted_moods & set(movie.moods):
            mood -= 1.0
        features = {
            "relevance": result.relevance,
            "quality": result.quality,
            "popularity": popularity,
            "affinity": profile.affinity(movie) if profile else 0.0,
            "taste": _cosine(vector, profile.taste) if profile is not None and profile.taste is not None else 0.0,
            "anchor": max((_cosine(vector, a) for a in anchors), default=0.0),
            "collaborative": collaborative.get(movie.id, 0.0) / top_collab,
            "mood": mood,
            "novelty": 1.0 - popularity,
        }
        candidates.append(Candidate(movie.id, features, vector=vector))
    return candidates


def score(candidates: list[Candidate], request: dict, weights: dict[str, float] | None = None) -> None:
    """The fixed ranker's score; a hidden-gem request trades popularity for novelty."""
    weights = dict(weights or BASE_WEIGHTS)
    if request.get("hidden_gem"):
        weights["novelty"] += 0.3
        weights["popularity"] = 0.0
    if request.get("popular"):
        weights["popularity"] += 0.3
    for candidate in candidates:
        candidate.score = sum(weights.get(name, 0.0) * value for name, value in candidate.features.items())


def diverse_top(candidates: list[Candidate], count: int, catalog: Catalog) -> list[Candidate]:
    """Greedy maximal marginal relevance: good picks that are not near-copies of each other.

    A second film by the same director, or one whose synopsis embedding sits right
    next to a chosen pick (sequels, remakes), pays a penalty.
    """
    pool = sorted(candidates, key=lambda c: c.score, reverse=True)[: max(count * 6, 20)]
    chosen: list[Candidate] = []
    while pool and len(chosen) < count:
        best, best_value = None, -math.inf
        for candidate in pool:
            value = candidate.score - DIVERSITY * max((_similarity(candidate, c, catalog) for c in chosen), default=0)
            if value > best_value:
                best, best_value = candidate, value
        chosen.append(best)
        pool.remove(best)
    return chosen


def _similarity(a: Candidate, b: Candidate, catalog: Catalog) -> float:
    sim = max(_cosine(a.vector, b.vector), 0.0)
    ma, mb = catalog.movies[a.movie_id], catalog.movies[b.movie_id]
    if set(ma.directors) & set(mb.directors):
        sim = max(sim, 0.8)
    return sim


def _cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    denom = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.dot(a, b) / denom) if denom else 0.0
