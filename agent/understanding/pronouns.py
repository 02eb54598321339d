""" "Anything else by him?", "what about her other films": a person the conversation named, said as a pronoun.

Read word by word, "her other films" asked for films like Her (2013), and "anything else by him?"
after "who directed inception?" for anything at all, Inception among the picks. The pronoun
stands for whoever the conversation last named or answered about: the credit a fact question
about a film was answered with, else the people of the current request, else the film talked
about's director (or lead, for "with him"). The message is read with the names in its place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from agent.deps import Deps

# "all of them", "any of them", "the best of them": the films just shown, not people
_OF_FILMS = "".join(rf"(?<!\b{word} )" for word in ("all", "any", "one", "none", "both", "some", "either", "each",
                                                      "most", "best", "two", "three", "neither", "few"))  # fmt: skip
_OBJECT = re.compile(rf"\b(?P<prep>by|with|from|starring|featuring|{_OF_FILMS}of|directed by)\s+"
                     r"(?P<who>him|her|them)\b(?!\s*self)", re.IGNORECASE)  # fmt: skip
_POSSESSIVE = re.compile(
    r"\b(?P<who>his|her|their)\s+(?=(?:other|latest|new|newest|best|earlier|early|older|recent|later|first|last|"
    r"own)\s+(?:\w+\s+)?(?:films?|movies?|work|stuff|ones|flicks|pictures)\b|(?:films?|movies?|work|stuff|"
    r"filmography)\b)",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"\b(?:else|other (?:films|movies))\s+(?:has|did|have|is|was)\s+(?P<who>he|she|they)\b",
                      re.IGNORECASE)  # fmt: skip
# "anything else by the same director?", "what else has that actor done": a role instead of a pronoun
# ("the same director as Heat" names its film, and "that star wars film" is no role)
_ROLE = re.compile(
    r"\b(?P<who>(?:that|this|the\s+same)\s+(?P<role>director|filmmaker|actor|actress)"
    r"|(?<=by\s)the\s+(?P<by_role>director|filmmaker)|(?<=from\s)the\s+(?P<from_role>director|filmmaker))\b"
    r"(?!\s+(?:as|of|who|that|from|in|behind)\b)",
    re.IGNORECASE,
)
_DIRECTING = ("director", "filmmaker")


# "something to watch with her", "a film for date night with him": company, not a credit
_COMPANY = re.compile(
    r"\b(?:watch|watching|see|seeing|enjoy|share|sharing|go|night|date|time|cuddle|sit)\b(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Referred:
    message: str  # the message with the names in place of the pronouns
    people: tuple[str, ...]  # whom the pronouns stand for; empty when the conversation names no one
    pronoun: str  # the first pronoun, as said
    film: str | None  # the film the people were found in, not to be suggested back


# "what else has the director of the 2nd done", "more with the guy from the first one": a pick's credit
_PICK_CREDIT = re.compile(
    r"\b(?:the\s+)?(?:(?P<director>director|filmmaker|maker)s?\s+(?:of|behind)|(?:guy|actor|actress|star|lead|girl|dude)"
    r"\s+(?:from|of|in)|whoever\s+(?P<whoever>directed|made))\s+the\s+(?P<place>first|second|third|fourth|fifth|last"
    r"|[1-5](?:st|nd|rd|th))(?:\s+(?:one|pick|film|movie))?\b",
    re.IGNORECASE,
)
_PLACES = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1}


def _pick_credited(message: str, state: Mapping, deps: Deps) -> Referred | None:
    """ "what else has the director of the 2nd done": the pick's directors (or lead) named in its place."""
    said = _PICK_CREDIT.search(message)
    picks = [p["id"] for p in state.get("last_picks") or [] if p["id"] in deps.catalog.movies]
    if said is None or not picks:
        return None
    place = said["place"].casefold()
    index = _PLACES.get(place, int(place[0]) - 1 if place[0].isdigit() else 0)
    if not -len(picks) <= index < len(picks):
        return None
    film = deps.catalog.movies[picks[index]]
    people = list(film.directors[:2]) if said["director"] or said["whoever"] else list(film.cast[:1])
    if not people:
        return Referred(message, (), said[0], film.id)
    named = message[: said.start()] + " and ".join(people) + message[said.end() :]
    return Referred(named, tuple(people), said[0], film.id)


def people_meant(message: str, state: Mapping, deps: Deps) -> Referred | None:
    """The message with the people its pronouns stand for named; None when it has no such pronoun."""
    if credited := _pick_credited(message, state, deps):
        return credited
    credit = [m for m in _OBJECT.finditer(message) if not _COMPANY.search(message, 0, m.start())]
    said = next(iter(credit), None) or _POSSESSIVE.search(message) or _SUBJECT.search(message)
    said = said or _ROLE.search(message)
    if said is None:
        return None
    by = said.re is not _OBJECT or said["prep"].casefold() not in ("with", "starring", "featuring")
    plural = said["who"].casefold() in ("them", "their", "they")
    role = _role(said)
    people, film = _referent(state, deps, by=by if role is None else role == "directors", plural=plural, role=role)
    if not people:
        return Referred(message, (), said["who"], film)
    names, spans = " and ".join(people), {m.span() for m in credit}

    def named(m: re.Match[str]) -> str:
        if m.re is _OBJECT:
            return f"{m['prep']} {names}" if m.span() in spans else m[0]
        if m.re is _POSSESSIVE:
            return f"{names}'s "
        return m[0][: m.start("who") - m.start()] + names

    for pattern in (_OBJECT, _POSSESSIVE, _SUBJECT, _ROLE):
        message = pattern.sub(named, message)
    return Referred(message, tuple(people), said["who"], film)


def taken_to_be(referred: Referred, deps: Deps) -> str:
    """Whom a "he" or "she" was taken to be when the film talked about has several leads: the catalog
    records no one's gender, so the first-billed is named ("what else has she done" after Zombieland's
    cast is Jesse Eisenberg), for the user to put right."""
    film = deps.catalog.movies.get(referred.film) if referred.film else None
    gendered = referred.pronoun.casefold() in ("he", "she", "him", "her", "his")
    if film is None or not gendered or len(film.cast) < 2 or list(referred.people) != film.cast[:1]:
        return ""
    first = f"{referred.people[0]}, first-billed in {film.label}"
    return f'I took "{referred.pronoun}" to be {first}; name anyone else you meant.'


def unresolved(referred: Referred, deps: Deps) -> str:
    """What the answer says of a pronoun it could not put a name to."""
    if referred.film:  # the film talked about, whose credits the catalog lacks
        return f'I don\'t know who made {deps.catalog.movies[referred.film].label}, so I left "{referred.pronoun}" out.'
    return f'I couldn\'t tell who "{referred.pronoun}" is from our conversation, so I left it out.'


def _role(said: re.Match[str]) -> str | None:
    """ "directors" or "cast" for a role named ("that director"), None for a pronoun."""
    if said.re is not _ROLE:
        return None
    named = (said["role"] or said["by_role"] or said["from_role"]).casefold()
    return "directors" if named in _DIRECTING else "cast"


def _referent(
    state: Mapping, deps: Deps, *, by: bool, plural: bool, role: str | None = None
) -> tuple[list[str], str | None]:
    focus = state.get("focus")
    film = deps.catalog.movies.get(focus) if focus else None
    asked = state.get("facts") or []
    if film is not None and role is not None:  # "who starred in it?" ... "anything else by that director?"
        return (list(film.directors) if role == "directors" else list(film.cast[:1])), film.id
    if film is not None and asked:  # "who directed inception?" ... "anything else by him?"
        if "directors" in asked or ("cast" not in asked and by):
            return list(film.directors), film.id
        return list(film.cast[: 2 if plural else 1]), film.id
    request = state.get("request") or {}
    if people := [*(request.get("people") or []), *(request.get("soft_people") or [])]:
        return list(dict.fromkeys(people)), None
    if film is not None:
        return (list(film.directors) if by else list(film.cast[: 2 if plural else 1])), film.id
    return [], None
