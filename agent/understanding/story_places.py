"""Where a story is set, refused: "no films set in new zealand", "not set in new york". A place is
one theme however many words it has; one the phrasebook does not know is still the place named."""

from __future__ import annotations

from agent.understanding.text import STOPWORDS, Tok, alternatives, tokens_of

_SET_IN = tuple(
    tokens_of(cue)
    for cue in alternatives(
        "set in | set on | set | takes place in | take place in | taking place in | located in | based in | "
        "happening in"
    )
)
_ARTICLES = frozenset(("the", "a", "an"))
MAX_PLACE_WORDS = 3


def after_set_in(toks: list[Tok], k: int) -> int | None:
    """Where the place starts when toks[k] says "set in" (or "takes place in", an article after it skipped)."""
    for cue in sorted(_SET_IN, key=len, reverse=True):
        if tuple(t.text for t in toks[k : k + len(cue)]) == cue:
            end = k + len(cue)
            while end < len(toks) and toks[end].text in _ARTICLES:
                end += 1
            return end
    return None


def place_end(toks: list[Tok], k: int) -> int | None:
    """The end of the place named from toks[k] ("new york", "paris"): words up to punctuation or a
    common word, at most three; None when no word is there."""
    end = k
    while end < len(toks) and end - k < MAX_PLACE_WORDS and toks[end].is_word and toks[end].text not in STOPWORDS:
        end += 1
    return end if end > k else None


def place_said(toks: list[Tok]) -> str:
    """ "new zealand": the words of one place as the one theme they name, never "new" and "zealand"."""
    return " ".join(t.text for t in toks)
