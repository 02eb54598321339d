"""A message that points at a film just shown ("the second one?", "what was the first one again?",
"the third one sounds good, tell me more") is a question about that film: its facts in brief, not a
new list; with no list before it, the bot says it doesn't know which film is meant."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("the second one?", 1),
        ("what was the first one again?", 0),
        ("the third one sounds good, tell me more", 2),
        ("#2", 1),
        ("tell me more about the last one", -1),
    ],
)
def test_pointing_at_a_pick_describes_that_film_and_lists_nothing(starter, profiles, said, place):
    bot = make_bot(starter, profiles)
    shown = bot.ask("a crime thriller from the 90s", user="cli:pia")["recommendations"]
    answer = bot.ask(said, user="cli:pia")
    movie = starter.movies[shown[place]["id"]]
    assert answer["recommendations"] == [], said
    assert answer["reply"].startswith(f"{movie.label}: "), said
    for fact in (f"{movie.runtime} min", f"directed by {movie.directors[0]}", movie.cast[0], movie.genres[0]):
        assert fact in answer["reply"], (said, fact)
    assert movie.overview[:60] in answer["reply"]  # the premise, in brief


def test_pointing_at_two_picks_describes_both(starter, profiles):
    bot = make_bot(starter, profiles)
    shown = bot.ask("a crime thriller from the 90s", user="cli:pat")["recommendations"]
    answer = bot.ask("the first two?", user="cli:pat")
    assert answer["recommendations"] == []
    first, second = (starter.movies[r["id"]] for r in shown[:2])
    assert answer["reply"].startswith(f"{first.label}: ") and f"\n{second.label}: " in answer["reply"]


@pytest.mark.parametrize("before", [None, "what's Heat about?"])
def test_pointing_with_nothing_shown_says_it_does_not_know_which(starter, profiles, before):
    bot = make_bot(starter, profiles)
    if before:  # a film asked about is "it", but no "second one"
        bot.ask(before, user="cli:quin")
    answer = bot.ask("the second one?", user="cli:quin")
    assert answer["recommendations"] == []
    assert answer["reply"].startswith("Which movie do you mean?"), answer["reply"]


@pytest.mark.parametrize("said", ["the first horror film", "more like the second one", "the second one was great"])
def test_more_than_a_place_is_not_a_question_about_it(starter, profiles, said):
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:rae")
    answer = bot.ask(said, user="cli:rae")
    assert answer["intent"] != "facts", said


@pytest.mark.parametrize(
    ("said", "place"),
    [
        # "no, the second one" gave a new list of thrillers
        ("no, the second one", 1),
        ("nope, #2", 1),
        ("actually, the third one", 2),
        ("sorry, I mean the first one", 0),
        ("tell me more about number 2", 1),
    ],
)
def test_a_correction_pointing_at_a_pick_describes_it(starter, profiles, said, place):
    bot = make_bot(starter, profiles)
    shown = bot.ask("a crime thriller from the 90s", user="cli:uma")["recommendations"]
    answer = bot.ask(said, user="cli:uma")
    assert answer["recommendations"] == [], said
    assert answer["reply"].startswith(f"{starter.movies[shown[place]['id']].label}: "), said


@pytest.mark.parametrize("said", ["tell me more about the first world war", "tell me more about the second half"])
def test_tell_me_more_about_a_topic_is_not_a_pick(starter, profiles, said):
    """ "tell me more about the first world war" gave the fact sheet of the first pick."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a crime thriller from the 90s", user="cli:val")["recommendations"]
    answer = bot.ask(said, user="cli:val")
    for pick in shown:  # no fact sheet of a pick
        assert not answer["reply"].startswith(f"{starter.movies[pick['id']].label}: "), (said, answer["reply"])


@pytest.mark.parametrize(
    ("rated", "said", "film"),
    [("heat 4 and alien 5", "more like the first one", "heat-1995"),
     ("heat 4 and alien 5", "more like the second one", "alien-1979"),
     ("loved heat and alien", "more like the last one", "alien-1979")],
)  # fmt: skip
def test_the_first_one_after_films_just_named_is_the_first_of_those(starter, profiles, rated, said, film):
    """ "heat 4 and alien 5" after picks, then "more like the first one", went by the first pick of the
    list above, though the user had just named Heat first: it goes by Heat, and says so."""
    bot = make_bot(starter, profiles)
    picks = [r["id"] for r in bot.ask("a crime thriller from the 90s", user="cli:named")["recommendations"]]
    bot.ask(rated, user="cli:named")
    answer = bot.ask(said, user="cli:named")
    place = said.split()[-2]
    label = starter.movies[film].label
    assert answer["intro"].startswith(f"By “the {place} one” I took {label}, the {place} film you just named.")
    assert answer["understood"]["like_titles"] == [label] and film not in picks


def test_the_first_one_after_new_picks_is_still_the_first_pick(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:picks")
    bot.ask("heat 4 and alien 5", user="cli:picks")
    shown = bot.ask("any comedies?", user="cli:picks")["recommendations"]
    answer = bot.ask("more like the first one", user="cli:picks")
    assert answer["understood"]["like_titles"] == [starter.movies[shown[0]["id"]].label]
    assert "you just named" not in answer["intro"]


@pytest.mark.parametrize(
    ("said", "intent"),
    [("tell me about the first one", "facts"), ("who directed the first one?", "facts"),
     ("the first one?", "facts"), ("why the first one?", "why")],
)  # fmt: skip
def test_asking_about_the_first_one_after_films_just_named_goes_by_the_first_of_those(starter, profiles, said, intent):
    """ "heat 4 and alien 5" then "tell me about the first one" described the first pick above, while
    "more like the first one" went by Heat: each goes by Heat, and says so."""
    bot = make_bot(starter, profiles)
    picks = [r["id"] for r in bot.ask("a crime thriller from the 90s", user="cli:asked")["recommendations"]]
    bot.ask("heat 4 and alien 5", user="cli:asked")
    answer = bot.ask(said, user="cli:asked")
    heat = starter.movies["heat-1995"]
    assert answer["intent"] == intent and "heat-1995" not in picks
    assert answer["reply"].startswith(f"By “the first one” I took {heat.label}, the first film you just named. ")
    if intent == "facts":
        assert heat.label in answer["reply"].split("named. ", 1)[1]
        assert not any(starter.movies[p].label in answer["reply"] for p in picks)
    else:  # Heat was never suggested here, and the answer says so rather than giving a pick's reasons
        assert answer["reply"].endswith(f"I haven't suggested {heat.label} in this conversation.")
