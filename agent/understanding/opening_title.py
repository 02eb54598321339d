"""A film a message opens by judging, typed in lower case: "das boot is my fav, something similar".

Capitals tell a title from ordinary words (agent.understanding.titles reads "Das Boot is my fav"
so); in lower case only the message's shape does: a name, a verdict on it, a wish for more. The
name is taken whole and only when the catalog knows it exactly, so "dinner was great, something
similar for tonight" still names no film, nor "horror is my fav" or "tom hanks is my fav" a title.
"""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import (
    GAP,
    JUDGED_THEN_ASKED,
    OPINION_LEAD,
    PRAISED,
    STOPWORDS,
    Scan,
    normalise_message,
    word_set,
)
from agent.understanding.titles import MAX_TITLE_TOKENS, TitleReader, explained
from agent.understanding.versions import same_title
from store.catalog import TitleMatch
from store.movie import TITLE_MATCH_SCORE

_PRAISED = re.compile(PRAISED)
# "spielberg is my fav director": the verdict is on a person or a kind, not a film
_NOT_A_FILM_AFTER = re.compile(r"\s*(?:director|directors|actor|actors|actress|genre|kind|type|decade|era)\b")
_EXACT = 100.0  # the catalog's score for a title (or one of its other names) typed exactly
_NO_TITLE = word_set("it this that these those he she they them one")
# "my fav is shawshank", "my favourite film is heat, anything similar?": a verdict on the film named after it
_FAVOURITE_IS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|well|and|also|honestly|btw)\W+)*my\s+(?:all[- ]time\s+)?(?:favou?rite|fave?)"
    r"(?:\s+(?:movie|film))?\s+is\b"
)


def read_opening_title(scan: Scan, reader: TitleReader, out: Understood) -> None:
    """The words before an opening verdict, when the message then asks for more ("la haine was
    great, more like that"), are the film of that name: the reference, as after "I loved"."""
    verdict = _PRAISED.search(scan.text)
    if verdict is None or _NOT_A_FILM_AFTER.match(scan.text, verdict.end()):
        return
    if not JUDGED_THEN_ASKED.match(scan.text, verdict.start()):
        return
    lead = OPINION_LEAD.match(scan.text, 0, verdict.start())
    start = lead.end() if lead else 0
    toks = [t for t in scan.tokens() if t.end <= verdict.start()]
    first = next((k for k, t in enumerate(toks) if t.start >= start), len(toks))
    span = toks[first:]
    if not span or len(span) > MAX_TITLE_TOKENS or any(GAP in t.text for t in span):
        return  # nothing named, or a name another pass read already ("Das Boot", "Tom Hanks")
    if any(not t.is_word and t.text not in (":", "&", ".") for t in span):
        return
    cand = reader.candidate(toks, first, len(toks), backward=True)
    words = cand.words
    if not words or all(w in STOPWORDS or w in _NO_TITLE for w in words):
        return  # "it was great": no film named
    if explained(words) and not well_known_title(cand.text, reader.lookup):
        return  # "horror is my fav": a kind; "alien was great, anything like it?" the film, as alone
    if reader.is_person(cand) or (len(words) == 1 and words[0] in reader.lookup.surname_index()):
        return  # "nolan is my fav": a person
    match = reader.resolve(cand)
    if match is None or match.score < TITLE_MATCH_SCORE:
        return
    if match.score < _EXACT and not same_title(cand.text, match.title) and not match.by_word:
        return  # "shawshank is my fav" names The Shawshank Redemption: the one film whose title has the word
    extend_unique(out.like_titles, [match.movie_id])
    scan.take(span[0].start, verdict.end())


def praised_then_asked(text: str, lookup: CatalogLookup) -> bool:
    """Whether the message praises a film it opens by naming whole, then asks for more ("heat was
    great, more like that"), or opens by naming the user's favourite ("my fav is shawshank"): a verdict
    on that film, though the message may also ask for films. Not "Dinner was great, something similar
    for tonight", which the catalog only nearly knows (Diner)."""
    if _FAVOURITE_IS.match(normalise_message(text)):
        return True
    scan = Scan(text)
    verdict = _PRAISED.search(scan.text)
    if verdict is None or JUDGED_THEN_ASKED.match(scan.text, verdict.start()) is None:
        return False
    lead = OPINION_LEAD.match(scan.text, 0, verdict.start())
    named = scan.original[lead.end() if lead else 0 : verdict.start()].strip()
    match = lookup.resolve_title(named) if named else None
    return match is not None and (match.score >= _EXACT or same_title(named, match.title) or match.by_word)


# "inception, who's in it?", "heat - who directed it?", "interstellar: how long is it?": the film named
# first, then a question about it; "heat, but shorter" asks no question
_NAMED_THEN_ASKED = re.compile(
    r"^\W*(?P<film>[^,;?!]{1,60}?)\s*(?:[,;:]|\s[-–—]+)\s*"
    r"(?=(?:so\s+|and\s+|but\s+)?(?:who|what|when|how|is|was|does|did|where|tell)\b)"
)
# what opens a message without being a film: "ok, who's in it?", "wait - how long is it?"
_NO_FILM = re.compile(
    r"^(?:\W|it|that|this|that one|this one|the \w+ one|so|and|but|ok|okay|hmm+|um+|wait|well|yes|yeah|no|nah|oh"
    r"|sorry|actually|also|then|lol|cool|nice|great|thanks|right|hey|hi)*$"
)


def film_named_first(text: str, lookup: CatalogLookup) -> TitleMatch | None:
    """The film a fact question names before asking it, typed whole as the catalog has it."""
    opened = _NAMED_THEN_ASKED.match(text)
    film = opened["film"].strip(" \"'“”") if opened else ""
    if not film or _NO_FILM.match(film.casefold()):
        return None
    match = lookup.resolve_title(film)
    return match if match is not None and same_title(film, match.title) else None


def well_known_title(typed: str, lookup: CatalogLookup) -> bool:
    """ "alien" in "is alien scary?": words that also name a theme, but typed whole as the title of one
    of the catalog's best-known films, which is what a question about a film asks of."""
    match = lookup.resolve_title(typed)
    return match is not None and match.well_known and same_title(typed, match.title)
