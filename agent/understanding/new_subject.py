"""Whether a message starts a new request or adjusts the last one: "French films from the 1960s" is
a new subject, "in French" or "but from the 80s" an adjustment."""

from __future__ import annotations

import re

from agent.understanding.request import Understood
from agent.understanding.text import normalise_message

_REFINE_CUE = re.compile(
    r"^\W*(?:but|and|only|just|make it|preferably|ideally|same but|what about|how about|maybe|now|rather"
    r"|actually)\b|\b(?:instead|rather|though|make it)\b|\bonly\W*$"
    # "any with Harrison Ford?", "are there any from the 80s?", "ones by Spielberg?": "any" with no
    # noun of its own stands for the films just asked for
    r"|^\W*(?:with|starring|featuring|by)\b"  # "with Bill Murray" after 80s comedies: those, with him
    r"|^\W*(?:(?:are there|is there|got|do you have|have you got)\s+)?(?:any|ones?|some)"
    r"(?:\s+(?:of (?:those|them|these)|others|more))?\s+(?:with|by|from|starring|featuring|in|that|which"
    r"|without|under|over|set|directed|made|before|after|since)\b"
)

# "French films from the 1960s": a language or era with a noun of its own is a new request ("in French" adjusts)
_OWN_NOUN = re.compile(
    r"\b(?:films?|movies?|flicks?|cinema|pictures?|documentar(?:y|ies)|anything|westerns?|musicals?)\b"
)


# a new subject said to be one: the last request is put aside, whatever cue opens the message
_STARTS_OVER = re.compile(
    r"\b(?:forget (?:all )?(?:that|it|those|this|about that)|scratch that|never ?mind|start (?:over|again|fresh)"
    r"|new (?:search|request|topic)|something (?:completely|totally|entirely) different|change of plan)\b"
)


def states_subject(text: str, u: Understood) -> bool:
    """The message says what film it wants (a genre, a mood, a theme, a person, a title, or a
    language or era with a noun of its own), so it starts a new request rather than adjusting
    the last one, unless it opens with a cue such as "but", "now" or "make it"."""
    lowered = normalise_message(text)
    subject = bool(u.genres or u.moods or u.people or u.any_people or u.like_titles or u.keywords)
    if subject and _STARTS_OVER.search(lowered):  # "actually forget that, I want a horror"; not "..., make it 80s"
        return True
    if u.modifiers or _REFINE_CUE.search(lowered):
        return False
    if subject:
        return True
    bounds = bool(u.languages or u.countries or u.year_min is not None or u.year_max is not None or u.exclude_years)
    return bounds and bool(_OWN_NOUN.search(lowered))
