""" "Something by the same director as Heat", "more with the star of Alien": a person named by a film.

Read word by word, these asked for Heat itself (its title was the only thing found), and "films by
whoever directed heat" for a guess. The film's director (or lead) is what is meant, and the film
itself, which the user knows, is not to be suggested back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.understanding.versions import same_title
from store.catalog import Catalog

_ROLE = re.compile(
    r"(?P<cue>\b(?:by|from|with|starring|featuring)\s+)?"
    r"(?P<said>(?:(?:the\s+(?:same\s+)?)(?P<role>director|filmmaker|makers?|people|guys?|actor|actress|star|lead)s?"
    r"\s+(?:as|of|from|in|behind|who\s+(?:made|did|directed))"
    r"|whoever\s+(?P<verb>directed|made|starred\s+in)|the\s+(?P<lead>(?:lead\s+)?actor|actress|star)\s+of)\s+)"
    r"(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_ACTING = {"actor", "actress", "star", "lead", "starred in", "lead actor"}
_MAX_TITLE_WORDS = 8


@dataclass(frozen=True)
class MakerOf:
    message: str  # the message with the person in place of the role and film
    people: tuple[str, ...]  # empty when the catalog lacks the film's credits
    said: str  # the role as said: "the same director as"
    film: str  # the film named, not to be suggested back


def maker_of(message: str, catalog: Catalog) -> MakerOf | None:
    """The director or lead of the film a message names by role ("the director of Heat"), or None."""
    m = _ROLE.search(message)
    if m is None:
        return None
    titled = _title_at(m["rest"], catalog)
    if titled is None:
        return None
    movie_id, length = titled
    movie = catalog.movies[movie_id]
    role = (m["role"] or m["verb"] or m["lead"] or "").casefold()
    acting = role in _ACTING
    people = tuple(movie.cast[:1] if acting else movie.directors)
    rest = m["rest"][length:]
    if not people:  # a film the catalog knows no credits of: the role goes unread, and is said to
        return MakerOf(message[: m.start()] + rest, (), m["said"].strip(), movie_id)
    # "the makers of Airplane!" are three directors, any of whom will do
    names = " or ".join(people)
    cue = m["cue"] or ("with " if acting else "by ")
    rewritten = message[: m.start()] + cue + names + rest
    return MakerOf(rewritten, people, m["said"].strip(), movie_id)


def _title_at(text: str, catalog: Catalog) -> tuple[str, int] | None:
    """The film whose whole title (and year, if given) opens `text`: its id and the characters it takes."""
    words = list(re.finditer(r"\(\d{4}\)|[^\s?!,.;]+(?:[.,:'’-][^\s?!,.;]+)*", text))
    for n in range(min(len(words), _MAX_TITLE_WORDS), 0, -1):
        end = words[n - 1].end()
        typed = text[:end].strip(" \"'“”")
        match = catalog.resolve_title(typed)
        bare = re.sub(r"\s*\(\d{4}\)$", "", typed)
        if match is not None and (same_title(typed, match.title) or same_title(bare, match.title)):
            if bare != typed and match.year is not None and str(match.year) not in typed:
                continue
            return match.movie_id, end
    return None
