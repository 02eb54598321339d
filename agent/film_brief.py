"""A film in brief, from the catalog's own record: what "the second one?" or "the third one sounds
good, tell me more" is told. Each part is said only when the catalog holds it."""

from __future__ import annotations

from agent.explanations import first_sentence
from agent.prose import prose_list
from store.movie import Movie


def film_in_brief(movie: Movie, *, short: bool = True) -> str:
    """ "Toy Story (1995): comedy, animation, family; 81 min; directed by John Lasseter; starring Tom
    Hanks, Tim Allen and Don Rickles; rated 7.7/10 from 5,269 votes. Led by Woody, ..."; the whole
    synopsis when not `short` ("tell me about Toy Story" asks for more than its first sentence)."""
    if not movie.overview:
        return without_synopsis(movie)
    parts = recorded_facts(movie)
    head = f"{movie.label}: {'; '.join(parts)}." if parts else f"{movie.label}."
    return f"{head} {first_sentence(movie.overview) if short else movie.overview}"


def without_synopsis(movie: Movie) -> str:
    """What "tell me about Heat" is told when the catalog has no synopsis of it: that it has none,
    and the rest it records, rather than the missing synopsis alone."""
    parts = recorded_facts(movie)
    known = f" What it records: {'; '.join(parts)}." if parts else ""
    return f"My catalog has no synopsis of {movie.label}.{known}"


def recorded_facts(movie: Movie) -> list[str]:
    """Genres, runtime, director, main cast and rating, each only when the catalog holds it."""
    parts = [", ".join(movie.genres)] if movie.genres else []
    parts += [f"{movie.runtime} min"] if movie.runtime else []
    parts += [f"directed by {prose_list(movie.directors)}"] if movie.directors else []
    parts += [f"starring {prose_list(movie.cast[:3])}"] if movie.cast else []
    if movie.rating is not None:
        parts.append(f"rated {movie.rating:.1f}/10" + (f" from {movie.votes:,} votes" if movie.votes else ""))
    return parts


def rating_in_brief(movie: Movie) -> str:
    """ "Is Full Metal Jacket any good?": its rating and votes for the user to judge, then its genres
    and a line of what it is, since a rating alone says little about whether it suits them."""
    votes = f" from {movie.votes:,} votes" if movie.votes else ""
    rated = (f"{movie.label} is rated {movie.rating:.1f}/10{votes}." if movie.rating is not None
             else f"I have no rating for {movie.label}.")  # fmt: skip
    kind = f" It is listed as {prose_list(movie.genres)}." if movie.genres else ""
    line = f" {first_sentence(movie.overview)}" if movie.overview else ""
    return rated + kind + line
