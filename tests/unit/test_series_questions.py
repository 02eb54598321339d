"""Chat questions about a film's series: "what comes after the empire strikes back?" answered picks
"from 1981 on" (its "after" read as a year bound), "the next one" after a film asked about gave
picks, and "I watched the matrix and its sequels" called "its sequels" a title it could not find."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import FILMS, SKY, SPACE, film

MATRIX = ["Keanu Reeves", "Laurence Fishburne", "Carrie-Anne Moss"]
SCIFI = ["action", "sci-fi"]
MORE = [
    film("Return of the Jedi", 1983, SPACE, SKY, aka=["Star Wars: Episode VI - Return of the Jedi"]),
    film("The Matrix", 1999, SCIFI, MATRIX),
    film("The Matrix Reloaded", 2003, SCIFI, MATRIX),
    film("The Matrix Revolutions", 2003, SCIFI, MATRIX),
    film("Inception", 2010, SCIFI, ["Leonardo DiCaprio"]),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", [*FILMS, *MORE])


@pytest.mark.parametrize(
    "said", ["what comes after the empire strikes back?", "what's the next film after the empire strikes back"]
)
def test_what_comes_after_a_film_is_the_next_film_of_its_series(catalog, profiles, said):
    answer = make_bot(catalog, profiles).ask(said, user="cli:next")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"] == (
        "The next film of The Empire Strikes Back (1980)'s series in my catalog, by release year, "
        "is Return of the Jedi (1983)."
    )


def test_films_of_one_year_after_it_are_said_together_as_the_order_is_not_recorded(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("what comes after the matrix?", user="cli:nextm")["reply"]
    assert reply == (
        "The next films of The Matrix (1999)'s series in my catalog came out in 2003: The Matrix Reloaded (2003) "
        "and The Matrix Revolutions (2003); it does not record which came first."
    )


def test_a_film_with_nothing_after_it_is_said_to_have_none(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("what comes after heat?", user="cli:nexth")
    assert answer["recommendations"] == [] and answer["reply"].startswith("My catalog has no sequel to Heat (1995)")


def test_the_next_one_after_a_film_asked_about_goes_on_through_its_series(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("tell me about star wars", user="cli:nexto")
    first = bot.ask("the next one", user="cli:nexto")
    assert first["recommendations"] == [] and "is The Empire Strikes Back (1980)." in first["reply"], first["reply"]
    second = bot.ask("and the next one?", user="cli:nexto")["reply"]
    assert "is Return of the Jedi (1983)." in second, second


def test_the_next_one_after_picks_is_still_another_pick(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("sci-fi please", user="cli:nextp")
    assert bot.ask("the next one", user="cli:nextp")["recommendations"]


def test_a_film_seen_with_its_sequels_marks_the_sequels_the_catalog_has_and_says_which(catalog, profiles):
    bot = make_bot(catalog, profiles)
    reply = bot.ask("I watched the matrix and its sequels", user="cli:seenseq")["reply"]
    assert "its sequels" not in reply, reply
    assert reply.startswith(
        "Got it: The Matrix (1999), The Matrix Reloaded (2003) and The Matrix Revolutions (2003) marked as watched."
    ), reply
    seen = {row["movie_id"] for row in profiles.watched("cli:seenseq")}
    assert {"the-matrix-1999", "the-matrix-reloaded-2003", "the-matrix-revolutions-2003"} <= seen


def test_films_seen_with_their_sequels_before_asking_for_more_are_no_theme(catalog, profiles):
    answer = make_bot(catalog, profiles).ask("seen the matrix and all its sequels, what else?", user="cli:seenmore")
    assert "sequel" not in answer["reply"].split("\n")[0].replace("its sequels", ""), answer["reply"]
    assert not {r["id"] for r in answer["recommendations"]} & {"the-matrix-reloaded-2003", "the-matrix-1999"}


def test_the_first_film_of_a_series_is_said_by_release_and_by_episode(catalog, profiles):
    """ "what's the first star wars movie?" answered guessed picks."""
    answer = make_bot(catalog, profiles).ask("what's the first star wars movie?", user="cli:first")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"] == (
        "The first film of Star Wars (1977)'s series in my catalog, by release year, is Star Wars (1977). "
        "By episode number it is Star Wars: Episode I - The Phantom Menace (1999)."
    )


def test_the_order_to_watch_a_series_in_lists_its_films_and_says_how_they_were_found(catalog, profiles):
    """ "in what order should I watch the matrix movies?" answered guessed picks."""
    answer = make_bot(catalog, profiles).ask("in what order should I watch the matrix movies?", user="cli:order")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(
        "The films I found of The Matrix (1999)'s series in my catalog, in release order: The Matrix (1999), "
        "The Matrix Reloaded (2003) and The Matrix Revolutions (2003). It records no series"
    ), answer["reply"]


def test_a_series_the_catalog_lacks_is_said_to_be_missing(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("in what order should I watch the zorblax films?", user="cli:ordz")["reply"]
    assert "couldn't find" in reply and "zorblax" in reply, reply


def test_a_later_place_in_a_series_is_said_with_the_films_of_its_year(catalog, profiles):
    """ "what's the second matrix movie?" answered guessed picks; two films of 2003 have no order."""
    reply = make_bot(catalog, profiles).ask("what's the second matrix movie?", user="cli:second")["reply"]
    assert reply == (
        "The second film of The Matrix (1999)'s series in my catalog, by release year, is The Matrix Reloaded "
        "(2003). The Matrix Revolutions (2003) came out the same year; my catalog does not record which came first."
    )
    short = make_bot(catalog, profiles).ask("what's the fifth matrix film?", user="cli:fifth")["reply"]
    assert short.startswith("I found only 3 films of The Matrix (1999)'s series in my catalog"), short


def test_a_film_seen_with_sequels_it_has_none_of_says_so(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("i've seen inception and its sequels", user="cli:noseq")["reply"]
    assert reply.startswith("Got it: Inception (2010) marked as watched."), reply
    assert "My catalog has no sequel to Inception (2010), so none was marked." in reply


def test_what_comes_after_a_film_named_by_a_theme_word_is_its_next_film(starter, profiles):
    """ "what comes after alien?" answered sci-fi picks about aliens, each "A sci-fi film, as you asked",
    though neither was asked: Alien is the film whose next film it asks for."""
    answer = make_bot(starter, profiles).ask("what comes after alien?", user="cli:nexta")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"] == "The next film of Alien (1979)'s series in my catalog, by release year, is Aliens (1986)."


@pytest.mark.parametrize("said", ["something about aliens", "films about aliens please"])
def test_a_genre_a_theme_implies_is_not_said_to_be_asked(starter, profiles, said):
    """ "something about aliens" gave each pick "A sci-fi film, as you asked", though only aliens were
    asked: the theme's genre still narrows the picks, but no reason says it was asked."""
    answer = make_bot(starter, profiles).ask(said, user="cli:aliens")
    assert answer["recommendations"]
    assert all("sci-fi" in r["genres"] for r in answer["recommendations"])
    for pick in answer["recommendations"]:
        assert "as you asked" not in pick["explanation"] or "sci-fi" not in pick["explanation"], pick["explanation"]


def test_a_genre_said_after_a_theme_is_asked_then(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("something about aliens", user="cli:aliens2")
    picks = bot.ask("a sci-fi one please", user="cli:aliens2")["recommendations"]
    assert picks and all("A sci-fi film, as you asked" in r["explanation"] for r in picks)


@pytest.mark.parametrize(
    "said",
    ["after titanic what should I watch?", "what should I watch after titanic?", "after titanic, what can we see"],
)
def test_what_to_watch_after_a_film_is_films_like_it_not_a_year_bound(starter, profiles, said):
    """ "after titanic what should I watch?" answered "from 1998 on", each pick "A 2010 film, as you
    asked": it asks what to watch once Titanic is seen, so films like Titanic, of any year."""
    answer = make_bot(starter, profiles).ask(said, user="cli:after")
    understood = answer["understood"]
    assert (understood["year_min"], understood["year_max"]) == (None, None)
    assert understood["like_titles"] == ["Titanic (1997)"]
    assert answer["recommendations"] and all(r["title"] != "Titanic" for r in answer["recommendations"])
    assert not any("as you asked" in r["explanation"] for r in answer["recommendations"])


def test_films_after_a_film_are_still_a_year_bound(starter, profiles):
    answer = make_bot(starter, profiles).ask("something after titanic", user="cli:after2")
    assert answer["understood"]["year_min"] == 1998


def test_is_it_a_sequel_is_answered_from_its_series(catalog, profiles):
    """ "is the dark knight a sequel?" answered picks "about "sequel"" (Now You See Me 2), and "is it a
    sequel" after a film asked about the same: the earlier films of its series, or that none was found."""
    bot = make_bot(catalog, profiles)
    later = bot.ask("is the matrix reloaded a sequel?", user="cli:seq")
    assert later["recommendations"] == [] and later["reply"] == (
        "Yes: The Matrix Reloaded (2003) comes after The Matrix (1999) in its series."
    )
    bot.ask("tell me about return of the jedi", user="cli:seq")
    assert bot.ask("is it part of a series?", user="cli:seq")["reply"].startswith(
        "Yes: Return of the Jedi (1983) comes after "
    )
    first = bot.ask("is the matrix a sequel", user="cli:seq")
    assert first["recommendations"] == [] and first["reply"].startswith(
        "I found no earlier film of The Matrix (1999)'s series in my catalog"
    )
    assert "can't say it is a sequel" in bot.ask("is heat a sequel?", user="cli:seq")["reply"]
