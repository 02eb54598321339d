"""Answers to a yes-or-no question about a film's kind ("is the first one scary?", "is it a comedy?")
and to where the picks stream ("any of those on netflix?"). A kind question gets its yes or no for
the genre asked about, with what the film is listed as, rather than a list of genres the user must
read the answer out of; a streaming question about the picks is answered of those films, never with
new ones."""

from __future__ import annotations

import re

from agent.prose import prose_list
from store.movie import Movie

# the words of a kind question, and the genres that answer yes to each
_KINDS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (name, re.compile(rf"\b(?:{words})\b"), genres)
    for name, words, genres in (
        ("horror", r"horror|scary", ("horror",)),
        ("comedy", r"comedy|funny", ("comedy",)),
        ("animation", r"animated|animation|cartoon|anime", ("animation",)),
        ("romance", r"romantic|romance", ("romance",)),
        ("thriller", r"thriller", ("thriller",)),
        ("documentary", r"documentary", ("documentary",)),
        ("musical", r"musical", ("musical", "music")),
        ("western", r"western", ("western",)),
        ("sci-fi", r"sci ?fi|science fiction", ("sci-fi",)),
    )
)


def kind_answer(movie: Movie, message: str) -> str | None:
    """ "No: Inception (2010) isn't listed as horror; it is listed as action, sci-fi and thriller.":
    yes or no for the genre the question names; None when it names none the catalog's genres hold
    ("is it dark?": its tone, for the user to judge), offers another kind beside it ("funny or serious?") or the
    film has no genres."""
    lowered = message.lower()
    if re.search(r"\bor (?!not\b)", lowered):  # "is it funny or serious?": no yes or no answers it
        return None
    asked = next(((name, genres) for name, pattern, genres in _KINDS if pattern.search(lowered)), None)
    if asked is None or not movie.genres:
        return None
    name, genres = asked
    listed = prose_list(movie.genres)
    if any(g in movie.genres for g in genres):
        return f"Yes: {movie.label} is listed as {listed}."
    return f"No: {movie.label} isn't listed as {name}; it is listed as {listed}."


def streaming_of(movies: list[Movie]) -> str:
    """ "Any of those on netflix?": what moviebot cannot see, said of the films asked about."""
    films = prose_list([m.label for m in movies], "or")
    return f"I can't see what is streaming where, so I can't tell you where to watch {films}."
