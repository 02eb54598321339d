""" "Remove horror from the picks", "take out the scary ones": a follow-up that refuses a kind of
film, read as "no horror" would be, the rest of the last request kept.

Read as a request of its own, "can you remove horror from the picks" after "a thriller" asked for
horror films. "Drop the horror part" (agent.understanding.dropping) takes out a part asked for; this
leaves a kind of film, a person's films or an era out. A film named there is not read so ("remove heat
from my watched list" edits a list), and the message is left to be read as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.prose import prose_list
from agent.understanding.reader import understand
from agent.understanding.request import CatalogLookup, Understood

_REMOVE = re.compile(
    r"^\W*(?:(?:ok|okay|ok so|actually|so|and|but|then|please|pls|now|hmm+|well|yeah|alright|right|also)\W+)*"
    r"(?:(?:can you|could you|would you|will you|let'?s|please|pls|just|i want to|i'?d like to)\s+)*"
    r"(?:remove|drop|lose|ditch|scrap|cut|take out|take away|get rid of|filter out|leave out|cut out|weed out)\s+"
    r"(?:all\s+|any\s+)?(?:the\s+|those\s+|these\s+|that\s+)?(?P<what>[^.!?]+?)"
    r"(?:\s+(?:ones?|movies?|films?|flicks?|stuff|picks?))?"
    r"(?:\s+(?:from|out of|of)\s+(?:the\s+|these\s+|those\s+|your\s+)?"
    r"(?:picks?|list|results?|suggestions?|recommendations?|recs|options?|mix|lot|bunch|selection|them))?"
    r"(?:\W+(?:please|pls|thanks|thank you|then|now|too|as well))*\W*$",
    re.IGNORECASE,
)
_A_PLACE = re.compile(r"\b(?:from|off|out\s+of|in|on)\b", re.IGNORECASE)  # "remove X from my watched list"


@dataclass(frozen=True)
class Removal:
    message: str  # the refusal it says: "no horror"
    genres: tuple[str, ...]  # the genres it leaves out, said; the rest is said in the picks' header
    people: tuple[str, ...]

    def said(self, *, follow_up: bool) -> str | None:
        left_out = [f"{' and '.join(self.genres)} films"] if self.genres else []
        left_out += [f"films with {prose_list(self.people, 'or')}"] if self.people else []
        if not left_out:
            return None
        return f"I left out {' and '.join(left_out)}{' and kept the rest of what you asked' if follow_up else ''}."


def removal_of(message: str, lookup: CatalogLookup, *, today_year: int) -> Removal | None:
    """What the message removes, when all of it reads as a refusal: genres, tones, people, themes,
    years, languages."""
    said = _REMOVE.match(message.strip())
    if said is None or _A_PLACE.search(said["what"]):
        return None
    refusal = f"no {said['what']}"
    refused = understand(refusal, lookup, today_year=today_year)
    wanted = (refused.genres, refused.any_genres, refused.soft_genres, refused.moods, refused.keywords,
              refused.require_keywords, refused.people, refused.soft_people, refused.like_titles,
              refused.exclude_titles, refused.unknown_titles, refused.countries, refused.query)  # fmt: skip
    if any(wanted) or refused == Understood():
        return None  # a film (a list may be edited), or words that read as a wish, not a refusal
    return Removal(refusal, tuple(refused.exclude_genres), tuple(refused.exclude_people))
