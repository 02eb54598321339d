"""Answers about the user's own history, from their profile: what they watched and rated, and why
a film they name was not suggested (read in agent.understanding.my_history)."""

from __future__ import annotations

from collections.abc import Mapping

from agent.deps import Deps
from agent.factcheck import breaks, outside_clause
from agent.profile import DISLIKED_UP_TO, LIKED_FROM, as_given, you_gave
from agent.prose import prose_list

SHOWN = 10  # films listed by name; the rest are counted
MY_HISTORY = ("my_watched", "my_rated", "my_liked", "my_disliked", "my_picked", "my_picks")  # questions answered here


def my_history(fact: str, state: Mapping, deps: Deps) -> str:
    """ "You've marked 3 films as watched, newest first: ..." or the ratings, newest first."""
    user = state.get("user")
    if deps.profiles is None or not user:
        return "I keep no history in this session, so I can't say what you've watched or rated."
    if fact == "my_picked":
        return _picked(state, deps)
    if fact == "my_picks":
        return _of_the_picks(user, state, deps)
    if fact in ("my_liked", "my_disliked"):
        return _verdicts(fact == "my_liked", user, deps)
    movies = deps.catalog.movies
    if fact == "my_rated":
        rated = deps.profiles.ratings(user)
        at = deps.profiles.rated_at([user])
        order = sorted(rated, key=lambda m: at.get((user, m)) or "", reverse=True)  # the undated last
        reacted = deps.profiles.reactions(user)
        named = [f"{movies[m].label} {'' if m in reacted else 'at '}{as_given(rated[m], reacted.get(m))}"
                 for m in order if m in movies]  # fmt: skip
        undated = sum(at.get((user, m)) is None for m in rated)  # imported without a date
        what, none = "rated {}", "You haven't rated any films yet."
    else:
        rows = deps.profiles.watched(user)  # newest first, the undated after every dated one
        order = [row["movie_id"] for row in rows]
        undated = sum(row["watched_at"] is None for row in rows)
        named = [movies[m].label for m in order if m in movies]
        what, none = "marked {} as watched", "You haven't marked any films as watched yet."
    if not order:
        return none
    films = "film" if len(order) == 1 else "films"
    shown = ", ".join(named[:SHOWN])
    rest = len(order) - min(len(named), SHOWN)
    more = f", and {rest:,} more" if rest else ""
    newest = _in_order(len(order), len(order) - undated) if len(named) > 1 else ""
    return f"You've {what.format(f'{len(order):,} {films}')}{newest}: {shown}{more}."


def _verdicts(liked: bool, user: str, deps: Deps) -> str:
    """ "What did I say I liked?": the films rated as liked (or disliked), best (or worst) first, each as
    the rating was given, so a thumbs up is not said to be stars."""
    profiles, movies = deps.profiles, deps.catalog.movies
    ids = profiles.liked(user, LIKED_FROM) if liked else profiles.disliked(user, DISLIKED_UP_TO)
    ids = [m for m in ids if m in movies]
    kind = "liked" if liked else "disliked"
    if not ids:
        return f"You haven't told me of any film you {kind} yet."
    stars, reacted = profiles.ratings_given(user)
    named = [f"{movies[m].label} ({as_given(stars[m], reacted.get(m))})" for m in ids[:SHOWN]]
    rest = f", and {len(ids) - SHOWN:,} more" if len(ids) > SHOWN else ""
    films = "film" if len(ids) == 1 else "films"
    order = ", best first" if liked and len(ids) > 1 else ", worst first" if len(ids) > 1 else ""
    return f"You {kind} {len(ids):,} {films}{order}: {', '.join(named)}{rest}."


def _picked(state: Mapping, deps: Deps) -> str:
    """ "What did I pick?": which pick the user chose is not recorded (only what they rate or mark as
    seen), so the answer says so and names the last picks, which are known."""
    shown = [deps.catalog.movies[p["id"]].label for p in state.get("last_picks") or [] if p["id"] in deps.catalog]
    last = f" My last picks for you were {prose_list(shown)}." if shown else " I haven't suggested anything here yet."
    focus = state.get("focus")  # "I'll watch the first one", "tell me about the second one": spoken of since
    if shown and focus in {p["id"] for p in state.get("last_picks") or []} and focus in deps.catalog:
        last += f" The one of them we last spoke of was {deps.catalog.movies[focus].label}."
    return (
        "I don't note which pick you choose, only the films you rate or tell me you've seen "
        f'("what have I rated?" lists those).{last}'
    )


_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five"}


def _of_the_picks(user: str, state: Mapping, deps: Deps) -> str:
    """ "Have I seen any of these?", "did I rate any of those?": of the picks just shown, the ones the
    profile says were seen (rated or marked watched) or rated, and that the others were not."""
    movies, profiles = deps.catalog.movies, deps.profiles
    shown = [p["id"] for p in state.get("last_picks") or [] if p["id"] in movies]
    if not shown:
        return "I haven't suggested anything here yet."
    stars, given = profiles.ratings_given(user)
    rated = "rate" in (state.get("message") or "").lower()
    done = [m for m in shown if m in stars or (not rated and profiles.has_watched(user, m))]
    if not done:
        them = "it" if len(shown) == 1 else "any of them"
        return f"You haven't rated {them}." if rated else f"You haven't marked {them} as seen."
    rest = len(shown) - len(done)
    other = "it" if len(shown) == 1 else "the other one" if rest == 1 else f"the other {_NUMBERS.get(rest, rest)}"
    if rated:
        said = "; ".join(f"you {you_gave(stars[m], given.get(m), it=movies[m].label)}" for m in done)
        unrated = f"; you haven't rated {other}" if rest else ""
        return f"Y{said[1:]}{unrated}."
    seen = prose_list([movies[m].label for m in done])
    if not rest:
        return f"You've seen {'it' if len(done) == 1 else f'all {_NUMBERS.get(len(done), len(done))}'}: {seen}."
    return f"You've seen {seen}; not {other}."


def _in_order(films: int, dated: int) -> str:
    """How the watched list is ordered, true of it: no film of unknown date is "newest"."""
    if dated == films:
        return ", newest first"
    return ", dated ones newest first, then the undated" if dated else ""


def what_you_thought(movie_id: str, state: Mapping, deps: Deps) -> str:
    """ "What did I think of Alien?", "did I like Heat?": the rating as it was given ("You gave Heat
    (1995) a thumbs up"), or that the film was only watched, refused, or never rated."""
    label, user, profiles = deps.catalog.movies[movie_id].label, state.get("user"), deps.profiles
    if profiles is None or not user:
        return f"I keep no history in this session, so I can't say what you thought of {label}."
    stars, given = profiles.ratings_given(user)
    if movie_id in stars:
        return f"You {you_gave(stars[movie_id], given.get(movie_id), it=label)}."
    if profiles.has_watched(user, movie_id):
        return f"You marked {label} as watched, with no rating."
    if movie_id in profiles.dismissed(user):
        return f"You asked me not to suggest {label} again; you haven't rated it."
    return f"You haven't rated {label} or marked it as seen."


def why_not(movie_id: str, state: Mapping, deps: Deps) -> str:
    """Why a film the user names was not among the picks: their rating, that they saw it, that they
    refused it, that it was suggested already, or what of the request it misses."""
    movie = deps.catalog.movies[movie_id]
    label, user, profiles = movie.label, state.get("user"), deps.profiles
    if profiles is not None and user:
        stars, reaction = profiles.rating(user, movie_id), profiles.reactions(user).get(movie_id)
        if reaction == "dislike":
            return f"You gave {label} a thumbs down, so I don't suggest it, and I steer away from films like it."
        if reaction == "like":
            return f"You gave {label} a thumbs up, so I take it you've seen it, and I don't suggest films you've seen."
        if reaction == "disliked":
            return f"You said you disliked {label}, so I don't suggest it, and I steer away from films like it."
        if reaction in ("liked", "loved"):
            return f"You said you {reaction} {label}, so you've seen it, and I don't suggest films you've seen."
        if stars is not None and stars <= 2.5:
            return f"You rated {label} {stars:g}/5, so I don't suggest it, and I steer away from films like it."
        if stars is not None:
            return f"You rated {label} {stars:g}/5, so you've seen it, and I don't suggest films you've seen."
        if profiles.has_watched(user, movie_id):
            return f"You've marked {label} as watched, and I don't suggest films you've seen."
        if movie_id in profiles.dismissed(user):
            return f"You asked me not to suggest {label} again."
    if movie_id in (state.get("shown") or []):
        return f"I suggested {label} earlier in this conversation, and I don't suggest a film twice."
    request = state.get("request") or {}
    refused = request.get("exclude_titles") or []
    if movie_id in refused:
        return f"You asked for nothing like {label}, so I left it out."
    # "not lord of the rings" refused the 1978 film by name and The Two Towers as its series (retrieve)
    if series := next((m for m in refused if movie_id in deps.catalog.series_of(m)), None):
        title = deps.catalog.movies[series].title
        return f"You asked for nothing of {title}, so I left out its series, {label} with it."
    if request and breaks(movie, request):
        return f"{label} doesn't fit what you asked: it is {outside_clause(movie, request)}."
    if request:
        return f"Nothing rules {label} out; other films ranked higher for what you asked."
    return f"Nothing rules {label} out; I just haven't suggested it."
