"""Questions about the user's own history, answered from their profile."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender


@pytest.fixture
def bot(starter, profiles) -> Recommender:
    deps = Deps(catalog=starter, profiles=profiles, config=AgentConfig(explore=False),
                clock=lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC))  # fmt: skip
    return Recommender(deps, None)


def test_what_and_how_many_the_user_watched_come_from_their_profile(bot, profiles):
    """ "how many movies have i watched?" said "My catalog has 11,008 films."; "what have i watched"
    gave the help text."""
    assert bot.ask("how many movies have i watched?", user="cli:ana")["reply"] == (
        "You haven't marked any films as watched yet."
    )
    profiles.add_watched("cli:ana", "heat-1995", at="2026-01-01T00:00:00+00:00")
    profiles.rate("cli:ana", "saving-private-ryan-1998", 2, at="2026-02-01T00:00:00+00:00")
    profiles.add_watched("cli:ana", "saving-private-ryan-1998", at="2026-02-01T00:00:00+00:00")
    expected = "You've marked 2 films as watched, newest first: Saving Private Ryan (1998), Heat (1995)."
    assert bot.ask("how many movies have i watched?", user="cli:ana")["reply"] == expected
    assert bot.ask("what have i watched", user="cli:ana")["reply"] == expected
    assert bot.ask("how many films have I rated?", user="cli:ana")["reply"] == (
        "You've rated 1 film: Saving Private Ryan (1998) at 2/5."
    )
    assert bot.ask("how many films do you have?", user="cli:ana")["reply"].startswith("My catalog has")


def test_why_not_a_film_says_why_it_is_not_suggested(bot, profiles):
    """ "why not saving private ryan?" after rating it 2/5 refused it and gave new picks."""
    profiles.rate("cli:ben", "saving-private-ryan-1998", 2)
    profiles.add_watched("cli:ben", "heat-1995")
    why = bot.ask("why not saving private ryan?", user="cli:ben")
    assert why["reply"].startswith("You rated Saving Private Ryan (1998) 2/5, so I don't suggest it")
    assert why["recommendations"] == []
    assert bot.ask("why not heat?", user="cli:ben")["reply"].startswith("You've marked Heat (1995) as watched")
    bot.ask("comedies from the 90s", user="cli:ben")
    godfather = bot.ask("why not the godfather?", user="cli:ben")["reply"]
    assert godfather.startswith("The Godfather (1972) doesn't fit what you asked: it is from 1972")
    missing = bot.ask("why not Zorblax Returns?", user="cli:ben")["reply"]
    assert missing.startswith("I couldn't find “Zorblax Returns” in my catalog") and missing.endswith("suggest it.")
    assert bot.ask("why not something scary?", user="cli:ben")["recommendations"]  # a wish, as before


def test_a_thumbs_up_or_down_is_named_as_such_in_the_users_history(bot, profiles):
    """After a 👍 on Heat and a 👎 on Alien, "how many films have I rated?" said "Heat (1995) at 4.5/5"
    and "why not alien?" "You rated Alien (1979) 1.5/5": stars the user never gave."""
    for event_id, movie_id, kind, at in (
        ("r1", "heat-1995", "like", "2026-01-01"),
        ("r2", "alien-1979", "dislike", "2026-02-01"),
    ):
        profiles.record_feedback(suggestion_id=None, user="cli:di", movie_id=movie_id, kind=kind, value=None,
                                 added=True, event_id=event_id, at=f"{at}T00:00:00+00:00")  # fmt: skip
    profiles.rate("cli:di", "se7en-1995", 4.5, at="2026-03-01T00:00:00+00:00")
    assert bot.ask("how many films have I rated?", user="cli:di")["reply"] == (
        "You've rated 3 films, newest first: Se7en (1995) at 4.5/5, Alien (1979) 👎, Heat (1995) 👍."
    )
    assert bot.ask("why not alien?", user="cli:di")["reply"].startswith("You gave Alien (1979) a thumbs down, so I")
    assert bot.ask("why not heat?", user="cli:di")["reply"].startswith("You gave Heat (1995) a thumbs up, so I")


def test_what_the_user_thought_of_a_film_is_read_from_their_history_as_they_gave_it(bot, profiles):
    """ "what did I think of alien?" and "did I like heat?" answered with three picks, and "did I like
    heat?" was even noted as a new verdict: liking Heat."""
    user = "cli:ed"
    for question in ("what did I think of alien?", "did I like heat?", "what did I think of jaws?"):
        said = bot.ask(question, user=user)
        assert said["recommendations"] == [], question
        assert said["reply"].startswith("You haven't rated "), said["reply"]
    assert profiles.ratings(user) == {}
    bot.ask("I rated Alien 4", user=user)
    bot.ask("I liked Heat", user=user)
    profiles.record_feedback(suggestion_id=None, user=user, movie_id="jaws-1975", kind="like", value=None,
                             added=True, event_id="r1", at="2026-01-01T00:00:00+00:00")  # fmt: skip
    for question, expected in (
        ("what did I think of alien?", "You rated Alien (1979) 4/5."),
        ("how did I rate alien", "You rated Alien (1979) 4/5."),
        ("did I like heat?", "You said you liked Heat (1995)."),
        ("what's my rating for Heat", "You said you liked Heat (1995)."),
        ("did I enjoy jaws?", "You gave Jaws (1975) a thumbs up."),
        ("have I seen jaws?", "You gave Jaws (1975) a thumbs up."),
        ("what did I make of the matrix?", "You haven't rated The Matrix (1999) or marked it as seen."),
    ):
        said = bot.ask(question, user=user)
        assert (said["reply"], said["recommendations"]) == (expected, []), question


def _undated(profiles, user: str, movie_id: str) -> None:
    """A film as an undated import row leaves it: watched at no known time."""
    profiles.add_watched(user, movie_id)
    profiles.conn.execute("UPDATE watched SET watched_at = NULL WHERE user = ? AND movie_id = ?", (user, movie_id))


def test_the_watched_list_says_newest_first_only_of_dated_films(bot, profiles):
    """ "what have I watched" said "newest first" of a list ending in films of unknown date."""
    profiles.add_watched("cli:und", "heat-1995", at="2026-01-01T00:00:00+00:00")
    _undated(profiles, "cli:und", "alien-1979")
    assert bot.ask("what have i watched", user="cli:und")["reply"] == (
        "You've marked 2 films as watched, dated ones newest first, then the undated: Heat (1995), Alien (1979)."
    )
    _undated(profiles, "cli:und", "heat-1995")
    assert bot.ask("what have i watched", user="cli:und")["reply"] == (
        "You've marked 2 films as watched: Alien (1979), Heat (1995)."
    )
