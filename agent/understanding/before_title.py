""" "Before Titanic", "after The Matrix": a year bound taken from a film's year. Unread, "something
with leonardo dicaprio from before titanic" searched for "titanic" and answered Titanic itself.
"Shorter than Heat": a length bound taken from the film's length, as "like Heat but shorter" does;
unread, it took "shorter" as up to 100 min, said it had nothing to compare it with, and searched for
"heat"; "older than alien" read sci-fi films about aliens."""

from __future__ import annotations

import re

from agent.understanding.meaning import Reading, extend_unique
from agent.understanding.text import NUMBERISH, Scan, word_set
from agent.understanding.title_cues import STRONG
from agent.understanding.titles import TitleReader
from agent.understanding.versions import same_title
from store.catalog import TitleMatch

_BEFORE = word_set("before pre earlier older")
_AFTER = word_set("after post later newer since")
_THAN = word_set("than")
_FILM = word_set("the movie film")  # "before the movie Titanic"
_THE_PICKS = word_set("the those these that this them it one ones other others last first previous picks rest")
_LENGTH = {"shorter": "shorter", "longer": "longer", "quicker": "shorter"}  # "shorter than Heat"


def read_years_of_titles(scan: Scan, reader: TitleReader, reading: Reading) -> None:
    """A film named right after "before"/"after" ("older than", "since") bounds the years: before
    Titanic (1997) is up to 1996. The film must be named as it is titled, and be well known or
    typed with capitals, so that "before bed" or "after work" stay words."""
    toks = scan.tokens()
    refused_to = None  # the token after the last refused bound: "nothing older than heat or newer than ..."
    for i, tok in enumerate(toks):
        after = i + 1
        if tok.text in _LENGTH and after < len(toks) and toks[after].text in _THAN:  # "shorter than Heat"
            _read_length_of_title(scan, reader, reading, toks, (i, after + 1), _LENGTH[tok.text])
            continue
        if [t.text for t in toks[i : i + 4]] == ["not", "as", "long", "as"]:  # "not as long as Titanic"
            _read_length_of_title(scan, reader, reading, toks, (i, i + 4), "shorter")
            continue
        if tok.text in ("earlier", "older", "later", "newer"):
            if after >= len(toks) or toks[after].text not in _THAN:
                continue
            after += 1
            if _read_refused_than_pick(scan, reading, toks, i, after):  # "nothing older than the second one"
                continue
        elif tok.text not in _BEFORE and tok.text not in _AFTER:
            continue
        j = after
        if j + 1 < len(toks) and toks[j].text == "the" and toks[j + 1].text in ("movie", "film"):
            j += 2
        if j >= len(toks) or not toks[j].is_word or NUMBERISH.fullmatch(toks[j].text):
            continue  # "before 2000", "after the 90s" are years, read as numbers
        # "older than alien" names the film, as "like alien" does; "before alien invasions" no film
        picked = reader.best(reader.forward(toks, j), STRONG, named=after > i + 1)
        if picked is None:
            continue
        match, cand = picked
        if match.year is None or not _named_whole(
            match, cand.text, cand.words, cand.title_cased, compared=after > i + 1
        ):
            continue
        if tok.text in ("after", "before") and watching_order(scan.lowered):
            # "after titanic, what should I watch?": an order of watching, not of release, so films like it
            extend_unique(reading.result.like_titles, [match.movie_id])
            scan.take(toks[j].start, toks[cand.end - 1].end)
            continue
        start = _refused_from(toks, i)  # "nothing older than alien", "not before titanic": the other side
        if start is None and refused_to is not None and _or_between(toks[refused_to:i]):
            start = tok.start  # "nothing older than heat or newer than titanic": neither, so 1995-1997
        refused_to = cand.end if start is not None else None
        if (tok.text in _BEFORE) == (start is None):
            reading.bound_years(None, match.year - 1 if start is None else match.year - (tok.text == "since"))
        else:
            reading.bound_years(match.year + (tok.text != "since") if start is None else match.year, None)
        reading.explicit_years = True
        scan.take(tok.start if start is None else start, toks[cand.end - 1].end, aside=True)  # never searched for


# "after titanic what should I watch?", "what should we see next after heat": what to watch once it is seen
_WATCHING_ORDER = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hey|hi|then)\W+)*(?:after|before)\s+(?:watching\s+|seeing\s+)?[^,?.!]+?[,\s]+"
    r"(?:what|which\s+(?:film|movie|one))\s+(?:should|can|could|do|would you suggest)\s+(?:i|we)?\s*(?:watch|see)\b"
    r"|\b(?:what|which\s+(?:film|movie|one))\s+(?:should|can|could|do)\s+(?:i|we)\s+(?:watch|see)\s+"
    r"(?:next\s+)?(?:after|before)\s+(?:watching\s+|seeing\s+)?\w"
)


def watching_order(lowered: str) -> bool:
    """The message asks what to watch after (or before) a film, which bounds no release years."""
    return bool(_WATCHING_ORDER.search(lowered))


# "the second one", "#2", "number 3", "the last": a place in the list just shown
_A_PICK_PLACE = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|[4-9]th|#\s*\d|number\s*\d)"
    r"(?:\s+(?:one|film|movie|pick))?(?![\w-])"
)


def _read_refused_than_pick(scan: Scan, reading: Reading, toks: list, i: int, after: int) -> bool:
    """ "nothing older than the second one": no film older than that pick, so from its year on (the
    modifier "no_older", which agent.nodes.understand reads against the pick); unread, it asked for
    nothing and showed more of the same. "newer than the second one", unrefused, is "newer"."""
    if after >= len(toks) or _A_PICK_PLACE.match(scan.text, toks[after].start) is None:
        return False
    if (start := _refused_from(toks, i)) is None:
        return False
    extend_unique(reading.result.modifiers, ["no_older" if toks[i].text in ("older", "earlier") else "no_newer"])
    scan.take(start, toks[i].end, aside=True)  # the place stays, for the pick it points at
    return True


def _or_between(toks: list) -> bool:
    """Only "or" (or "nor") between two bounds, so a refusal of the first refuses the second too."""
    words = [t.text for t in toks if t.is_word]
    return bool(words) and set(words) <= {"or", "nor", "anything", "something"} and words[0] in ("or", "nor")


_REFUSING = word_set("not nothing no none never")
_REFUSED_KIND = word_set("anything any films movies made released filmed from")  # "nothing made before"


def _refused_from(toks: list, i: int) -> int | None:
    """Where a refusal of the bound at `i` starts ("nothing made before Titanic"); None when none."""
    j = i - 1
    while j >= 0 and i - j <= 3 and toks[j].text in _REFUSED_KIND:
        j -= 1
    return toks[j].start if j >= 0 and toks[j].text in _REFUSING else None


def _named_whole(match: TitleMatch, typed: str, words: list[str], cased: bool, *, compared: bool = False) -> bool:
    """The film named as it is titled, and well known or typed with capitals: not "before bed"; after
    "older than" or "shorter than" any film so named ("shorter than heat": nothing else is shorter than
    heat), but not the picks ("shorter than the others", though The Others is a film)."""
    if not same_title(typed, match.title) or all(w in _THE_PICKS for w in words):
        return False
    return compared or match.well_known or cased or len(words) >= 2


def _read_length_of_title(
    scan: Scan, reader: TitleReader, reading: Reading, toks: list, span: tuple[int, int], modifier: str
) -> None:
    """ "shorter than Heat" (`span`: from "shorter" to the film): `modifier`, against Heat's length
    (agent.understanding.merge); the film is neither searched for nor a film to go by."""
    i, j = span
    if j + 1 < len(toks) and toks[j].text == "the" and toks[j + 1].text in ("movie", "film"):
        j += 2
    if j >= len(toks) or not toks[j].is_word or NUMBERISH.fullmatch(toks[j].text):
        return  # "shorter than 90 minutes" is a length, read as a number
    picked = reader.best(reader.forward(toks, j), STRONG, named=True)
    if picked is None:
        return
    match, cand = picked
    if not _named_whole(match, cand.text, cand.words, cand.title_cased, compared=True):
        return
    out = reading.result
    extend_unique(out.compared_to, [match.movie_id])
    extend_unique(out.modifiers, [modifier])
    scan.take(toks[i].start, toks[cand.end - 1].end, aside=True)
