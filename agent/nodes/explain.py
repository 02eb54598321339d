"""Explain: one explanation per pick, from the model when there is one, templates otherwise."""

from __future__ import annotations

from agent.best_rated import honoured
from agent.crowd import verdicts
from agent.deps import Deps
from agent.explanations import llm_explanations, template_explanation
from agent.factcheck import Grounding, check
from agent.profile_cache import profile_for
from agent.state import State
from agent.untrusted import own_links, sanitise


def explain(state: State, deps: Deps) -> dict:
    """One explanation per pick: one batched LLM call when configured, templates otherwise
    and for any pick the model's answer did not cover or could not be trusted on."""
    picks = state.get("picks") or []
    movies = [deps.catalog.movies[p["id"]] for p in picks]
    reasons = {p["id"]: p["reasons"] for p in picks}
    texts: dict[str, str] = {}
    calls = state.get("llm_calls") or 0
    request = honoured(state.get("request") or {}, state.get("fitting"))  # a floor from words: agent.best_rated
    crowd: dict[str, list] = {}
    grounding = None
    if deps.llm is not None and movies and calls < 2:
        anchors = [deps.catalog.movies[m] for m in request.get("like_titles") or [] if m in deps.catalog]
        crowd = {m.id: verdicts(deps.profiles, m, anchors, state.get("user")) for m in movies}
        profile = profile_for(deps, state.get("user"))
        history_ids = set(profile.ratings) if profile else set()
        history_ids |= profile.excluded if profile else set()
        allowed = {p["id"] for p in picks} | set((state.get("request") or {}).get("like_titles") or []) | history_ids
        excluded_titles = [deps.catalog.movies[m].label for m in sorted(profile.excluded)[:40]] if profile else []
        told = {m: [*why, *(v.said() for v in crowd[m])] for m, why in reasons.items()}
        rated = {deps.catalog.movies[m].title.casefold() for m in (profile.ratings if profile else {})
                 if m in deps.catalog}  # fmt: skip
        grounding = Grounding(deps.catalog.people_index(), deps.catalog.surname_index(), frozenset(rated))
        texts = llm_explanations(
            deps, movies, told,
            request_text=state.get("message") or "",
            profile_summary=profile.summary(deps.catalog) if profile else "No ratings yet.",
            excluded_titles=excluded_titles,
            allowed_ids=allowed,
        )  # fmt: skip
        calls += 1
    for pick, movie in zip(picks, movies, strict=True):
        # the model's text and the template alike pass the fact-check
        template = template_explanation(movie, pick["reasons"])
        written = texts.get(movie.id)
        text = check(written, movie, request, verdicts=crowd.get(movie.id, []), model_written=True,
                     grounding=grounding) if written else ""  # fmt: skip
        text = text or check(template, movie, request)
        if pick.get("shown_at"):
            text = f"Suggested to you before, on {pick['shown_at'][:10]}. {text}"
        pick["explanation"] = sanitise(text, links=own_links(movie))
    return {"picks": picks, "llm_calls": calls}
