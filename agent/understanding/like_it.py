"""A wish for films like "it": "something like it", "more like that one", "any similar movies?".

Said right after a question about one film ("who directed Alien?") or a verdict on one ("loved
it"), "it" is that film, the one the conversation last spoke of (State.focus), so the picks go by it:
not by nothing (a question asks for no picks, so no request is held), nor by an older reference ("like
Heat" two turns back). Films named ("like Heat"), places ("like the second one") and plurals ("more like
those") are other readers' to resolve."""

from __future__ import annotations

import re

from agent.understanding.text import normalise_message

_IT = r"(?:it|that|this|(?:that|this|the same)\s+(?:one|film|movie|flick))\b(?!\s*(?:'s|is|was)\b)"
_WANTED = r"(?:something|anything|more|films?|movies?|ones?|stuff|others?|another|titles?|picks?|suggestions?|recs?)"
# "something like it", "more like that one", "films similar to this one", "another one like it", and
# "similar" with nothing after it ("any similar movies?", "something similar but older"); never "I
# like it", "I'd like that" (no films asked for), "a film like it's 1999", "similar to Heat"
_LIKE_IT = re.compile(
    rf"\b{_WANTED}\s+(?:(?:films?|movies?|ones?|else)\s+)?"
    rf"(?:like|similar\s+to|along\s+the\s+lines\s+of|in\s+the\s+vein\s+of)\s+{_IT}"
    r"|\b(?:anything|something|any|more|some|other|others)\s+(?:(?:films?|movies?|ones?)\s+)?similar\b"
    r"(?!\s+(?:to|with)\b)"
    r"|\bsimilar\s+(?:films?|movies?|ones?|stuff|titles?)\b(?!\s+(?:to|in|with)\b)"
)


def asks_like_it(message: str) -> bool:
    """The message asks for films like the one just spoken of ("something like it", "any similar
    movies?"), naming no other: not "I'd like that", "a film like it's 1999", "similar to Heat"."""
    return bool(_LIKE_IT.search(normalise_message(message)))
