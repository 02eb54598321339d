"""Movie night: one pick for several people that nobody has seen, balanced across their tastes."""

from __future__ import annotations

import numpy as np

from agent.deps import Deps
from agent.explanations import A_FILM_YOU_LIKED, reasons_for, taste_reason, template_explanation
from agent.factcheck import a_or_an, asked_genres
from agent.nodes.conversation import UNCLEAR
from agent.nodes.likeness import unlike_anchors
from agent.nodes.reply import recommendation
from agent.nodes.retrieve import filters_for, query_text, without_titles
from agent.profile import Profile
from agent.profile_cache import profile_for
from agent.prose import prose_list
from agent.scoring import featurise, score
from agent.understanding.merge import fresh_request
from agent.understanding.passing import says_nothing
from agent.understanding.reader import understand
from agent.understanding.request import Request, contract


def recommend_for_group(deps: Deps, users: list[str], request_text: str = "", count: int = 1, *,
                        names: dict[str, str] | None = None, exclude: set[str] | None = None) -> dict:  # fmt: skip
    """Candidates exclude everything any member watched, disliked or dismissed (and `exclude`, the
    night's earlier picks); each is scored for every member and the group score favours films nobody
    will mind (half the average, half the least happy member). `names`: members as the user typed them."""
    users = list(dict.fromkeys(users))
    named = _Names(deps, names or {})
    profiles = {user: profile_for(deps, user) or Profile(user=user) for user in users}
    understood = understand(request_text, deps.catalog, today_year=deps.today.year)
    if request_text.strip() and says_nothing(request_text, understood, deps.catalog):  # no made-up movie night
        return {"reply": UNCLEAR, "intro": UNCLEAR, "recommendations": []}
    request = fresh_request(understood, deps)
    excluded = set().union(*(p.excluded for p in profiles.values())) if profiles else set()
    anchor_ids = [m for m in request.get("like_titles") or [] if m in deps.catalog]
    excluded |= set(anchor_ids) | set(exclude or ())
    anchors = [deps.catalog.movies[m] for m in anchor_ids]
    # "like Heat": the film's own vector stands for it, as in a one-person request; its title's words and
    # the members' tastes alone made "something like Heat" a movie night of 12 Angry Men
    text = without_titles(query_text(request), anchor_ids, deps.catalog)
    results = deps.catalog.search(text, filters_for(request, excluded), k=deps.config.pool,
                                  vector=_query_vector(deps, profiles, text, anchor_ids))  # fmt: skip
    if not results:
        if deps.catalog.count_matching(filters_for(request, set())) == 0:  # "a western by Kubrick"
            text = "No film in my catalog fits that request, seen or not. Try a broader one."
        else:
            text = "Every film in my catalog that fits that request has been seen by one of you. Try a broader one."
        return {"reply": text, "intro": text, "recommendations": []}
    per_member: dict[str, dict[str, float]] = {}
    for user, profile in profiles.items():
        candidates = featurise(results, deps.catalog, request=request, profile=profile, anchors=anchor_ids,
                               collaborative={})  # fmt: skip
        score(candidates, request)
        per_member[user] = {c.movie_id: c.score for c in candidates}
    group_scores = {}
    for result in results:
        values = [per_member[u][result.movie.id] for u in users]
        group_scores[result.movie.id] = 0.5 * float(np.mean(values)) + 0.5 * min(values)
    best = sorted(group_scores, key=group_scores.get, reverse=True)[: max(1, count)]
    recommendations, picks = [], []
    # someone never met has no taste to speak to: "ghost: no ratings from you yet" under each pick
    # addressed a typo the reply had just said it did not know
    known = _known(users, deps)
    for movie_id in best:
        movie = deps.catalog.movies[movie_id]
        per_person = {user: _reason_for_member(movie, request, profiles[user], deps) for user in users if user in known}
        unlike = unlike_anchors(deps.catalog, movie.id, anchors)
        reasons = reasons_for(movie, request=request, anchors=anchors, profile=None, catalog=deps.catalog,
                              unlike=unlike)  # fmt: skip
        explanation = template_explanation(movie, reasons)
        picks.append({"id": movie.id, "reasons": reasons, "explanation": explanation, "request": request})
        group_score = round(group_scores[movie_id], 4)
        recommendations.append(
            recommendation(movie, explanation, group_score, per_person=per_person, asked=asked_genres(request))
        )
    these = "these" if len(best) > 1 else "this"
    lines = [
        f"Movie night for {len(users)}: none of you has marked {these} as seen.",
        *_unknown_people(users, known, named),
        *_who_it_goes_by(users, profiles, deps, bool(request_text.strip()), named),
    ]
    for rec in recommendations:
        lines.append(f"{rec['title']} ({rec['year']}) — {rec['explanation']}")
        lines += [f"  • {named(user)}: {reason}" for user, reason in rec["per_person"].items()]
    understood = contract(
        request, lambda movie_id: deps.catalog.movies[movie_id].label if movie_id in deps.catalog else None
    )
    # "picks": what a chat keeps of them, as of its own answers, for "why the first one?" next
    return {"reply": "\n".join(lines), "intro": lines[0], "recommendations": recommendations, "understood": understood,
            "picks": picks}  # fmt: skip


def _query_vector(deps: Deps, profiles: dict[str, Profile], text: str, anchor_ids: list[str]) -> np.ndarray | None:
    """Each member's taste and the request's words, one share each; a film the request names leads,
    as in a one-person request (agent.nodes.retrieve): the named film first, the words next, the
    tastes least."""
    parts = [p.taste for p in profiles.values() if p.taste is not None]
    if text:
        parts.append(deps.catalog.embedder.embed_query(text))
    anchors = list(deps.catalog.vectors(anchor_ids).values())
    if anchors:
        tastes = [(0.25, _unit(np.mean(parts, axis=0)))] if parts else []
        return _unit(sum(w * v for w, v in [(1.0, _unit(np.mean(anchors, axis=0))), *tastes]))
    return _unit(np.mean(parts, axis=0)) if parts else None


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (float(np.linalg.norm(vector)) or 1.0)


_TYPED_KEYS = ("cli", "http")  # platforms whose user id is the name typed ("cli:ann"), not a number


class _Names:
    """How a member is called in the reply: the name they go by here, else as the user typed it,
    else the id typed (a terminal's "ghost"). A key ("cli:ghost") is the store's, no name a user gave."""

    def __init__(self, deps: Deps, typed: dict[str, str]):
        self.deps = deps
        self.typed = typed

    def __call__(self, user: str) -> str:
        shown = self.deps.profiles.display_name(user) if self.deps.profiles is not None else None  # one row, not all
        typed = user.rpartition(":")[2]  # "ann" of "http:tenant:ann"
        return shown or self.typed.get(user) or (typed if user.partition(":")[0] in _TYPED_KEYS else user)


def _who_it_goes_by(users: list[str], profiles: dict[str, Profile], deps: Deps, asked: bool,
                    named: _Names) -> list[str]:  # fmt: skip
    """Whose ratings the pick follows, when someone has none ("bo has no ratings yet, so only ana's
    ratings count"): a name typed wrong, or someone new, gets no taste made up."""
    unrated_keys = [u for u in users if profiles[u].is_empty]
    if not unrated_keys:
        return []
    also = " and what you asked for" if asked else ""
    if len(unrated_keys) == len(users):
        return [f"None of you has rated a film yet, so the pick goes by the films' own ratings{also}."]
    rated = [named(u) for u in users if not profiles[u].is_empty]
    whose = f"{prose_list(rated)}'s ratings" if len(rated) == 1 else f"the ratings of {prose_list(rated)}"
    # someone never met is said once, by _unknown_people: "cli:bo has no ratings yet" beside "I don't
    # know cli:bo" told of the same typo twice, the first as if bo were a member yet to rate
    known = deps.profiles.known_users(unrated_keys) if deps.profiles is not None else set(unrated_keys)
    unrated = [named(u) for u in unrated_keys if u in known]
    if not unrated:
        return [f"So only {whose}{also} count."]
    has = "has" if len(unrated) == 1 else "have"
    return [f"{prose_list(unrated)} {has} no ratings yet, so only {whose}{also} count."]


def _known(users: list[str], deps: Deps) -> set[str]:
    """The members the bot has met, the one asking always among them (a first `movienight` is them
    talking to it)."""
    return (deps.profiles.known_users(users) if deps.profiles is not None else set(users)) | set(users[:1])


def _unknown_people(users: list[str], known: set[str], named: _Names) -> list[str]:
    """The people named whom the bot has never met (a name typed wrong, most likely): "no ratings
    yet" alone left "--with nobody" looking like a real member who had not rated anything."""
    unknown = [u for u in users if u not in known]
    if not unknown:
        return []
    names = "that name" if len(unknown) == 1 else "those names"
    who = prose_list([named(u) for u in unknown], "or")
    return [f"I don't know {who}: no one by {names} has talked to me or rated a film here (check the spelling)."]


def _nothing_against(profile: Profile) -> str:
    """What is true of a pick nothing in someone's ratings speaks for: "nothing in it clashes with
    what you've disliked" was said to people who had disliked nothing, which told them nothing."""
    if profile.disliked():
        return "none of its genres is one you've rated low"
    rated = "your one rating says" if len(profile.ratings) == 1 else f"your {len(profile.ratings)} ratings say"
    return f"{rated} little about it either way, and you've rated nothing low"


def _reason_for_member(movie, request: Request, profile: Profile, deps: Deps) -> str:
    """The one fact that speaks to this person: a liked film it shares people with, a
    favourite genre, or, with no history, the film's standing (and that their taste played no part)."""
    if not profile.is_empty:
        personal = [r for r in reasons_for(movie, request=request, anchors=[], profile=profile, catalog=deps.catalog,
                                           in_public=True) if r.endswith(A_FILM_YOU_LIKED)]  # fmt: skip
        if personal:
            return personal[0]
        panned = [deps.catalog.movies[m] for m in profile.disliked() if m in deps.catalog]
        disliked = [g for g in movie.genres if profile.genres.get(g, 0.0) < -0.15
                    or (profile.genres.get(g, 0.0) < 0 and any(g in m.genres for m in panned))]  # fmt: skip
        # what it has in common with what they liked, when that weighs more than any clash (a horror
        # fan's Scream is horror before it is comedy); else the clash, said as what they rated
        liked_most = max((profile.genres.get(g, 0.0) for g in movie.genres), default=0.0)
        clash = min((profile.genres.get(g, 0.0) for g in disliked), default=0.0)
        if not disliked or liked_most >= -clash:
            liked = taste_reason(movie, profile, deps.catalog, in_public=True, asked=asked_genres(request))
            if liked or not disliked:
                return liked or _nothing_against(profile)
        disliked.sort(key=lambda g: profile.genres.get(g, 0.0))
        # the clash said without the films or how many: the whole channel reads a movie night
        return f"{a_or_an(disliked[0] + ' film')}, not a genre you rate highly"  # no one's love is promised
    if movie.rating is not None:
        return f"no ratings from you yet, so your taste played no part; it's rated {movie.rating:.1f}"
    return "no ratings from you yet, so your taste played no part"


def log_group_picks(deps: Deps, caller: str, platform: str, channel: str | None, request_text: str,
                    recommendations: list[dict]) -> None:  # fmt: skip
    """Movie-night picks stored as the caller's suggestions, each given its `suggestion_id`, so a
    front end can attach the posted message and anyone in the group can rate the film by reacting.
    Held back from nothing (the caller's own "more" or "the second one" is not about them) and with
    no ranking features, so the one-person re-ranker learns nothing from them: their features are
    measured against the members' tastes mixed into one query, without the collaborative, co-mention
    and store-popularity signals a one-person pick has, the group rule chose them with no propensity,
    and a reaction to one is to an evening's compromise (README, "The learning re-ranker")."""
    if deps.profiles is None or not recommendations:
        return
    items = [{"movie_id": rec["id"], "rank": n, "score": rec.get("score")} for n, rec in enumerate(recommendations)]
    ids = deps.profiles.log_suggestions(caller, platform=platform, channel=channel, request=request_text,
                                        items=items, at=deps.clock(), held_back=False)  # fmt: skip
    for rec, suggestion_id in zip(recommendations, ids, strict=True):
        rec["suggestion_id"] = suggestion_id
