"""A wish for films people disliked ("something everyone hated", "critically panned", "so bad it's
good"): the catalog ranks well-rated films up and cannot pick films for being hated, so the reply
says it did not go by that rather than answering with Inception as if it had."""

from __future__ import annotations

import re

from agent.understanding.text import Scan, normalise_message

_HATED = r"(?:hated|hate|disliked|despised|loathed|panned|trashed)"
_DISLIKED = re.compile(
    rf"\b(?:(?:every(?:one|body)|critics|audiences|the\s+(?:world|internet|critics))\s+(?:\w+\s+)?{_HATED}"
    # said of the films asked for, not of a film named after it ("everyone hated Titanic but I loved it")
    r"(?=\s*(?:$|[,.!?;:)]|please\b|pls\b|and\b|but\b|from\b|in\b|with\b|for\b|that\b|movies?\b|films?\b))"
    rf"|(?:universally|widely|critically)\s+{_HATED}|panned\s+by\s+\w+"
    r"|(?:worst|lowest|badly|poorly)[-\s](?:rated|reviewed)|worst\s+(?:movies?|films?)(?:\s+ever)?"
    r"|so\s+bad\s+(?:it'?s|they'?re|that\s+it'?s)\s+good)\b"
)


def disliked_wish(message: str) -> str:
    """What the message says of films people disliked, as typed ("everyone hated"), or ""."""
    found = _DISLIKED.search(normalise_message(message))
    return found[0] if found else ""


def set_aside_disliked(scan: Scan) -> None:
    """Takes the wish for disliked films out of what is searched for: the reply says it was not gone
    by, so its words ("so bad it's good") must not pull in Bad Girls and Bad Teacher either."""
    for found in list(_DISLIKED.finditer(scan.text)):
        scan.take(found.start(), found.end(), aside=True)


def disliked_note(message: str) -> str:
    """'I can't pick films for being disliked, so I didn't go by "everyone hated".'"""
    said = disliked_wish(message)
    return f"I can't pick films for being disliked, so I didn't go by \"{said}\"." if said else ""
