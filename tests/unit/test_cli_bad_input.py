"""Issue 16 §1: one bad input never kills a batch, and a bad argument is one `moviebot:` line
with exit status 2, never a traceback. The CLI runs in-process on the sample catalog."""

from __future__ import annotations

import json

import pytest

from bot.cli.base import user_key

GOOD = {"role": "user", "text": "a tense crime film"}


def batch(cli, tmp_path, lines: list[bytes]) -> tuple[int, list[dict], str]:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    code, _, err = cli("ask", "--batch", str(source), "--out", str(out))
    raw = out.read_bytes()
    results = [json.loads(line) for line in raw.decode("utf-8").splitlines()]  # strict UTF-8, valid JSON
    return code, results, err


def line(**item) -> bytes:
    """A good line unless `item` spoils it; each its own user, as films shown are held back."""
    return json.dumps({"messages": [GOOD], "user": f"viewer {item.get('id')}", **item}).encode()


BAD_LINES = [
    (line(id="u1", user="a:"), "bad_user"),
    (line(id="u2", user=":x"), "bad_user"),
    (line(id="u3", user={"name": "ana"}), "bad_user"),
    (line(id="u4", user=""), "bad_user"),  # not the batch's own user: a mistake
    (line(id="u5", user=5), "bad_user"),
    (line(id="k1", k="abc"), "bad_k"),
    (line(id="k2", k=[1]), "bad_k"),
    (line(id="k3", k=99999999999999999999), "bad_k"),
    (json.dumps({"id": "m1", "messages": ["a comedy"]}).encode(), "bad_messages"),
    (json.dumps({"id": "t1", "messages": [{"role": "user", "text": 5}]}).encode(), "bad_text"),
    (b'{"id": "s1", "messages": [{"role": "user", "text": "a comedy \\ud800"}]}', "bad_text"),
    (b'{"id": "\\ud800", "messages": [{"role": "user", "text": "a comedy"}]}', "bad_id"),
    (b'["a list"]', "bad_line"),
]


def test_every_bad_line_gets_its_own_error_and_the_batch_goes_on(cli, tmp_path):
    lines = [line(id="first", user="Bad:User")]  # a name people type: answered as cli:bad:user
    for bad, _ in BAD_LINES:
        lines += [bad, line(id=f"after-{len(lines)}")]
    code, results, err = batch(cli, tmp_path, lines)
    assert code == 0
    assert len(results) == len(lines)
    for number, (result, raw) in enumerate(zip(results, lines, strict=True), 1):
        if number % 2:  # the good lines, each answered
            assert "error" not in result and len(result["recommendations"]) == 3, result
            continue
        expected = BAD_LINES[number // 2 - 1][1]
        assert result["line"] == number and result["error"]["code"] == expected, (raw, result)
        assert result["error"]["message"].startswith(f"line {number}: ")
    ids = [r["id"] for r in results]
    assert ids[1:4:2] == ["u1", "u2"] and results[23]["id"] == 24  # an unusable id is replaced by the line number
    assert f"{len(BAD_LINES)} line(s) could not be answered" in err


def test_a_line_that_is_not_utf8_is_reported_and_its_neighbours_answered(cli, tmp_path):
    lines = [line(id="one"), line(id="two"), b'{"id": "three", "messages": [{"text": "caf\xe9 \xff"}]}',
             line(id="four")]  # fmt: skip
    code, results, _ = batch(cli, tmp_path, lines)
    assert code == 0
    assert [r["id"] for r in results] == ["one", "two", 3, "four"]
    assert results[2]["error"]["code"] == "bad_utf8" and results[2]["line"] == 3
    assert all(len(results[i]["recommendations"]) == 3 for i in (0, 1, 3))


def test_user_names_people_type_are_normalised():
    assert user_key("Ana") == user_key(" ana ") == "cli:ana"
    assert user_key("Bad:User") == "cli:bad:user"
    assert user_key("discord:1234") == "discord:1234"
    assert user_key("slack:T1:U2") == "slack:T1:U2"
    assert user_key("ml:1") == "ml:1"  # as `import --all-users --user-prefix ml:` stores MovieLens user 1


def test_a_typed_name_is_answered_under_its_normalised_key(cli):
    code, out, err = cli("ask", "--json", "--user", "Bad:User", "a tense crime film")
    assert code == 0, err
    assert len(json.loads(out)["recommendations"]) == 3
    code, out, _ = cli("watched", "list", "--user", "BAD:user")
    assert code == 0 and "cli:bad:user" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("ask", "--user", "", "a comedy"), "cannot be empty"),
        (("ask", "--user", ":x", "a comedy"), "':x' is not a user name"),
        (("ask", "--user", "a:", "a comedy"), "'a:' is not a user name"),
        (("ask", "--k", "99999999999999999999", "a comedy"), "--k: k must be a whole number from 1 to"),
        (("ask", "--k", "0", "a comedy"), "--k: k must be a whole number from 1 to"),
        (("ask", b"caf\xe9 \xff heist films".decode("utf-8", "surrogateescape")), "argument 2"),
        # one film a command, its title in any number of words, and the stars last
        (("rate", "--user", "ana", "Heat"), "give one film's title and then its stars"),
        # a grade past its own scale, or on another, is refused as such, not as "got '6/5'"
        (("rate", "--user", "ana", "Heat", "1995", "6/5"), "6/5 is more than the whole scale: give stars out of 5"),
        (("rate", "--user", "ana", "Heat", "1995", "4/7"), "4/7 is out of 7: give stars out of 5 (4/5) or out of 10"),
        (("rate", "--user", "ana", "Heat", "1995", "7.5/10"), "7.5/10 (that is 3.75 stars): stars must be"),
        # options no film could meet are a mistake to say, not "No movies match those filters."
        (("search", "--year-from", "2000", "--year-to", "1990"), "year_min 2000 is more than year_max 1990"),
        (("search", "--k", "0", "heist"), "--k must be at least 1 (got 0)"),
        (("search", "--min-rating", "11"), "--min-rating must be from 0 to 10 (got 11)"),
        (("search", "--min-rating", "nan"), "--min-rating must be from 0 to 10 (got nan)"),
        (("search", "--max-runtime", "-5"), "--max-runtime must be at least 1 minute (got -5)"),
        (("search", "--min-runtime", "0"), "--min-runtime must be at least 1 minute (got 0)"),
        (("search", "--genre", "comedy", "--exclude-genre", "Comedy"), "'comedy' is both in genres and in exclude"),
    ],
)
def test_a_bad_argument_is_one_line_and_exit_2(cli, argv, says):
    code, out, err = cli(*argv)
    assert code == 2 and out == ""
    assert err.startswith("moviebot: ") and says in err and err.count("\n") == 1, err


def test_enrich_and_replace_together_are_refused_and_the_catalog_kept(cli, tmp_path):
    source = tmp_path / "more.jsonl"
    source.write_text('{"id": "heat-1995", "title": "Heat", "year": 1995, "genres": ["thriller"]}\n')
    code, out, err = cli("ingest", "--format", "jsonl", "--enrich", "--replace", str(source))
    assert code != 0 and "--enrich" in err and "--replace" in err
    code, out, err = cli("catalog", "stats")
    assert code == 0 and out.startswith("10 movies")
    code, out, err = cli("ingest", "--format", "jsonl", "--enrich", str(source))
    assert code == 0 and "10 movies: 0 added, 1 updated" in out and "0 not in the catalog" in out


def test_a_line_whose_last_message_is_empty_gets_picks_for_the_conversation(cli, tmp_path):
    messages = [{"role": "user", "text": "a tense crime film"}, {"role": "assistant", "text": "Heat (1995)?"},
                {"role": "user", "text": ""}]  # fmt: skip
    code, results, _ = batch(cli, tmp_path, [json.dumps({"id": "e", "user": "viewer", "messages": messages}).encode()])
    assert code == 0 and "error" not in results[0]
    assert len(results[0]["recommendations"]) == 3
    assert results[0]["understood"]["like_titles"] == ["Heat (1995)"]


def test_a_genre_no_film_of_the_catalog_carries_is_looked_for_as_its_tag(cli):
    """'search --genre sport' on TMDB 5000 + MovieLens said only 'No movies match those filters.',
    though 126 films are tagged "sport" and chat's "a sports movie" finds them; the sample
    catalog tags one "heist", none "sport"."""
    code, out, err = cli("search", "--genre", "sport")
    assert code == 0 and out == "No movies match those filters.\n"
    assert err == "No film in this catalog is labelled sport, so I went by the tag instead.\n"
    code, _, err = cli("search", "--genre", "crime")
    assert code == 0 and err == ""


def test_search_for_a_genre_no_film_carries_finds_the_films_tagged_so(tmp_path, monkeypatch, capsys):
    """'search --genre sports' said "No movies match those filters." of a catalog tagging Moneyball "sport"."""
    from bot.cli.commands import main
    from store.build import ingest
    from store.home import DataDir
    from tests.conftest import SAMPLE_MOVIES, write_jsonl
    from tests.fakes import HashingEmbedder

    moneyball = {"id": "moneyball-2011", "title": "Moneyball", "year": 2011, "genres": ["drama"],
                 "keywords": ["baseball", "sport"], "rating": 7.6}  # fmt: skip
    home = DataDir(tmp_path / "home").ensure()
    ingest(home, HashingEmbedder(), [("jsonl", [write_jsonl(tmp_path / "m.jsonl", [*SAMPLE_MOVIES, moneyball])])])
    monkeypatch.setattr("bot.settings.Settings.embedder", lambda self: HashingEmbedder())
    monkeypatch.delenv("MOVIEBOT_HOME", raising=False)
    assert main(["search", "--genre", "sports", "--data-dir", str(home.root)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(" 1. Moneyball (2011)") and out.count("\n") == 1
    assert err == "No film in this catalog is labelled sport, so I went by the tag instead.\n"


def test_search_for_a_film_by_another_of_its_titles_finds_it_first(tmp_path, monkeypatch, capsys):
    """README: "Love's a Bitch" finds Amores Perros; `search "Love's a Bitch"` listed two romances instead."""
    from bot.cli.commands import main
    from store.build import ingest
    from store.home import DataDir
    from tests.conftest import SAMPLE_MOVIES, write_jsonl
    from tests.fakes import HashingEmbedder

    amores = {"id": "amores-perros-2000", "title": "Amores Perros", "year": 2000, "genres": ["drama"],
              "aka": ["Love's a Bitch"], "original_title": "Amores perros", "rating": 7.6}  # fmt: skip
    decoys = [{"id": f"love-{n}", "title": f"Love Story {n}", "year": 1990 + n, "genres": ["romance"], "rating": 8.0,
               "overview": "Love and love: a bitch of a love story, love's a bitch."} for n in range(3)]  # fmt: skip
    home = DataDir(tmp_path / "home").ensure()
    films = [*SAMPLE_MOVIES, amores, *decoys]
    ingest(home, HashingEmbedder(), [("jsonl", [write_jsonl(tmp_path / "m.jsonl", films)])])
    monkeypatch.setattr("bot.settings.Settings.embedder", lambda self: HashingEmbedder())
    monkeypatch.delenv("MOVIEBOT_HOME", raising=False)
    assert main(["search", "Love's a Bitch", "--k", "3", "--data-dir", str(home.root)]) == 0
    assert capsys.readouterr().out.startswith(" 1. Amores Perros (2000)")
    assert main(["search", "Love's a Bitch", "--genre", "comedy", "--data-dir", str(home.root)]) == 0
    assert "Amores Perros" not in capsys.readouterr().out  # a title does not get past the filters


def test_search_by_a_person_takes_a_surname_and_names_one_it_cannot_find(cli):
    """'search --person kubrik' said only 'No movies match those filters.', as if he had made none."""
    code, out, _ = cli("search", "--person", "david fincher")
    assert code == 0 and "Se7en (1995)" in out
    code, _, err = cli("search", "--person", "Zorblax Quint")
    assert code == 2 and "no one called 'Zorblax Quint'" in err


def test_the_batch_file_is_never_its_own_output_and_bad_paths_are_one_line(cli, tmp_path):
    """`ask --batch F --out F` emptied F and answered nothing; a folder or a missing folder was a traceback."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(line(id="kept") + b"\n")
    before = source.read_bytes()
    code, _, err = cli("ask", "--batch", str(source), "--out", str(source))
    assert code == 2 and "that is the batch file itself" in err and source.read_bytes() == before
    code, _, err = cli("ask", "--batch", str(tmp_path), "--out", str(tmp_path / "out.jsonl"))
    assert code == 2 and "is a folder" in err
    code, _, err = cli("ask", "--batch", str(source), "--out", str(tmp_path / "missing" / "out.jsonl"))
    assert code == 2 and err.startswith("moviebot: ") and "No such file or directory" in err


def test_a_damaged_or_unusable_store_is_one_line_not_a_traceback(cli, data_dir):
    (data_dir / "moviebot.sqlite").write_bytes(b"this is not a database, it is a note" * 40)
    code, _, err = cli("watched", "list", "--user", "ana")
    assert code == 1 and err.startswith("moviebot: a data file under") and "file is not a database" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_ctrl_c_is_one_line_and_exit_130(cli, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.cli.conversation.open_service", interrupted)
    code, _, err = cli("ask", "a comedy")
    assert code == 130 and err.strip() == "moviebot: interrupted."


def test_a_chat_line_that_is_not_utf8_is_said_to_be_and_the_chat_goes_on(data_dir, monkeypatch, capsys):
    import io

    from bot.cli.commands import main

    typed = b"something like Am\xe9lie\na tense crime film\n".decode("utf-8", "surrogateescape")
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert main(["chat", "--user", "kim", "--data-dir", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert "That line is not valid UTF-8" in out and "Here are 3 picks" in out and "Traceback" not in err


def test_a_bad_k_is_spelt_as_json_spells_it(cli, tmp_path):
    code, results, _ = batch(cli, tmp_path, [line(id="b", k=True), line(id="s", k="abc")])
    assert code == 0
    assert [r["error"]["message"].rsplit(", not ", 1)[1] for r in results] == ["true", '"abc"']


def test_a_long_job_in_a_log_says_how_far_it_is_in_plain_lines(cli, tmp_path):
    """Piped or logged (`docker logs`), ingest and the evaluations printed nothing until they ended."""
    source = tmp_path / "more.jsonl"
    rows = [{"id": f"film-{n}", "title": f"Film number {n}", "year": 1990 + n % 20} for n in range(25)]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    code, out, err = cli("ingest", "--format", "jsonl", str(source))
    assert code == 0 and "25 added" in out
    lines = err.splitlines()
    assert lines[0] == "embedding: 0/25 movies" and lines[-1] == "embedding: 25/25 movies"
    assert "\r" not in err and len(lines) <= 11  # no bar redrawn into the log, at most a line a tenth


def test_every_command_and_option_says_what_it_is_for_in_its_help():
    """`moviebot search --help` listed --year-from, --max-runtime and --k with no word on what they take."""
    import argparse

    from bot.cli.commands import build_parser

    silent = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helped = {choice.dest for choice in action._choices_actions if choice.help}
                silent.extend(f"{path} {name}" for name in action.choices if name not in helped)
                for name, child in action.choices.items():
                    walk(child, f"{path} {name}")
            elif not isinstance(action, argparse._HelpAction) and not action.help:
                silent.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(build_parser(), "moviebot")
    assert silent == []


@pytest.mark.parametrize("typed", ["((((", "!!"])
def test_a_title_of_no_letters_gets_no_films_offered_as_what_was_meant(cli, typed):
    """`rate (((( 4` answered "did you mean: Se7en (1995); Heat (1995)...": the best known films,
    offered as close to a title that has no word in it to be close to."""
    code, _, err = cli("rate", typed, "4")
    assert (code, err.strip()) == (2, f"moviebot: no film called {typed!r} in the catalog")


def test_an_import_row_with_a_year_and_no_title_is_listed_without_an_empty_label(cli, tmp_path):
    """It was listed as "mine.csv:2:  (1995): Name: the title is missing"."""
    own = tmp_path / "mine.csv"
    own.write_text("Date,Name,Year,Rating\n,,1995,3\n", encoding="utf-8")
    code, out, _ = cli("import", "--format", "letterboxd", str(own))
    assert code == 1 and f"  {own}:2: Name: the title is missing" in out.splitlines(), out


@pytest.mark.parametrize(("grade", "stars"), [("4/5", 4.0), ("8/10", 4.0), ("7/10", 3.5), ("4.5/5", 4.5)])
def test_stars_typed_out_of_5_or_10_are_read(cli, grade, stars):
    """Before: `rate Heat 1995 4/5` and `8/10` were refused ("stars must be a number ..., got '4/5'")."""
    code, out, err = cli("rate", "--user", "ana", "Heat", "1995", grade)
    assert (code, err) == (0, "") and out == f"Rated Heat (1995) {stars:g}/5 for cli:ana and marked it watched.\n"


@pytest.mark.parametrize(("typed", "stars"), [(("★★★★",), 4.0), (("four",), 4.0), (("four", "stars"), 4.0),
                                              (("three", "and", "a", "half"), 3.5), (("★★★½",), 3.5),
                                              (("4", "stars"), 4.0)])  # fmt: skip
def test_stars_drawn_or_in_words_are_read(cli, typed, stars):
    """Before: `rate Heat 1995 ★★★★` and `rate Heat 1995 four` were refused ("got '★★★★'")."""
    code, out, err = cli("rate", "--user", "ana", "Heat", "1995", *typed)
    assert (code, err) == (0, "") and out == f"Rated Heat (1995) {stars:g}/5 for cli:ana and marked it watched.\n"


def test_a_title_rated_without_stars_is_asked_for_its_stars(cli):
    """`rate The Dark Knight` was answered "stars must be ..., got 'Knight'": the title's last word
    taken for the stars."""
    code, out, err = cli("rate", "--user", "ana", "The", "Dark", "Knight")
    assert (code, out) == (2, "")
    assert (
        err == "moviebot: how many stars for The Dark Knight (2008)? Give them after the title, e.g. "
        "moviebot rate The Dark Knight 4\n"
    ), err


def test_an_ambiguous_import_row_is_followed_by_a_command_that_adds_one_of_its_films(cli, tmp_path):
    """The hint was a template, "Add the one you mean of an ambiguous row with: moviebot watched add
    --user ana ID or TITLE YEAR", not a command to copy."""
    own = tmp_path / "mine.csv"
    own.write_text("Date,Name,Year,Rating\n,Heat,,4\n", encoding="utf-8")
    _, out, _ = cli("import", "--user", "ana", "--format", "letterboxd", str(own))
    hint = out.splitlines()[-1]
    assert hint.startswith("Add the film you meant by an ambiguous row with its title and year, e.g. "
                           "moviebot watched add --user ana Heat 19"), out  # fmt: skip
    typed = hint.split("watched add --user ana ")[1].split(" (or")[0]
    assert cli("watched", "add", "--user", "ana", *typed.split())[0] == 0
