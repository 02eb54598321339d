"""How ReDial seekers close a chat, or answer a greeting: "Well thank you for the suggestions.", "Hope you have
a good day!" (answered with A Good Day to Die Hard), "have a good night my friend!", "great!, I appreciate the
help", "Hi there! I am great! How about you?" and "I got to go though, goodbye." were each answered with picks
guessed from their words. They ask for nothing, and are answered so."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot

CLOSINGS = [
    "Well thank you for the suggestions.",
    "Hope you have a good day!",
    "have a good night my friend!",
    "great!, I appreciate the help",
    "Hi there! I am great! How about you?",
    "Thanks a lot for the suggestions. Have a good night",
    "Ok you have given great suggestions. Thanks a lot",
    "Thank you for the suggestions today.",
    "I got to go though, goodbye.",
    "I think I am all set now, good bye!",
]


@pytest.mark.parametrize("said", CLOSINGS)
def test_a_closing_or_a_greeting_asks_for_no_films(starter, profiles, said: str) -> None:
    bot = make_bot(starter, profiles)
    bot.ask("I am looking for a comedy", user="cli:bye")
    answer = bot.ask(said, user="cli:bye")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith("Happy to help!"), answer["reply"]
    assert profiles.ratings("cli:bye") == {} and not profiles.watched("cli:bye")


@pytest.mark.parametrize("said", ["thanks, how about comedies", "great, any thrillers?"])
def test_a_request_after_thanks_still_gets_picks(starter, profiles, said: str) -> None:
    bot = make_bot(starter, profiles)
    bot.ask("I am looking for a comedy", user="cli:more")
    assert bot.ask(said, user="cli:more")["recommendations"]


def test_a_verdict_after_thanks_is_still_noted(starter, profiles) -> None:
    bot = make_bot(starter, profiles)
    bot.ask("thanks! heat was great", user="cli:heat")
    assert profiles.ratings("cli:heat") == {"heat-1995": 4.0}
