"""A chat message that names the others with @ ("movie night with @ann and @bob"): a group pick for
the speaker and them, as `moviebot movienight` and Discord's and Slack's /movienight make. It was
read as a one-person request, the speaker's own picks with "I didn't find a genre ... in your
message", and "@ghost" taken for films about ghosts.

Only where a user's key is the name typed (the terminal's "cli:ann", an HTTP tenant's users):
Discord and Slack send a mention as the member's id, and their front ends take it out of the text."""

from __future__ import annotations

import re

from agent.understanding.passing import says_nothing
from agent.understanding.reader import understand
from store.catalog import Catalog

_NAMED_PLATFORMS = ("cli", "http")
_MENTION = re.compile(r"(?<![\w.@])@([^\W\d_][\w.-]*\w|[^\W\d_])")
# the words that only say who is watching, left when the names are taken out: what remains is the request
_COMPANY_WORDS = re.compile(
    r"\b(?:(?:a|our|the)\s+)?(?:movie|film)\s+night\b|\b(?:with|and|for|me|us|both|all|of|together|tonight)\b"
    r"|\b(?:we|i)\s+(?:can|could)\s+(?:all\s+)?watch\b|\bsomething\b|^\W+|\W+$",
    re.I,
)


def named_company(text: str, user: str, catalog: Catalog, today_year: int) -> tuple[list[str], str] | None:
    """(the members, the speaker first; what they asked for, "" when nothing) when `text` names at
    least one other person with @; None otherwise."""
    platform, _, _ = user.rpartition(":")
    names = _MENTION.findall(text or "")
    if not names or platform.partition(":")[0] not in _NAMED_PLATFORMS:
        return None
    members = list(dict.fromkeys([user, *(f"{platform}:{name.casefold()}" for name in names)]))
    if len(members) < 2:
        return None
    rest = " ".join(_COMPANY_WORDS.sub(" ", _MENTION.sub(" ", text)).split()).strip(" ,.;:!?")
    if rest and says_nothing(rest, understand(rest, catalog, today_year=today_year), catalog):
        rest = ""
    return members, rest
