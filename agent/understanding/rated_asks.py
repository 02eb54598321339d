"""A request said after films rated: "heat 4 and jaws 5, any comedies?" stores both ratings and asks
for comedies, where the request hid the ratings and "heat" and "jaws" were read as the films wanted."""

from __future__ import annotations

import re

from agent.understanding.seen_lists import ASKED_AFTER

# the request that ends a list of ratings, after a break: ", any comedies?", ". something from the 90s"
_REQUEST = re.compile(
    r"\s*[,.;!?-]+\s*(?:(?:so|now|ok|okay|and|but|also)\s+)*"
    r"(?=(?:any|some|something|anything|recommend|suggest|show\s+me|give\s+me|find\s+me|got\s+any|"
    r"looking\s+for|i\s+want|i'?d\s+like|in\s+the\s+mood\s+for|how\s+about|what\s+about)\b)"
)


def request_after(lowered: str) -> re.Match[str] | None:
    """Where a request starts after the films rated (the break before it), if one does; not a wish
    for more of the same (", anything else?", ", any recs?"), which picks films like those liked."""
    return None if ASKED_AFTER.search(lowered) else _REQUEST.search(lowered)


def request_said(text: str) -> str | None:
    """The request alone, as typed: "any comedies?" of "heat 4 and jaws 5, any comedies?"."""
    lowered = text.lower()
    return text[m.end() :] if (m := request_after(lowered)) is not None else None
