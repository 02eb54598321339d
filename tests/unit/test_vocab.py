"""Genre, language and country as people type them: any case, everyday names, one normaliser."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from store.vocab import country_code, language_code, normalise_genre
from tests.fakes import HashingEmbedder


@pytest.mark.parametrize(
    "typed, genre",
    [
        ("Sci-Fi", "sci-fi"),
        ("science fiction", "sci-fi"),
        ("SCI FI", "sci-fi"),
        ("Science Fiction", "sci-fi"),
        ("Westerns", "western"),
        ("comedies", "comedy"),
        ("horror movies", "horror"),
        ("Film Noir", "film-noir"),
        ("Documentaries", "documentary"),
        ("kids", "family"),
        ("(no genres listed)", None),
        ("foreign", None),
        ("rom", None),
    ],
)
def test_genres(typed, genre):
    assert normalise_genre(typed) == genre


@pytest.mark.parametrize(
    "typed, code",
    [
        ("French", "fr"),
        ("fr", "fr"),
        ("FR", "fr"),
        ("français", "fr"),
        ("Korean", "ko"),
        ("Mandarin", "zh"),
        ("Klingon", None),
    ],
)
def test_languages(typed, code):
    assert language_code(typed) == code


@pytest.mark.parametrize(
    "typed, code",
    [
        ("Korean", "KR"),
        ("Korea", "KR"),
        ("South Korea", "KR"),
        ("kr", "KR"),
        ("UK", "GB"),
        ("British", "GB"),
        ("usa", "US"),
        ("French", "FR"),
        ("Narnia", None),
    ],
)
def test_countries(typed, code):
    assert country_code(typed) == code


@pytest.fixture
def search(catalog, home, monkeypatch, capsys):
    monkeypatch.setattr("bot.settings.Settings.embedder", lambda self: HashingEmbedder())
    monkeypatch.delenv("MOVIEBOT_HOME", raising=False)

    def run(*argv: str) -> tuple[int, list[dict] | None, str]:
        code = main(["search", *argv, "--json", "--data-dir", str(home.root)])
        out, err = capsys.readouterr()
        return code, json.loads(out) if code == 0 else None, err

    return run


@pytest.mark.parametrize("genre", ["Sci-Fi", "science fiction", "sci-fi"])
def test_search_takes_everyday_genre_names(search, genre):
    # the sample catalog has no science fiction: the answer is an empty list, not a refusal
    code, found, err = search("--genre", genre)
    assert (code, found, err) == (0, [], "")


def test_search_filters_by_language_and_country_names(search):
    for option, value in [
        ("--language", "Korean"),
        ("--language", "KO"),
        ("--country", "Korea"),
        ("--country", "South Korea"),
        ("--country", "Korean"),
    ]:
        code, found, _ = search(option, value)
        assert code == 0 and [m["id"] for m in found] == ["parasite-2019"], (option, value)
    code, found, _ = search("--language", "French", "--genre", "Comedy")
    assert [m["id"] for m in found] == ["amelie-2001"]
    code, found, _ = search("--genre", "THRILLERS", "--country", "usa", "--k", "20")
    assert {m["id"] for m in found} == {"se7en-1995", "heat-1986", "the-insider-1999"}


def test_an_unknown_name_is_a_usage_error_that_says_what_works(search, capsys):
    with pytest.raises(SystemExit) as exit_info:
        search("--genre", "space opera")
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "'space opera' is not a genre moviebot knows" in err and "sci-fi" in err and "Traceback" not in err
    with pytest.raises(SystemExit):
        search("--country", "Narnia")
    assert "give a name (South Korea, Korean) or a code (KR)" in capsys.readouterr().err
