"""Where a film is from: "a movie from India" gave Bridge of Spies, The BFG and Real Steel as
"Indian films", because TMDB lists an Indian co-producer first; "a bollywood movie" too."""

from __future__ import annotations

import json

import pytest

from agent.understanding.reader import understand
from store.ingest.tmdb5000 import Tmdb5000
from tests.unit.test_ingest_adapters import TMDB_HEADER, split, tmdb_row, write_csv


def _film(title: str, language: str, countries: list[str]) -> list:
    made = json.dumps([{"iso_3166_1": code} for code in countries])
    return [*tmdb_row(title=title, original_language=language, production_countries=made),
            json.dumps([{"iso_639_1": language}])]  # fmt: skip


def test_a_film_is_from_the_producing_country_whose_language_it_is_in(tmp_path):
    rows = [
        _film("Bridge of Spies", "en", ["IN", "US", "DE"]),  # as the real file lists them
        _film("Slumdog Millionaire", "en", ["IN", "GB", "US"]),
        _film("Lagaan", "hi", ["IN"]),
        _film("Letters from Iwo Jima", "ja", ["US"]),  # in no producer's language: the first listed
        _film("Stung", "de", ["US", "DE"]),
    ]
    movies = write_csv(tmp_path / "a.csv", [*TMDB_HEADER, "spoken_languages"], rows)
    records, errors = split(Tmdb5000().read([movies]))
    assert errors == []
    assert {r.movie.title: r.movie.country for r in records} == {
        "Bridge of Spies": "US",
        "Slumdog Millionaire": "GB",
        "Lagaan": "IN",
        "Letters from Iwo Jima": "US",
        "Stung": "DE",
    }


@pytest.mark.parametrize("text", ["a bollywood movie", "any good Bollywood films?"])
def test_bollywood_is_hindi_cinema(starter, text):
    read = understand(text, starter)
    assert (read.languages, read.countries) == (["hi"], [])
