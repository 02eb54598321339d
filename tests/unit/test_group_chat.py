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
    assert shown == turn.reply and "  • Bob: " in shown  # as typed, "@Bob"


def test_the_request_beside_the_names_is_kept_and_an_unknown_name_is_told(service):
    """ "movie night with @bob and @ghost, a comedy" was films about ghosts, for the speaker alone."""
    service.rate(ANN, "Se7en", 5)
    service.rate(BOB, "Heat 1995", 5)
    turn = service.chat(ANN, "movie night with @bob and @ghost, a comedy")
    assert turn.intent == "group" and "comedy" in turn.recommendations[0]["genres"]
    assert set(turn.recommendations[0]["per_person"]) == {ANN, BOB}
    assert "I don't know ghost" in turn.reply


def test_an_email_address_or_the_speaker_alone_is_no_movie_night(service):
    assert service.chat(ANN, "a crime film, mail me at ann@example.com").intent != "group"
    assert service.chat(ANN, "@ann a crime film").intent != "group"
    assert service.chat("discord:1", "a crime film with @bob").intent != "group"  # a Discord mention is an id


@pytest.mark.parametrize("asked", ["something we can all watch", "a movie for all of us", "a comedy for the two of us"])
def test_a_pick_for_all_of_us_with_nobody_named_says_whose_taste_it_follows(service, asked):
    """ "something we can all watch" gave the speaker's own picks, as if for them alone; then it asked
    "Who's watching?" and gave none, so "a comedy for us tonight" got no comedy. Now the picks come,
    saying whose taste they follow and how to get one for everyone."""
    service.rate(ANN, "Se7en", 5)
    turn = service.chat(ANN, asked)
    assert turn.recommendations
    assert turn.reply.startswith("I picked these for you alone; for a film none of you has seen, name who's watching")
    on_discord = service.chat("discord:1", asked)
    assert "/movienight" in on_discord.reply and on_discord.recommendations


def test_a_member_never_met_gets_no_line_under_the_pick(service):
    """Each pick said "cli:ghost: no ratings from you yet..." after the reply had said it did not
    know ghost."""
    service.rate(ANN, "Se7en", 5)
    service.rate(BOB, "Heat 1995", 5)
    lines = service.chat(ANN, "movie night with @bob and @ghost").reply.splitlines()
    assert [line for line in lines if "ghost" in line] == [
        "I don't know ghost: no one by that name has talked to me or rated a film here (check the spelling)."
    ]


def test_people_are_named_as_typed_not_by_their_keys(service):
    """Movie-night replies said "cli:ghost" and "cli:nolan", the store's keys, for names typed "@ghost"."""
    service.rate(ANN, "Se7en", 5)
    turn = service.chat(ANN, "movie night with @Ghost and @nolan")
    assert "I don't know Ghost or nolan: no one by those names" in turn.reply
    assert "cli:" not in turn.reply
    service.rate("http:t1:ann", "Se7en", 5)  # an HTTP tenant's user: named as typed too, not "t1:ghost"
    assert "I don't know ghost: no one" in service.chat("http:t1:ann", "movie night with @ghost").reply


def test_more_after_a_movie_night_is_another_pick_for_the_same_people(service):
    """ "more" after a movie night started in chat went on with the speaker's earlier conversation,
    their own picks; now it is another pick for the same people and request, none seen before."""
    service.rate(ANN, "Se7en", 5)
    service.rate(BOB, "Heat 1995", 5)
    service.chat(ANN, "a horror film")
    first = service.chat(ANN, "movie night with @bob, a comedy")
    more = service.chat(ANN, "more")
    assert more.intent == "group" and set(more.recommendations[0]["per_person"]) == {ANN, BOB}
    assert "comedy" in more.recommendations[0]["genres"]
    assert more.recommendations[0]["id"] != first.recommendations[0]["id"]
    again = service.chat(ANN, "more")
    assert again.recommendations[0]["id"] not in {first.recommendations[0]["id"], more.recommendations[0]["id"]}
    own = service.chat(ANN, "a western")  # a request of the speaker's own ends the night
    assert own.intent != "group" and service.chat(ANN, "more").intent != "group"


def test_pointers_after_a_movie_night_mean_its_pick_not_the_speakers_list_before(service):
    """ "I've seen the second one" after a movie night marked the second of the speaker's own horror
    picks shown before it, and "tell me about the first one" told of the first of them: the night's
    pick is the list just shown, so the pointers mean it, and a place past it is said to be none."""
    service.rate(ANN, "Se7en", 5)
    service.rate(BOB, "Heat 1995", 5)
    own = [r["id"] for r in service.chat(ANN, "a horror film").recommendations]
    assert len(own) > 1
    night = service.chat(ANN, "movie night with @bob, a comedy").recommendations[0]
    about = service.chat(ANN, "tell me about the first one")
    assert about.reply.startswith(f"{night['title']} ({night['year']})")
    past = service.chat(ANN, "I've seen the second one")
    assert past.reply.startswith(f"I only suggested one film just now, {night['title']} ({night['year']})")
    assert not _watched(service, ANN) & {night["id"], *own}
    service.chat(ANN, "I've seen that one")
    assert _watched(service, ANN) & {night["id"], *own} == {night["id"]}


def test_why_a_movie_night_pick_speaks_of_the_nights_request_not_the_speakers(service):
    """ "why that one?" after a movie night compared its pick with the film the speaker's own earlier
    request named ("Against Heat, named in the request"), which the night never asked for."""
    service.rate(BOB, "Se7en", 5)
    service.chat(ANN, "something like Heat")
    night = service.chat(ANN, "movie night with @bob, a comedy").recommendations[0]
    why = service.chat(ANN, "why that one?")
    assert why.reply.startswith(f"{night['title']} ({night['year']}): ")
    assert "Heat" not in why.reply


def test_a_question_about_the_nights_pick_keeps_the_night_for_more(service):
    """ "is it long?" or "why that one?" after a movie night ended it: "more" next gave the speaker's own
    horror picks, where the README promises more for the same people until they ask for something of
    their own."""
    service.rate(ANN, "Se7en", 5)
    service.rate(BOB, "Heat 1995", 5)
    service.chat(ANN, "a horror film")
    first = service.chat(ANN, "movie night with @bob, a comedy").recommendations[0]
    for aside in ("is it long?", "why that one?", "I've seen it"):
        service.chat(ANN, aside)
        more = service.chat(ANN, "more")
        assert more.intent == "group" and set(more.recommendations[0]["per_person"]) == {ANN, BOB}
        assert "comedy" in more.recommendations[0]["genres"] and more.recommendations[0]["id"] != first["id"]
    assert service.chat(ANN, "a western").intent != "group" and service.chat(ANN, "more").intent != "group"


def _watched(service, user: str) -> set[str]:
    return {row["movie_id"] for row in service.profiles.watched(user)}
