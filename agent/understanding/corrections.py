"""Words about films that are no verdict on them: a plan to watch one ("the second one sounds
good", "ok ill watch the first one"), which says nothing of having seen or liked it, and a
correction of what was noted ("forget that I watched Heat", "actually I haven't seen it, my bad",
"undo that", "actually make that 3 stars")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from agent.understanding.request import CatalogLookup
from agent.understanding.title_lists import titles_after
from agent.understanding.verdicts import NOT_SEEN
from agent.understanding.versions import same_title

_PRAISE = r"(?:good|great|funny|hilarious|scary|fun|amazing|awesome|excellent|fantastic|interesting|cute|sweet)\b"
# "sounds good", "looks fun", "will watch tonight", "adding the 3rd to my watchlist"
INTEREST = re.compile(
    r"\b(?:sounds?|looks?|seems?)\s+(?:\w+\s+)?(?:good|great|fun|interesting|cool|nice|promising|intriguing|awesome"
    r"|amazing|fantastic|solid|decent|neat|perfect|fire|sick|dope|lit|rad|sweet|epic|legit|right up my alley)\b"
    # "I'll check those out", "I will have to check it out", "I need to see that one", "I will be sure to watch it",
    # "maybe I'll take a look", "I can try that one": a few words may come between, but never a "not"
    r"|\b(?:(?:i|we)\s+)?(?:i'?l{1,2}|ill|i will|we'?ll|we will|gonna|going to|will|wanna|want to|need to|have to"
    r"|got to|gotta|must|(?P<maybe>can|could|might|may|maybe))\s+(?:(?!not\b|never\b)\w+\s+){0,3}?"
    r"(?:watch|(?(maybe)(?!)|see)(?=\s+(?:it|that|this|them|those|these|both)\b)"
    r"|try(?=\s+(?:it|that|this|them|those|these)\b)"
    r"|check\s+(?:(?:it|that|this|them|those|these|both|(?:that|this|the\s+\w+)\s+one)\s+)?out"
    r"|take\s+a\s+(?:look|peek|gander)|look\s+(?:into|at)\s+(?=it|that|this|them|those|these)|look\s+(?:it|that|them)\s+up"
    r"|give\s+(?:it|that|this|the\s+\w+|#\s*\d|number\s*\d)(?:\s+one)?\s+a\s+(?:go|try|shot|watch|chance))\b"
    r"(?!\s+(?:it\s+|that\s+|this\s+)?again)"
    # "I will give Mama (2013) a chance tonight": the film named between, read after the match
    r"|\b(?:i'?ll|ill|i will|we'?ll|we will|gonna|going to|might|may)\s+(?:\w+\s+)?give\s+"
    r"(?=(?P<film>[^.!?;,]{1,80}?)\s+a\s+(?:go|try|shot|watch|chance)\b)"
    # "we'll do that one", "let's go with the first", "i'll take #2": a film shown, chosen
    r"|\b(?:i'?ll|ill|i will|we'?ll|we will|let'?s|lets|gonna|going to)\s+(?:take|go\s+(?:for|with)|do|pick|choose)\s+"
    r"(?=(?:it|that|this|the\s+(?:first|second|third|fourth|fifth|last|[1-9](?:st|nd|rd|th))|#\s*\d|number\s*\d)\b)"
    r"|\badd(?:ing|ed)?\b[^.!?]*\b(?:watch\s*-?list|(?:to|on)\s+(?:my|the)\s+list)\b"  # "I'll add it to my list"
    # "heard good things about that one", "I heard Jumanji is good": praise passed on, of a film not yet seen
    r"|\b(?:heard|hear|hearing)\s+(?:(?:so\s+)?(?:many|a\s+lot\s+of|lots\s+of|some)\s+)?"
    r"(?:good|great|amazing|awesome|wonderful|nice)\s+things\b(?:\s+about\s+(?=(?P<about>[^.!?;,]{1,80})))?"
    r"|\b(?:heard|hear)\s+(?:that\s+)?"
    r"(?=(?P<heard>[^.!?;,]{1,60}?)(?:\s+(?:is|was|are|were)|'s)\s+(?:\w+\s+)?" + _PRAISE + r")"
    r"|\bsupposed\s+to\s+be\s+(?:\w+\s+)?" + _PRAISE + r""
    # "I'm watching Heat right now", "we're about to rewatch Alien": a film being watched, not one to match
    r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:just\s+|now\s+|currently\s+)?(?:about\s+to\s+(?:re-?)?watch"
    r"|(?:re-?)?watching)\b(?!\s+(?:a\s+lot|lots|loads|more|mostly|only|movies|films|anything|something)\b)"
)
# "... Heat right now", "... Alien tonight": when, after the film's name
_WHEN_AFTER = re.compile(
    r"\s+(?:right\s+now|now|tonight|today|at\s+the\s+moment|atm|later|this\s+(?:evening|afternoon|morning|weekend))"
    r"(?:\s+(?:lol|haha))?[\s.!]*$",
    re.IGNORECASE,
)
WATCHLIST = re.compile(r"\bwatch\s*-?list\b|\badd\b[^.!?]*\b(?:to|on)\s+(?:my|the)\s+list\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.!?;,]|\b(?:but|and|while|though|plus|also)\b")
_POINTS = re.compile(r"\b(?:it|that|this|that one|this one|them|those|these)\b")
# "I'll check those out", "I'll take a look": the films just shown, all of them
_THE_PICKS = re.compile(r"\b(?:them|those|these|both|all\s+of\s+them)\b|\btake\s+a\s+(?:look|peek|gander)\W*$")


@dataclass(frozen=True)
class Interest:
    """Films the user means to watch, and the message with what says so blanked out (same offsets)."""

    text: str
    lowered: str
    ordinal: int | None = None
    titles: list[str] = field(default_factory=list)
    pointed: bool = False  # "it", "that one": the film just shown
    every: bool = False  # "I'll check those out", "I'll take a look": all the films just shown


def interest_in(
    text: str, lowered: str, lookup: CatalogLookup, ordinal_of: Callable[[str], int | None]
) -> Interest | None:
    """The clauses saying the user wants to watch a film, or None when none does or they point at
    no film ("I'll watch anything but horror" asks for films)."""
    found = list(INTEREST.finditer(lowered))
    if not found or len(text) != len(lowered):
        return None
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(lowered)]
    spans = []
    for m in found:
        start = max((end for s, end in breaks if s < m.start()), default=0)
        end = min((s for s, _ in breaks if s >= m.end()), default=len(lowered))
        spans.append((start, end))
    ordinal, titles, pointed, plural = None, [], False, False
    for start, end in spans:
        clause = lowered[start:end]
        if ordinal is None and (ordinal := ordinal_of(clause)) is None and not titles:
            said = _WHEN_AFTER.sub("", _blanked(text, INTEREST.finditer(lowered, start, end))[start:end])
            titles = [t.movie_id for t in titles_after(said, 0, lookup, exact=True) or _given(text, found, lookup)]
        pointed = pointed or bool(_POINTS.search(clause))
        plural = plural or bool(_THE_PICKS.search(clause))
    if ordinal is None and not titles and not pointed and not plural:
        return None
    blank_text, blank_lowered = text, lowered
    for start, end in spans:
        blank_text = blank_text[:start] + " " * (end - start) + blank_text[end:]
        blank_lowered = blank_lowered[:start] + " " * (end - start) + blank_lowered[end:]
    every = plural and ordinal is None and not titles
    return Interest(blank_text, blank_lowered, ordinal, titles if ordinal is None else [], pointed, every)


def _blanked(text: str, found: Iterable[re.Match[str]]) -> str:
    """The typed text with the words found in its lowered twin blanked ("I will watch Heat": "Heat"),
    as the patterns read lower case only."""
    for m in found:
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


def _given(text: str, found: list[re.Match], lookup: CatalogLookup) -> list:
    """The film in "I will give Mama (2013) a chance", "heard good things about Heat" or "I heard Heat is good",
    read on its own: "a chance" or "is good" after it ends no title, and "it" or "that one" names no film."""
    return next(
        (
            said
            for m in found
            for group in ("film", "about", "heard")
            if m[group]
            and not _POINTS.fullmatch(m[group].strip())
            and (said := titles_after(text[: m.end(group)], m.start(group), lookup))
        ),
        [],
    )


# "undo that", "take it back", "I didn't mean that": the last thing noted, taken back
UNDO = re.compile(
    r"^\W*(?:(?:no|oops|sorry|actually|wait|ok|okay|please|pls)\W+)*"
    r"(?:undo(?:\s+(?:that|it|this|the\s+last(?:\s+one)?|my\s+last(?:\s+\w+)?))?|take\s+(?:that|it)\s+back"
    r"|i\s+didn'?t\s+mean\s+(?:that|it)|that\s+was\s+(?:a\s+mistake|wrong))"
    r"(?:\W+(?:please|pls|sorry|thanks))*\W*$"
)
# "my watched list", "my history", "my list" (no watchlist: none is kept)
_WATCHED_LIST = r"(?:(?:my\s+)?(?:watched|seen|history)\b|the\s+(?:watched|seen)\s+list\b|my\s+list\b)"
# "forget that I watched Heat", "remove Heat from my watched list", "mark Heat as unwatched"
_FORGET_SEEN = re.compile(
    r"\b(?:forget|ignore|delete|remove|erase|scratch)\s+(?:that\s+|the\s+fact\s+that\s+)?(?:i|we)\s+"
    r"(?:have\s+|'ve\s+|had\s+|'d\s+|ever\s+)?(?:watched|seen|saw|rated|liked|loved|hated|disliked)\b"
    r"|\b(?:remove|delete|drop|erase|take)\b(?=.+\b(?:from|off|out\s+of)\s+" + _WATCHED_LIST + ")"
    r"|\bun-?mark\b|\bunwatch\b|\bmark\b(?=.+\bas\s+(?:not\s+(?:seen|watched)|unwatched|unseen)\b)"
)
# "actually I haven't seen it, my bad": not seen after all, as a correction; "actually" opening what is
# said, since "I actually haven't seen Ghostbusters (1984), which surprises people" corrects nothing
_OWN_MISTAKE = re.compile(
    r"(?:^|[,.;:!?-]\s*|\b(?:oh|no|nope|wait|um+|hmm+|sorry)\s+)actually\b"
    r"|\b(?:my bad|oops|sorry|mistake|didn'?t mean|did not mean|wrong|after all|i lied|meant to say"
    r"|correction|mixed (?:it|them|those) up)\b"
)
_REMOVED_TAIL = re.compile(r"\s+(?:from|off|out\s+of)\s+(?:" + _WATCHED_LIST + r").*$|\s+as\s+\w+.*$")
# "remove it from my watched list", "forget that I watched that one": the film spoken of, no film called It
_POINTER = re.compile(r"^\W*(?:it|that|this|them|those|these)(?:\s+(?:one|ones|movie|film|movies|films))?\W*$")


# "can you take Heat off my watched list?": a request to do it, no question asking for films
_CAN_YOU = re.compile(r"^\W*(?:(?:can|could|would|will)\s+you|please)\b[^?]*\?\W*$")


def asked_politely(lowered: str) -> str:
    """`lowered` without the question mark of "can you ...?", which asks for the thing done."""
    return lowered.rstrip("?!. ") if _CAN_YOU.match(lowered) else lowered


@dataclass(frozen=True)
class Unwatched:
    """Films the user says they have not seen after all: named, or a place in the last list, or "it"."""

    titles: list[str]
    ordinal: int | None


# "forget my rating for Heat", "remove my stars on the first one": the rating only, the film still seen
_FORGET_RATING = re.compile(
    r"\b(?:forget|ignore|delete|remove|erase|clear|drop|reset|cancel|undo|take\s+back)\s+(?:my|the|that)\s+"
    r"(?:ratings?|stars?|scores?|votes?)\b(?:\s+(?:for|of|on|to|about)\b)?"
)


def unrated_in(
    text: str, lowered: str, lookup: CatalogLookup, ordinal_of: Callable[[str], int | None]
) -> Unwatched | None:
    """ "Forget my rating for Heat", "delete my stars on the second one": read as "forget that I rated
    Heat" was, a stars-and-racing request ("rating" taken for "racing") before."""
    said = _FORGET_RATING.search(lowered)
    return None if said is None else _films_after(text, lowered, said.end(), lookup, ordinal_of)


def unwatched_in(
    text: str, lowered: str, lookup: CatalogLookup, ordinal_of: Callable[[str], int | None]
) -> Unwatched | None:
    """ "Forget that I watched Heat", "I didn't mean that, I never watched Now You See Me 2"."""
    said = _FORGET_SEEN.search(lowered)
    if said is None and _OWN_MISTAKE.search(lowered):
        said = NOT_SEEN.search(lowered)
    if said is None:
        return None
    return _films_after(text, lowered, said.end(), lookup, ordinal_of)


def _films_after(
    text: str, lowered: str, end: int, lookup: CatalogLookup, ordinal_of: Callable[[str], int | None]
) -> Unwatched:
    """The films named after a correction's words, a place in the last list, or "it"."""
    rest = _REMOVED_TAIL.sub("", text[end:]) if len(text) == len(lowered) else text[end:]
    ordinal = ordinal_of(lowered[end:])
    pointer = _POINTER.match(rest.casefold()) is not None
    titles = [] if ordinal is not None or pointer else [t.movie_id for t in titles_after(rest, 0, lookup)]
    typed = _SAID_AFTER.split(rest, maxsplit=1)[0].strip(" \"'“”")
    if not titles and ordinal is None and typed and not pointer and (match := lookup.resolve_title(typed)) is not None:
        titles = [match.movie_id] if same_title(typed, match.title) else []  # "now you see me 2", typed whole
    return Unwatched(titles, ordinal)


_SAID_AFTER = re.compile(r"[,.;!?]|\b(?:my bad|sorry|oops|lol|after all|either|actually)\b", re.IGNORECASE)


# "actually make that 3 stars", "change it to a 2": new stars for the film just rated
REVISES = re.compile(
    r"\b(?:make|change|switch|put)\s+(?:that|it|this|my\s+rating|the\s+rating)\b|\bactually\b|\binstead\b"
    r"|^\W*(?:no\W+)?wait\b|\bi\s+meant\b"
)
# "no wait, heat is a 4": a hesitation, no film called The Wait
HOLD_ON = re.compile(r"^\W*(?:(?:no|nah|oh|oops|sorry|actually|hmm+|um+)\W+)*wait\b\W*")


# "tenet was like 2 stars", "dune: 4": what is scored, as typed before the verb
_SCORED_HEAD = re.compile(r"^\W*(?P<head>[^\W\d][^,.;!?:]{0,40}?)\s*(?:\s(?:was|is|were|gets|deserves)\b|:)")
_NO_TITLE = re.compile(
    r"\b(?:it|that|this|they|them|those|these|one|ones|i|we|i'd|i'll|make|change|actually|my|the (?:movie|film))\b"
)


def typed_before_a_score(message: str, lookup: CatalogLookup) -> str | None:
    """The film a scored message names that no catalog title is ("tenet was like 2 stars")."""
    head = _SCORED_HEAD.match(message)
    typed = head["head"].strip(" \"'“”") if head else ""
    if not typed or len(typed.split()) > 5 or _NO_TITLE.search(typed.lower()):
        return None
    match = lookup.resolve_title(typed)
    return None if match is not None and same_title(typed, match.title) else typed
