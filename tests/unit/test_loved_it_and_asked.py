""" "loved it, anything else like it but shorter?" answered the request and dropped the love: a verdict on
"it" said with a request that changes the picks was kept only when it pointed at a pick by its place."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def test_loved_it_with_a_request_for_shorter_notes_the_love_and_answers(starter, profiles):
    bot = make_bot(starter, profiles)
    [pick] = bot.ask("give me one crime thriller", user="cli:loved")["recommendations"]
    film = starter.movies[pick["id"]]
    answer = bot.ask("loved it, anything else like it but shorter?", user="cli:loved")
    assert profiles.ratings("cli:loved") == {film.id: 5.0}
    assert answer["reply"].startswith(f"Noted: you loved {film.label}."), answer["reply"]
    shorter = [starter.movies[p["id"]] for p in answer["recommendations"]]
    assert shorter and all(m.runtime < film.runtime for m in shorter), [(m.title, m.runtime) for m in shorter]


def test_seen_it_with_a_request_for_older_marks_it_seen_with_no_verdict(starter, profiles):
    bot = make_bot(starter, profiles)
    [pick] = bot.ask("give me one crime thriller", user="cli:seen")["recommendations"]
    answer = bot.ask("seen it, something like it but older?", user="cli:seen")
    assert [row["movie_id"] for row in profiles.watched("cli:seen")] == [pick["id"]]
    assert profiles.ratings("cli:seen") == {} and answer["recommendations"]


def test_a_taste_beside_like_it_judges_no_film(starter, profiles):
    """ "it" there is only the film to go by: the hate is of long films."""
    bot = make_bot(starter, profiles)
    bot.ask("give me one crime thriller", user="cli:taste")
    bot.ask("I hate long films, anything like it but newer?", user="cli:taste")
    assert profiles.ratings("cli:taste") == {} and profiles.watched("cli:taste") == []


def test_loved_it_said_of_one_of_three_picks_notes_nothing_and_says_so(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a crime thriller", user="cli:three")
    reply = bot.ask("loved it, anything like it but shorter?", user="cli:three")["reply"]
    assert profiles.ratings("cli:three") == {}
    assert reply.startswith("I couldn't tell which film you meant, so I noted nothing"), reply
