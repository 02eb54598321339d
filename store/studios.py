"""Which production companies a studio's name covers: "Pixar" is Pixar Animation Studios, "Disney"
is Walt Disney Pictures and Walt Disney Animation Studios, never a company that merely holds the
letters. A name matches a company when the company's words contain the name's words in a row."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from store.movie import ascii_fold

# The studio as said -> the word runs its companies are credited under, where the name alone misses
# some (TMDB 5000 credits "DisneyToon Studios", "Lions Gate Films" and "Hammer Film Productions").
ALSO_CREDITED = {
    "disney": ("disney", "disneytoon", "pixar"),  # "a Disney movie" for a 7-year-old: Up and Coco are
    # its name until 2007: TMDB credits The Lion King, Mulan and Tarzan to "Walt Disney Feature Animation"
    "walt disney animation": ("walt disney animation", "walt disney feature animation"),
    "lionsgate": ("lionsgate", "lions gate"),
    "hammer": ("hammer film", "hammer films"),
    "warner bros": ("warner bros", "warner brothers", "warner animation", "warner independent"),
    "studiocanal": ("studiocanal", "studio canal"),
    "searchlight": ("searchlight",),
    "illumination": ("illumination entertainment", "illumination pictures"),
    "new line": ("new line cinema", "new line productions"),
    "focus features": ("focus features",),
}


def words(name: str) -> tuple[str, ...]:
    """ "Walt Disney Pictures" -> ("walt", "disney", "pictures"); "Warner Bros." -> ("warner", "bros")."""
    return tuple(re.findall(r"[a-z0-9]+", ascii_fold(name.casefold()).replace("+", " plus ")))


@lru_cache(maxsize=512)
def _runs(studio: str) -> tuple[tuple[str, ...], ...]:
    said = " ".join(words(studio))
    return tuple(words(run) for run in ALSO_CREDITED.get(said, (said,)))


def _holds(company: tuple[str, ...], run: tuple[str, ...]) -> bool:
    return bool(run) and any(company[i : i + len(run)] == run for i in range(len(company) - len(run) + 1))


# A studio said whose films come through another's credit: Pixar is Disney's (since 2006, and Disney
# released all its films), so TMDB credits "Pixar Animation Studios" alone on Up and Coco
THROUGH = {("disney", "pixar"): "Pixar, part of Disney"}


def credited_as(companies: Iterable[str], studio: str) -> str:
    """How the film is the studio's, as said in a reason: "Disney", or "Pixar, part of Disney" for
    Up; "" when it is not."""
    said = " ".join(words(studio))
    held = [run for run in _runs(studio) if any(_holds(words(company), run) for company in companies)]
    if not held:
        return ""
    direct = [run for run in held if (said, " ".join(run)) not in THROUGH]
    return studio if direct else THROUGH[(said, " ".join(held[0]))]


def made_by(companies: Iterable[str], studio: str) -> bool:
    """Whether any of a film's production companies is the studio's ("Pixar Animation Studios" is
    Pixar's; "Hammerhead Productions" is not Hammer's)."""
    runs = _runs(studio)
    return any(_holds(words(company), run) for company in companies for run in runs)
