"""The recommend path: retrieve -> rank -> explain -> reply."""

from __future__ import annotations

import logging
import time

import numpy as np

from agent.deps import Deps
from agent.explain import llm_explanations, reasons_for, template_explanation
from agent.profile import Profile, build_profile
from agent.rank import diverse_top, featurise, is_open, score
from store.catalog import ScoredMovie
from store.filters import Filters, matches
from store.vocab import LANGUAGES

log = logging.getLogger(__name__)

# Loosened in this order when nothing passes every constraint; exclusions never are.
RELAXABLE = (
    ("min_rating", "the rating floor"),
    ("min_runtime", "the runtime limit"),
    ("max_runtime", "the runtime limit"),
    ("people", "the people you named"),
    ("year_min", "the year range"),
    ("year_max", "the year range"),
    ("languages", "the language"),
    ("countries", "the country"),
    ("genres", "the genres"),
)


# -- shared per-turn context ---------------------------------------------------------------


def profile_for(deps: Deps, user: str | None) -> Profile | None:
    """The user's profile, rebuilt only when their ratings or history changed."""
    if deps.profiles is None or not user:
        return None
    ratings = deps.profiles.ratings(user)
    excluded = deps.profiles.excluded_ids(user)
    key = (user, hash(frozenset(ratings.items())), hash(frozenset(excluded)))
    cache = deps.profile_cache
    if key not in cache:
        if len(cache) > 256:
            for stale in [k for k in cache if isinstance(k, tuple)]:
                del cache[stale]
        cache[key] = build_profile(user, ratings, excluded, deps.catalog)
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


def excluded_for(deps: Deps, state: dict, profile: Profile | None) -> set[str]:
    """Never suggest: watched, disliked, dismissed, the reference titles themselves,
    titles refused, titles already shown in this thread, titles shown to this user
    recently, and whatever the caller excludes."""
    request = state.get("request") or {}
    excluded = set(state.get("exclude_ids") or [])
    excluded |= set(request.get("like_titles") or []) | set(request.get("exclude_titles") or [])
    excluded |= set(state.get("shown") or [])
    if profile is not None:
        excluded |= profile.excluded
    if deps.profiles is not None and state.get("user"):
        excluded |= deps.profiles.recently_shown(state["user"], within_days=deps.config.recent_days)
    return excluded


def filters_for(request: dict, excluded: set[str]) -> Filters:
    return Filters.of(
        genres=request.get("genres"),
        exclude_genres=request.get("exclude_genres"),
        year_min=request.get("year_min"),
        year_max=request.get("year_max"),
        min_runtime=request.get("min_runtime"),
        max_runtime=request.get("max_runtime"),
        min_rating=request.get("min_rating"),
        languages=request.get("languages"),
        countries=request.get("countries"),
        people=request.get("people"),
        exclude_ids=excluded,
    )


def query_text(request: dict) -> str:
    """What the vector and lexical indexes see: the free text plus themes and moods."""
    parts = [request.get("query") or "", " ".join(request.get("keywords") or []), " ".join(request.get("moods") or [])]
    return " ".join(p for p in parts if p).strip()


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 1e-9 else vector


# -- nodes ---------------------------------------------------------------------------------


def retrieve(state: dict, deps: Deps) -> dict:
    """Candidates for the request, every hard constraint enforced by the catalog.

    Reference titles pull the query vector toward them; an open request leans on
    the user's taste vector; a specific one leans on its own words.
    """
    started = time.perf_counter()
    request = dict(state.get("request") or {})
    profile = profile_for(deps, state.get("user"))
    excluded = excluded_for(deps, state, profile)
    text = query_text(request)
    anchors = list(deps.catalog.vectors(request.get("like_titles") or []).values())
    vector = None
    if anchors or text or (profile is not None and profile.taste is not None):
        parts: list[tuple[float, np.ndarray]] = []
        if text:
            parts.append((0.5 if anchors else 1.0, deps.catalog.embedder.embed_query(text)))
        if anchors:
            parts.append((1.0, _unit(np.mean(anchors, axis=0))))
        if profile is not None and profile.taste is not None:
            parts.append((1.0 if is_open(request) else 0.25, profile.taste))
        vector = _unit(sum(w * v for w, v in parts))
    relaxed: list[str] = []
    results = deps.catalog.search(text, filters_for(request, excluded), k=deps.config.pool, vector=vector)
    for name, label in RELAXABLE:
        if results:
            break
        if request.get(name):
            request[name] = [] if isinstance(request[name], list) else None
            if label not in relaxed:
                relaxed.append(label)
            results = deps.catalog.search(text, filters_for(request, excluded), k=deps.config.pool, vector=vector)
    filters = filters_for(request, excluded)
    candidates = [{"id": r.movie.id, "relevance": r.relevance, "quality": r.quality} for r in results]
    collaborative = _collaborative(deps, state.get("user"), request, profile)
    # People who liked the same films: their other favourites join the pool even when the
    # text and vector indexes would not have found them (open requests live on this);
    # and so do the best-known films that fit, in the genres asked for first.
    pool = deps.config.pool
    _join(candidates, list(collaborative)[:pool], filters, deps, limit=len(candidates) + pool)
    genres = [*(request.get("genres") or []), *(request.get("soft_genres") or [])]
    known = deps.catalog.best_known(filters, pool, counts=rating_counts(deps), genres=genres)
    _join(candidates, known, filters, deps, limit=len(candidates) + pool)
    for candidate in candidates:
        candidate["collaborative"] = collaborative.get(candidate["id"], 0.0)
    debug = {**(state.get("debug") or {}), "retrieve_ms": round((time.perf_counter() - started) * 1000, 1),
             "relaxed": relaxed, "excluded": len(excluded)}  # fmt: skip
    return {"candidates": candidates, "debug": debug}


def _join(candidates: list[dict], ids: list[str], filters: Filters, deps: Deps, *, limit: int) -> None:
    """Add films from another source that pass the filters, up to `limit` candidates in all."""
    seen = {c["id"] for c in candidates}
    for movie_id in ids:
        if len(candidates) >= limit:
            return
        movie = deps.catalog.movies.get(movie_id)
        if movie is not None and movie_id not in seen and matches(movie, filters):
            candidates.append({"id": movie_id, "relevance": 0.0, "quality": deps.catalog.quality(movie_id)})
            seen.add(movie_id)


def _collaborative(deps: Deps, user: str | None, request: dict, profile: Profile | None) -> dict[str, float]:
    """Item-to-item votes from everyone's ratings in the store, seeded by the reference
    titles and the user's favourites; empty until the store holds such ratings."""
    if deps.profiles is None:
        return {}
    seeds = list(dict.fromkeys([*(request.get("like_titles") or []), *(profile.liked()[:50] if profile else [])]))
    if not seeds:
        return {}
    return deps.profiles.co_liked(seeds, exclude_user=user, limit=200)


def rank(state: dict, deps: Deps) -> dict:
    """Features, the fixed score, then the learning re-ranker's choice when there is one."""
    request = state.get("request") or {}
    profile = profile_for(deps, state.get("user"))
    results = [
        ScoredMovie(deps.catalog.movies[c["id"]], 0.0, c["relevance"], c["quality"], None)
        for c in state.get("candidates") or []
        if c["id"] in deps.catalog
    ]
    anchor_ids = request.get("like_titles") or []
    collaborative = {c["id"]: c.get("collaborative", 0.0) for c in state.get("candidates") or []}
    candidates = featurise(results, deps.catalog, request=request, profile=profile, anchors=anchor_ids,
                           collaborative=collaborative, rating_counts=rating_counts(deps))  # fmt: skip
    score(candidates, request)
    count = _count(state, request, deps)
    if deps.ranker is not None and candidates:
        chosen = deps.ranker.choose(state.get("user") or "", candidates, count, explore=deps.config.explore)
    else:
        chosen = [(c, 1.0) for c in diverse_top(candidates, count, deps.catalog)]
    anchor_movies = [deps.catalog.movies[a] for a in anchor_ids if a in deps.catalog]
    picks = []
    for rank_index, (candidate, propensity) in enumerate(chosen):
        movie = deps.catalog.movies[candidate.movie_id]
        picks.append(
            {
                "id": movie.id,
                "score": round(candidate.score, 4),
                "rank": rank_index,
                "features": {k: round(v, 4) for k, v in candidate.features.items()},
                "propensity": round(propensity, 4),
                "reasons": reasons_for(
                    movie, request=request, anchors=anchor_movies, profile=profile, catalog=deps.catalog
                ),
            }
        )
    return {"picks": picks}


def _count(state: dict, request: dict, deps: Deps) -> int:
    if state.get("always_recommend") and state.get("k"):
        wanted = state["k"]
    else:
        wanted = request.get("count") or state.get("k") or deps.config.default_count
    return max(1, min(int(wanted), deps.config.max_count))


def explain(state: dict, deps: Deps) -> dict:
    """One explanation per pick: one batched LLM call when configured, templates otherwise
    and for any pick the model's answer did not cover or could not be trusted on."""
    picks = state.get("picks") or []
    movies = [deps.catalog.movies[p["id"]] for p in picks]
    reasons = {p["id"]: p["reasons"] for p in picks}
    texts: dict[str, str] = {}
    calls = state.get("llm_calls") or 0
    if deps.llm is not None and movies and calls < 2:
        profile = profile_for(deps, state.get("user"))
        request = state.get("request") or {}
        history_ids = set(profile.ratings) if profile else set()
        history_ids |= profile.excluded if profile else set()
        allowed = {p["id"] for p in picks} | set(request.get("like_titles") or []) | history_ids
        excluded_titles = [deps.catalog.movies[m].label for m in sorted(profile.excluded)[:40]] if profile else []
        texts = llm_explanations(
            deps, movies, reasons,
            request_text=state.get("message") or "",
            profile_summary=profile.summary(deps.catalog) if profile else "No ratings yet.",
            excluded_titles=excluded_titles,
            allowed_ids=allowed,
        )  # fmt: skip
        calls += 1
    for pick, movie in zip(picks, movies, strict=True):
        pick["explanation"] = texts.get(movie.id) or template_explanation(movie, pick["reasons"])
    return {"picks": picks, "llm_calls": calls}


def reply(state: dict, deps: Deps) -> dict:
    """The answer: an intro line, one block per pick, and the suggestions logged."""
    picks = state.get("picks") or []
    request = state.get("request") or {}
    relaxed = (state.get("debug") or {}).get("relaxed") or []
    if not picks:
        text = ("I couldn't find anything that fits all of that and that you haven't seen. "
                "Try loosening a constraint, e.g. a wider year range.")  # fmt: skip
        return {"reply": text, "intro": text, "recommendations": [], "messages": [{"role": "assistant", "text": text}]}
    intro = _intro(request, len(picks), deps)
    if relaxed:
        intro += f" (Nothing matched everything, so I loosened {' and '.join(relaxed)}.)"
    unknown = request.get("unknown_titles") or []
    if unknown:
        named = " or ".join(f"“{title}”" for title in unknown)
        note = f"I couldn't find {named} in my catalog (a typo, or too new or obscure?), so these leave it out."
        intro = f"{note} {intro}"
    suggestion_ids = _log(state, deps, picks)
    recommendations = []
    lines = [intro]
    for n, (pick, suggestion_id) in enumerate(zip(picks, suggestion_ids, strict=True), 1):
        movie = deps.catalog.movies[pick["id"]]
        recommendations.append(recommendation(movie, pick["explanation"], pick["score"], suggestion_id=suggestion_id))
        lines.append(f"{n}. {movie.label} — {pick['explanation']}")
    text = "\n".join(lines)
    remembered = [{"id": p["id"], "reasons": p["reasons"], "explanation": p["explanation"]} for p in picks]
    return {
        "reply": text,
        "intro": intro,
        "recommendations": recommendations,
        "messages": [{"role": "assistant", "text": text}],
        "shown": [p["id"] for p in picks],
        "last_picks": remembered,
    }


def recommendation(movie, explanation: str, score: float, **extra) -> dict:
    """One pick as every front end receives it (the JSON contract's fields and more)."""
    return {
        "id": movie.id,
        "title": movie.title,
        "year": movie.year,
        "genres": movie.genres,
        "runtime": movie.runtime,
        "directors": movie.directors,
        "rating": movie.rating,
        "explanation": explanation,
        "score": score,
        "poster_url": movie.poster_url,
        **extra,
    }


def _log(state: dict, deps: Deps, picks: list[dict]) -> list[int | None]:
    if deps.profiles is None or not state.get("user"):
        return [None] * len(picks)
    platform, _, _ = state["user"].partition(":")
    return deps.profiles.log_suggestions(
        state["user"],
        platform=platform,
        channel=state.get("channel") or "",
        request=state.get("message") or "",
        items=[
            {
                "movie_id": p["id"],
                "rank": p["rank"],
                "score": p["score"],
                "features": p["features"],
                "propensity": p["propensity"],
            }
            for p in picks
        ],
    )


def _intro(request: dict, count: int, deps: Deps) -> str:
    """ "Here are 3 picks: 1990s crime thrillers like Se7en, not horror." from the request."""
    bits = []
    years = _years(request)
    if years:
        bits.append(years)
    languages = [LANGUAGES.get(code, code) for code in request.get("languages") or []]
    bits += languages
    genres = request.get("genres") or []
    bits.append(" ".join(genres) + " films" if genres else "films" if bits else "")
    described = " ".join(b for b in bits if b)
    likes = [deps.catalog.movies[m].title for m in request.get("like_titles") or [] if m in deps.catalog]
    if likes:
        described = (described + " " if described else "") + "like " + " and ".join(likes)
    people = request.get("people") or []
    if people:
        described = (described + " " if described else "") + "with " + " and ".join(people)
    extras = []
    if request.get("exclude_genres"):
        extras.append("no " + "/".join(request["exclude_genres"]))
    if request.get("max_runtime"):
        extras.append(f"under {request['max_runtime']} min")
    if request.get("moods"):
        extras.append(", ".join(request["moods"]))
    if request.get("exclude_moods"):
        extras.append("not " + "/".join(request["exclude_moods"][:2]))
    noun = "pick" if count == 1 else "picks"
    summary = ", ".join(x for x in [described, *extras] if x)
    return f"Here {'is' if count == 1 else 'are'} {count} {noun}" + (f": {summary}." if summary else ":")


def _years(request: dict) -> str:
    low, high = request.get("year_min"), request.get("year_max")
    if low and high and high - low == 9 and low % 10 == 0:
        return f"{low}s"
    if low and high:
        return f"{low}-{high}"
    if low:
        return f"from {low} on,"
    if high:
        return f"up to {high},"
    return ""
