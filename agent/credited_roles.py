"""A person asked for in one role, when the catalog credits the name in both.

The catalog keys people by name, so "Steve McQueen" is both the director of 12 Years a Slave
and the star of The Great Escape. "films by Steve McQueen" asks for the director, "starring Steve
McQueen" for the actor (agent.understanding.role_cues); a name said alone whose directing and acting
credits never meet is likely two people, so the answer keeps to the larger of them and says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from agent.prose import prose_list
from agent.understanding.request import Request


def _credits(name: str, catalog) -> tuple[set[str], set[str]]:
    """The films crediting the name as director, and those crediting it in the cast."""
    folded = name.casefold()
    directed, acted = set(), set()
    for movie_id in catalog.credits(name):
        directors, cast = catalog.credits_of(movie_id)
        if folded in {n.casefold() for n in directors}:
            directed.add(movie_id)
        if folded in {n.casefold() for n in cast}:
            acted.add(movie_id)
    return directed, acted


def _titles(ids: set[str], catalog) -> str:
    movies = sorted((catalog.movies[i] for i in ids), key=lambda m: (-(m.votes or 0), m.title))
    shown = [f"{m.title} ({m.year})" if m.year else m.title for m in movies[:2]]
    return " and ".join(shown) + (" among others" if len(movies) > 2 else "")


def with_roles(request: Request, catalog, said_by: list[str] | tuple[str, ...] = ()) -> Request:
    """The request's roles, kept for a name credited here in that role, and one chosen for a name
    said alone that two people seem to share, with a caveat naming both. A name after a bare "by"
    (`said_by`: "movies by Tom Hanks") is asked as director when directing is what it mostly does
    here, or when its directing and acting never meet (two people), else in any role, said so."""
    asked = list(dict.fromkeys([*(request.get("people") or []), *(request.get("any_people") or [])]))
    said = {"directing": list(request.get("directing") or []), "acting": request.get("acting") or []}
    caveats = list(request.get("caveats") or [])
    for name in said_by:
        if name not in asked or name in said["directing"] or name in said["acting"]:
            continue
        directed, acted = _credits(name, catalog)
        if directed and (len(directed) >= len(acted) or not directed & acted):
            said["directing"].append(name)
        elif directed:  # "movies by Tom Hanks": his films, and the few he directed are one request away
            films = "film" if len(directed) == 1 else f"{len(directed)} films"
            caveats.append(f"{name} mostly acts in my catalog's films, so these are films of theirs in any role "
                           f'(say "directed by {name}" for the {films} directed by {name}).')  # fmt: skip
    if not asked and not any(said.values()):
        return request
    roles: dict[str, list[str]] = {"directing": [], "acting": []}
    for name in asked:
        directed, acted = _credits(name, catalog)
        if name in said["directing"] and directed:  # not when the name directed nothing here
            roles["directing"].append(name)
        elif name in said["acting"] and acted:  # "films with Christopher Nolan": his, as he acts in none
            roles["acting"].append(name)
        elif name not in said["directing"] and name not in said["acting"] and directed and acted \
                and not directed & acted:  # fmt: skip
            role = "directing" if len(directed) >= len(acted) else "acting"
            roles[role].append(name)
            kept = f"the films {name} directed" if role == "directing" else f"the films starring {name}"
            other = f"starring {name}" if role == "directing" else f"directed by {name}"
            caveats.append(
                f"{name} is credited here as the director of {_titles(directed, catalog)} and in the cast of "
                f"{_titles(acted, catalog)}, likely two people of that name: these are {kept} "
                f'(say "{other}" for the others).'
            )
    return {**request, **roles, "caveats": caveats}


def people_described(request: Mapping, catalog=None) -> str:
    """ "with Tom Hanks", "directed by Steve McQueen", "with Meg Ryan or Tom Hanks": who the answer
    was asked to credit, in the role asked. A person asked in no role whom the catalog credits only as
    a director ("Coppola films", "Kubrick") is "directed by": "with Francis Ford Coppola" said he was
    in the cast of films he only directed."""
    directing = set(request.get("directing") or [])
    acting = set(request.get("acting") or [])

    def directs(name: str) -> bool:
        if name in directing:
            return True
        if name in acting or catalog is None:
            return False
        directed, acted = _credits(name, catalog)
        return bool(directed) and not acted

    people = request.get("people") or []
    by = [p for p in people if directs(p)]
    with_ = [p for p in people if p not in by]
    either = request.get("any_people") or []
    either_by = bool(either) and all(directs(p) for p in either)  # "directed by Joel Coen or Ethan Coen"
    if either and not either_by:
        with_.append(prose_list(either, "or"))
    parts = (["with " + " and ".join(with_)] if with_ else []) + (["directed by " + " and ".join(by)] if by else [])
    if either_by:
        parts.append(("directed by " if not by else "by ") + prose_list(either, "or"))
    return " and ".join(parts)
