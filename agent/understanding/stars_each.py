"""Several films, each given its own stars in one message: "I rated Heat 4 and The Matrix 3", "heat 4,
alien 5 and jaws 3", "I'd give heat a 4 and alien a 5". Read as one verdict per film (the reader's
`Classified.verdicts`), where the one rating of the message went to the first film and the others'
stars were lost."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from agent.understanding.rated_asks import request_after
from agent.understanding.request import CatalogLookup
from agent.understanding.seen_lists import ASKED_AFTER
from agent.understanding.sentiments import SENTIMENTS
from agent.understanding.stars import GIVE, on_five
from agent.understanding.text import STOPWORDS
from agent.understanding.versions import same_title
from store.catalog import TitleMatch

# where one film's stars end and the next film may begin; "4.5" is one number
_BREAK = re.compile(r"[,;!?]|\.(?!\d)|\s(?:and|&|plus|then)\s")
# stars that end a part: "heat 4", "alien a 5", "inception 5/5", "jaws 3 stars", "heat 8 out of 10"; and a
# number no rating can be ("the matrix 11", "se7en -3"), named back rather than read as a request
_GRADE = re.compile(
    r"(?:\s(?:an?|at|at\s+an?)|:|\s-(?=\s)|\s)\s*(?<![\w.])(?P<n>-?\d+(?:\.\d+)?)"
    r"(?:\s*(?:/|out\s+of)\s*(?P<of>5|10)\b|\s*(?P<stars>stars?)\b)?\W*$"
)
_YEAR = re.compile(r"(?:18[89]\d|19\d\d|20\d\d)")  # "heat 1995": the film's year, no rating
# who rates, and what goes before a film rated: "I rated", "I'd give", "gave", "also"
_RATER = re.compile(r"^.*?\b(?:give|gave|rate|rated|rating|score|scored)\b\s*|^\W*(?:also|and|then)\s+")
# a verdict before the film given stars: "loved heat 4 stars, and jaws 5", "and really liked alien a 4"
_VERDICT_LEAD = re.compile(
    r"^\W*(?:(?:also|and|then|but)\s+)?(?:(?:i|we)\s+)?(?:(?:really|also|just|absolutely)\s+)?"
    r"(?P<verdict>loved|liked|enjoyed|adored|hated|disliked)\s+(?=\S)",
    re.IGNORECASE,
)
# "alien is a 4": the verb between the film and its stars
_SCORED_VERB = re.compile(r"\s+(?:is|was)$", re.IGNORECASE)
# the user telling what they rated: "I rated", "I'd give", "we gave", "just rated"
_I_RATED = re.compile(
    r"\W*(?:(?:i|we)(?:'?ve|'?d| have| would)?\s+(?:just\s+|already\s+|also\s+)?(?:rated|gave|give|rate)"
    r"|(?:just\s+|already\s+|also\s+)?(?:rated|gave))\b"  # "rated ocean's 11": the "I" left out
)
# a film's own number read as stars only where at least this many other films in the list are each
# given theirs ("heat 4, alien 3 and jaws 5"); "I rated Toy Story 3 and Heat 4" names Toy Story 3
_LIST_OF_STARS = 2

Verdict = tuple[str, str, float | None]


@dataclass(frozen=True)
class Rated:
    """The films of a message each given its stars, and which of those stars stand for a word said of
    the film ("loved" in "loved heat and jaws 5"), not for a number given."""

    verdicts: tuple[Verdict, ...]
    worded: tuple[str, ...] = ()


def stars_each(text: str, lowered: str, lookup: CatalogLookup) -> Rated | None:
    """Each film's verdict by its own stars (film, "liked" or "disliked", stars), when the whole message
    is two or more films each with a number, maybe then a wish for more ("..., what else?", when one
    film is enough) or a request ("..., any comedies?"); None otherwise (one film given stars, a film
    without a number, a part that reads as no name: the reader goes on).

    A number that ends a film's title ("Toy Story 3") leaves that film "seen", with no stars, unless
    the rest of the list gives stars to film after film, and so does a film that shares its part with
    it ("I rated Heat and Toy Story 3"); a number no rating can be ("The Matrix 11", "jaws 4.7": stars
    go in halves) leaves its film "unkept" with that number; a film that shares a part with the next,
    under a verdict of its own ("loved heat and jaws 5"), has that verdict and the stars it stands for
    alone ("I loved Heat" is 5), `worded`; a short name no film has ("blorfzap 3") is "unknown", as
    typed. Alone, "I rated the matrix 11" and "I rated Toy Story 3" are read so too, where they were
    taken for requests about The Matrix and Toy Story 3."""
    said = text if len(text) == len(lowered) else lowered
    # "heat 4, alien 3 and jaws 5, what else?", "heat 4 and jaws 5, any comedies?": the list, then the wish
    if asked := ASKED_AFTER.search(lowered) or request_after(lowered):
        said, lowered = said[: asked.start()], lowered[: asked.start()]
    parts, start = [], 0
    for m in [*_BREAK.finditer(lowered), None]:
        end = m.start() if m else len(lowered)
        grade = _GRADE.search(lowered, start, end)
        if grade is None or _YEAR.fullmatch(grade["n"]):  # "I rated Pride and Prejudice 4": on to the next break
            if m is None and lowered[start:].strip(" .!"):
                return None
            continue
        parts.append((said[start : grade.start()], grade, start == 0))
        start = m.end() if m else len(lowered)
    read = [one for head, grade, opening in parts for one in _shared(head, grade, lookup, opening=opening)]
    if not read or None in read:
        return None
    starred = sum(1 for _, numbered, verdict, _ in read if numbered is None and verdict[1] in ("liked", "disliked"))
    found: dict[str, Verdict] = {}
    worded = []
    for match, numbered, verdict, word in read:
        if numbered is not None and (match is None or starred < _LIST_OF_STARS):
            verdict = (numbered.movie_id, "seen", None)
        if verdict[0] in found:
            return None
        found[verdict[0]] = verdict
        worded += [verdict[0]] if word else []
    verdicts = tuple(found.values())
    unkept = any(v == "unkept" for _, v, _ in verdicts)
    if not any(v in ("liked", "disliked") for _, v, _ in verdicts) and not unkept:
        # "I rated Toy Story 3": the film is seen, and no stars were given it; "how would you rate ..." asks
        seen = all(v == "seen" for _, v, _ in verdicts) and "?" not in lowered
        return Rated(verdicts) if seen and _I_RATED.match(lowered) else None
    if len(verdicts) > 1 or asked or (unkept and GIVE.search(lowered)):
        return Rated(verdicts, tuple(worded))
    return None


def _read(head: str, grade: re.Match[str], lookup: CatalogLookup, *, own_number: bool = True, opening: bool = True
          ) -> tuple[TitleMatch | None, TitleMatch | None, Verdict, bool] | None:  # fmt: skip
    """The film a part names, the film its number is part of the title of ("toy story 3"), its verdict
    by the stars, and whether that verdict is a word's; None when it names no film. A film the number
    does not follow (`own_number` false: "toy story" in "toy story and heat 4") has no number of its own."""
    name = _name(head)
    if (scored := _SCORED_VERB.search(name)) and not _same(name, lookup) and name[: scored.start()].strip():
        name = name[: scored.start()]  # "alien is a 4, anything else?": Alien, scored
    # "I rated It 4 and Heat 5", "I rated Heat 5 and It 4": typed as the film's name, not the first word
    it_film = name == "It" and (head.strip() != name or not opening)
    if not set(name.lower().split()) - STOPWORDS and not it_film:  # "I'd rate it 11": the pick, not the film It
        return None
    match = _same(name, lookup)
    numbered = None
    if own_number and not (grade["of"] or grade["stars"]):  # "toy story 3": the film's number, as in stars.py
        typed = f"{name} {grade['n']}"  # a title whole, its number written either way: "ocean's 11", "alien 3"
        numbered = lookup.resolve_title(typed)
        numbered = (
            numbered if numbered is not None and (numbered.score >= 100 or same_title(typed, numbered.title)) else None
        )
    if match is None and numbered is None:
        return None
    if match is None:
        return None, numbered, (numbered.movie_id, "seen", None), False
    value = float(grade["n"])
    if not 0 <= value <= 10 or not (value * 2).is_integer():  # "the matrix 11", "jaws 4.7": said back, not kept
        return match, numbered, (match.movie_id, "unkept", value), False
    if not own_number and (lead := _VERDICT_LEAD.match(_RATER.sub("", head.strip()))):  # "loved heat and jaws 5"
        word = lead["verdict"].lower()  # as the word alone stores it: "I loved Heat" is 5 stars
        verdict, stars = next((v, n) for pattern, v, n, _ in SENTIMENTS if pattern.search(word))
        return match, numbered, (match.movie_id, verdict, stars), True
    stars = on_five(value, grade["of"])
    return match, numbered, (match.movie_id, "liked" if stars >= 3 else "disliked", stars), False


def _same(name: str, lookup: CatalogLookup) -> TitleMatch | None:
    """The catalog's film of that very name, if any."""
    match = lookup.resolve_title(name)
    return match if match is not None and same_title(name, match.title) else None


def _shared(head: str, grade: re.Match[str], lookup: CatalogLookup, *, opening: bool) -> list:
    """What a part says: one film given its stars, or several films sharing them ("I rated Toy Story
    and Heat 4" gives each 4, as "seen parasite and amelie, 4 stars" does, where Heat was dropped), when
    the part as a whole names no film and each of its names is a film's. Where the number is the last
    film's own ("I rated Heat and Toy Story 3"), no stars were given: the others are seen, as that film is."""
    if (one := _read(head, grade, lookup, opening=opening)) is not None or not _BREAK.search(head.lower()):
        return [one or _not_found(head)]
    *earlier, last = [h for h in _BREAK.split(head) if h is not None]
    read = [_read(h, grade, lookup, own_number=False, opening=opening and n == 0) or _not_found(h)
            for n, h in enumerate(earlier)]  # fmt: skip
    read.append(_read(last, grade, lookup, opening=False) or _not_found(last))  # "toy story and blorfzap 4"
    if None in read or all(r[0] is None for r in read):
        return [_not_found(head)]
    if read[-1][1] is not None:  # "I rated Heat and Toy Story 3": the 3 is Toy Story 3's, and Heat has no stars
        if any(r[0] is None or r[2][1] == "unkept" for r in read[:-1]):
            return [_not_found(head)]
        return [*((m, None, (m.movie_id, "seen", None), False) for m, *_ in read[:-1]), read[-1]]
    return read


def _not_found(head: str) -> tuple[None, None, Verdict, bool] | None:
    """A part that names no film of the catalog but reads as a name, as typed: "blorfzap" in "I rated
    heat 4 and blorfzap 3", which went unsaid; not "loved heat" nor "it"."""
    name = _name(head)
    words = name.lower().split()
    if not words or len(words) > 3 or set(words) & STOPWORDS:
        return None
    if any(pattern.search(name.lower()) for pattern, *_ in SENTIMENTS):
        return None
    return None, None, (name, "unknown", None), False


def _name(head: str) -> str:
    """The film a part names, without who rates it and how: "I rated heat", "loved heat", "and jaws"."""
    name = _RATER.sub("", head.strip()).strip(" \t\"'“”:-")
    return _VERDICT_LEAD.sub("", name)


def asks_after(lowered: str) -> bool:
    """Whether picks are asked for after the films rated ("..., what else?", "..., any comedies?"), as
    after a seen list."""
    return ASKED_AFTER.search(lowered) is not None or request_after(lowered) is not None


def verdicts_intent(verdicts: tuple[Verdict, ...]) -> Literal["liked", "disliked", "seen"]:
    """The turn's intent for such verdicts: the first film's stars, or "seen" where none were kept."""
    first = next((v for _, v, _ in verdicts if v in ("liked", "disliked")), "seen")
    return "liked" if first == "liked" else "disliked" if first == "disliked" else "seen"
