""" "Like The Dark Knight but with less action": less of a genre is not none of it. The refusal
the negation walk read ("less" is one of its cues) becomes a lean away from the genre: films without
it rank higher, films that are mostly it lowest, and none is left out. "No action" and "without
action" stay refusals."""

from __future__ import annotations

import re

from agent.understanding.phrases import MAX_PHRASE, PHRASEBOOK
from agent.understanding.request import Understood
from agent.understanding.text import tokens_of

# "less action", "fewer romance scenes", "a bit less of the romance", "not as much action"
_LESS = re.compile(
    r"\b(?:less|fewer|not\s+(?:as|so)\s+much|without\s+(?:so|as|too)\s+much)\s+(?:of\s+(?:the\s+|that\s+)?)?"
    r"(?P<said>[^,.;:!?()]+)"
)
_CLAUSE_END = re.compile(r"\s+(?:and|but|or|than|more|please|pls|though|tho|with|like)\b")


# "less sci-fi and more drama": the negation walk refused both; the second is asked for, softly
_MORE = re.compile(r"\bmore\s+(?!than\b|like\b|of\s+(?:the\s+)?same\b)(?P<said>[^,.;:!?()]+)")


def genres_lessened(lowered: str, cue: re.Pattern[str] = _LESS) -> list[str]:
    """The genres a message asks for less of: those of the phrase right after "less"."""
    found: list[str] = []
    for m in cue.finditer(lowered):
        said = _CLAUSE_END.split(m["said"], maxsplit=1)[0]
        words = tokens_of(said)[:MAX_PHRASE]
        for n in range(len(words), 0, -1):  # the longest phrase first: "science fiction" before "science"
            if (effect := PHRASEBOOK.get(words[:n])) is not None:
                refused = effect.when_negated().exclude_genres  # "less scary": less horror
                found += [g for g in (*effect.genres, *refused) if g not in found]
                break
    return found


def less_as_a_lean(lowered: str, out: Understood) -> Understood:
    """`out` with the genres refused by "less" (or asked for by "not as much") leaned away from instead,
    and those of "more" beside it ("less sci-fi, more drama") leaned to rather than refused."""
    lessened = [g for g in genres_lessened(lowered) if g in out.exclude_genres or g in out.genres]
    if not lessened:
        return out
    more = [g for g in genres_lessened(lowered, _MORE) if g in out.exclude_genres and g not in lessened]
    out.soft_genres = list(dict.fromkeys([*out.soft_genres, *more]))
    out.exclude_genres = [g for g in out.exclude_genres if g not in more]
    out.exclude_genres = [g for g in out.exclude_genres if g not in lessened]
    out.genres = [g for g in out.genres if g not in lessened]
    out.lean_away_genres = list(dict.fromkeys([*out.lean_away_genres, *lessened]))
    return out
