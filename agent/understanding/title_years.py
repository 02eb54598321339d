"""A title typed with a year the catalog's film of that title lacks: "Ghost (1998)" where the catalog
holds Ghost (1990) only. Data sets date films differently and people misremember years, so the film
of that title whose year is clearly nearest is taken, and the answer says which; a year too far from
any, or as far from two, names a film the catalog lacks ("XXX (2016)" is not xXx (2002))."""

from __future__ import annotations

import dataclasses
import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import GAP, STOPWORDS, Scan, Tok
from agent.understanding.title_runs import capitalised_runs
from agent.understanding.versions import same_title
from store.catalog import TitleMatch

NEAREST_YEARS = 10  # further off than this, the year typed is another film's, not a slip


def year_apart(scan: Scan, then: Tok | None, match: TitleMatch) -> int | None:
    """The year typed in brackets after a title (the token `then`), when it is not the film's nor a year
    off (data sets differ by one): "Ghost (1998)" of Ghost (1990)."""
    if then is None or then.start not in scan.title_year_starts or match.year is None:
        return None
    year = int(then.text)
    return year if abs(year - match.year) > 1 else None


def nearest_of_title(
    lookup: CatalogLookup, typed: str, year: int, match: TitleMatch, taken: dict[str, str]
) -> TitleMatch | None:
    """The film called `typed` whose year is nearest `year`, when one clearly is; unless its year is the
    one typed (or a year off), it is noted in `taken` (its id: the title as typed, with its year) so the
    answer can say which film it took."""
    ids = [match.movie_id, *(i for i, _ in match.alternatives if i not in match.article_apart)]
    films = [lookup.movies[i] for i in dict.fromkeys(ids) if i in lookup.movies]
    films = sorted((abs(m.year - year), m.id) for m in films if m.year is not None and same_title(typed, m.title))
    if not films or films[0][0] > NEAREST_YEARS or (len(films) > 1 and films[1][0] == films[0][0]):
        return None
    movie = lookup.movies[films[0][1]]
    if films[0][0] > 1:  # "Carrie (1976)" where Carrie (2013) came first: the very film typed, nothing to say
        taken[movie.id] = f"{typed} ({year})"
    return dataclasses.replace(match, movie_id=movie.id, title=movie.title, year=movie.year, alternatives=[])


def taken_notes(taken: dict[str, str], ids: list[str], lookup: CatalogLookup) -> list[str]:
    """ "I took “Ghost (1998)” to be Ghost (1990), the nearest film of that title I have." for each film read."""
    return [
        f"I took “{taken[i]}” to be {lookup.movies[i].title} ({lookup.movies[i].year}), "
        "the nearest film of that title I have."
        for i in dict.fromkeys(ids)
        if i in taken and i in lookup.movies
    ]


_ARTICLES = frozenset({"the", "a", "an"})


def read_unknown_dated(scan: Scan, out: Understood) -> None:
    """ "the new movie coming out called Forever My Girl (2018)": Title Cased words typed with a year in
    brackets, as ReDial's seekers name films, that no pass read are a film the catalog lacks, said so
    rather than searched for as words (or its year read as an era)."""
    toks = scan.tokens()
    for start, end in capitalised_runs(scan, toks):
        year = toks[end - 1]
        while start < end - 2 and toks[start].text in STOPWORDS and toks[start].text not in _ARTICLES:
            start += 1  # "Also Forever My Girl (2018)": not part of the title
        if year.start not in scan.title_year_starts or start >= end - 1:
            continue
        if GAP in scan.text[toks[start].start : year.end]:  # part of it was read: a film, a person
            continue
        extend_unique(out.unknown_titles, [f"{scan.original[toks[start].start : toks[end - 2].end]} ({year.text})"])
        scan.take(toks[start].start, year.end, aside=True)


FEW_VOTES = 5  # rated by fewer: seldom the film a bare title means ("parasite": not 2019's); MovieLens counts run low


def obscure_notes(text: str, ids: list[str], lookup: CatalogLookup, taken: dict[str, str]) -> list[str]:
    """ "I took “parasite” to be Parasite (1982), the only film of that name I have.": a title typed
    bare that only a little-known film of the catalog bears may mean a film the catalog lacks, so the
    answer says which it took, for the user to correct."""
    notes = []
    for movie_id in dict.fromkeys(ids):
        movie = lookup.movies.get(movie_id)
        if movie is None or movie_id in taken or movie.year is None or (movie.votes or 0) >= FEW_VOTES:
            continue
        found = re.search(rf"(?<!\w){re.escape(movie.title)}(?!\w)", text, re.IGNORECASE)
        if found is None or re.match(r"\s*\(?\s*(?:19|20)\d\d\b", text[found.end() :]):
            continue  # misspelt (said so elsewhere), or typed with its year
        titled = [lookup.movies[i] for i in lookup.titled(movie.title) if i in lookup.movies]
        namesakes = sum(same_title(movie.title, m.title) for m in titled)
        which = "the only film" if namesakes <= 1 else "the one"
        notes.append(f"I took “{found.group()}” to be {movie.title} ({movie.year}), {which} of that name I have.")
    return notes
