"""Stars typed to a command as text: "4", "4.5", "4/5", "8/10", "4 stars", "four", "three and a half",
"★★★★", "★★★½"; a refusal that says why otherwise.

A command has no sentence around its number to read a scale from, so only the two scales the chat
also reads ("out of 5", "out of 10") are taken, and a grade past its own scale ("6/5") or one that
is no half star ("7/10" is 3.5 stars, "7.5/10" would be 3.75) is refused rather than rounded.
Every front end that takes stars as text (the CLI, Slack, Discord) reads them here; the HTTP API takes
them as JSON numbers."""

from __future__ import annotations

import re

STARS_RULE = "stars must be a number from 0.5 to 5 in steps of 0.5"
FORMS = "4.5, 4 stars, four, ★★★★, ★★★½ or 8/10"  # what the usage texts offer
_FRACTION = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?)\s*/\s*(?P<of>\d+)\s*$")
_WORDS = {"half a": 0.5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_WORD = r"(?:one|two|three|four|five|half\s+a)(?:\s+and\s+a\s+half)?"
_GLYPHS = r"(?:★|⭐|:star:)+\s*½?|½"  # Slack sends a ⭐ typed in a command as ":star:"
_SAID = re.compile(rf"^(?:(?P<word>{_WORD})(?:\s+stars?)?|(?P<n>\d+(?:\.\d+)?)\s+stars?|(?P<glyphs>{_GLYPHS}))$", re.I)
# stars at the end of a title, in a form no plain number has: "Heat four", "Heat 4 stars", "Heat ★★★½"
_AT_END = re.compile(rf"^(?P<title>.*?)[\s,]+(?P<stars>{_WORD}(?:\s+stars?)?|\d+(?:\.\d+)?\s+stars?|{_GLYPHS})$", re.I)
_NAMED_AS_STARS = re.compile(rf"(?:\s+stars?|{_GLYPHS})$", re.I)  # no title ends so: "Heat ★★★★", "Heat four stars"


def stars_at_end(text: str, *, bare_words: bool = True) -> tuple[str, str] | None:
    """(title, stars as typed) when `text` ends in stars said in words or drawn ("Heat four",
    "Heat three and a half stars", "Heat ★★★★"), or a number followed by "stars"; None otherwise.
    Without `bare_words` a number word needs "stars" after it: "Fantastic Four" is a title."""
    text = " ".join(str(text or "").replace("\ufe0f", "").split())
    match = _AT_END.match(text)
    if match is None or not match["title"].strip(" ,"):
        return None
    if not bare_words and not _NAMED_AS_STARS.search(match["stars"]):
        return None
    return match["title"].strip(" ,"), match["stars"]


def stars_typed(text: str) -> float:
    """The 0.5-5 stars a typed grade means; ValueError with a sentence a user can act on."""
    said = _SAID.match(" ".join(text.replace("\ufe0f", "").split()))
    if said is not None:
        return _said(said)
    fraction = _FRACTION.match(text)
    if fraction is None:
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{STARS_RULE}, got {text!r} (or {FORMS})") from None
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


def _said(match: re.Match[str]) -> float:
    """ "four" 4, "three and a half stars" 3.5, "4 stars" 4, "★★★½" 3.5: as many stars as said or drawn
    (a number past 5 is left for the caller to refuse, never read as out of 10)."""
    if match["n"] is not None:
        return float(match["n"])
    if match["glyphs"] is not None:
        drawn = match["glyphs"]
        whole = len(re.findall(r"★|⭐|:star:", drawn))
        return float(whole + (0.5 if "½" in drawn else 0))
    word = " ".join(match["word"].lower().split())
    half = word.endswith("and a half")
    return float(_WORDS[word.removesuffix(" and a half")] + (0.5 if half else 0))
