"""TV series people name as if they were films ("something like Breaking Bad", "recommend
Friends"): the catalog holds films only, so such a name is said to be a series, never searched
for as words ("breaking" found The Twilight Saga: Breaking Dawn)."""

from __future__ import annotations

import re

from agent.understanding.meaning import extend_unique
from agent.understanding.request import CatalogLookup, Understood
from agent.understanding.text import Scan

# well-known series, as they are written; those marked * are everyday words too ("with friends",
# "a dark film"), read as the series only when written in Title Case or right after "like"
_SERIES = """Breaking Bad|Better Call Saul|Game of Thrones|The Sopranos|The Wire|Stranger Things|Seinfeld
|The Simpsons|Mad Men|Sherlock|Westworld|The Crown|Fleabag|Succession*|True Detective|Twin Peaks|Dexter
|House of Cards|Black Mirror|The Mandalorian|Squid Game|Chernobyl|Band of Brothers|Peaky Blinders|Narcos|Ozark
|The Walking Dead|Doctor Who|Buffy the Vampire Slayer|How I Met Your Mother|Parks and Recreation
|Brooklyn Nine-Nine|Arrested Development|Community*|Modern Family|The Big Bang Theory|Grey's Anatomy
|Mindhunter|The Witcher|The Boys*|Ted Lasso|The Bear*|Severance*|Euphoria*|Yellowstone|Friends*|Lost*
|The Office|Bridgerton|Downton Abbey|The Last of Us|House of the Dragon|The Handmaid's Tale|Money Heist|Dark*
|Lupin|The X-Files|Battlestar Galactica|Firefly|Fargo (TV)|Mr. Robot|Killing Eve|Big Little Lies
|The Leftovers|Atlanta|Barry|Veep|Curb Your Enthusiasm|It's Always Sunny in Philadelphia|The Expanse
|Boardwalk Empire|Rick and Morty|BoJack Horseman|Avatar: The Last Airbender|Attack on Titan|Cobra Kai
|Shameless*|Suits|Homeland|24|Prison Break|Gilmore Girls|Gossip Girl|Sex and the City|The Good Place
|Schitt's Creek|Wednesday|Stranger Things|The Umbrella Academy|Vikings|Sons of Anarchy|Hannibal (TV)"""
SERIES: dict[str, tuple[str, bool]] = {}  # folded name -> (name as written, an everyday word too)
for _entry in _SERIES.replace("\n", "").split("|"):
    if "(TV)" in _entry:  # a film of that name exists: only "the series" would say which
        continue
    _name = _entry.rstrip("*")
    if _name.isdigit():
        continue
    SERIES[_name.casefold()] = (_name, _entry.endswith("*"))
_PATTERN = re.compile(
    r"(?<![\w'])(" + "|".join(re.escape(k) for k in sorted(SERIES, key=len, reverse=True)) + r")(?![\w'])"
)
# a series is read only where a title would be: after "like", "recommend", "loved"..., and standing
# alone ("something like Barry Lyndon" is the film, "a film with dexter fletcher" the actor)
_CUE = re.compile(
    r"(?:^\s*|\b(?:like|than|as|similar to|recommend|suggest|watched|watching|seen|saw|loved|love|liked|enjoyed|"
    r"binged|finished)\s+)(?:the\s+)?$"
)
_NAME_ENDS = re.compile(r"\s*(?:$|[,.!?;:)]|(?:but|and|or|please|though|again|anymore|too)\b)")


def is_series(name: str) -> bool:
    return name.casefold().removeprefix("the ") in SERIES or name.casefold() in SERIES


def read_series(scan: Scan, lookup: CatalogLookup, out: Understood) -> None:
    """A series named where no catalog film has that title is unknown to the catalog, and its
    words are no search ("recommend breaking bad")."""
    for m in list(_PATTERN.finditer(scan.text)):
        name, everyday = SERIES[m.group(1)]
        typed = scan.original[m.start() : m.end()]
        if not _NAME_ENDS.match(scan.text, m.end()) or not _CUE.search(scan.text[: m.start()]):
            continue
        if everyday and scan.has_case and not typed[:1].isupper():
            continue  # "something like friends" typed in lower case beside capitals is the word
        found = lookup.resolve_title(name)
        if found is not None and found.title.casefold() == name.casefold():
            continue  # a film of that title ("Fargo")
        extend_unique(out.unknown_titles, [name])
        scan.take(m.start(), m.end(), aside=True)
