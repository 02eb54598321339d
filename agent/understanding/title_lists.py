"""Titles read out of part of a message for other passes: after a verb of seeing or liking
(agent.understanding.passing), after a verdict (agent.understanding.intents)."""

from __future__ import annotations

from agent.understanding.people import People
from agent.understanding.request import CatalogLookup
from agent.understanding.text import PANNED_AFTER, Scan
from agent.understanding.titles import _STRONG, MAX_TITLE_TOKENS, TitleReader, _same_title, panned_ids
from store.catalog import TitleMatch


def titles_after(text: str, offset: int, lookup: CatalogLookup) -> list[TitleMatch]:
    """Titles listed from `offset` (into normalise_message(text)) on, read as after "like"."""
    return judged_titles_after(text, offset, lookup)[0]


def judged_titles_after(text: str, offset: int, lookup: CatalogLookup) -> tuple[list[TitleMatch], list[str]]:
    """titles_after, and the ids of those a verdict right after them pans ("Heat, hated it")."""
    scan = Scan(text)
    toks = scan.tokens()
    j = next((k for k, t in enumerate(toks) if t.start >= offset), len(toks))
    reader = TitleReader(scan, lookup, People(lookup.people_index()))
    found, end = reader.read_list(toks, j, _STRONG)
    verdict = PANNED_AFTER.match(scan.text, toks[end - 1].end) if found else None
    return found, panned_ids(verdict, [m.movie_id for m in found])


def ends_in_numbered_title(text: str, lookup: CatalogLookup) -> bool:
    """Whether `text` ends with a catalog title whose last word is its number, typed whole
    ("rated toy story 3"): that number is the film's, not stars."""
    words = text.split()[-MAX_TITLE_TOKENS:]
    for start in range(len(words) - 1):  # two words at least: "rated 9" is no film called "9"
        typed = " ".join(words[start:])
        match = lookup.resolve_title(typed)
        if match is not None and _same_title(typed, match.title):
            return True
    return False
