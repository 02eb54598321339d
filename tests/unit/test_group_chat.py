"""A chat message naming the others with @ is a movie night for the speaker and them."""

from __future__ import annotations

import pytest

from agent.bandit import Ranker
from agent.service import build_service
from bot.cli.terminal import format_answer
from store.profiles import ProfileStore

ANN, BOB = "cli:ann", "cli:bob"


@pytest.fixture
def service(starter, tmp_path):
    profiles = ProfileStore(tmp_path / "state.sqlite")
    svc = build_service(starter, profiles, ranker=Ranker(profiles))
    yield svc
    svc.close()
    profiles.close()


def test_movie_night_with_at_names_is_a_group_pick_none_of_them_has_seen(service):
    """ "movie night with @ann and @bob" was read as ann's own request: her picks alone, Bob's
    Heat among them, and "I didn't find a genre ... in your message"."""
    service.rate(ANN, "Se7en", 5)
    service.rate(BOB, "Heat 1995", 5)
    turn = service.chat(ANN, "movie night with @ann and @Bob")
    assert turn.intent == "group" and turn.reply.startswith("Movie night for 2: none of you has marked")
    assert set(turn.recommendations[0]["per_person"]) == {ANN, BOB}
    assert not {"se7en-1995", "heat-1995"} & {r["id"] for r in turn.recommendations}
    assert "I didn't find" not in turn.reply
    shown = format_answer(turn, color=False)  # the terminal shows each member's reason
    assert shown == turn.reply and "  • cli:bob: " in shown


def test_the_request_beside_the_names_is_kept_and_an_unknown_name_is_told(service):
    """ "movie night with @bob and @ghost, a comedy" was films about ghosts, for the speaker alone."""
    service.rate(ANN, "Se7en", 5)
    service.rate(BOB, "Heat 1995", 5)
    turn = service.chat(ANN, "movie night with @bob and @ghost, a comedy")
    assert turn.intent == "group" and "comedy" in turn.recommendations[0]["genres"]
    assert set(turn.recommendations[0]["per_person"]) == {ANN, BOB, "cli:ghost"}
    assert "I don't know cli:ghost" in turn.reply


def test_an_email_address_or_the_speaker_alone_is_no_movie_night(service):
    assert service.chat(ANN, "a crime film, mail me at ann@example.com").intent != "group"
    assert service.chat(ANN, "@ann a crime film").intent != "group"
    assert service.chat("discord:1", "a crime film with @bob").intent != "group"  # a Discord mention is an id
