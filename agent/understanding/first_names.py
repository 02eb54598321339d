"""A person called by first name or nickname alone ("something with denzel", "any leo movies",
"a film with the rock"): read as the one person it clearly means in this catalog, where it was
otherwise searched as a word, giving films unrelated to anyone (or Melissa Leo for "leo")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from agent.understanding.meaning import extend_unique, taken_to_mean
from agent.understanding.people import closest_person
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.surnames_alone import AFTER_A_PERSON, BEFORE_A_PERSON, REFUSING, in_company
from agent.understanding.text import STOPWORDS, Scan, Tok
from store.movie import ascii_fold

# what people call them, when the catalog credits them; the first name alone would mean someone
# else ("leo": Melissa Leo's surname) or no one
NICKNAMES = {
    "leo": "Leonardo DiCaprio",
    "the rock": "Dwayne Johnson",
    "arnie": "Arnold Schwarzenegger",
    "arnold": "Arnold Schwarzenegger",
    "sly": "Sylvester Stallone",
    "jlaw": "Jennifer Lawrence",
    "j law": "Jennifer Lawrence",
    "scarjo": "Scarlett Johansson",
    "rdj": "Robert Downey Jr.",
    "jlo": "Jennifer Lopez",
    "j lo": "Jennifer Lopez",
    "slj": "Samuel L. Jackson",
}
MIN_FILMS = 5  # a first name means someone credited on at least this many films here...
DOMINANCE = 3  # ...and on this many times the films and the votes of anyone else called so
_LOWERCASE_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*")
_INDEXES: list[tuple[Mapping[str, str], dict[str, str]]] = []  # per people index


def first_name_index(lookup: CatalogLookup) -> dict[str, str]:
    """First name -> the person it clearly means here ("denzel" -> Denzel Washington), with the
    nicknames of people the catalog credits; no first name that is also an everyday word."""
    people = lookup.people_index()
    for index, built in _INDEXES:
        if index is people:
            return built
    films: dict[str, int] = defaultdict(int)
    votes: dict[str, int] = defaultdict(int)
    prose: set[str] = set()
    for movie in lookup.movies.values():
        for name in dict.fromkeys((*movie.directors, *movie.cast)):
            films[name] += 1
            votes[name] += movie.votes or 0
        prose.update(_LOWERCASE_WORD.findall(movie.overview or ""))
    bearers: dict[str, list[str]] = defaultdict(list)
    for name in films:
        words = ascii_fold(name).casefold().split()
        if len(words) >= 2 and len(words[0]) >= 4 and words[0].isalpha() and words[0] not in prose:
            bearers[words[0]].append(name)
    built = {}
    for key, names in bearers.items():
        top, *others = sorted(names, key=lambda n: (films[n], votes[n]), reverse=True)
        runner = others[0] if others else None
        if films[top] >= MIN_FILMS and (
            runner is None or (films[top] >= DOMINANCE * films[runner] and votes[top] >= DOMINANCE * votes[runner])
        ):
            built[key] = top
    for nickname, name in NICKNAMES.items():
        if (credited := people.get(name.casefold())) is not None:
            built[nickname] = credited
    _INDEXES[:] = [*_INDEXES[-3:], (people, built)]
    return built


def read_first_names(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """ "with denzel", "keanu movies", "denzel's best", "anything but the rock": a first name or
    nickname said as a person's, which is no surname the catalog's people are called by."""
    index = first_name_index(lookup)
    if not index:
        return
    toks = scan.tokens()
    surnames = lookup.surname_index()
    for i, tok in enumerate(toks):
        if not tok.is_word:
            continue
        possessive = tok.text.endswith("'s")
        key = ascii_fold(tok.text[:-2] if possessive else tok.text)
        first = i
        if i >= 1 and toks[i - 1].is_word and f"{toks[i - 1].text} {key}" in index:  # "the rock", "j law"
            first, key = i - 1, f"{toks[i - 1].text} {key}"
        name = index.get(key)
        if name is None or (key not in NICKNAMES and (key in surnames or key in lookup.shared_surnames())):
            continue
        if not _cued(toks, first, i, possessive):
            continue
        last = _misspelt_surname(toks, i, key, name, lookup)
        if last is not None:  # "with brad pit": Brad Pitt, said so, as every name read as another is
            extend_unique(out.caveats, [taken_to_mean(scan.original[toks[first].start : toks[last].end], name)])
        last = i if last is None else last
        extend_unique(out.people, [name])
        scan.take(toks[first].start, toks[last].end)
        scan.named[toks[first].start, toks[last].end] = name


def _misspelt_surname(toks: list[Tok], i: int, key: str, name: str, lookup: CatalogLookup) -> int | None:
    """The token after a first name, when with it the two are a letter or two from that person's whole
    name ("brad pit"), so both were a misspelling of it rather than a first name and some other word."""
    after = toks[i + 1] if i + 1 < len(toks) else None
    if after is None or not after.is_word or after.start != toks[i].end + 1 or after.text in AFTER_A_PERSON:
        return None
    if after.text in STOPWORDS or key in NICKNAMES:
        return None
    pair = f"{key} {ascii_fold(after.text).casefold()}"
    return i + 1 if closest_person(pair, lookup.people_index()) == name else None


def _cued(toks: list[Tok], first: int, last: int, possessive: bool) -> bool:
    """Said as a person: "with keanu", "leo movies", "denzel's", "no arnie"."""
    before = toks[first - 1].text if first >= 1 else ""
    after = toks[last + 1].text if last + 1 < len(toks) else ""
    if in_company(toks, first):  # "to watch with megan": a friend
        return False
    return possessive or before in BEFORE_A_PERSON or before in REFUSING or after in AFTER_A_PERSON
