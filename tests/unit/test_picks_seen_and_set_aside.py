""" "I've seen the first two, the third looks boring" marked only the first pick watched and stored the third
as a watched dislike: "the first two" in a clause of its own went by its first place alone, and "looks
boring" (a guess about a film not seen) was read as "was boring"."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def _picks(bot, user: str) -> list[dict]:
    picks = bot.ask("something like Toy Story", user=user)["recommendations"]
    assert len(picks) == 3
    return picks


def test_the_first_two_seen_and_the_third_looking_boring_are_each_their_own(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = _picks(bot, "cli:series")
    first, second, third = (starter.movies[p["id"]].label for p in picks)
    reply = bot.ask("I've seen the first two, the third looks boring", user="cli:series")["reply"]
    watched = {row["movie_id"] for row in profiles.watched("cli:series")}
    assert watched == {picks[0]["id"], picks[1]["id"]}, watched
    assert profiles.ratings("cli:series") == {}  # seen is no like, and a film that looks boring was never seen
    assert profiles.dismissed("cli:series") == {picks[2]["id"]}
    assert reply == f"Noted: you've seen {first} and {second}. I won't suggest them again, nor {third}.", reply


def test_a_pick_skipped_beside_one_seen_is_set_aside_not_seen(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = _picks(bot, "cli:skip")
    bot.ask("seen the first one, skip the second", user="cli:skip")
    assert {row["movie_id"] for row in profiles.watched("cli:skip")} == {picks[0]["id"]}
    assert profiles.dismissed("cli:skip") == {picks[1]["id"]}


def test_a_pick_loved_beside_one_that_sounds_dumb_is_loved_not_set_aside(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = _picks(bot, "cli:loved")
    bot.ask("I loved the first one, the second sounds dumb", user="cli:loved")
    assert profiles.ratings("cli:loved") == {picks[0]["id"]: 5.0}
    assert profiles.dismissed("cli:loved") == {picks[1]["id"]}


def test_a_pick_said_boring_beside_ones_seen_is_a_watched_dislike(starter, profiles):
    """ "was boring" tells of a viewing, unlike "looks boring"."""
    bot = make_bot(starter, profiles)
    picks = _picks(bot, "cli:was")
    bot.ask("I've seen the first two, the third was boring", user="cli:was")
    assert {row["movie_id"] for row in profiles.watched("cli:was")} == {p["id"] for p in picks}
    assert profiles.ratings("cli:was") == {picks[2]["id"]: 2.0}
    assert profiles.dismissed("cli:was") == set()


def test_a_pick_that_looks_boring_said_alone_is_set_aside(starter, profiles):
    bot = make_bot(starter, profiles)
    picks = _picks(bot, "cli:alone")
    reply = bot.ask("the third looks boring", user="cli:alone")["reply"]
    assert reply == f"Got it: I won't suggest {starter.movies[picks[2]['id']].label} again."
    assert profiles.watched("cli:alone") == [] and profiles.ratings("cli:alone") == {}
