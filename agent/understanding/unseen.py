"""A film said not to be seen, and nothing asked ("I never saw Heat", "I haven't seen XXX (2016)"):
a statement to acknowledge, not a request for films like it."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup, Understood, has_filters
from agent.understanding.text import Scan
from agent.understanding.verdict_titles import with_title_year
from agent.understanding.verdicts import NOT_SEEN
from agent.understanding.versions import same_title

_MAX_TYPED_WORDS = 6
_NEVER_HEARD = re.compile(r"\b(?:never|not|haven'?t|have\s+not|hadn'?t)\s+(?:even\s+|ever\s+)?heard\s+of\b")


def said_unseen(
    text: str, lowered: str, understood: Understood, lookup: CatalogLookup
) -> tuple[list[str], tuple[str, ...]] | None:
    """The films said not to be seen (catalog ids), or the name typed for one the catalog lacks; None
    when the message says nothing of the kind, or asks for something too ("I haven't seen many westerns")."""
    said = NOT_SEEN.search(lowered) or _NEVER_HEARD.search(lowered)  # "never heard of Ronin": not seen either
    if said is None or has_filters(understood, titles=False):
        return None
    if understood.like_titles:
        titles = _in_its_sentence(text, lowered, said, understood.like_titles, lookup)
        return (titles, ()) if titles else None
    if said.re is _NEVER_HEARD and (heard_of := _film_heard_of(text, said.end(), lookup)):
        return [heard_of], ()  # "never heard of Ronin": read as no film, so no request
    typed = Scan(text).original[said.end() :].strip(" .!,;\"'“”")  # offsets of the lowered text, as typed
    if not typed[:1].isupper() or len(typed.split()) > _MAX_TYPED_WORDS or len(text) != len(lowered):
        return None  # "i never saw it", "haven't seen that one": no film named
    return [], (with_title_year(typed, text),)


_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)")


def _in_its_sentence(
    text: str, lowered: str, said: re.Match[str], titles: list[str], lookup: CatalogLookup
) -> list[str]:
    """Of `titles`, those named in the sentence that says "not seen", else before it: in "I have not
    seen that one. Wonder Woman (2017) was great." Wonder Woman is judged, not unseen."""
    ends = [m.end() for m in _SENTENCE_END.finditer(lowered)]
    start = max((e for e in ends if e <= said.start()), default=0)
    end = min((e for e in ends if e > said.end()), default=len(lowered))
    if (start, end) == (0, len(lowered)) or len(text) != len(lowered):
        return list(titles)
    from agent.understanding.reader import understand  # the reader's modules import this one

    named = understand(text[start:end], lookup).like_titles or understand(text[:start], lookup).like_titles
    return [t for t in titles if t in named]  # "Heat (1995)? I haven't seen it.": the film before, pointed at


def _film_heard_of(text: str, after: int, lookup: CatalogLookup) -> str | None:
    """The film said unheard of, typed whole after the words ("never heard of Ronin")."""
    typed = text[after:].strip(" .!?,;\"'“”")
    match = lookup.resolve_title(typed) if typed and len(typed.split()) <= _MAX_TYPED_WORDS else None
    return match.movie_id if match is not None and same_title(typed, match.title) else None
