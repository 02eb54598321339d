""" "A horror instead", "actually make it a comedy", "vampires instead": a genre, person or theme named in
place of the last one.

A follow-up that names a new genre keeps the old ones as a lean ("something scary now" after comedies
may still be funny); one that says it replaces them wants none of them: "a horror instead" after
comedies gave horror comedies only.
"""

from __future__ import annotations

import re

from agent.understanding.request import Request, Understood

_INSTEAD = re.compile(
    r"\b(?:instead|rather than|in place of)\b"
    r"|^\W*(?:(?:no|nah|hmm+|ok|okay|well|wait)\W+)*actually\W+(?:(?:just|can you|could you|let'?s)\s+)?"
    r"(?:make it|switch to|change (?:it )?to|go (?:with|for))\b"
    r"|^\W*(?:(?:no|nah|hmm+|ok|okay|well|wait)\W+)*(?:switch|change (?:it )?)\s+to\b"
)


def replace_instead(message: str, understood: Understood, previous: Request, request: Request) -> None:
    """Leave out of the merged request's leans the genres, the people and the themes the message names a
    replacement for; a message that names no new genre (or person, or theme) keeps those."""
    if not _INSTEAD.search(message.lower()):
        return
    said = ((understood.genres or understood.any_genres, ("genres", "any_genres"), "soft_genres"),
            (understood.people or understood.any_people, ("people", "any_people"), "soft_people"))  # fmt: skip
    for named, kinds, soft in said:
        if not named:
            continue
        replaced = {v for kind in kinds for v in previous.get(kind) or []} - set(named)
        request[soft] = [v for v in request.get(soft) or [] if v not in replaced]  # type: ignore[literal-required]
    if understood.keywords:  # "vampires instead" after zombie films: the themes lean, the old one no more
        replaced = set(previous.get("keywords") or []) - set(understood.keywords)
        request["keywords"] = [k for k in request.get("keywords") or [] if k not in replaced]
