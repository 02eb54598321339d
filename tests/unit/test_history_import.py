"""Importing Letterboxd, IMDb and MovieLens histories: parsing, matching to the catalog, one transaction."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from store.build import ingest
from store.catalog import Catalog
from store.history_import import import_history, read_history
from store.home import DataDir
from store.ingest.base import SourceError
from store.profiles import ProfileStore
from tests.conftest import SAMPLE_MOVIES

ME = "cli:me"
IMDB_IDS = {"se7en-1995": "tt0114369", "heat-1995": "tt0113277", "the-dark-knight-2008": "tt0468569"}
TMDB_IDS = {"the-dark-knight-2008": 155, "spirited-away-2001": 129}
# Two films with one title and one year: only their ids tell them apart.
HAMLETS = [
    {"id": "hamlet-1990", "title": "Hamlet", "year": 1990, "genres": ["drama"], "imdb_id": "tt0099726",
     "directors": ["Franco Zeffirelli"], "votes": 30000},
    {"id": "hamlet-1990-tv", "title": "Hamlet", "year": 1990, "genres": ["drama"], "imdb_id": "tt0100112",
     "directors": ["Kirk Browning"], "votes": 300},
]  # fmt: skip

LB_RATINGS = ("Date", "Name", "Year", "Letterboxd URI", "Rating")
LB_WATCHED = ("Date", "Name", "Year", "Letterboxd URI")
LB_DIARY = ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date")
IMDB_HEADER = ("Const", "Your Rating", "Date Rated", "Title", "Original Title", "URL", "Title Type",
               "IMDb Rating", "Runtime (mins)", "Year", "Genres", "Num Votes", "Release Date", "Directors")  # fmt: skip


@pytest.fixture
def catalog(tmp_path: Path, embedder) -> Catalog:
    """The shared sample films with IMDb ids on three of them and TMDB ids on two, plus the two 1990 Hamlets."""
    movies = [{**m, "imdb_id": IMDB_IDS[m["id"]]} if m["id"] in IMDB_IDS else m for m in SAMPLE_MOVIES]
    movies = [{**m, "tmdb_id": TMDB_IDS[m["id"]]} if m["id"] in TMDB_IDS else m for m in movies]
    source = tmp_path / "films.jsonl"
    source.write_text("\n".join(json.dumps(m) for m in [*movies, *HAMLETS]) + "\n", encoding="utf-8")
    home = DataDir(tmp_path / "catalog-home").ensure()
    ingest(home, embedder, [("jsonl", [source])])
    cat = Catalog(home.current_catalog(), embedder)
    yield cat
    cat.close()


def write_csv(path: Path, header: tuple[str, ...], *rows: tuple) -> Path:
    import csv

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def lb(name: str, year, *rest) -> tuple:
    """A Letterboxd row: Date, Name, Year, URI, then whatever the file adds."""
    return ("2024-03-01", name, year, f"https://boxd.it/{name[:4]}", *rest)


def run(profiles, catalog, fmt, paths, **kwargs):
    movielens_user = kwargs.pop("movielens_user", None)
    rows = read_history(fmt, paths, movielens_user=movielens_user)
    return import_history(profiles, catalog, rows, fmt=fmt, **kwargs)


def watched_dates(profiles: ProfileStore, user: str = ME) -> dict[str, str | None]:
    return {row["movie_id"]: row["watched_at"] and row["watched_at"][:10] for row in profiles.watched(user)}


# -- Letterboxd ----------------------------------------------------------------------------------


def test_a_letterboxd_folder_imports_ratings_diary_and_watched_but_not_the_watchlist(tmp_path, profiles, catalog):
    export = tmp_path / "letterboxd-me-2024"
    write_csv(export / "ratings.csv", LB_RATINGS, lb("Se7en", 1995, "4.5"), lb("Spirited Away", 2001, "5"))
    write_csv(export / "watched.csv", LB_WATCHED, lb("Se7en", 1995), lb("Paddington 2", 2017))
    write_csv(export / "diary.csv", LB_DIARY,
              ("2024-01-02", "Se7en", 1995, "u", "3", "", "", "2023-12-30"),
              ("2024-02-10", "The Shining", 1980, "u", "2", "", "", "2024-02-09"))  # fmt: skip
    write_csv(export / "watchlist.csv", LB_WATCHED, lb("Parasite", 2019))

    report = run(profiles, catalog, "letterboxd", [export], user=ME)

    assert profiles.ratings(ME) == {"se7en-1995": 4.5, "spirited-away-2001": 5.0, "the-shining-1980": 2.0}
    assert set(watched_dates(profiles)) == {"se7en-1995", "spirited-away-2001", "paddington-2-2017",
                                            "the-shining-1980"}  # fmt: skip
    assert watched_dates(profiles)["the-shining-1980"] == "2024-02-09"  # the diary's Watched Date
    assert "parasite-2019" not in watched_dates(profiles)
    assert (report.rated, report.watched, report.rows) == (3, 4, 6)
    assert report.matched_by["title"] == 6 and not report.skipped
    assert profiles.watched(ME)[0]["source"] == "import:letterboxd"


def test_a_title_in_another_script_is_imported(tmp_path, profiles, starter):
    """Letterboxd rows "千と千尋の神隠し" and "功夫" were "not in the catalog", which has both under
    their English titles (chat and `rate` found them)."""
    export = tmp_path / "ratings.csv"
    write_csv(export, LB_RATINGS, lb("千と千尋の神隠し", 2001, "5"), lb("功夫", 2004, "4"))
    report = run(profiles, starter, "letterboxd", [export], user=ME)
    assert profiles.ratings(ME) == {"spirited-away-2001": 5.0, "kung-fu-hustle-2004": 4.0}
    assert not report.skipped


def test_letterboxd_files_are_told_apart_by_their_header_not_their_name(tmp_path, profiles, catalog):
    diary = write_csv(tmp_path / "export (1).csv", LB_DIARY,
                      ("2024-01-02", "Heat", 1995, "u", "4", "Yes", "", "2024-01-01"))  # fmt: skip
    seen = write_csv(tmp_path / "seen.csv", LB_WATCHED, lb("Amélie", 2001))

    report = run(profiles, catalog, "letterboxd", [diary, seen], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 4.0}
    assert set(watched_dates(profiles)) == {"heat-1995", "amelie-2001"}
    assert watched_dates(profiles)["heat-1995"] == "2024-01-01"
    assert report.rated == 1 and report.watched == 2


def letterboxd_zip(tmp_path, folder: str = "", *, kept: bool = True):
    """A Letterboxd export zip: Parasite rated 4 (unless not `kept`) and Heat among the deleted ratings,
    at the zip's top level or inside `folder`."""
    ratings = write_csv(tmp_path / "src" / "ratings.csv", LB_RATINGS, lb("Parasite", 2019, "4"))
    removed = write_csv(tmp_path / "src" / "deleted-ratings.csv", LB_RATINGS, lb("Heat", 1995, "1"))
    archive = tmp_path / f"letterboxd-{folder.strip('/') or 'top'}-{kept}.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        if kept:
            zf.write(ratings, f"{folder}ratings.csv")
        zf.write(removed, f"{folder}deleted/ratings.csv")
    return archive


def test_the_letterboxd_export_zip_is_read_from_its_top_level(tmp_path, profiles, catalog):
    report = run(profiles, catalog, "letterboxd", [letterboxd_zip(tmp_path)], user=ME)

    assert profiles.ratings(ME) == {"parasite-2019": 4.0}
    assert report.rated == 1


def test_a_zip_of_the_whole_export_folder_is_read_from_inside_it(tmp_path, profiles, catalog):
    """Zipping the folder the export unpacks to was refused: "no watched.csv, diary.csv, ratings.csv in this zip"."""
    report = run(profiles, catalog, "letterboxd", [letterboxd_zip(tmp_path, "letterboxd-me-2026/")], user=ME)

    assert profiles.ratings(ME) == {"parasite-2019": 4.0} and report.rated == 1
    with pytest.raises(SourceError, match="in this zip"):  # only deleted ratings: nothing to import
        run(profiles, catalog, "letterboxd", [letterboxd_zip(tmp_path, kept=False)], user=ME)


def test_a_wrong_header_names_the_file_and_the_expected_columns_and_imports_nothing(tmp_path, profiles, catalog):
    good = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, "4"))
    bad = write_csv(tmp_path / "films.csv", ("Film", "Released", "Stars"), ("Heat", 1995, 4))

    with pytest.raises(SourceError) as error:
        run(profiles, catalog, "letterboxd", [good, bad], user=ME)

    message = str(error.value)
    assert str(bad) in message and "not a Letterboxd export file" in message
    assert "ratings.csv: Date, Name, Year, Letterboxd URI, Rating" in message
    assert "found: Film, Released, Stars" in message
    assert profiles.ratings(ME) == {} and profiles.watched(ME) == [] and profiles.users() == []


def test_a_ratings_file_without_its_rating_column_lists_the_missing_column(tmp_path, profiles, catalog):
    bad = write_csv(
        tmp_path / "ratings.csv", ("Date", "Name", "Rating", "Letterboxd URI"), ("2024-01-01", "Heat", 4, "u")
    )

    with pytest.raises(
        SourceError, match=r"ratings\.csv: not a Letterboxd ratings\.csv: it lacks the column\(s\) Year"
    ):
        run(profiles, catalog, "letterboxd", [bad], user=ME)


def test_the_watchlist_given_by_name_is_refused(tmp_path, profiles, catalog):
    watchlist = write_csv(tmp_path / "watchlist.csv", LB_WATCHED, lb("Heat", 1995))

    with pytest.raises(SourceError, match="watchlist, films not seen yet"):
        run(profiles, catalog, "letterboxd", [watchlist], user=ME)
    assert profiles.watched(ME) == []


def test_bad_rows_are_listed_as_invalid_and_the_rest_imported(tmp_path, profiles, catalog):
    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS,
                        lb("Heat", 1995, "4"),
                        lb("Se7en", 1995, "7"),
                        lb("Parasite", 2019, "3.25"),
                        lb("Amélie", "two thousand", "4"),
                        ("last tuesday", "Paddington 2", 2017, "u", "5"),
                        ("2024-01-01", "Spirited Away"))  # fmt: skip

    report = run(profiles, catalog, "letterboxd", [ratings], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 4.0}
    reasons = {row.title: row.reason for row in report.invalid}
    assert "expected 0.5 to 5 stars" in reasons["Se7en"] and "'7'" in reasons["Se7en"]
    assert "'3.25'" in reasons["Parasite"]
    assert reasons["Amélie"].startswith("Year: expected a year")
    assert reasons["Paddington 2"].startswith("Date: expected a date")
    assert any(row.reason == "malformed line: 2 fields where the header has 5" for row in report.invalid)
    assert report.invalid[0].where == f"{ratings}:3"
    assert report.rows == 6 and len(report.invalid) == 5


def test_a_stray_quote_loses_only_its_own_row(tmp_path, profiles, catalog):
    """Rows after an unclosed quote were swallowed into it: "1 film from 2 rows" of 4, three never named."""
    ratings = tmp_path / "ratings.csv"
    ratings.write_text(
        "Date,Name,Year,Letterboxd URI,Rating\n"
        "2024-01-01,Heat,1995,https://boxd.it/a,4\n"
        '2024-01-02,"Broken, quote,1999,https://boxd.it/b,3\n'
        "2024-01-03,Se7en,1995,https://boxd.it/c,5\n"
        "2024-01-04,Parasite,2019,https://boxd.it/d,4.5\n",
        encoding="utf-8",
    )
    report = run(profiles, catalog, "letterboxd", [ratings], user=ME)
    assert profiles.ratings(ME) == {"heat-1995": 4.0, "se7en-1995": 5.0, "parasite-2019": 4.5}
    assert report.rows == 4 and [row.where for row in report.invalid] == [f"{ratings}:3"]


def test_unknown_and_ambiguous_titles_are_reported_not_guessed(tmp_path, profiles, catalog):
    watched = write_csv(tmp_path / "watched.csv", LB_WATCHED,
                        lb("The Room", 2003), lb("Heat", ""), lb("Hamlet", 1990), lb("Heat", 1986))  # fmt: skip

    report = run(profiles, catalog, "letterboxd", [watched], user=ME)

    assert set(watched_dates(profiles)) == {"heat-1986"}
    assert [(row.title, row.reason) for row in report.unmatched] == [("The Room", "not in the catalog")]
    ambiguous = {row.title: row.alternatives for row in report.ambiguous}
    assert ambiguous["Heat"] == ("Heat (1995)", "Heat (1986)")
    assert ambiguous["Hamlet"] == ("Hamlet (1990), id hamlet-1990", "Hamlet (1990), id hamlet-1990-tv")
    assert report.ambiguous[0].where == f"{watched}:3"


def test_a_title_without_its_year_is_the_film_its_article_names(tmp_path, profiles, embedder):
    """Before: a list of one's own with "Heat" and no year was skipped as "fits several films (The
    Heat (2013); Heat (1995))", though `rate Heat 4` and chat take it for Heat (1995)."""
    heat = [m for m in SAMPLE_MOVIES if m["id"] == "heat-1995"]
    the_heat = {"id": "the-heat-2013", "title": "The Heat", "year": 2013, "genres": ["comedy"], "votes": 900000}
    source = tmp_path / "films.jsonl"
    source.write_text("\n".join(json.dumps(m) for m in [*heat, the_heat]) + "\n", encoding="utf-8")
    home = DataDir(tmp_path / "heat-home").ensure()
    ingest(home, embedder, [("jsonl", [source])])
    catalog = Catalog(home.current_catalog(), embedder)
    try:
        ratings = write_csv(tmp_path / "ratings.csv", ("Date", "Name", "Year", "Rating"),
                            ("", "Heat", "", 4), ("", "The Heat", "", 2))  # fmt: skip
        report = run(profiles, catalog, "letterboxd", [ratings], user=ME)
    finally:
        catalog.close()

    assert report.skipped == []
    assert profiles.ratings(ME) == {"heat-1995": 4.0, "the-heat-2013": 2.0}


def test_two_films_of_one_title_and_year_are_told_apart_by_id(profiles, catalog):
    """'add the year' was the advice for Saturn 3 (1980) twice, and following it chose one silently."""
    from agent.service import AmbiguousTitle, build_service

    service = build_service(catalog, profiles)
    try:
        for typed in ("Hamlet", "Hamlet 1990"):
            with pytest.raises(AmbiguousTitle, match="Hamlet \\(1990\\) \\(id hamlet-1990\\), Hamlet \\(1990\\) "
                               "\\(id hamlet-1990-tv\\); give the id"):  # fmt: skip
                service.resolve(typed)
        assert service.resolve("hamlet-1990-tv").directors == ["Kirk Browning"]
    finally:
        service.close()


def test_near_titles_and_off_by_one_years_match_fuzzily_but_far_years_do_not(tmp_path, profiles, catalog):
    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS,
                        lb("The Dark Night", 2008, "5"),
                        lb("Se7en", 1996, "4"),
                        lb("The Insider", 1992, "3"),
                        lb("Paddingtn", 2017, "3"),
                        lb("Parasyte", 2019, "3"))  # fmt: skip

    report = run(profiles, catalog, "letterboxd", [ratings], user=ME)

    assert profiles.ratings(ME) == {"the-dark-knight-2008": 5.0, "se7en-1995": 4.0}
    assert report.matched_by == {"id": 0, "imdb": 0, "tmdb": 0, "title": 0, "fuzzy": 2}
    assert [row.title for row in report.unmatched] == ["The Insider", "Paddingtn", "Parasyte"]


def test_a_close_title_is_another_film_when_its_numbers_differ_or_the_export_names_that_film_too(
    tmp_path, profiles, catalog
):
    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS,
                        lb("Paddington 3", 2017, "2"),
                        lb("Heat", 1995, "5"),
                        lb("Heat", 1996, "1"))  # fmt: skip

    report = run(profiles, catalog, "letterboxd", [ratings], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 5.0}
    assert [(row.title, row.year) for row in report.unmatched] == [("Paddington 3", 2017), ("Heat", 1996)]


def test_a_title_whose_imdb_id_differs_from_the_catalog_films_is_another_film(tmp_path, profiles, catalog):
    export = write_csv(tmp_path / "ratings.csv", IMDB_HEADER, imdb_row("tt0088888", 6, "Heat", 1995))

    report = run(profiles, catalog, "imdb", [export], user=ME)

    assert profiles.ratings(ME) == {}
    assert [row.title for row in report.unmatched] == ["Heat"]


def test_the_same_film_twice_keeps_the_last_rating_and_the_latest_viewing(tmp_path, profiles, catalog):
    diary = write_csv(tmp_path / "diary.csv", LB_DIARY,
                      ("2024-05-02", "Heat", 1995, "u", "5", "Yes", "", "2024-05-01"),
                      ("2020-01-02", "Heat", 1995, "u", "3", "", "", "2020-01-01"))  # fmt: skip

    report = run(profiles, catalog, "letterboxd", [diary], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 5.0}
    assert watched_dates(profiles) == {"heat-1995": "2024-05-01"}
    assert (report.rows, report.rated, report.watched) == (2, 1, 1)


def test_the_current_rating_beats_the_diary_but_the_diary_keeps_the_latest_viewing(tmp_path, profiles, catalog):
    diary = write_csv(tmp_path / "diary.csv", LB_DIARY, ("2024-05-02", "Heat", 1995, "u", "3", "Yes", "", "2024-05-01"))
    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS, ("2020-01-02", "Heat", 1995, "u", "4.5"))

    run(profiles, catalog, "letterboxd", [ratings, diary], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 4.5}
    assert watched_dates(profiles) == {"heat-1995": "2024-05-01"}


def test_an_import_keeps_an_earlier_watched_date_and_replaces_the_rating(tmp_path, profiles, catalog):
    profiles.add_watched(ME, "heat-1995", source="chat", at="2019-06-01T00:00:00")
    profiles.rate(ME, "heat-1995", 2.0, source="chat", at="2020-01-01T00:00:00")  # before the file's 2024 rating
    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, "4.5"))

    run(profiles, catalog, "letterboxd", [ratings], user=ME)
    run(profiles, catalog, "letterboxd", [ratings], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 4.5}
    assert watched_dates(profiles) == {"heat-1995": "2019-06-01"}
    assert len(profiles.watched(ME)) == 1


# -- IMDb ----------------------------------------------------------------------------------------


def imdb_row(const: str, rating, title: str, year, when: str = "2024-04-01", kind: str = "Movie") -> tuple:
    return (const, rating, when, title, title, f"https://www.imdb.com/title/{const}/", kind, "8.0", "120", year,
            "Drama", "1000", f"{year}-01-01", "Someone")  # fmt: skip


def test_imdb_ratings_match_by_id_first_then_title_and_year_with_ten_points_as_five_stars(tmp_path, profiles,
                                                                                         catalog):  # fmt: skip
    export = write_csv(tmp_path / "ratings.csv", IMDB_HEADER,
                       imdb_row("tt0114369", 7, "Seven", 1995),
                       imdb_row("tt0099726", 10, "Hamlet", 1990),
                       imdb_row("tt9999999", 1, "Parasite", 2019),
                       imdb_row("tt0468569", 11, "The Dark Knight", 2008),
                       imdb_row("tt0000001", 6, "Carmencita", 1894, kind="Short"))  # fmt: skip

    report = run(profiles, catalog, "imdb", [export], user=ME)

    assert profiles.ratings(ME) == {"se7en-1995": 3.5, "hamlet-1990": 5.0, "parasite-2019": 0.5}
    assert report.matched_by == {"id": 0, "imdb": 2, "tmdb": 0, "title": 1, "fuzzy": 0}
    assert [row.reason for row in report.invalid] == ["Your Rating: expected 1 to 10, got '11'"]
    assert [row.title for row in report.unmatched] == ["Carmencita"]
    assert watched_dates(profiles)["se7en-1995"] == "2024-04-01"


def test_an_imdb_file_with_the_wrong_header_lists_the_expected_columns(tmp_path, profiles, catalog):
    export = write_csv(tmp_path / "ratings.csv", ("Title", "Stars"), ("Heat", "4"))

    with pytest.raises(SourceError) as error:
        run(profiles, catalog, "imdb", [export], user=ME)
    assert str(export) in str(error.value)
    assert "expected columns: Const, Your Rating, Date Rated, Title, Year" in str(error.value)


def test_an_export_imported_as_another_format_is_named_for_what_it_is(tmp_path, profiles, catalog):
    """A Letterboxd ratings.csv imported as IMDb's was told it lacks IMDb's columns and, to import a list
    of one's own, to "give it Letterboxd's ratings.csv header", which it had."""
    from store.history_import import ForeignFile

    letterboxd = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, "4"))
    with pytest.raises(ForeignFile) as error:
        run(profiles, catalog, "imdb", [letterboxd], user=ME)
    assert str(error.value).startswith(f"{letterboxd}: this looks like a Letterboxd file, not an IMDb ratings export")
    assert error.value.looks_like == "letterboxd" and "give it Letterboxd" not in str(error.value)
    imdb = write_csv(tmp_path / "imdb.csv", IMDB_HEADER, imdb_row("tt0113277", 8, "Heat", 1995))
    with pytest.raises(ForeignFile) as error:
        run(profiles, catalog, "letterboxd", [imdb], user=ME)
    assert error.value.looks_like == "imdb" and "this looks like an IMDb ratings export" in str(error.value)
    assert profiles.ratings(ME) == {}


def test_a_malformed_line_is_named_with_what_is_wrong_with_it(tmp_path, profiles, catalog):
    """An unterminated quote was reported as "?: wrong number of fields for the header"."""
    own = tmp_path / "mine.csv"
    own.write_text('Date,Name,Year,Rating\n2024-01-05,"Heat,1995,4.5\n2024-01-06,Alien,1979,4,5\n'
                   "2024-01-07,Se7en,1995,4\n", encoding="utf-8")  # fmt: skip

    report = run(profiles, catalog, "letterboxd", [own], user=ME)

    assert [str(row) for row in report.invalid] == [
        f'{own}:2: malformed line: a quote (") is opened and never closed',
        f'{own}:3: malformed line: 5 fields where the header has 4; "4,5" looks like a rating written with a '
        "decimal comma, which splits it in two in a comma-separated file: write it with a point, or quote it, or "
        "save the file with semicolons",
    ]
    assert profiles.ratings(ME) == {"se7en-1995": 4.0}


# -- MovieLens -----------------------------------------------------------------------------------


@pytest.fixture
def movielens(tmp_path: Path) -> Path:
    folder = tmp_path / "ml"
    write_csv(folder / "movies.csv", ("movieId", "title", "genres"),
              (1, "Seven (a.k.a. Se7en) (1995)", "Crime|Mystery|Thriller"),
              (2, "Heat (1995)", "Action|Crime|Thriller"),
              (3, "Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)", "Comedy|Romance"),
              (4, "Toy Story (1995)", "Animation"))  # fmt: skip
    write_csv(folder / "links.csv", ("movieId", "imdbId", "tmdbId"),
              (1, "0114369", 807), (2, "0113277", 949), (3, "0211915", 194), (4, "0114709", 862))  # fmt: skip
    write_csv(folder / "ratings.csv", ("userId", "movieId", "rating", "timestamp"),
              (1, 1, "4.0", 964982703), (1, 2, "5.0", 964982224), (1, 4, "3.0", 964982224),
              (2, 3, "4.5", 1445714835), (2, 1, "2.0", 1445714900), (2, 99, "4.0", 1445714900),
              (3, 2, "9", 1445714900))  # fmt: skip
    return folder


def test_one_movielens_user_is_imported_as_the_given_user(movielens, profiles, catalog):
    report = run(profiles, catalog, "movielens", [movielens], user=ME, movielens_user=2)

    assert profiles.ratings(ME) == {"amelie-2001": 4.5, "se7en-1995": 2.0}
    assert report.matched_by == {"id": 0, "imdb": 1, "tmdb": 0, "title": 1, "fuzzy": 0}  # Amélie: no ids here
    assert [row.reason for row in report.invalid] == ["movieId '99' is in neither movies.csv nor links.csv"]
    assert watched_dates(profiles)["se7en-1995"] == "2015-10-24"
    assert [u["key"] for u in profiles.users()] == [ME]


def test_all_movielens_users_become_prefixed_users(movielens, profiles, catalog):
    report = run(profiles, catalog, "movielens", [movielens / "ratings.csv"], user_prefix="ml:")

    assert report.users == ["ml:1", "ml:2"]
    assert profiles.ratings("ml:1") == {"se7en-1995": 4.0, "heat-1995": 5.0}
    assert profiles.ratings("ml:2") == {"amelie-2001": 4.5, "se7en-1995": 2.0}
    assert [row.title for row in report.unmatched] == ["Toy Story"]
    assert any("rating: expected 0.5 to 5" in row.reason for row in report.invalid)
    assert report.rated == 4 and report.rows == 7


def test_a_film_movielens_lists_under_another_imdb_id_is_matched_by_its_tmdb_id(tmp_path, profiles, catalog):
    """MovieLens lists Confessions of a Dangerous Mind (2002) twice, under two IMDb ids and one TMDB id;
    the catalog merge makes them one film, but a rating of the other one was "not in the catalog"."""
    folder = tmp_path / "ml"
    write_csv(folder / "movies.csv", ("movieId", "title", "genres"),
              (1, "Dark Knight, The (2008)", "Action"), (2, "Chihiro (2001)", "Animation"),
              (3, "Batman Begins (2005)", "Action"))  # fmt: skip
    write_csv(folder / "links.csv", ("movieId", "imdbId", "tmdbId"),
              (1, "9999999", 155), (2, "", 129), (3, "0372784", 155))  # fmt: skip
    write_csv(folder / "ratings.csv", ("userId", "movieId", "rating", "timestamp"),
              (111, 1, "4.0", 964982703), (111, 2, "5.0", 964982703), (111, 3, "3.0", 964982703))  # fmt: skip

    report = run(profiles, catalog, "movielens", [folder], user=ME, movielens_user=111)

    assert profiles.ratings(ME) == {"the-dark-knight-2008": 4.0, "spirited-away-2001": 5.0}
    assert report.matched_by["tmdb"] == 2
    assert [row.title for row in report.unmatched] == ["Batman Begins"]  # another IMDb id and another title


def test_a_movielens_user_with_no_ratings_is_an_error_and_imports_nothing(movielens, profiles, catalog):
    """--movielens-user 999999 said "Imported ... 0 films" and exited 0."""
    for typed in (999999, "abc"):
        with pytest.raises(SourceError, match=f"no ratings by MovieLens userId '{typed}'"):
            run(profiles, catalog, "movielens", [movielens], user=ME, movielens_user=typed)
    assert profiles.ratings(ME) == {}


def test_movielens_without_links_is_a_clear_error(movielens, profiles, catalog):
    (movielens / "links.csv").unlink()

    with pytest.raises(SourceError, match=r"links\.csv: no such file; a MovieLens history needs"):
        run(profiles, catalog, "movielens", [movielens], user_prefix="ml:")


def test_a_bad_user_prefix_is_refused_before_anything_is_read(movielens, profiles, catalog):
    with pytest.raises(ValueError, match="does not make a user key"):
        run(profiles, catalog, "movielens", [movielens], user_prefix="MovieLens ")


# -- dates ---------------------------------------------------------------------------------------


def moviebot_export(path: Path, *, ratings=(), watched=(), dismissed=()) -> Path:
    path.write_text(json.dumps({"user": None, "ratings": list(ratings), "watched": list(watched),
                                "dismissed": list(dismissed)}), encoding="utf-8")  # fmt: skip
    return path


def test_a_bad_or_future_date_in_a_moviebot_export_loses_only_its_row(tmp_path, profiles, catalog):
    """A rated_at of "yesterday" raised ValueError and imported nothing; "2999-01-01" was taken, and beat
    every real rating after it."""
    export = moviebot_export(
        tmp_path / "me.json",
        ratings=[{"movie_id": "heat-1995", "stars": 4.5, "rated_at": "2024-05-31T20:15:00+00:00"},
                 {"movie_id": "the-matrix-1999", "stars": 4, "rated_at": "yesterday"},
                 {"movie_id": "se7en-1995", "stars": 5, "rated_at": "2999-01-01T00:00:00+00:00"}],
        watched=[{"movie_id": "parasite-2019", "watched_at": "2024-13-01"},
                 {"movie_id": "paddington-2-2017", "watched_at": "2024-06-01T10:00:00"}],
        dismissed=[{"movie_id": "the-shining-1980", "dismissed_at": 17}],
    )  # fmt: skip

    report = run(profiles, catalog, "moviebot", [export], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 4.5}
    assert watched_dates(profiles) == {"heat-1995": "2024-05-31", "paddington-2-2017": "2024-06-01"}
    reasons = {row.title: row.reason for row in report.invalid}
    assert reasons == {
        "the-matrix-1999": "rated_at: expected a date like 2024-05-31T20:15:00+00:00, got 'yesterday'",
        "se7en-1995": "rated_at: 2999-01-01T00:00:00+00:00 is in the future",
        "parasite-2019": "watched_at: expected a date like 2024-05-31T20:15:00+00:00, got '2024-13-01'",
        "the-shining-1980": "dismissed_at: expected a date like 2024-05-31T20:15:00+00:00, got 17",
    }
    assert report.dismissed == 0 and report.rows == 6


def test_a_date_in_the_future_is_a_bad_row_in_every_format(tmp_path, profiles, catalog, movielens):
    letterboxd = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, "4"),
                           ("2999-01-01", "Se7en", 1995, "u", "5"))  # fmt: skip
    report = run(profiles, catalog, "letterboxd", [letterboxd], user=ME)
    assert profiles.ratings(ME) == {"heat-1995": 4.0}
    assert [row.reason for row in report.invalid] == ["Date: 2999-01-01 is in the future"]

    imdb = write_csv(tmp_path / "imdb.csv", IMDB_HEADER, imdb_row("tt0114369", 2, "Se7en", 1995, "2999-01-01"))
    report = run(profiles, catalog, "imdb", [imdb], user="cli:imdb")
    assert profiles.ratings("cli:imdb") == {}
    assert [row.reason for row in report.invalid] == ["Date Rated: 2999-01-01 is in the future"]

    write_csv(movielens / "ratings.csv", ("userId", "movieId", "rating", "timestamp"),
              (1, 1, "4.0", 964982703), (1, 2, "5.0", 32503680000), (1, 4, "3.0", "soon"))  # fmt: skip
    report = run(profiles, catalog, "movielens", [movielens], user="cli:ml", movielens_user=1)
    assert profiles.ratings("cli:ml") == {"se7en-1995": 4.0}
    assert [row.reason for row in report.invalid] == ["timestamp: 32503680000 is in the future",
                                                      "timestamp: expected seconds since 1970, got 'soon'"]  # fmt: skip


def test_tomorrow_is_a_time_zone_ahead_not_a_bad_date(tmp_path, profiles, catalog):
    from datetime import UTC, datetime, timedelta

    tomorrow = (datetime.now(UTC) + timedelta(hours=20)).isoformat()
    rating = {"movie_id": "heat-1995", "stars": 3, "rated_at": tomorrow}
    export = moviebot_export(tmp_path / "me.json", ratings=[rating])
    report = run(profiles, catalog, "moviebot", [export], user=ME)
    assert profiles.ratings(ME) == {"heat-1995": 3.0} and not report.invalid


# -- one transaction -----------------------------------------------------------------------------


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path, profiles, catalog, monkeypatch):
    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, "4"), lb("Se7en", 1995, "5"))
    watched = write_csv(tmp_path / "watched.csv", LB_WATCHED, lb("Parasite", 2019))
    real_bulk_rate = profiles.bulk_rate

    def rate_then_fail(rows, source="import", **kwargs):
        real_bulk_rate(rows, source=source, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(profiles, "bulk_rate", rate_then_fail)
    with pytest.raises(OSError, match="disk full"):
        run(profiles, catalog, "letterboxd", [ratings, watched], user=ME)

    assert profiles.ratings(ME) == {} and profiles.watched(ME) == [] and profiles.users() == []
    monkeypatch.undo()
    run(profiles, catalog, "letterboxd", [ratings, watched], user=ME)
    assert profiles.ratings(ME) == {"heat-1995": 4.0, "se7en-1995": 5.0}


def test_an_older_export_in_latin_1_is_read(tmp_path, profiles, catalog):
    """A Windows-1252 IMDb ratings.csv ("Amélie" with é as one byte) was refused as 'not UTF-8'."""
    export = write_csv(tmp_path / "utf8.csv", IMDB_HEADER, imdb_row("tt0211915", 10, "Amélie", 2001))
    latin = tmp_path / "ratings.csv"
    latin.write_bytes(export.read_text(encoding="utf-8").encode("cp1252"))
    report = run(profiles, catalog, "imdb", [latin], user=ME)
    assert profiles.ratings(ME) == {"amelie-2001": 5.0} and report.rated == 1


def test_a_long_import_says_how_far_it_has_got(tmp_path, profiles, catalog, monkeypatch):
    monkeypatch.setattr("store.history_import.PROGRESS_EVERY", 2)
    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, "4.5"), lb("Se7en", 1995, "5"),
                        lb("Nothing Like It", 2001, "3"))  # fmt: skip
    heard: list[str] = []
    run(profiles, catalog, "letterboxd", [ratings], user=ME, progress=heard.append)
    assert heard == ["read 2 rows", "read 3 rows; writing 2 watched-film entries in one transaction"]


AT = "2024-05-31T20:{}:00+00:00"


def test_stars_never_given_come_back_from_a_moviebot_export_as_what_they_were(tmp_path, profiles, catalog):
    """A 👍 and an "I liked Heat" in chat, exported and imported again, came back as stars from
    "import:moviebot", read back as "4.5/5": stars the user never gave."""
    export = moviebot_export(
        tmp_path / "me.json",
        ratings=[{"movie_id": "heat-1995", "stars": 4.0, "rated_at": AT.format(15), "source": "chat:liked"},
                 {"movie_id": "se7en-1995", "stars": 4.5, "rated_at": AT.format(16), "source": "feedback:like"},
                 {"movie_id": "parasite-2019", "stars": 4, "rated_at": AT.format(17), "source": "chat"}],
    )  # fmt: skip

    run(profiles, catalog, "moviebot", [export], user=ME)

    assert profiles.ratings(ME) == {"heat-1995": 4.0, "se7en-1995": 4.5, "parasite-2019": 4.0}
    assert profiles.reactions(ME) == {"heat-1995": "liked", "se7en-1995": "like"}


def test_a_moviebot_export_saved_with_a_byte_order_mark_imports(tmp_path, profiles, catalog):
    """Before: an export opened and saved again in Notepad was refused as "not JSON: Unexpected UTF-8
    BOM", and its format was not recognised when none was given (Discord's /import)."""
    from store.history_import import detect_format

    export = tmp_path / "ana.json"
    export.write_bytes(b"\xef\xbb\xbf" + json.dumps({"ratings": [{"movie_id": "heat-1995", "stars": 4}],
                                                     "watched": []}).encode())  # fmt: skip
    assert detect_format(export) == "moviebot"
    report = run(profiles, catalog, "moviebot", [export], user=ME)
    assert report.rated == 1 and profiles.ratings(ME) == {"heat-1995": 4.0}


def test_a_csv_imported_as_a_moviebot_export_is_named_for_what_it_is(tmp_path, profiles, catalog):
    """Before: a Letterboxd file given as --format moviebot was "not JSON: Unexpected UTF-8 BOM", with
    no word of which format it is."""
    from store.history_import import ForeignFile

    ratings = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, 4))
    with pytest.raises(ForeignFile, match="this looks like a Letterboxd file, not a moviebot export") as raised:
        run(profiles, catalog, "moviebot", [ratings], user=ME)
    assert raised.value.looks_like == "letterboxd"


def test_a_film_imported_with_no_date_is_stored_undated_not_as_seen_today(tmp_path, profiles, catalog):
    """Before: a Letterboxd row with an empty Date was stored as watched at the moment of the import,
    so `watched list` said "2026-12-07  Heat (1995)", a day the user never saw it. It is undated now,
    listed after the dated films; a later import that knows the date gives it one."""
    undated = write_csv(tmp_path / "a" / "watched.csv", LB_WATCHED,
                        ("", "Heat", 1995, ""), ("2024-03-01", "Se7en", 1995, ""))  # fmt: skip
    run(profiles, catalog, "letterboxd", [undated], user=ME)
    assert [(r["movie_id"], r["watched_at"] and r["watched_at"][:10]) for r in profiles.watched(ME)] == [
        ("se7en-1995", "2024-03-01"), ("heat-1995", None)]  # fmt: skip

    dated = write_csv(tmp_path / "b" / "watched.csv", LB_WATCHED, ("2023-07-04", "Heat", 1995, ""))
    run(profiles, catalog, "letterboxd", [dated], user=ME)
    assert watched_dates(profiles) == {"heat-1995": "2023-07-04", "se7en-1995": "2024-03-01"}


def test_an_undated_film_stays_undated_through_export_and_import(tmp_path, profiles, catalog):
    """The export writes watched_at null; importing it again must not date the film to that day."""
    export = moviebot_export(tmp_path / "me.json", watched=[{"movie_id": "heat-1995", "watched_at": None}])
    report = run(profiles, catalog, "moviebot", [export], user=ME)
    assert report.watched == 1 and watched_dates(profiles) == {"heat-1995": None}
    assert profiles.export_user(ME)["watched"][0]["watched_at"] is None


def test_an_unknown_id_in_a_moviebot_export_is_skipped_not_guessed(tmp_path, profiles, catalog):
    """Before: "heat-1996" was imported as Heat (1995) and "se7en" as Se7en (1995), by a close title,
    though a moviebot export names its films by id. Now they are skipped with the reason; a row that
    also gives a title and year matching one film exactly still lands on it."""
    export = moviebot_export(
        tmp_path / "me.json",
        ratings=[{"movie_id": "heat-1996", "stars": 4}, {"movie_id": "se7en", "stars": 3},
                 {"movie_id": "old-id-1", "title": "Parasite", "year": 2019, "stars": 5},
                 {"movie_id": "old-id-2", "title": "Parasite", "year": 2020, "stars": 5}],
    )  # fmt: skip

    report = run(profiles, catalog, "moviebot", [export], user=ME)

    assert profiles.ratings(ME) == {"parasite-2019": 5.0}
    assert [str(row) for row in report.unmatched] == [
        "me.json:ratings[1]: heat-1996: no film in this catalog has this movie_id (an id is never guessed at)",
        "me.json:ratings[2]: se7en: no film in this catalog has this movie_id (an id is never guessed at)",
        "me.json:ratings[4]: Parasite (2020): no film in this catalog has this movie_id, "
        "nor exactly this title and year",
    ]


# -- decimal commas ------------------------------------------------------------------------------

SPLIT = '"3,5" looks like a rating written with a decimal comma'


def test_a_rating_a_decimal_comma_split_into_the_next_column_is_not_read_as_3(tmp_path, profiles, catalog):
    """Before: "Date,Name,Year,Rating,Review" and ",Se7en,1995,3,5" (a spreadsheet where the comma is
    the decimal mark, saved as CSV) was imported as 3 stars, the "5" taken for the review."""
    own = tmp_path / "mine.csv"
    own.write_text("Date,Name,Year,Rating,Review\n,Se7en,1995,3,5\n,Parasite,2019,4,\n", encoding="utf-8")
    report = run(profiles, catalog, "letterboxd", [own], user=ME)
    assert profiles.ratings(ME) == {"parasite-2019": 4.0}
    assert [(row.where, row.reason.startswith(f"Rating: {SPLIT}")) for row in report.invalid] == [(f"{own}:2", True)]


def test_a_line_a_decimal_comma_gave_one_field_too_many_says_why(tmp_path, profiles, catalog):
    own = tmp_path / "mine.csv"
    own.write_text("Date,Name,Year,Rating\n,Se7en,1995,3,5\n", encoding="utf-8")
    report = run(profiles, catalog, "letterboxd", [own], user=ME)
    assert profiles.ratings(ME) == {}
    assert report.invalid[0].reason == f"malformed line: 5 fields where the header has 4; {SPLIT}" + (
        ", which splits it in two in a comma-separated file: write it with a point, or quote it, or save the "
        "file with semicolons"
    )


def test_decimal_commas_of_a_file_saved_with_semicolons_are_read(tmp_path, profiles, catalog, movielens):
    own = tmp_path / "mine.csv"
    own.write_text("Date;Name;Year;Rating\n;Se7en;1995;3,5\n", encoding="utf-8")
    run(profiles, catalog, "letterboxd", [own], user=ME)
    assert profiles.ratings(ME) == {"se7en-1995": 3.5}
    (movielens / "ratings.csv").write_text("userId;movieId;rating;timestamp\n1;2;4,5;964982224\n", encoding="utf-8")
    report = run(profiles, catalog, "movielens", [movielens], user="cli:ml", movielens_user=1)
    assert (report.invalid, profiles.ratings("cli:ml")) == ([], {"heat-1995": 4.5})


def test_a_moviebot_export_imports_back_with_the_days_its_films_were_seen(tmp_path, profiles, catalog):
    """Before: a film watched on 2024-01-01 and rated here later came back from its own export as
    watched on the day it was rated, and an undated one rated here as watched that day: the export's
    rated_at was taken for when the film was seen, though the export says that in watched_at."""
    export = moviebot_export(
        tmp_path / "me.json",
        watched=[{"movie_id": "heat-1995", "watched_at": AT.format(10)},
                 {"movie_id": "se7en-1995", "watched_at": None}],
        ratings=[{"movie_id": "heat-1995", "stars": 5, "rated_at": "2026-01-02T00:00:00+00:00", "source": "cli"},
                 {"movie_id": "se7en-1995", "stars": 4, "rated_at": "2026-01-03T00:00:00+00:00", "source": "cli"}],
    )  # fmt: skip
    run(profiles, catalog, "moviebot", [export], user=ME)
    assert watched_dates(profiles) == {"heat-1995": "2024-05-31", "se7en-1995": None}
    assert profiles.ratings(ME) == {"heat-1995": 5.0, "se7en-1995": 4.0}


def test_an_export_saved_with_semicolons_is_told_apart_as_it_is_read(tmp_path, profiles, catalog):
    """Before: an IMDb ratings.csv saved again by a spreadsheet with semicolons, sent to Discord's /import
    with no source, was taken for a Letterboxd file and refused as "this looks like an IMDb ratings export"."""
    from store.history_import import detect_format

    imdb = tmp_path / "imdb.csv"
    imdb.write_text("Const;Your Rating;Date Rated;Title;Year\ntt0113277;8;2024-01-02;Heat;1995\n", encoding="utf-8")
    assert detect_format(imdb) == "imdb"
    report = run(profiles, catalog, detect_format(imdb), [imdb], user=ME)
    assert (report.invalid, profiles.ratings(ME)) == ([], {"heat-1995": 4.0})


@pytest.mark.parametrize("fmt", ["letterboxd", "imdb"])
@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", " is empty: there is nothing in it to import"),
        ("\n\n", " is empty: there is nothing in it to import"),
        ("\nName,Year\nHeat,1995\n", ": its first line is blank, where the column names should be"),
    ],
)
def test_an_empty_file_is_said_to_be_empty_and_imports_nothing(tmp_path, profiles, catalog, fmt, text, says):
    """An empty file was "not a Letterboxd export file; expected the columns of watched.csv: ...;
    found: nothing", as if the wrong file had been given rather than an empty one."""
    empty = tmp_path / "ratings.csv"
    empty.write_text(text, encoding="utf-8")
    good = write_csv(tmp_path / "diary.csv", LB_RATINGS, lb("Heat", 1995, "4"))

    with pytest.raises(SourceError) as error:
        run(profiles, catalog, fmt, [good, empty] if fmt == "letterboxd" else [empty], user=ME)

    assert str(error.value) == f"{empty}{says}"
    assert profiles.ratings(ME) == {} and profiles.watched(ME) == []


@pytest.mark.parametrize(("kind", "said"), [("TV Series", "a TV series"), ("tvMiniSeries", "a TV mini-series"),
                                            ("TV Episode", "a TV episode")])  # fmt: skip
def test_an_imdb_show_not_in_the_catalog_is_said_to_be_no_film(tmp_path, profiles, catalog, kind, said):
    """A rated series in an IMDb export was only "not in the catalog", as if the catalog lacked a film."""
    export = write_csv(tmp_path / "ratings.csv", IMDB_HEADER, imdb_row("tt0903747", 9, "Breaking Bad", 2008, kind=kind),
                       imdb_row("tt0113277", 8, "Heat", 1995), imdb_row("tt9999999", 7, "Nope Film", 2021))  # fmt: skip

    report = run(profiles, catalog, "imdb", [export], user=ME)

    assert [(r.title, r.reason) for r in report.unmatched] == [
        ("Breaking Bad", f"not in the catalog ({said}: moviebot knows films only)"),
        ("Nope Film", "not in the catalog"),
    ]
    assert set(profiles.ratings(ME)) == {"heat-1995"}


def test_the_same_file_imported_twice_says_it_was_there_and_writes_nothing(tmp_path, profiles, catalog):
    """The same Letterboxd file imported twice said "Imported 2 films" twice: now the second import
    counts them as already on the list, rated the same, and writes none of them again."""
    path = write_csv(tmp_path / "ratings.csv", LB_RATINGS, lb("Heat", 1995, "4"), lb("Se7en", 1995, "5"))
    first = run(profiles, catalog, "letterboxd", [path], user=ME)
    assert (first.rated, first.watched, first.already) == (2, 2, 0)
    again = run(profiles, catalog, "letterboxd", [path], user=ME)
    assert (again.rated, again.watched, again.already) == (0, 0, 2)
    assert again.to_dict()["already"] == 2
    write_csv(path, LB_RATINGS, lb("Heat", 1995, "4"), lb("Se7en", 1995, "3"))  # one rating changed
    changed = run(profiles, catalog, "letterboxd", [path], user=ME)
    assert (changed.rated, changed.already) == (1, 1) and profiles.ratings(ME)["se7en-1995"] == 3


def test_a_film_already_dismissed_is_counted_as_there_and_stays_dismissed(tmp_path, profiles, catalog):
    """A moviebot export holding a film the user had already asked never to see (in chat, or by an
    import before) counted it as a new dismissal each time: it is already there, and it stays so."""
    profiles.dismiss(ME, "heat-1995", source="chat", at="2024-05-01T00:00:00+00:00")
    dismissed = [{"movie_id": m, "dismissed_at": "2024-01-01T00:00:00+00:00"} for m in ("heat-1995", "se7en-1995")]
    path = moviebot_export(tmp_path / "me.json", dismissed=dismissed)
    first = run(profiles, catalog, "moviebot", [path], user=ME)
    assert (first.dismissed, first.already_dismissed) == (1, 1)
    again = run(profiles, catalog, "moviebot", [path], user=ME)
    assert (again.dismissed, again.already_dismissed) == (0, 2) and again.to_dict()["already_dismissed"] == 2
    assert profiles.dismissed(ME) == {"heat-1995", "se7en-1995"}
    kept = {row["movie_id"]: (row["source"], row["dismissed_at"][:10]) for row in profiles.export_user(ME)["dismissed"]}
    assert kept["heat-1995"] == ("chat", "2024-05-01")  # the chat's own dismissal, not the file's
