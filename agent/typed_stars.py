"""Stars typed to a command as text: "4", "4.5", "4/5", "8/10"; a refusal that says why otherwise.

A command has no sentence around its number to read a scale from, so only the two scales the chat
also reads ("out of 5", "out of 10") are taken, and a grade past its own scale ("6/5") or one that
is no half star ("7/10" is 3.5 stars, "7.5/10" would be 3.75) is refused rather than rounded."""

from __future__ import annotations

import re

STARS_RULE = "stars must be a number from 0.5 to 5 in steps of 0.5"
_FRACTION = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?)\s*/\s*(?P<of>\d+)\s*$")


def stars_typed(text: str) -> float:
    """The 0.5-5 stars a typed grade means; ValueError with a sentence a user can act on."""
    fraction = _FRACTION.match(text)
    if fraction is None:
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{STARS_RULE}, got {text!r} (or out of 10, like 8/10)") from None
    n, scale = float(fraction["n"]), int(fraction["of"])
    if scale not in (5, 10):
        raise ValueError(f"{text} is out of {scale}: give stars out of 5 (4/5) or out of 10 (8/10)")
    if n > scale:
        raise ValueError(f"{text} is more than the whole scale: give stars out of 5 (4/5) or out of 10 (8/10)")
    stars = n / 2 if scale == 10 else n
    if stars < 0.5 or stars * 2 != int(stars * 2):
        said = f" (that is {stars:g} stars)" if scale == 10 else ""
        raise ValueError(f"{text}{said}: {STARS_RULE}, or out of 10 in whole points")
    return stars
