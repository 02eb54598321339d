"""A film named only as a comparison is not the film the message is about: "I watched a romantic
comedy last night ... kinda like Sweet November (2001)" marked Sweet November watched on the day
before, though the film watched was another, unnamed one."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.titles import same_title

_LIKENESS = r"(?:\blike|\bsimilar\s+to|\bsuch\s+as|\bin\s+the\s+vein\s+of|\breminds?\s+me\s+of)"
# a comparison and the words it names, up to a year (brackets made spaces), a clause end or a word ending none
_COMPARED = re.compile(
    _LIKENESS + r"\s+(?P<said>[^,.;!?()]+?)"
    r"(?=\s*(?:\(?(?:19|20)\d\d\b|[,.;!?]|$|\s+(?:and|or|but|which|that|yesterday|today|tonight|last|on)\b))"
)
_AFTER_LIKENESS = re.compile(_LIKENESS + r"\W*$")
# "I like", "we really like", "would like": the verb, a taste and no comparison
_THE_VERB = re.compile(r"\b(?:i|we|you|they|he|she|do|did|would|'d|to)\s+(?:(?:really|also|just|still)\s+)?like\W*$")


def compared_only(titles: list[str], lowered: str, lookup: CatalogLookup) -> list[str]:
    """Of `titles`, those the message names, each time, right after a comparison word."""
    compared = []
    for m in _COMPARED.finditer(lowered):
        if _THE_VERB.search(lowered[: m.start("said")]):
            continue
        said = m["said"].strip()
        match = lookup.resolve_title(said)
        if match is None or match.movie_id not in titles or not same_title(said, match.title):
            continue
        name = re.escape(match.title.casefold())
        starts = [n.start() for n in re.finditer(rf"(?<!\w){name}(?!\w)", lowered)]
        if all(_AFTER_LIKENESS.search(lowered[:start]) for start in starts):
            compared.append(match.movie_id)
    return compared
