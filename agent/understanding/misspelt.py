"""Names misspelt the way people type them: "something by scorcese", "kubrik films", "films with
brad pit". Only a word no film of the catalog uses, said where a person is expected, a letter or
two from one prominent person's name and no other's, is read as that person; the answer says
which name it took ("I took "scorcese" to mean Martin Scorsese.")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from agent.understanding.meaning import extend_unique, taken_to_mean
from agent.understanding.near_surnames import near_surname
from agent.understanding.passing import known_words
from agent.understanding.people import closest_person
from agent.understanding.phrases import PHRASEBOOK
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.surnames_alone import AFTER_A_PERSON, BEFORE_A_PERSON, said_alone
from agent.understanding.text import STOPWORDS, Scan
from store.movie import ascii_fold
from store.surnames import Surname

MIN_LETTERS = 5  # "pit" or "lee" a letter off is anyone


def read_misspelt_people(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """After the exact readers: a first name and a surname close to one person's ("brad pit",
    "arnold schwarzenneger"), or a cued surname no film's words hold ("by scorcese", "kubrik films")."""
    if not lookup.movies:  # no catalog words to tell a misspelling from a word
        return
    surnames, people = lookup.surname_index(), lookup.people_index()
    toks, known = scan.tokens(), known_words(lookup)
    words = [t for t in toks if t.is_word]
    for i, tok in enumerate(toks):
        typed = ascii_fold(tok.text)
        if not tok.is_word or typed in STOPWORDS:
            continue
        before = toks[i - 1].text if i > 0 and toks[i - 1].is_word else ""
        after = toks[i + 1].text if i + 1 < len(toks) else ""
        cue = toks[i - 2].text if i > 1 else ""
        found, start = None, tok.start
        pair = f"{ascii_fold(before)} {typed}"
        named_here = before and before not in BEFORE_A_PERSON and before not in STOPWORDS and pair not in people
        # "arnold schwarzenneger" (a word no film uses) needs no cue; "brad pit" does, and so does
        # a name whose surname is someone else's ("jim carey" is no Carey, "bradd pitt" no Pitt)
        cued = cue in BEFORE_A_PERSON or after in AFTER_A_PERSON
        if named_here and ((typed not in known and typed not in surnames) or cued):
            found, start = closest_person(pair, people), toks[i - 1].start
        if found is None and before and _written_as_a_name(scan, toks, i):  # "Will Ferrel": "will" a stopword
            near = near_surname(before, typed, surnames, known)
            found, start = (near, toks[i - 1].start) if near is not None else (None, start)
        if typed in surnames and found is None:
            continue
        if found is None and (typed in lookup.shared_surnames() or pair in lookup.shared_surnames()):
            continue  # "an anderson film": said to be one of several Andersons, not Sean Anders misspelt
        by = before in BEFORE_A_PERSON  # "by westen" is a person; "westen films" a western
        if found is None and (by or after in AFTER_A_PERSON or said_alone(words, tok.start, tok.end)):
            near = _closest(typed, _names(surnames))
            if (near is not None and (typed not in known or _misspelt_in_prose(lookup, near, typed))
                    and (by or not _near_a_word_asked_for(typed))):  # fmt: skip
                found, start = near, tok.start
        if found is None:
            continue
        said = scan.original[start : tok.end]
        extend_unique(out.people, [found])
        extend_unique(out.caveats, [taken_to_mean(said, found)])
        scan.take(start, tok.end)
        scan.named[start, tok.end] = found


def _written_as_a_name(scan: Scan, toks: list, i: int) -> bool:
    """toks[i - 1] and toks[i] are two words one space apart, both capitalised when the message has case
    ("i will fix it" is no one); with no case, an everyday first name needs a cue ("with will ferrel")."""
    first, last = toks[i - 1], toks[i]
    if not first.is_word or first.end + 1 != last.start or first.text in BEFORE_A_PERSON:
        return False
    if scan.has_case:
        return scan.capitalised(first) and scan.capitalised(last)
    return first.text not in STOPWORDS or (i > 1 and toks[i - 2].text in BEFORE_A_PERSON)


class _Names(NamedTuple):
    """Each prominent person's surname key, everyday-word surnames left out ("stone" a letter off
    is a word), side by side with the person's name, as rapidfuzz reads them."""

    keys: list[str]
    names: list[str]


_CACHED: list[tuple[Mapping[str, Surname], _Names]] = []  # per surname index


def _names(surnames: Mapping[str, Surname]) -> _Names:
    """The names `_closest` reaches, once per surname index."""
    for index, names in _CACHED:
        if index is surnames:
            return names
    kept = [(key, s.name) for key, s in surnames.items() if " " not in key and not s.common_word]
    names = _Names(keys=[key for key, _ in kept], names=[name for _, name in kept])
    _CACHED[:] = [*_CACHED[-3:], (surnames, names)]
    return names


def _closest(typed: str, names: _Names) -> str | None:
    """The one name within reach of `typed` (one edit up to 7 letters, two from 8); None if none or several."""
    letters = len(typed.replace(" ", ""))
    if letters < MIN_LETTERS:
        return None
    reach = 1 if letters < 8 else 2
    # one pass in C over every name: a loop in Python took 15-20 ms a message on a 40k-person catalog
    found = process.extract(typed, names.keys, scorer=OSA.distance, score_cutoff=reach, limit=None)
    hits = {names.names[index] for _, _, index in found}
    return hits.pop() if len(hits) == 1 else None


def _misspelt_in_prose(lookup: CatalogLookup, name: str, typed: str) -> bool:
    """A synopsis writes the person's name with this surname ("Remade by Steven Speilberg"): the
    word the catalog uses is that misspelling, not a word of its own."""
    first = ascii_fold(name).casefold().split()[0]
    return re.search(rf"\b{re.escape(first)} {re.escape(typed)}\b", _prose(lookup)) is not None


@lru_cache(maxsize=2)
def _prose(lookup: CatalogLookup) -> str:
    """Every synopsis of the catalog, lower-cased and without accents, once per catalog."""
    return "\n".join(ascii_fold(movie.overview or "").casefold() for movie in lookup.movies.values())


@lru_cache(maxsize=1)
def _words_asked_for() -> frozenset[str]:
    """The one-word phrases of the reader's tables: "mystry" or "animaton" is one of them misspelt."""
    return frozenset(key[0] for key in PHRASEBOOK if len(key) == 1 and len(key[0]) >= MIN_LETTERS - 1)


def _near_a_word_asked_for(typed: str) -> bool:
    return any(OSA.distance(typed, word, score_cutoff=1) <= 1 for word in _words_asked_for())
