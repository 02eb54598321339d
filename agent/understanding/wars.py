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

from agent.understanding.meaning import say_countries_not_refused
from agent.understanding.request import Understood

# a country whose name, refused in a war request, means its war: the theme refused
WAR_PLACES = {"Vietnam": "vietnam"}


def asks_for_war(genres: list[str] | tuple[str, ...]) -> bool:
    return "war" in genres


def wars_refused(said: Understood, *, war: bool) -> Understood:
    """`said` with each war place refused as a country ("no vietnam ones") refused as its war's
    theme when `war` films are asked for; as it was otherwise."""
    places = said.countries_not_refused
    themes = [WAR_PLACES[p] for p in places if p in WAR_PLACES]
    if not war or not themes:
        return said
    out = dataclasses.replace(
        said, caveats=list(said.caveats), exclude_keywords=list(dict.fromkeys([*said.exclude_keywords, *themes]))
    )
    say_countries_not_refused(out, [p for p in places if p not in WAR_PLACES])
    return out
