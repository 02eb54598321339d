""" "something like heat and its sequels": a film to go by and its sequels, not a wish for films about
sequels (it gave picks "about 'sequel'", and Heat has none). The sequels the catalog has are gone by
too; a film with none is said to have none."""

from __future__ import annotations

import dataclasses
import re

from agent.prose import prose_list
from agent.sequels import sequel_films
from agent.understanding.request import Understood
from store.catalog import Catalog

_AND_SEQUELS = re.compile(r"\band\s+(?P<whose>its|their)\s+(?:sequels?|follow[- ]?ups?)\b")


def like_with_sequels(message: str, understood: Understood, catalog: Catalog) -> Understood:
    """The request going by the films named and their sequels, "sequel" no theme, when the message says
    "and its sequels" after the films to go by; as it was otherwise."""
    m = _AND_SEQUELS.search(message.lower())
    if m is None or not understood.like_titles:
        return understood
    films = understood.like_titles[-1:] if m["whose"] == "its" else list(understood.like_titles)
    found = {film: sequel_films(film, catalog) for film in films}
    later = [s.id for sequels in found.values() for s in sequels]
    caveats = list(understood.caveats)
    if none := [catalog.movies[f].label for f, sequels in found.items() if not sequels]:
        caveats.append(f"My catalog has no sequel to {prose_list(none)}.")
    return dataclasses.replace(
        understood,
        like_titles=list(dict.fromkeys([*understood.like_titles, *later])),
        keywords=[k for k in understood.keywords if k != "sequel"],
        query=_AND_SEQUELS.sub(" ", understood.query.lower()) if understood.query else understood.query,
        caveats=caveats,
    )
