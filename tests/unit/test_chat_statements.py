"""Statements in chat that are no request for picks, or that say more than their words: a film
the user means to give a chance, thanks for a film, praise of a person, a wish for "a super
suggestion"."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "label"),
    [
        ("Looks like I will give The Prestige (2006) a chance tonight", "The Prestige (2006)"),
        ("gonna give heat a try", "Heat (1995)"),
        ("i might give the dark knight a shot this weekend", "The Dark Knight (2008)"),
    ],
)
def test_a_film_named_and_given_a_chance_is_a_plan_to_watch_it(starter, profiles, said, label):
    """ "Looks like I will give Mama (2013) a chance tonight", after picks holding Mama, got three
    films like Mama: giving a film a chance is a plan to watch it, as "give the 2nd a shot" was."""
    bot = make_bot(starter, profiles)
    bot.ask("films by christopher nolan", user="cli:chance")
    answer = bot.ask(said, user="cli:chance")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(f"Enjoy {label}!"), answer["reply"]
    assert not answer["recorded"], answer["recorded"]


def test_thanks_for_a_film_alone_is_answered_not_given_picks(starter, profiles):
    """ "thanks for recommending Heat" as a first message got three films like Heat, as if asked for."""
    answer = make_bot(starter, profiles).ask("thanks for recommending Heat", user="cli:thanks")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith("Happy to help! If you've seen Heat (1995), tell me how you liked it"), answer
    assert not answer["recorded"], answer["recorded"]


def test_a_super_suggestion_asks_for_no_film_titled_super(starter):
    """ "If you have a super suggestion sure!" got Super 8, Super and The Super: "super" is praise."""
    understood = understand("If you have a super suggestion sure!", starter)
    assert "super" not in understood.query.lower(), understood.query


@pytest.mark.parametrize("said", ["Christopher Nolan is great", "christopher nolan is my favorite director!"])
def test_a_person_praised_alone_is_a_taste_for_their_films(starter, profiles, said):
    """ "Tony Jaa is great" got Iron Man (Tony Stark) first and the intro "I don't know your taste yet":
    the person praised was only leaned to, as if remarked on in a film being talked about."""
    answer = make_bot(starter, profiles).ask(said, user="cli:praise")
    picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert picks and all("Christopher Nolan" in m.directors for m in picks), answer["reply"]
    assert "Christopher Nolan" in answer["reply"].splitlines()[0], answer["reply"]


@pytest.mark.parametrize(
    "said",
    ["already seen all of those", "nah seen all 3", "seen em all lol", "I've seen all of them"],
)
def test_every_pick_seen_is_noted_and_others_are_shown(starter, profiles, said):
    """ "already seen all of those" after picks marked them watched and gave no others: a user who has
    seen every pick wants fresh ones ("nah seen all 3", "seen em all lol" were read as new requests)."""
    bot = make_bot(starter, profiles)
    shown = [r["id"] for r in bot.ask("a comedy", user="cli:all")["recommendations"]]
    answer = bot.ask(said, user="cli:all")
    assert all(profiles.has_watched("cli:all", m) for m in shown), answer["reply"]
    fresh = [r["id"] for r in answer["recommendations"]]
    assert len(fresh) == 3 and not set(fresh) & set(shown), answer["reply"]
    assert answer["reply"].startswith("Noted: you've seen "), answer["reply"]
    assert "couldn't tell who" not in answer["reply"]  # "all of them" are the films, not people
    comedies = [starter.movies[m] for m in fresh]
    assert all("comedy" in m.genres for m in comedies), answer["reply"]


def test_anything_shorter_keeps_the_rest_and_never_gives_longer_films(starter, profiles):
    """ "anything shorter?" after Nolan's films, asked again, answered "Nothing matched directed by
    Christopher Nolan, up to 112 min, so I loosened the runtime" with The Dark Knight Rises (165 min),
    then dropped Nolan too: shorter is what was asked, so none left is said, not loosened."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("films by christopher nolan", user="cli:short")
    for _ in range(6):
        shortest = min(starter.movies[r["id"]].runtime for r in answer["recommendations"])
        answer = bot.ask("anything shorter?", user="cli:short")
        picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
        if not picks:
            break
        assert all("Christopher Nolan" in m.directors and m.runtime < shortest for m in picks), answer["reply"]
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(
        "I have nothing shorter: no film that fits the rest of what you asked (directed by Christopher Nolan), "
    ), answer["reply"]


@pytest.mark.parametrize(
    ("said", "intro"),
    [
        ("a crowd pleaser", "Here are 3 picks: leaning to popular, well-liked films."),
        ("we're 4 friends, something everyone will like", "Here are 3 picks: leaning to popular, well-liked films."),
        ("a crowd pleasing comedy", "Here are 3 picks: comedy films, leaning to popular, well-liked ones."),
    ],
)
def test_a_crowd_pleaser_says_the_picks_lean_to_popular_films(starter, profiles, said, intro):
    """ "a crowd pleaser" was answered "I don't know your taste yet, so here are 3 picks:", nothing
    saying the wish for a popular, well-liked film was understood."""
    answer = make_bot(starter, profiles).ask(said, user="cli:crowd")
    assert answer["recommendations"] and answer["intro"] == intro, answer["reply"]


def test_too_old_of_recent_picks_asks_for_newer_ones_than_those(starter, profiles):
    """ "nah too old" after heist picks from 2010-2013 got "from 1996 on" (films from 2000 and 2007),
    older than the picks it complained of: too old is newer than those shown, and "nah" no word to search."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy from after 2005", user="cli:old")["recommendations"]
    newest = max(starter.movies[r["id"]].year for r in shown)
    answer = bot.ask("nah too old", user="cli:old")
    years = [starter.movies[r["id"]].year for r in answer["recommendations"]]
    assert years and min(years) > newest, (years, answer["reply"])
    assert answer["understood"]["year_min"] == newest + 1, answer["understood"]


@pytest.mark.parametrize("said", ["meh", "nah", "nope not feeling it"])
def test_a_bare_shrug_after_picks_gives_others(starter, profiles, said):
    """ "meh" after picks was answered "Sorry, I didn't catch that.": a shrug turns the picks down."""
    bot = make_bot(starter, profiles)
    shown = [r["id"] for r in bot.ask("a comedy", user="cli:meh")["recommendations"]]
    answer = bot.ask(said, user="cli:meh")
    fresh = [r["id"] for r in answer["recommendations"]]
    assert len(fresh) == 3 and not set(fresh) & set(shown), answer["reply"]
    assert not answer["recorded"], answer["recorded"]


@pytest.mark.parametrize("said", ["whats good to watch tonight", "what should i watch rn im bored af"])
def test_a_plain_wish_in_chat_spelling_is_not_called_unread(starter, profiles, said):
    """ "whats good to watch tonight" was answered "I didn't find a genre, person, film, era or theme I know
    in your message": it asks for any good film, as "what's good to watch tonight" does."""
    answer = make_bot(starter, profiles).ask(said, user="cli:plain")
    assert answer["recommendations"], answer["reply"]
    assert "I didn't find" not in answer["reply"], answer["reply"]


@pytest.mark.parametrize(
    "said", ["what else has the director of the 2nd done", "more by the director of the second one"]
)
def test_the_director_of_a_pick_is_that_picks_director(starter, profiles, said):
    """ "what else has the director of the 2nd done" after picks was read as "more" of the same request."""
    bot = make_bot(starter, profiles)
    second = starter.movies[bot.ask("a comedy", user="cli:dir")["recommendations"][1]["id"]]
    answer = bot.ask(said, user="cli:dir")
    assert second.directors[0] in answer["reply"].splitlines()[0], answer["reply"]
    assert second.id not in [r["id"] for r in answer["recommendations"]], answer["reply"]
    assert f"{second.label} fits" not in answer["reply"], answer["reply"]  # asked past, so no film that fits


@pytest.mark.parametrize("said", ["the 1st one is a bit long tbh", "it's a bit long"])
def test_a_pick_said_to_be_long_asks_for_shorter_films(starter, profiles, said):
    """ "the 1st one is a bit long tbh" after feel-good picks of 94-96 minutes got "at least 150 min":
    said of a pick, "long" is a complaint, as "these are a bit long" is."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy", user="cli:long")["recommendations"]
    shortest = min(starter.movies[r["id"]].runtime for r in shown)
    answer = bot.ask(said, user="cli:long")
    runtimes = [starter.movies[r["id"]].runtime for r in answer["recommendations"]]
    assert runtimes and max(runtimes) < shortest, (runtimes, answer["reply"])


def test_the_scariest_movie_is_a_horror_film(starter):
    """ "scariest movie u know?" was answered "I didn't find a genre, person, film, era or theme I know"."""
    assert understand("scariest movie u know?", starter).genres == ["horror"]


@pytest.mark.parametrize(
    ("film", "answer_is"),
    [
        ("apollo 13", "Yes: Apollo 13 (1995) is tagged “true story”."),
        ("alien", "My catalog doesn't tag Alien (1979) as based on a true story."),
    ],
)
def test_is_it_based_on_a_true_story_is_answered_about_that_film(starter, profiles, film, answer_is):
    """ "is the 2nd one based on a true story" after picks got three new films "tagged "based on true
    story"", as if asked for: it is a question about the pick."""
    bot = make_bot(starter, profiles)
    bot.ask(f"tell me about {film}", user="cli:true")
    answer = bot.ask("is it based on a true story?", user="cli:true")
    assert answer["recommendations"] == [] and answer["reply"] == answer_is, answer["reply"]


@pytest.mark.parametrize(("said", "place"), [("the third one it is", 2), ("ok #2 it is", 1)])
def test_a_pick_settled_on_with_it_is_is_a_plan_to_watch_it(starter, profiles, said, place):
    """ "the third one it is" after picks was read as a new request and answered with three other films."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a comedy", user="cli:itis")["recommendations"]
    answer = bot.ask(said, user="cli:itis")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(f"Enjoy {starter.movies[shown[place]['id']].label}!"), answer["reply"]


@pytest.mark.parametrize(
    ("said", "film", "stars"),
    [
        ("thanks! heat was great", "heat-1995", 4.0),
        ("thx for the recs yesterday, the prestige was sick", "the-prestige-2006", 5.0),
        ("heat is fire", "heat-1995", 5.0),
    ],
)
def test_a_verdict_after_thanks_or_in_slang_is_noted(starter, profiles, said, film, stars):
    """ "thx for the recs yesterday, the prestige was sick" was answered "Happy to help! Ask me for a movie
    whenever you like": the thanks hid the verdict, and "sick" was no praise."""
    answer = make_bot(starter, profiles).ask(said, user="cli:slang")
    assert profiles.rating("cli:slang", film) == stars, answer["reply"]
    assert answer["recommendations"] == [], answer["reply"]


@pytest.mark.parametrize("said", ["i was sick last week, something light", "thanks!", "thanks, bye"])
def test_sickness_and_bare_thanks_note_nothing(starter, profiles, said):
    answer = make_bot(starter, profiles).ask(said, user="cli:sick")
    assert not answer["recorded"], answer["recorded"]
