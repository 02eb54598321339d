"""Ratings typed as most people type them: in lower case, with a theme word for a title ("alien",
"up"), several films sharing one number, a list that ends by asking for more, a title's own number."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


def watched(profiles, user):
    return {r["movie_id"] for r in profiles.watched(user)}


@pytest.mark.parametrize(
    ("said", "movie_id", "stars"),
    [("I rated alien 4", "alien-1979", 4.0), ("I rated alien a 4", "alien-1979", 4.0),
     ("alien is a 4", "alien-1979", 4.0), ("i'd give alien a 4", "alien-1979", 4.0),
     ("i rated jaws 5", "jaws-1975", 5.0), ("i'd give heat a 4", "heat-1995", 4.0),
     ("i rated up 5", "up-2009", 5.0), ("i rated frozen 3", "frozen-2013", 3.0),
     # "her" is a pronoun, but after "I rated" a film's name is what follows: Her (2013)
     ("i rated her 4", "her-2013", 4.0)],
)  # fmt: skip
def test_a_title_that_is_also_a_theme_word_is_the_film_after_i_rated(starter, profiles, said, movie_id, stars):
    """ "I rated alien 4" answered "Which movie do you mean?" and kept nothing, where "I rated Alien 4"
    kept 4 stars: "alien" also reads as a sci-fi request, and only a capital told the film."""
    if movie_id not in starter.movies:
        pytest.skip(f"{movie_id} is not in the starter catalog")
    result = make_bot(starter, profiles).ask(said, user="cli:low")
    label = starter.movies[movie_id].label
    assert result["reply"].startswith(f"Noted: {stars:g} out of 5 for {label}."), result["reply"]
    assert result["recommendations"] == []
    assert profiles.ratings("cli:low") == {movie_id: stars}


def test_a_theme_word_asked_for_with_stars_is_still_a_request(starter, profiles):
    result = make_bot(starter, profiles).ask("an alien movie rated 4 stars", user="cli:ask")
    assert result["recommendations"] and profiles.ratings("cli:ask") == {}


@pytest.mark.parametrize(
    ("said", "stars"),
    [("loved heat 4 stars, and jaws 5", {"heat-1995": 4.0, "jaws-1975": 5.0}),
     ("Loved Heat 4 stars and hated Jaws 2", {"heat-1995": 4.0, "jaws-1975": 2.0}),
     ("really liked alien a 4, and jaws 5", {"alien-1979": 4.0, "jaws-1975": 5.0})],
)  # fmt: skip
def test_a_verdict_before_the_first_film_given_stars_keeps_every_film(starter, profiles, said, stars):
    """ "loved heat 4 stars, and jaws 5" kept Heat's 4 stars and dropped Jaws: "loved heat" was read as
    no film's name, so the list was not read film by film."""
    result = make_bot(starter, profiles).ask(said, user="cli:lead")
    labels = " and ".join(f"{v:g} out of 5 for {starter.movies[m].label}" for m, v in stars.items())
    assert result["reply"].startswith(f"Noted: {labels}."), result["reply"]
    assert profiles.ratings("cli:lead") == stars and watched(profiles, "cli:lead") == set(stars)


@pytest.mark.parametrize(
    ("said", "stars", "reply"),
    [("I rated Toy Story and Heat 4", {"toy-story-1995": 4.0, "heat-1995": 4.0},
      "Noted: 4 out of 5 for Toy Story (1995) and 4 out of 5 for Heat (1995)."),
     ("i rated toy story, heat and jaws 2", {"toy-story-1995": 2.0, "heat-1995": 2.0, "jaws-1975": 2.0},
      "Noted: 2 out of 5 for Toy Story (1995), 2 out of 5 for Heat (1995) and 2 out of 5 for Jaws (1975)."),
     ("i rated toy story and blorfzap 4", {"toy-story-1995": 4.0}, "Noted: 4 out of 5 for Toy Story (1995).")],
)  # fmt: skip
def test_films_sharing_one_number_each_get_it(starter, profiles, said, stars, reply):
    """ "I rated Toy Story and Heat 4" gave Toy Story 4 stars and dropped Heat without a word: each
    film listed before the number shares it, as with "seen parasite and amelie, 4 stars"."""
    result = make_bot(starter, profiles).ask(said, user="cli:share")
    assert result["reply"].startswith(reply), result["reply"]
    assert profiles.ratings("cli:share") == stars and watched(profiles, "cli:share") == set(stars)
    if "blorfzap" in said:
        assert "“blorfzap”" in result["reply"]


@pytest.mark.parametrize("said", ["rated ocean's 11", "just rated ocean's 11", "I rated ocean's 11"])
def test_a_title_s_number_in_digits_where_the_title_spells_it_is_the_films(starter, profiles, said):
    """ "rated ocean's 11" said "11 isn't a rating I can keep" and answered picks: 11 is Ocean's Eleven's
    own number, and "rated" with the "I" left out still tells what the user rated."""
    result = make_bot(starter, profiles).ask(said, user="cli:eleven")
    assert result["reply"].startswith("Noted: you've seen Ocean's Eleven (2001), with no stars given."), result["reply"]
    assert "isn't a rating" not in result["reply"] and result["recommendations"] == []
    assert watched(profiles, "cli:eleven") == {"ocean-s-eleven-2001"} and profiles.ratings("cli:eleven") == {}


@pytest.mark.parametrize(
    ("text", "numbered"),
    [("rated ocean's 11", True), ("rated toy story 3", True),
     ("rated heat 11", False), ("rated ocean's 12", False), ("rated ocean's 4", False)],
)  # fmt: skip
def test_ends_in_numbered_title_reads_a_number_the_title_spells(starter, text, numbered):
    from agent.understanding.title_lists import ends_in_numbered_title

    assert ends_in_numbered_title(text, starter) is numbered


def test_ratings_listed_then_a_wish_for_more_are_kept_said_and_answered(starter, profiles):
    """ "heat 4, alien 3 and jaws 5, what else?" answered sci-fi picks ("alien") and kept no rating:
    now the three are kept and said, then picks like the films liked, none of the three."""
    bot = make_bot(starter, profiles)
    result = bot.ask("heat 4, alien 3 and jaws 5, what else?", user="cli:more")
    stars = {"heat-1995": 4.0, "alien-1979": 3.0, "jaws-1975": 5.0}
    labels = [starter.movies[m].label for m in stars]
    assert result["reply"].startswith(
        f"Noted: 4 out of 5 for {labels[0]}, 3 out of 5 for {labels[1]} and 5 out of 5 for {labels[2]}."
    ), result["reply"]
    assert result["recommendations"] and not {r["id"] for r in result["recommendations"]} & set(stars)
    assert profiles.ratings("cli:more") == stars
    before = {r["id"] for r in result["recommendations"]}
    result = bot.ask("the matrix 5, amelie 2, anything else?", user="cli:more")
    assert result["reply"].startswith("Noted: 5 out of 5 for The Matrix (1999) and 2 out of 5 for Amélie (2001).")
    assert result["recommendations"] and not {r["id"] for r in result["recommendations"]} & before
    assert profiles.ratings("cli:more") == {**stars, "the-matrix-1999": 5.0, "amelie-2001": 2.0}


@pytest.mark.parametrize("said", ["I rated heat 4, what else?", "i'd give heat a 4. anything else?"])
def test_one_film_rated_then_a_wish_for_more_is_kept_and_answered(starter, profiles, said):
    """ "I rated heat 4, what else?" answered picks and kept no stars for Heat."""
    result = make_bot(starter, profiles).ask(said, user="cli:one")
    assert result["reply"].startswith("Noted: 4 out of 5 for Heat (1995). Here are"), result["reply"]
    assert result["recommendations"] and "heat-1995" not in {r["id"] for r in result["recommendations"]}
    assert profiles.ratings("cli:one") == {"heat-1995": 4.0}
