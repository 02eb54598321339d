"""The films a verdict or a rating is about, where the readers found none: after the verb, after
"rated"/"give", else at the start ("heat was great"). After "I rated" and in "alien is a 4" a film's
name is what follows, so a title that is also a theme ("alien", "up") is the film there, where it was
read as a sci-fi request and the rating went to no film."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.stars import SCORED
from agent.understanding.text import OPINION_LEAD
from agent.understanding.title_lists import judged_titles_after

# what says a film follows: "I rated alien 4", "I'd give jaws a 5"; "for" only leans ("4 stars for heat")
_RATED = re.compile(r"\b(?:give|gave|rate|rated|rating)\b")
_FOR = re.compile(r"\bfor\b")
# a whole message that scores one film: "alien is a 4", "jaws was a 5", "heat: 4.5"
_PRONOUN_VERB = re.compile(r"\W*(?:it|this|that|this one|that one)(?:'s|\s+(?:was|is|looks|sounds|seems))\b")
_ANSWER_WORDS = re.compile(r"(?:\W*\b(?:yes|yeah|yep|no|nope|nah|ok|okay|sure|maybe|well|oh|thanks|but|and|so)\b)+")


def named_titles(text: str, lowered: str, anchor: re.Match[str] | None, lookup: CatalogLookup) -> list[str]:
    """Titles a verdict is about: after the verb, after "give"/"for", else at the start."""
    starts = [(anchor.end(), False)] if anchor is not None else []
    cues = [(m.end(), True) for m in _RATED.finditer(lowered)] + [(m.end(), False) for m in _FOR.finditer(lowered)]
    starts += sorted(cues)
    opening = _ANSWER_WORDS.match(lowered)  # "Yes, that one sounds good" is no verdict on Yes (2005)
    first = opening.end() if opening else 0
    lead = OPINION_LEAD.match(lowered, first)  # "I think Alien was amazing": the film after the lead, as alone
    first = lead.end() if lead else first
    pronoun = _PRONOUN_VERB.match(lowered, first)  # "It was great" is about the film shown, not It (2017)
    scored = SCORED.match(lowered) is not None  # "alien is a 4": the film Alien, scored
    for start, named in [*starts, *([] if pronoun else [(first, scored)])]:
        if found := judged_titles_after(text, start, lookup, named=named)[0]:
            return [m.movie_id for m in found]
    return []


_LAST_YEAR = re.compile(r"\s+((?:18|19|20)\d\d)\s*$")


def with_title_year(typed: str, text: str) -> str:
    """ "Zorblax  2016" (Scan.original of "Zorblax (2016)") -> "Zorblax (2016)": a year the user wrote in
    brackets after a title is the film's, as typed, not a wish for films of that year."""
    m = _LAST_YEAR.search(typed)
    return f"{typed[: m.start()]} ({m[1]})" if m and f"({m[1]})" in text else typed
