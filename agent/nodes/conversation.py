"""The other things people say: why a pick, what they have seen or loved, help, small talk."""

from __future__ import annotations

from agent.deps import Deps
from agent.state import State
from store.profiles import DISLIKE_STARS, LIKE_STARS

HELP = (
    "Tell me what you're in the mood for and I'll suggest a few movies, each with a reason. For example:\n"
    "• something like Se7en but less grim, from the 90s\n"
    "• a feel-good comedy under 2 hours\n"
    "• Korean thrillers, highly rated\n"
    "• give me 5 movies by Hayao Miyazaki\n"
    'Then: "more", "something older", "another like the second one", "why the first one?".\n'
    'Tell me "I\'ve seen Heat" or "I loved Amélie" and I\'ll remember it.'
)
SMALL_TALK = 'Happy to help! Ask me for a movie whenever you like — say "help" for ideas.'


def _say(text: str, intent: str) -> dict:
    return {"reply": text, "intro": text, "recommendations": [], "intent": intent,
            "messages": [{"role": "assistant", "text": text}]}  # fmt: skip


def respond_help(state: State, deps: Deps) -> dict:
    return _say(HELP, "help")


def respond_smalltalk(state: State, deps: Deps) -> dict:
    return _say(SMALL_TALK, "smalltalk")


def _pointed(state: State, deps: Deps) -> list[str]:
    """Movie ids the message points at: named titles, or "the second one" among the last picks."""
    last = [p["id"] for p in state.get("last_picks") or []]
    if state.get("mentioned"):
        return list(state["mentioned"])
    ordinal = state.get("ordinal")
    if ordinal is not None and last:
        try:
            return [last[ordinal]]
        except IndexError:
            return []
    return last[:1] if len(last) == 1 else []


def answer_why(state: State, deps: Deps) -> dict:
    """The reasons recorded when the pick was made: the same facts, spelled out."""
    last = {p["id"]: p for p in state.get("last_picks") or []}
    if not last:
        return _say("I haven't suggested anything yet in this conversation. Ask me for a movie first!", "why")
    targets = [m for m in _pointed(state, deps) if m in last] or list(last)[:1]
    if state.get("ordinal") is None and not state.get("mentioned") and len(last) > 1:
        targets = list(last)
    lines = []
    for movie_id in targets:
        movie = deps.catalog.movies[movie_id]
        reasons = last[movie_id]["reasons"]
        because = "; ".join(reasons) if reasons else "it was the closest match to what you asked for"
        lines.append(f"{movie.label}: {because}.")
        if movie.overview:
            lines.append(f"  {movie.overview}")
    return _say("\n".join(lines), "why")


def record_opinion(state: State, deps: Deps) -> dict:
    """ "I've seen Heat", "loved the first one", "hated Titanic": written to the profile."""
    intent = state.get("intent") or "seen"
    targets = _pointed(state, deps)
    if not targets:
        return _say('Which movie do you mean? Name it, or say "the second one" after I suggest some.', intent)
    labels = [deps.catalog.movies[m].label for m in targets]
    stars = state.get("stated_rating")
    if deps.profiles is None or not state.get("user"):
        return _say(f"Noted: {', '.join(labels)}. (I have nowhere to remember it in this session.)", intent)
    user = state["user"]
    for movie_id in targets:
        deps.profiles.add_watched(user, movie_id, source="chat")
        if intent == "liked":
            deps.profiles.rate(user, movie_id, stars or LIKE_STARS, source="chat")
        elif intent == "disliked":
            deps.profiles.rate(user, movie_id, stars or DISLIKE_STARS, source="chat")
        elif stars:
            deps.profiles.rate(user, movie_id, stars, source="chat")
    names = " and ".join(labels)
    if intent == "liked":
        text = f"Great, I've noted that you liked {names}. I'll look for more in that vein."
    elif intent == "disliked":
        text = f"Noted: {names} wasn't for you. I'll steer away from things like it."
    else:
        text = f"Got it: {names} marked as watched. I won't suggest {'them' if len(targets) > 1 else 'it'} again."
    return _say(text, intent)
