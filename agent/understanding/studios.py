"""Studios asked for or refused ("a pixar movie", "anything but disney"), on a catalog that records
them (TMDB 5000's production companies) or not (the starter catalog, catalogs built before studios
were kept): there the kind of film a studio makes stands in, and the answer says so."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from agent.prose import prose_list
from agent.understanding.request import CatalogLookup, Understood
from store.movie import Movie
from store.studios import credited_as

CANNOT = "My catalog doesn't record which studio made a film, so "
# how a catalog built without them gets them: TMDB 5000's production companies
REINGEST = "ingest TMDB 5000 again (moviebot ingest --format tmdb-5000 --enrich PATH) to record them"

# the studio as the phrases name it -> (what stands in for its films, their genres and languages)
STAND_INS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "Pixar": ("animated family films", ("animation", "family"), ()),
    "Walt Disney Animation": ("animated family films", ("animation", "family"), ()),
    "Disney": ("family films", ("family",), ()),
    "DreamWorks": ("animated films", ("animation",), ()),
    "DreamWorks Animation": ("animated films", ("animation",), ()),
    "Illumination": ("animated films", ("animation",), ()),
    "Laika": ("animated films", ("animation",), ()),
    "Aardman": ("animated films", ("animation",), ()),
    "Blumhouse": ("horror films", ("horror",), ()),
    "Hammer": ("horror films", ("horror",), ()),
    "Studio Ghibli": ("Japanese animated films", ("animation",), ("ja",)),
}


def owner(name: str) -> str:
    """ "Pixar's", "Warner Bros'", "DreamWorks'"."""
    bare = name.rstrip(".")
    return f"{bare}'" if bare.endswith("s") else f"{name}'s"


def without_studio_data(out: Understood, lookup: CatalogLookup) -> None:
    """On a catalog that records no studio, a studio asked for becomes the kind of film it makes (or
    nothing) and one refused refuses nothing it could check, each said in a caveat."""
    if lookup.records_studios or not (out.studios or out.exclude_studios):
        return
    for name in out.studios:
        instead, genres, languages = STAND_INS.get(name, ("", (), ()))
        out.genres.extend(g for g in genres if g not in out.genres)
        out.languages.extend(code for code in languages if code not in out.languages)
        went_by = f"these are {instead}, not necessarily {owner(name)}" if instead else f"I couldn't go by {name}"
        out.caveats.append(f"{CANNOT}{went_by.removesuffix('.')}.")
    for name in out.exclude_studios:
        if name == "Studio Ghibli":  # its directors and tag are refused instead, as before studios were kept
            continue
        out.caveats.append(f"{CANNOT}I couldn't leave out {owner(name)} films.")
    out.studios, out.exclude_studios = [], []


def leaned_kinds(studios: Sequence[str]) -> list[str]:
    """The genres a studio said as a taste leans to ("We love Disney!", or "Disney" three messages
    back in a chat handed in whole): family for Disney, animation for Pixar; a chat drifts, and a
    film whose studio the catalog lacks (Coco, on TMDB 5000 + MovieLens) is not ruled out by it."""
    return list(dict.fromkeys(g for name in studios for g in STAND_INS.get(name, ("", (), ()))[1]))


def made_by_said(movie: Movie, studios: Sequence[str]) -> str:
    """ "made by Pixar": the studios asked for that the film's recorded companies include."""
    made = [said for name in studios if (said := credited_as(movie.studios, name))]
    return f"made by {' and '.join(made)}" if made else ""


def unrecorded_refused(shown: Sequence[Movie], request: Mapping) -> str:
    """A refused studio leaves out only the films known to be its own: the picks whose studio is not
    recorded are said to be so ("no pixar" on a catalog where MovieLens films have none)."""
    refused = request.get("exclude_studios") or []
    unknown = [movie for movie in shown if not movie.studios]
    if not refused or not unknown:
        return ""
    whose = prose_list([owner(name) for name in refused], "or")
    if len(unknown) == len(shown):
        which = "these" if len(shown) > 1 else "this one"
    else:
        which = ", ".join(movie.title for movie in unknown)
    return f"(My catalog doesn't record who made {which}, so I can't be sure {_it(unknown)} not {whose}.)"


def _it(unknown: Sequence[Movie]) -> str:
    return "it is" if len(unknown) == 1 else "they are"
