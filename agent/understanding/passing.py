"""What a request says in passing, and whether a message says anything at all.

"We already watched Inception, and we really liked Before Sunrise. Anything for tonight?" is a
request, and also two facts worth keeping: Inception is seen, Before Sunrise is liked.
"asdf qwerty zxcv blorp" is neither a request nor chat, and answering it with picks would be
making one up.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.sentiments import dislike_stars
from agent.understanding.text import normalise_message, word_set
from agent.understanding.title_lists import judged_titles_after
from agent.understanding.whose_verdict import THEIR_VERDICT, users_verdict
from store.movie import ascii_fold

_VERB = re.compile(
    r"\b(?P<seen>(?:already|just|recently)\s+(?:seen|watched|saw|finished(?:\s+watching)?)"
    r"|(?:i|we|i've|we've|ive|weve|have)\s+(?:already\s+|just\s+|recently\s+|also\s+|both\s+|all\s+)?"
    r"(?:seen|watched|saw|finished\s+watching)|(?:^|[,.;!?])\W*(?:watched|saw|seen|finished\s+watching))\b"
    r"|\b(?P<liked>(?:really\s+|also\s+)?(?:liked|loved|enjoyed|adored))\b"
    r"|(?:\b(?:i|we)\s+|(?:^|[,.;!?])\W*)(?:really\s+|just\s+|absolutely\s+)?"  # "hated titanic, what else?"
    r"(?P<disliked>hated|disliked|didn'?t\s+(?:like|enjoy)"
    r"|did\s+not\s+(?:like|enjoy)|couldn'?t\s+stand|can'?t\s+stand)\b"
)
_THE_SAME = re.compile(r"\s*(?:it|them|both|that one|those|that)\b")
_NEGATED = re.compile(r"\b(?:haven'?t|have not|never|not|didn'?t|did not)\s+(?:\w+\s+)?$")
_END = re.compile(r"[.!?;]|\bbut\b")
LOVED = ("loved", "adored")


@dataclass
class InPassing:
    """Films a message says were seen, liked or disliked, by catalog id."""

    seen: list[str] = field(default_factory=list)
    liked: dict[str, float] = field(default_factory=dict)  # id -> stars (5 for loved, 4 for liked)
    # id -> the stars its words stand for alone ("hated" 1, "didn't like" 2; None: a plain dislike),
    # seen and panned too: "watched Heat and hated it"
    disliked: dict[str, float | None] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.seen or self.liked or self.disliked)


def facts_in_passing(text: str, lookup: CatalogLookup, named: tuple[str, ...] = ()) -> InPassing:
    """Each "seen/watched X", "liked/loved X" and "hated X" of a message, read up to the next verb
    or the end of the sentence, so "watched Inception, and we liked Heat" keeps them apart; a
    "seen it" is about the one film the message `named`, if it named one. Someone else's verdict
    ("everyone hated titanic") stores nothing, but is what the user's own "but i loved it" is about."""
    lowered = normalise_message(text)
    cased = text if len(text) == len(lowered) else lowered  # "I watched Alien yesterday": its capital says title
    own = [(m, False) for m in _VERB.finditer(lowered)
           if not _NEGATED.search(lowered[: m.start()]) and users_verdict(lowered, m.start())]  # fmt: skip
    verbs = sorted([*own, *((m, True) for m in THEIR_VERDICT.finditer(lowered))], key=lambda v: v[0].start())
    found = InPassing()
    last: list[str] = []  # the films the verb before named, for "... and loved it"
    for n, (verb, theirs) in enumerate(verbs):
        stop = verbs[n + 1][0].start() if n + 1 < len(verbs) else len(lowered)
        end = _END.search(lowered, verb.end(), stop)
        segment = cased[verb.end() : end.start() if end else stop]
        if theirs:  # "my wife hated titanic": not the user's, but "it" in what they say next
            last = [m.movie_id for m in judged_titles_after(segment, 0, lookup)[0]] or last
            continue
        matches, panned = judged_titles_after(segment, 0, lookup, named=bool(verb["seen"]))
        ids = [m.movie_id for m in matches]
        if not ids and not verb["seen"] and _THE_SAME.match(segment.lower()):  # "I've seen Alien and loved it"
            ids = last
            found.seen = [i for i in found.seen if i not in ids]
        elif not ids and not last and verb["seen"] and _THE_SAME.match(segment.lower()):
            ids = list(named) if len(named) == 1 else []  # "tarantino movies but not pulp fiction, seen it"
        last = ids or last
        if verb["disliked"]:  # "I hated Titanic. Recommend a romance": never suggested again
            found.disliked |= {i: dislike_stars(verb["disliked"]) for i in ids if i not in found.disliked}
        elif verb["seen"]:
            found.seen += [i for i in ids if i not in found.seen and i not in panned]
            found.disliked |= {i: dislike_stars(segment) for i in panned if i not in found.disliked}
        else:
            stars = 5.0 if any(word in verb["liked"] for word in LOVED) else 4.0
            found.liked.update({i: stars for i in ids})
    return found


def own_verdict_wins(text: str, lookup: CatalogLookup, out: Understood) -> None:
    """ "everyone hated titanic but i loved it, more like it": a film refused only for someone else's
    dislike, that the user says they liked, is no refusal but a film they liked, to go by."""
    lowered = normalise_message(text)
    cased = text if len(text) == len(lowered) else lowered
    theirs = [m for m in THEIR_VERDICT.finditer(lowered) if _THEIR_DISLIKE.search(m[0])]
    refused = {t.movie_id for m in theirs for t in judged_titles_after(cased, m.end(), lookup)[0]}
    refused &= set(out.exclude_titles)
    liked = [m for m in facts_in_passing(text, lookup, tuple(refused)).liked if m in refused] if refused else []
    out.exclude_titles = [m for m in out.exclude_titles if m not in liked]
    out.like_titles = list(dict.fromkeys([*out.like_titles, *liked]))


_THEIR_DISLIKE = re.compile(r"\b(?:hated|disliked|loathed|despised|didn'?t|did not|couldn'?t|can'?t)\b")


# -- a message that says nothing --------------------------------------------------------------

_WORD = re.compile(r"[a-z]+")
REQUEST_WORDS = word_set(
    """a an the me us my we i something anything some any movie movies film films flick watch watching
    tonight today recommend suggest show give find want need good great best please pick what should
    to for of with and or in on like about"""
)


def says_nothing(text: str, understood: Understood, catalog) -> bool:
    """No constraint, no title, no person, and most words unknown to the catalog and to the
    way people ask for films: "asdf qwerty zxcv blorp". The caller rules out chat first."""
    if has_meaning(understood):
        return False
    words = _WORD.findall(ascii_fold(text.lower()))
    if not words:
        return False
    known = known_words(catalog)
    recognised = sum(1 for w in words if w in known or w in REQUEST_WORDS)
    return recognised * 2 < len(words)


def unread(understood: Understood, catalog) -> list[str]:
    """The words of a message that understood nothing, when no film of the catalog uses any of them
    ("blorptastic instead"): no filter, title or person, and nothing left to search for either."""
    if has_meaning(understood):
        return []
    words = [w for w in dict.fromkeys(_WORD.findall(ascii_fold(understood.query.lower()))) if w not in REQUEST_WORDS]
    known = known_words(catalog)
    return [] if any(w in known for w in words) else words


def has_meaning(u: Understood) -> bool:
    return bool(
        u.genres or u.moods or u.keywords or u.people or u.any_people or u.like_titles or u.exclude_titles
        or u.unknown_titles
        or u.languages or u.countries or u.exclude_genres or u.exclude_moods or u.modifiers or u.hidden_gem
        or u.popular or u.count is not None or u.min_rating is not None or u.year_min is not None
        or u.year_max is not None or u.exclude_years or u.min_runtime is not None or u.max_runtime is not None
        or u.any_genres or u.exclude_people or u.exclude_keywords or u.require_keywords or u.exclude_languages
        or u.studios or u.exclude_studios
    )  # fmt: skip


@lru_cache(maxsize=4)
def known_words(catalog) -> frozenset[str]:
    """Every word of the catalog's titles, synopses, themes and people, once per catalog."""
    words: set[str] = set()
    for movie in catalog.movies.values():
        text = " ".join([movie.title, movie.overview, *movie.keywords, *movie.directors, *movie.cast])
        words.update(_WORD.findall(ascii_fold(text.lower())))
    return frozenset(words)


# -- a message in another language -----------------------------------------------------------

_FOREIGN_WORDS = word_set(
    """quiero una película peliculas películas busco algo como para pero muy donde también
    je veux une des avec pour mais très quelque chose comme voudrais cherche
    ich möchte einen einem eine mit und aber sehr etwas wie suche bitte
    voglio vorrei qualcosa molto cerco
    quero uma filme algum alguma muito também procuro"""
)
_ENGLISH_WORDS = word_set("a an the with and but something like movie movies film films for me i we want need")


def in_another_language(text: str) -> bool:
    """The message is mostly not English: another script ("какой-нибудь фильм про войну"), or the
    common words of Spanish, French, German, Italian or Portuguese ("quiero una película de terror")."""
    letters = [c for c in text if c.isalpha()]
    other_script = sum(not unicodedata.name(c, "").startswith("LATIN") for c in letters)
    if letters and other_script > len(letters) / 2:
        return True
    words = re.findall(r"[^\W\d_]+", text.lower())
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    return foreign >= 2 and foreign > english
