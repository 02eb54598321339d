"""A request that names nothing ("something for me") said a bare "Here are 3 picks:"; the first
line now says what the picks go by: the films the person liked, or that their taste is unknown yet."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def test_something_for_me_says_what_the_picks_go_by(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("something for me", user="cli:new")
    assert first["intro"].startswith("I don't know your taste yet, so here are 3 picks:"), first["intro"]
    bot.ask("I loved Heat and Alien", user="cli:fan")
    later = bot.ask("something for me", user="cli:fan")
    assert later["intro"].startswith("Since you loved "), later["intro"]  # as their reasons say it
    assert "Heat" in later["intro"] and "Alien" in later["intro"] and later["recommendations"]
    assert not {"heat-1995", "alien-1979"} & {r["id"] for r in later["recommendations"]}


def test_a_request_that_names_something_is_said_as_before(starter, profiles):
    said = make_bot(starter, profiles).ask("a comedy", user="cli:c")
    assert said["intro"].startswith("Here are 3 picks: comedy films")


def test_a_wish_for_hated_films_is_said_unmet_and_the_header_says_what_the_picks_went_by(starter, profiles):
    """ "something everyone hated, please" after only a dislike answered a bare "Here are 3 picks:",
    as if the picks were what everyone hated."""
    bot = make_bot(starter, profiles)
    bot.ask("I hated Titanic", user="cli:h")
    said = bot.ask("something everyone hated, please", user="cli:h")
    assert said["recommendations"], said["reply"]
    assert said["intro"].startswith("I can't pick films for being disliked, so I didn't go by \"everyone hated\".")
    assert said["intro"].endswith("Steering away from films like Titanic, here are 3 picks:"), said["intro"]


def test_what_says_a_film_was_disliked_by_all_and_what_does_not():
    from agent.understanding.crowd_asks import disliked_wish

    for message, said in [("something everyone hated, please", "everyone hated"),
                          ("a horror movie critics panned", "critics panned"),
                          ("the worst rated movies", "worst rated"),
                          ("a so bad it's good movie", "so bad it's good"),
                          ("universally panned comedies", "universally panned"),
                          ("I hated Titanic, something else", ""),
                          ("everyone hated titanic but i loved it", ""),
                          ("my wife hated it, anything else?", ""),
                          ("a comedy everyone loves", "")]:  # fmt: skip
        assert disliked_wish(message) == said, message


def test_the_words_of_a_wish_for_bad_films_are_not_searched_for(starter):
    """ "something so bad it's good" said it did not go by that, yet its words pulled in Bad Girls and
    Bad Teacher by title: what is not gone by is not searched for either."""
    from agent.understanding.reader import understand

    for message in ["something so bad it's good", "a comedy everyone hated", "the worst rated movies"]:
        u = understand(message, starter)
        assert not {"bad", "good", "hated", "worst", "rated"} & set(u.query.lower().split()), (message, u.query)
