""" "Drop the Tom Hanks part": a follow-up that takes one thing out of the last request and keeps the rest.

Read as a request of its own, "ok drop the tom hanks part" asked for Tom Hanks films and nothing
else; "remove the horror part" for horror films.
"""

from __future__ import annotations

import re

from agent.deps import Deps
from agent.understanding.reader import understand
from agent.understanding.request import Request

_DROP = re.compile(
    r"^\W*(?:(?:ok|okay|ok so|actually|so|and|but|then|please|pls|now|hmm+|well|yeah|alright|right)\W+)*"
    r"(?:(?:can you|could you|let'?s|please|pls|just)\s+)*"
    r"(?:drop|forget(?: about)?|remove|lose|ditch|scrap|skip|take out|get rid of|ignore|without)\s+"
    r"(?!(?:the\s+|that\s+)?(?:whole|entire|last|other|first|rest)\b)(?:the\s+|that\s+)?(?P<what>[^.!?]+?)\s+"
    r"(?:part|bit|thing|stuff|requirement|condition|constraint|filter)"
    r"(?:\W+(?:please|pls|thanks|then|now))*\W*$",
    re.IGNORECASE,
)
# "forget the year", "never mind the length", "any decade is fine": a part named by what it bounds,
# without "part" after it; read alone as a request, the message asked for nothing and lost every filter
_LEADS = r"^\W*(?:(?:ok|okay|actually|so|and|but|then|please|pls|now|hmm+|well|yeah|alright|right|oh)\W+)*"
_ASPECT_NOUN = (
    r"(?P<what>years?|decades?|era|dates?|release date|length|runtime|running time|duration"
    r"|ratings?|quality|popularity|languages?|countr(?:y|ies))"
)
_LIMIT = r"(?:\s+(?:limit|restriction|range|cap|bound|filter|requirement|condition))?"
_ENDS = r"(?:\W+(?:please|pls|thanks|then|now|too))*\W*$"
_DROP_ASPECT = tuple(
    re.compile(_LEADS + said + _ENDS, re.IGNORECASE)
    for said in (
        r"(?:(?:can you|could you|let'?s|please|pls|just)\s+)*(?:drop|forget(?: about)?|remove|lose|ditch|scrap"
        r"|skip|take out|get rid of|ignore|never ?mind|no)\s+(?:the\s+|that\s+|my\s+)?" + _ASPECT_NOUN + _LIMIT,
        r"(?:any|whatever)\s+" + _ASPECT_NOUN + r"(?:\s+(?:is|'s)\s+(?:fine|ok|okay|good)|\s+(?:works|will do))?",
        r"(?:the\s+)?" + _ASPECT_NOUN + _LIMIT + r"\s+(?:doesn'?t|does not|don'?t)\s+matter",
    )
)
# a part named by what it bounds rather than by its value: "drop the length part". Each aspect is
# (its words, fields it sets one value of, fields it lists, leans it turns on): "forget the quality bit"
# after "any good comedies?" kept "leaning to well-rated ones", a lean rather than a floor
_ASPECTS = (
    (re.compile(r"\b(?:years?|decades?|era|dates?|period|old|older|new|newer|recent)\b"),
     ("year_min", "year_max", "soft_year_min", "soft_year_max"), ("exclude_years",), ()),
    (re.compile(r"\b(?:length|runtime|long|short|shorter|longer|minutes?|mins?|duration|time)\b"),
     ("min_runtime", "max_runtime"), (), ()),
    (re.compile(r"\b(?:ratings?|rated|score|best|good|great|top|quality|acclaimed)\b"),
     ("min_rating", "best_rated"), (), ("quality",)),
    (re.compile(r"\b(?:popular|popularity|well[- ]known|famous|mainstream|crowd[- ]?pleas\w*|blockbusters?)\b"),
     (), (), ("popular",)),
    (re.compile(r"\b(?:lesser[- ]known|little[- ]known|hidden|gems?|obscure|underrated|under the radar)\b"),
     (), (), ("hidden_gem",)),
    (re.compile(r"\b(?:languages?|countr(?:y|ies)|foreign)\b"), (),
     ("languages", "soft_languages", "countries", "soft_countries"), ()),
)  # fmt: skip
# what a value read from the part is dropped from: the field itself and its soft or alternative kin
_KIN = {"genres": ("genres", "any_genres", "soft_genres"), "people": ("people", "any_people", "soft_people"),
        "any_people": ("people", "any_people", "soft_people"),
        "languages": ("languages", "soft_languages"), "countries": ("countries", "soft_countries"),
        "moods": ("moods",), "keywords": ("keywords", "require_keywords"), "like_titles": ("like_titles",),
        "exclude_genres": ("exclude_genres",), "exclude_people": ("exclude_people",),
        "exclude_keywords": ("exclude_keywords",), "exclude_moods": ("exclude_moods",),
        "exclude_titles": ("exclude_titles",), "exclude_languages": ("exclude_languages",),
        "studios": ("studios",), "exclude_studios": ("exclude_studios",)}  # fmt: skip


def drop_part(message: str, previous: Request, deps: Deps) -> Request | None:
    """The last request without the part the message drops, saying so; None when the message drops
    no part. A part found nowhere in the request leaves it whole, and the answer says that too."""
    said = next(filter(None, (said.match(message.strip()) for said in (_DROP, *_DROP_ASPECT))), None)
    if said is None or not previous:
        return None
    what = said["what"].strip()
    by_aspect = said.re is not _DROP
    part = understand(what, deps.catalog, today_year=deps.today.year)
    request: Request = {**previous}  # type: ignore[typeddict-item]
    dropped = False
    for name, kin in _KIN.items():
        for value in getattr(part, name):
            for field in kin:
                if value in (request.get(field) or []):
                    request[field] = [v for v in request[field] if v != value]  # type: ignore[literal-required]
                    dropped = True
    bounds = [(("year_min", "year_max", "soft_year_min", "soft_year_max"), ("exclude_years",), ())
              if part.year_min is not None or part.year_max is not None or part.exclude_years else None,
              (("min_runtime", "max_runtime"), (), ()) if part.min_runtime or part.max_runtime else None,
              (("min_rating", "best_rated"), (), ("quality",)) if part.min_rating is not None or part.quality else None,
              ((), (), ("popular",)) if part.popular else None,
              ((), (), ("hidden_gem",)) if part.hidden_gem else None]  # fmt: skip
    bounds += [(single, lists, leans) for words, single, lists, leans in _ASPECTS if words.search(what.casefold())]
    for single, lists, leans in filter(None, bounds):
        for field in single:
            dropped |= request.get(field) is not None
            request[field] = None  # type: ignore[literal-required]
        for field in lists:
            dropped |= bool(request.get(field))
            request[field] = []  # type: ignore[literal-required]
        for field in leans:
            dropped |= bool(request.get(field))
            request[field] = False  # type: ignore[literal-required]
    if dropped and what.casefold() in (request.get("query") or "").casefold():
        request["query"] = re.sub(re.escape(what), " ", request["query"], flags=re.IGNORECASE).strip()
    said_part = f"the {what.casefold()}" if by_aspect else f'"{what}"'
    unset = (f"You had set no {what.casefold()} limit, so I kept all of what you asked." if by_aspect
             else f"I found no {said_part} in what you asked, so I kept all of it.")  # fmt: skip
    request["caveats"] = [f"I dropped {said_part} and kept the rest of what you asked." if dropped else unset]
    request["unknown_titles"], request["modifiers"] = [], []
    return request
