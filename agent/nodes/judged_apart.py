"""A film judged in passing is no word of the request beside it: "Heat was great, and more comedies" asked
for comedies, and its "heat" found The Heat (2013) first; "Alien was great, and more comedies" asked for
sci-fi comedies about aliens."""

from __future__ import annotations

import re

from agent.understanding.request import Request, Understood
from store.movie import ascii_fold


def judged_in_passing(heard: dict) -> list[str]:
    """The films a message judged, saw or set aside on its way to asking for others."""
    kinds = ("seen", "liked", "disliked", "rated", "dismissed")
    return list(dict.fromkeys(m for kind in kinds for m in heard.get(kind) or ()))


def judged_words_out(request: Request, understood: Understood, judged: list[str], message: str, movies) -> None:
    """The request without what only the judged films' titles said: their words in the free text, the
    themes those words were read as ("alien": aliens) and the genres only those themes implied."""
    judged = [m for m in judged if m in movies and m not in (request.get("like_titles") or [])]
    if not judged:
        return
    lowered = ascii_fold(message).casefold()
    titles = [ascii_fold(movies[m].title).casefold() for m in judged]
    for title in titles:  # what is left was said apart from the titles ("Alien was great, more alien films")
        lowered = re.sub(rf"(?<!\w){re.escape(title)}(?!\w)", " ", lowered)
    apart = set(re.findall(r"\w+", lowered))
    only_titled = {w for title in titles for w in re.findall(r"\w+", title)} - apart
    if not only_titled:
        return
    query = request.get("query") or ""
    request["query"] = " ".join(w for w in query.split() if ascii_fold(w).casefold().strip(",.!?") not in only_titled)
    stems = {w.rstrip("s") for w in only_titled}
    dropped = [k for k in understood.keywords if k.casefold().rstrip("s") in stems]
    if not dropped:
        return
    request["keywords"] = [k for k in request.get("keywords") or [] if k not in dropped]
    if not set(understood.keywords) - set(dropped):  # the genres only those themes implied go with them
        implied = set(understood.theme_genres)
        request["genres"] = [g for g in request.get("genres") or [] if g not in implied]
        request["theme_genres"] = [g for g in request.get("theme_genres") or [] if g not in implied]
