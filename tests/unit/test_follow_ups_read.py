"""Follow-ups and small talk read as meant: "is there another new one?" after comedies is one more comedy,
not a search for films titled "New"."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("follow_up", ["is there another new one?", "do you have another recent one?"])
def test_another_described_one_keeps_the_request(starter, profiles, follow_up: str) -> None:
    """ "is there another new one?" after "some comedies from the last few years" dropped the comedies and
    gave The New Guy and New Year's Eve, found by the word "new" in their titles."""
    bot = make_bot(starter, profiles)
    first = bot.ask("some comedies from the last ten years", user="cli:an")
    answer = bot.ask(follow_up, user="cli:an")
    assert first["recommendations"] and answer["recommendations"]
    shown = {r["id"] for r in first["recommendations"]}
    for pick in answer["recommendations"]:
        film = starter.movies[pick["id"]]
        assert "comedy" in film.genres and film.year >= 2016 and film.id not in shown, film.label
    assert "comed" in answer["reply"]


@pytest.mark.parametrize("follow_up", ["another good one", "got another good one?"])
def test_another_good_one_notes_no_verdict(starter, profiles, follow_up: str) -> None:
    """ "got another good one?" said "I couldn't tell which film you meant, so I noted nothing": the "good" is
    of the pick wished for, not a verdict on one shown."""
    bot = make_bot(starter, profiles)
    bot.ask("a thriller", user="cli:ag")
    answer = bot.ask(follow_up, user="cli:ag")
    assert answer["recommendations"] and "noted nothing" not in answer["reply"]
    assert all("thriller" in starter.movies[r["id"]].genres for r in answer["recommendations"])
    assert not profiles.ratings(profiles.user_key("cli", "ag"))


@pytest.mark.parametrize("said", ["Sounds good!", "looks great, thanks"])
def test_sounds_good_after_picks_is_a_thanks(starter, profiles, said: str) -> None:
    """A bare "Sounds good!" after picks gave three more, searched by the word "Sounds": it is a thanks, and
    notes no film."""
    bot = make_bot(starter, profiles)
    bot.ask("a thriller", user="cli:sg")
    answer = bot.ask(said, user="cli:sg")
    assert answer["recommendations"] == [] and "Happy to help" in answer["reply"]
    user = profiles.user_key("cli", "sg")
    assert not profiles.ratings(user) and not profiles.watched(user)


def test_sounds_good_first_reads_no_request(starter, profiles) -> None:
    """As a first message it said "these picks are only a guess from its words": no request was made."""
    answer = make_bot(starter, profiles).ask("Sounds good!", user="cli:sf")
    assert answer["recommendations"] == [] and "picks" not in answer["reply"]


@pytest.mark.parametrize("said", ["I have a date!", "I have a date tonight, any ideas?", "got a hot date, any recs?"])
def test_a_date_leans_to_romantic_comedies_and_says_so(starter, profiles, said: str) -> None:
    """ "I have a date!" gave Date Night, Win a Date with Tad Hamilton! and Date Movie (rated 3.6), found by the
    word "date" in their titles, and said only "I don't know your taste yet"."""
    answer = make_bot(starter, profiles).ask(said, user="cli:dt")
    assert answer["reply"].startswith("For a date, I leaned to romantic comedies.")
    films = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert films and all("date" not in f.title.lower() for f in films)
    assert sum(bool({"romance", "comedy"} & set(f.genres)) for f in films) >= 2, [f.label for f in films]


@pytest.mark.parametrize("said", ["I have a date tonight, any horror?", "the release date of Heat?"])
def test_a_date_leans_to_nothing_beside_a_genre_or_as_a_day(starter, profiles, said: str) -> None:
    answer = make_bot(starter, profiles).ask(said, user="cli:dh")
    assert "For a date" not in answer["reply"]
