"""A film dismissed beside a request is set aside and said to be: "not interested in titanic, any
comedies?" answered "Here are 3 picks: comedy films." and stored nothing, where "not interested in
titanic, something else?" said "Noted: I won't suggest Titanic (1997) again." and kept it out for good;
"not interested in titanic, something like heat?" dismissed Heat, the film asked to go by."""

from __future__ import annotations

import pytest

from agent.prose import prose_list
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "film", "heading"),
    [("not interested in titanic, any comedies?", "titanic-1997", "comedy films, not Titanic"),
     ("don't show me titanic again, any comedies?", "titanic-1997", "comedy films, not Titanic"),
     ("skip the notebook, a romance please", "the-notebook-2004", "romance films, not The Notebook"),
     ("not interested in titanic, something like heat?", "titanic-1997", "like Heat, not Titanic")],
)  # fmt: skip
def test_a_film_dismissed_beside_a_request_is_set_aside_and_said_once(starter, profiles, said, film, heading):
    result = make_bot(starter, profiles).ask(said, user="cli:aside")
    label = starter.movies[film].label
    assert result["reply"].startswith(f"Noted: I won't suggest {label} again. Here are 3 picks: {heading}.")
    assert result["reply"].count(label) == 1
    assert profiles.dismissed("cli:aside") == {film} and profiles.ratings("cli:aside") == {}
    assert film not in [r["id"] for r in result["recommendations"]] and len(result["recommendations"]) == 3


def test_a_pick_dismissed_beside_a_new_request_is_set_aside_and_the_request_answered(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("a crime thriller from the 90s", user="cli:pick")["recommendations"][0]["id"]
    result = bot.ask("not interested in the first one, any comedies?", user="cli:pick")
    assert result["reply"].startswith(f"Noted: I won't suggest {starter.movies[first].label} again.")
    assert profiles.dismissed("cli:pick") == {first}
    picks = [starter.movies[r["id"]] for r in result["recommendations"]]
    assert picks and all("comedy" in m.genres for m in picks)


@pytest.mark.parametrize("said", ["not interested in horror, any comedies?", "skip the sequels, any comedies?"])
def test_a_wish_said_as_a_dismissal_dismisses_no_film(starter, profiles, said):
    result = make_bot(starter, profiles).ask(said, user="cli:wish")
    assert profiles.dismissed("cli:wish") == set() and not result["reply"].startswith("Noted")


def test_not_the_second_one_sets_that_pick_aside_and_keeps_the_others(starter, profiles):
    """ "a western" then "not the second one" answered three other westerns, the two not refused gone
    and the one refused kept for later; "no, the second one" still points at it."""
    bot = make_bot(starter, profiles)
    picks = [r["id"] for r in bot.ask("a western", user="cli:west")["recommendations"]]
    result = bot.ask("not the second one", user="cli:west")
    assert result["reply"] == f"Got it: I won't suggest {starter.movies[picks[1]].label} again."
    assert profiles.dismissed("cli:west") == {picks[1]}
    assert bot.ask("no, the first one", user="cli:west")["reply"].startswith(starter.movies[picks[0]].label)


@pytest.mark.parametrize(
    ("said", "films", "heading"),
    [("don't show me heat or alien again, any comedies?", ["heat-1995", "alien-1979"],
      "comedy films, not Heat or Alien"),
     ("don't show me alien again, any comedies?", ["alien-1979"], "comedy films, not Alien"),
     ("please don't suggest heat, alien or jaws again. any comedies?", ["heat-1995", "alien-1979", "jaws-1975"],
      "comedy films, not Heat, Alien or Jaws")],
)  # fmt: skip
def test_films_dismissed_beside_a_request_are_set_aside_and_their_words_not_searched(
    starter, profiles, said, films, heading
):
    """ "don't show me heat or alien again, any comedies?" answered sci-fi comedies about aliens and
    dismissed nothing: "alien" was read as a theme, so the clause looked like a wish."""
    result = make_bot(starter, profiles).ask(said, user="cli:two")
    labels = prose_list([starter.movies[f].label for f in films])
    assert result["reply"].startswith(f"Noted: I won't suggest {labels} again. Here are 3 picks: {heading}.")
    assert profiles.dismissed("cli:two") == set(films)
    assert result["understood"]["genres"] == ["comedy"] and result["understood"]["require_keywords"] == []
    picks = [starter.movies[r["id"]] for r in result["recommendations"]]
    assert len(picks) == 3 and all("comedy" in m.genres and m.id not in films for m in picks)


def test_films_dismissed_alone_ask_for_nothing_of_their_words(starter, profiles):
    """ "don't show me heat or alien again" said alone dismisses both and asks for no films about aliens."""
    result = make_bot(starter, profiles).ask("don't show me heat or alien again", user="cli:alone")
    assert result["reply"] == "Got it: I won't suggest Heat (1995) and Alien (1979) again."
    assert result["recommendations"] == [] and profiles.dismissed("cli:alone") == {"heat-1995", "alien-1979"}


@pytest.mark.parametrize(
    ("said", "refused"),
    [
        ("don't show me horror again, any comedies?", "horror"),
        ("never show me romance again, any thrillers?", "romance"),
    ],
)
def test_a_genre_not_to_be_shown_again_is_refused_not_asked_for(starter, profiles, said, refused):
    """ "don't show me horror again, any comedies?" answered horror comedies: the verb of a dismissal
    refuses the genre after it, as "no horror" does."""
    result = make_bot(starter, profiles).ask(said, user="cli:genre")
    assert result["understood"]["exclude_genres"] == [refused] and refused not in result["understood"]["genres"]
    assert all(refused not in starter.movies[r["id"]].genres for r in result["recommendations"])
    assert profiles.dismissed("cli:genre") == set()


@pytest.mark.parametrize(
    ("said", "films"),
    [("not heat or alien again, any comedies?", {"heat-1995", "alien-1979"}),
     ("not the matrix again, something funny?", {"the-matrix-1999"})],
)  # fmt: skip
def test_not_a_film_again_beside_a_request_dismisses_it(starter, profiles, said, films):
    """ "not heat or alien again, any comedies?" answered sci-fi comedies about aliens and refused Heat
    for that answer only: "not ... again" is a dismissal, as "don't show me heat again" is."""
    result = make_bot(starter, profiles).ask(said, user="cli:again")
    assert result["reply"].startswith("Noted: I won't suggest") and profiles.dismissed("cli:again") == films
    assert result["understood"]["genres"] == ["comedy"]
    assert all("comedy" in starter.movies[r["id"]].genres for r in result["recommendations"])


def test_not_the_first_one_again_with_a_request_dismisses_that_pick(starter, profiles):
    bot = make_bot(starter, profiles)
    first = bot.ask("a sci-fi film", user="cli:first")["recommendations"][0]["id"]
    result = bot.ask("not the first one again, any comedies?", user="cli:first")
    assert result["reply"].startswith(f"Noted: I won't suggest {starter.movies[first].label} again.")
    assert profiles.dismissed("cli:first") == {first}


@pytest.mark.parametrize("said", ["not sure i'd watch it again", "sci-fi, but not a fan of star wars"])
def test_not_without_a_film_again_dismisses_nothing(starter, profiles, said):
    make_bot(starter, profiles).ask(said, user="cli:unsure")
    assert profiles.dismissed("cli:unsure") == set()


def test_not_wanting_to_see_a_film_again_dismisses_it(starter, profiles):
    """ "i don't want to see heat again, something funny" dismissed nothing and searched for "heat"."""
    result = make_bot(starter, profiles).ask("i don't want to see heat again, something funny", user="cli:see")
    assert result["reply"].startswith("Noted: I won't suggest Heat (1995) again.")
    assert profiles.dismissed("cli:see") == {"heat-1995"}


@pytest.mark.parametrize(
    ("said", "field", "refused"),
    [("i don't want to see horror again", "exclude_genres", "horror"),
     ("i don't wanna watch anything violent tonight", "exclude_moods", "violent")],
)  # fmt: skip
def test_not_wanting_to_see_a_kind_refuses_it(starter, said, field, refused):
    """ "i don't want to see horror again" asked for horror films."""
    from agent.understanding.reader import understand

    read = understand(said, starter)
    assert refused in getattr(read, field) and refused not in [*read.genres, *read.moods]


def test_three_films_refused_in_a_request_are_listed_as_a_sentence_lists_them(starter, profiles):
    """ "a thriller, not heat, alien or jaws" was answered "thriller films, not Heat or Alien or Jaws"."""
    result = make_bot(starter, profiles).ask("a thriller, but not heat, alien or jaws", user="cli:three")
    assert "not Heat, Alien or Jaws" in result["intro"]
    assert " or Alien or " not in result["reply"]


def test_three_languages_refused_are_listed_as_a_sentence_lists_them(starter, profiles):
    result = make_bot(starter, profiles).ask("a drama, not in french, german or italian", user="cli:langs")
    assert "not in French, German or Italian" in result["intro"]
