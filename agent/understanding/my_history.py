"""Questions about the user's own history: "how many movies have I watched?", "what have I seen?",
"why not Saving Private Ryan?".

"How many movies have I watched?" was answered with the catalog's size, "what have I watched"
with the help text, and "why not saving private ryan?" (rated 2/5) refused the film and gave new
picks. These are read here and answered from the profile (agent.my_history).
"""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.text import Scan
from store.movie import TITLE_MATCH_SCORE

_LEAD = r"^\W*(?:(?:so|and|but|ok|okay|hey|um+|hmm+|wait|remind me|tell me|can you tell me)\W+)*"
_FILMS = r"(?:(?:movies?|films?|flicks?|titles?|ones?|things?)\s+)?"


def _asks_about_my(done: str, listed: str) -> re.Pattern[str]:
    """ "how many films have I <done>", "what did I <done>", "show me <listed>", "which have I <done> so far"."""
    return re.compile(
        _LEAD + r"(?:how many\s+" + _FILMS + r"(?:have|did|'ve)\s+i\s+" + done
        + r"|what\s+(?:" + _FILMS + r")?(?:have|did|'ve)\s+i\s+" + done
        + r"|(?:show|list|give)\s+(?:me\s+)?" + listed
        + r"|which\s+" + _FILMS + r"(?:have|did)\s+i\s+" + done + ")"
        r"(?:\s+(?:so far|already|yet|until now|to date))?\W*$"
    )  # fmt: skip


_WATCHED = _asks_about_my(
    r"(?:already\s+)?(?:watched|seen|see|watch)", r"(?:my|the)\s+(?:watched|seen)\s+(?:list|films|movies)"
)
_RATED = _asks_about_my(r"rated?", r"my\s+ratings")
# "what did I say I liked", "which films have I loved", "what did i tell you i hated"
_SAID_I = r"(?:(?:say|said|tell you|told you)\s+(?:that\s+)?i\s+)?"
_LIKED = _asks_about_my(
    _SAID_I + r"(?:liked?|loved?|enjoyed?)", r"(?:my|the)\s+(?:liked|favou?rite)\s+(?:films|movies)"
)
_DISLIKED = _asks_about_my(
    _SAID_I + r"(?:disliked?|hated?|didn'?t like|did not like)", r"(?:my|the)\s+disliked\s+(?:films|movies)"
)
# "what did i pick", "which one did I choose": the user's choice among the picks, which is not recorded
_PICKED = re.compile(
    _LEAD + r"(?:what|which)\s+" + _FILMS + r"(?:did|have|'ve)\s+i\s+(?:(?:end up|finally)\s+)?"
    r"(?:pick|picked|choose|chose|chosen|go with|gone with|decide on|decided on|settle on|settled on)"
    r"(?:\s+(?:last time|earlier|before|again|then))?\W*$"
)
# "have I seen any of these?", "did I rate any of those?", "which of these have I seen?": the user's
# own history of the picks just shown, not a request for new ones
_THE_PICKS = r"(?:these|those|them|the\s+(?:picks|films|movies|ones))"
_DONE = r"(?:(?:already|ever|actually)\s+)?(?:seen|see|watched|watch|rated?)"
_PICKS_ASKED = re.compile(
    _LEAD + r"(?:(?:have|did|had)\s+(?:i|we)\s+" + _DONE + r"\s+(?:(?:any|all|either|both|none|one|each)"
    r"(?:\s+of)?\s+" + _THE_PICKS + r"|(?:these|those|them)(?:\s+(?:all|both))?)"
    r"|which\s+(?:ones?\s+)?of\s+" + _THE_PICKS + r"\s+(?:have|did|'ve)\s+(?:i|we)\s+" + _DONE + ")"
    r"(?:\s+(?:so far|already|yet|before))?\W*$"
)


def picks_asked(lowered: str) -> bool:
    """Whether the message asks what the user has seen or rated of the picks shown ("have I seen any of these?")."""
    return bool(_PICKS_ASKED.match(lowered))


_WHY_NOT = re.compile(
    r"^\W*(?:(?:but|and|so|ok|okay|hmm+)\W+)?why\s+(?:not|no|didn'?t you (?:suggest|recommend|pick|include)"
    r"|haven'?t you (?:suggested|recommended)|(?:isn'?t|wasn'?t) (?=.*\b(?:there|in (?:it|the list|them))\W*$))\s+"
)
_TRAILING = re.compile(r"(?:\s+(?:in there|there|in the list|in it|then|instead|too|though|either))+\W*$|\W+$")


def my_history_question(lowered: str) -> str | None:
    """ "my_watched", "my_rated", "my_liked", "my_disliked" or "my_picked" for a question about the user's
    own history, else None."""
    if _WATCHED.match(lowered):
        return "my_watched"
    if _RATED.match(lowered):
        return "my_rated"
    for fact, asked in (("my_liked", _LIKED), ("my_disliked", _DISLIKED), ("my_picked", _PICKED)):
        if asked.match(lowered):
            return fact
    return None


def why_not_titles(text: str, lowered: str, lookup: CatalogLookup) -> tuple[list[str], str] | None:
    """ "Why not Saving Private Ryan?": the film the message asks about (its id, or none and the
    title as typed when the catalog lacks it); None when the message is no such question
    ("why not something funnier?", "why not, sounds good")."""
    said = _WHY_NOT.match(lowered)
    if said is None:
        return None
    typed = _TRAILING.sub("", Scan(text).original[said.end() :]).strip(" \"'“”‘’")
    typed = re.sub(r"^(?:the (?:movie|film)\s+)", "", typed, flags=re.IGNORECASE)
    if not typed or len(typed.split()) > 8:
        return None
    match = lookup.resolve_title(typed)
    if match is not None and match.score >= TITLE_MATCH_SCORE:
        return [match.movie_id], typed
    if typed[0].isupper() and not re.search(r"\b(?:something|anything|some|more|less|a|an)\b", typed.lower()):
        return [], typed  # typed as a title: a film the catalog lacks
    return None
