"""A country refused in a war request: "a war movie, no vietnam ones" refuses films about the
Vietnam War, not films made in Vietnam.

The country was read as a place ("I can ask for a country but not leave one out, so some of
these may come from Vietnam"), and the war films came back, Apocalypse Now among them. Where war
films are asked for, in the message or before it, a country whose name stands for its war is a
theme refused instead, which the catalog can honour (its keywords "vietnam war", "vietnam
veteran", and the overviews), and the first line says `nothing about "vietnam"`.
"""

from __future__ import annotations

import dataclasses

from agent.understanding.phrases import COUNTRY_NOT_REFUSED
from agent.understanding.request import Understood

# a country whose name, refused in a war request, means its war: the theme refused
WAR_PLACES = {"Vietnam": "vietnam"}


def asks_for_war(genres: list[str] | tuple[str, ...]) -> bool:
    return "war" in genres


def wars_refused(said: Understood, *, war: bool) -> Understood:
    """`said` with each war place refused as a country ("no vietnam ones") refused as its war's
    theme when `war` films are asked for; as it was otherwise."""
    at = next((i for i, c in enumerate(said.caveats) if c.startswith(COUNTRY_NOT_REFUSED)), None)
    if not war or at is None:
        return said
    places = said.caveats[at].removeprefix(COUNTRY_NOT_REFUSED).removesuffix(".").replace(" or ", ", ").split(", ")
    themes = [WAR_PLACES[p] for p in places if p in WAR_PLACES]
    if not themes:
        return said
    kept = [p for p in places if p not in WAR_PLACES]
    caveats = list(said.caveats)
    if kept:
        named = f"{', '.join(kept[:-1])} or {kept[-1]}" if len(kept) > 1 else kept[0]
        caveats[at] = f"{COUNTRY_NOT_REFUSED}{named}."
    else:
        del caveats[at]
    refused = list(dict.fromkeys([*said.exclude_keywords, *themes]))
    return dataclasses.replace(said, caveats=caveats, exclude_keywords=refused)
