"""How a chat stores the verdicts it hears, and the words that say each film's verdict back."""

from __future__ import annotations

from agent.deps import Deps
from agent.profile import LIKED_FROM, verdict_source
from agent.prose import prose_list
from store.profiles import DISLIKE_STARS, LIKE_STARS


def verdict_parts(
    opinions: dict[str, tuple[str, float | None]], given: list[str], label: dict[str, str], *, stars_said: bool
) -> list[str]:
    """ "you loved Ronin (1998)", "Heat (1995) was OK for you, kept as 3 out of 5": each film's verdict in the
    words it gets said alone, so "Heat was decent but Ronin was great" says back two verdicts, not one like;
    films in `given` were given stars in so many words ("4 out of 5 for Heat (1995)")."""
    kind_of = {m: _kind(verdict, stars) for m, (verdict, stars) in opinions.items()}
    labels = {kind: [label[m] for m in opinions if kind_of[m] == kind and m not in given]
              for kind in ("loved", "liked", "middling", "disliked", "seen")}  # fmt: skip
    said = {kind: prose_list(names) if names else "" for kind, names in labels.items()}
    many = {kind: len(names) > 1 for kind, names in labels.items()}
    parts = [prose_list([f"{opinions[m][1]:g} out of 5 for {label[m]}" for m in given])] if given else []
    parts += [f"you {kind} {said[kind]}" for kind in ("loved", "liked") if said[kind]]
    middling = {opinions[m][1] for m in opinions if kind_of[m] == "middling" and m not in given}
    if said["middling"]:  # "Heat was decent": three stars, which promise no more of it
        kept = f", kept as {middling.pop():g} out of 5" if len(middling) == 1 else ""
        parts += [f"{said['middling']} {'were' if many['middling'] else 'was'} OK for you{kept}"]
    parts += [f"{said['disliked']} {'weren' if many['disliked'] else 'wasn'}'t for you"] if said["disliked"] else []
    no_stars = ", with no stars given" if stars_said else ""  # "I rated Toy Story 3": seen, no stars
    parts += [f"you've seen {said['seen']}{no_stars}"] if said["seen"] else []
    return parts


def _kind(verdict: str, stars: float | None) -> str:
    """ "loved" as said back later ("which you loved"): the word's 5 stars, as "I loved Heat" alone; a like
    under LIKED_FROM stars ("Heat was ok") is middling, as alone."""
    if verdict == "liked" and (stars or 0) >= 5:
        return "loved"
    if verdict == "liked" and stars is not None and stars < LIKED_FROM:
        return "middling"
    return verdict


def unkept_said(unkept: dict[str, float], label: dict[str, str]) -> str:
    """ "11 isn't a rating I can keep: say 1 to 5 stars, or out of 10. I haven't noted The Matrix (1999)." """
    if not unkept:
        return ""
    numbers = list(dict.fromkeys(f"{n:.0f}" if n.is_integer() else str(n) for n in unkept.values()))
    said = f"{numbers[0]} isn't a rating" if len(numbers) == 1 else f"{' and '.join(numbers)} aren't ratings"
    return (f"{said} I can keep: say 1 to 5 stars, or out of 10. "
            f"I haven't noted {prose_list([label[m] for m in unkept])}.")  # fmt: skip


def store_opinions(deps: Deps, user: str, opinions: dict[str, tuple[str, float | None]], said=(), on=None,
                   undated: bool = False) -> dict:  # fmt: skip
    """The one way a chat stores what it hears: every film named is watched (`on` the day said, if
    one was; at no day when `undated`: told with a vague when, "last month"), a like or a dislike is a
    rating (stated stars win; those of `said` films were given in so many words, the others stand for a
    word, kept as such), and what was written comes back."""
    recorded: dict = {"watched": [], "ratings": {}, "likes": []}
    for movie_id, (intent, stars) in opinions.items():
        deps.profiles.add_watched(user, movie_id, source="chat", at=on, day_said=on is not None, undated=undated)
        recorded["watched"].append(movie_id)
        value = {"liked": stars or LIKE_STARS, "disliked": stars or DISLIKE_STARS}.get(intent, stars)
        if value:
            deps.profiles.rate(user, movie_id, value, source=verdict_source(intent, value, movie_id in said))
            recorded["ratings"][movie_id] = value
        if intent == "liked" and (value or 0) >= 4:  # "I rated Heat 3.5" is a rating, not a like
            recorded["likes"].append(movie_id)
        if intent == "disliked" and value <= 2:  # stated stars or DISLIKE_STARS: never None
            recorded.setdefault("dislikes", []).append(movie_id)
    return recorded
