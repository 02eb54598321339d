"""A wish for good films said in the everyday words "good" and "great" ("a good thriller", "any good
documentaries about music?", "something great tonight"). They are read here from the message as typed,
not taken as a phrase, because the same words say what a film was ("It has great music", "Heat was
great"), which later readings of the message still need to see."""

from __future__ import annotations

import re

# the word after what asks for a film ("a", "any", "something", "recommend"), or opening the message:
# "Heat was great" and "it has great music" praise a film and ask for nothing
_ASKS_FOR_GOOD = re.compile(
    r"(?:^|\b(?:a|an|any|some|something|anything|more|other|another|couple|want|need|recommend|suggest|"
    r"watch|find|me|us|for)\s+)"
    r"(?:(?:really|very|pretty|truly|super|actually|genuinely)\s+)?(?:good|great|excellent)\b"
    r"(?!\s+(?:night|morning|day|evening|afternoon|old|bye|luck|job|one,?\s+thanks)\b)"
)


def asks_for_good(text: str) -> bool:
    """The message asks for good films: "a really good sci-fi movie", "great war movies"."""
    return _ASKS_FOR_GOOD.search(" ".join(text.lower().split())) is not None
