"""Chat turns said the way people type to a movie bot: a group's wish for something everyone will
like, and a pick chosen with a word of approval ("perfect, the third one")."""

from __future__ import annotations

import re

import pytest

from agent.understanding.chat_words import spelt_out
from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot
from tests.unit.test_understanding import FakeLookup

NOTHING_READ = "I didn't find a genre, person, film, era or theme I know in your message"


@pytest.mark.parametrize(
    "said",
    [
        "we're 4 friends, want something everyone will like",
        "something for everyone",
        "smth we'll all enjoy",
        "a safe bet for movie night",
    ],
)
def test_a_film_everyone_will_like_is_read_as_a_crowd_pleaser(starter, profiles, said):
    """ "we're 4 friends, want something everyone will like" was answered "I didn't find a genre,
    person, film, era or theme I know in your message": a crowd-pleaser is a popular film."""
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:crowd")
    assert answer["recommendations"], answer["reply"]
    assert NOTHING_READ not in answer["reply"], answer["reply"]


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("perfect, the third one", 2),
        ("sounds perfect, the third one", 2),
        ("that's perfect, #2", 1),
        ("great, the third one", 2),
        ("the second one, perfect", 1),
        ("perfect, i'll take the first one", 0),
        ("ok the 2nd then", 1),  # was a guess: "I didn't find a genre, person, film, era or theme I know..."
        ("the first one then", 0),
    ],
)
def test_a_pick_chosen_with_approval_is_a_plan_to_watch_it(starter, profiles, said, place):
    """After "a comedy", "perfect, the third one" was answered with A Perfect Murder, Picture Perfect
    and Pitch Perfect, and "great, the third one" noted a 4-star rating for a film not yet seen."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy", user="cli:pick")["recommendations"]
    answer = bot.ask(said, user="cli:pick")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(f"Enjoy {starter.movies[shown[place]['id']].label}!"), answer["reply"]
    assert not answer["recorded"], answer["recorded"]


def test_ok_and_a_place_still_asks_about_that_pick(starter, profiles):
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy", user="cli:ok")["recommendations"]
    answer = bot.ask("ok, the third one", user="cli:ok")
    assert answer["reply"].startswith(f"{starter.movies[shown[2]['id']].label}: "), answer["reply"]


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("we're 4 friends, want something everyone will like", "4"),
        ("we're four friends, smth fun", "four"),
        ("4 friends want a comedy", "4"),
        ("a comedy for me and 3 friends", "3"),
        ("we are a group of 4, any ideas", "4"),
    ],
)
def test_how_many_are_watching_is_no_title_word(said, number):
    """ "we're 4 friends, want something everyone will like" got I Am Number Four, Four Brothers and
    Four Lions: the size of the group says who watches, not what the film is called or how many picks."""
    understood = understand(said, FakeLookup())
    assert number not in re.findall(r"\w+", understood.query), understood.query
    assert understood.count is None


@pytest.mark.parametrize(
    "said",
    ["these suck", "nah these are boring", "these are all bad lol", "not feeling any of those", "ur picks are mid"],
)
def test_picks_turned_down_get_other_films_for_the_same_request(starter, profiles, said):
    """After "a comedy", "these suck" got a guess from its words ("I didn't find a genre ..."), "these
    are all bad lol" films with "bad" in the title, and "nah these are boring" asked "Which one do you
    mean?": turned down, the picks give way to other comedies, and nothing is noted as seen or rated."""
    bot = make_bot(starter, profiles)
    shown = {r["id"] for r in bot.ask("a comedy", user="cli:meh")["recommendations"]}
    answer = bot.ask(said, user="cli:meh")
    picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert len(picks) == 3, answer["reply"]
    assert not shown & {m.id for m in picks}
    assert all("comedy" in m.genres for m in picks), [m.label for m in picks]
    assert not any("bad" in m.title.lower().split() for m in picks), [m.label for m in picks]
    assert not answer["recorded"], answer["recorded"]


def test_films_disliked_together_are_said_in_the_plural(starter, profiles):
    """ "hated all of them" was answered "Noted: Up (2009), Deadpool (2016) and Forrest Gump (1994)
    wasn't for you. I'll steer away from things like it."."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy", user="cli:all")
    answer = bot.ask("hated all of them", user="cli:all")
    assert answer["intent"] == "disliked", answer["reply"]
    assert " weren't for you. I'll steer away from things like them." in answer["reply"], answer["reply"]


@pytest.mark.parametrize("said", ["nah seen those", "seen these", "already watched those ones"])
def test_seen_those_is_every_pick(starter, profiles, said):
    """ "nah seen those" after three picks was answered "Which one do you mean?": those are all of them."""
    bot = make_bot(starter, profiles)
    shown = [r["id"] for r in bot.ask("a comedy", user="cli:those")["recommendations"]]
    answer = bot.ask(said, user="cli:those")
    assert not answer["reply"].startswith("Which one"), answer["reply"]
    assert all(profiles.has_watched("cli:those", m) for m in shown), answer["reply"]


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("let's go with the 2nd", 1),
        ("i'll take #3 thx", 2),
        ("we'll do the first one", 0),
        ("ok ill give the 2nd a shot", 1),  # was a guess: "I didn't find a genre, person, film, era or theme..."
        ("gonna give #3 a try", 2),
    ],
)
def test_a_pick_taken_is_a_plan_to_watch_it(starter, profiles, said, place):
    """ "ok cool, we'll do that one" and "let's go with the 2nd" were read as new requests and
    answered with a guess from their words."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy", user="cli:take")["recommendations"]
    answer = bot.ask(said, user="cli:take")
    assert answer["reply"].startswith(f"Enjoy {starter.movies[shown[place]['id']].label}!"), answer["reply"]


def test_that_one_taken_after_asking_about_a_pick_is_that_pick(starter, profiles):
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy", user="cli:that")["recommendations"]
    bot.ask("is the first one scary", user="cli:that")
    answer = bot.ask("ok cool, we'll do that one", user="cli:that")
    assert answer["reply"].startswith(f"Enjoy {starter.movies[shown[0]['id']].label}!"), answer["reply"]


def test_taking_a_kind_of_film_is_still_a_request(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a thriller", user="cli:kind")
    answer = bot.ask("i'll take a comedy from the 90s", user="cli:kind")
    assert answer["intent"] == "recommend" and len(answer["recommendations"]) == 3, answer["reply"]


def test_smth_similar_after_a_verdict_is_like_that_film(starter, profiles):
    """ "smth similar?" after "loved heat" got a guess from its words (The Smurfs, "I didn't find a
    genre, person, film, era or theme I know"), where "something similar?" got films like Heat."""
    bot = make_bot(starter, profiles)
    bot.ask("loved heat", user="cli:smth")
    answer = bot.ask("smth similar?", user="cli:smth")
    assert answer["reply"].startswith("Here are 3 picks: like Heat"), answer["reply"]


@pytest.mark.parametrize("said", ["a movie ppl love", "sth most people like"])
def test_chat_shortenings_are_no_words_to_search(said):
    """ "a movie ppl love" got Beautiful People, as if "ppl" were a title word: a film people love is
    a crowd-pleaser."""
    understood = understand(spelt_out(said), FakeLookup())
    assert understood.popular, understood
    assert not {"ppl", "sth"} & set(re.findall(r"\w+", understood.query)), understood.query


@pytest.mark.parametrize("said", ["nah she's seen the first one", "my gf has already watched the first one"])
def test_a_film_someone_else_has_seen_is_not_the_users_watched(starter, profiles, said):
    """ "nah she's seen la la land" was answered "Got it: La La Land (2016) marked as watched" and put
    on the user's own history: she has seen it, so it is not suggested again, and nothing is noted."""
    bot = make_bot(starter, profiles)
    first = bot.ask("a comedy", user="cli:her")["recommendations"][0]["id"]
    answer = bot.ask(said, user="cli:her")
    assert answer["reply"] == f"Got it: I won't suggest {starter.movies[first].label} again.", answer["reply"]
    assert not profiles.has_watched("cli:her", first)


def test_a_film_we_have_seen_is_the_users_watched_too(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("a comedy", user="cli:we")["recommendations"][0]["id"]
    bot.ask("we've seen the first one", user="cli:we")
    assert profiles.has_watched("cli:we", first)


@pytest.mark.parametrize("said", ["what's a good movie to watch high lol", "smth to watch while stoned"])
def test_a_film_to_watch_high_is_a_trippy_one_not_a_title_word(said):
    """ "what's a good movie to watch high lol" got Crank: High Voltage, "high" searched as a title word,
    and nothing said it was a guess: a film to watch high is a trippy one (the tone is said not promised)."""
    understood = understand(spelt_out(said), FakeLookup())
    assert "surreal" in understood.moods, understood


@pytest.mark.parametrize("said", ["bored af, suggest smth", "yo suggest smth tonight pls"])
def test_a_plain_wish_for_a_film_in_chat_words_is_not_said_to_be_unread(starter, profiles, said):
    """ "bored af, suggest smth" was answered "I didn't find a genre, person, film, era or theme I know
    in your message", as "I'm bored" and "suggest something" are not: it asks for any film."""
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:af")
    assert answer["recommendations"] and NOTHING_READ not in answer["reply"], answer["reply"]


@pytest.mark.parametrize(
    ("said", "answer_has"), [("is the 2nd one subbed or dubbed lol", " is in "), ("is the 2nd one long tho", " runs ")]
)
def test_a_question_about_a_pick_ending_in_chat_filler_is_still_a_question(starter, profiles, said, answer_has):
    """ "is the 2nd one subbed or dubbed lol" after anime picks was read as a new request and answered
    with a guess from its words, the anime request dropped."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy", user="cli:lol")["recommendations"]
    answer = bot.ask(said, user="cli:lol")
    assert answer["intent"] == "facts" and answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(starter.movies[shown[1]["id"]].label + answer_has), answer["reply"]


@pytest.mark.parametrize("said", ["these r kinda old", "they're all a bit old tbh"])
def test_picks_said_to_be_old_give_newer_films(starter, profiles, said):
    """ "these r kinda old" after romance picks gave older ones ("romance films, up to 1979"): said of
    the picks, an era is a complaint, as "too old" is."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a romance", user="cli:old")["recommendations"]
    answer = bot.ask(said, user="cli:old")
    oldest = min(starter.movies[r["id"]].year for r in shown)
    years = [starter.movies[r["id"]].year for r in answer["recommendations"]]
    assert years and min(years) > oldest, (years, answer["reply"])


@pytest.mark.parametrize("said", ["these r kinda old", "they're all a bit old tbh", "those are pretty old lol"])
def test_old_said_of_the_picks_asks_for_nothing_old(said):
    """ "these r kinda old" was read as a wish for old films (up to 1979), "r" left as a word to search."""
    understood = understand(spelt_out(said), FakeLookup())
    assert understood.year_max is None, understood
    assert "r" not in understood.query.split(), understood.query
