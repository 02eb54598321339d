"""A question about a film: "who directed Heat?", "is the third one long?", "was Heat in any of
those?", "what did you just recommend?". It is answered with the film's facts, never with new picks,
unless the message asks for films too ("who directed Heat? something like it")."""

from __future__ import annotations

import re

from agent.understanding.classified import Classified
from agent.understanding.fact_questions import (
    AMONG_TAIL,
    AMONG_THE_PICKS,
    COLLECTION,
    FACT_QUESTIONS,
    STREAMING_PICKS,
    Fact,
    catalog_extreme_asked,
    films_compared,
    other_year,
    superlative_asked,
)
from agent.understanding.opening_title import film_named_first, well_known_title
from agent.understanding.ordinals import ORDINAL
from agent.understanding.reader import understand
from agent.understanding.request import CatalogLookup, has_filters
from agent.understanding.text import Scan, tokens_of, word_set
from agent.understanding.title_lists import judged_titles_after, titles_after
from agent.understanding.titles import explained
from agent.understanding.verdict_titles import with_title_year
from agent.understanding.versions import same_title
from store.catalog import TitleMatch
from store.movie import TITLE_MATCH_SCORE

_IN_THE_COLLECTION = re.compile(rf"\s+(?:in|on) (?:your|the) {COLLECTION}\b.*$|\s+(?:at all|yet)\b.*$")
# what a question says after the film it names: "what's X about", "when did X come out", "is X long"
_ASKED_TAIL = re.compile(
    r"\s+(?:about|(?:come|came) out|made|released|from|(?:too |very |really |pretty |that )?(?:long|short)"
    r"|(?:a |an )?(?:animated|animation|cartoon|anime|comedy|funny|horror|scary|romantic|romance|thriller|documentary"
    r"|musical|western|sci ?fi|science fiction|violent|gory|dark|sad|for kids|kid friendly|family friendly)"
    r"(?:,? or (?:not|(?:a |an )?[\w-]+))?"  # "is alien scary or not?", "is heat funny or serious?"
    r"|in english|subtitled|dubbed|in a foreign language"
    r"|(?:any |that |very |really )?good|worth (?:it|watching|seeing))\s*$",
    re.IGNORECASE,
)
_NO_FILM = word_set("you yourself u me myself us him her them") | {
    "the director", "the cast", "the actors", "the actor", "the plot", "the ending"}  # fmt: skip
_HOW_MANY = re.compile(
    r"^\W*how many\b(?! more| of (?:these|them|those))"
    r"(?![^?.!]*\b(?:minutes|mins|hours|stars|votes|times|oscars?|awards?)\b)"
)
_REPEAT = re.compile(
    r"\bwhat (?:did|were|was) (?:you |those |they |these )?(?:just |again )?(?:recommend|suggest|pick|show)\w*\W*$"
    r"|\bwhat did you (?:just )?(?:recommend|suggest)\w*(?: (?:again|me|to me))?\W*$"
    r"|^\W*what were (?:those|they|these|the (?:picks|movies|films|titles))(?: again)?\W*$"
    r"|\b(?:repeat|show me|give me|list|remind me of|say) (?:the|that|your|those) (?:list|picks|suggestions"
    r"|recommendations|titles|movies|films) again\b|\b(?:can|could) you (?:repeat|say) (?:that|the list|those)\b"
    r"|^\W*(?:repeat|remind me)(?: (?:that|them|the list|please))?\W*$|\brepeat the list\b"
)
_QUESTIONREFERENT = re.compile(r"\b(?:it|that|this|the (?:movie|film))\b")
# ... unless the message also asks for films: "who directed Heat? something like it", "is there one that's short?"
_WANTS_PICKS = re.compile(
    r"\b(?:something|anything|recommend\w*|suggest\w*|similar|give me|show me|another|others?|else|more like"
    r"|(?:i|we) (?:want|need)|movies|films|(?:is|are) there|any|ones? that)\b"
)


# What a verdict is about when no title is named: "loved it", "great pick", "hated that one".
REFERENT = re.compile(  # "I didn't like the movie with James McAvoy": a pick, pointed at by a person
    r"\b(?:it|that|this|them|those|these|both|all of them|pick|choice|suggestion|rec|recommendation|one"
    r"|the (?:movie|film) (?:with|by|starring|from))\b"
)


def fact_question(
    text: str, lowered: str, lookup: CatalogLookup, ordinal: int | None, has_previous: bool
) -> Classified | None:
    """A question about a film: the pick it points at ("the third one", "it") or a film it names."""
    if _HOW_MANY.search(lowered):  # "how many Kubrick films do you have?": the catalog's count
        return Classified("facts", facts=("count",))
    if word := catalog_extreme_asked(lowered):  # "what's the longest movie you have?": one film of the catalog
        return Classified("facts", facts=("extreme", word))
    if _REPEAT.search(lowered):  # "what did you just recommend?", "can you repeat the list?"
        return Classified("facts", every=True, facts=("list",))
    if has_previous and (word := superlative_asked(lowered)):  # "which of these is the shortest?"
        return Classified("facts", every=True, facts=(word,))
    if compared := films_compared(lowered, lookup):  # "is pulp fiction better than heat?": their ratings
        return Classified("facts", titles=[m.movie_id for m in compared[0]], facts=(compared[1],))
    if has_previous and STREAMING_PICKS.search(lowered):  # "any of those on netflix?": of the picks, no new ones
        return Classified("facts", every=True, facts=("streaming",))
    if among := _among_the_picks(text, lowered, lookup):  # "was heat in any of those?" asks for no film
        return among
    if _WANTS_PICKS.search(lowered.replace("any good", "good")):  # "is it any good?" wants no picks
        return None
    facts: list[Fact] = []
    found: list[TitleMatch] = []
    asked_about = None  # where the film asked about is named
    for fact, pattern in FACT_QUESTIONS:
        if m := pattern.search(lowered):
            facts.append(fact)
            if not found and ordinal is None:
                asked_about = m.end() if asked_about is None else asked_about
                # "what did I think of alien?": what follows asks of a film, not of the theme
                found = judged_titles_after(text, m.end(), lookup, exact=True, named=fact == "mine")[0]
    if not facts:
        return None
    if not found and (named := _NAMED_FIRST.search(lowered)):  # the film named wins over a "first" in it
        found = titles_after(text, named.end(), lookup, exact=True)  # "What about Heat? Is that any good?"
    if not found and ordinal is None and (opened := film_named_first(text, lookup)):  # "inception, who's in it?"
        found = [opened]
    if found:
        missing = other_year(text, found[0], lookup)
        return Classified("facts", titles=[t.movie_id for t in found], facts=tuple(facts),
                          unknown=(missing,) if missing else ())  # fmt: skip
    if has_previous and (ordinal is not None or _QUESTIONREFERENT.search(lowered)):
        return Classified("facts", ordinal=ordinal, facts=tuple(facts))
    typed = typed_title(text, asked_about, lookup) if asked_about is not None else None
    if typed and (match := lookup.resolve_title(typed)) is not None and match.score >= TITLE_MATCH_SCORE:
        return Classified("facts", titles=[match.movie_id], facts=tuple(facts))  # "how long is godfather part 2"
    return Classified("facts", facts=tuple(facts), unknown=(typed,)) if typed else None


def _among_the_picks(text: str, lowered: str, lookup: CatalogLookup) -> Classified | None:
    """ "Was heat in any of those?", "did you suggest the godfather?": whether a film the catalog
    has, named whole, was among the picks given; not when no such film is named ("did you suggest any comedies?")."""
    if (asked := AMONG_THE_PICKS.search(lowered)) is None:
        return None
    said = AMONG_TAIL.sub("", text) if len(text) == len(lowered) else AMONG_TAIL.sub("", lowered)
    found = titles_after(said, asked.end(), lookup, exact=True)
    typed = said[asked.end() :].strip(" ?!.\"'")
    match = None if found or not typed else lookup.resolve_title(typed)  # "the usual suspects", a phrase too
    whole, words = match is not None and same_title(typed, match.title), list(tokens_of(typed))
    if match is not None and (whole or match.score >= 100) and (not explained(words) or (whole and len(words) > 1)):
        found = [match]  # "did you suggest horror?" names no film called #Horror
    return Classified("facts", titles=[m.movie_id for m in found], facts=("among",)) if found else None


_NAMED_FIRST = re.compile(r"\b(?:what|how) about\b|\bheard of\b|\bthoughts on\b")


def typed_title(text: str, start: int, lookup: CatalogLookup) -> str | None:
    """What a question names that no catalog title matched ("who directed Oppenheimer?"), if it
    reads as a title at all: not "it", not a kind of film ("do you have any horror?")."""
    typed = Scan(text).original[start:]  # as cased as it was typed, at the offsets of the lowered text
    typed = re.split(r"[?!.]", typed, maxsplit=1)[0]
    typed = _ASKED_TAIL.sub("", _IN_THE_COLLECTION.sub("", typed)).strip(" \"'“”‘’,")
    typed = with_title_year(typed, text)  # "Zorblax (2016)": its year is the film's, not a filter
    typed = re.sub(r"^(?:the (?:movie|film)|(?:a )?(?:movie|film)) (?:called |named )?", "", typed, flags=re.I)
    words = typed.split()
    if not words or len(words) > 8 or REFERENT.search(typed.lower()) or ORDINAL.search(typed.lower()):
        return None
    if typed.lower() in _NO_FILM:  # "who made you?", "tell me about the director"
        return None
    understood = understand(typed, lookup)
    if has_filters(understood) or understood.min_rating or understood.year_min or understood.count:
        return typed if well_known_title(typed, lookup) else None  # "is alien scary?" asks of Alien
    return typed
