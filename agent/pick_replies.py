"""A reply to one pick's own message (Discord, Slack), said as if it named the film: "more like this
one", "seen it, loved it", "it was great", "why?", a 👍 alone."""

from __future__ import annotations

import re

# what a reply to a pick's own message points at it with ("it's great" is said of it: _SAID_OF_IT)
_POINTED = re.compile(
    r"\b(?:this|that) (?:one|movie|film|pick)\b|\b(?:this|it)\b(?!\s+(?:is|was)\b|['’]s\b)", re.IGNORECASE
)
_SAID_OF_IT = re.compile(r"\b(?:it|this|that)(?P<verb>['’]s|\s+(?:is|was))\b", re.IGNORECASE)
_THUMB = re.compile(r"(?P<up>👍[\U0001F3FB-\U0001F3FF]?)|👎[\U0001F3FB-\U0001F3FF]?")  # a reply of a thumb alone


def naming_the_pick(text: str, label: str) -> str:
    """The reply with the pick named where it points at it; the text as it is when it points nowhere."""
    if re.fullmatch(r"\W*why\W*", text, re.IGNORECASE):
        return f"why {label}?"
    if _POINTED.search(text):
        return _POINTED.sub(label, text, count=1)
    if said := _SAID_OF_IT.search(text):  # "it was great", "this is great", "it's boring"
        verb = said["verb"] if said["verb"][0].isspace() else " is"  # "it's great": Heat (1995) is great
        return f"{text[: said.start()]}{label}{verb}{text[said.end() :]}"
    thumb = _THUMB.fullmatch(text.strip())
    return f"I {'liked' if thumb['up'] else 'did not like'} {label}" if thumb else text
