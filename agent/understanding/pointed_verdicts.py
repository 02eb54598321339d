"""A verdict on a pick said with a request that changes the picks: "the first one was great, anything
newer?", "hated the second one, something from the 80s?".

Such a message is a refinement or a new request, and the classifier kept the verdict only for a bare
request for more ("hated that one, others?"): the rom-com the user called great was never stored, and
"what did I rate?" answered "You haven't rated any films yet." A verdict that points at picks (by
place, or "all of them") goes along with the request now, to be stored before the next picks are
chosen; one that names its film is left to agent.understanding.passing, which notes those already.
A bare adjective ("great", "boring") counts as a verdict in a message that asks for something only
when a pick by its place is what "was" it ("the first one was great"), not "a great thriller".
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from agent.understanding.verdicts import SEEN, SENTIMENTS


class _Verdict(Protocol):  # agent.understanding.intents.Classified, which imports this module
    intent: str
    titles: list[str]
    ordinal: int | None
    positions: tuple[int, ...]
    every: bool


V = TypeVar("V", bound=_Verdict)


def on_picks(feedback: V | None, has_previous: bool, lowered: str = "") -> V | None:
    """The verdict, when it is about picks shown before by their place, or said of "it" ("loved it, anything
    like it but shorter?" noted no like); else None."""
    if feedback is None or not has_previous or feedback.titles or feedback.intent == "dismissed":
        return None
    if feedback.ordinal is not None or feedback.positions or feedback.every:
        return feedback
    return feedback if said_of_it(lowered) else None


_IT = r"(?:it|that|this)(?:\s+(?:one|movie|film))?"
_IT_AFTER = re.compile(rf"\s+{_IT}\b")  # "loved it", "hated that one", "seen it"
_IT_BEFORE = re.compile(rf"\b{_IT}(?:\s+(?:was|is)|'s)\s+(?:(?:really|so|very|pretty|quite|just|truly)\s+)?$")


def said_of_it(lowered: str) -> bool:
    """ "loved it", "seen that one", "it was great": a verdict whose film is the one "it" stands for, not
    "I hate long films, anything like it?", whose "it" is only the film to go by."""
    verdicts = [*(m for pattern, *_ in SENTIMENTS for m in pattern.finditer(lowered)), *SEEN.finditer(lowered)]
    return any(
        _IT_AFTER.match(lowered, m.end()) or _IT_BEFORE.search(lowered, max(0, m.start() - 40), m.start())
        for m in verdicts
    )


_PICK_WAS = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|#\s?\d|number\s+(?:one|two|three|four|five|\d))"
    r"(?:\s+(?:one|film|movie|pick))?\s+(?:was|is|'s|were)\s+(?:(?:really|so|very|pretty|quite|just|truly)\s+)?"
)


def judged_by_place(lowered: str) -> bool:
    """ "the first one was great", "#2 was boring": a bare adjective said of a pick by its place."""
    return any(
        any(pattern.match(lowered, was.end()) for pattern, _, _, adjective in SENTIMENTS if adjective)
        for was in _PICK_WAS.finditer(lowered)
    )
