"""What a model's sentence about a film may say: only what the catalog vouches for.

A model writes freely, so its sentences are read for every kind of checkable claim wherever it
stands, not only in the phrasings a template would use: any year, length, rating, nationality,
genre word or person's name. A sentence that claims what the film's fields contradict, or what
the catalog never records (awards, money, music, colour), goes; the template's reasons stand in.
Dropping a true sentence costs some polish; keeping a false one costs the user's trust.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from store.movie import Movie
from store.surnames import Surname
from store.vocab import COUNTRIES, LANGUAGES


@dataclass(frozen=True)
class Grounding:
    """What a model's sentence about a film is held to beyond the film's fields: the people the
    catalog knows (a name it credits elsewhere is someone else's film) and the films the user rated."""

    people: Mapping[str, str] = field(default_factory=dict)  # casefolded full name -> name
    surnames: Mapping[str, Surname] = field(default_factory=dict)
    rated_titles: frozenset[str] = frozenset()  # casefolded titles of the films the user rated


# what a model may not say of a film, as the catalog records none of it: awards, money, ratings
# boards, music, colour, where and how it was shot
_UNRECORDED = re.compile(
    r"\b(?:oscars?|academy awards?|golden globes?|baftas?|palme d'?or|emmys?|nominat\w*|award[- ]winning"
    r"|won (?:\w+ )?awards?|grossed|box[- ]office|budget|million|billion|rated (?:pg|r|g|nc)\b|pg-13"
    r"|music by|score by|scored by|composers?|composed by|soundtrack|black[- ]and[- ]white|silent (?:film|movie|era)"
    r"|in colou?r|technicolou?r|shot (?:in|on)|filmed (?:in|on)|cinematograph\w*|critics?|critically|rotten tomatoes"
    r"|metacritic|(?:'s|the|its|his|her|musical|original) score)\b|\$\s?\d|\d\s*%",
    re.IGNORECASE,
)
# a claim about the user's own history: true only of films they rated
_ABOUT_THE_USER = re.compile(
    r"\byou(?:'ve| have)?\s+(?:already\s+|really\s+|always\s+)?(?:rated|told me|said|mentioned|loved|liked|enjoyed"
    r"|watched|seen|love|like|enjoy|adore|adored|gave)\b|\byour (?:favou?rites?|taste|history|ratings)\b",
    re.IGNORECASE,
)
_FOR_KIDS = re.compile(
    r"\bfamily[- ]friendly|\bkid[- ]friendly|\bfor (?:the )?(?:kids|children|all ages)\b"
    r"|\bsuitable for (?:kids|children)|\bno violence\b|\bnon-?violent\b",
    re.IGNORECASE,
)
_ERA = re.compile(r"\b(?:(early|mid|late)[- ])?(?:(1[89]|20)(\d)0s|'(\d)0s|(\d)0s)\b", re.IGNORECASE)
_DECADE_WORDS = {"twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
                 "seventies": 1970, "eighties": 1980, "nineties": 1990}  # fmt: skip
_ERA_WORDS = re.compile(  # not an age: "a man in his forties", "in her mid-thirties"
    rf"(?<!his )(?<!her )(?<!their )(?<!my )(?<!your )\b(?:(early|mid|late)[- ])?({'|'.join(_DECADE_WORDS)})\b",
    re.IGNORECASE,
)
_PART_OF_DECADE = {"early": (0, 4), "mid": (3, 7), "late": (6, 9)}
_YEAR = re.compile(r"(?<![\w$])(1[89]\d\d|20[0-4]\d)(?![\ws'])|\b(?:in|from|of|since) '(\d\d)(?![\ws])")
_CAPITALISED = re.compile(r"(?<![\w'])([A-Z][a-zA-Z]+)(?:'s)?\b")
_AFTER_A_CUE = re.compile(r"\b(?:by|with|starring|featuring)\s+([a-z][a-z'-]+)")
_WORD = re.compile(r"[\w'’.-]+")
# a rating said as a score: "rated 9.7/10", "8 out of 10", "an IMDb rating of 7.9"
_SCORE = re.compile(
    r"\b(\d{1,3}(?:\.\d+)?)\s*(?:/|out of)\s*(10|5|100)\b"
    r"|\b(?:rat(?:ed|ing of|ing)|scores?|scored|holds?(?: an?)?|earns?(?: an?)?)\s+(?:an?\s+)?(\d(?:\.\d)?)(?![\d.])"
    r"(?!\s*(?:/|out|stars?))|\b(\d(?:\.\d)?)\s+on\s+(?:imdb|letterboxd|tmdb)\b",
    re.IGNORECASE,
)
# genre words that mean a genre wherever they stand (the ones that are everyday nouns too are read
# only in "a ... film" phrasings, by factcheck)
_GENRE_ANYWHERE = {
    "horror": "horror", "thriller": "thriller", "thrillers": "thriller", "western": "western", "musical": "musical",
    "documentary": "documentary", "comedy": "comedy", "animated": "animation", "animation": "animation",
    "anime": "animation", "cartoon": "animation", "sci-fi": "sci-fi", "science fiction": "sci-fi",
    "noir": "film-noir", "romcom": "romance", "rom-com": "romance",
}  # fmt: skip
_GENRE_WORD = re.compile(  # "animated" of the film, not of "animated performances"
    rf"(?<![\w-])({'|'.join(map(re.escape, _GENRE_ANYWHERE))})(?![\w-])(?<!animated(?= [a-z]+s\b))",
    re.IGNORECASE,
)
_NATIONALITIES = {name for name in LANGUAGES.values()} | {adjective for _, adjective in COUNTRIES.values()}
_NATION_NAMES = "|".join(sorted(map(re.escape, _NATIONALITIES), key=len, reverse=True))
_NATIONALITY = re.compile(rf"\b({_NATION_NAMES})\b|\b(?i:({_NATION_NAMES}))-language\b")  # "a spanish-language horror"


def model_sentence_errors(sentence: str, movie: Movie, grounding: Grounding) -> list[str]:
    """What a model's sentence says that the catalog can't vouch for: people the film doesn't
    credit, a year, era, length, rating, nationality or genre it hasn't, what the catalog never
    records, the user's history."""
    own = _own_text(movie)
    errors = _people_errors(sentence, movie, grounding, own)
    if _UNRECORDED.search(sentence):
        errors.append("unrecorded")
    said = sentence.casefold()
    if _ABOUT_THE_USER.search(sentence) and not any(
        re.search(rf"(?<!\w){re.escape(t)}(?!\w)", said) for t in grounding.rated_titles
    ):  # "It" is in no "fits"
        errors.append("the user's history")
    if _FOR_KIDS.search(sentence) and not {"family", "animation"} & set(movie.genres):
        errors.append("for kids")
    errors += [f"length {said}" for said, fits in lengths_said(sentence, movie.runtime) if not fits]
    errors += [f"era {era}" for era in _eras_not_of(sentence, movie.year)]
    for m in _YEAR.finditer(sentence):  # "This 1987 film", "in '75": any year is the film's, or its story's
        year = m.group(1) or f"{19 if int(m.group(2)) > 30 else 20}{m.group(2)}"
        named = _in_a_title(sentence, m.start(), m.end(), grounding)
        if int(year) != movie.year and year not in own and not (m.group(1) and named):
            errors.append(f"year {year}")
    for m in _SCORE.finditer(sentence):
        score = float(m.group(1) or m.group(3) or m.group(4))
        scale = float(m.group(2) or 10)
        if movie.rating is None or abs(score * 10 / scale - movie.rating) > 0.15:
            errors.append(f"rating {m.group()}")
    for said in _NATIONALITY.findall(sentence):  # "A Korean crime film" of an American one
        word = (said[0] or said[1]).capitalize() if not said[0] else said[0]
        if word not in _nationalities_of(movie) and word.casefold() not in own:
            errors.append(f"nationality {word}")
    for word in _GENRE_WORD.findall(sentence):  # "Pure horror", "and it's animated"
        if _GENRE_ANYWHERE[word.lower()] not in movie.genres and word.casefold() not in own:
            errors.append(f"genre {word}")
    return errors


def _in_a_title(sentence: str, start: int, end: int, grounding: Grounding) -> bool:
    """ "Blade Runner 2049", "Mendes's 1917", "2001: A Space Odyssey": a number inside a run of capitals,
    which the title gate (agent.untrusted) holds to the catalog, not a year said of this film; a
    person's name before it is no title ("a Kubrick 1975 classic")."""
    before = re.search(r"(\S+)\s+$", sentence[:start])
    word = before.group(1).removesuffix("'s").removesuffix("’s") if before else ""
    capital_before = before is not None and word[:1].isupper() and start > before.start() > 0
    if capital_before and before.group(1) == word and word.casefold() in grounding.surnames:
        return False
    return capital_before or sentence[end : end + 1] == ":"


def _own_text(movie: Movie) -> str:
    """The film's own words, casefolded: its titles, story and tags may name years, places and people."""
    return " ".join([*movie.titles, movie.overview or "", *movie.keywords]).casefold()


def _nationalities_of(movie: Movie) -> set[str]:
    names = {LANGUAGES.get(movie.language or "", "")}
    if movie.country:
        names |= set(COUNTRIES.get(movie.country, ()))
    return names - {""}


def _people_errors(sentence: str, movie: Movie, grounding: Grounding, own: str) -> list[str]:
    """Everyone the sentence names, in any case and inside any run of capitals ("Features Leonardo
    DiCaprio", "starring tom hanks"), is credited on the film or part of its story."""
    errors = []
    credited = {*movie.directors, *movie.cast}
    own_words = {w.casefold() for name in credited for w in name.replace(".", " ").split()}
    own_words |= set(re.findall(r"[\w']+", own))
    words = [w[:-1] if w.endswith(".") and len(w) > 2 else w for w in _WORD.findall(sentence)]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words]
    named: set[int] = set()
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            if named & set(range(start, start + size)):
                continue
            key = " ".join(words[start : start + size]).casefold()
            person = grounding.people.get(key)
            if person is None:
                continue
            named.update(range(start, start + size))
            if person not in credited and key not in own:
                errors.append(f"person {person}")
    typed = [*_CAPITALISED.findall(sentence), *_AFTER_A_CUE.findall(sentence)]  # "a film by spielberg" too
    for word in typed:
        surname = grounding.surnames.get(word.casefold())
        if surname is not None and not surname.common_word and word.casefold() not in own_words:
            errors.append(f"person {surname.name}")
    return errors


def _eras_not_of(sentence: str, year: int | None) -> list[str]:
    """ "the early 1980s", "a late-80s gem", "a sixties comedy": the eras said that the film's year is outside."""
    wrong = []
    for m in _ERA.finditer(sentence):
        if m.group(2):
            start = int(f"{m.group(2)}{m.group(3)}0")
        else:
            digit = int(m.group(4) or m.group(5))
            start = (1900 if digit >= 2 else 2000) + digit * 10
        low, high = _PART_OF_DECADE.get((m.group(1) or "").lower(), (0, 9))
        if year is None or not start + low <= year <= start + high:
            wrong.append(m.group())
    for m in _ERA_WORDS.finditer(sentence):
        start = _DECADE_WORDS[m.group(2).lower()]
        low, high = _PART_OF_DECADE.get((m.group(1) or "").lower(), (0, 9))
        if year is None or not start + low <= year <= start + high:
            wrong.append(m.group())
    return wrong


_HOURS_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_QUALIFIER = r"(?:(just over|well over|over|more than|longer than|just under|under|less than|shy of|nearly|almost|about|around|roughly|barely)\s+)?"  # noqa: E501
_HOURS_SAID = re.compile(
    rf"\b{_QUALIFIER}(?:just\s+)?(?<!half )(an?|one|two|three|four|\d(?:\.\d+)?)(?:[- ]and[- ]a[- ](half))?[- ]hours?"
    r"(?:[- ]and[- ]a[- ](half))?(?:,?\s+(?:and\s+)?(\d{1,2})\s+min\w*)?\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(rf"\b{_QUALIFIER}(\d)\s*h(?:rs?)?\s*(\d{{1,2}})?\s*(?:m|min|mins|minutes)?\b", re.IGNORECASE)


def lengths_said(sentence: str, runtime: int | None) -> list[tuple[str, bool]]:
    """Each length the sentence gives ("just over an hour", "1h35", "under two and a half hours"), and
    whether the film's runtime fits it: over and under as said, a length alone within a quarter hour."""
    found = []
    for m in _HOURS_SAID.finditer(sentence):
        word = m.group(2).lower()
        hours = _HOURS_NUMBER.get(word) or float(word)
        minutes = hours * 60 + (30 if m.group(3) or m.group(4) else 0) + int(m.group(5) or 0)
        found.append((m.group(), _fits(runtime, minutes, (m.group(1) or "").lower(), tolerance=15)))
    for m in _CLOCK.finditer(sentence):
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        found.append((m.group(), _fits(runtime, minutes, (m.group(1) or "").lower(), tolerance=3)))
    return found


def _fits(runtime: int | None, minutes: float, qualifier: str, *, tolerance: float) -> bool:
    if runtime is None:
        return False
    if qualifier == "just over":
        return minutes < runtime <= minutes + 20
    if qualifier in ("over", "more than", "longer than", "well over"):
        return runtime > minutes + (15 if qualifier == "well over" else 0)
    if qualifier in ("just under", "nearly", "almost", "barely"):
        return minutes - 20 <= runtime <= minutes
    if qualifier in ("under", "less than", "shy of"):
        return runtime < minutes
    return abs(runtime - minutes) <= tolerance
