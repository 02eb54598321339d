"""A follow-up that names someone by part of a name the conversation said: "sofia" after films by
Francis Ford Coppola is Sofia Coppola, and "only carell" after "steve carell or paul rudd" is Steve
Carell without Paul Rudd. The reader reads one message and cannot know either."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from agent.understanding.meaning import taken_to_mean
from agent.understanding.request import Request, Understood
from agent.understanding.text import STOPWORDS
from store.movie import ascii_fold
from store.surnames import surname_keys

MAX_WORDS = 5  # "sofia", "I meant sofia", "only carell please": a short correction, not a new request
_ONLY = re.compile(r"\b(?:only|just)\b")
_REFUSING = re.compile(r"\b(?:no|not|without|except|nothing|never)\b")
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


@dataclasses.dataclass
class NamedBefore:
    """What a follow-up says of the people named before it."""

    understood: Understood  # with the people it names by part of a name
    set_aside: list[str]  # the people named before whom it replaces ("only carell": Paul Rudd)
    completed: bool  # it named someone the reader alone could not (so it follows on)


def named_before(message: str, understood: Understood, previous: Request, people: Mapping[str, str]) -> NamedBefore:
    """The people of `previous` a short follow-up names by surname or completes with a first name, and
    the ones it sets aside: the others after "only"/"just", the one whose surname a first name completes."""
    named = list(dict.fromkeys([*(previous.get("people") or []), *(previous.get("soft_people") or [])]))
    lowered = ascii_fold(message).casefold()
    words = _WORD.findall(lowered)
    if not named or not words or len(words) > MAX_WORDS or _REFUSING.search(lowered):
        return NamedBefore(understood, [], False)
    query = _WORD.findall(ascii_fold(understood.query).casefold())
    found: dict[str, str] = {}  # the word said -> the person it names
    replaced: list[str] = []
    # "steve" of "films by steve mcqueen", a name said in full, is no "Steve" Hanks
    own = {w for p in _named_here(understood) if p not in named and _in_full(p, lowered) for w in _words(p)}
    for word in (w for w in words if w in query and w not in STOPWORDS and len(w) >= 3 and w not in own):
        for name in named:
            surnames = surname_keys(name)
            if word in surnames:  # "carell": the Carell named before, whoever else the catalog has
                found[word] = name
                break
            other = next((people[f"{word} {s}"] for s in surnames if f"{word} {s}" in people), None)
            if other is not None and other != name:  # "sofia" after Francis Ford Coppola: Sofia Coppola
                found[word] = other
                replaced.append(name)
                break
    found = {word: name for word, name in found.items() if name not in understood.exclude_people}
    if not found:
        return NamedBefore(understood, [], False)
    # "luke" after Owen Wilson is Luke Wilson, not also Derek Luke, whom the reader took the word alone for
    guessed = {
        p for p in understood.people if not _in_full(p, lowered) and any(found.get(w, p) != p for w in _words(p))
    }
    asked = list(dict.fromkeys([*(p for p in understood.people if p not in guessed), *found.values()]))
    if _ONLY.search(lowered):  # "only carell": the others named before are set aside
        replaced += [name for name in named if name not in asked]
    new = [name for name in found.values() if name not in understood.people]
    said = [taken_to_mean(word, name) for word, name in found.items() if name not in named]
    understood = dataclasses.replace(
        understood,
        people=asked,
        caveats=list(dict.fromkeys([*understood.caveats, *said])),
        query=" ".join(w for w in query if w not in found),
    )
    return NamedBefore(understood, list(dict.fromkeys(n for n in replaced if n not in asked)), bool(new))


def _words(name: str) -> list[str]:
    return _WORD.findall(ascii_fold(name).casefold())


def _in_full(name: str, lowered: str) -> bool:
    """Whether the message says the whole name ("steve mcqueen"), not a part of it ("luke")."""
    return re.search(rf"(?<!\w){re.escape(' '.join(_words(name)))}(?!\w)", lowered) is not None


def _named_here(understood: Understood) -> list[str]:
    """Everyone the message itself names, asked for, refused or said of a film."""
    return [*understood.people, *understood.any_people, *understood.soft_people, *understood.exclude_people]


def set_aside(request: Request, names: list[str]) -> Request:
    """The request without the people a follow-up replaced, neither asked for nor leaning the picks."""
    for field in ("people", "soft_people"):
        request[field] = [name for name in request.get(field) or [] if name not in names]
    return request
