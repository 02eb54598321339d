"""Surnames people say alone ("something by Kubrick"), resolved to the one prominent person
who carries them in this catalog, or to nobody when several could be meant."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from store.movie import Movie, ascii_fold

PARTICLES = frozenset(["de", "del", "della", "der", "di", "da", "du", "la", "le", "van", "von", "ter", "ten", "st"])
_LOWERCASE_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*")


class Carrier(NamedTuple):
    """One person credited here who carries a surname, with what the catalog credits them for."""

    name: str
    films: int
    votes: int
    directed: int  # films crediting them as director
    acted: int  # films crediting them in the cast

    def credited(self, role: str) -> int:
        """The films crediting them in `role`, "directing" or "acting"."""
        return self.directed if role == "directing" else self.acted


class Surname(NamedTuple):
    name: str  # the person as credited ("Stanley Kubrick")
    common_word: bool  # the surname is also an ordinary word in the catalog's own prose ("stone", "hill")
    # whom the word said alone may mean, the most credited first: that person, the others carrying the
    # surname on SHARED_MIN_FILMS films or more ("mann": Michael Mann too, whom "by Mann" means) and those
    # whose first name it is ("owen": Owen Wilson beside Clive Owen); empty when no one else
    carriers: tuple[Carrier, ...] = ()


def surname_keys(name: str) -> list[str]:
    """How a person may be called by surname: the last word, and with its particle ("de niro"),
    also typed as one word ("depalma", as "DiCaprio" is credited)."""
    words = ascii_fold(name).casefold().replace(".", " ").split()
    if len(words) < 2:
        return []
    keys = [words[-1]]
    if len(words) >= 3 and words[-2] in PARTICLES:
        keys += [f"{words[-2]} {words[-1]}", f"{words[-2]}{words[-1]}"]
    return [key for key in keys if len(key) >= 3]


class SharedSurname(NamedTuple):
    names: tuple[str, ...]  # the first SHARED_NAMED of the carriers, the ones a reply names
    common_word: bool
    carriers: tuple[Carrier, ...] = ()  # whom it may mean, as Surname.carriers


SHARED_MIN_FILMS = 3  # a person credited on fewer is no one a surname alone would mean
SHARED_NAMED = 3  # how many of them a reply lists


def surname_index(movies: Iterable[Movie]) -> dict[str, Surname]:
    """Surname -> the person it means, when one person carrying it is clearly the prominent one:
    credited on at least two films, and on twice the films and twice the votes of the next."""
    return surname_indexes(movies)[0]


def surname_indexes(movies: Iterable[Movie]) -> tuple[dict[str, Surname], dict[str, SharedSurname]]:
    """surname_index, and beside it the surnames no one person is meant by but several could be
    ("Washington": Denzel, Kerry or Isaiah), each credited on SHARED_MIN_FILMS films or more."""
    films: dict[str, int] = defaultdict(int)
    votes: dict[str, int] = defaultdict(int)
    directed: dict[str, int] = defaultdict(int)
    acted: dict[str, int] = defaultdict(int)
    prose: set[str] = set()
    for movie in movies:
        for name in dict.fromkeys((*movie.directors, *movie.cast)):
            films[name] += 1
            votes[name] += movie.votes or 0
            directed[name] += name in movie.directors
            acted[name] += name in movie.cast
        prose.update(_LOWERCASE_WORD.findall(movie.overview or ""))  # keywords are lower-cased names too
    carriers: dict[str, list[str]] = defaultdict(list)
    first_named: dict[str, list[str]] = defaultdict(list)  # "owen": Owen Wilson, whom "with Owen" may mean
    for name in films:
        for key in surname_keys(name):
            carriers[key].append(name)
        words = ascii_fold(name).casefold().split()
        if len(words) >= 2 and films[name] >= SHARED_MIN_FILMS:
            first_named[words[0]].append(name)
    index: dict[str, Surname] = {}
    shared: dict[str, SharedSurname] = {}

    def carrier(name: str) -> Carrier:
        return Carrier(name, films[name], votes[name], directed[name], acted[name])

    for key, names in carriers.items():
        ranked = sorted(names, key=lambda n: (films[n], votes[n]), reverse=True)
        top = ranked[0]
        if films[top] < 2:
            continue
        known = [carrier(n) for n in ranked if films[n] >= SHARED_MIN_FILMS]
        # whom the word said alone may mean: those whose surname it is, and those whose first name it is
        meant = {carrier(n) for n in (top, *first_named.get(key, ()))}.union(known)
        meant = tuple(sorted(meant, key=lambda c: (-c.films, -c.votes, c.name)))
        if len(ranked) > 1 and not dominates(carrier(top), carrier(ranked[1])):
            if len(known) > 1:
                shared[key] = SharedSurname(tuple(c.name for c in known[:SHARED_NAMED]), key in prose, meant)
            continue
        index[key] = Surname(top, key in prose, meant if len(meant) > 1 else ())
    return index, shared


def dominates(top: Carrier, runner: Carrier, role: str | None = None) -> bool:
    """Whether a surname both carry clearly means `top`: twice the films (in `role`, when one is
    asked) and twice the votes of the runner-up."""
    films = (top.credited(role), runner.credited(role)) if role else (top.films, runner.films)
    return films[0] >= 2 * films[1] and top.votes >= 2 * runner.votes
