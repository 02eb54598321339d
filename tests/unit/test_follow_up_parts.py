"""Follow-ups that take a part out of the last request, or point back at who was named."""

from __future__ import annotations

import pytest

from agent.recommender import Recommender, thread_id


@pytest.fixture
def bot(starter_bot) -> Recommender:
    return starter_bot


def test_dropping_a_part_takes_out_only_that_part(bot):
    """ "ok drop the tom hanks part" answered "Here are 3 picks: with Tom Hanks." (Forrest Gump...),
    the years, the runtime and the genre gone; "remove the horror part" gave horror films."""
    bot.ask("a drama from the 90s under 150 minutes with tom hanks", user="cli:ana")
    dropped = bot.ask("ok drop the tom hanks part", user="cli:ana")
    understood = dropped["understood"]
    assert understood["people"] == [] and understood["genres"] == ["drama"]
    assert (understood["year_min"], understood["year_max"], understood["max_runtime"]) == (1990, 1999, 149)
    assert dropped["reply"].startswith('I dropped "tom hanks" and kept the rest of what you asked.')
    no_drama = bot.ask("remove the drama bit", user="cli:ana")
    assert no_drama["understood"]["genres"] == [] and no_drama["understood"]["year_min"] == 1990
    no_length = bot.ask("forget the length part", user="cli:ana")
    assert no_length["understood"]["max_runtime"] is None and no_length["understood"]["year_max"] == 1999
    kept = bot.ask("lose the cowboy part", user="cli:ana")
    assert kept["reply"].startswith('I found no "cowboy" in what you asked, so I kept all of it.')
    assert kept["understood"]["year_min"] == 1990


def test_dropping_is_only_said_of_a_part(bot):
    bot.ask("a drama from the 90s with tom hanks", user="cli:ben")
    started_over = bot.ask("forget that, I want a horror", user="cli:ben")
    assert started_over["understood"]["genres"] == ["horror"] and started_over["understood"]["people"] == []
    assert "dropped" not in started_over["reply"]
    assert "dropped" not in bot.ask("forget the whole thing", user="cli:ben")["reply"]


def test_a_number_said_later_replaces_the_words_a_rating_was_read_from(bot):
    config = {"configurable": {"thread_id": thread_id("cli:cy", None)}}
    bot.ask("the best comedies", user="cli:cy")
    bot.ask("something shorter", user="cli:cy")
    shorter = bot.graph.get_state(config).values["request"]
    assert (shorter["min_rating"], shorter.get("rating_words")) == (8.0, "the best")
    bot.ask("rated 7 or more", user="cli:cy")
    said = bot.graph.get_state(config).values["request"]
    assert (said["min_rating"], said.get("rating_words")) == (7.0, "")


def test_him_her_and_them_are_the_people_last_named_or_answered_about(bot, starter):
    """ "anything else by him?" after "who directed inception?" gave anything at all, Inception among
    them; "what about her other films" after Meryl Streep films asked for films like Her (2013)."""
    bot.ask("who directed inception?", user="cli:dee")
    nolan = bot.ask("anything else by him?", user="cli:dee")
    assert nolan["understood"]["people"] == ["Christopher Nolan"] and nolan["recommendations"]
    assert all("Christopher Nolan" in starter.movies[r["id"]].directors for r in nolan["recommendations"])
    assert "inception-2010" not in [r["id"] for r in nolan["recommendations"]]

    bot.ask("movies with meryl streep", user="cli:eve")
    hers = bot.ask("what about her other films", user="cli:eve")
    assert hers["understood"]["people"] == ["Meryl Streep"] and hers["understood"]["like_titles"] == []
    assert "like Her" not in bot.ask("only comedies", user="cli:eve")["reply"]

    bot.ask("tell me about fargo", user="cli:fay")
    coens = bot.ask("anything else by them?", user="cli:fay")
    assert sorted(coens["understood"]["people"]) == ["Ethan Coen", "Joel Coen"]
    assert "fargo-1996" not in [r["id"] for r in coens["recommendations"]]

    bot.ask("who's in the big lebowski?", user="cli:gus")
    assert bot.ask("more with him", user="cli:gus")["understood"]["people"] == ["Jeff Bridges"]


def test_that_director_is_the_one_just_answered_about(bot, starter):
    """ "what else has that director done" and "anything else by the same director?" after a question
    about a film gave picks from the earlier request, the director never read."""
    bot.ask("who directed inception?", user="cli:jo")
    nolan = bot.ask("what else has that director done", user="cli:jo")
    assert nolan["understood"]["people"] == ["Christopher Nolan"]
    assert nolan["recommendations"] and "inception-2010" not in [r["id"] for r in nolan["recommendations"]]
    bot.ask("tell me about fargo", user="cli:kim")
    assert sorted(bot.ask("anything else by the same director?", user="cli:kim")["understood"]["people"]) == [
        "Ethan Coen",
        "Joel Coen",
    ]
    alone = bot.ask("more by that director", user="cli:lou")  # no film talked about: said, not guessed
    assert alone["reply"].startswith('I couldn\'t tell who "that director" is from our conversation')
    assert "couldn't tell who" not in bot.ask("that star wars film with the ewoks", user="cli:lou")["reply"]


def test_a_pronoun_with_no_one_named_is_said_to_be_unread(bot):
    alone = bot.ask("anything by him?", user="cli:hal")
    assert alone["reply"].startswith('I couldn\'t tell who "him" is from our conversation')
    bot.ask("a sci-fi romance but not her", user="cli:hal")  # the film Her, refused, as before
    assert "not Her" in bot.ask("more", user="cli:hal")["reply"]
    bot.ask("movies with tom hanks", user="cli:ivy")
    company = bot.ask("a comedy i can watch with her", user="cli:ivy")  # who she watches with, not a credit
    assert "couldn't tell" not in company["reply"] and company["understood"]["genres"] == ["comedy"]


@pytest.mark.parametrize(
    "said", ["can you remove horror from the picks", "take out the horror ones", "get rid of the horror",
             "remove the horror", "drop horror", "no horror please", "without horror"]
)  # fmt: skip
def test_removing_a_genre_leaves_it_out_and_keeps_the_rest(bot, starter, said):
    """ "a thriller", then "can you remove horror from the picks" answered "Here are 3 picks: horror
    films." (Unfriended, I Am Legend, Alien): the opposite of what was asked."""
    bot.ask("a thriller", user="cli:hal")
    removed = bot.ask(said, user="cli:hal")
    understood = removed["understood"]
    assert understood["genres"] == ["thriller"] and understood["exclude_genres"] == ["horror"]
    assert "no horror" in removed["reply"].split("\n")[0]
    assert removed["recommendations"]
    for pick in removed["recommendations"]:
        assert "thriller" in starter.movies[pick["id"]].genres and "horror" not in starter.movies[pick["id"]].genres
    if not said.startswith(("no ", "without ")):
        assert removed["reply"].startswith("I left out horror films and kept the rest of what you asked.")


def test_removing_a_person_or_from_a_list_is_not_asking_for_them(bot):
    bot.ask("a thriller", user="cli:ivy")
    no_hanks = bot.ask("drop tom hanks", user="cli:ivy")
    assert no_hanks["understood"]["people"] == [] and no_hanks["understood"]["exclude_people"] == ["Tom Hanks"]
    assert no_hanks["understood"]["genres"] == ["thriller"]
    assert no_hanks["reply"].startswith("I left out films with Tom Hanks and kept the rest of what you asked.")
    listed = bot.ask("remove horror from my watched list", user="cli:ivy")  # a list edited, no genre refused
    assert "I left out" not in listed["reply"]
    assert "horror" not in (listed["understood"] or {}).get("exclude_genres", [])


def test_removing_an_era_or_a_language_refuses_it(bot):
    """ "ditch the 90s ones" after thrillers answered "1990s thriller films"; "cut the japanese ones"
    answered Japanese thrillers."""
    bot.ask("a thriller", user="cli:jo")
    no_90s = bot.ask("ditch the 90s ones", user="cli:jo")["understood"]
    assert (no_90s["year_min"], no_90s["year_max"], no_90s["exclude_years"]) == (None, None, [[1990, 1999]])
    no_japanese = bot.ask("cut the japanese ones", user="cli:jo")["understood"]
    assert no_japanese["languages"] == [] and no_japanese["exclude_languages"] == ["ja"]
    assert no_japanese["genres"] == ["thriller"]


def test_he_or_she_taken_from_a_cast_of_several_says_whom_it_took(bot, starter):
    """ "what else has she done" after a film's cast gave its first-billed man's films without a word:
    the catalog records no gender, so the reply names whom the pronoun was taken to be."""
    bot.ask("who's in the matrix?", user="cli:zo")
    answer = bot.ask("what else has she done", user="cli:zo")
    lead = starter.movies["the-matrix-1999"].cast[0]
    assert answer["reply"].startswith(f'I took "she" to be {lead}, first-billed in The Matrix (1999)')
    bot.ask("who directed inception?", user="cli:zu")
    assert "I took" not in bot.ask("anything else by him?", user="cli:zu")["reply"]  # the one answered about


def test_a_part_named_by_what_it_bounds_is_dropped_without_the_word_part(bot):
    """ "forget the year" after 80s sci-fi answered "I didn't find a genre, person, film, era or theme I
    know in your message" with any film at all: the sci-fi went with the years."""
    bot.ask("a sci-fi movie from the 80s under 150 minutes", user="cli:hal")
    no_year = bot.ask("forget the year", user="cli:hal")
    understood = no_year["understood"]
    assert understood["genres"] == ["sci-fi"] and understood["max_runtime"] == 149
    assert (understood["year_min"], understood["year_max"]) == (None, None)
    assert no_year["reply"].startswith("I dropped the year and kept the rest of what you asked.")
    any_length = bot.ask("any length is fine", user="cli:hal")
    assert any_length["understood"]["max_runtime"] is None and any_length["understood"]["genres"] == ["sci-fi"]
    kept = bot.ask("the decade doesn't matter", user="cli:hal")
    assert kept["reply"].startswith("You had set no decade limit, so I kept all of what you asked.")
    assert kept["understood"]["genres"] == ["sci-fi"]


@pytest.mark.parametrize(
    ("asked", "lean", "dropping"),
    [
        ("any good comedies?", "leaning to well-rated ones", "drop the rating part"),
        ("any good comedies?", "leaning to well-rated ones", "forget the quality bit"),
        ("any good comedies?", "leaning to well-rated ones", "any rating is fine"),
        ("a crowd pleaser comedy", "leaning to popular, well-liked ones", "drop the popular part"),
    ],
)
def test_dropping_a_lean_to_good_or_popular_films_takes_it_out(bot, asked, lean, dropping):
    """ "drop the rating part" after "any good comedies?" answered 'I found no "rating" in what you asked,
    so I kept all of it', and "any rating is fine" "You had set no rating limit", both still "leaning to
    well-rated ones": that lean is the rating part, and dropping it goes, the comedy kept."""
    assert lean in bot.ask(asked, user="cli:lea")["reply"].splitlines()[0]
    dropped = bot.ask(dropping, user="cli:lea")
    intro = dropped["reply"].splitlines()[0]
    assert intro.startswith("I dropped ") and "kept the rest of what you asked" in intro
    assert "leaning to" not in intro and "comedy" in intro
    assert "leaning to" not in bot.ask("more", user="cli:lea")["reply"].splitlines()[0]


def test_dropping_another_part_keeps_the_lean_to_good_films(bot):
    bot.ask("any good comedies?", user="cli:lou")
    no_comedy = bot.ask("drop the comedy part", user="cli:lou")["reply"].splitlines()[0]
    assert no_comedy.startswith('I dropped "comedy"') and "leaning to well-rated films" in no_comedy
