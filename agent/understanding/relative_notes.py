"""What "older", "newer", "shorter" and "longer" were read against, said when the user cannot see it.

"something older" as a first message had nothing to be older than, and got popular recent films with
no word of it; "something like Heat but shorter" read "up to 100 min" where the catalog has no length
for Heat, and where it has one said "up to 169 min" with nothing to tell the user where 169 came
from. A relative word with nothing to go by is said to be unused ("older"/"newer") or read as a
plain bound said in so many words ("shorter": up to 100 min); one read against a film named is said
against that film's length ("shorter than Heat's 170 min"). After picks, "older" and "shorter" go by
those picks, which the user has just seen, and need no note.
"""

from __future__ import annotations

from store.movie import Movie

PLAIN_SHORT = 100  # "shorter" with nothing to be shorter than: up to this many minutes
PLAIN_LONG = 140  # "longer" with nothing to be longer than: at least this many minutes


def nothing_to_compare(modifier: str) -> str:
    """ "something older" first: the word went unused, and the answer says so."""
    if modifier in _REFUSED_WORDS:  # "nothing older than the second one" with no picks shown
        said = _REFUSED_WORDS[modifier]
        return f"I had nothing to compare “{said}” with, so I didn't go by it (try “{said} than Heat”)."
    return f"I had nothing to compare “{modifier}” with, so I didn't go by it (try “like Heat but {modifier}”)."


_REFUSED_WORDS = {"no_older": "nothing older", "no_newer": "nothing newer"}


def plain_length(modifier: str, references: list[Movie]) -> str:
    """ "shorter" with no picks to go by, or against a film of unknown length: the bound taken."""
    bound = f"up to {PLAIN_SHORT}" if modifier == "shorter" else f"at least {PLAIN_LONG}"
    unknown = [m.label for m in references if not m.runtime]
    if unknown:
        return f"I don't know how long {unknown[0]} is, so I took “{modifier}” as {bound} min."
    return f"I had nothing to compare “{modifier}” with, so I took it as {bound} min."


def against_film(modifier: str, references: list[Movie]) -> str:
    """ "like Heat but shorter": the bound, in the film's own length ("shorter than Heat's 170 min")."""
    timed = [m for m in references if m.runtime]
    film = min(timed, key=lambda m: m.runtime) if modifier == "shorter" else max(timed, key=lambda m: m.runtime)
    return f"“{modifier.capitalize()}” means {modifier} than {film.title}'s {film.runtime} min."
