"""A question for a film's sequels ("the dark knight sequels", "what are the sequels of alien", "does
Heat have a sequel?"). It names a film, so the answer is that film's later films, or that the catalog
has none; read as a theme, "sequel" answered any film tagged so (Now You See Me 2 for The Dark Knight)."""

from __future__ import annotations

import re
import weakref
from typing import NamedTuple

from agent.understanding.like_series import series_first
from agent.understanding.request import CatalogLookup
from agent.understanding.text import tokens_of
from agent.understanding.titles import explained
from agent.understanding.versions import same_title
from store.catalog import TitleMatch
from store.movie import TITLE_MATCH_SCORE, Movie, ascii_fold
from store.vocab import normalise_genre

_ASKING = (
    r"(?:(?:so|ok|okay|and|hey|hi|please)\W+)*"
    r"(?:(?:what|which)(?:'s| is| are| were)?\s+|(?:is|are)\s+there\s+|(?:can you\s+)?(?:show|give|list|tell)\s+me"
    r"(?:\s+about)?\s+|(?:do you have|you have|got)\s+)?(?:any\s+|all\s+)?(?:of\s+)?"
)
_SEQUELS = r"(?:a\s+|the\s+)?(?:sequels?|follow[- ]?ups?|next\s+(?:films|movies|ones))"
_END = r"(?:\s+(?:please|pls|then|too|in your (?:catalog|catalogue|collection)))?\W*$"
# "sequels to the dark knight": whatever follows is the film
_SEQUELS_TO = re.compile(rf"^\W*{_ASKING}{_SEQUELS}\s+(?:to|of|for|after)\s+(?P<title>.+?){_END}")
# "the dark knight sequels", "what are alien's sequels": the film before the word, a title whole
_TITLE_SEQUELS = re.compile(rf"^\W*{_ASKING}(?:the\s+)?(?P<title>.+?)(?:'s)?\s+(?:sequels?|follow[- ]?ups?){_END}")
# "how many sequels does alien have?"
_HOW_MANY_SEQUELS = re.compile(
    r"^\W*how\s+many\s+(?:sequels|follow[- ]?ups)\s+(?:does|did|has)\s+(?P<title>.+?)\s+"
    rf"(?:have|get|got|had|gotten|made){_END}"
)
# "does heat have a sequel?", "did alien get any sequels?"
_HAS_SEQUELS = re.compile(
    rf"^\W*(?:does|did|has|is|was)\s+(?P<title>.+?)\s+(?:have|get|got|had|gotten)\s+(?:a\s+|any\s+)?"
    rf"(?:sequels?|follow[- ]?ups?){_END}"
)


# "what comes after the empire strikes back?", "what's the next film after alien?": the one film after it
_NEXT = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hey|hi|then)\W+)*(?:(?:what|which)(?:'s| is| was)?\s+(?:(?:comes?|came|goes)\s+)?"
    r"(?:next\s+)?(?:after|follows?|followed)|(?:what|which)(?:'s| is)?\s+the\s+next\s+"
    r"(?:one|film|movie|part|installment|entry)\s+(?:after|of|to|in)|(?:the\s+)?next\s+(?:one|film|movie)\s+after)"
    rf"\s+(?P<title>.+?){_END}"
)
# "the next one", "what comes next?", "and the next one?": after the film just asked about
_NEXT_ONE = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|then)\W+)*(?:(?:what|which)(?:'s| is)?\s+)?(?:the\s+next\s+(?:one|film|movie)"
    r"|(?:what\s+)?comes\s+next)(?:\s+(?:then|in the series|after (?:it|that|this)))?\W*$"
)

# "what's the first star wars movie?", "which alien film came first?"
_FIRST = re.compile(
    r"^\W*(?:(?:what|which)(?:'s| is| was)?\s+)?the\s+(?P<place>first|earliest|original|second|third|fourth|fifth"
    r"|sixth|last|latest|newest|most\s+recent)\s+(?:of\s+the\s+)?(?P<title>.+?)"
    rf"\s+(?:movie|film|one)s?{_END}|^\W*which\s+(?P<title2>.+?)\s+(?:movie|film)\s+(?:came|comes)\s+first{_END}"
)
# "in what order should I watch the star wars movies?", "the alien films in order", "in what order
# should I watch harry potter", "what order for the godfather films?"
_ORDER = re.compile(
    r"^\W*(?:(?:in\s+)?(?:what|which)\s+order\s+(?:should|do|can|would|to)\s+(?:i\s+|we\s+|you\s+)?(?:watch|see)\s+"
    r"(?:the\s+)?(?P<title>.+?)(?:\s+(?:movies|films|series))?(?:\s+in)?"
    r"|(?:in\s+)?(?:what|which)\s+order\s+(?:for|of)\s+(?:the\s+)?(?P<title4>.+?)(?:\s+(?:movies|films|series))?"
    r"|(?:in\s+)?(?:what|which)\s+order\s+(?:do|are|should)\s+(?:the\s+)?(?P<title5>.+?)\s+(?:movies|films)"
    r"(?:\s+(?:go|come|be\s+watched))?(?:\s+in)?"
    r"|(?:what(?:'s| is)\s+)?the\s+(?:watch(?:ing)?|viewing)\s+order\s+(?:of|for)\s+(?:the\s+)?(?P<title2>.+?)"
    r"(?:\s+(?:movies|films|series))?|(?:list\s+)?(?:the\s+)?(?P<title3>.+?)\s+(?:movies|films)\s+in\s+order)"
    rf"{_END}"
)

# "is there a third godfather movie?", "is there a godfather 4?": whether the series has that film
_IS_THERE = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hey|hi)\W+)*(?:is|was)\s+there\s+(?:a|an|another)\s+(?:(?P<place>second|third|fourth"
    r"|fifth|sixth|2nd|3rd|4th|5th|6th)\s+(?P<title>.+?)\s+(?:movie|film|one|part|installment)"
    rf"|(?P<title2>.+?)\s+(?:part\s+)?(?P<number>[2-6]|ii|iii|iv|v|vi)(?:\s+(?:movie|film))?){_END}"
)
# "is the dark knight a sequel?", "is it part of a series?": whether the film follows an earlier one
_IS_SEQUEL = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hey|hi|wait)\W+)*(?:is|was|isn't|wasn't)\s+(?P<title>.+?)\s+(?:a\s+|an\s+)?"
    r"(?:sequel|follow[- ]?up|part\s+of\s+a\s+(?:series|franchise|saga|trilogy))"
    rf"(?:\s+to\s+(?:something|anything|another\s+(?:one|film|movie)))?{_END}"
)
_NTH = ("second", "third", "fourth", "fifth", "sixth")
_PLACE_WORDS = {"earliest": "first", "original": "first", "latest": "last", "newest": "last", "most recent": "last",
                **dict(zip(("2nd", "3rd", "4th", "5th", "6th"), _NTH, strict=True)),
                **dict(zip(("2", "3", "4", "5", "6"), _NTH, strict=True)),
                **dict(zip(("ii", "iii", "iv", "v", "vi"), _NTH, strict=True))}  # fmt: skip
# "how many harry potter films are there?": the films of its series, not of the catalog
_HOW_MANY = re.compile(
    r"^\W*how\s+many\s+(?:of\s+)?(?:the\s+)?(?P<title>.+?)\s+(?:movies|films)(?:\s+(?:are\s+there|have\s+been\s+made"
    rf"|were\s+made|did\s+they\s+make|do\s+you\s+have|exist|is\s+there))?{_END}"
)
# "which star wars film is best?", "what's the best harry potter movie?": by the catalog's ratings
_BEST = re.compile(
    r"^\W*(?:(?:what|which)(?:'s| is| are)?\s+)?the\s+(?:best|greatest|top|highest[- ]rated|best[- ]rated)\s+"
    rf"(?P<title>.+?)\s+(?:movie|film|one)s?{_END}|^\W*which\s+(?P<title2>.+?)\s+(?:movie|film)\s+is\s+(?:the\s+)?"
    rf"(?:best|greatest|highest[- ]rated|best[- ]rated)(?:\s+one)?{_END}"
)
_BY_SERIES = (_FIRST, _IS_THERE, _ORDER, _HOW_MANY, _BEST)  # may name a series by its titles' opening words
_NO_THEME = (_HOW_MANY, _BEST)  # "how many horror films": the catalog's count, not a series
_COUNTED = frozenset({"two", "three", "four", "five", "few", "2", "3", "4", "5", "10"})
_NOT_A_TITLE = frozenset({"of", "these", "those", "them", "your", "my", "the", "good", "great"})

_SERIES_ASKS = (("next", _NEXT, False), ("first", _FIRST, True), ("first", _IS_THERE, True), ("order", _ORDER, True),
                ("series_count", _HOW_MANY, True), ("series_best", _BEST, True),
                ("earlier", _IS_SEQUEL, True))  # fmt: skip

POINTED = ""  # "does it have a sequel?", "sequels to the second one": a pick, not a film called It

_A_PICK = re.compile(
    r"it|that|this|them|those|(?:that|this|the \w+|the last) (?:one|film|movie)|#?\d{1,2}|number \d{1,2}"
)


def series_asked(lowered: str, lookup: CatalogLookup) -> tuple[str, TitleMatch | str] | None:
    """What a message asks of a film's series, and the film: ("next", film) for the one film after it
    ("what comes after the empire strikes back?", which read "after" as a year bound), ("sequels",
    film) for all its later films; None when it asks neither."""
    if _NEXT_ONE.match(lowered):
        return "next", POINTED
    # "the first alien movie" names a film where "alien" alone would be a theme
    for fact, pattern, loose in _SERIES_ASKS:
        if (film := _film_asked(lowered, lookup, ((pattern, loose),))) is not None:
            asked = pattern.match(lowered).groupdict()
            place = asked.get("place") or asked.get("number") or "first"
            return (_PLACE_WORDS.get(place, place) if fact == "first" else fact), film
    if (film := sequels_asked(lowered, lookup)) is not None:
        return "sequels", film
    return None


def sequels_asked(lowered: str, lookup: CatalogLookup) -> TitleMatch | str | None:
    """The film whose sequels the message asks for; the title as typed when the catalog lacks it
    after "sequels to", POINTED when it points at a pick; None when the message asks no such thing
    ("horror sequels", "a good sequel")."""
    asked = ((_SEQUELS_TO, True), (_HAS_SEQUELS, True), (_HOW_MANY_SEQUELS, True), (_TITLE_SEQUELS, False))
    return _film_asked(lowered, lookup, asked)


def _film_asked(lowered: str, lookup: CatalogLookup, patterns) -> TitleMatch | str | None:
    """The film the first of `patterns` to match names (loose: any title after "sequels to")."""
    for pattern, loose in patterns:
        m = pattern.match(lowered)
        if m is None:
            continue
        typed = next(m[k] for k in ("title", "title2", "title3", "title4", "title5") if k in m.groupdict() and m[k])
        typed = typed.strip(" \"'“”‘’")
        words = [w for w in tokens_of(typed) if any(c.isalnum() for c in w)]  # "star wars: episode iii - ..."
        if not words or len(words) > 8:
            return None
        if pattern in _NO_THEME and (_A_PICK.fullmatch(typed) or words[0] in _NOT_A_TITLE):
            return None  # "which of these films is best": not of a series
        if pattern in _NO_THEME and explained(words) and not _series_title(typed, lookup):
            return None  # "how many horror films": the catalog's, not a series' ("how many alien films": Alien's)
        if pattern in (_FIRST, _IS_THERE) and explained(words) and any(normalise_genre(w) for w in words):
            return None  # "what's the newest horror movie": recent horror films, not Horror of Dracula's series
        if pattern is _IS_THERE and m["number"] and _numbered_title(typed, m["number"], lookup):
            return None  # "is there a henry v": a film of that title, not a fifth film of Henry's
        if pattern in _BY_SERIES and (names_a_person(typed, lookup) or words[0] in _COUNTED):
            return None  # "the first tom hanks movie", "the first two horror movies": no film's series
        if _A_PICK.fullmatch(typed):
            return POINTED
        match = lookup.resolve_title(typed)
        whole = match is not None and same_title(typed, match.title)
        if not whole and (episode := _episode_named(typed, lookup) or _subtitle_named(typed, lookup)) is not None:
            return episode  # "the phantom menace", "star wars: the force awakens", "the fellowship of the ring"
        exact = whole and match.title.casefold() == typed and (loose or pattern is _NEXT)  # "what comes after alien?"
        if whole and (len(words) > 1 or not explained(words) or exact):
            return match  # "alien sequels" is the theme, "the sequels of alien" the film ("horror": no #Horror)
        if pattern in _BY_SERIES and (first := series_first(typed, lookup)) is not None:
            return TitleMatch(first.id, first.title, first.year, 100.0)  # "the first harry potter movie"
        if loose and match is not None and match.score >= TITLE_MATCH_SCORE and not explained(words):
            return match  # "sequels to the dark night": a typo
        if loose and not explained(words):  # "sequels to Zorblax": a film the catalog lacks, as typed
            return f"{typed} {m['number']}" if pattern is _IS_THERE and m["number"] else typed
        return None
    return None


def _series_title(typed: str, lookup: CatalogLookup) -> bool:
    """Whether the words are a film's whole title that another film's title carries on, with one of its leads
    or its director ("alien": Alien: Resurrection, with Sigourney Weaver), so a series more than a theme."""
    match = lookup.resolve_title(typed)
    if match is None or match.title.casefold() != typed or (movie := lookup.movies.get(match.movie_id)) is None:
        return False
    made_by = set(movie.directors) | set(movie.cast[:3])
    others = (lookup.movies[i] for i in lookup.titled(typed) - {movie.id} if i in lookup.movies)
    return any(made_by & (set(other.directors) | set(other.cast[:3])) for other in others)


def _numbered_title(typed: str, number: str, lookup: CatalogLookup) -> bool:
    """Whether the words and the number after them are a film's title and the words alone none."""
    whole = lookup.resolve_title(f"{typed} {number}")
    alone = lookup.resolve_title(typed)
    return (whole is not None and same_title(f"{typed} {number}", whole.title)
            and not (alone is not None and same_title(typed, alone.title)))  # fmt: skip


def names_a_person(typed: str, lookup: CatalogLookup) -> bool:
    """Whether the words are someone credited, whole or by a well-known surname, and no film's title."""
    said = ascii_fold(typed.casefold())
    if said not in lookup.people_index() and said not in lookup.surname_index():
        return False
    match = lookup.resolve_title(typed)
    return not (match is not None and same_title(typed, match.title)) and not lookup.titled(typed)


def film_or_unknown(found: TitleMatch | str) -> dict:
    """The Classified fields for the film asked about: its id, or the title the catalog lacks."""
    if found == POINTED:
        return {}
    return {"unknown": (found,)} if isinstance(found, str) else {"titles": [found.movie_id]}


_EPISODE_PART = re.compile(r"\bepisode\s+(?:\d{1,2}|[ivx]{1,5})\s*[-:–—]\s*")
_NUMBERING = re.compile(r"^(?:part|chapter|episode|vol\.?|volume|book)\b")


class _Subtitles(NamedTuple):
    """The catalog's titles by the parts people name films by, read once per catalog (series questions
    read every title two or three times each)."""

    episodes: dict[str, Movie]  # "the phantom menace", "star wars: the phantom menace" -> the first so titled
    subtitles: dict[str, list[Movie]]  # "fellowship of the ring" -> the films so subtitled (not "part 2")
    heads: dict[str, list[Movie]]  # "godfather trilogy" -> the films whose title is so headed before a colon


_SUBTITLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _subtitles(lookup: CatalogLookup) -> _Subtitles:
    if (index := _SUBTITLES.get(lookup)) is not None:
        return index
    index = _Subtitles({}, {}, {})
    for movie in lookup.movies.values():
        for title in (t.casefold() for t in movie.titles):
            if part := _EPISODE_PART.search(title):
                subtitle, without = title[part.end() :], title[: part.start()] + title[part.end() :]
                for key in (subtitle, without, subtitle.removeprefix("the ")):
                    index.episodes.setdefault(key, movie)
            if ": " in title and not _NUMBERING.match(sub := title.split(": ", 1)[1]):
                index.subtitles.setdefault(" ".join(sub.split()).removeprefix("the "), []).append(movie)
            if (head := _head(title)) and movie not in (heads := index.heads.setdefault(head, [])):
                heads.append(movie)
    _SUBTITLES[lookup] = index
    return index


def _episode_named(typed: str, lookup: CatalogLookup) -> TitleMatch | None:
    """A film titled "Star Wars: Episode I - The Phantom Menace" named without its episode, as most
    people name it ("the phantom menace", "star wars: the force awakens"), which no title matched."""
    typed = " ".join(typed.casefold().split())
    episodes = _subtitles(lookup).episodes
    movie = episodes.get(typed) or episodes.get(typed.removeprefix("the "))
    return TitleMatch(movie.id, movie.title, movie.year, 100.0) if movie is not None else None


def _subtitle_named(typed: str, lookup: CatalogLookup) -> TitleMatch | None:
    """A film named by its title's part after the colon, two words or more, as people name it ("is there
    a sequel to the fellowship of the ring" said it could not find it: the catalog's title is "The Lord of
    the Rings: The Fellowship of the Ring"), the most voted when several have that subtitle; or by the
    part before it, when one film alone is so headed."""
    typed = " ".join(typed.casefold().split()).removeprefix("the ")
    if len(typed.split()) < 2:
        return None
    index = _subtitles(lookup)
    found = index.subtitles.get(typed, [])
    if not found:  # "the godfather trilogy": The Godfather Trilogy: 1972-1990, the one film so headed
        found = heads if len(heads := index.heads.get(typed, [])) == 1 else []
    if not found:
        return None
    movie = max(found, key=lambda m: m.votes or 0)
    return TitleMatch(movie.id, movie.title, movie.year, 100.0)


def _head(title: str) -> str:
    """The title's part before its colon, as _subtitle_named compares it ("" when it has none)."""
    head, colon, _ = title.casefold().partition(": ")
    return " ".join(head.split()).removeprefix("the ") if colon else ""
