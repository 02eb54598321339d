"""Explain: one explanation per pick, from the model when there is one, templates otherwise."""

from __future__ import annotations

from agent.deps import Deps
from agent.explanations import llm_explanations, template_explanation
from agent.factcheck import check
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
    if deps.llm is not None and movies and calls < 2:
        profile = profile_for(deps, state.get("user"))
        history_ids = set(profile.ratings) if profile else set()
        history_ids |= profile.excluded if profile else set()
        allowed = {p["id"] for p in picks} | set((state.get("request") or {}).get("like_titles") or []) | history_ids
        excluded_titles = [deps.catalog.movies[m].label for m in sorted(profile.excluded)[:40]] if profile else []
        texts = llm_explanations(
            deps, movies, reasons,
            request_text=state.get("message") or "",
            profile_summary=profile.summary(deps.catalog) if profile else "No ratings yet.",
            excluded_titles=excluded_titles,
            allowed_ids=allowed,
        )  # fmt: skip
        calls += 1
    request = state.get("request") or {}
    for pick, movie in zip(picks, movies, strict=True):
        # the model's text and the template alike pass the fact-check
        written = texts.get(movie.id) or template_explanation(movie, pick["reasons"])
        text = check(written, movie, request) or check(template_explanation(movie, pick["reasons"]), movie, request)
        if pick.get("shown_at"):
            text = f"Suggested to you before, on {pick['shown_at'][:10]}. {text}"
        pick["explanation"] = sanitise(text, links=own_links(movie))
    return {"picks": picks, "llm_calls": calls}
