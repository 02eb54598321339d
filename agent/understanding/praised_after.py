"""Praise said of films the message has already named: "Heat and Ronin were both great", "I watched
Heat last week and it was great", "saw Alien and Jaws, they were amazing". A bare adjective ("great")
beside a named film is otherwise read as a wish ("a great thriller like Heat"), so these verdicts
were dropped: the films became references or "seen", and the user's praise was never stored."""

from __future__ import annotations

import re

from agent.understanding.reader import understand
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import OPINION_LEAD, PRAISE_WORDS
from agent.understanding.versions import same_title

_PRAISE = (
    r"(?:both\s+|all\s+)?(?:so\s+|really\s+|just\s+|absolutely\s+|pretty\s+)?"
    rf"(?:{PRAISE_WORDS}|masterpieces|classics)\b"
)
# "Heat and Ronin were both great": the films listed first, then praised together
_LIST_PRAISED = re.compile(r"\s+(?:are|were)\s+" + _PRAISE, re.IGNORECASE)
_JOINS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.IGNORECASE)
# "... and it was great", "..., they were amazing", "... but both were great", "seen Heat (1995) it was good
# too" (a chat message often joins its sentences with no stop): said of the films named before
_PRONOUN_PRAISED = re.compile(
    r"(?:[,.;)]|\band\b|\bbut\b|(?<=\w)(?=\s))\s*(?:it|they|both(?:\s+of\s+them)?|all\s+of\s+them)\s+(?:was|were)\s+"
    + _PRAISE
)
_EXACT = 100.0  # the catalog's score for a title typed exactly


def praised_after_naming(text: str, lowered: str, understood: Understood, lookup: CatalogLookup) -> bool:
    """Whether the message praises the films it named before the praise, as a list ("Heat and Ronin
    were both great") or with a pronoun after them ("I watched Heat and it was great")."""
    if not understood.like_titles:
        return False
    pronoun = _PRONOUN_PRAISED.search(lowered)
    if pronoun is not None and _named_before(text[: pronoun.start()], understood, lookup):
        return True
    return _listed_then_praised(text, lookup)


def _named_before(head: str, understood: Understood, lookup: CatalogLookup) -> bool:
    """Whether the films the readers found are named in the words before the praise ("thanks, it was
    great. Anything like Heat?" praises no film of the request). Read again only when a pronoun's
    praise follows a join, which few messages have."""
    return bool(head.strip()) and set(understand(head, lookup).like_titles) >= set(understood.like_titles)


def _listed_then_praised(text: str, lookup: CatalogLookup) -> bool:
    verdict = _LIST_PRAISED.search(text)
    if verdict is None:
        return False
    lead = OPINION_LEAD.match(text.lower(), 0, verdict.start())
    names = [n.strip(" \"'“”") for n in _JOINS.split(text[lead.end() if lead else 0 : verdict.start()])]
    return len(names) >= 2 and all(_whole_title(name, lookup) for name in names)


def _whole_title(name: str, lookup: CatalogLookup) -> bool:
    match = lookup.resolve_title(name) if name else None
    return match is not None and (match.score >= _EXACT or same_title(name, match.title))
