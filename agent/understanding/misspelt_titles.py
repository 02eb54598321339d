"""A well-known title misspelt after "like" ("like inceptoin", "something like the godfahter"): a
near miss the title reader does not trust from other cues, but after "like" with nothing else
in the way it is the film, and the answer says which film it was taken to be."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique, taken_to_mean
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import Scan, tokens_of
from agent.understanding.titles import explained
from agent.understanding.versions import same_title

MIN_SCORE = 85.0  # one letter swapped in a nine-letter title ("inceptoin") scores 88.9
_WORD = r"[a-z][a-z0-9'&-]*"
_AFTER_LIKE = re.compile(
    rf"\b(?:like|similar\s+to|as\s+good\s+as)\s+(?P<words>(?:the\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}?)"
    r"(?=\s*(?:$|[,.!?;]|(?:but|or|and|please|though|again|too|only|just|except)\b))"
)


def read_misspelt_titles(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """Runs after the cued titles: what they left after "like" that is a close miss of a well-known
    film's title, of as many words, becomes that film, said as taken."""
    for m in list(_AFTER_LIKE.finditer(scan.text)):
        words = m["words"]
        if explained(list(tokens_of(words))):
            continue  # "like a comedy": filter talk, no title
        match = lookup.resolve_title(words)
        if match is None or not match.well_known or match.score < MIN_SCORE or match.ambiguous:
            continue
        if same_title(words, match.title):
            continue  # typed right, and left alone by the title reader on purpose ("movies like brazil")
        if len(match.title.split()) != len(words.split()):
            continue  # "like inception movies" is no title of three words
        typed = scan.original[m.start("words") : m.end("words")]
        extend_unique(out.like_titles, [match.movie_id])
        extend_unique(out.caveats, [taken_to_mean(typed, f"{match.title} ({match.year})")])
        scan.take(m.start("words"), m.end("words"), aside=True)
