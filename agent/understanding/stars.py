"""Stars said in a message: "4 stars", "8/10", "⭐⭐⭐", "I'd give it a 4", on the 0.5-5 scale,
and whether a rating named is one asked for ("a comedy rated 8+") rather than one given."""

from __future__ import annotations

import dataclasses
import re

from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.seen_lists import SeenList, seen_list
from agent.understanding.text import normalise_message
from agent.understanding.title_lists import ends_in_numbered_title

_STARS = re.compile(
    r"(?<![\w.])(?P<n>\d(?:\.5)?|10|one|two|three|four|five|half\s+a)(?P<half>\s+and\s+(?:a\s+)?half)?"
    r"\s*(?:(?:/|out\s+of)\s*(?P<of>5|10|five|ten)\b|stars?\b)"
    r"|(?P<emoji>⭐+|★+)"
)
GIVE = re.compile(r"\b(?:give|gave|rate|rated|rating|score)\b")
_GIVEN = re.compile(r"(?<![\w.\-])(?P<n>10|\d(?:\.5)?)(?![\w.])")  # "rated Heat 4"; "-3" is none
_SENTENCE_END = re.compile(r"[!?]|\.(?!\d)")
# a whole message that scores a film: "dunkirk: 4.5", "heat is a 4" (agent.understanding.verdict_titles too)
SCORED = re.compile(r"^\W*(?P<film>[^:\d]*[^\W\d])(?::|\s+(?:is|was)\s+(?:a|an))\s*(?P<n>10|\d(?:\.5)?)(?![\w.])\W*$")
_STAR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half a": 0.5}

# who rates: "I rated it 4", "we'd give Heat 8/10"; "a comedy rated 8+" has no one rating
_RATER = re.compile(r"\b(?:i|i'?d|i'?ll|we|we'?d|would|you)\s+(?:\w+\s+)?(?:give|gave|rate|rated|rating|score)\b")


def asks_for_a_rating(lowered: str, understood: Understood, ordinal: int | None) -> bool:
    """ "A movie rated 8+", "comedies rated at least 7": the reader took a rating floor, and no one
    and no film is rated."""
    return (
        understood.min_rating is not None
        and ordinal is None
        and not understood.like_titles
        and not _RATER.search(lowered)
    )


def rated_seen_list(text: str, lookup: CatalogLookup, *, has_previous: bool) -> SeenList | None:
    """seen_list, but None for films given stars, read as a rating: "seen heat, 4 stars" rates Heat
    and "seen heat and alien, 4 stars" each, where it answered "I couldn't find “4 stars” in my
    catalog" and kept no stars; with a name the catalog lacks, the list with its stars, so that
    "seen parasite and blorfzap, 4 stars" rates Parasite and names blorfzap, not "4 stars"."""
    listed = seen_list(text, lookup, has_previous=has_previous)
    lowered = normalise_message(text)
    if listed is None or len(lowered) != len(text) or (given := _STARS.search(lowered)) is None:
        return listed
    start = len(text[: given.start()].rstrip(" ,;:-–("))  # "seen heat - 4 stars": the dash is no title's
    blanked = text[:start] + " " * (given.end() - start) + text[given.end() :]  # "4/5" is no list of places
    rest = seen_list(blanked, lookup, has_previous=has_previous)
    if rest is None or not rest.titles or rest.positions:
        return listed
    if rest.unknown:  # "seen parasite and blorfzap, 4 stars": Parasite's stars, and blorfzap named back
        return dataclasses.replace(rest, stars=stars_in(lowered, lookup))
    return None


def outside_stars(titles: list[str], lowered: str, lookup: CatalogLookup) -> list[str]:
    """The films read from `lowered` but those named only by the stars it gives: "gave it like three
    and a half stars" likes no film Three."""
    blanked = _STARS.sub(_blank, lowered)
    if blanked == lowered:
        return list(titles)
    movies = lookup.movies

    def named_in(said: str, movie_id: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(movies[movie_id].title.casefold())}(?!\w)", said) is not None

    return [t for t in titles if t not in movies or named_in(blanked, t) or not named_in(lowered, t)]


def _blank(m: re.Match[str]) -> str:
    return " " * len(m[0])


def stars_in(lowered: str, lookup: CatalogLookup | None = None) -> float | None:
    """ "4 stars", "8/10", "⭐⭐⭐", "I'd give it a 4": on the 0.5-5 scale, to the nearest half; a
    number above five said with no scale is out of ten ("I'd give it a 7" is 3.5 stars).

    A number after "rated"/"gave" that ends a catalog title is the film's, not stars: "I gave Toy
    Story 3 a 4" gives 4 stars, "I rated Toy Story 3" none (`lookup` tells; without it, no title).
    """
    value, scale = None, None  # scale: what "/10", "out of 5" or stars drawn say
    if m := _STARS.search(lowered):
        if m["emoji"]:
            value, scale = float(len(m["emoji"])), "5"
        else:
            value = float(_STAR_WORDS.get(" ".join(m["n"].split())) or m["n"]) + (0.5 if m["half"] else 0)
            value, scale = value or 0.5, m["of"]  # "0 stars for the second": the lowest there is
    elif m := GIVE.search(lowered):
        value = _given(lowered, m.end(), lookup)
    elif m := SCORED.search(lowered):  # "dunkirk: 4.5", "heat is a 4"
        value = float(m["n"])
    return on_five(value, scale) if value is not None and value > 0 else None


def on_five(n: float, scale: str | None) -> float:
    """The 0.5-5 stars of a number said, to the nearest half: out of ten when it says so ("8/10",
    "out of ten"), or when it is more than five and no scale is said ("I'd give Heat a 7", "7 stars")."""
    if scale in ("10", "ten") or (scale is None and n > 5):
        n /= 2
    return min(5.0, max(0.5, round(n * 2) / 2))


# "give me 3 more", "give us 2 others": how many, not stars
_A_COUNT = re.compile(r"\s*(?:more|others?|movies?|films?|picks?|options?|suggestions?|recommendations?|ones?)\b")


def _given(lowered: str, start: int, lookup: CatalogLookup | None) -> float | None:
    for m in _GIVEN.finditer(lowered, start):
        if _SENTENCE_END.search(lowered, start, m.start()):
            return None
        if _A_COUNT.match(lowered, m.end()):
            continue
        if lookup is None or not ends_in_numbered_title(lowered[start : m.end()], lookup):
            return float(m["n"])
    return None
