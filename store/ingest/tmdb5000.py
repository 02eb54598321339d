"""The Kaggle "TMDB 5000" movies table, joined with its credits file when one is given.

The two files are told apart by their header, not their names, since people
rename downloads. The slim credits file holds Python literals where the original
holds JSON; both are accepted. Literals are re-quoted as JSON when that is exact
(no backslashes), which is three times faster than ast.literal_eval and keeps the
whole file well under a second; ast.literal_eval takes the rest. Neither ever
executes code.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

from store.ingest.base import Record, RowError, SourceError, expect_columns
from store.ingest.jsonl import BadValue, clean_title, conform, csv_header, csv_rows, decimal, whole
from store.movie import make_id
from store.vocab import normalise_genres

MOVIE_COLUMNS = (
    "id",
    "title",
    "genres",
    "keywords",
    "original_language",
    "overview",
    "popularity",
    "production_countries",
    "release_date",
    "runtime",
    "vote_average",
    "vote_count",
)
CREDIT_COLUMNS = ("movie_id", "cast", "crew")
TOP_CAST = 5
SOURCE_COLUMNS = {
    "id": "title",
    "title": "title",
    "year": "release_date",
    "runtime": "runtime",
    "genres": "genres",
    "keywords": "keywords",
    "rating": "vote_average",
    "votes": "vote_count",
    "tmdb_id": "id",
    "overview": "overview",
    "cast": "cast",
    "directors": "crew",
    "original_title": "original_title",
    "studios": "production_companies",
}

# TMDB id -> (top-billed cast, directors)
Credits = dict[int, tuple[list[str], list[str]]]

_YEAR = re.compile(r"(\d{4})(?:-\d\d?-\d\d?)?$")
_PY_STRING = re.compile(r"'([^'\\]*)'|\"([^\"\\]*)\"")


class Tmdb5000:
    name = "tmdb-5000"

    def read(self, paths: list[Path]) -> Iterator[Record | RowError]:
        movies_path, credits_path = _identify(paths)
        credits: Credits = {}
        if credits_path is not None:
            yield from _read_credits(credits_path, credits)
        for item in csv_rows(movies_path, MOVIE_COLUMNS):
            if isinstance(item, RowError):
                yield item
                continue
            line, row = item
            try:
                fields, popularity = _fields(row, credits)
            except BadValue as exc:
                yield RowError(movies_path, line, exc.column, str(exc))
                continue
            checked = conform(fields, movies_path, line, SOURCE_COLUMNS)
            if isinstance(checked, RowError):
                yield checked
            else:
                yield Record(movie=checked, source=self.name, popularity=popularity)


def _identify(paths: list[Path]) -> tuple[Path, Path | None]:
    """(movies file, credits file or None), from files in any order or a directory holding both."""
    movies: list[Path] = []
    credits: list[Path] = []
    for path in map(Path, paths):
        in_folder = path.is_dir()
        for candidate in sorted(path.glob("*.csv")) if in_folder else [path]:
            header = csv_header(candidate)
            if all(column in header for column in CREDIT_COLUMNS):
                credits.append(candidate)
            elif in_folder and not all(column in header for column in MOVIE_COLUMNS):
                continue  # some other table that happens to sit in the same folder
            else:
                expect_columns(candidate, header, MOVIE_COLUMNS)
                movies.append(candidate)
    if not movies:
        where = ", ".join(map(str, paths)) or "nothing given"
        raise SourceError(f"{where}: no TMDB movies file; expected columns: {', '.join(MOVIE_COLUMNS)}")
    if len(movies) > 1 or len(credits) > 1:
        extra = movies if len(movies) > 1 else credits
        raise SourceError(f"{extra[1]}: more than one TMDB {'movies' if extra is movies else 'credits'} file given")
    return movies[0], credits[0] if credits else None


def _fields(row: dict[str, str], credits: Credits) -> tuple[dict, float | None]:
    title = clean_title(row["title"])
    if not title:
        raise BadValue("title", "the title is missing")
    release = row["release_date"].strip()
    if release and not (match := _YEAR.match(release)):
        raise BadValue("release_date", f"expected a date like 2009-12-10, got {release!r}")
    year = int(match[1]) if release else None
    tmdb_id = whole(row["id"], "id")
    votes = whole(row["vote_count"], "vote_count")
    rating = decimal(row["vote_average"], "vote_average")
    countries = _json_list(row["production_countries"], "production_countries")
    cast, directors = credits.get(tmdb_id, ([], [])) if tmdb_id is not None else ([], [])
    fields = {
        "id": make_id(title, year),
        "title": title,
        "year": year,
        "genres": normalise_genres(_names(_json_list(row["genres"], "genres"))),
        "directors": directors,
        "cast": cast,
        "runtime": whole(row["runtime"], "runtime") or None,
        "language": (language := _language(row, countries)),
        "country": _main_country(countries, language),
        "rating": rating if votes else None,
        "votes": votes,
        "keywords": _names(_json_list(row["keywords"], "keywords")),
        "overview": row["overview"].strip(),
        "tmdb_id": tmdb_id,
        "original_title": clean_title(row.get("original_title")) or None,
        # optional, as the file's other extra columns: a trimmed export without it still reads
        "studios": _names(_json_list(row.get("production_companies") or "", "production_companies")),
    }
    return fields, decimal(row["popularity"], "popularity")


# Where each language is a main one: enough to tell a wrong original_language from a right one.
_SPOKEN_IN = {
    "en": {"US", "GB", "CA", "AU", "IE", "NZ"},
    "fr": {"FR", "BE", "CH", "CA", "LU", "MC"},
    "de": {"DE", "AT", "CH", "LU", "LI"},
    "es": {"ES", "MX", "AR", "CO", "CL", "PE", "VE", "CU", "UY", "DO", "BO", "EC", "PY", "GT", "CR", "PR"},
    "it": {"IT", "CH", "SM"},
    "pt": {"PT", "BR"},
    "nl": {"NL", "BE"},
    "sv": {"SE", "FI"},
    "da": {"DK"},
    "no": {"NO"},
    "nb": {"NO"},
    "fi": {"FI"},
    "is": {"IS"},
    "ru": {"RU", "BY", "KZ"},
    "pl": {"PL"},
    "cs": {"CZ"},
    "hu": {"HU"},
    "ro": {"RO"},
    "el": {"GR", "CY"},
    "tr": {"TR"},
    "he": {"IL"},
    "fa": {"IR"},
    "ar": {"EG", "SA", "AE", "LB", "SY", "JO", "MA", "DZ", "TN", "IQ"},
    "hi": {"IN"},
    "ta": {"IN"},
    "te": {"IN"},
    "ur": {"PK"},
    "ja": {"JP"},
    "ko": {"KR"},
    "zh": {"CN", "TW", "HK", "SG"},
    "cn": {"CN", "HK"},
    "th": {"TH"},
    "id": {"ID"},
}


def _language(row: dict[str, str], countries: list[dict]) -> str | None:
    """The film's language: TMDB's original_language, unless the file contradicts it twice over.

    The data set has a few dozen films whose original_language is neither spoken in them nor a
    language of any country that made them, while what is spoken is ("I Love You, Don't Touch
    Me!", an American film in English, is marked French). Those take the spoken language, so "a
    French comedy" is not answered with it; where the evidence is weaker the original stays.
    """
    original = row["original_language"].strip() or None
    spoken = [entry.get("iso_639_1") for entry in _json_list(row.get("spoken_languages") or "", "spoken_languages")]
    made_in = {entry.get("iso_3166_1") for entry in countries}
    if not original or not spoken or not made_in or original in spoken:
        return original
    said = spoken[0]
    if original in _SPOKEN_IN and not _SPOKEN_IN[original] & made_in and _SPOKEN_IN.get(said, set()) & made_in:
        return said
    return original


def _json_list(text: str, column: str) -> list[dict]:
    if not text.strip():
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadValue(column, f"expected a JSON list, {exc.msg} at character {exc.pos}") from None
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise BadValue(column, "expected a JSON list of objects")
    return value


def _main_country(countries: list[dict], language: str | None) -> str | None:
    """The country the film is from: the first of its production countries where its language is
    spoken, else the first listed. The file lists co-producers in no meaningful order: Bridge of
    Spies (English) is "India, United States, Germany", and is no Indian film."""
    codes = [c.strip().upper() for entry in countries if isinstance(c := entry.get("iso_3166_1"), str) and c.strip()]
    spoken_in = _SPOKEN_IN.get(language or "", set())
    return next((code for code in codes if code in spoken_in), codes[0] if codes else None)


def _names(entries: list[dict]) -> list[str]:
    return [entry["name"] for entry in entries if isinstance(entry.get("name"), str)]


def _read_credits(path: Path, credits: Credits) -> Iterator[RowError]:
    """Fill credits by TMDB id; a row that cannot be read costs that movie its credits only."""
    for item in csv_rows(path, CREDIT_COLUMNS):
        if isinstance(item, RowError):
            yield item
            continue
        line, row = item
        try:
            movie_id = whole(row["movie_id"], "movie_id")
            cast = _literal_list(row["cast"], "cast")
            crew = _literal_list(row["crew"], "crew")
        except BadValue as exc:
            yield RowError(path, line, exc.column, str(exc))
            continue
        if movie_id is None:
            continue
        cast.sort(key=lambda entry: entry["order"] if isinstance(entry.get("order"), int) else 10**6)
        credits[movie_id] = (
            _names(cast[:TOP_CAST]),
            _names([entry for entry in crew if entry.get("job") == "Director"]),
        )


def _literal_list(text: str, column: str) -> list[dict]:
    if not text.strip():
        return []
    value = _json_or_none(text)
    if value is None and "\\" not in text:
        # Without backslashes a Python string literal's content is its value, so
        # re-quoting each one as JSON reads the same list.
        value = _json_or_none(_PY_STRING.sub(_json_string, text))
    if value is None:
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            raise BadValue(column, "expected a list like [{'name': ..., ...}]") from None
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise BadValue(column, "expected a list like [{'name': ..., ...}]")
    return value


def _json_string(match: re.Match[str]) -> str:
    if match[1] is None:
        return match[0]  # "double-quoted" already reads the same in JSON
    return '"' + match[1].replace('"', '\\"') + '"'


def _json_or_none(text: str) -> object | None:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None
