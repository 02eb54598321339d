"""A list of films said to be seen, read item by item: "seen spirited away, totoro and ponyo",
"i've watched alien, jaws and the shining", "seen 1 and 3" after picks.

The title reader stops at the first item it cannot resolve, which dropped every film after it,
and reads a lowercase "alien" as the genre; in a list after "seen" each item is a title (or a
place in the last answer's list), and an item that is none is named back as unknown.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from agent.understanding.days_said import when_cut
from agent.understanding.request import CatalogLookup
from agent.understanding.text import STOPWORDS, normalise_message, word_set
from agent.understanding.versions import same_title
from store.movie import TITLE_MATCH_SCORE, normalise_title

_SEEN_LIST = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|also|and|oh|btw|yeah|yes|yep|well|so|actually)\W+)*"
    r"(?:(?:i'?ve|i have|we'?ve|we have|ive|weve|i|we)\s+)?(?:(?:already|also|just|both|all)\s+)?"
    r"(?:seen|watched|saw)\s+(?P<list>.+)$"
)
# "seen alien, jaws and the shining, what else?": a wish for picks after the list, which goes on from it
ASKED_AFTER = re.compile(
    r"\s*[,.;!?-]+\s*(?:(?:so|now|ok|okay|and)\s+)*(?:what else|anything else|what now|what next"
    r"|what (?:should|can|could) (?:i|we) watch(?: next| now)?|any (?:recs|recommendations|suggestions|ideas)"
    r"|(?:recommend|suggest) (?:me )?something|any others|others|more like (?:these|those|them|that)"
    r"|(?:anything|something) (?:similar|like (?:these|those|them|that)))\W*$"
)
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&|plus)\s+|\s*/\s*")
_FILLER_TAIL = re.compile(r"(?:\s+(?:lol|lmao|haha+|tbh|btw|already|too|before|though|as well|both|all))+\W*$")
_NUMBER = re.compile(r"(?:#|number\s*|no\.\s*)?(?P<n>[1-9]\d?)")  # a place in the list: 1 to 99, no 0
_EVERY = re.compile(r"(?:them |those |these )?all(?: of)?(?: (?:them|those|these|\d|two|three|four|five))?|both")
# an item that is no title: the film just shown or named ("seen it"), a verdict ("and loved it"),
# something asked for ("want more like it"); the whole message is then left to the other readers
_NOT_AN_ITEM = word_set(
    """it this that them those these one ones movie movies film films stuff something anything want need
    more like love loved liked hated enjoyed but not never please pls any some recommend suggest
    what which how why who times rest"""
)
# the film shown or named before ("seen it", "watched that one"): for the other readers to point at
_POINTS = re.compile(r"(?:it|this|that|them|those|these|her|him|(?:this|that|the\s+\w+)\s+ones?)")
# "the matrix and its sequels": the later films of the film before, for the node to find in the catalog
_ITS_SEQUELS = re.compile(
    r"(?:all\s+(?:of\s+)?)?(?:its|the|their)\s+(?:sequels|follow[- ]?ups|later\s+(?:films|movies|ones))"
    r"|(?:the\s+)?sequels|the\s+rest\s+of\s+(?:the|its)\s+(?:series|films|movies)"  # a bare "the rest" is no series
)
_MIN_PARTIAL = 4  # letters a partial title must have to stand for the one film whose title holds it


@dataclass(frozen=True)
class SeenList:
    """What a seen-list names: catalog ids, places in the last list, all of it, names not found."""

    titles: tuple[str, ...] = ()
    positions: tuple[int, ...] = ()
    every: bool = False
    unknown: tuple[str, ...] = ()
    asks: bool = False  # picks are asked for after the list ("..., what else?")
    stars: float | None = None  # given to every film of it ("seen parasite and blorfzap, 4 stars")
    with_sequels: tuple[str, ...] = ()  # films named with "and its sequels" after them


def seen_list(text: str, lookup: CatalogLookup, *, has_previous: bool) -> SeenList | None:
    """The message as a list after "seen"/"watched", when every item is a title, a number of the
    last picks or a name the catalog lacks; None when it says anything else."""
    lowered = normalise_message(text)
    m = _SEEN_LIST.match(lowered)
    if m is None or len(text) != len(lowered):
        return None
    start = m.start("list")
    asked = ASKED_AFTER.search(lowered, start)
    stop = asked.start() if asked else len(lowered)
    listed = when_cut(_FILLER_TAIL.sub("", lowered[start:stop].rstrip(" .!")))  # "... aliens yesterday": the day
    end = start + len(listed) if lowered[start:stop].strip() else start
    spans = _items(lowered, start, end)
    if not spans:
        return None
    if len(spans) == 1 and not has_previous and not _one_title(text, spans[0], lookup):
        return None  # "seen heat": the other readers know a single title (and a typo in it)
    titles: list[str] = []
    positions: list[int] = []
    unknown: list[str] = []
    every = False
    with_sequels: list[str] = []
    i = 0
    while i < len(spans):
        item = lowered[spans[i][0] : spans[i][1]]
        if titles and _ITS_SEQUELS.fullmatch(item):  # "the matrix and its sequels": no film called that
            with_sequels += titles[-1:] if "its " in item else titles  # "seen alien and jaws and their sequels"
            i += 1
            continue
        if _POINTS.fullmatch(item):
            return None
        if (number := _NUMBER.fullmatch(item)) and has_previous:
            positions.append(int(number["n"]) - 1)
            i += 1
            continue
        if _EVERY.fullmatch(item) and has_previous:
            every = True
            i += 1
            continue
        found, i_next = _title_from(text, spans, i, lookup)
        if found is None and any(w in _NOT_AN_ITEM for w in item.split()):
            return None
        if found is not None:
            titles.append(found)
        elif len(spans) == 1:
            return None
        else:
            unknown.append(text[spans[i][0] : spans[i][1]])
        i = i_next
    if not titles and not positions and not every:
        return None
    seen = SeenList(tuple(dict.fromkeys(titles)), tuple(dict.fromkeys(positions)), every, tuple(unknown), bool(asked))
    return dataclasses.replace(seen, with_sequels=tuple(with_sequels))


def _items(lowered: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for sep in _SEPARATOR.finditer(lowered, start, end):
        spans.append((at, sep.start()))
        at = sep.end()
    spans.append((at, end))
    return [(a, b) for a, b in spans if b > a]


def _one_title(text: str, span: tuple[int, int], lookup: CatalogLookup) -> bool:
    """A lone item typed as a catalog title ("seen the thing"), not only filler ("seen a movie")."""
    typed = text[span[0] : span[1]]
    if _POINTS.fullmatch(typed.lower()) or any(w in _NOT_AN_ITEM for w in typed.lower().split()):
        return False
    match = lookup.resolve_title(typed)
    return match is not None and same_title(typed, match.title)


_ITEMS_IN_A_TITLE = 4  # "the good, the bad and the ugly" is three items; a list of 300 was minutes of lookups


def _title_from(text: str, spans: list[tuple[int, int]], i: int, lookup: CatalogLookup) -> tuple[str | None, int]:
    """The film items i.. name: the longest run of items typed as a title ("pride and prejudice"),
    else item i alone, near enough or the one film whose title holds it ("totoro")."""
    for k in range(min(len(spans), i + _ITEMS_IN_A_TITLE), i, -1):  # each try may search the catalog fuzzily
        typed = text[spans[i][0] : spans[k - 1][1]]
        match = lookup.resolve_title(typed)
        if match is not None and same_title(typed, match.title):
            return match.movie_id, k
    typed = text[spans[i][0] : spans[i][1]]
    words = typed.lower().split()
    if all(w in STOPWORDS or w.isdigit() for w in words) or any(w in _NOT_AN_ITEM for w in words):
        return None, i + 1
    match = lookup.resolve_title(typed)
    if match is not None and match.score >= TITLE_MATCH_SCORE and len(typed.split()) > 1:
        return match.movie_id, i + 1
    return _holding(typed, lookup), i + 1


def _holding(typed: str, lookup: CatalogLookup) -> str | None:
    """The one catalog film whose title holds `typed` as whole words ("totoro": My Neighbor Totoro)."""
    key = normalise_title(typed)
    if len(key.replace(" ", "")) < _MIN_PARTIAL:
        return None
    words = re.compile(rf"(?:^| ){re.escape(key)}(?: |$)")
    found = {m.id for m in lookup.movies.values() if words.search(normalise_title(m.title))}
    return found.pop() if len(found) == 1 else None
