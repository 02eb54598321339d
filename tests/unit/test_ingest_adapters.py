"""Source adapters on small files written for each test: what lands in the catalog and what is reported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from store.build import IngestFailed, ingest
from store.ingest import ADAPTERS, get_adapter
from store.ingest.base import Record, RowError, SourceError
from store.ingest.imdb_top_1000 import COLUMNS as IMDB_COLUMNS
from store.ingest.imdb_top_1000 import ImdbTop1000
from store.ingest.jsonl import Jsonl
from store.ingest.movielens import MovieLens, split_title
from store.ingest.redial import Redial, redial_ids, split_name
from store.ingest.tmdb5000 import MOVIE_COLUMNS, Tmdb5000
from store.movie import Movie, make_id
from tests.fakes import HashingEmbedder


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def split(items) -> tuple[list[Record], list[RowError]]:
    items = list(items)
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, RowError)]


def by_title(records: list[Record]) -> dict[str, Movie]:
    return {record.movie.title: record.movie for record in records}


# --- IMDb Top 1000 -----------------------------------------------------------------------------

IMDB_HEADER = [*IMDB_COLUMNS[:3], "Certificate", *IMDB_COLUMNS[3:], "Gross"]


def imdb_row(title="The Godfather", year="1972", runtime="175 min", genre="Crime, Drama", **extra) -> list:
    values = {
        "Poster_Link": "https://example.org/godfather.jpg",
        "Series_Title": title,
        "Released_Year": year,
        "Certificate": "A",
        "Runtime": runtime,
        "Genre": genre,
        "IMDB_Rating": "9.2",
        "Overview": "An organized crime dynasty's aging patriarch transfers control to his son.",
        "Meta_score": "100",
        "Director": "Francis Ford Coppola",
        "Star1": "Marlon Brando",
        "Star2": "Al Pacino",
        "Star3": "James Caan",
        "Star4": "Diane Keaton",
        "No_of_Votes": "1620367",
        "Gross": "134,966,411",
    } | extra
    return [values[column] for column in IMDB_HEADER]


def test_imdb_good_row_becomes_a_full_movie(tmp_path):
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, [imdb_row()])
    records, errors = split(ImdbTop1000().read([path]))

    assert errors == []
    [record] = records
    movie = record.movie
    assert record.source == "imdb-top-1000"
    assert movie.id == "the-godfather-1972"
    assert (movie.title, movie.year, movie.runtime) == ("The Godfather", 1972, 175)
    assert movie.genres == ["crime", "drama"]
    assert movie.directors == ["Francis Ford Coppola"]
    assert movie.cast == ["Marlon Brando", "Al Pacino", "James Caan", "Diane Keaton"]
    assert (movie.rating, movie.votes, movie.metascore) == (9.2, 1620367, 100)
    assert movie.poster_url == "https://example.org/godfather.jpg"
    assert movie.overview.startswith("An organized crime dynasty")
    assert movie.language is None and movie.country is None


def test_imdb_non_numeric_year_skips_only_that_row(tmp_path):
    rows = [imdb_row(), imdb_row(title="Apollo 13", year="PG"), imdb_row(title="Heat", year="1995")]
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, rows)
    records, errors = split(ImdbTop1000().read([path]))

    assert [r.movie.title for r in records] == ["The Godfather", "Heat"]
    [error] = errors
    assert (error.path, error.row, error.column) == (path, 3, "Released_Year")
    assert "'PG'" in error.message


def test_imdb_bad_runtime_is_an_error_but_blank_runtime_and_metascore_are_unknown(tmp_path):
    rows = [
        imdb_row(title="Heat", runtime="two hours"),
        imdb_row(title="Ran", runtime="", Meta_score="", IMDB_Rating=""),
    ]
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, rows)
    records, errors = split(ImdbTop1000().read([path]))

    assert [(e.row, e.column) for e in errors] == [(2, "Runtime")]
    [ran] = [r.movie for r in records]
    assert (ran.title, ran.runtime, ran.metascore, ran.rating) == ("Ran", None, None, None)


def test_imdb_row_numbers_count_lines_of_quoted_multiline_fields(tmp_path):
    rows = [imdb_row(Overview="First line.\nSecond line."), imdb_row(title="Heat", year="19x5")]
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, rows)
    _, errors = split(ImdbTop1000().read([path]))

    # header is line 1, the first movie spans lines 2-3, so Heat starts on line 4
    assert [e.row for e in errors] == [4]


def test_an_oversized_cell_skips_its_row_and_the_rest_of_the_file_is_read(tmp_path, home):
    """One 200,000-character cell used to stop the whole file ("field larger than field limit")."""
    rows = [
        imdb_row(title="Heat", year="1995"),
        imdb_row(title="Se7en", year="1995", Overview="x" * 200_000),
        imdb_row(title="The Godfather", Overview="Long\nand multi-line " + "y" * 200_000),
        imdb_row(title="Alien", year="1979"),
    ]
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, rows)
    records, errors = split(ImdbTop1000().read([path]))
    assert sorted(by_title(records)) == ["Alien", "Heat"]
    assert [(e.row, e.column) for e in errors] == [(3, "Overview"), (4, "Overview")]
    assert "200,000 characters" in errors[0].message
    report = ingest(home, HashingEmbedder(), [("imdb-top-1000", [path])])
    assert report.movies == 2 and len(report.errors) == 2
    with pytest.raises(IngestFailed, match="row 3, column 'Overview'"):
        ingest(home, HashingEmbedder(), [("imdb-top-1000", [path])], replace=True, strict=True)


def test_a_cell_beyond_what_the_parser_holds_still_costs_only_its_row(tmp_path, monkeypatch):
    limit = csv.field_size_limit()
    csv.field_size_limit(150_000)
    try:
        rows = [imdb_row(title="Heat", year="1995"), imdb_row(title="Se7en", Overview="x" * 200_000), imdb_row()]
        path = write_csv(tmp_path / "top.csv", IMDB_HEADER, rows)
        records, errors = split(ImdbTop1000().read([path]))
    finally:
        csv.field_size_limit(limit)
    assert sorted(by_title(records)) == ["Heat", "The Godfather"]
    assert [e.row for e in errors] == [3]


def test_imdb_unknown_genre_is_dropped_and_the_movie_kept(tmp_path):
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, [imdb_row(genre="Drama, Cyberpunk, Sci-Fi")])
    records, errors = split(ImdbTop1000().read([path]))

    assert errors == []
    assert records[0].movie.genres == ["drama", "sci-fi"]


def test_imdb_title_whitespace_is_collapsed_and_a_missing_title_is_an_error(tmp_path):
    rows = [imdb_row(title="  Cosmos   Laundromat "), imdb_row(title="  ")]
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, rows)
    records, errors = split(ImdbTop1000().read([path]))

    assert [r.movie.title for r in records] == ["Cosmos Laundromat"]
    assert records[0].movie.id == make_id("Cosmos Laundromat", 1972)
    assert [(e.row, e.column) for e in errors] == [(3, "Series_Title")]


def test_imdb_wrong_header_lists_the_expected_columns(tmp_path):
    path = write_csv(tmp_path / "top.csv", ["Title", "Year"], [["Heat", "1995"]])
    with pytest.raises(SourceError) as caught:
        list(ImdbTop1000().read([path]))
    assert "Series_Title" in str(caught.value) and "Released_Year" in str(caught.value)
    assert str(path) in str(caught.value)


def test_imdb_missing_file_names_the_path(tmp_path):
    path = tmp_path / "nowhere.csv"
    with pytest.raises(SourceError, match=r"nowhere\.csv"):
        list(ImdbTop1000().read([path]))


def test_csv_with_a_byte_order_mark_is_read(tmp_path):
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, [imdb_row()])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    records, _ = split(ImdbTop1000().read([path]))
    assert [r.movie.title for r in records] == ["The Godfather"]


def test_a_row_with_too_few_fields_is_an_error(tmp_path):
    path = write_csv(tmp_path / "top.csv", IMDB_HEADER, [imdb_row(), ["https://x", "Heat", "1995"]])
    records, errors = split(ImdbTop1000().read([path]))
    assert [r.movie.title for r in records] == ["The Godfather"]
    assert [(e.row, e.column) for e in errors] == [(3, "Certificate")]


# --- MovieLens ---------------------------------------------------------------------------------


def movielens_dir(tmp_path: Path, *, ratings: bool = True, tags: bool = True) -> Path:
    folder = tmp_path / "ml"
    folder.mkdir()
    write_csv(
        folder / "movies.csv",
        ["movieId", "title", "genres"],
        [
            [1, "Toy Story (1995)", "Adventure|Animation|Children|Comedy|Fantasy"],
            [2, "Matrix, The (1999)", "Action|Sci-Fi|Thriller"],
            [3, "Se7en (a.k.a. Seven) (1995)", "Mystery|Thriller"],
            [4, "Black Mirror", "(no genres listed)"],
            [5, "Blind Side, The  (2009)", "Drama"],
        ],
    )
    write_csv(
        folder / "links.csv",
        ["movieId", "imdbId", "tmdbId"],
        [
            [1, "0114709", 862],
            [2, "0133093", 603],
            [3, "0114369", 807],
            [4, "5348176", ""],
            [5, "0878804", 22881],
        ],
    )
    if ratings:
        write_csv(
            folder / "ratings.csv",
            ["userId", "movieId", "rating", "timestamp"],
            [[1, 1, 4.0, 0], [2, 1, 5.0, 0], [3, 1, 3.5, 0], [1, 2, 5.0, 0]],
        )
    if tags:
        write_csv(
            folder / "tags.csv",
            ["userId", "movieId", "tag", "timestamp"],
            [
                [1, 1, "Pixar", 0],
                [2, 1, "pixar", 0],
                [3, 1, "funny", 0],
                [1, 1, "toys", 0],
                [2, 1, "Funny", 0],
            ]
            + [[1, 2, f"tag{i}", 0] for i in range(10)],
        )
    return folder


def test_movielens_titles_ids_and_genres(tmp_path):
    records, errors = split(MovieLens().read([movielens_dir(tmp_path)]))
    movies = by_title(records)

    assert errors == []
    assert sorted(movies) == ["Black Mirror", "Se7en", "The Blind Side", "The Matrix", "Toy Story"]
    toy = movies["Toy Story"]
    assert (toy.id, toy.year, toy.imdb_id, toy.tmdb_id) == ("toy-story-1995", 1995, "tt0114709", 862)
    assert toy.genres == ["adventure", "animation", "family", "comedy", "fantasy"]
    assert movies["The Matrix"].year == 1999
    assert movies["Se7en"].year == 1995
    assert movies["The Blind Side"].id == "the-blind-side-2009"
    mirror = movies["Black Mirror"]
    assert (mirror.year, mirror.genres, mirror.tmdb_id, mirror.id) == (None, [], None, "black-mirror")


def test_movielens_ratings_and_tags_are_folded_into_each_movie(tmp_path):
    records, _ = split(MovieLens().read([movielens_dir(tmp_path)]))
    by = {r.movie.title: r for r in records}

    toy = by["Toy Story"]
    assert toy.movie.votes == 3 and toy.popularity == 3
    assert toy.movie.rating == pytest.approx((4.0 + 5.0 + 3.5) / 3 * 2, abs=0.01)
    assert toy.movie.keywords == ["pixar", "funny", "toys"]
    assert by["The Matrix"].movie.rating == 10.0
    assert len(by["The Matrix"].movie.keywords) == 8
    unrated = by["Se7en"]
    assert (unrated.movie.rating, unrated.movie.votes, unrated.popularity) == (None, 0, 0)


def test_movielens_without_ratings_has_no_votes_or_popularity(tmp_path):
    records, _ = split(MovieLens().read([movielens_dir(tmp_path, ratings=False, tags=False)]))
    toy = next(r for r in records if r.movie.title == "Toy Story")
    assert (toy.movie.rating, toy.movie.votes, toy.popularity, toy.movie.keywords) == (None, None, None, [])


def test_movielens_accepts_files_and_finds_the_rest_beside_them(tmp_path):
    folder = movielens_dir(tmp_path)
    records, _ = split(MovieLens().read([folder / "movies.csv"]))
    toy = next(r.movie for r in records if r.movie.title == "Toy Story")
    assert (toy.imdb_id, toy.votes) == ("tt0114709", 3)


def test_movielens_without_links_is_a_source_error(tmp_path):
    folder = movielens_dir(tmp_path)
    (folder / "links.csv").unlink()
    with pytest.raises(SourceError, match=r"links\.csv"):
        list(MovieLens().read([folder]))


def test_movielens_bad_rating_and_bad_year_rows_are_reported(tmp_path):
    folder = movielens_dir(tmp_path)
    with (folder / "ratings.csv").open("a", encoding="utf-8") as handle:
        handle.write("4,1,lots,0\n")
    with (folder / "movies.csv").open("a", encoding="utf-8") as handle:
        handle.write("6,Metropolis (1027),Sci-Fi\n")
    records, errors = split(MovieLens().read([folder]))

    assert [(e.path.name, e.row, e.column) for e in errors] == [
        ("ratings.csv", 6, "rating"),
        ("movies.csv", 7, "title"),
    ]
    assert next(r.movie for r in records if r.movie.title == "Toy Story").votes == 3


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Matrix, The (1999)", ("The Matrix", 1999)),
        ("Se7en (a.k.a. Seven) (1995)", ("Se7en", 1995)),
        ("Cosmos  (2015)", ("Cosmos", 2015)),
        (
            "Good, the Bad and the Ugly, The (Buono, il brutto, il cattivo, Il) (1966)",
            ("The Good, the Bad and the Ugly", 1966),
        ),
        ("Argent, L' (1983)", ("L'Argent", 1983)),
        ("(500) Days of Summer (2009)", ("(500) Days of Summer", 2009)),
        ("Death Note: Desu nôto (2006–2007)", ("Death Note: Desu nôto", 2006)),
        ("Babylon 5", ("Babylon 5", None)),
    ],
)
def test_movielens_title_parsing(raw, expected):
    assert split_title(raw) == expected


# --- TMDB 5000 ---------------------------------------------------------------------------------

TMDB_HEADER = ["budget", *MOVIE_COLUMNS, "status"]


def tmdb_row(**extra) -> list:
    values = {
        "budget": "237000000",
        "id": "19995",
        "title": "Avatar",
        "genres": json.dumps(
            [
                {"id": 28, "name": "Action"},
                {"id": 878, "name": "Science Fiction"},
                {"id": 1, "name": "Foreign"},
            ]
        ),
        "keywords": json.dumps([{"id": 1463, "name": "culture clash"}, {"id": 2964, "name": "future"}]),
        "original_language": "en",
        "overview": "A paraplegic Marine is dispatched to the moon Pandora.",
        "popularity": "150.437577",
        "production_countries": json.dumps([{"iso_3166_1": "US", "name": "United States of America"}]),
        "release_date": "2009-12-10",
        "runtime": "162.0",
        "vote_average": "7.2",
        "vote_count": "11800",
        "status": "Released",
    } | extra
    return [values[column] for column in TMDB_HEADER]


AVATAR_CAST = (
    "[{'name': 'Zoe Saldana', 'order': 1}, {'name': 'Sam Worthington', 'order': 0}, "
    "{'name': 'Michelle Rodriguez', 'order': 4}, {'name': 'Sigourney Weaver', 'order': 2}, "
    "{'name': 'Joel David Moore', 'order': 5}, {'name': 'Stephen Lang', 'order': 3}]"
)
AVATAR_CREW = "[{'name': 'James Cameron', 'job': 'Director'}, {'name': 'Jon Landau', 'job': 'Producer'}]"


def tmdb_files(tmp_path: Path, rows: list[list] | None = None, credits: list[list] | None = None):
    movies = write_csv(tmp_path / "a.csv", TMDB_HEADER, rows or [tmdb_row()])
    credits_path = write_csv(
        tmp_path / "b.csv", ["movie_id", "cast", "crew"], credits or [["19995", AVATAR_CAST, AVATAR_CREW]]
    )
    return movies, credits_path


def test_tmdb_movie_joined_with_credits_whatever_the_file_order(tmp_path):
    movies, credits = tmdb_files(tmp_path)
    for paths in ([movies, credits], [credits, movies], [tmp_path]):
        records, errors = split(Tmdb5000().read(paths))
        assert errors == []
        [record] = records
        avatar = record.movie
        assert (avatar.id, avatar.tmdb_id, avatar.year, avatar.runtime) == ("avatar-2009", 19995, 2009, 162)
        assert (avatar.language, avatar.country) == ("en", "US")
        assert avatar.genres == ["action", "sci-fi"]
        assert avatar.keywords == ["culture clash", "future"]
        assert (avatar.rating, avatar.votes) == (7.2, 11800)
        assert avatar.directors == ["James Cameron"]
        assert avatar.cast == [
            "Sam Worthington",
            "Zoe Saldana",
            "Sigourney Weaver",
            "Stephen Lang",
            "Michelle Rodriguez",
        ]
        assert record.popularity == pytest.approx(150.437577)


def test_tmdb_without_credits_has_no_cast(tmp_path):
    movies, _ = tmdb_files(tmp_path)
    [record] = split(Tmdb5000().read([movies]))[0]
    assert (record.movie.title, record.movie.cast, record.movie.directors) == ("Avatar", [], [])


def test_tmdb_unknown_language_and_country_are_dropped_not_the_movie(tmp_path):
    jamaica = json.dumps([{"iso_3166_1": "XK", "name": "Kosovo"}])
    movies, _ = tmdb_files(tmp_path, [tmdb_row(original_language="zz", production_countries=jamaica)])
    records, errors = split(Tmdb5000().read([movies]))
    assert errors == []
    [avatar] = [r.movie for r in records]
    assert (avatar.title, avatar.language, avatar.country) == ("Avatar", None, None)


def test_tmdb_language_contradicted_by_what_is_spoken_and_where_it_was_made_is_corrected(tmp_path):
    def film(title: str, original: str, spoken: list[str], countries: list[str]) -> list:
        spoken_json = json.dumps([{"iso_639_1": code} for code in spoken])
        made = json.dumps([{"iso_3166_1": code} for code in countries])
        return [*tmdb_row(title=title, original_language=original, production_countries=made), spoken_json]

    rows = [
        film("I Love You, Don't Touch Me!", "fr", ["en"], ["US"]),  # the real file's mistake
        film("Holy Motors", "en", ["fr"], ["FR"]),
        film("Pokemon", "ja", ["en"], ["JP"]),  # dubbed: spoken English, made in Japan, stays Japanese
        film("Stung", "de", ["en"], ["US", "DE"]),  # not sure either way: the original stays
        film("Avatar", "en", ["en", "es"], ["US"]),
    ]
    movies = write_csv(tmp_path / "a.csv", [*TMDB_HEADER, "spoken_languages"], rows)
    records, errors = split(Tmdb5000().read([movies]))
    assert errors == []
    assert {r.movie.title: r.movie.language for r in records} == {
        "I Love You, Don't Touch Me!": "en",
        "Holy Motors": "fr",
        "Pokemon": "ja",
        "Stung": "de",
        "Avatar": "en",
    }


def test_tmdb_production_companies_are_the_films_studios_and_a_file_without_them_still_reads(tmp_path):
    companies = json.dumps([{"name": "Pixar Animation Studios", "id": 3}, {"name": "Walt Disney Pictures", "id": 2}])
    up = [*tmdb_row(title="Up", id="14160"), companies]
    movies = write_csv(tmp_path / "a.csv", [*TMDB_HEADER, "production_companies"], [up])
    [record] = split(Tmdb5000().read([movies]))[0]
    assert record.movie.studios == ["Pixar Animation Studios", "Walt Disney Pictures"]
    assert Movie.from_dict(record.movie.to_dict()).studios == record.movie.studios
    (tmp_path / "trimmed").mkdir()
    trimmed, _ = tmdb_files(tmp_path / "trimmed")
    [plain] = split(Tmdb5000().read([trimmed]))[0]
    assert plain.movie.studios == [] and "studios" not in plain.movie.to_dict()  # the content hash is unchanged


def test_tmdb_zero_runtime_no_votes_and_no_date_are_unknowns(tmp_path):
    rows = [tmdb_row(runtime="0", vote_count="0", vote_average="0.0", release_date="")]
    movies, _ = tmdb_files(tmp_path, rows)
    [record] = split(Tmdb5000().read([movies]))[0]
    movie = record.movie
    assert (movie.runtime, movie.rating, movie.votes, movie.year, movie.id) == (None, None, 0, None, "avatar")


def test_tmdb_bad_date_and_bad_runtime_rows_are_skipped(tmp_path):
    rows = [
        tmdb_row(release_date="sometime"),
        tmdb_row(title="Heat", runtime="long"),
        tmdb_row(title="Up", id="14160"),
    ]
    movies, _ = tmdb_files(tmp_path, rows)
    records, errors = split(Tmdb5000().read([movies]))
    assert [r.movie.title for r in records] == ["Up"]
    assert [(e.row, e.column) for e in errors] == [(2, "release_date"), (3, "runtime")]


def test_tmdb_unreadable_credits_cost_only_the_credits(tmp_path):
    movies, credits = tmdb_files(tmp_path, credits=[["19995", "[{'name': 'Sam'", AVATAR_CREW]])
    records, errors = split(Tmdb5000().read([movies, credits]))
    assert [(e.path, e.row, e.column) for e in errors] == [(credits, 2, "cast")]
    assert [(r.movie.title, r.movie.cast) for r in records] == [("Avatar", [])]


def test_tmdb_credits_are_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    movies, credits = tmdb_files(tmp_path, credits=[["19995", payload, AVATAR_CREW]])
    _, errors = split(Tmdb5000().read([movies, credits]))
    assert not marker.exists()
    assert [e.column for e in errors] == ["cast"]


def test_tmdb_credits_as_json_like_the_original_credits_file(tmp_path):
    cast = json.dumps([{"cast_id": 242, "character": "Jake Sully", "name": "Sam Worthington", "order": 0}])
    crew = json.dumps([{"job": "Director", "name": "James Cameron", "department": "Directing"}])
    movies, credits = tmdb_files(tmp_path, credits=[["19995", cast, crew]])
    [record] = split(Tmdb5000().read([credits, movies]))[0]
    assert (record.movie.cast, record.movie.directors) == (["Sam Worthington"], ["James Cameron"])


def test_tmdb_names_with_quotes_survive_the_credits_parser(tmp_path):
    cast = "[{'name': \"Hazel D'Jan\", 'order': 0}, {'name': 'Dwayne \"The Rock\" Johnson', 'order': 1}]"
    movies, credits = tmdb_files(tmp_path, credits=[["19995", cast, "[]"]])
    [record] = split(Tmdb5000().read([movies, credits]))[0]
    assert record.movie.cast == ["Hazel D'Jan", 'Dwayne "The Rock" Johnson']


def test_tmdb_wrong_header_lists_the_expected_columns(tmp_path):
    path = write_csv(tmp_path / "movies.csv", ["id", "name"], [["1", "Heat"]])
    with pytest.raises(SourceError) as caught:
        list(Tmdb5000().read([path]))
    assert "expected columns: id, title, genres" in str(caught.value)


def test_tmdb_missing_file_names_the_path(tmp_path):
    with pytest.raises(SourceError, match=r"tmdb_5000_movies\.csv"):
        list(Tmdb5000().read([tmp_path / "tmdb_5000_movies.csv"]))


# --- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_round_trips_movies_and_ignores_blank_lines(tmp_path):
    heat = Movie(id="heat-1995", title="Heat", year=1995, genres=["crime"], language="en", tmdb_id=949)
    up = Movie(id="up-2009", title="Up", year=2009, genres=["animation", "family"], moods=["heartwarming"])
    path = tmp_path / "catalog.jsonl"
    path.write_text(f"{heat.to_json()}\n\n   \n{up.to_json()}\n", encoding="utf-8")

    records, errors = split(Jsonl().read([path]))
    assert errors == []
    assert [r.movie for r in records] == [heat, up]
    assert {r.source for r in records} == {"jsonl"}


def test_jsonl_bad_json_and_invalid_movies_are_row_errors_with_line_numbers(tmp_path):
    good = Movie(id="heat-1995", title="Heat", year=1995).to_json()
    lines = [
        good,
        '{"id": "x", "title": "X", "year": 1999',
        "",
        json.dumps({"id": "y", "title": "Y", "year": 1999, "genres": ["cyberpunk"]}),
        json.dumps({"id": "z", "title": "Z", "year": 1999, "stars": 5}),
        json.dumps({"id": "w", "title": "W", "year": "soon"}),
    ]
    path = tmp_path / "catalog.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    records, errors = split(Jsonl().read([path]))
    assert [r.movie.title for r in records] == ["Heat"]
    assert [(e.row, e.column) for e in errors] == [(2, "record"), (4, "genres"), (5, "stars"), (6, "year")]
    assert "cyberpunk" in errors[1].message


def test_jsonl_missing_file_names_the_path(tmp_path):
    with pytest.raises(SourceError, match=r"gone\.jsonl"):
        list(Jsonl().read([tmp_path / "gone.jsonl"]))


# --- ReDial ------------------------------------------------------------------------------------


def redial_file(tmp_path: Path) -> Path:
    data = {
        "100271": {
            "name": "Lady Bird (2017)",
            "genre": ["comedy", "drama", "short"],
            "plot": "In 2002, an artistically inclined seventeen-year-old girl comes of age in Sacramento.",
            "director": ["Greta Gerwig"],
            "writer": ["Greta Gerwig"],
            "star": ["Saoirse Ronan", "Laurie Metcalf"],
            "imdb_id": "tt4925292",
        },
        "100043": {"name": "Back to the  Future", "genre": ["sci-fi"], "imdb_id": "not-an-id"},
        "103034": {"name": "(2015)", "genre": ["drama"], "imdb_id": "tt3774694"},
        "111111": {"name": "Metropolis (1027)", "genre": []},
    }
    path = tmp_path / "id2info.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_redial_movies_get_moviebot_ids_and_fields(tmp_path):
    records, _ = split(Redial().read([redial_file(tmp_path)]))
    movies = by_title(records)

    assert sorted(movies) == ["Back to the Future", "Lady Bird"]
    lady_bird = movies["Lady Bird"]
    assert (lady_bird.id, lady_bird.year, lady_bird.imdb_id) == ("lady-bird-2017", 2017, "tt4925292")
    assert lady_bird.genres == ["comedy", "drama"]
    assert (lady_bird.directors, lady_bird.cast) == (["Greta Gerwig"], ["Saoirse Ronan", "Laurie Metcalf"])
    assert lady_bird.overview.startswith("In 2002")
    future = movies["Back to the Future"]
    assert (future.id, future.year, future.imdb_id) == ("back-to-the-future", None, None)


def test_redial_errors_use_the_ordinal_and_name_the_redial_id(tmp_path):
    _, errors = split(Redial().read([redial_file(tmp_path)]))
    assert [(e.row, e.column) for e in errors] == [(3, "name"), (4, "name")]
    assert "103034" in errors[0].message and "111111" in errors[1].message


def test_redial_ids_map_to_the_ids_the_adapter_yields(tmp_path):
    path = redial_file(tmp_path)
    assert redial_ids(path) == {"100271": "lady-bird-2017", "100043": "back-to-the-future"}


def test_redial_file_that_is_not_an_object_is_a_source_error(tmp_path):
    path = tmp_path / "id2info.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SourceError, match="JSON object"):
        list(Redial().read([path]))
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(SourceError, match="not valid JSON"):
        list(Redial().read([path]))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Lady Bird (2017)", ("Lady Bird", 2017)), ("Back to the Future", ("Back to the Future", None))],
)
def test_redial_name_parsing(name, expected):
    assert split_name(name) == expected


# --- registry ----------------------------------------------------------------------------------


def test_every_format_is_registered_under_its_own_name():
    assert sorted(ADAPTERS) == ["imdb-top-1000", "jsonl", "movielens", "redial", "tmdb-5000"]
    assert all(adapter.name == name for name, adapter in ADAPTERS.items())
    assert get_adapter("tmdb-5000") is ADAPTERS["tmdb-5000"]


def test_unknown_format_lists_the_valid_ones():
    with pytest.raises(ValueError, match="imdb-top-1000, jsonl, movielens, redial, tmdb-5000"):
        get_adapter("netflix")
