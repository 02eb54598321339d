"""A film series refused by the words its titles begin with ("fantasy, but not Lord of the Rings or
Harry Potter", "nothing harry potter"): the catalog holds no film called "Harry Potter", only films
whose titles begin so, and every one of them is refused."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.phrases import PHRASEBOOK
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import GAP, STOPWORDS, Scan, tokens_of

MIN_FILMS = 2  # a head fewer films begin with is a title, not a series
_CUE = r"\b(?:not|no|nothing|without|except|never|skip)\s+(?:any\s+|more\s+)?"
# the words after a refusal cue, or after a refused title and "or" ("not Lord of the Rings or Harry Potter")
_REFUSED = re.compile(
    rf"(?:{_CUE}|{GAP}\s*(?:,|\bor\b|\bnor\b|\band\b)\s*)(?:the\s+)?(?P<words>[a-z0-9][\w'&-]*(?:\s+[a-z0-9][\w'&-]*){{1,3}})"
)


def read_refused_series(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """Refused titles' series: the longest run of two to four words after a refusal that begins the
    titles of several films, where no single film of that title was read."""
    at = 0
    while m := _REFUSED.search(scan.text, at):
        at = m.start("words")  # a series taken here is blanked, so the next search can go on after it
        if m.group().startswith(GAP) and not _after_refusal(scan, m.start()):
            continue  # "like Heat or harry potter": a list of references, not of refusals
        words = m["words"].split()
        for n in range(len(words), 1, -1):
            head = words[:n]
            if head[-1] in STOPWORDS or all(w in STOPWORDS for w in head):
                continue
            if tuple(tokens_of(" ".join(head))) in PHRASEBOOK:  # "no comic book movies": a kind of film, refused
                continue  # as such, not the films titled "Comic Book ..." while every superhero film came through
            films = lookup.titled(" ".join(head))
            if len(films) >= MIN_FILMS:
                extend_unique(out.exclude_titles, sorted(films))
                scan.take(at, at + len(" ".join(head)), negated=True)
                break


def _after_refusal(scan: Scan, at: int) -> bool:
    """Whether the blanked span ending at `at` was a refusal."""
    return any(start <= at <= end for start, end in scan.negated)
