"""A film said not to be seen, and nothing asked ("I never saw Heat", "I haven't seen XXX (2016)"):
a statement to acknowledge, not a request for films like it."""

from __future__ import annotations

from agent.understanding.request import Understood, has_filters
from agent.understanding.text import Scan
from agent.understanding.verdict_titles import with_title_year
from agent.understanding.verdicts import NOT_SEEN

_MAX_TYPED_WORDS = 6


def said_unseen(text: str, lowered: str, understood: Understood) -> tuple[list[str], tuple[str, ...]] | None:
    """The films said not to be seen (catalog ids), or the name typed for one the catalog lacks; None
    when the message says nothing of the kind, or asks for something too ("I haven't seen many westerns")."""
    said = NOT_SEEN.search(lowered)
    if said is None or has_filters(understood, titles=False):
        return None
    if understood.like_titles:
        return list(understood.like_titles), ()
    typed = Scan(text).original[said.end() :].strip(" .!,;\"'“”")  # offsets of the lowered text, as typed
    if not typed[:1].isupper() or len(typed.split()) > _MAX_TYPED_WORDS or len(text) != len(lowered):
        return None  # "i never saw it", "haven't seen that one": no film named
    return [], (with_title_year(typed, text),)
