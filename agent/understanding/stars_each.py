"""Several films, each given its own stars in one message: "I rated Heat 4 and The Matrix 3", "heat 4,
alien 5 and jaws 3", "I'd give heat a 4 and alien a 5". Read as one verdict per film (the reader's
`Classified.verdicts`), where the one rating of the message went to the first film and the others'
stars were lost."""

from __future__ import annotations

import re

from agent.understanding.request import CatalogLookup
from agent.understanding.stars import on_five
from agent.understanding.versions import same_title

# where one film's stars end and the next film may begin; "4.5" is one number
_BREAK = re.compile(r"[,;!?]|\.(?!\d)|\s(?:and|&|plus|then)\s")
# stars that end a part: "heat 4", "alien a 5", "inception 5/5", "jaws 3 stars", "heat 8 out of 10"
_GRADE = re.compile(
    r"(?:\s(?:an?|at|at\s+an?)|:|\s-|\s)\s*(?<![\w.\-])(?P<n>10|\d(?:\.5)?)"
    r"(?:\s*(?:/|out\s+of)\s*(?P<of>5|10)\b|\s*(?P<stars>stars?)\b)?\W*$"
)
# who rates, and what goes before a film rated: "I rated", "I'd give", "gave", "also"
_RATER = re.compile(r"^.*?\b(?:give|gave|rate|rated|rating|score|scored)\b\s*|^\W*(?:also|and|then)\s+")


def stars_each(text: str, lowered: str, lookup: CatalogLookup) -> tuple[tuple[str, str, float], ...]:
    """Each film's verdict by its own stars (film, "liked" or "disliked", stars), when the whole message
    is two or more films each with a number; none otherwise (one film, a film without stars, a part that
    names no film: the reader goes on)."""
    said = text if len(text) == len(lowered) else lowered
    parts, start, found = [], 0, {}
    for m in [*_BREAK.finditer(lowered), None]:
        end = m.start() if m else len(lowered)
        grade = _GRADE.search(lowered, start, end)
        if grade is None:  # "I rated Pride and Prejudice 4": the part goes on to the next break
            if m is None and lowered[start:].strip(" .!"):
                return ()
            continue
        parts.append((said[start : grade.start()], grade))
        start = m.end() if m else len(lowered)
    for head, grade in parts:
        name = _RATER.sub("", head.strip()).strip(" \t\"'“”:-")
        match = lookup.resolve_title(name) if name else None
        if match is None or not same_title(name, match.title) or match.movie_id in found:
            return ()
        numbered = lookup.resolve_title(f"{name} {grade['n']}")  # "toy story 3": the film's number, as in stars.py
        if not (grade["of"] or grade["stars"]) and numbered and same_title(f"{name} {grade['n']}", numbered.title):
            return ()
        found[match.movie_id] = on_five(float(grade["n"]), grade["of"])
    return tuple((t, "liked" if n >= 3 else "disliked", n) for t, n in found.items()) if len(found) > 1 else ()
