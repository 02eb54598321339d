"""What reading a message produces: the request (`Understood`, or `Request` once merged),
the catalog questions the reader asks (`CatalogLookup`), and the JSON contract's `understood`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypedDict

from store.catalog import TitleMatch
from store.movie import Movie
from store.surnames import SharedSurname, Surname


class CatalogLookup(Protocol):
    """The questions understanding asks the catalog; the store implements them."""

    def resolve_title(self, text: str) -> TitleMatch | None:
        """Fuzzy resolution of a title as a user typed it ("the dark night" -> The Dark Knight)."""
        ...

    def people_index(self) -> Mapping[str, str]:
        """Lower-cased name -> canonical name for every director and actor in the catalog.

        Accent-folded aliases ("penelope cruz") should be keys too: users rarely type accents.
        """
        ...

    def surname_index(self) -> Mapping[str, Surname]:
        """Surname -> the prominent person it means (store.surnames), for "something by Kubrick"."""
        ...

    def shared_surnames(self) -> Mapping[str, SharedSurname]:
        """Surname -> the several people it could mean here ("washington"), for saying so."""
        ...

    def credits_of(self, movie_id: str) -> tuple[list[str], list[str]]:
        """A film's directors and cast in billing order, for "by the director of Parasite"."""
        ...

    def titled(self, words: str) -> set[str]:
        """Films whose title begins with these words, whole: "harry potter movies" names a series
        the catalog holds no film of that title for, and "like 2001" a film the number begins."""
        ...

    @property
    def movies(self) -> Mapping[str, Movie]:
        """Every film by id, for what a match alone does not say: its votes, its title's words in the
        message, the words and names its synopses use. Empty where the reader has no catalog."""
        ...

    @property
    def records_studios(self) -> bool:
        """Whether any film's studio is recorded; if none is, a studio's kind of film stands in."""
        ...


@dataclass
class Understood:
    """What a request asks for; every field optional so requests combine.

    Follow-ups ("something older", "no horror though") merge onto earlier requests, so a field
    the message does not mention stays empty rather than defaulting to anything.
    """

    genres: list[str] = field(default_factory=list)  # GENRES entries wanted
    any_genres: list[str] = field(default_factory=list)  # at least one of these: "thrillers or comedies"
    # of the genres, those only a theme implied ("aliens": sci-fi): asked for, but no reason says "as you asked"
    theme_genres: list[str] = field(default_factory=list)
    exclude_genres: list[str] = field(default_factory=list)  # "no horror", "nothing animated"
    lean_away_genres: list[str] = field(default_factory=list)  # "less action": ranked lower, none left out
    moods: list[str] = field(default_factory=list)  # MOODS entries wanted
    exclude_moods: list[str] = field(default_factory=list)  # "not too violent", "less grim"
    keywords: list[str] = field(default_factory=list)  # themes in plain words ("heist", "time travel")
    exclude_keywords: list[str] = field(default_factory=list)  # themes refused: "no superhero movies"
    require_keywords: list[str] = field(default_factory=list)  # themes every pick carries: "directed by women"
    studios: list[str] = field(default_factory=list)  # "a pixar movie": made by one of these (store.studios)
    exclude_studios: list[str] = field(default_factory=list)  # "anything but disney"
    year_min: int | None = None
    # the years only stand in for what the catalog doesn't record ("a silent film": up to 1929, said so in a
    # caveat): a pick meets them, but no reason says its year is "as you asked"
    years_stand_in: bool = False
    year_max: int | None = None
    # an era said as a taste ("I like old movies too"), not asked for: it leans the ranking
    soft_year_min: int | None = None
    soft_year_max: int | None = None
    exclude_years: list[list[int]] = field(default_factory=list)  # "not from the 60s" -> [[1960, 1969]]
    min_runtime: int | None = None
    max_runtime: int | None = None  # "under 2 hours" -> 120, "short" -> 100
    min_rating: float | None = None  # "highly rated" -> 7.5, "best" -> 8.0
    rating_words: str = ""  # "best": what a rating floor was read from, when no number was said
    hidden_gem: bool = False  # prefer few votes
    popular: bool = False  # prefer many votes
    # "a good thriller": well-rated films lean up for this message, none is left out (a floor cost
    # ReDial recall: people say "good" all the time, of films rated under any floor or not at all)
    quality: bool = False
    soft_genres: list[str] = field(default_factory=list)  # said as a taste ("I love westerns"): they lean
    # the ranking rather than filter it
    people: list[str] = field(default_factory=list)  # canonical catalog names
    any_people: list[str] = field(default_factory=list)  # at least one of these: "Tom Hanks or Meg Ryan"
    # named as the credit of a film the message names ("Hacksaw Ridge by Mel Gibson"): said of
    # that film, not asked for, so they lean the ranking rather than filter it
    soft_people: list[str] = field(default_factory=list)
    exclude_people: list[str] = field(default_factory=list)  # "nothing with Adam Sandler", "not a Spacey fan"
    directing: list[str] = field(default_factory=list)  # of people named, those asked as director: "films by X"
    acting: list[str] = field(default_factory=list)  # of people named, those asked as cast: "starring X"
    # of people named, those after a bare "by" ("movies by Tom Hanks"): asked as director when
    # directing is what the name mostly does here (agent.credited_roles), else in any role
    said_by: list[str] = field(default_factory=list)
    like_titles: list[str] = field(default_factory=list)  # catalog ids of reference titles
    exclude_titles: list[str] = field(default_factory=list)  # catalog ids explicitly refused
    unknown_titles: list[str] = field(default_factory=list)  # "like Zorblax Returns": named, not in the catalog
    caveats: list[str] = field(default_factory=list)  # what the catalog cannot tell ("on Netflix"), said once
    taken_years: list[str] = field(default_factory=list)  # "Ghost (1998)" read as Ghost (1990): said so, once
    # "nothing from Spain or Italy": countries refused, which no filter can leave out; one of the
    # caveats says so (agent.understanding.meaning.say_countries_not_refused)
    countries_not_refused: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # ISO 639-1
    exclude_languages: list[str] = field(default_factory=list)  # "foreign films": not in English
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2
    count: int | None = None  # how many suggestions were asked for
    modifiers: list[str] = field(default_factory=list)  # relative follow-ups ("older", "funnier")
    relative_to_titles: bool = False  # "like The Matrix but older": the modifiers are relative to the titles named
    compared_to: list[str] = field(default_factory=list)  # "shorter than Heat": what the modifiers go by, no reference
    query: str = ""  # what no filter explained, for semantic search

    def to_contract(self, titles: Callable[[str], str]) -> dict:
        """The hard filters in the shape the retrieval contract names, reference titles displayed."""
        return contract(dataclasses.asdict(self), titles)


class Request(TypedDict, total=False):
    """The request the graph keeps between turns: an Understood as a dict (plain JSON, so the
    SQLite checkpointer keeps it across restarts), merged over the conversation's follow-ups."""

    genres: list[str]  # GENRES entries wanted; a follow-up's new genre moves the old ones to soft_genres
    any_genres: list[str]  # at least one of these ("thrillers or comedies")
    soft_genres: list[str]  # genres said as a taste, or asked for earlier: they still count, softly
    theme_genres: list[str]  # of the genres, those only a theme implied ("aliens": sci-fi), never "as you asked"
    years_stand_in: bool  # the years stand in for what the catalog lacks ("silent": up to 1929), never "as you asked"
    exclude_genres: list[str]  # genres refused
    lean_away_genres: list[str]  # "less action": films of these genres rank lower, none is left out
    moods: list[str]  # MOODS entries wanted
    exclude_moods: list[str]  # MOODS entries refused
    keywords: list[str]  # themes in plain words ("heist", "time travel")
    exclude_keywords: list[str]  # themes refused: no pick has a keyword holding one
    require_keywords: list[str]  # themes required: every pick has a keyword holding each
    # of those, the tags standing in for a genre the catalog lacks that only a theme implied ("boxing":
    # "sport"), never "as you asked" (agent.understanding.merge.genres_as_tags)
    theme_tags: list[str]
    studios: list[str]  # studios asked for: every pick's recorded companies include one
    exclude_studios: list[str]  # studios refused: no pick's recorded companies include one
    year_min: int | None  # earliest release year
    year_max: int | None  # latest release year
    soft_year_min: int | None  # an era said as a taste: it leans the ranking
    soft_year_max: int | None
    exclude_years: list[list[int]]  # year spans refused, [low, high] inclusive ("not from the 60s")
    min_runtime: int | None  # minutes
    max_runtime: int | None  # minutes
    min_rating: float | None  # catalog rating floor, 0..10
    rating_words: str  # "best": the words min_rating was read from, "" when the user said the number
    hidden_gem: bool  # prefer few votes
    popular: bool  # prefer many votes
    quality: bool  # lean to well-rated films, for the message that said so and a bare "more" after it
    people: list[str]  # canonical catalog names
    any_people: list[str]  # at least one of these ("Tom Hanks or Meg Ryan")
    soft_people: list[str]  # credits named of a film the user named: they count, softly
    exclude_people: list[str]  # people refused: none of their films
    # of the people asked for, those asked in one role ("films by X", "starring X"): a film crediting
    # them only in the other role is left out (agent.credited_roles: a name two people share)
    directing: list[str]
    acting: list[str]
    like_titles: list[str]  # catalog ids of reference titles
    exclude_titles: list[str]  # catalog ids explicitly refused
    unknown_titles: list[str]  # titles named in the latest message that are not in the catalog
    caveats: list[str]  # what the catalog cannot tell of the latest message, said with its answer
    languages: list[str]  # ISO 639-1
    exclude_languages: list[str]  # ISO 639-1 codes refused
    countries: list[str]  # ISO 3166-1 alpha-2
    # languages and countries asked for before the last message of a conversation handed in whole:
    # they lean the ranking (see lean)
    soft_languages: list[str]
    soft_countries: list[str]
    count: int | None  # how many suggestions were asked for
    modifiers: list[str]  # relative words of the latest message ("older", "funnier"), already applied
    tone_leans: list[str]  # soft genres a comparative word leaned to ("funnier": comedy), kept for "more"
    said_at: dict[str, int]  # the turn of the conversation's subject each field was last set in, for loosening
    query: str  # what no filter explained, for semantic search


# What a request can say about the film itself (rather than bounds such as years or runtime).
SUBJECT_FIELDS = (
    "genres",
    "any_genres",
    "moods",
    "keywords",
    "people",
    "any_people",
    "like_titles",
    "languages",
    "countries",
    "studios",
    "query",
)


def has_filters(u: Understood, *, titles: bool = True) -> bool:
    """Anything beyond a count: a message with filters is a request, not a bare "more"."""
    return bool(
        u.genres
        or u.moods
        or u.keywords
        or u.people
        or u.any_people
        or (titles and (u.like_titles or u.exclude_titles))
        or u.languages
        or u.countries
        or u.exclude_genres
        or u.lean_away_genres
        or u.exclude_moods
        or u.exclude_people
        or u.exclude_keywords
        or u.exclude_languages
        or u.require_keywords
        or u.studios
        or u.exclude_studios
        or u.modifiers
        or u.hidden_gem
        or u.popular
        or u.min_rating is not None
        or u.year_min is not None
        or u.year_max is not None
        or u.exclude_years
        or u.min_runtime is not None
        or u.max_runtime is not None
    )


def is_open(request: Mapping) -> bool:
    """Nothing says what the film should be: no genre, mood, theme, person, reference title,
    language, country or free words. Ranking then leans on taste and on what is widely liked,
    and a message that only bounds (years, runtime, "funnier") is a follow-up of the last request.
    Takes a Request, or an Understood as a dict."""
    return not any(request.get(name) for name in SUBJECT_FIELDS)


MAX_COUNT = 50  # as AgentConfig.max_count and the HTTP API's `count`


def contract(request: Mapping, titles: Callable[[str], str | None]) -> dict:
    """The `understood` object of the JSON contract, from a request (an Understood as a dict,
    or one merged over a conversation); `titles` displays a reference title, None leaves it out.
    Its count is the one served ("give me 60" is 50, "0" none), so it can be sent back as filters."""
    shown = [titles(movie_id) for movie_id in request.get("like_titles") or []]
    return {
        "genres": list(request.get("genres") or []),
        "any_genres": list(request.get("any_genres") or []),
        "exclude_genres": list(request.get("exclude_genres") or []),
        "year_min": request.get("year_min"),
        "year_max": request.get("year_max"),
        "exclude_years": [list(span) for span in request.get("exclude_years") or []],
        "min_runtime": request.get("min_runtime"),
        "max_runtime": request.get("max_runtime"),
        "min_rating": request.get("min_rating"),
        "people": list(request.get("people") or []),
        "any_people": list(request.get("any_people") or []),
        "exclude_people": list(request.get("exclude_people") or []),
        "exclude_keywords": list(request.get("exclude_keywords") or []),
        "require_keywords": list(request.get("require_keywords") or []),
        "like_titles": [t for t in shown if t is not None],
        "languages": list(request.get("languages") or []),
        "exclude_languages": list(request.get("exclude_languages") or []),
        "countries": list(request.get("countries") or []),
        "studios": list(request.get("studios") or []),
        "exclude_studios": list(request.get("exclude_studios") or []),
        "count": min(count, MAX_COUNT) if (count := request.get("count")) else None,
    }
