"""A verdict on a pick said with a request that changes the picks is stored first, as one said with
"others?" is (agent.understanding.pointed_verdicts): "the first one was great, anything newer?" gave
newer rom-coms and then "You haven't rated any films yet."."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def ids(answer: dict) -> list[str]:
    return [r["id"] for r in answer["recommendations"]]


def test_the_first_one_was_great_anything_newer_stores_the_verdict_and_says_so_once(starter, profiles):
    bot = make_bot(starter, profiles)
    first = ids(bot.ask("a romantic comedy from the 90s", user="cli:rc"))[0]
    label = starter.movies[first].label
    newer = bot.ask("the first one was great, anything newer?", user="cli:rc")
    assert newer["reply"].startswith(f"Noted: you liked {label}. Here are 3 picks:")
    assert newer["reply"].count("Noted") == 1 and all(
        r["year"] > starter.movies[first].year for r in newer["recommendations"]
    )
    assert profiles.ratings("cli:rc") == {first: 4.0}
    assert bot.ask("what did I rate?", user="cli:rc")["reply"].startswith(f"You've rated 1 film: {label}")


def test_a_dislike_by_place_with_a_new_request_is_stored_and_left_out(starter, profiles):
    bot = make_bot(starter, profiles)
    second = ids(bot.ask("a crime thriller from the 90s", user="cli:ct"))[1]
    older = bot.ask("the second one was awful, something older?", user="cli:ct")
    assert older["reply"].startswith(f"Noted: {starter.movies[second].label} wasn't for you.")
    assert set(profiles.ratings("cli:ct")) == {second} and second not in ids(older)


def test_praise_that_judges_no_pick_stores_nothing(starter, profiles):
    """ "great, anything newer?" and "the first one looks great, but anything newer?" judge no film
    seen, and "like the first one but funnier" is a request."""
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller from the 90s", user="cli:no")
    for said in ("great, anything newer?", "the first one looks great, but anything newer?",
                 "something like the first one but funnier", "a great thriller from the 80s"):  # fmt: skip
        assert not bot.ask(said, user="cli:no")["reply"].startswith("Noted")
    assert profiles.ratings("cli:no") == {}
