"""In which role a person is asked for: "films by Steve McQueen" (directing), "starring Steve McQueen"
(acting). The catalog keys people by name, so one name can be two people (agent.credited_roles)."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import Understood
from agent.understanding.text import Scan

_DIRECTING = re.compile(r"(?:\b(?:directed|made|helmed|written and directed) +by|\bdirector|\bfilmmaker)[ ,:]*$")
_BY = re.compile(r"\bby[ ,:]*$")  # "movies by Tom Hanks": the director's, if directing is what the name mostly does
_ACTING = re.compile(r"(?:\bstarring|\bwith|\bfeaturing|\bstars?|\bactor|\bactress|\bplayed by)[ ,:]*$")
_LISTED = re.compile(r"^(?:,? *(?:and|or|&)|,) *$")  # "by the Coens and Steve McQueen": the cue goes on


def cued_role(before: str) -> str | None:
    """ "directing" after "directed by", "acting" after "with"/"starring": the role the words before a name ask."""
    if _DIRECTING.search(before):
        return "directing"
    return "acting" if _ACTING.search(before) else None


def said_by(before: str) -> bool:
    """Whether the words before a name end in a bare "by" ("something by Mann")."""
    return bool(_BY.search(before))


def read_roles(scan: Scan, out: Understood) -> None:
    """Each person asked for right after a directing or acting cue, or listed after one, in that role."""
    asked = {*out.people, *out.any_people}
    role, end = None, None
    for (start, stop), name in sorted(scan.named.items()):
        before = scan.lowered[:start]
        if _DIRECTING.search(before):
            role = out.directing
        elif _BY.search(before):
            role = out.said_by
        elif _ACTING.search(before):
            role = out.acting
        elif end is None or not _LISTED.match(scan.lowered[end:start]):
            role = None
        if role is not None and name in asked:
            extend_unique(role, [name])
        end = stop
