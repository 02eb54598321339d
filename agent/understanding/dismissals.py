"""Which films a dismissal ("don't show me Notting Hill again", "not interested in titanic") is about,
also when the message asks for films besides: "not interested in titanic, any comedies?" dismissed
nothing (the comedies made it a request, so the dismissal went unread), and "not interested in
titanic, something like heat?" dismissed Heat, the film asked to go by."""

from __future__ import annotations

import re

from agent.understanding.reader import understand
from agent.understanding.request import CatalogLookup, Understood, has_filters
from agent.understanding.text import normalise_message
from agent.understanding.title_lists import titles_after, titles_reaching
from agent.understanding.verdicts import DISMISS
from store.vocab import normalise_genre

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
    typed = text if len(text) == len(lowered) else lowered
    clause = typed[: _clause_end(typed, lowered, after, lookup)]
    clause = clause[: tail.start()] if (tail := DISMISSED_TAIL.search(clause)) else clause  # "titanic again, ..."
    listed, reach = titles_reaching(clause, after, lookup)
    own = [m.movie_id for m in listed] or own
    read = understand(clause[dismissal.start() :], lookup)  # "not interested in horror": a wish, not a film
    titled = set(own) & {*read.like_titles, *read.exclude_titles}
    # "don't show me heat or alien again": films listed to the clause's end, though "alien" is also a theme
    films_only = bool(listed) and not clause[reach:].strip() and not any(normalise_genre(m.title) for m in listed)
    return own if titled or films_only or not has_filters(read, titles=False) else None  # [] : "skip the first one"


def request_beside(text: str, lookup: CatalogLookup) -> str | None:
    """The message with its dismissal's clause blanked ("don't show me heat or alien again, any
    comedies?": "any comedies?"), so that the words of the films refused ("alien") are neither
    searched for nor read as a wish; None when it holds no dismissal."""
    lowered = normalise_message(text)
    dismissal = DISMISS.search(lowered)
    if dismissal is None or len(lowered) != len(text):
        return None
    after = _DISMISSED_LEAD.match(lowered, dismissal.end()).end()
    stop = _clause_end(text, lowered, after, lookup)
    return text[: dismissal.start()] + " " * (stop - dismissal.start()) + text[stop:]


def _clause_end(typed: str, lowered: str, after: int, lookup: CatalogLookup) -> int:
    """Where the clause of a dismissal whose films start at `after` ends: past the films it lists
    ("skip heat, alien or jaws, any comedies?"), at the next comma, full stop or "but"."""
    _, reach = titles_reaching(typed, after, lookup)
    end = _CLAUSE_END.search(lowered, max(after, reach))
    return end.start() if end else len(typed)
