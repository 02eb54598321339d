"""A message that only points at a film just shown: "the second one?", "what was the first one
again?", "the third one sounds good, tell me more". It asks about that film, so it is answered with
the film's facts in brief, never with a new list."""

from __future__ import annotations

import re
from collections.abc import Callable

# "the second one?", "#2", "number 3 again?", "what was the first one again?", "remind me of the last one"
_ONLY_A_PICK = re.compile(
    # "no, the second one", "actually, #2", "sorry, I mean the third one"
    r"^[^\w#]*(?:(?:and|so|ok|okay|hmm+|wait|sorry|um+|uh+|no|nope|nah|actually|i mean|oh)[^\w#]+)*"
    r"(?:(?:what|which)(?:'s| is| was)\s+|remind me (?:of |about |what )?|(?:and |so )?what about\s+)?"
    r"(?:the\s+)?(?P<pick>[\w#.\s-]{1,24}?)(?:\s+(?:one|pick|film|movie|suggestion|title))?"
    r"(?:\s+(?:again|you (?:said|suggested|picked|mentioned|recommended)))?\W*$"
)
_A_PLACE = re.compile(
    r"#\s*\d{1,2}|(?:number|no\.|option|pick)\s*#?\s*\d{1,2}|\w+(?:[\s-]+(?:to[\s-]+)?last)?"
    r"|(?:first|top|last)\s+(?:two|three|2|3)"  # "the first two?": both, in brief
)
# "tell me more", "more info on the third", "details on #2": asks about a pick, not for more picks
_TELL_MORE = re.compile(
    r"\btell me (?:a bit |a little )?more\b(?!\s+(?:like|films|movies|options|picks|suggestions))"
    r"|\bmore (?:info|information|details)\b|\bdetails (?:on|about|of)\b|\bmore about\b"
)

# after "tell me more", a place said as a place: "the third one", "#2", "number 3", "the last" at the
# end; never "the first world war" or "the second half"
_A_PICK_NAMED = re.compile(
    r"#\s*\d{1,2}\b|\b(?:number|no\.|option|pick|suggestion)\s*#?\s*\d{1,2}\b"
    r"|\b(?:(?:second[\s-]+(?:to[\s-]+)?)?last|penultimate|first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|final|top|[1-9]\d?(?:st|nd|rd|th))"
    r"(?=\s+(?:one|pick|film|movie|suggestion|title)s?\b|\s*(?:[^\w\s#]|$))"
)


def pick_asked_about(lowered: str, ordinal_of: Callable[[str], int | None]) -> int | None:
    """The place in the last list a message asks about, when it does nothing but point at it (or
    asks to hear more of it); None otherwise. `ordinal_of` reads "second", "#2", "the 3rd" as a place."""
    # "the first horror film" says more than a place
    m = _ONLY_A_PICK.match(lowered)
    if m and _A_PLACE.fullmatch(m["pick"]) and (place := ordinal_of(m["pick"])) is not None:
        return place
    if _TELL_MORE.search(lowered) and (named := _A_PICK_NAMED.search(lowered)):
        return ordinal_of(named[0])
    return None
