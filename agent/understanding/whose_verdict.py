"""Whose verdict a message states: the user's own ("I loved it") is stored and goes by; someone else's
("my wife hated Titanic", "everyone hated it", "critics loved it") is not the user's, and where the
user then gives their own ("everyone hated titanic but i loved it") theirs is the one that counts."""

from __future__ import annotations

import re

# whose verdict: "my wife loved it", "he hated it", "too bad you don't like scary movies" are not the user's
# own; "I wouldn't say I loved it", "not sure I liked it" are no verdict at all
_SOMEONE_ELSE = (
    r"\b(?:she|he|they|(?<!thank )(?<!if )(?:you|u)|my\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+"
    r"|everyone|everybody|people|critics)"
    r"(?:\s+(?:really|also|just|kind of|kinda|totally|absolutely))*\s+"
)
_SOMEONE_ELSE_BEFORE = re.compile(_SOMEONE_ELSE + "$")
_DOUBTED = re.compile(r"\b(?:wouldn'?t|would not|won'?t|can'?t|cannot|not sure|never|unsure)\b(?:\s+[\w']+){0,3}\s+$")
# "everyone hated titanic", "my wife loved it": a verdict that is someone else's, said of the films after it
THEIR_VERDICT = re.compile(
    _SOMEONE_ELSE + r"(?:hated|disliked|loathed|despised|loved|liked|enjoyed|adored|didn'?t\s+(?:like|enjoy)"
    r"|did\s+not\s+(?:like|enjoy)|couldn'?t\s+stand|can'?t\s+stand)\b"
)

# "thank you for the awesome conversation": praise of the talk itself, not of The Conversation (1974)
_THANKED_FOR = re.compile(
    r"\b(?:thanks?|thx|ty)(?:\s+you)?(?:\s+(?:so|very)\s+much)?\s+for\s+(?:the|your|this|our|all\s+the|all\s+your)?"
    r"(?:\s*(?:really|very|so|truly))?\s*$"
)


# "heard good things about it", "I heard Jumanji is good", "it's supposed to be great": praise passed on, from
# a film the user has not seen, in the same clause as the verdict
_HEARSAY = re.compile(
    r"\b(?:heard|hear|hearing|been\s+told|supposed\s+to\s+be|(?:people|they|everyone|reviews?|critics)\s+says?)\b"
    r"(?:(?![.!?;,]|\b(?:but|and|so|then)\b).)*$"
)


def users_verdict(lowered: str, start: int, *, doubted_too: bool = True) -> bool:
    """Whether the verdict at `start` is the user's own: not someone else's, not heard of, and (for praise) not
    doubted."""
    before = lowered[max(0, start - 40) : start]
    if _THANKED_FOR.search(before) or _HEARSAY.search(before):
        return False
    return not _SOMEONE_ELSE_BEFORE.search(before) and not (doubted_too and _DOUBTED.search(before))


# "she's seen la la land", "my gf has already watched it": someone else has seen the film, not the user
_THEY_HAVE = re.compile(
    r"\b(?:she|he|they|my\s+\w+|his\s+\w+|her\s+\w+|both\s+of\s+them)(?:'s|'ve|\s+has|\s+have|\s+had|'d)?"
    r"(?:\s+(?:already|also|just|prob(?:ably)?|def(?:initely)?))*\s+$"
)


def seen_intent(lowered: str, start: int) -> str:
    """ "seen", or "dismissed" when the "seen" at `start` is said of someone else ("she's seen la la
    land"): the film is not to be suggested to them, but the user has not watched it, so nothing
    goes on the user's watched list."""
    return "dismissed" if _THEY_HAVE.search(lowered[max(0, start - 40) : start]) else "seen"
