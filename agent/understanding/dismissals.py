"""Which films a dismissal ("don't show me Notting Hill again", "not interested in titanic") is about,
also when the message asks for films besides: "not interested in titanic, any comedies?" dismissed
nothing (the comedies made it a request, so the dismissal went unread), and "not interested in
titanic, something like heat?" dismissed Heat, the film asked to go by."""

from __future__ import annotations

import re

from agent.understanding.reader import understand
from agent.understanding.request import CatalogLookup, Understood, has_filters
from agent.understanding.title_lists import titles_after

DISMISSED_TAIL = re.compile(r"(?:\s+(?:ever|again|any\s*more|please|thanks))+\W*$")
# "don't show me Inception again": the words between the dismissal and the film
_DISMISSED_LEAD = re.compile(r"\s*(?:(?:me|us)\s+)?(?:(?:any\s*more|again|ever|anything\s+like)\s+)?(?:in\s+)?")
_CLAUSE_END = re.compile(r"[,;.!?]|\bbut\b")


def dismissed_titles(
    text: str, lowered: str, dismissal: re.Match[str], understood: Understood, titles: list[str], lookup: CatalogLookup
) -> list[str] | None:
    """The films the dismissal at `dismissal` names, or those the message named (`titles`) when it
    asks for nothing else; when it asks for films besides, only those its own clause names (none
    when it points: "skip the first one, any comedies?"), and None when that clause is a wish
    itself ("not interested in horror, any comedies?")."""
    after = _DISMISSED_LEAD.match(lowered, dismissal.end()).end()
    tail = DISMISSED_TAIL.search(lowered)  # "... again", "... anymore": no part of the title
    said = text[: tail.start()] if tail and len(text) == len(lowered) else text
    own = [m.movie_id for m in titles_after(said, after, lookup, exact=True)]
    besides = has_filters(understood, titles=False) or bool(set(understood.like_titles) - set(own))
    if not besides:
        return titles or own or [m.movie_id for m in titles_after(said, after, lookup)]
    end = _CLAUSE_END.search(lowered, after)
    typed = text if len(text) == len(lowered) else lowered
    clause = typed[: end.start() if end else len(typed)]
    clause = clause[: tail.start()] if (tail := DISMISSED_TAIL.search(clause)) else clause  # "titanic again, ..."
    own = [m.movie_id for m in titles_after(clause, after, lookup, exact=True)] or own
    read = understand(clause[dismissal.start() :], lookup)  # "not interested in horror": a wish, not a film
    titled = set(own) & {*read.like_titles, *read.exclude_titles}
    return own if titled or not has_filters(read, titles=False) else None  # [] : "skip the first one, ..."
