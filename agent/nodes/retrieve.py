"""Retrieve: candidates for the request, every hard constraint enforced by the catalog."""

from __future__ import annotations

import re
import time
from collections.abc import Collection
from dataclasses import replace

import numpy as np

from agent.best_rated import REACHED, reach, word_floor
from agent.collaborative import liked_by_similar
from agent.deps import Deps
from agent.dialogue_text import by_age
from agent.nodes.lists_again import listed_again
from agent.profile import Profile
from agent.profile_cache import profile_for, rating_counts
from agent.scoring import best_known_count
from agent.state import State
from agent.understanding.request import Request, is_open
from agent.understanding.tone_leans import tone_words
from store.filters import Filters, matches

# Loosened in this order when nothing passes every constraint; exclusions never are.
RELAXABLE = (
    ("min_rating", "the rating floor"),
    ("min_runtime", "the runtime limit"),
    ("max_runtime", "the runtime limit"),
    ("people", "the people you named"),
    ("any_people", "the people you named"),
    ("require_keywords", "the tag"),
    ("studios", "the studio"),
    ("year_min", "the year range"),
    ("year_max", "the year range"),
    ("languages", "the language"),
    ("countries", "the country"),
    ("any_genres", "the genres"),
    ("genres", "the genres"),
)


def loosening_order(request: Request) -> list[tuple[str, str]]:
    """RELAXABLE, with what a later follow-up added before what was asked from the start: "older ones"
    after "tom hanks, not a drama" loosens the years before Tom Hanks, who was asked for first."""
    when = request.get("said_at") or {}
    latest = {label: max(when.get(n, 0) for n, same in RELAXABLE if same == label) for _, label in RELAXABLE}
    return sorted(RELAXABLE, key=lambda item: -latest[item[1]])


MAX_PANNED_SERIES = 30  # a series is found by a scan of the catalog's titles, once per film


def _widen_runtime(
    deps: Deps, request: Request, text: str, excluded: set[str], vector, kinds: Collection[str] = ()
) -> list:
    """A runtime band no film fits, widened on both sides a step at a time: the films nearest the
    length asked for, where dropping the lower bound found 95-minute films for a 150-minute wish."""
    low, high = request["min_runtime"], request["max_runtime"]
    for step in (15, 30, 60):
        request["min_runtime"], request["max_runtime"] = max(1, low - step), high + step
        filters = filters_for(request, excluded)
        if results := deps.catalog.search(text, filters, k=deps.config.pool, vector=vector, kind_words=kinds):
            return results
    request["min_runtime"], request["max_runtime"] = low, high
    return []


def _widen_years(
    deps: Deps, request: Request, text: str, excluded: set[str], vector, wanted: int, kinds: Collection[str] = ()
) -> list:
    """A year range no film fits, widened on the side or sides it has just enough for the films
    nearest it to fit: dropping the range answered "something older" than 1960s French films
    with 2000s ones, though a 1985 one was nearer."""
    low, high = request.get("year_min"), request.get("year_max")  # a request read from a dialogue may lack one
    request["year_min"] = request["year_max"] = None
    years = (deps.catalog.movies[i].year for i in deps.catalog.matching_ids(filters_for(request, excluded)))
    gaps = sorted(max((low or year) - year, year - (high or year)) for year in years if year is not None)
    if not gaps:
        request["year_min"], request["year_max"] = low, high
        return []
    step = gaps[min(wanted, len(gaps)) - 1]
    request["year_min"] = low - step if low is not None else None
    request["year_max"] = high + step if high is not None else None
    filters = filters_for(request, excluded)
    return deps.catalog.search(text, filters, k=deps.config.pool, vector=vector, kind_words=kinds)


def excluded_for(deps: Deps, state: State, profile: Profile | None) -> set[str]:
    """Never suggest: watched, disliked (and the rest of a disliked film's series), dismissed, the
    reference titles themselves and the thread's earlier ones, titles refused, titles already shown
    in this thread, and whatever the caller excludes. (Titles shown to this user lately, in other
    threads, are held back too, but softly: see held_back.)"""
    request = state.get("request") or {}
    excluded = set(state.get("exclude_ids") or [])
    excluded |= set(request.get("like_titles") or [])
    # "a space movie, nothing star wars": every film of the series refused
    excluded |= {s for movie_id in request.get("exclude_titles") or [] for s in deps.catalog.series_of(movie_id)}
    excluded |= set(state.get("shown") or [])
    excluded |= set(state.get("referenced") or [])  # "like Whiplash" ... "more like the first one": not Whiplash
    if profile is not None:
        excluded |= profile.excluded
        # "hated The Empire Strikes Back": the rest of its series is left out too, unless asked for by name
        asked = {s for movie_id in request.get("like_titles") or [] for s in deps.catalog.series_of(movie_id)}
        panned = sorted(profile.disliked(2.0), key=lambda m: (profile.ratings[m], m))[:MAX_PANNED_SERIES]  # worst first
        excluded |= {s for movie_id in panned for s in deps.catalog.series_of(movie_id)} - asked
    return excluded


def held_back(deps: Deps, state: State) -> dict[str, str]:
    """Films shown to this user in the last `recent_days`, with when each was last shown: left
    out while fresh films fit, and the first to come back when none are left."""
    if deps.profiles is None or not state.get("user"):
        return {}
    return deps.profiles.recently_shown_at(state["user"], within_days=deps.config.recent_days)


def wanted_count(state: State, request: Request, deps: Deps) -> int:
    """How many picks the answer aims for: a batch line's k, else the request's own count."""
    if state.get("always_recommend") and state.get("k"):
        wanted = state["k"]
    else:
        wanted = request.get("count") or state.get("k") or deps.config.default_count
    return max(1, min(int(wanted), deps.config.max_count))


def shown_again(deps: Deps, request: Request, hard: set[str], recent: dict[str, str], room: int) -> list[str]:
    """When fresh films run out: those shown longest ago that fit the request, best rated first
    among those shown at the same time."""
    fits = [i for i in deps.catalog.matching_ids(filters_for(request, hard)) if i in recent]
    fits.sort(key=lambda i: (recent[i], -(deps.catalog.movies[i].rating or 0.0)))
    return fits[:room]


# what a request filters on, and what to call films with nothing recorded for it
_RECORDED = (
    (("people", "any_people"), "cast", "no cast or director recorded"),
    (("languages", "exclude_languages"), "language", "no language recorded"),
    (("countries",), "country", "no country recorded"),
    (("studios",), "studios", "no studio recorded"),
    (("min_runtime", "max_runtime"), "runtime", "no runtime recorded"),
    (("year_min", "year_max", "exclude_years"), "year", "no year recorded"),
)


def unrecorded_for(request: Request, catalog) -> list[tuple[str, int]]:
    """For each field the request filters on, how many of the catalog's films lack it."""
    return [(said, count) for names, field_name, said in _RECORDED
            if any(request.get(n) for n in names) and (count := catalog.unrecorded(field_name))]  # fmt: skip


def filters_for(request: Request, excluded: set[str]) -> Filters:
    return Filters.of(
        genres=request.get("genres"),
        any_genres=request.get("any_genres"),
        exclude_genres=request.get("exclude_genres"),
        year_min=request.get("year_min"),
        year_max=request.get("year_max"),
        exclude_years=request.get("exclude_years"),
        min_runtime=request.get("min_runtime"),
        max_runtime=request.get("max_runtime"),
        min_rating=request.get("min_rating"),
        languages=request.get("languages"),
        exclude_languages=request.get("exclude_languages"),
        countries=request.get("countries"),
        people=request.get("people"),
        any_people=request.get("any_people"),
        exclude_people=request.get("exclude_people"),
        directing=request.get("directing"),
        acting=request.get("acting"),
        exclude_keywords=request.get("exclude_keywords"),
        require_keywords=request.get("require_keywords"),
        studios=request.get("studios"),
        exclude_studios=request.get("exclude_studios"),
        exclude_ids=excluded,
    )


def query_text(request: Request, *, labels_tone: bool = True) -> str:
    """What the vector and lexical indexes see: the free text plus themes and moods (on a catalog
    that labels no tone, words that describe them: agent.understanding.tone_leans)."""
    moods = request.get("moods") or []
    parts = [request.get("query") or "", " ".join(request.get("keywords") or []),
             " ".join(moods) if labels_tone else tone_words(moods)]  # fmt: skip
    return " ".join(p for p in parts if p).strip()


def kind_words(request: Request) -> set[str]:
    """The words of the tones and genres asked for ("an epic", "musicals"), which the catalog
    searches in synopses and tags only: by title, "give me an epic" found Epic and Epic Movie."""
    said = [*(request.get("moods") or []), tone_words(request.get("moods") or [])]
    said += [*(request.get("genres") or []), *(request.get("any_genres") or [])]
    words = {w for kind in said for w in re.findall(r"\w+", kind.lower())}
    return words | {f"{w}s" for w in words} | {f"{w}es" for w in words}


def without_titles(query: str, movie_ids: list[str], catalog) -> str:
    """The query with the words of these films' titles taken out."""
    words = {w for m in movie_ids if m in catalog for w in re.findall(r"\w+", catalog.movies[m].title.lower())}
    return " ".join(w for w in re.findall(r"[\w'-]+", query) if w.lower() not in words)


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 1e-9 else vector


def retrieve(state: State, deps: Deps) -> dict:
    """Candidates for the request, every hard constraint enforced by the catalog.

    Reference titles pull the query vector toward them; an open request leans on
    the user's taste vector; a specific one leans on its own words.
    """
    started = time.perf_counter()
    request = dict(state.get("request") or {})
    profile = profile_for(deps, state.get("user"))
    hard = excluded_for(deps, state, profile)
    if state.get("repeated"):  # "back to the first list": those films again (shown before, so not `hard`)
        return listed_again(state["repeated"], profile.excluded if profile is not None else set(), deps)
    recent = held_back(deps, state)
    excluded = hard | set(recent)
    # "like Se7en": the film's own vector stands for it; its title's words would find Seven Pounds and Furious 7
    text = without_titles(
        query_text(request, labels_tone=deps.catalog.labels_tone), request.get("like_titles") or [], deps.catalog
    )
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
    kinds = kind_words(request)
    results = deps.catalog.search(
        text, filters_for(request, excluded), k=deps.config.pool, vector=vector, kind_words=kinds
    )
    wanted = wanted_count(state, request, deps)
    fresh = deps.catalog.count_matching(filters_for(request, excluded))
    reached = _best_rated_reach(deps, request, excluded, wanted) if fresh < wanted else None
    if reached is not None:  # "best movies of 2015": the next best rated fill the answer (agent.best_rated)
        request["min_rating"] = reached
        results = deps.catalog.search(
            text, filters_for(request, excluded), k=deps.config.pool, vector=vector, kind_words=kinds
        )
    again = []  # a film shown before that fits comes back when fresh ones run out
    if fresh < wanted and recent and reached is None:
        again = shown_again(deps, request, hard, recent, wanted - fresh)
    held = held_length(request)
    for name, label in loosening_order(request):  # a film shown before that fits beats one outside the request
        if results or again or held:  # "anything shorter?" answered with longer films is no answer
            break
        if name == "min_runtime" and request.get("min_runtime") and request.get("max_runtime"):
            results = _widen_runtime(deps, request, text, excluded, vector, kinds)  # "a 2 and a half hour epic"
            if results:
                relaxed.append(label)
                break
        if name == "year_min" and (request.get("year_min") or request.get("year_max")):
            results = _widen_years(deps, request, text, excluded, vector, wanted, kinds)  # "something older"
            if results:
                relaxed.append(label)
                break
        if request.get(name):
            request[name] = [] if isinstance(request[name], list) else None
            if label not in relaxed:
                relaxed.append(label)
            filters = filters_for(request, excluded)
            results = deps.catalog.search(text, filters, k=deps.config.pool, vector=vector, kind_words=kinds)
    filters = filters_for(request, excluded)
    original = dict(state.get("request") or {})
    fitting = {  # how many films honour every hard constraint: at all, not excluded, shown again
        "all": deps.catalog.count_matching(filters_for(original, set())),
        "fresh": fresh,
        "again": len(again),
    }
    if fresh < wanted:  # a film the catalog records nothing of may fit too: "Only 4 films by Miyazaki"
        fitting["unrecorded"] = unrecorded_for(original, deps.catalog)
    if reached is not None:
        fitting[REACHED] = reached
    candidates = [{"id": r.movie.id, "relevance": r.relevance, "quality": r.quality} for r in results]
    candidates += [{"id": i, "relevance": 0.0, "quality": deps.catalog.quality(i), "shown_at": recent[i]}
                   for i in again]  # fmt: skip
    collaborative = _collaborative(deps, state.get("user"), request, profile)
    # People who liked the same films: their other favourites join the pool even when the
    # text and vector indexes would not have found them (open requests live on this);
    # and so do the best-known films that fit, in the genres asked for first.
    pool = deps.config.pool
    _join(candidates, list(collaborative)[:pool], filters, deps, limit=len(candidates) + pool)
    genres = [*(request.get("genres") or []), *(request.get("any_genres") or []), *(request.get("soft_genres") or [])]
    # The films people name next in conversations about the same films (moviebot train).
    comention = {}
    if deps.conversations is not None:
        said = by_age(state.get("messages") or [])
        comention = deps.conversations.scores(request.get("like_titles") or [], genres=genres, exclude=excluded,
                                              messages=said)  # fmt: skip
    _join(candidates, list(comention)[:pool], filters, deps, limit=len(candidates) + pool)
    known = deps.catalog.best_known(filters, pool, counts=rating_counts(deps), genres=genres)
    _join(candidates, known, filters, deps, limit=len(candidates) + pool)
    if (era := _soft_era(request, filters)) is not None:  # "I like old movies too": that era's best known compete
        in_era = deps.catalog.best_known(era, pool, counts=rating_counts(deps), genres=genres)
        _join(candidates, in_era, filters, deps, limit=len(candidates) + pool)
    for candidate in candidates:
        candidate["collaborative"] = collaborative.get(candidate["id"], 0.0)
        candidate["comention"] = comention.get(candidate["id"], 0.0)
    debug = {**(state.get("debug") or {}), "retrieve_ms": round((time.perf_counter() - started) * 1000, 1),
             "relaxed": relaxed, "excluded": len(excluded),
             "held": held if not results and not again else ""}  # fmt: skip
    if relaxed:  # "not from before 2010" after Korean thrillers: the one that fits was just shown here
        thread = list(dict.fromkeys(state.get("shown") or []))
        shown = set(thread) - set(original.get("exclude_titles") or [])  # "what else has he done": not his film
        fits = set(deps.catalog.matching_ids(filters_for(original, hard - shown))) if thread else set()
        debug["shown_fit"] = [movie_id for movie_id in thread if movie_id in fits]
    best_known = []  # what a wish for lesser-known films is measured against (agent.scoring.lesser_known)
    if original.get("hidden_gem"):
        best_known = deps.catalog.best_known(filters_for(original, set()), best_known_count(fitting["all"]))
    return {"candidates": candidates, "fitting": fitting, "best_known": best_known, "debug": debug}


def _best_rated_reach(deps: Deps, request: Request, excluded: set[str], wanted: int) -> float | None:
    """For a rating floor read from words, how low the `wanted` best-rated films that meet every other
    constraint reach, when under it (agent.best_rated.reach); None for a floor typed as a number."""
    if not word_floor(request):
        return None
    others = deps.catalog.matching_ids(filters_for({**request, "min_rating": None}, excluded))
    counted = [r for i in others if (r := deps.catalog.movies[i].rating_that_counts) is not None]
    return reach(counted, request["min_rating"], wanted)


def held_length(request: Request) -> str:
    """ "shorter" or "longer" when the latest message asked for that relative to the picks shown: the
    bound it set is what was asked, so it is never loosened (a film longer than those is no answer)."""
    said = [m for m in request.get("modifiers") or [] if m in ("shorter", "longer")]
    return said[-1] if said else ""


def _soft_era(request: Request, filters: Filters) -> Filters | None:
    """The filters narrowed to an era said as a taste, when no years were asked for; else None."""
    soft = (request.get("soft_year_min"), request.get("soft_year_max"))
    if soft == (None, None) or filters.year_min is not None or filters.year_max is not None:
        return None
    return replace(filters, year_min=soft[0], year_max=soft[1])


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


def _collaborative(deps: Deps, user: str | None, request: Request, profile: Profile | None) -> dict[str, float]:
    """What people who rate like this user liked: the store's item-item model, seeded by the
    user's ratings and the reference titles; until that model is fitted (or when none of
    those films is in it), co-liked votes from everyone's ratings; empty until the store
    holds such ratings."""
    if deps.profiles is None:
        return {}
    references = list(request.get("like_titles") or [])
    modelled = liked_by_similar(deps.collaborative(), list(profile.ratings.items()) if profile else [], references)
    if modelled is not None:
        return modelled
    seeds = list(dict.fromkeys([*(request.get("like_titles") or []), *(profile.liked()[:50] if profile else [])]))
    if not seeds:
        return {}
    return deps.profiles.co_liked(seeds, exclude_user=user, limit=200)
