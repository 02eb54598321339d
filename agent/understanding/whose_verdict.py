"""Whose verdict a message states: the user's own ("I loved it") is stored and goes by; someone else's
("my wife hated Titanic", "everyone hated it", "critics loved it") is not the user's."""

from __future__ import annotations

import re

# whose verdict: "my wife loved it", "he hated it" are not the user's own; "I wouldn't say I loved
# it", "not sure I liked it" are no verdict at all
_SOMEONE_ELSE = (
    r"\b(?:she|he|they|my\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|everyone|everybody|people|critics)"
    r"(?:\s+(?:really|also|just|kind of|kinda|totally|absolutely))*\s+"
)
_SOMEONE_ELSE_BEFORE = re.compile(_SOMEONE_ELSE + "$")
_DOUBTED = re.compile(r"\b(?:wouldn'?t|would not|won'?t|can'?t|cannot|not sure|never|unsure)\b(?:\s+[\w']+){0,3}\s+$")


def users_verdict(lowered: str, start: int, *, doubted_too: bool = True) -> bool:
    """Whether the verdict at `start` is the user's own: not someone else's, and (for praise) not doubted."""
    before = lowered[max(0, start - 40) : start]
    return not _SOMEONE_ELSE_BEFORE.search(before) and not (doubted_too and _DOUBTED.search(before))
