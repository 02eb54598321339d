"""Where a story is set, refused: "no films set in new zealand", "not set in new york". A place is
one theme however many words it has; one the phrasebook does not know is still the place named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.understanding.text import STOPWORDS, Scan, Tok, alternatives, tokens_of

if TYPE_CHECKING:
    from store.catalog import Catalog

_SET_IN = tuple(
    tokens_of(cue)
    for cue in alternatives(
        "set in | set on | set | takes place in | take place in | taking place in | located in | based in | "
        "happening in | happen in | happens in"
    )
)
_ARTICLES = frozenset(("the", "a", "an"))
# a verb's negation that refuses only a place: "doesn't take place in paris", "don't happen in new york"
_DOES_NOT = frozenset(
    tokens_of(cue) for cue in alternatives("doesn't | doesnt | don't | dont | didn't | didnt | won't | wont")
)
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


def place_refused_at(toks: list[Tok], i: int) -> int | None:
    """Where the words after toks[i] go on when toks[i] says "doesn't" before "take place in" (or
    "happen in", "set in"): "a war drama that doesn't take place in paris" refuses Paris, as "not set
    in paris" does; "doesn't take itself seriously" refuses nothing."""
    for cue in _DOES_NOT:
        end = i + len(cue)
        if tuple(t.text for t in toks[i:end]) != cue or end >= len(toks):
            continue
        start = after_set_in(toks, end)  # "set in", never a bare "set": "doesn't set out to offend"
        if start is not None and any(t.text in ("in", "on") for t in toks[end:start]) and place_end(toks, start):
            return end
    return None


def place_set_in(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The place's token span when toks[i] begins "set in <place>" ("takes place in new york"); a bare
    "set" never is ("a set of films")."""
    start = after_set_in(toks, i)
    if start is None or not any(t.text in ("in", "on") for t in toks[i:start]):
        return None
    end = place_end(toks, start)
    return None if end is None else (start, end)


def places_set_in(text: str) -> list[str]:
    """Every place a message says its story is set in: "a thriller set in tokyo" -> ["tokyo"]."""
    toks = Scan(text).tokens()
    spans = (place_set_in(toks, i) for i in range(len(toks)))
    return [place_said(toks[span[0] : span[1]]) for span in spans if span is not None]


def unknown_places(message: str, request: dict, catalog: Catalog) -> list[str]:
    """A place the story is to be set in that no film's title, tags or overview mentions is no theme
    to go by: it leaves the request, and the reply says so (`request` is changed in place)."""
    keywords = request.get("keywords") or []
    if not keywords:  # most turns: no theme, so the message is not read again for places
        return []
    unknown = [place for place in places_set_in(message) if place in keywords and not catalog.mentions(place)]
    if not unknown:
        return []
    request["keywords"] = [k for k in keywords if k not in unknown]
    said = " or ".join(f'"{place}"' for place in unknown)
    return [f"No film in my catalog mentions {said}, so I couldn't go by where the story is set."]
