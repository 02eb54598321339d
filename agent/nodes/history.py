"""Turns about films that record no verdict: a plan to watch one, and corrections of what the
profile holds ("forget that I watched Heat", "undo that"), answered with what was changed."""

from __future__ import annotations

from collections.abc import Callable

from agent.deps import Deps
from agent.nodes.conversation import pointed_films, say, which_film
from agent.nodes.just_named import led_by_the_film_taken
from agent.nodes.reply import not_in_catalog
from agent.nodes.taken_back import stored_before, take_back
from agent.profile import as_given
from agent.prose import prose_list
from agent.state import State
from agent.understanding.bare_stars import bare_stars
from agent.understanding.corrections import REVISES, WATCHLIST
from agent.understanding.intents import Classified
from agent.understanding.text import normalise_message
from agent.understanding.verdicts import thanked_for


@led_by_the_film_taken
def note_interest(state: State, deps: Deps) -> dict:
    """ "The second one sounds good", "ok ill watch the first one": nothing seen or liked yet, so
    nothing is recorded, and the reply says how to tell the verdict later."""
    if state.get("intent") == "unseen":
        return _note_unseen(state, deps)
    targets = pointed_films(state, deps)
    if not targets:
        return which_film(state, "interested", deps)
    labels = prose_list([deps.catalog.movies[m].label for m in targets])
    kept = (
        "I keep no watchlist, so I haven't added it anywhere. " if WATCHLIST.search(state.get("message") or "") else ""
    )
    it = "them" if len(targets) > 1 else "it"
    text = f"{kept}Enjoy {labels}! Tell me how you liked {it} once you've seen {it}."
    if thanked_for((state.get("message") or "").lower()):  # it may be seen already, or not yet
        text = f"Happy to help! If you've seen {labels}, tell me how you liked {it}; or ask me for more like {it}."
    # the film picked is what "seen it" or "loved it" means next
    return {**say(text, "interested"), "focus": targets[0] if len(targets) == 1 else state.get("focus")}


def _note_unseen(state: State, deps: Deps) -> dict:
    """ "I never saw Heat": nothing to record, nor a request for films like it; the film named becomes the
    one spoken of, so "more like it" or "what's it about?" can follow. A film the history holds as
    watched is said to be, with how to take it off."""
    targets = [m for m in state.get("mentioned") or [] if m in deps.catalog.movies]
    if not targets:
        unknown = state.get("unknown_titles") or []
        if unknown:
            return say(f"{not_in_catalog(unknown, deps.catalog)}, so I haven't noted anything.", "unseen")
        return which_film(state, "unseen", deps)
    movies = [deps.catalog.movies[m] for m in targets]
    new = "are new to you" if len(movies) > 1 else "is new to you"
    said = [f"So {prose_list([m.label for m in movies])} {new}; I haven't noted anything."]
    if len(movies) == 1:
        said.append(f"Say “more like {movies[0].title}” if you'd like films like it.")
    user = state.get("user")
    held = [m for m in movies if deps.profiles is not None and user and deps.profiles.has_watched(user, m.id)]
    if held:
        said.append(f"Your history has {prose_list([m.label for m in held])} as watched: say “forget that I "
                    f"watched {held[0].title}” to take it off.")  # fmt: skip
    return {**say(" ".join(said), "unseen"), "focus": targets[0] if len(targets) == 1 else state.get("focus")}


def correct_history(state: State, deps: Deps) -> dict:
    """ "Forget that I watched Heat", "actually I haven't seen it": off the watched list with its
    rating, as `moviebot watched remove` does; "undo that": the last turn's opinion taken back."""
    intent = state.get("intent") or "undo"
    user = state.get("user")
    if deps.profiles is None or not user:
        return say("I have nowhere to remember anything in this session, so there is nothing to change.", intent)
    if intent == "undo":
        stored = state.get("replaces") or {}
        if not stored:
            return say("I noted nothing in your last message, so there is nothing to undo. To take a film off "
                        'your history, say "forget that I watched Heat".', intent)  # fmt: skip
        # the film whose opinion was taken back is still the one spoken of: "what did I think of it?"
        focus = next(iter(stored)) if len(stored) == 1 else state.get("focus")
        return {**say(_undo(deps, user, stored), intent), "recorded": {"undone": list(stored)}, "focus": focus}
    targets = pointed_films(state, deps)
    if not targets:
        return which_film(state, intent, deps)
    if intent == "unrated":  # "forget my rating for Heat": the stars go, the film stays seen
        return _unrate(deps, user, targets, intent, state.get("focus"))
    replaced = state.get("replaces") or {}  # "I meant the 1933 one": the film first taken off goes back
    take_back(deps, user, replaced)
    back = [deps.catalog.movies[m].label for m in replaced if deps.profiles.has_watched(user, m)]
    moved = f" {prose_list(back)} {'are' if len(back) > 1 else 'is'} back on your watched films." if back else ""
    # the stars said are the ones removed, as in MovieService.watched_remove
    taken, absent, before = _take_each(deps, user, targets, intent, lambda m, _: deps.profiles.remove_watched(user, m))
    removed = [f"{label} (and your {as_given(held['stars'], held['reaction'])})" if held["stars"] is not None
               else label for _, label, held in taken]  # fmt: skip
    said = [f"Done: I've taken {prose_list(removed)} off your watched films.{moved}"] if removed else []
    if absent:
        were = "weren't" if len(absent) > 1 else "wasn't"
        said.append(f"{prose_list(absent)} {were} on your watched list, so there was nothing to take off.{moved}")
    focus = targets[0] if len(targets) == 1 else state.get("focus")  # "forget that I watched it" ... "why it?"
    return {**say(" ".join(said), intent), "recorded": {"unwatched": targets}, "stored_before": before,
            "focus": focus}  # fmt: skip


def _unrate(deps: Deps, user: str, targets: list[str], intent: str, focus: str | None) -> dict:
    """Each film's rating removed, its watched mark kept; what each held is what "undo that" puts back."""

    def unrate(movie_id: str, held: dict) -> bool:
        if held["stars"] is None:
            return False
        deps.profiles.unrate(user, movie_id)
        return True

    taken, absent, before = _take_each(deps, user, targets, intent, unrate)
    removed = [f"your {as_given(held['stars'], held['reaction'])} for {label}" for _, label, held in taken]
    seen = [label for movie_id, label, _ in taken if deps.profiles.has_watched(user, movie_id)]
    said = [f"Done: I've removed {prose_list(removed)}."] if removed else []
    if seen:
        said.append(f"{prose_list(seen)} {'stay' if len(seen) > 1 else 'stays'} on your watched films.")
    if absent:
        said.append(f"You haven't rated {prose_list(absent, 'or')}, so there was no rating to remove.")
    focus = targets[0] if len(targets) == 1 else focus
    return {**say(" ".join(said), intent), "recorded": {"unrated": targets}, "stored_before": before, "focus": focus}


def _take_each(deps: Deps, user: str, targets: list[str], intent: str,
               take: Callable[[str, dict], bool]) -> tuple[list[tuple[str, str, dict]], list[str], dict]:  # fmt: skip
    """`take` applied to each film with what it held, read in the same transaction: (id, label, held)
    for each film taken, the labels of the others, and what "undo that" puts back, by id."""
    taken, absent, before = [], [], {}
    for movie_id in targets:
        label = deps.catalog.movies[movie_id].label
        with deps.profiles.transaction():
            held = stored_before(deps, user, [movie_id], intent, None, False)
            done = take(movie_id, held[movie_id])
        if done:
            taken.append((movie_id, label, held[movie_id]))
            before |= held
        else:
            absent.append(label)
    return taken, absent, before


def _undo(deps: Deps, user: str, stored: dict) -> str:
    """The last turn's change taken back, and what the profile now holds of each film: a film taken
    off the watched list is said to be back only once it is."""
    removed = {m: b for m, b in stored.items() if b.get("intent") == "unwatched"}
    noted = {m: b for m, b in stored.items() if m not in removed}
    said = ["Undone.", take_back(deps, user, noted).strip()]
    take_back(deps, user, removed)
    for movie_id in stored:
        label, stars = deps.catalog.movies[movie_id].label, deps.profiles.rating(user, movie_id)
        given = as_given(stars, deps.profiles.reactions(user).get(movie_id)) if stars is not None else ""
        if movie_id not in removed:
            said.append(f"{label} is back to {given}." if stars is not None else "")
        elif deps.profiles.has_watched(user, movie_id):
            with_stars = f", with your {given}" if stars is not None else ""
            said.append(f"{label} is back on your watched films{with_stars}.")
        else:
            said.append(f"I couldn't put {label} back on your watched films.")
    return " ".join(s for s in said if s)


def revising(intent: str, classified: Classified, message: str, last: dict) -> dict:
    """What a correction of the last thing noted changes of the turn: "undo that" takes back `last`
    (the films the last turn noted, and what each held before); "actually make that 3 stars" and
    "actually I haven't seen it", naming no film, are about those films."""
    if intent == "undo":
        return {"replaces": last}
    named = classified.titles or classified.ordinal is not None or classified.positions or classified.every
    if named or intent not in ("liked", "disliked", "unwatched"):
        return {}
    if intent == "unwatched" or (classified.stars_said and REVISES.search(normalise_message(message))):
        return {"mentioned": list(last)}
    return {}


def restarred(message: str, last: dict) -> dict:
    """A bare number of stars right after a turn that gave stars ("make it 2", "actually 2") changes
    those films' stars: it was read as how many picks to show, and two were recommended."""
    stars = bare_stars(message) if any(b.get("stars_said") for b in last.values()) else None
    if stars is None:
        return {}
    return {"intent": "liked" if stars >= 3 else "disliked", "stated_rating": stars, "stars_said": True,
            "mentioned": list(last), "ordinal": None, "positions": [], "every": False}  # fmt: skip
