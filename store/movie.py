"""One movie in moviebot's own format, the JSON Lines record every adapter produces."""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache

from store.vocab import COUNTRIES, GENRES, LANGUAGES, MOODS

REQUIRED = ("id", "title", "year")
OPTIONAL_IDS = ("imdb_id", "tmdb_id", "poster_url")
# Catalog.resolve_title scores below this are more often another film than a typo: the one
# cut-off for titles in chat, commands, imports and autocomplete. Measured on real typing
# (python -m benchmarks.title_cutoff, INSPIRED and ReDial, 11k films): from 85 to 90 chat reads
# 21 fewer wrong films ("I also really liked Sing" is not The Sting) for 2 more misses, commands
# match 23 fewer typed titles to the wrong film ("Frozen 2" is not Frozen) for 3 more misses,
# imports 1 fewer wrong. At 95 real typos are lost ("Prode and Prejudice", "Jo Rabbit"); the
# sequels it would stop ("Toy Story 4" -> 3) are a matter of numbers, not of closeness.
TITLE_MATCH_SCORE = 90.0


class InvalidMovie(ValueError):
    """A record that does not fit the format; `field` names the offending key."""

    def __init__(self, field_name: str, message: str):
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


MAIN_GENRES = 3  # a film's genres as its card lists them, and all a reason may call it
MIN_VOTES = 10  # a rating from fewer votes is no rating a floor ("rated 8+") counts: 1,751 of 1,934 films
# rated 8+ in TMDB 5000 + MovieLens have fewer (MovieLens films one or two people rated)


def rating_floor(min_rating: float) -> float:
    """The lowest rating that meets "rated `min_rating`+": the floor itself, as the user said it, so
    Kingsman's 7.97 is not "rated 8+" (it was, when the floor went by the rating rounded to one decimal,
    and the reply said "2015 films, rated 8+" of it). The hair under it only absorbs float noise."""
    return min_rating - 1e-9


def shown_rating(rating: float, floor: float | None = None) -> str:
    """A rating as a reply says it: one decimal, as every card shows it, but never rounded up to a floor
    the film misses, where "rated 8.0" would read as clearing "8+": Kingsman's 7.97 is "7.97" there."""
    text = f"{rating:.1f}"
    if floor is None or rating >= rating_floor(floor) or float(text) < floor:
        return text
    return f"{math.floor(rating * 100 + 1e-6) / 100:.2f}"  # cut, not rounded: 7.999 is "7.99", still under


@dataclass(slots=True)
class Movie:
    id: str
    title: str
    year: int | None
    genres: list[str] = field(default_factory=list)
    directors: list[str] = field(default_factory=list)
    cast: list[str] = field(default_factory=list)
    runtime: int | None = None
    language: str | None = None
    country: str | None = None
    rating: float | None = None
    votes: int | None = None
    keywords: list[str] = field(default_factory=list)
    moods: list[str] = field(default_factory=list)
    overview: str = ""
    imdb_id: str | None = None
    tmdb_id: int | None = None
    poster_url: str | None = None
    metascore: int | None = None
    original_title: str | None = None
    aka: list[str] = field(default_factory=list)  # other titles it is known by, searchable and resolvable
    # production companies, as the source names them ("Pixar Animation Studios"); empty when the
    # source records none (IMDb Top 1000, MovieLens) or the catalog was built before they were kept
    studios: list[str] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        """Every title the film goes by: the catalog title, the original, then the others."""
        out = [self.title]
        for title in (self.original_title, *self.aka):
            if title and title not in out:
                out.append(title)
        return out

    def to_dict(self) -> dict:
        """The JSONL record: empty optional ids are left out. Lists are copies, and only
        one level deep, which is all a Movie holds (dataclasses.asdict would walk each
        value and cost a second per ten thousand movies)."""
        data = {}
        for name in FIELD_NAMES:
            value = getattr(self, name)
            if (value is None or value == []) and name in OMITTED_WHEN_EMPTY:
                continue
            data[name] = list(value) if isinstance(value, list) else value
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @property
    def rating_that_counts(self) -> float | None:
        """The rating, unless too few people gave it (MIN_VOTES) for "rated 8+" to mean anything."""
        return None if self.votes is not None and self.votes < MIN_VOTES else self.rating

    @property
    def main_genres(self) -> list[str]:
        """The genres a card shows: Inception is "action, thriller, sci-fi", not the crime film
        MovieLens's long list also calls it."""
        return self.genres[:MAIN_GENRES]

    def genres_asked_first(self, asked: Sequence[str] = ()) -> list[str]:
        """Its genres with those a request `asked` for first, the order a pick's card lists them in."""
        return sorted(self.genres, key=lambda g: g not in asked)

    def card_genres(self, asked: Sequence[str] = ()) -> list[str]:
        """The genres a pick's card shows: the first few once those asked for come first, so a horror
        film asked for reads "horror, ..." though MovieLens lists horror fifth. Every reason that calls
        the pick a genre ("an action thriller, like Heat", "a horror film, as you asked") names only
        these, so the card and the reason never disagree."""
        return self.genres_asked_first(asked)[:MAIN_GENRES]

    @property
    def decade(self) -> int | None:
        return None if self.year is None else self.year // 10 * 10

    @property
    def label(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def content_hash(self) -> str:
        """Stable over everything that shapes the embedding or the stored row."""
        payload = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
        return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()

    @classmethod
    def from_dict(cls, data: dict, *, strict_vocab: bool = True) -> Movie:
        """Validate a record; raises InvalidMovie naming the first bad key."""
        if not isinstance(data, dict):
            raise InvalidMovie("record", "expected a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidMovie(unknown[0], "unknown key")
        for key in REQUIRED:
            if data.get(key) in (None, "") and key != "year":
                raise InvalidMovie(key, "is required")
        movie = cls(
            id=_text(data, "id"),
            title=_text(data, "title"),
            year=_int(data, "year", 1870, 2100),
            genres=_words(data, "genres"),
            directors=_words(data, "directors"),
            cast=_words(data, "cast"),
            runtime=_int(data, "runtime", 1, 1000),
            language=_optional_text(data, "language"),
            country=_optional_text(data, "country"),
            rating=_float(data, "rating", 0.0, 10.0),
            votes=_int(data, "votes", 0, 10**9),
            keywords=_words(data, "keywords"),
            moods=_words(data, "moods"),
            overview=_optional_text(data, "overview") or "",
            imdb_id=_optional_text(data, "imdb_id"),
            tmdb_id=_int(data, "tmdb_id", 1, 10**9),
            poster_url=_optional_text(data, "poster_url"),
            metascore=_int(data, "metascore", 0, 100),
            original_title=_optional_text(data, "original_title"),
            aka=_words(data, "aka"),
            studios=_words(data, "studios"),
        )
        if strict_vocab:
            movie.check_vocabulary()
        return movie

    def check_vocabulary(self) -> None:
        for genre in self.genres:
            if genre not in GENRES:
                raise InvalidMovie("genres", f"{genre!r} is not one of {', '.join(GENRES)}")
        for mood in self.moods:
            if mood not in MOODS:
                raise InvalidMovie("moods", f"{mood!r} is not one of {', '.join(MOODS)}")
        if self.language and self.language not in LANGUAGES:
            raise InvalidMovie("language", f"{self.language!r} is not a known ISO 639-1 code")
        if self.country and self.country not in COUNTRIES:
            raise InvalidMovie("country", f"{self.country!r} is not a known ISO 3166 code")
        if self.imdb_id and not re.fullmatch(r"tt\d{7,8}", self.imdb_id):
            raise InvalidMovie("imdb_id", f"{self.imdb_id!r} is not of the form tt1234567")


FIELD_NAMES = tuple(f.name for f in fields(Movie))
# Left out of a record when empty, so that records written before a field existed
# keep their content hash (and a re-ingest of them stays "unchanged").
OMITTED_WHEN_EMPTY = frozenset((*OPTIONAL_IDS, "metascore", "original_title", "aka", "studios"))


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidMovie(key, f"expected a non-empty string, got {value!r}")
    return value.strip()


def _optional_text(data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidMovie(key, f"expected a string, got {value!r}")
    return value.strip() or None


def _int(data: dict, key: str, low: int, high: int) -> int | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidMovie(key, f"expected a whole number, got {value!r}")
    try:
        number = int(float(value)) if isinstance(value, (float, str)) else value
    except ValueError:
        raise InvalidMovie(key, f"expected a whole number, got {value!r}") from None
    if not low <= number <= high:
        raise InvalidMovie(key, f"{number} is outside {low}..{high}")
    return number


def _float(data: dict, key: str, low: float, high: float) -> float | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidMovie(key, f"expected a number, got {value!r}") from None
    if not low <= number <= high:
        raise InvalidMovie(key, f"{number} is outside {low}..{high}")
    return number


def _words(data: dict, key: str) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidMovie(key, f"expected a list of strings, got {value!r}")
    out: list[str] = []
    for item in value:
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return out


_ARTICLES = re.compile(r"^(the|a|an|le|la|les|el|il|der|die|das)\s+")


def normalise_title(title: str) -> str:
    """Lower-case ASCII words, with leading articles and punctuation dropped.

    "The Dark Knight" and "dark knight", "Amélie" and "Amelie",
    "Se7en" and "se7en" all meet at the same key.
    """
    text = ascii_fold(title).lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    # "Matrix, The" as some data sets write it
    match = re.match(r"^(.*) (the|a|an)$", text)
    if match and "," in title:
        text = match.group(1)
    return _ARTICLES.sub("", text).strip() or text


def leading_article(title: str) -> bool:
    """Whether a title is written with a leading article: "The Heat", "Matrix, The", "Le Samouraï"."""
    text = ascii_fold(title).lower().strip()
    return bool(_ARTICLES.match(text) or re.search(r",\s*(the|a|an)$", text))


# -- sequel numbers ------------------------------------------------------------------------------

# Words after which a number is a part number whatever it looks like ("Part Two", "Vol. 1").
PART_WORDS = frozenset({"part", "vol", "volume", "chapter", "episode", "book"})
_NUMBER_WORDS = dict(zip(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
    range(1, 21), strict=True))  # fmt: skip
_ROMAN_NUMERALS = dict(zip(
    ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
     "xvii", "xviii", "xix", "xx"),
    range(1, 21), strict=True))  # fmt: skip


def number_value(word: str, *, named: bool = False) -> int | None:
    """What a word of a normalised title counts as: digits ("2", "2049") or a Roman numeral
    ("ii"), and with `named` a number word ("two"); None for any other word."""
    if word.isdigit():
        return int(word)
    return _ROMAN_NUMERALS.get(word) or (_NUMBER_WORDS.get(word) if named else None)


def _numbered(words: list[str]) -> list[int | None]:
    """Each word's value where it counts as a number of the title (see sequel_numbers), else None."""
    values: list[int | None] = []
    for n, word in enumerate(words):
        where_sequels_go = n > 0 and (n == len(words) - 1 or words[n - 1] in PART_WORDS)
        counts = word.isdigit() or (n > 0 and (where_sequels_go or len(word) > 1))
        values.append(number_value(word, named=where_sequels_go) if counts else None)
    return values


@lru_cache(maxsize=1 << 16)
def sequel_numbers(title: str) -> tuple[int, ...]:
    """The numbers that tell a film from its sequels, by value: "Part 2", "Part II" and "Part Two"
    agree, "Toy Story 3" and "Toy Story 4" do not.

    Digits count wherever they are ("Terminator 2: Judgment Day", "Blade Runner 2049"). A Roman
    numeral or number word counts only where a sequel number goes, at the end or after "Part"
    or "Vol." ("Rocky IV", "Ocean's Eleven", "Dune: Part Two"); a Roman one also inside a title
    when it has two letters or more ("Star Trek II: The Wrath of Khan"), but never first ("I,
    Robot", "V for Vendetta", "Seven Samurai"), nor "v" between words ("Batman v Superman").
    A final 1 is no sequel's: "Toy Story 1" is Toy Story and "Kill Bill: Vol. 1" is Kill Bill.
    """
    words = normalise_title(title).split()
    numbers = [value for value in _numbered(words) if value is not None]
    if len(words) > 1 and numbers and numbers[-1] == 1 and number_value(words[-1], named=True) == 1:
        numbers.pop()
    return tuple(numbers)


def numbered_key(title: str) -> str:
    """normalise_title with its numbers in digits and no "part" before them, where "Frozen II",
    "Frozen 2" and "Dune: Part Two", "Dune 2" meet: one film however its number is written."""
    words = normalise_title(title).split()
    numbered = [word if value is None else str(value) for word, value in zip(words, _numbered(words), strict=True)]
    # "Godfather 2" is The Godfather: Part II, as people say it
    kept = [
        w for n, w in enumerate(numbered) if not (w == "part" and n + 1 < len(numbered) and numbered[n + 1].isdigit())
    ]
    return " ".join(kept)


def without_sequel_number(text: str) -> str:
    """ "Toy Story 4" -> "Toy Story", "Dune Part 3" -> "Dune": where to look for the films of a
    series when the catalog lacks the one typed ("" when no number ends it)."""
    words = normalise_title(text).split()
    if len(words) < 2 or number_value(words[-1], named=True) is None:
        return ""
    words.pop()
    while len(words) > 1 and words[-1] in PART_WORDS:
        words.pop()
    return " ".join(words)


# "Star Wars: Episode VIII – The Last Jedi": the episode's number and its dash, said before the film's own name
_EPISODE = re.compile(  # a lone "i" is the pronoun ("the episode i liked"); "I" may be the first
    r"\b(?i:episode)\s+(?:[IVXLC]+|(?!i\b)[ivxlc]+|\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten))\b"
    r"\s*[-–—:.]?\s*(?=\w)"
)


def without_episode(title: str) -> str:
    """ "Star Wars: Episode VIII – The Last Jedi" -> "Star Wars: The Last Jedi": the name a film goes by
    when the catalog files it without its episode (or with it, as "Star Wars: Episode I - The Phantom
    Menace" is); "" when no episode with a name after it is said."""
    plain = _EPISODE.sub("", title, count=1)
    return "" if plain == title else " ".join(plain.split())


def same_sequel(typed: str, title: str) -> bool:
    """Whether what a user typed can name `title` as far as numbers go: "Frozen 2" is not
    Frozen, "Toy Story 4" is not Toy Story 3, "Godfather Part 2" is The Godfather Part II."""
    return sequel_numbers(typed) == sequel_numbers(title)


def ascii_fold(text: str) -> str:
    """Accents dropped, as users type names: "Amélie" -> "Amelie", "Penélope" -> "Penelope"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    text = ascii_fold(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "untitled"


def make_id(title: str, year: int | None) -> str:
    """The stable id of a movie: a slug of its title and year."""
    return f"{slug(title)}-{year}" if year else slug(title)
