"""Where a message points in the list just shown: "the second one", "#3", "the last two", "the
first and third". Places count from 0, and from the end when negative ("the last" is -1)."""

from __future__ import annotations

import itertools
import re

_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth")  # fmt: skip
_ORDINAL_WORDS = {
    **{word: n for n, word in enumerate(_NTH)},
    "top": 0, "last": -1, "final": -1, "bottom": -1, "penultimate": -2, "second to last": -2, "second last": -2,
}  # fmt: skip
ORDINAL = re.compile(
    r"#\s*(?P<hash>\d{1,2})\b"
    r"|\b(?:number|no\.|option|pick|suggestion)\s*#?\s*(?P<num>\d{1,2})\b"
    r"|(?:\b(?P<word>second[\s-]+(?:to[\s-]+)?last|penultimate|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|last|final|bottom|top(?=\s+(?:one|pick|suggestion)))\b"
    r"|(?<!on the )(?<!by the )(?<!until the )(?<!till the )(?<!since the )\b(?P<nth>[1-9]\d?)(?:st|nd|rd|th)\b)"
    # "the 13th one", up to the 50 picks an answer can hold; "on the 14th" is a date
    r"(?!\s+(?:year|years|decade|night|week|time|few|couple|century|anniversary|birthday|grade|of\s+july"
    r"|\d(?!(?:\.5)?\s*(?:stars?|/))"
    r"|world|half|season|episode|chapter|act\b|date|day|kiss|impression|place|amendment|person|wave|contact))"
)

# "the first two", "the last two": several places at once ("the first and third" are listed ordinals)
_FIRST_N = re.compile(
    r"\b(?P<end>first|top|last)\s+(?P<n>two|three|2|3)\b(?!\s*(?:years?|decades?|nights?|weeks?|times?)\b)"
)
_BETWEEN_ORDINALS = re.compile(r"(?:\s+ones?)?\s*(?:,|and|&)\s*(?:the\s+)?")


def places_in(lowered: str) -> tuple[int, ...]:
    """ "The first two" -> (0, 1), "the last two" -> (-2, -1), "the first and third" -> (0, 2); () for one place."""
    if m := _FIRST_N.search(lowered):
        n = {"two": 2, "three": 3}.get(m["n"]) or int(m["n"])
        return tuple(range(-n, 0)) if m["end"] == "last" else tuple(range(n))
    found = list(ORDINAL.finditer(lowered))
    listed = [found[0]] if found else []
    for before, after in itertools.pairwise(found):
        if not _BETWEEN_ORDINALS.fullmatch(lowered, before.end(), after.start()):
            break
        listed.append(after)
    places = tuple(dict.fromkeys(p for m in listed if (p := ordinal_in(m.group())) is not None))
    return places if len(places) > 1 else ()


def ordinal_in(lowered: str) -> int | None:
    m = ORDINAL.search(lowered)
    if m is None:
        return None
    if m["word"]:
        return _ORDINAL_WORDS[" ".join(m["word"].replace("-", " ").split())]
    number = int(m["hash"] or m["num"] or m["nth"])
    return number - 1 if number >= 1 else None
