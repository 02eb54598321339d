"""How ReDial seekers talk, replayed again (training dialogues only): a greeting before a taste, a film named only
as a comparison, verdicts after a film, and requests mixed with chit-chat, each read as meant."""

from __future__ import annotations

import pytest

from agent.understanding.intents import classify
from tests.unit.test_understanding import LOOKUP


@pytest.mark.parametrize(
    "said", ["Hi I like comedies", "Hi there I like great action films.", "hello! I love westerns"]
)
def test_a_greeting_before_a_taste_is_a_request_not_small_talk(said: str) -> None:
    """ "Hi I like comedies" answered "Happy to help! Ask me for a movie whenever you like"."""
    assert classify(said, LOOKUP, has_previous=False).intent == "recommend"


@pytest.mark.parametrize("said", ["hi", "hello how are you", "hi there, great to meet you"])
def test_a_greeting_alone_is_still_small_talk(said: str) -> None:
    assert classify(said, LOOKUP, has_previous=False).intent == "smalltalk"


@pytest.mark.parametrize(
    "said",
    [
        "I watched a comedy last night, kinda like Fargo (1996)",
        "I watched a romantic comedy last night and fell in love, I can't name it but kinda like Fargo (1996)",
        "saw something similar to Fargo yesterday",
    ],
)
def test_a_film_named_as_a_comparison_is_not_the_film_watched(said: str) -> None:
    """ "I watched a romantic comedy last night ... kinda like Sweet November (2001)" answered "Got it:
    Sweet November (2001) marked as watched on <yesterday>"; the film watched was another one."""
    read = classify(said, LOOKUP, has_previous=False)
    marked = [read, read.feedback] if read.feedback else [read]
    assert not any(c.intent == "seen" and "fargo-1996" in c.titles for c in marked), read


def test_a_film_watched_beside_one_compared_is_still_marked() -> None:
    read = classify("I watched Heat yesterday, kinda like Fargo", LOOKUP, has_previous=False)
    assert read.intent == "seen" and read.titles == ["heat-1995"], read


@pytest.mark.parametrize(
    ("said", "verdict"),
    [
        ("I just watched Heat today. I loved it.", "liked"),
        ("I just watched Heat (1995) on BET today. Yes I loved that one.", "liked"),
        ("I watched Heat last night. Hated it.", "disliked"),
    ],
)
def test_a_verdict_in_the_sentence_after_watching_is_on_that_film(said: str, verdict: str) -> None:
    """ "I just watched Big Momma's House 2 (2006) on BET today. Yes I loved that one." answered
    "Noted: you've seen Big Momma's House 2 (2006)", the love dropped (with "and loved it" it was kept)."""
    read = classify(said, LOOKUP, has_previous=False)
    assert (read.intent, read.titles) == (verdict, ["heat-1995"]), read


FAVES_AND_NOT_SEEN = (
    "Some of my faves are Fargo (1996) and Heat (1995) I actually haven't seen Alien (1979) Which surprises people"
)


def test_favourites_then_one_not_seen_notes_the_favourites_and_takes_nothing_off() -> None:
    """The ReDial seeker's message answered "Ghostbusters (1984) wasn't on your watched list, so there was
    nothing to take off", and the two favourites were not noted: "I actually haven't seen" is no correction."""
    read = classify(FAVES_AND_NOT_SEEN, LOOKUP, has_previous=True)
    assert read.intent == "liked", read
    assert dict((t, v) for t, v, _ in read.verdicts) == {"fargo-1996": "liked", "heat-1995": "liked"}, read


@pytest.mark.parametrize("said", ["I actually haven't seen Alien", "I actually never saw Alien (1979)"])
def test_actually_inside_a_statement_is_no_correction(said: str) -> None:
    read = classify(said, LOOKUP, has_previous=True)
    assert (read.intent, read.titles) == ("unseen", ["alien-1979"]), read


@pytest.mark.parametrize(
    "said", ["actually I haven't seen Alien", "oh actually, I never watched Alien", "I never watched Alien, my bad"]
)
def test_a_correction_still_takes_a_film_off(said: str) -> None:
    read = classify(said, LOOKUP, has_previous=True)
    assert (read.intent, read.titles) == ("unwatched", ["alien-1979"]), read


@pytest.mark.parametrize(
    "said",
    [
        "i liked the matrix too do you know of any based on a true story horror films",
        "I liked Heat do you know any good horror movies",
    ],
)
def test_a_verdict_then_a_question_without_its_question_mark_asks_too(said: str) -> None:
    """ "i liked the village too do you know of any based on a true story horror films" answered only
    "Great, I've noted that you liked The Village (2004)": the request, typed without "?", went unanswered."""
    read = classify(said, LOOKUP, has_previous=True)
    assert read.intent == "recommend" and read.feedback is not None and read.feedback.intent == "liked", read


@pytest.mark.parametrize(
    ("said", "verdict"),
    [
        ("I did enjoy Heat (1995). It was better than I thought it would be.", "liked"),
        ("No, I have not seen that one yet. I did enjoy Heat (1995).", "liked"),
        ("I did love Heat", "liked"),
    ],
)
def test_an_emphatic_did_is_a_verdict(said: str, verdict: str) -> None:
    """ "No, I have not seen that one yet. I think it will be good! I did enjoy Wonder Woman (2017)." answered
    "So Wonder Woman (2017) is new to you; I haven't noted anything": "did enjoy" was read as no verdict."""
    read = classify(said, LOOKUP, has_previous=True)
    assert (read.intent, read.titles) == (verdict, ["heat-1995"]), read


@pytest.mark.parametrize(
    "said",
    [
        "I have not seen that one. Heat (1995) was great.",
        "Haven't seen that one yet! Heat (1995) was better than I thought.",
    ],
)
def test_a_film_named_after_a_sentence_saying_not_seen_is_not_unseen(said: str) -> None:
    """ "No, I have not seen that one yet. ... Wonder Woman (2017) ..." answered "So Wonder Woman (2017) is
    new to you": "not seen" was said of the pick pointed at, in a sentence that names no film."""
    read = classify(said, LOOKUP, has_previous=True)
    assert not (read.intent == "unseen" and "heat-1995" in read.titles), read


def test_a_film_said_not_seen_in_its_own_sentence_still_is() -> None:
    read = classify("I haven't seen Heat (1995). Fargo (1996) was great.", LOOKUP, has_previous=True)
    assert "fargo-1996" not in read.titles and (read.intent, read.titles) == ("unseen", ["heat-1995"]), read


MARROWS = [
    {"id": "marrow-1976", "title": "Marrow", "year": 1976, "genres": ["horror"], "directors": ["Brian De Palma"],
     "votes": 36, "rating": 7.3, "overview": "A shy girl with telekinetic powers goes to the prom."},
    {"id": "marrow-2002", "title": "Marrow", "year": 2002, "genres": ["horror"], "directors": ["David Carson"],
     "votes": 1, "rating": 5.5, "overview": "A television remake: a shy girl with telekinetic powers."},
    {"id": "marrow-2013", "title": "Marrow", "year": 2013, "genres": ["horror"], "directors": ["Kimberly Peirce"],
     "votes": 2500, "rating": 5.9, "overview": "A remake: a shy girl with telekinetic powers goes to the prom."},
]  # fmt: skip


def test_a_title_typed_with_its_own_year_is_taken_without_a_note(tmp_path):
    """ "Something like Carrie (1976)" answered "I took “Carrie (1976)” to be Carrie (1976), the nearest
    film of that title I have.": a sentence that says nothing, when the film typed is the one taken."""
    from store.profiles import ProfileStore
    from tests.conftest import starter_plus
    from tests.unit.test_graph import make_bot

    catalog, profiles = starter_plus(tmp_path, MARROWS), ProfileStore(None)
    try:
        bot = make_bot(catalog, profiles)
        answer = bot.ask("Something like Marrow (1976)", user="cli:ca")
        assert "I took" not in answer["reply"] and answer["understood"]["like_titles"] == ["Marrow (1976)"], answer
        wrong = bot.ask("Something like Marrow (1980)", user="cli:cb")["reply"]
        assert wrong.startswith("I took “Marrow (1980)” to be Marrow (1976)"), wrong
    finally:
        profiles.close()
        catalog.close()
