"""What people say in chat about their own taste and viewing: favourites named in a list, a film given
as an example of a kind they hate, the day they watched a film, a person praised in slang, and
someone else's viewing of every pick."""

from __future__ import annotations

import pytest

from store.catalog import Catalog
from tests.conftest import starter_plus
from tests.unit.test_graph import make_bot


def _film(movie_id: str, title: str, year: int, genres: list[str], cast: list[str], overview: str) -> dict:
    return {"id": movie_id, "title": title, "year": year, "genres": genres, "directors": ["Someone Else"],
            "cast": cast, "runtime": 100, "language": "en", "country": "US", "rating": 7.0, "votes": 90000,
            "keywords": [], "moods": [], "overview": overview}  # fmt: skip


# films the starter catalog lacks: Ronin beside Heat, a film titled Goat, and Tony Jaa's films
_MORE_FILMS = [
    _film("ronin-1998", "Ronin", 1998, ["action", "thriller", "crime"], ["Robert De Niro", "Jean Reno"],
          "Mercenaries chase a briefcase through France."),
    _film("goat-2016", "Goat", 2016, ["drama"], ["Ben Schnetzer", "Nick Jonas"], "A fraternity hazing goes wrong."),
    _film("10-1979", "10", 1979, ["comedy", "romance"], ["Dudley Moore", "Bo Derek"], "A composer's midlife crisis."),
    _film("ong-bak-2003", "Ong-Bak", 2003, ["action", "thriller"], ["Tony Jaa", "Petchtai Wongkamlao"],
          "A young fighter goes to Bangkok to bring back the head of his village's Buddha."),
    _film("the-protector-2005", "The Protector", 2005, ["action", "crime"], ["Tony Jaa", "Petchtai Wongkamlao"],
          "A young man raised with elephants goes to Sydney to find the ones stolen from him."),
]  # fmt: skip


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> Catalog:
    """The starter catalog with Ronin, Goat (2016) and two of Tony Jaa's films."""
    catalog = starter_plus(tmp_path_factory.mktemp("films"), _MORE_FILMS)
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    "said",
    [
        "Some of my favorites are Heat and Ronin, any ideas?",
        "My favorites are Heat and Ronin, anything similar?",
        "a few favorites: Heat, Ronin. any ideas?",
    ],
)
def test_favourites_named_with_a_wish_for_more_are_liked_and_never_picked(films, profiles, said):
    """ "Some of my favorites are Heat and Ronin, any ideas?" read nothing ("I didn't find a genre, person,
    film ... I know") and recommended Ronin: favourites are films liked, the picks go by them and leave
    them out."""
    answer = make_bot(films, profiles).ask(said, user="cli:fav")
    shown = [r["id"] for r in answer["recommendations"]]
    assert shown and not {"heat-1995", "ronin-1998"} & set(shown), answer["reply"]
    assert answer["understood"]["like_titles"] == ["Heat (1995)", "Ronin (1998)"], answer["understood"]
    assert set(profiles.liked("cli:fav")) == {"heat-1995", "ronin-1998"}
    assert "didn't find" not in answer["reply"], answer["reply"]


@pytest.mark.parametrize(
    ("said", "liked"),
    [
        ("My favorites are Heat and Ronin", {"heat-1995", "ronin-1998"}),
        ("Heat and Ronin are among my favorites", {"heat-1995", "ronin-1998"}),
        ("my all-time favorite is Heat", {"heat-1995"}),
        ("Heat is one of my all time faves", {"heat-1995"}),
        ("I grew up on Jaws", {"jaws-1975"}),
    ],
)
def test_favourites_said_alone_are_noted_as_liked(films, profiles, said, liked):
    """ "Heat and Ronin are among my favorites", "my all-time favorite is Heat" noted nothing and gave
    picks from the words alone."""
    answer = make_bot(films, profiles).ask(said, user="cli:favs")
    assert set(profiles.liked("cli:favs")) == liked, answer["reply"]
    assert "loved" in answer["reply"], answer["reply"]


@pytest.mark.parametrize(
    ("said", "film", "genre"),
    [
        ("I hate horror, like Saw (2004)", "saw-2004", "horror"),
        ("I can't stand musicals like Grease", "grease-1978", "musical"),
    ],
)
def test_a_film_given_as_an_example_of_a_kind_hated_is_disliked_and_the_kind_refused(
    starter, profiles, said, film, genre
):
    """ "I hate horror, like Saw (2004)" answered "Noted: you've seen Saw (2004)", never said: the "saw"
    of the title was read as the verb, and the film the user hates as a reference. It is disliked, and
    the picks hold no horror."""
    answer = make_bot(starter, profiles).ask(said, user="cli:hate")
    label = starter.movies[film].label
    assert f"{label} wasn't for you" in answer["reply"] and "you've seen" not in answer["reply"], answer["reply"]
    assert profiles.rating("cli:hate", film) <= 2
    picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert picks and all(genre not in m.genres for m in picks), answer["reply"]
    assert answer["understood"]["exclude_genres"] == [genre] and not answer["understood"]["like_titles"]


def test_a_film_given_as_an_example_of_a_refused_genre_is_no_reference_for_the_request(starter):
    """ "I hate horror, like Saw (2004), anything else?" asked for films like Saw with no horror."""
    from agent.understanding.reader import understand

    understood = understand("I hate horror, like Saw (2004), anything else?", starter)
    assert understood.like_titles == [] and understood.exclude_titles == ["saw-2004"], understood


def test_a_film_given_as_an_example_of_a_kind_loved_is_liked(starter, profiles):
    """ "I love westerns, like Unforgiven": Unforgiven liked, and westerns go by it."""
    answer = make_bot(starter, profiles).ask("I love westerns, like Unforgiven", user="cli:west")
    assert profiles.rating("cli:west", "unforgiven-1992") >= 4, answer["reply"]
    picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert picks and "unforgiven-1992" not in [m.id for m in picks], answer["reply"]
    assert sum("western" in m.genres for m in picks) >= 2, answer["reply"]


@pytest.mark.parametrize(
    ("said", "film", "day"),
    [
        ("I watched Alien yesterday", "alien-1979", "2026-11-23"),
        ("saw Heat last night", "heat-1995", "2026-11-23"),
        ("watched Jaws on Sunday", "jaws-1975", "2026-11-22"),
        ("I saw Heat 3 days ago", "heat-1995", "2026-11-21"),
    ],
)
def test_the_day_a_film_was_watched_is_kept(starter, profiles, said, film, day):
    """ "I watched Alien yesterday" (the clock says Tuesday 2026-11-24) was marked watched at the moment
    it was told: the day said is the day kept, and the answer says it."""
    answer = make_bot(starter, profiles).ask(said, user="cli:day")
    assert profiles.watched_row("cli:day", film)["watched_at"].startswith(day), answer["reply"]
    assert f"marked as watched on {day}" in answer["reply"], answer["reply"]


def test_a_viewing_with_no_day_or_a_day_to_come_keeps_now():
    import datetime as dt

    from agent.understanding.days_said import day_watched

    today = dt.date(2026, 11, 24)
    assert day_watched("i watched alien", today) is None
    assert day_watched("i'll watch heat on sunday", today) is None
    assert day_watched("seen heat. yesterday was fun", today) is None
    assert day_watched("i watched friday", today) is None  # Friday (1995), not a weekday
    assert day_watched("watched it last friday", today) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("said", ["tony jaa is the GOAT", "Tony Jaa is goated", "tony jaa is a legend"])
def test_a_person_praised_in_slang_is_a_taste_for_their_films(films, profiles, said):
    """ "tony jaa is the GOAT" was read as the film Goat (2016), and three films "much like Goat" came
    back: slang praise after a person's name is no title."""
    answer = make_bot(films, profiles).ask(said, user="cli:goat")
    picks = [films.movies[r["id"]] for r in answer["recommendations"]]
    assert picks and all("Tony Jaa" in m.cast for m in picks), answer["reply"]
    assert "Goat" not in answer["reply"] and not answer["understood"]["like_titles"], answer["reply"]


@pytest.mark.parametrize(
    "said",
    ["she's seen all of those", "he's seen all of those", "they've seen all of those", "my wife has seen them all"],
)
def test_someone_else_having_seen_every_pick_gives_others_and_marks_none_watched(starter, profiles, said):
    """ "comedies from the 90s", then "she's seen all of those", set the picks aside and gave no others:
    the user wants fresh picks, as after "I've seen all of those", and has not watched these."""
    bot = make_bot(starter, profiles)
    shown = [r["id"] for r in bot.ask("comedies from the 90s", user="cli:she")["recommendations"]]
    answer = bot.ask(said, user="cli:she")
    fresh = [r["id"] for r in answer["recommendations"]]
    assert fresh and not set(fresh) & set(shown), answer["reply"]
    assert not any(profiles.has_watched("cli:she", m) for m in shown), answer["reply"]
    assert set(shown) <= profiles.dismissed("cli:she")
    assert "you've seen" not in answer["reply"] and "watched" not in answer["reply"], answer["reply"]


@pytest.mark.parametrize(
    ("said", "film"),
    [
        ("Heat is one of my all time faves, anything like it?", "heat-1995"),
        ("I grew up on Jaws, any ideas?", "jaws-1975"),
    ],
)
def test_a_favourite_said_with_a_wish_for_more_is_the_reference(films, profiles, said, film):
    """ "Heat is one of my all time faves, anything like it?" noted nothing and searched for the word "Heat"."""
    answer = make_bot(films, profiles).ask(said, user="cli:ref")
    shown = [r["id"] for r in answer["recommendations"]]
    assert shown and film not in shown, answer["reply"]
    assert profiles.liked("cli:ref") == [film], answer["reply"]
    assert answer["understood"]["like_titles"] == [films.movies[film].label], answer["understood"]


def test_a_film_not_the_favourite_is_no_favourite(films, profiles):
    """ "Heat isn't my favorite" stored Heat as loved (5 stars): "favorite" was read, the "isn't" not."""
    answer = make_bot(films, profiles).ask("Heat isn't my favorite", user="cli:notfav")
    assert profiles.liked("cli:notfav") == [] and "loved" not in answer["reply"], answer["reply"]


def test_how_often_a_film_was_watched_names_no_film(films):
    """ "I've watched Alien like 10 times" also took the film 10 (1979), by the "like 10"."""
    from agent.understanding.reader import understand

    assert understand("I've watched Alien like 10 times", films).like_titles == ["alien-1979"]
    assert understand("I saw Heat 3 days ago", films).like_titles == ["heat-1995"]  # not Heat 3


def test_a_genre_grown_up_on_is_a_taste(films):
    """ "I grew up on horror movies" filtered to horror as if asked for; it is a taste, as "I love horror" is."""
    from agent.understanding.reader import understand

    understood = understand("I grew up on horror movies", films)
    assert understood.genres == [] and understood.soft_genres == ["horror"], understood


@pytest.mark.parametrize(
    ("said", "stars"),
    [("I thought Heat was great", 4.0), ("I think Heat is overrated", 2.0), ("honestly Heat was boring", 2.0)],
)
def test_a_verdict_led_by_an_opinion_is_on_the_film(films, profiles, said, stars):
    """ "I thought Heat was great" gave picks found by the words "thought Heat", and noted nothing: the
    lead ("I thought", "honestly") hid the title the verdict is said of."""
    answer = make_bot(films, profiles).ask(said, user="cli:lead")
    assert profiles.rating("cli:lead", "heat-1995") == stars, answer["reply"]
    assert answer["recommendations"] == [], answer["reply"]


@pytest.mark.parametrize(
    ("said", "film", "stars"),
    [("I'm a huge fan of Alien", "alien-1979", 5.0), ("I was a big fan of Heat", "heat-1995", 5.0),
     ("not a big fan of Heat", "heat-1995", 2.0), ("I'm not a fan of Ronin", "ronin-1998", 2.0)],
)  # fmt: skip
def test_being_a_fan_of_a_film_is_a_verdict_on_it(films, profiles, said, film, stars):
    """ "I'm a huge fan of Alien" gave picks like Alien and noted nothing; "not a big fan of Heat" only
    left Heat out of picks it was not asked for."""
    answer = make_bot(films, profiles).ask(said, user="cli:fan")
    assert profiles.rating("cli:fan", film) == stars, answer["reply"]
    assert answer["recommendations"] == [], answer["reply"]


def test_a_fan_asking_for_more_gets_no_film_for_how_big_a_fan(films):
    """ "I'm a big fan of Heat, anything similar?" searched for "big" beside Heat."""
    from agent.understanding.reader import understand

    understood = understand("I'm a big fan of Heat, anything similar?", films)
    assert understood.like_titles == ["heat-1995"] and "big" not in understood.query.lower(), understood


@pytest.mark.parametrize("said", ["have you ever seen Jaws", "Have you seen Jaws? It's great"])
def test_asking_the_bot_whether_it_saw_a_film_marks_no_viewing(films, profiles, said):
    """ "have you ever seen Jaws" answered "Got it: Jaws (1975) marked as watched": the user asked the bot."""
    answer = make_bot(films, profiles).ask(said, user="cli:asked")
    assert not profiles.has_watched("cli:asked", "jaws-1975"), answer["reply"]
    assert "marked as watched" not in answer["reply"], answer["reply"]


def test_how_much_a_film_was_liked_is_no_part_of_its_title(films, profiles):
    """ "I liked Heat a lot" answered that "Heat" was not in the catalog: "Heat a lot" was read as one title."""
    answer = make_bot(films, profiles).ask("I liked Heat a lot", user="cli:alot")
    assert profiles.rating("cli:alot", "heat-1995") == 4.0, answer["reply"]
    assert "couldn't find" not in answer["reply"], answer["reply"]


@pytest.mark.parametrize("said", ["Heat is a classic", "Heat is one of the best movies ever"])
def test_a_film_called_a_classic_is_liked(films, profiles, said):
    """ "Heat is a classic" gave picks found by the word "Heat" and noted nothing."""
    answer = make_bot(films, profiles).ask(said, user="cli:classic")
    assert profiles.rating("cli:classic", "heat-1995") == 5.0, answer["reply"]
    assert answer["recommendations"] == [], answer["reply"]


@pytest.mark.parametrize(
    ("said", "label"),
    [("I'm watching Heat right now", "Heat (1995)"), ("I'm rewatching Alien tonight", "Alien (1979)"),
     ("I will watch Jaws tonight", "Jaws (1975)")],
)  # fmt: skip
def test_a_film_being_watched_now_is_enjoyed_not_matched(films, profiles, said, label):
    """ "I'm watching Heat right now" got three picks with Heat itself first, and "I will watch Jaws
    tonight" got films like Jaws ("I will" was never read, being typed with a capital)."""
    answer = make_bot(films, profiles).ask(said, user="cli:now")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(f"Enjoy {label}!"), answer["reply"]


@pytest.mark.parametrize("said", ["my top 3 are Heat, Jaws and Alien", "my top 5 movies: Heat, Jaws, Alien"])
def test_a_top_list_is_liked_and_no_count_or_genre(films, profiles, said):
    """ "my top 3 are Heat, Jaws and Alien" asked for three sci-fi films ("Alien" read as the theme)."""
    answer = make_bot(films, profiles).ask(said, user="cli:top")
    assert set(profiles.liked("cli:top")) == {"heat-1995", "jaws-1975", "alien-1979"}, answer["reply"]
    assert answer["recommendations"] == [], answer["reply"]


def test_films_listed_then_called_favourites_are_the_reference(films, profiles):
    """ "Heat and Ronin are among my favorites, anything similar?" read no film and searched for the words."""
    answer = make_bot(films, profiles).ask("Heat and Ronin are among my favorites, anything similar?", user="cli:lst")
    shown = [r["id"] for r in answer["recommendations"]]
    assert shown and not {"heat-1995", "ronin-1998"} & set(shown), answer["reply"]
    assert answer["understood"]["like_titles"] == ["Heat (1995)", "Ronin (1998)"], answer["understood"]
    assert set(profiles.liked("cli:lst")) == {"heat-1995", "ronin-1998"}, answer["reply"]


def test_a_middling_verdict_is_noted_as_its_stars_and_promises_no_more_of_it(films, profiles):
    """ "Heat was ok" gave three films for a search; noted as a like it would have promised "more in that vein"."""
    answer = make_bot(films, profiles).ask("Heat was ok", user="cli:ok")
    assert not answer["recommendations"] and "more in that vein" not in answer["reply"], answer["reply"]
    assert "Heat (1995) was OK for you, kept as 3 out of 5" in answer["reply"], answer["reply"]
    assert profiles.rating("cli:ok", "heat-1995") == 3.0 and "heat-1995" not in profiles.liked("cli:ok")


@pytest.mark.parametrize(
    ("said", "liked"),
    [
        ("i loved heat and jaws", {"heat-1995", "jaws-1975"}),
        ("i loved heat and the music", {"heat-1995"}),  # everyday words after "and" name no film
    ],
)
def test_a_lower_case_list_after_a_verdict_reads_each_film_and_no_everyday_words(films, profiles, said, liked):
    make_bot(films, profiles).ask(said, user="cli:lower")
    assert set(profiles.liked("cli:lower")) == liked


def test_praise_after_a_film_named_in_passing_is_stored_as_liked(films, profiles):
    """ "I watched Heat last week and it was great" stored only "seen"."""
    answer = make_bot(films, profiles).ask("I watched Heat last week and it was great", user="cli:week")
    assert "heat-1995" in profiles.liked("cli:week"), answer["reply"]
    assert "liked Heat (1995)" in answer["reply"], answer["reply"]
