"""A bare star correction right after a rating: "I gave Heat 4 stars" then "make it 2", "make that a 2"
or "actually 2" recommended two films (the number read as how many); only "actually make that 2 stars"
changed the rating. Said alone after a turn that noted stars, the number is the film's new stars."""

from __future__ import annotations

import re

from agent.understanding.text import normalise_message

_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "zero": 0.0}
# "make it 2", "make that a 2", "actually 2", "no, 3.5", "change it to a 4", "sorry, make it two stars"
_BARE = re.compile(
    r"^\W*(?:(?:no|nah|oops|sorry|actually|wait|hmm+|um+|oh|ok|okay|sorry)\W+)*"
    r"(?:(?:make|change|switch|put)\s+(?:it|that|this)\s+(?:to\s+)?|(?:it'?s|it\s+is|more\s+like)\s+)?"
    r"(?:a\s+|an\s+)?(?P<n>[0-5](?:\.5)?|zero|one|two|three|four|five)"
    r"(?:\s*(?:stars?|/\s*5|out\s+of\s+5|instead))*\W*$"
)


def bare_stars(message: str) -> float | None:
    """The stars a message that is only a number of stars gives, or None."""
    said = _BARE.match(normalise_message(message))
    if said is None:
        return None
    number = said["n"]
    return _WORDS[number] if number in _WORDS else float(number)
