""" "Before Titanic", "after The Matrix": a year bound taken from a film's year. Unread, "something
with leonardo dicaprio from before titanic" searched for "titanic" and answered Titanic itself."""

from __future__ import annotations

from agent.understanding.meaning import Reading
from agent.understanding.text import NUMBERISH, Scan, word_set
from agent.understanding.title_cues import STRONG
from agent.understanding.titles import TitleReader
from agent.understanding.versions import same_title

_BEFORE = word_set("before pre earlier older")
_AFTER = word_set("after post later newer since")
_THAN = word_set("than")
_FILM = word_set("the movie film")  # "before the movie Titanic"


def read_years_of_titles(scan: Scan, reader: TitleReader, reading: Reading) -> None:
    """A film named right after "before"/"after" ("older than", "since") bounds the years: before
    Titanic (1997) is up to 1996. The film must be named as it is titled, and be well known or
    typed with capitals, so that "before bed" or "after work" stay words."""
    toks = scan.tokens()
    for i, tok in enumerate(toks):
        after = i + 1
        if tok.text in ("earlier", "older", "later", "newer"):
            if after >= len(toks) or toks[after].text not in _THAN:
                continue
            after += 1
        elif tok.text not in _BEFORE and tok.text not in _AFTER:
            continue
        j = after
        if j + 1 < len(toks) and toks[j].text == "the" and toks[j + 1].text in ("movie", "film"):
            j += 2
        if j >= len(toks) or not toks[j].is_word or NUMBERISH.fullmatch(toks[j].text):
            continue  # "before 2000", "after the 90s" are years, read as numbers
        picked = reader.best(reader.forward(toks, j), STRONG)
        if picked is None:
            continue
        match, cand = picked
        exact = same_title(cand.text, match.title)
        if match.year is None or not exact or not (match.well_known or cand.title_cased or len(cand.words) >= 2):
            continue
        if tok.text in _BEFORE:
            reading.bound_years(None, match.year - 1)
        else:
            reading.bound_years(match.year + (tok.text != "since"), None)
        reading.explicit_years = True
        scan.take(tok.start, toks[cand.end - 1].end, aside=True)  # a bound, never searched for
        return
