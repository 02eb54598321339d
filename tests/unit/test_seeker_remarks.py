"""ReDial seekers' words replayed once more (training dialogues only): a question about one film's
quality, a remark about the film named, a film fronted before "I haven't seen", a verdict on another film
after one watched, a verdict joined with no stop, and an occasion, each read as meant."""

from __future__ import annotations

import pytest

from agent.understanding.intents import classify
from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize("said", ["Is Heat (1995) any good? Haven't seen that.", "Is Heat any good? Never seen it"])
def test_asking_if_a_named_film_is_good_is_a_question_about_it(said: str) -> None:
    """ "Is Full Metal Jacket (1987) any good? Haven't seen that." gave picks like it, the question unanswered."""
    read = classify(said, LOOKUP, has_previous=False)
    assert (read.intent, read.titles, read.facts) == ("facts", ["heat-1995"], ("rating",)), read


def test_a_named_films_quality_is_answered_with_what_it_is_and_nothing_marked(starter, profiles) -> None:
    heat = starter.movies["heat-1995"]
    answer = make_bot(starter, profiles).ask("Is Heat (1995) any good? Haven't seen that.", user="cli:fq")
    assert answer["recommendations"] == []
    assert answer["reply"].startswith(f"{heat.label} is rated {heat.rating:.1f}/10 from {heat.votes:,} votes.")
    assert heat.genres[0] in answer["reply"] and heat.overview.split()[0] in answer["reply"]
    user = profiles.user_key("cli", "fq")
    assert not profiles.watched(user) and not profiles.ratings(user)


@pytest.mark.parametrize("said", ["Have you seen It (2017)? it was scary!", "have you seen heat? it was funny"])
def test_a_tone_said_of_the_film_named_is_no_wish_for_that_tone(said: str) -> None:
    """ "it was scary!" answered "My catalog doesn't label films' tone, so I can't promise one": a remark, as
    "but its still a funny movie" is, leans to the genre at most."""
    assert understand(said, LOOKUP).moods == []


def test_a_tone_asked_for_is_still_a_wish() -> None:
    assert understand("a movie that is scary", LOOKUP).moods == ["scary"]


@pytest.mark.parametrize("said", ["I loved Heat, Alien I haven't seen", "I loved Heat, Alien I have not watched yet"])
def test_a_film_fronted_before_not_seen_shares_no_verdict(said: str) -> None:
    """ "I loved Heat, Alien I haven't seen" answered "I've noted that you loved Heat (1995) and Alien (1979)"."""
    read = classify(said, LOOKUP, has_previous=False)
    assert read.intent == "liked" and read.titles == ["heat-1995"], read


def test_a_film_judged_after_one_watched_keeps_its_verdict() -> None:
    """ "I watched Heat. Fargo was awful" noted only Heat as watched; Fargo's verdict was dropped."""
    read = classify("I watched Heat. Fargo was awful", LOOKUP, has_previous=False)
    assert set(read.verdicts) == {("heat-1995", "seen", None), ("fargo-1996", "disliked", 1.0)}, read


def test_a_pronoun_after_a_film_watched_is_not_the_film_it() -> None:
    read = classify("I watched Heat. It was awful", LOOKUP, has_previous=False)
    assert "it-2017" not in read.titles, read


@pytest.mark.parametrize("said", ["have seen Heat (1995) it was good too", "I watched Heat it was great"])
def test_praise_joined_with_no_stop_is_a_verdict_on_the_film(said: str) -> None:
    """ "have seen Dumb and Dumber (1994) it was good too" only marked it seen (with a full stop it was liked)."""
    read = classify(said, LOOKUP, has_previous=False)
    assert (read.intent, read.titles) == ("liked", ["heat-1995"]), read


@pytest.mark.parametrize("said", ["any good valentine's day movies?", "something for valentines"])
def test_an_occasion_leans_to_its_genre(said: str) -> None:
    """ "any good valentine's day movies?" gave generic picks and never said the occasion went unread."""
    read = understand(said, LOOKUP)
    assert read.soft_genres == ["romance"] and read.genres == [], read


def test_an_occasion_yields_to_a_genre_asked_for() -> None:
    read = understand("a valentine's horror film", LOOKUP)
    assert read.genres == ["horror"] and "romance" not in read.soft_genres, read


def test_an_occasion_lean_is_said_as_a_lean(starter, profiles) -> None:
    answer = make_bot(starter, profiles).ask("any good valentine's day movies?", user="cli:vd")
    assert answer["recommendations"] and "leaning to romance" in answer["reply"]


def test_a_verdict_on_that_beside_a_film_named_is_kept_apart() -> None:
    """ "I really like Pretty Woman (1990) I didn't care for that too much." dropped the second verdict unsaid."""
    read = classify("I really like Heat (1995) I didn't care for that too much.", LOOKUP, has_previous=True)
    assert (read.titles, read.unplaced) == (["heat-1995"], "disliked"), read


@pytest.mark.parametrize("said", ["I watched Heat and hated it", "I loved Heat and hated Alien"])
def test_a_pronoun_on_the_film_named_is_that_films(said: str) -> None:
    assert classify(said, LOOKUP, has_previous=True).unplaced == ""


def test_the_answer_notes_the_film_named_and_says_that_could_not_be_told(starter, profiles) -> None:
    bot = make_bot(starter, profiles)
    first = starter.movies[bot.ask("a crime thriller from the 90s", user="cli:pw")["recommendations"][0]["id"]]
    answer = bot.ask(f"I really like {first.label} I didn't care for that too much.", user="cli:pw")
    assert f"you liked {first.label}" in answer["reply"]
    assert "couldn't tell which film “that” is, so I noted nothing of it" in answer["reply"]
    user = profiles.user_key("cli", "pw")
    assert profiles.liked(user) == [first.id] and not profiles.disliked(user)
