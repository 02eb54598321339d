"""`moviebot rate | watched | profile | import | user` end to end through bot.cli.commands, on the
sample catalog built with the fast fake embedder."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from bot.charts import profile_figure
from store.home import DataDir
from store.profiles import ProfileStore

LB_WATCHED = ("Date", "Name", "Year", "Letterboxd URI")
CRIME_TITLES = {"se7en-1995", "heat-1995", "the-insider-1999", "the-dark-knight-2008", "heat-1986"}


def cli_json(cli, *argv: str):
    code, out, err = cli(*argv, "--json")
    assert code == 0, err
    return json.loads(out)


def letterboxd_watched(path: Path, *films: tuple[str, int]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(LB_WATCHED)
        writer.writerows(("2024-03-01", title, year, "https://boxd.it/x") for title, year in films)
    return path


# -- rate ----------------------------------------------------------------------------------------


def test_a_rating_shows_up_in_the_profile(cli, tmp_path):
    assert cli("rate", "Heat", "1995", "5")[1] == "Rated Heat (1995) 5/5 for cli:me and marked it watched.\n"
    cli("rate", "Se7en", "4.5")
    cli("rate", "The Shining", "1")

    code, out, _ = cli("profile")
    assert code == 0
    assert out.startswith("cli:me: 3 rated, 3 watched, 0 dismissed\n")
    assert "Liked: Heat (1995) (5/5), Se7en (1995) (4.5/5)" in out
    assert "Disliked: The Shining (1980)" in out
    assert "Genre affinity: crime +0.35, action +0.25" in out

    profile = cli_json(cli, "profile", "--chart", str(tmp_path / "taste.png"))
    assert (profile["rated"], profile["watched"]) == (3, 3)
    assert profile["genres"]["crime"] > 0 > profile["genres"]["horror"]
    assert profile["decades"]["1990"] > 0 > profile["decades"]["1980"]
    assert (tmp_path / "taste.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_rating_says_it_marked_the_film_watched_as_it_did(cli):
    """It said only "Rated Heat (1995) 4/5", yet the film went on the watched list, as Slack, Discord and
    the HTTP API say ("and marked it watched")."""
    assert cli("rate", "Heat", "1995", "4")[1].rstrip().endswith("4/5 for cli:me and marked it watched.")
    assert [w["id"] for w in cli_json(cli, "watched", "list")] == ["heat-1995"]


def test_a_rating_quoted_as_one_argument_is_read_as_typed_apart(cli):
    """Before: `moviebot rate "Heat 1995 4"` answered "give one film's title and then its stars"."""
    assert cli("rate", "Heat 1995 4") == (0, "Rated Heat (1995) 4/5 for cli:me and marked it watched.\n", "")
    assert cli("rate", "Se7en", "4.5 ")[1] == "Rated Se7en (1995) 4.5/5 for cli:me and marked it watched.\n"


def test_ratings_are_kept_per_user(cli):
    cli("rate", "--user", "ana", "Parasite", "4")

    assert cli_json(cli, "profile", "--user", "ana")["rated"] == 1
    assert cli_json(cli, "profile")["rated"] == 0
    assert "No ratings yet." in cli("profile")[1]


def test_an_ambiguous_title_lists_the_films_it_could_be(cli):
    code, out, err = cli("rate", "Heat", "4")

    assert code == 2 and out == ""
    assert "'Heat' could be Heat (1995), Heat (1986)" in err
    assert 'add the year, e.g. "Heat 1995"' in err
    assert cli_json(cli, "profile")["rated"] == 0


def test_an_unknown_title_suggests_close_ones(cli):
    code, _, err = cli("rate", "Paddingtn", "4")
    assert code == 2 and "no film called 'Paddingtn' in the catalog; did you mean: Paddington 2 (2017)?" in err

    code, _, err = cli("rate", "Heat", "2001", "4")
    assert code == 2 and "did you mean: Heat (1995); Heat (1986)?" in err

    code, _, err = cli("rate", "Zzyzx", "Road", "3")
    assert code == 2 and err.strip() == "moviebot: no film called 'Zzyzx Road' in the catalog"


def test_stars_outside_half_steps_from_half_to_five_are_refused(cli):
    """ "nan" said the stars must be "from 0.5 to 5", never that they must be a number."""
    for stars in ("6", "0", "3.3", "great", "nan", "NaN", "inf"):
        code, _, err = cli("rate", "Heat", "1995", stars)
        assert code == 2 and f"stars must be a number from 0.5 to 5 in steps of 0.5, got '{stars}'" in err
    assert cli_json(cli, "profile")["rated"] == 0


def test_a_title_that_ends_in_its_number_needs_its_stars_after_it(cli):
    """ "moviebot rate Toy Story 3" rated Toy Story (1995) 3/5."""
    code, _, err = cli("rate", "Paddington", "2")
    assert code == 2 and "Paddington 2 (2017) ends in its number: give its stars after it" in err
    assert cli_json(cli, "profile")["rated"] == 0
    assert cli("rate", "Paddington", "2", "4")[1] == "Rated Paddington 2 (2017) 4/5 for cli:me and marked it watched.\n"


# -- watched -------------------------------------------------------------------------------------


def test_watched_add_list_and_remove(cli):
    assert cli("watched", "add", "Spirited", "Away", "--rating", "4.5")[1] == (
        "Marked Spirited Away (2001) as watched, rated 4.5/5 for cli:me.\n"
    )
    cli("watched", "add", "Parasite")

    listed = cli_json(cli, "watched", "list")
    assert {(w["id"], w["stars"]) for w in listed} == {("spirited-away-2001", 4.5), ("parasite-2019", None)}
    assert "Parasite (2019)" in cli("watched", "list")[1]

    assert cli("watched", "remove", "Parasite")[1] == "Removed Parasite (2019) from cli:me's watched list.\n"
    assert [w["id"] for w in cli_json(cli, "watched", "list")] == ["spirited-away-2001"]

    code, _, err = cli("watched", "remove", "Parasite")
    assert code == 2 and "Parasite (2019) is not in cli:me's watched list" in err


def test_a_thumbs_up_on_the_watched_list_is_no_star_rating(cli, data_dir):
    """A 👍 on Discord is stored as 4.5 stars for ranking; `watched list` showed it as "4.5/5"."""
    with ProfileStore(DataDir(data_dir).state_db_path) as profiles:
        profiles.record_feedback(suggestion_id=None, user="cli:me", movie_id="heat-1995", kind="like", value=None,
                                 added=True, event_id="c1")  # fmt: skip
    assert cli("watched", "add", "Heat", "1995")[1] == "Marked Heat (1995) as watched, rated 👍 for cli:me.\n"
    assert "Heat (1995)  👍\n" in cli("watched", "list")[1]
    assert cli("watched", "remove", "Heat", "1995")[1] == "Removed Heat (1995) and its 👍 from cli:me's watched list.\n"


def test_an_empty_watched_list_says_so(cli):
    assert cli("watched", "list", "--user", "nobody") == (0, "Nothing in cli:nobody's watched list yet.\n", "")


def test_a_chart_of_no_ratings_is_refused_as_over_http(cli, tmp_path):
    """`profile --chart` with no ratings wrote an empty "No ratings yet" picture and exited 0; HTTP answers 404."""
    code, _, err = cli("profile", "--user", "new", "--chart", str(tmp_path / "new.png"))
    assert code == 2 and "cli:new has no ratings yet, so there is no chart to draw" in err
    assert not (tmp_path / "new.png").exists()


def test_the_import_report_says_a_dismissed_film_stays_off(cli, tmp_path):
    export = tmp_path / "me.json"
    cases = ((["heat-1995"], "1 film you asked never to see again stays off every answer."),
             (["heat-1995", "se7en-1995"], "2 films you asked never to see again stay off every answer."))  # fmt: skip
    for dismissed, said in cases:
        rows = [{"movie_id": m, "dismissed_at": "2024-01-01T00:00:00+00:00"} for m in dismissed]
        export.write_text(json.dumps({"ratings": [], "watched": [], "dismissed": rows}), encoding="utf-8")
        code, out, _ = cli("import", "--user", f"d{len(dismissed)}", "--format", "moviebot", str(export))
        assert code == 0 and said in out


def test_a_moviebot_export_imported_again_says_its_dismissed_film_was_already_kept_off(cli, tmp_path):
    """Importing one export twice said "Imported moviebot history ...: 0 films (0 rated)" and "1 film you
    asked never to see again stays off every answer" the second time, as if the dismissal were new."""
    export = tmp_path / "me.json"
    watched = [{"movie_id": "se7en-1995", "watched_at": "2024-01-01T00:00:00+00:00"}]
    dismissed = [{"movie_id": "heat-1995", "dismissed_at": "2024-01-02T00:00:00+00:00"}]
    export.write_text(json.dumps({"ratings": [], "watched": watched, "dismissed": dismissed}), encoding="utf-8")
    first = cli("import", "--user", "dd", "--format", "moviebot", str(export))[1]
    assert "1 film you asked never to see again stays off every answer." in first
    code, out, _ = cli("import", "--user", "dd", "--format", "moviebot", str(export))
    assert code == 0 and out.splitlines() == [
        "Nothing new in that moviebot history for cli:dd: its 1 film was already on the list, rated the same, and "
        "1 film you asked never to see again was already kept off every answer, so none was imported twice."
    ]
    assert cli_json(cli, "import", "--user", "dd", "--format", "moviebot", str(export))["already_dismissed"] == 1


# -- import --------------------------------------------------------------------------------------


def test_imported_watched_titles_are_never_suggested(cli, tmp_path):
    export = letterboxd_watched(tmp_path / "watched.csv",
                                ("Se7en", 1995), ("Heat", 1995), ("The Insider", 1999), ("The Dark Knight", 2008),
                                ("Heat", 1986), ("Not A Real Film", 2011))  # fmt: skip
    request = "a tense crime thriller with detectives and a heist"
    before = cli_json(cli, "ask", "--user", "someone-else", "--k", "3", request)
    assert {r["id"] for r in before["recommendations"]} & CRIME_TITLES  # what the import must rule out

    code, out, _ = cli("import", "--format", "letterboxd", str(export))
    assert code == 0
    assert "Imported Letterboxd history for cli:me: 5 films (0 rated) from 6 rows." in out
    assert "Not A Real Film (2011): not in the catalog" in out

    after = cli_json(cli, "ask", "--k", "3", request)
    picks = {r["id"] for r in after["recommendations"]}
    assert picks and not picks & CRIME_TITLES


def test_a_film_imported_with_no_date_is_listed_as_undated(cli, tmp_path):
    """Before: `watched list` said "2026-12-07  Heat (1995)" for a Letterboxd row with an empty Date."""
    export = tmp_path / "watched.csv"
    export.write_text("Date,Name,Year,Rating\n,Heat,1995,4\n2024-03-01,Se7en,1995,\n", encoding="utf-8")
    assert cli("import", "--format", "letterboxd", str(export))[0] == 0
    assert cli("watched", "list")[1] == "2024-03-01  Se7en (1995)\nundated     Heat (1995)  4/5\n2 watched.\n"
    assert [w["watched_at"] for w in cli_json(cli, "watched", "list")] == ["2024-03-01T00:00:00.000000+00:00", None]


def test_import_json_reports_counts_and_unmatched_rows(cli, tmp_path):
    export = letterboxd_watched(tmp_path / "watched.csv", ("Parasite", 2019), ("Heat", 0), ("Nope", 1999))

    report = cli_json(cli, "import", "--format", "letterboxd", str(export))

    assert (report["rows"], report["watched"], report["rated"], report["users"]) == (3, 1, 0, 1)
    assert [u["title"] for u in report["unmatched"]] == ["Nope"]
    assert report["invalid"][0]["reason"] == "Year: expected a year, got '0'"


def test_an_image_given_to_import_is_named_as_one_as_discord_and_slack_name_it(cli, tmp_path):
    """Before: "not a Letterboxd export file; expected the columns of watched.csv: ...; found: ‰PNG", the
    image's own bytes, where Discord and Slack say "it looks like a PNG image"."""
    image = tmp_path / "poster.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    code, _, err = cli("import", str(image))
    assert code == 2
    assert f"{image}: not a CSV export (it looks like a PNG image)" in err and "Nothing was imported." in err
    assert "‰" not in err and cli_json(cli, "watched", "list") == []


def test_an_import_with_a_bad_header_fails_and_changes_nothing(cli, tmp_path):
    good = letterboxd_watched(tmp_path / "watched.csv", ("Parasite", 2019))
    bad = tmp_path / "other.csv"
    bad.write_text("Title,When\nHeat,1995\n", encoding="utf-8")

    code, _, err = cli("import", "--format", "letterboxd", str(good), str(bad))

    assert code == 2
    assert f"{bad}: not a Letterboxd export file" in err and "Nothing was imported." in err
    assert cli_json(cli, "watched", "list") == []


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("letterboxd", "not a Letterboxd export file; expected the columns of watched.csv: Date, Name, Year"),
        (
            "imdb",
            "not an IMDb ratings export: it lacks the column(s) Const, Your Rating, Date Rated, Title, Year; "
            "expected columns",
        ),
        ("moviebot", "not a moviebot export, the JSON `moviebot user export` writes"),
    ],
)
def test_a_hand_made_list_is_told_what_was_expected_what_was_found_and_how_to_import_it(cli, tmp_path, fmt, expected):
    """A CSV of title,rating answered "header is missing column(s) Const, ..." and no more: nothing said
    what a list of one's own should look like, nor which format takes it."""
    mine = tmp_path / "my films.csv"
    mine.write_text("title,rating\nHeat,4\n", encoding="utf-8")
    code, out, err = cli("import", "--user", "ana", "--format", fmt, str(mine))
    assert (code, out) == (2, "")
    assert expected in err and ("found: title, rating" in err or fmt == "moviebot")
    assert "give it Letterboxd's ratings.csv header, Date,Name,Year,Rating" in err
    if fmt == "letterboxd":  # the very command just run was offered back as the way to import it
        assert "With such a header" not in err and err.endswith("Nothing was imported.\n")
    else:
        assert err.endswith(f"With such a header: moviebot import --user ana --format letterboxd '{mine}'\n")
    mine.write_text("Date,Name,Year,Rating\n,Heat,1995,4\n", encoding="utf-8")  # as it says: it imports
    assert cli("import", "--user", "ana", "--format", "letterboxd", str(mine))[0] == 0
    assert cli_json(cli, "profile", "--user", "ana")["rated"] == 1


def test_an_import_that_imports_nothing_exits_non_zero_and_a_wrong_format_says_which_to_use(cli, tmp_path):
    """A file whose only row had an unterminated quote printed "Imported 0 films" and exited 0; a
    Letterboxd file imported with --format imdb was told to get the header it already had."""
    mine = tmp_path / "mine.csv"
    mine.write_text('Date,Name,Year,Rating\n2024-01-05,"Heat,1995,4.5\n', encoding="utf-8")
    code, out, err = cli("import", "--format", "letterboxd", str(mine))
    assert code == 1 and f'{mine}:2: malformed line: a quote (") is opened and never closed' in out
    assert "nothing could be imported" in err
    mine.write_text("Date,Name,Year,Rating\n2024-01-05,Heat,1995,4.5\n", encoding="utf-8")
    code, _, err = cli("import", "--format", "imdb", str(mine))
    assert code == 2 and "this looks like a Letterboxd file" in err and ": use --format letterboxd\n" in err
    assert cli("import", "--format", "letterboxd", str(mine))[0] == 0


def test_a_file_of_another_kind_is_named_in_one_short_line_and_counts_read_as_said(cli, tmp_path):
    """A moviebot export given as a Letterboxd file put the whole JSON file into the error line."""
    export = tmp_path / "ana.json"
    export.write_text(json.dumps({"ratings": [{"movie_id": "heat-1995", "stars": 4}] * 200}), encoding="utf-8")
    code, _, err = cli("import", "--format", "letterboxd", str(export))
    assert code == 2 and "not a Letterboxd export file" in err and len(err.splitlines()[0]) < 600
    one = letterboxd_watched(tmp_path / "watched.csv", ("Parasite", 2019))
    code, out, _ = cli("import", "--format", "letterboxd", str(one))
    assert code == 0 and "1 film (0 rated) from 1 row." in out


def test_a_moviebot_export_with_a_bad_date_imports_the_rest_and_names_the_row(cli, tmp_path):
    """It printed a traceback ending "ValueError: Invalid isoformat string: 'yesterday'" and imported nothing."""
    export = tmp_path / "crafted.json"
    export.write_text(json.dumps({"ratings": [
        {"movie_id": "heat-1995", "stars": 4.5, "rated_at": "2024-05-31T20:15:00+00:00"},
        {"movie_id": "the-matrix-1999", "stars": 4, "rated_at": "yesterday"},
    ], "watched": []}), encoding="utf-8")  # fmt: skip

    code, out, err = cli("import", "--user", "mbx", "--format", "moviebot", str(export))

    assert code == 0 and "Traceback" not in err
    assert "Imported moviebot history for cli:mbx: 1 film (1 rated) from 2 rows." in out
    assert ("crafted.json:ratings[2]: the-matrix-1999: rated_at: expected a date like "
            "2024-05-31T20:15:00+00:00, got 'yesterday'") in out  # fmt: skip


def test_a_moviebot_export_of_a_film_given_only_a_thumb_says_it_is_not_marked_watched(cli, tmp_path):
    """Before: a 👍-only rating came back as watched, and the summary counted it among the watched."""
    export = tmp_path / "thumbs.json"
    export.write_text(json.dumps({"ratings": [
        {"movie_id": "heat-1995", "stars": 4.5, "rated_at": "2024-05-31T20:15:00+00:00", "source": "feedback:like"},
    ], "watched": [{"movie_id": "se7en-1995", "watched_at": "2024-05-30T20:15:00+00:00"}]}),
                      encoding="utf-8")  # fmt: skip

    code, out, _ = cli("import", "--user", "thumbs", "--format", "moviebot", str(export))

    assert code == 0
    assert "Imported moviebot history for cli:thumbs: 2 films (1 rated) from 2 rows." in out
    assert "1 film you gave only a 👍 or 👎 is rated, not marked watched." in out
    code, out, _ = cli("watched", "list", "--user", "thumbs")
    assert "Se7en" in out and "Heat" not in out


def test_a_file_with_no_rows_says_so_and_exits_1_as_an_import_of_nothing_does(cli, tmp_path):
    """Before: a header-only file printed "Imported Letterboxd history for cli:me: 0 films (0 rated) from
    0 rows." and exited 0, as if it had done something."""
    header_only = letterboxd_watched(tmp_path / "watched.csv")
    code, out, err = cli("import", "--format", "letterboxd", str(header_only))
    assert (code, out) == (1, "")
    assert err == "moviebot: nothing was imported: watched.csv has only its header, no rows\n"
    export = tmp_path / "empty.json"
    export.write_text(json.dumps({"ratings": [], "watched": []}), encoding="utf-8")
    code, out, err = cli("import", "--format", "moviebot", str(export))
    assert (code, out, err) == (1, "", "moviebot: nothing was imported: empty.json lists no films\n")


def test_watched_add_of_a_listed_film_keeps_its_day_unless_a_date_is_given(cli):
    """Before: `watched add Parasite` again said "Marked Parasite (2019) as watched for cli:me." and
    moved the day it was seen to today; there was no way to say the day."""
    code, out, _ = cli("watched", "add", "Parasite", "--date", "2024-03-01")
    assert (code, out) == (0, "Marked Parasite (2019) as watched on 2024-03-01 for cli:me.\n")
    code, out, _ = cli("watched", "add", "Parasite")
    assert (code, out) == (0, "Parasite (2019) was already on cli:me's watched list, since 2024-03-01.\n")
    code, out, _ = cli("watched", "add", "Parasite", "--date", "2024-03-05")
    assert out == "Marked Parasite (2019) as watched on 2024-03-05 for cli:me (it was listed since 2024-03-01).\n"
    added = cli_json(cli, "watched", "add", "Parasite")
    assert (added["already_listed"], added["watched_at"][:10]) == (True, "2024-03-05")
    code, _, err = cli("watched", "add", "Parasite", "--date", "March 5")
    assert code == 2 and err == "moviebot: the day it was watched must be a date like 2024-05-31, got 'March 5'\n"


def test_movielens_needs_a_user_choice(cli, tmp_path):
    code, _, err = cli("import", "--format", "movielens", str(tmp_path))
    assert code == 2 and "pick one with --movielens-user N" in err

    code, _, err = cli("import", "--format", "movielens", "--all-users", str(tmp_path))
    assert code == 2 and "--all-users needs --user-prefix" in err

    code, _, err = cli("import", "--format", "movielens", "--all-users", "--user-prefix", "ML", str(tmp_path))
    assert code == 2 and "--user-prefix must be a lower-case platform and a colon" in err


# -- export and forget ---------------------------------------------------------------------------


def conversation_threads(data_dir: Path, user: str) -> list[str]:
    db = sqlite3.connect(data_dir / "conversations.sqlite")
    try:
        rows = db.execute("SELECT DISTINCT thread_id FROM checkpoints WHERE thread_id LIKE ?", (f"{user}@%",))
        return [row[0] for row in rows]
    finally:
        db.close()


def test_export_then_forget_removes_everything_including_conversation_memory(cli, data_dir):
    cli("rate", "Heat", "1995", "5")
    cli("watched", "add", "Parasite")
    cli("ask", "something whimsical")
    cli("ask", "--user", "ana", "something whimsical")
    assert conversation_threads(data_dir, "cli:me") == ["cli:me@cli"]

    exported = cli_json(cli, "user", "export")
    assert exported["user"]["key"] == "cli:me"
    assert [(r["movie_id"], r["stars"]) for r in exported["ratings"]] == [("heat-1995", 5.0)]
    assert {w["movie_id"] for w in exported["watched"]} == {"heat-1995", "parasite-2019"}
    assert exported["suggestions"] and all(s["request"] == "something whimsical" for s in exported["suggestions"])
    said = json.dumps(exported["conversations"])  # what was said is part of what is kept about a user
    assert "something whimsical" in said

    forgotten = cli_json(cli, "user", "forget", "--yes")
    assert forgotten["deleted"]["ratings"] == 1 and forgotten["deleted"]["watched"] == 2

    code, out, err = cli("user", "export")  # nothing left to export, as the HTTP export's 404
    assert code != 0 and out == "" and "there is no user cli:me" in err
    assert conversation_threads(data_dir, "cli:me") == []
    assert conversation_threads(data_dir, "cli:ana") == ["cli:ana@cli"]  # only that user's memory goes


def test_forgetting_a_user_nothing_is_stored_about_says_there_is_no_such_user(cli):
    """ "Forgot cli:zoe: nothing; conversation memory cleared." and exit 0, where HTTP answers 404."""
    cli("rate", "--user", "ana", "Heat", "1995", "5")
    for extra in ((), ("--json",)):
        code, out, err = cli("user", "forget", "--user", "zoe", "--yes", *extra)
        assert (code, out) == (2, "")
        assert err == "moviebot: there is no user cli:zoe: nothing is stored about them, so nothing was deleted\n"
    code, out, _ = cli("user", "forget", "--user", "ana", "--yes")
    assert code == 0 and out.startswith("Forgot cli:ana: 1 rating, 1 watched film;")


def test_forgetting_a_user_who_only_chatted_says_their_conversation_went(cli, data_dir):
    """A user with conversation memory and no other row (they chatted on after being forgotten) was told
    "there is no user ..., nothing was deleted" with exit 2, though their memory was cleared."""
    cli("ask", "--user", "bo", "hello")
    db = sqlite3.connect(data_dir / "moviebot.sqlite")
    with db:  # as after `user forget`, their chat going on
        db.execute("DELETE FROM users WHERE key = 'cli:bo'")
    db.close()
    assert conversation_threads(data_dir, "cli:bo") == ["cli:bo@cli"]

    code, out, err = cli("user", "forget", "--user", "bo", "--yes")

    assert (code, err) == (0, "") and out == "Forgot cli:bo: 1 conversation; conversation memory cleared.\n"
    assert conversation_threads(data_dir, "cli:bo") == []
    code, _, err = cli("user", "forget", "--user", "bo", "--yes")  # now nothing at all is stored
    assert code == 2 and "there is no user cli:bo" in err


def test_forget_off_a_terminal_needs_yes_and_keeps_the_data(cli):
    cli("rate", "Heat", "1995", "5")

    code, _, err = cli("user", "forget")

    assert code == 2 and "cannot be undone: add --yes to confirm" in err
    assert cli_json(cli, "profile")["rated"] == 1


def test_forget_asks_on_a_terminal_and_a_no_keeps_the_data(cli, monkeypatch):
    cli("rate", "Heat", "1995", "5")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")

    code, out, _ = cli("user", "forget")

    assert code == 1 and out == "Nothing was deleted.\n"
    assert cli_json(cli, "profile")["rated"] == 1
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    code, out, _ = cli("user", "forget")
    assert code == 0 and out.startswith("Forgot cli:me: 1 rating, 1 watched film;")  # not "1 ratings"
    assert cli_json(cli, "profile")["rated"] == 0


# -- the chart -----------------------------------------------------------------------------------


def test_the_chart_draws_each_genre_and_decade_affinity_as_a_bar():
    from agent.profile import Profile

    profile = Profile(user="cli:me", ratings={"heat-1995": 5.0}, genres={"crime": 0.5, "horror": -0.25, "drama": 0.1},
                      decades={1990: 0.4, 1980: -0.2})  # fmt: skip

    genres_ax, decades_ax = profile_figure(profile).axes

    assert [t.get_text() for t in genres_ax.get_yticklabels()] == ["horror", "drama", "crime"]
    assert [round(bar.get_width(), 2) for bar in genres_ax.patches] == [-0.25, 0.1, 0.5]
    assert [t.get_text() for t in decades_ax.get_yticklabels()] == ["1990s", "1980s"]
    assert [round(bar.get_width(), 2) for bar in decades_ax.patches] == [0.4, -0.2]


def test_an_empty_profile_still_makes_a_chart():
    from agent.profile import Profile
    from bot.charts import profile_chart

    png = profile_chart(Profile(user="cli:new"))

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert [t.get_text() for t in profile_figure(Profile(user="cli:new")).axes[0].texts] == ["No ratings yet"]


def test_the_least_liked_genres_are_the_ones_the_summary_names_ties_and_all():
    """ "Less keen on: action, crime, drama" beside a "Genre affinity" line that left out action and crime."""
    from bot.cli.history import _top_and_bottom

    genres = [("comedy", 0.5), ("romance", 0.3), ("family", 0.2), ("music", 0.1), ("war", 0.0)]
    genres += [("action", -0.4), ("crime", -0.4), ("drama", -0.4), ("thriller", -0.4)]
    shown = _top_and_bottom(genres, 5, 2)
    assert [g for g, _ in shown[5:]] == ["action", "crime"]


def test_movienight_picks_what_nobody_in_the_group_has_seen(cli):
    cli("watched", "add", "--user", "bob", "Heat", "1995")
    cli("rate", "--user", "cy", "Se7en", "5")
    night = cli_json(cli, "movienight", "--with", "bob", "--with", "cy", "--k", "3")
    picked = [r["id"] for r in night["recommendations"]]
    assert picked and not {"heat-1995", "se7en-1995"} & set(picked)
    assert set(night["recommendations"][0]["per_person"]) == {"cli:me", "cli:bob", "cli:cy"}
    code, _, err = cli("movienight", "--with", "me")
    assert code == 2 and "at least two people" in err
    asked = cli_json(cli, "movienight", "--with", "Bob", "a crime film")
    assert asked["understood"]["genres"] == ["crime"]  # what was read, as ask --json says it
    code, out, _ = cli("movienight", "--with", "Bob", "a crime film")
    assert "  • Bob: " in out and "cli:bob" not in out  # people by the names they go by


def test_a_movienight_with_a_name_typed_wrong_creates_no_user_and_says_so(cli):
    """Before: `movienight --with nobody` (a typo) created a user record that `user export --user
    nobody` then showed, and the reply took nobody for a member who had not rated anything yet."""
    cli("rate", "Heat", "1995", "5")
    code, out, _ = cli("movienight", "--with", "nobody", "a crime film")
    assert code == 0
    assert ("I don't know nobody: no one by that name has talked to me or rated a film here "
            "(check the spelling).") in out.splitlines()  # fmt: skip
    code, _, err = cli("user", "export", "--user", "nobody")
    assert code == 2 and "there is no user cli:nobody" in err


def test_the_chart_keeps_a_mild_dislike_beside_a_dozen_stronger_likes():
    """A user who gave Titanic 1/5 had 13 genres, romance -0.1 the weakest: the chart drew 12 positive
    bars under "dislike < 0 < like" and left the dislike out."""
    from agent.profile import Profile

    names = ["action", "crime", "adventure", "sci-fi", "comedy", "animation", "drama", "family", "fantasy",
             "mystery", "thriller", "horror"]  # fmt: skip
    likes = {g: 0.45 - i * 0.02 for i, g in enumerate(names)}
    profile = Profile(user="cli:me", ratings={"titanic-1997": 1.0}, genres={**likes, "romance": -0.1})

    genres_ax, _ = profile_figure(profile).axes

    labels = [t.get_text() for t in genres_ax.get_yticklabels()]
    assert len(labels) == 12 and labels[0] == "romance"
    assert round(genres_ax.patches[0].get_width(), 2) == -0.1
    assert labels[-1] == "action" and "horror" not in labels  # the weakest like made room
    many_dislikes = {f"g{i}": -0.1 * (i + 1) for i in range(10)}
    labels = [
        t.get_text()
        for t in profile_figure(Profile(user="cli:me", genres={**likes, **many_dislikes})).axes[0].get_yticklabels()
    ]
    assert labels[:4] == ["g9", "g8", "g7", "g6"] and len(labels) == 12 and labels[-1] == "action"


def test_the_decade_line_names_the_least_liked_decade_the_chart_shows(cli, monkeypatch):
    """Before: "Decade affinity: 1990s +0.38, 2010s -0.08, 2000s -0.12, 1980s -0.14", the four
    best, while the chart drew the 1970s at -0.31, the decade rated lowest of all."""
    from agent.service import MovieService
    from agent.service_types import ProfileSummary

    decades = {1990: 0.38, 2010: -0.08, 2000: -0.12, 1980: -0.14, 1970: -0.31, 1960: -0.2}
    summary = ProfileSummary(user="cli:me", summary="Favourite decades: 1990s", rated=60, watched=60, dismissed=0,
                             top_genres=[], top_people=[], top_decades=[(1990, 0.38)], recent_watched=[],
                             is_empty=False, decades=decades)  # fmt: skip
    monkeypatch.setattr(MovieService, "profile", lambda self, user: summary)

    code, out, _ = cli("profile")

    assert code == 0
    assert "Decade affinity: 1990s +0.38, 2010s -0.08, 2000s -0.12, 1960s -0.20, 1970s -0.31\n" in out


def test_exporting_a_user_nothing_is_stored_about_is_an_error(cli):
    """Before: `user export --user zeo` (a name typed wrong) printed {"user": null, "ratings": [], ...}
    and exited 0, where GET /v1/users/zeo/export answers 404 and `user forget` says there is no such user."""
    cli("rate", "--user", "zoe", "Heat", "1995", "4")

    code, out, err = cli("user", "export", "--user", "zeo")

    assert code != 0 and out == ""
    assert "there is no user cli:zeo: nothing is stored about them, so there is nothing to export" in err
    assert cli_json(cli, "user", "export", "--user", "zoe")["ratings"][0]["movie_id"] == "heat-1995"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"Date;Name;Year;Rating\n2024-03-01;Heat;1995;4,5\n", id="semicolons"),
        pytest.param(b"Date\tName\tYear\tRating\n2024-03-01\tHeat\t1995\t4.5\n", id="tabs"),
        pytest.param(b"date,name,year,rating\n2024-03-01,Heat,1995,4.5\n", id="lower-case"),
        pytest.param("Date,Name,Year,Rating\n2024-03-01,Heat,1995,4.5\n".encode("utf-16"), id="utf-16"),
    ],
)
def test_a_list_saved_by_a_spreadsheet_imports(cli, tmp_path, data):
    """A list of one's own with the header asked for, saved by a spreadsheet with semicolons (where the
    comma is the decimal mark), tabs, lower-case names or as UTF-16 "Unicode text", was refused with
    "not a Letterboxd export file ... found: Date;Name;Year;Rating" and told to run the command it had run."""
    mine = tmp_path / "my films.csv"
    mine.write_bytes(data)

    code, out, err = cli("import", "--user", "ana", "--format", "letterboxd", str(mine))

    assert code == 0, err
    assert out.startswith("Imported Letterboxd history for cli:ana: 1 film (1 rated) from 1 row.")
    assert cli_json(cli, "watched", "list", "--user", "ana")[0]["stars"] == 4.5


def test_an_image_given_as_an_export_is_called_not_a_text_file(cli, tmp_path):
    """Before: "cannot read poster.png: 'utf-8' codec can't decode byte 0x89 in position 0: invalid start byte"."""
    poster = tmp_path / "poster.png"
    poster.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)

    code, out, err = cli("import", "--format", "letterboxd", str(poster))

    assert (code, out) == (2, "")
    assert f"{poster}: not a CSV export (it looks like a PNG image)" in err and "codec" not in err


def test_a_long_import_counts_its_rows_as_its_progress_lines_do(cli, tmp_path):
    """Before: "moviebot: import: read 50,000 rows..." and then "... from 50001 rows." and
    "50000 rows not imported (50000 not in the catalog, ...)"."""
    mine = tmp_path / "many.csv"
    mine.write_text("Date,Name,Year,Rating\n,Heat,1995,4\n" + ",No Such Film,1999,3\n" * 50_000, encoding="utf-8")

    code, out, err = cli("import", "--format", "letterboxd", str(mine))

    assert code == 0 and "read 50,000 rows" in err
    assert "1 film (1 rated) from 50,001 rows." in out
    assert "50,000 rows not imported (50,000 not in the catalog, 0 ambiguous, 0 invalid):" in out
    assert "...and 49,980 more (--json lists them all)" in out


def test_watched_add_json_gives_the_day_the_film_is_listed_at_now(cli):
    """Before: `watched add Heat --json` printed "watched_at": null for a film it had just listed,
    and a --date day in another form than `watched list --json` prints it."""
    added = cli_json(cli, "watched", "add", "Heat", "1995")
    assert added["already_listed"] is False and added["watched_at"] is not None
    assert added["watched_at"] == cli_json(cli, "watched", "list")[0]["watched_at"]
    dated = cli_json(cli, "watched", "add", "Se7en", "--date", "2024-05-01")
    assert dated["watched_at"] == "2024-05-01T00:00:00.000000+00:00"


def test_import_tells_the_format_from_the_file_as_discord_does(cli, tmp_path):
    """Before: `moviebot import --user me ratings.csv` stopped at 'the following arguments are required:
    --format', though Discord's /import (and the service) tell Letterboxd, IMDb, MovieLens and moviebot
    files apart themselves."""
    letterboxd = tmp_path / "ratings.csv"
    letterboxd.write_text("Date,Name,Year,Rating\n2024-01-01,Heat,1995,4\n", encoding="utf-8")
    assert cli("import", str(letterboxd)) == (
        0,
        "Imported Letterboxd history for cli:me: 1 film (1 rated) from 1 row.\n",
        "",
    )
    imdb = tmp_path / "imdb.csv"
    imdb.write_text("Const,Your Rating,Date Rated,Title,Year\ntt0114369,8,2024-01-02,Se7en,1995\n", encoding="utf-8")
    code, out, _ = cli("import", str(imdb))
    assert code == 0 and out.startswith("Imported IMDb history for cli:me: 1 film (1 rated)"), out
    movielens = tmp_path / "ml.csv"
    movielens.write_text("userId,movieId,rating,timestamp\n1,1,4,1000000000\n", encoding="utf-8")
    code, _, err = cli("import", str(movielens))
    assert code != 0 and "holds many users: pick one with --movielens-user N" in err
    code, _, err = cli("import", str(tmp_path / "missing.csv"))
    assert code != 0 and "cannot read missing.csv" in err and "Traceback" not in err


def test_a_profile_with_no_ratings_says_how_to_give_it_some(cli):
    """It said "No ratings yet." and nothing else: a new user was left with nowhere to go."""
    code, out, _ = cli("profile", "--user", "Jo Ann")
    assert code == 0 and out.splitlines()[1:] == [
        "No ratings yet.",
        "Rate a film you've seen (moviebot rate --user 'Jo Ann' Heat 1995 4) or import your Letterboxd or IMDb "
        "history (moviebot import --user 'Jo Ann' FILE), and your taste shows here.",
    ]
    cli("rate", "--user", "Jo Ann", "Heat", "1995", "4")
    assert "Rate a film you've seen" not in cli("profile", "--user", "Jo Ann")[1]


def test_importing_the_same_letterboxd_file_twice_says_nothing_new(cli, tmp_path):
    """The second import of one file said "Imported ... 2 films (2 rated)" again, as if it added them."""
    path = tmp_path / "ratings.csv"
    path.write_text("Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Heat,1995,https://boxd.it/x,4\n"
                    "2024-01-02,Se7en,1995,https://boxd.it/y,5\n", encoding="utf-8")  # fmt: skip
    code, out, _ = cli("import", "--user", "lb", "--format", "letterboxd", str(path))
    assert code == 0 and out.startswith("Imported Letterboxd history for cli:lb: 2 films (2 rated)")
    code, out, _ = cli("import", "--user", "lb", "--format", "letterboxd", str(path))
    assert code == 0 and out.splitlines()[0] == (
        "Nothing new in that Letterboxd history for cli:lb: its 2 films were already on the list, rated the same, "
        "so none was imported twice."
    )
