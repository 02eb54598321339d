""" "how do I export my data?", "can I import my letterboxd" and "how do I delete my data" were answered
with three random picks: questions about what moviebot keeps are answered, and an export or import asked
about is answered first, in the words of the user's front end (Slack and the API have no import)."""

from __future__ import annotations

import pytest

from agent.account_help import ACCOUNT_HELP
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    "text",
    ["how do I export my data?", "how do I delete my data", "can I import my letterboxd",
     "how do I see what I've watched", "how do I rate a movie", "can i rate movies?",
     "is there a way to download my history?", "how do I import from imdb?", "how can I delete my account",
     "where can I see my watch history"],
)  # fmt: skip
def test_account_questions_are_answered_not_taken_as_requests(starter, profiles, text):
    said = make_bot(starter, profiles).ask(text, user="cli:acct")
    assert said["recommendations"] == [] and ACCOUNT_HELP in said["reply"], said["reply"]


def test_an_export_or_import_asked_about_is_answered_for_the_users_front_end(starter, profiles):
    bot = make_bot(starter, profiles)
    assert bot.ask("how do I export my data?", user="cli:acct2")["reply"].startswith(
        "In the terminal, moviebot user export prints everything"
    )
    assert bot.ask("can I import my letterboxd", user="discord:7")["reply"].startswith("/import takes a Letterboxd")
    assert bot.ask("can I import my letterboxd", user="slack:T1:U9")["reply"].startswith("Send me your Letterboxd")
    assert bot.ask("can I import my letterboxd", user="http:acme:ana")["reply"].startswith(
        "POST /v1/users/{user}/import takes"
    )


@pytest.mark.parametrize("text", ["can I see a good horror movie", "can you show me a western"])
def test_requests_near_those_words_stay_requests(starter, profiles, text):
    said = make_bot(starter, profiles).ask(text, user="cli:acct3")
    assert said["recommendations"] and ACCOUNT_HELP not in said["reply"]
