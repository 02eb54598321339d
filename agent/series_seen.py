"""A whole series said seen: "I've seen all the Harry Potter movies" noted nothing and recommended at
random, and "I've seen all the Star Wars films" marked Star Wars (1977) alone. The words are read as
every film of the series the catalog has, in release order, and written in the message as their
titles and years, so the films are marked and said back one by one (as series_places does for "the
first two rocky movies")."""

from __future__ import annotations

import re

from agent.prose import prose_list
from agent.sequels import series_films, series_meant
from agent.understanding.like_series import series_first
from agent.understanding.reader import understand
from agent.understanding.sequels import names_a_person
from agent.understanding.titles import explained
from agent.understanding.versions import same_title
from store.catalog import Catalog

# "seen all the harry potter movies", "watched every star wars film", "I've seen each of the alien films"
_WHOLE = re.compile(
    r"\b(?P<verb>seen|watched|saw)\s+(?:all|every(?:\s+single)?|each)\s+(?:one\s+)?(?:of\s+)?(?:the\s+)?"
    r"(?P<words>[a-z0-9][\w'&-]*(?:\s+[a-z0-9][\w'&-]*){0,4}?)\s+(?:movies?|films?|flicks?|series|franchise|saga)\b",
    re.IGNORECASE,
)

# "I haven't seen all the star wars films" (some of them, maybe), "have you seen all the alien films?",
# "she has seen every harry potter movie": no viewing of the user's that takes in every film
_NOT_ONES_OWN = re.compile(
    r"(?:n't|\bnot|\bnever|\byou|\bu|\bhe|\bshe|\bthey|\bhas)\s+(?:(?:ever|yet|even|really|actually|already)\s+)?$"
)


def whole_series_as_titles(message: str, catalog: Catalog) -> str:
    """The message with "seen all the harry potter movies" written "seen Harry Potter and the
    Philosopher's Stone (2001), ... and ...", where the words name a series of the catalog; as it was
    otherwise ("seen all the horror films", "every nolan film": no series)."""

    def titles(m: re.Match[str]) -> str:
        if _NOT_ONES_OWN.search(message[: m.start()].casefold()):
            return m[0]
        films = _series_named(m["words"].casefold(), catalog)
        if not films:
            return m[0]
        return f"{m['verb']} {prose_list([f.label for f in films])}"

    return _WHOLE.sub(titles, message)


def _series_named(words: str, catalog: Catalog) -> list:
    """The films of the series these words name, oldest first; none for a genre or a person, nor for a
    lone film: "horror" titles #Horror (2015) alone, and "seen all the horror films" means the genre."""
    films = _titled_series(words, catalog)
    return films if len(films) >= 2 else []


def _titled_series(words: str, catalog: Catalog) -> list:
    """The films of the series whose first (or a) title these words are, a lone film's being itself."""
    match = catalog.resolve_title(words)
    titled = match is not None and same_title(words, match.title)
    if (explained(words.split()) and not titled) or names_a_person(words, catalog):
        return []
    first = catalog.movies[match.movie_id] if titled else series_first(words, catalog)
    return series_films(series_meant(first.id, catalog)[0], catalog) if first is not None else []


# the whole message is the statement: "I've seen every Pixar movie", "already watched all the horror films"
_SAID_ALONE = re.compile(
    r"^\W*(?:(?:i've|ive|i\s+have|we've|we\s+have|already|basically|literally|pretty\s+much|honestly|well|so|ok"
    r"|okay|think|i)[\s,]+)*(?P<said>.+?)(?:\s+(?:already|too|now|lol|honestly|by\s+now))*[\s.!]*$",
    re.IGNORECASE,
)


def whole_kind_unmarked(message: str, catalog: Catalog) -> str | None:
    """What to say to "I've seen every Pixar movie" said alone: a studio, a genre or a person is no
    series, and the bot marks only films it can name, so it says so rather than recommending Pixar films
    as if they were asked for. None when the message says more, or names a series."""
    alone = _SAID_ALONE.match(message)
    whole = _WHOLE.fullmatch(alone["said"]) if alone else None
    if whole is None or _series_named(whole["words"].casefold(), catalog):
        return None
    read = understand(f"{whole['words']} films", catalog)  # "pixar films": the studio, as a request reads it
    kind = "a studio" if read.studios else "a genre" if read.genres else "a person" if read.people else ""
    named = whole["words"].strip()
    what = f"{named} is {kind}, not a series my catalog records" if kind else f"my catalog records no {named} series"
    return (f"I can't mark every {named} film as seen at once: {what}, so I haven't noted anything. Name the "
            "films you've seen and I'll mark those.")  # fmt: skip
