"""The one film a command means by the title typed (`rate`, `watched add|remove`, `dismiss`, the
HTTP API's {"movie": ...}), read as chat reads it.

Chat takes "Heat" for Heat (1995), not The Heat (2013), whatever their votes: the article is part
of what was typed. The commands asked "which one?" instead, so `moviebot rate Heat 4` was refused
where "I loved Heat" was not. Only films the typed title cannot tell apart (two films called
exactly "Heat") are still asked about; every answer names the film taken with its year.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.service_types import AmbiguousTitle, InvalidInput, TitleChoice, UnknownTitle
from store.movie import MIN_VOTES, TITLE_MATCH_SCORE, Movie, leading_article, without_sequel_number

if TYPE_CHECKING:
    from store.catalog import Catalog

_TRAILING_YEAR = re.compile(r"[\s,]*\(?\b(18[89]\d|19\d\d|20\d\d)\)?\s*$")
_IMDB_ID = re.compile(r"tt\d{7,8}", re.IGNORECASE)
TITLE_SHOWN = 120  # characters of an unknown title said back


def resolve_typed(catalog: Catalog, text: str) -> Movie:
    """A catalog id, "Title (Year)", "Title 1995", an IMDb id or a title. Raises UnknownTitle (with
    close titles) or AmbiguousTitle (with the choices, those told apart by the article too)."""
    text = " ".join(str(text or "").split())
    if not text:
        raise InvalidInput("which film? Give its title")
    if text in catalog:
        return catalog.movies[text]
    if _IMDB_ID.fullmatch(text) and (by_imdb := catalog.by_imdb_id(text.lower())) is not None:
        return by_imdb  # "tt0113277", as IMDb's pages name a film
    match = catalog.resolve_title(text)
    if match is None or match.score < TITLE_MATCH_SCORE:
        close = [catalog.movies[match.movie_id].label] if match is not None else []
        for query in (text, _TRAILING_YEAR.sub("", text), without_sequel_number(text)):
            close += [m.label for m in catalog.suggest_titles(query, limit=5) if re.search(r"\w", query)]
        close = list(dict.fromkeys(close))[:5]
        hint = f"; did you mean: {'; '.join(close)}?" if close else ""
        said = text if len(text) <= TITLE_SHOWN else text[: TITLE_SHOWN - 1] + "…"  # a pasted page is not echoed
        raise UnknownTitle(f"no film called {said!r} in the catalog{hint}", close)
    if match.ambiguous_as_typed:
        best = catalog.movies[match.movie_id]
        choices = [TitleChoice(best.id, best.label), *(TitleChoice(i, label) for i, label in match.alternatives)]
        labels = [c.label for c in choices]
        if len(set(labels)) < len(labels):  # "Saturn 3 (1980)" twice: only the ids tell them apart
            options = ", ".join(f"{c.label} (id {c.movie_id})" for c in choices)
            raise AmbiguousTitle(f"{text!r} could be {options}; give the id", choices)
        example = f'"{best.title} {best.year}"'
        raise AmbiguousTitle(f"{text!r} could be {', '.join(labels)}; add the year, e.g. {example}", choices)
    return catalog.movies[match.movie_id]


def title_choices(catalog: Catalog, text: str) -> list[str]:
    """Every film a typed title could be, a missing article forgiven ("Heat": Heat (1995) and The
    Heat (2013)), one typed not ("The Heat" is not Heat (1995)); empty for an id or one film's title."""
    text = " ".join(str(text or "").split())
    match = catalog.resolve_title(text) if text not in catalog else None
    if match is None or match.score < TITLE_MATCH_SCORE or not match.alternatives:
        return []
    typed_article = leading_article(text)
    others = [i for i, _ in match.alternatives if not (typed_article and i in match.article_apart)]
    return [match.movie_id, *others] if others else []


def other_meaning(catalog: Catalog, text: str, movie: Movie) -> Movie | None:
    """The film typed without its article, when the one of that exact title is one almost nobody
    rated: "Interview" is Interview (2007), as chat reads it (1 vote), but The Interview (2014) is
    likely what was meant, and `rate Interview 4` rated the 2007 film without a word of the other.
    None for an id, a year typed, an article typed, an alternative no better known, or a taken
    film known enough to be meant: Heat (1995) has 102 MovieLens ratings and The Heat (2013) 1,575
    TMDB votes, counts from two sources that cannot be compared, and `rate Heat 4` noted The Heat."""
    text = " ".join(str(text or "").split())
    if not text or text in catalog or leading_article(text) or _TRAILING_YEAR.search(text):
        return None
    if (movie.votes or 0) >= MIN_VOTES:  # the exact title of a film people know wins silently
        return None
    match = catalog.resolve_title(text)
    if match is None or match.movie_id != movie.id:
        return None
    others = [catalog.movies[i] for i in sorted(match.article_apart) if i in catalog.movies]
    best = max(others, key=lambda other: other.votes or 0, default=None)
    return best if best is not None and (best.votes or 0) > (movie.votes or 0) else None


def taken_note(text: str, movie: Movie, other: Movie, *, undo: str = "") -> str:
    """Which film was taken for the typed title, how to name the other instead, and `undo`, what
    to do about the one taken ("take it off your watched list") when that was not it."""
    typed = " ".join(str(text).split())
    fix = f" and {undo}" if undo else ""
    return (f'I took "{typed}" to be {movie.label}, not {other.label}: for that one, give its year '
            f'("{other.title} {other.year}"){fix}.')  # fmt: skip
