"""Titles named that the catalog lacks: "like Zorblax Returns", or "Frozen 2" where it holds Frozen
only, said to be unknown rather than read as another film or as words to search for."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import GAP, Scan, tokens_of
from agent.understanding.titles import TitleReader, explained

_ARTICLE = re.compile(r"an?\s+", re.IGNORECASE)


def note_missing_sequels(
    scan: Scan, reader: TitleReader, out: Understood, unknown: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """ "Frozen 2" where the catalog has Frozen only: a film it does not know, said so rather than
    read as Frozen; its number is no count or rating either ("like Toy Story 4" asks for no 4 films).
    Returns the `unknown` spans that are not part of one ("Kill Bill Vol" of "Kill Bill Vol. 3")."""
    for start, title_end, end in reader.missing:
        start += _article_before(scan.original[start:title_end], reader)
        extend_unique(out.unknown_titles, [scan.original[start:end]])
        if GAP not in scan.text[title_end:end]:
            scan.take(title_end, end)
    return [(a, b) for a, b in unknown if not any(start < b and a < end for start, _, end in reader.missing)]


def _article_before(typed: str, reader: TitleReader) -> int:
    """How long the "a " before a title is that no title begins with: "is there a godfather 4" lacks
    "godfather 4", not "a godfather 4"."""
    article = _ARTICLE.match(typed)
    return article.end() if article and not reader.lookup.titled(typed) else 0


def note_unknown_titles(scan: Scan, spans: list[tuple[int, int]], out: Understood) -> None:
    """Names after "like" that no later pass explained: not a person, a genre, a mood or a year."""
    for start, end in spans:
        words = tokens_of(scan.original[start:end])
        if GAP in scan.text[start:end] or explained(words):
            continue
        if any(start <= kept < end for kept in scan.kept):
            continue
        extend_unique(out.unknown_titles, [scan.original[start:end]])
