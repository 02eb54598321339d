"""Two or more films listed with no cue ("Collateral and Heat", "alien, jaws and the shining?"): the
films, where the message is that list, as "Heat" alone is the film Heat."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import GAP, Scan
from agent.understanding.title_cues import WEAK
from agent.understanding.titles import TitleReader, explained

_JOINS = frozenset({",", "and", "&", "or", "/"})
# what may follow the list: nothing, or a question after a break ("Collateral and Heat, anything similar?")
_LIST_ENDS = re.compile(
    r"\s*(?:[!?.]+\s*$|[,;:!?.-]\s*\S|$)"
    # or praise of them: "Heat and Ronin are among my favorites, anything similar?", "... were both great"
    r"|\s+(?:are|were)\s+(?:both\s+|all\s+)?(?:(?:among|some\s+of|two\s+of|three\s+of)\s+)?"
    r"(?:my\s+(?:all[- ]time\s+)?(?:favou?rites|faves|favs)|(?:so\s+|really\s+)?(?:great|amazing|awesome|classics))\b"
)


def read_listed_titles(scan: Scan, reader: TitleReader, out: Understood) -> None:
    """A message that opens with two or more titles joined by "and", "or" or commas names those films.

    Each must be a title typed whole; a list of filter talk ("action and comedy") is no list of films,
    nor are words taken by an earlier pass, and one title ("Pride and Prejudice") is read as one."""
    toks = scan.tokens()
    if not toks or not toks[0].is_word or GAP in scan.text[: toks[0].start]:
        return
    first = next((k for k, t in enumerate(toks) if t.text in _JOINS), 0)
    head = [t.text for t in toks[:first] if t.is_word]
    if not first or (explained(head) and not reader.lookup.titled(" ".join(head))):
        return  # no list, or one that opens with filter talk ("no horror, nothing too long"), not "alien and heat"
    found, end = reader.read_list(toks, 0, WEAK)
    if len(found) < 2:
        return
    start, stop = toks[0].start, toks[end - 1].end
    if GAP in scan.text[start:stop] or not _LIST_ENDS.match(scan.text, stop):
        return
    if explained([t.text for t in toks[:end] if t.is_word]):
        return  # "horror and comedy", even where films bear those names
    extend_unique(out.like_titles, [m.movie_id for m in found])
    scan.take(start, stop)
