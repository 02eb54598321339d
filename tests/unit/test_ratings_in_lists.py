"""Ratings said in chat where a number could be a title's or stars, where no rating can be the number,
and where a list names a film the catalog lacks: every film said is answered for, none dropped."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


def watched(profiles, user):
    return {r["movie_id"] for r in profiles.watched(user)}


@pytest.mark.parametrize(
    ("said", "stars", "seen", "reply"),
    [("I rated Toy Story 3 and Heat 4", {"heat-1995": 4.0}, {"toy-story-3-2010", "heat-1995"},
      "Noted: 4 out of 5 for Heat (1995); you've seen Toy Story 3 (2010), with no stars given."),
     ("heat 4, toy story 3 and jaws 5", {"heat-1995": 4.0, "toy-story-1995": 3.0, "jaws-1975": 5.0},
      {"heat-1995", "toy-story-1995", "jaws-1975"},
      "Noted: 4 out of 5 for Heat (1995), 3 out of 5 for Toy Story (1995) and 5 out of 5 for Jaws (1975)."),
     ("I rated Ocean's 11 and Heat 4", {"heat-1995": 4.0}, {"ocean-s-eleven-2001", "heat-1995"},
      "Noted: 4 out of 5 for Heat (1995); you've seen Ocean's Eleven (2001), with no stars given."),
     ("I rated Toy Story 3", {}, {"toy-story-3-2010"},
      "Noted: you've seen Toy Story 3 (2010), with no stars given. I won't suggest it again."),
     ("I rated toy story 3 a 4 and heat 2", {"toy-story-3-2010": 4.0, "heat-1995": 2.0},
      {"toy-story-3-2010", "heat-1995"}, "Noted: 4 out of 5 for Toy Story 3 (2010) and 2 out of 5 for Heat (1995).")],
)  # fmt: skip
def test_a_number_that_ends_a_title_is_the_films_unless_the_list_gives_stars_to_each(
    starter, profiles, said, stars, seen, reply
):
    """ "I rated Toy Story 3 and Heat 4" noted 4 stars for Toy Story 3 and dropped Heat, and "heat 4,
    alien 3 and jaws 5" (Alien³ in the catalog) answered sci-fi picks: a title's own number names the
    film, seen with no stars, unless film after film of the list is given stars, and each is said."""
    result = make_bot(starter, profiles).ask(said, user="cli:num")
    assert result["reply"].startswith(reply), result["reply"]
    assert result["recommendations"] == []
    assert profiles.ratings("cli:num") == stars and watched(profiles, "cli:num") == seen


@pytest.mark.parametrize(
    ("said", "number", "movie_id"),
    [("I rated the matrix 11", "11", "the-matrix-1999"), ("I'd give the matrix 12", "12", "the-matrix-1999"),
     ("I'd give se7en -3", "-3", "se7en-1995"), ("i gave heat 15 stars", "15", "heat-1995")],
)  # fmt: skip
def test_one_film_given_a_number_no_rating_can_be_is_named_back_with_no_picks(starter, profiles, said, number,
                                                                               movie_id):  # fmt: skip
    """ "I rated the matrix 11" said 11 was no rating, then answered picks like The Matrix (The Matrix
    first among them): now it says so, notes nothing, and suggests nothing."""
    result = make_bot(starter, profiles).ask(said, user="cli:big")
    label = starter.movies[movie_id].label
    assert result["reply"] == (f"{number} isn't a rating I can keep: say 1 to 5 stars, or out of 10. "
                               f"I haven't noted {label}.")  # fmt: skip
    assert result["recommendations"] == [] and profiles.ratings("cli:big") == {}
    assert watched(profiles, "cli:big") == set()


def test_a_film_given_a_number_no_rating_can_be_among_others_is_named_back_and_not_noted(starter, profiles):
    result = make_bot(starter, profiles).ask("I rated Heat 4 and The Matrix 11", user="cli:two")
    assert result["reply"] == ("Noted: 4 out of 5 for Heat (1995). I won't suggest it again. 11 isn't a rating I can "
                               "keep: say 1 to 5 stars, or out of 10. I haven't noted The Matrix (1999).")  # fmt: skip
    assert profiles.ratings("cli:two") == {"heat-1995": 4.0} and watched(profiles, "cli:two") == {"heat-1995"}


@pytest.mark.parametrize(
    ("said", "stars", "missing"),
    [("seen parasite and blorfzap, 4 stars", {"parasite-2019": 4.0}, "blorfzap"),
     ("seen heat and xqzzy, 3 stars", {"heat-1995": 3.0}, "xqzzy"),
     ("seen jaws and blorfzap, 2/10", {"jaws-1975": 1.0}, "blorfzap"),
     ("seen parasite and amelie, 4 stars", {"parasite-2019": 4.0, "amelie-2001": 4.0}, None)],
)  # fmt: skip
def test_stars_after_a_seen_list_with_a_film_not_found_go_to_the_films_found(starter, profiles, said, stars, missing):
    """ "seen parasite and blorfzap, 4 stars" answered that it couldn't find “blorfzap” or “4 stars”,
    and kept no stars for Parasite."""
    result = make_bot(starter, profiles).ask(said, user="cli:lost")
    labels = " and ".join(starter.movies[m].label for m in stars)
    assert result["reply"].startswith(f"Noted: {next(iter(stars.values())):g} out of 5 for {labels}."), result["reply"]
    assert "stars”" not in result["reply"] and "/10”" not in result["reply"]
    if missing:
        assert f"I couldn't find “{missing}” in my catalog" in result["reply"]
    assert profiles.ratings("cli:lost") == stars and result["recommendations"] == []


@pytest.mark.parametrize(
    ("said", "stars", "reply"),
    [("I rated heat 4 and blorfzap 3", {"heat-1995": 4.0},
      "Noted: 4 out of 5 for Heat (1995). I won't suggest it again. I couldn't find “blorfzap” in my catalog"),
     ("heat 4, blorfzap 3 and jaws 5", {"heat-1995": 4.0, "jaws-1975": 5.0},
      "Noted: 4 out of 5 for Heat (1995) and 5 out of 5 for Jaws (1975). I won't suggest them again. I couldn't "
      "find “blorfzap” in my catalog")],
)  # fmt: skip
def test_a_name_not_found_among_films_each_given_stars_is_named_back(starter, profiles, said, stars, reply):
    """ "I rated heat 4 and blorfzap 3" noted Heat and said nothing of blorfzap."""
    result = make_bot(starter, profiles).ask(said, user="cli:gone")
    assert result["reply"].startswith(reply), result["reply"]
    assert profiles.ratings("cli:gone") == stars and result["recommendations"] == []


@pytest.mark.parametrize(
    ("said", "stars", "reply"),
    [("heat 4, jaws 4.7 and alien 5", {"heat-1995": 4.0, "alien-1979": 5.0},
      "Noted: 4 out of 5 for Heat (1995) and 5 out of 5 for Alien (1979). I won't suggest them again. 4.7 isn't a "
      "rating I can keep: say 1 to 5 stars, or out of 10. I haven't noted Jaws (1975)."),
     ("I rated heat 4.7", {}, "4.7 isn't a rating I can keep: say 1 to 5 stars, or out of 10. I haven't noted "
      "Heat (1995).")],
)  # fmt: skip
def test_a_film_given_stars_between_halves_is_found_and_the_number_named_back(starter, profiles, said, stars, reply):
    """ "heat 4, jaws 4.7 and alien 5" said it couldn't find “jaws” in the catalog, and "I rated heat 4.7"
    answered picks: stars go in halves, so 4.7 is said to be no rating, of the film found."""
    result = make_bot(starter, profiles).ask(said, user="cli:half")
    assert result["reply"] == reply
    assert result["recommendations"] == [] and profiles.ratings("cli:half") == stars


@pytest.mark.parametrize(
    ("said", "heat", "reply"),
    [("loved heat and jaws 5", 5.0, "Noted: 5 out of 5 for Jaws (1975); you loved Heat (1995). I won't suggest "
      "them again."),
     ("liked heat and jaws 5", 4.0, "Noted: 5 out of 5 for Jaws (1975); you liked Heat (1995). I won't suggest "
      "them again."),
     ("hated heat and jaws 5", 1.0, "Noted: 5 out of 5 for Jaws (1975); Heat (1995) wasn't for you. I won't "
      "suggest them again.")],
)  # fmt: skip
def test_a_film_under_its_own_verdict_before_a_film_given_stars_keeps_the_verdict(starter, profiles, said, heat,
                                                                                  reply):  # fmt: skip
    """ "loved heat and jaws 5" noted 5 stars for Heat, never typed, and then said it couldn't find
    “jaws 5”, which it had just noted: Heat is loved by the word, Jaws given the 5. The word stores what
    it stores alone ("I loved Heat" is 5 stars, "I hated Heat" 1), where "loved" in a list kept 4.5 and
    was said back as "you liked"; the stars a word stands for are never said back as stars given."""
    result = make_bot(starter, profiles).ask(said, user="cli:word")
    assert result["reply"] == reply
    assert profiles.ratings("cli:word") == {"heat-1995": heat, "jaws-1975": 5.0}
    alone = make_bot(starter, profiles).ask(f"I {said.split(' and ')[0]}", user="cli:alone")  # "I loved heat"
    assert profiles.ratings("cli:alone") == {"heat-1995": heat}, alone["reply"]
    assert profiles.reactions("cli:word")["heat-1995"] == profiles.reactions("cli:alone")["heat-1995"]


def test_the_film_it_typed_after_i_rated_is_rated_with_the_rest_of_the_list(starter, profiles):
    """ "I rated It 4 and Heat 5" noted It's 4 and lost Heat's 5 without a word."""
    result = make_bot(starter, profiles).ask("I rated It 4 and Heat 5", user="cli:it")
    assert result["reply"].startswith("Noted: 4 out of 5 for It (2017) and 5 out of 5 for Heat (1995).")
    assert profiles.ratings("cli:it") == {"it-2017": 4.0, "heat-1995": 5.0}


@pytest.mark.parametrize(
    ("said", "stars", "reply"),
    [("alien is a 4, anything else?", {"alien-1979": 4.0}, "Noted: 4 out of 5 for Alien (1979). Here are 3 picks"),
     ("Her is a 4, what else?", {"her-2013": 4.0}, "Noted: 4 out of 5 for Her (2013). Here are 3 picks")],
)  # fmt: skip
def test_a_film_scored_then_more_asked_for_is_rated_and_answered(starter, profiles, said, stars, reply):
    """ "alien is a 4, anything else?" answered sci-fi films about aliens, Alien among them, and noted
    no rating: the film is scored as "alien is a 4" alone is, then the picks follow, not the film."""
    result = make_bot(starter, profiles).ask(said, user="cli:more")
    assert result["reply"].startswith(reply), result["reply"]
    assert profiles.ratings("cli:more") == stars
    assert result["recommendations"] and not set(stars) & {r["id"] for r in result["recommendations"]}


def test_films_rated_then_a_request_stores_the_ratings_and_answers_the_request(starter, profiles):
    """ "heat 4 and jaws 5, any comedies?" kept no rating, and answered comedies with The Heat for
    "heat": both are rated, and the comedies are asked for by themselves."""
    result = make_bot(starter, profiles).ask("heat 4 and jaws 5, any comedies?", user="cli:ask")
    assert result["reply"].startswith(
        "Noted: 4 out of 5 for Heat (1995) and 5 out of 5 for Jaws (1975). Here are 3 picks: comedy films."
    ), result["reply"]
    assert profiles.ratings("cli:ask") == {"heat-1995": 4.0, "jaws-1975": 5.0}
    picks = [starter.movies[r["id"]] for r in result["recommendations"]]
    assert picks and all("comedy" in m.genres for m in picks), [m.genres for m in picks]


def test_the_film_it_typed_after_a_break_in_the_list_is_rated(starter, profiles):
    """ "I rated Heat 5 and It 4" noted Heat and lost It's 4 without a word: "It" typed with a capital
    after "and" names the film, as it does straight after "I rated"."""
    result = make_bot(starter, profiles).ask("I rated Heat 5 and It 4", user="cli:it2")
    assert result["reply"].startswith("Noted: 5 out of 5 for Heat (1995) and 4 out of 5 for It (2017).")
    assert profiles.ratings("cli:it2") == {"heat-1995": 5.0, "it-2017": 4.0}


@pytest.mark.parametrize(
    ("said", "seen"),
    [("I rated Heat and Toy Story 3", ["Heat (1995)", "Toy Story 3 (2010)"]),
     ("I rated Heat, Jaws and Toy Story 3", ["Heat (1995)", "Jaws (1975)", "Toy Story 3 (2010)"])],
)  # fmt: skip
def test_films_rated_before_a_title_that_ends_in_a_number_are_seen_with_no_stars(starter, profiles, said, seen):
    """ "I rated Heat and Toy Story 3" answered picks with Heat and Toy Story 3 among them, noting
    neither: the 3 is Toy Story 3's, as in "I rated Toy Story 3 and Heat 4", so no stars were given,
    and every film named is seen."""
    result = make_bot(starter, profiles).ask(said, user="cli:ts3")
    names = f"{', '.join(seen[:-1])} and {seen[-1]}"
    assert result["reply"].startswith(f"Noted: you've seen {names}, with no stars given."), result["reply"]
    assert result["recommendations"] == [] and profiles.ratings("cli:ts3") == {}
    assert len(watched(profiles, "cli:ts3")) == len(seen)


@pytest.mark.parametrize(
    "said", ["heat 4 and the matrix 11, what else?", "I rated heat 4 and the matrix 11, what else?"]
)
def test_a_number_no_rating_can_be_in_a_list_then_more_is_named_back_once(starter, profiles, said):
    """ "heat 4 and the matrix 11, what else?" noted Heat and said nothing of the 11, where "I rated the
    matrix 11" says it is no rating and that The Matrix is not noted."""
    result = make_bot(starter, profiles).ask(said, user="cli:11")
    assert result["reply"].startswith(
        "Noted: 4 out of 5 for Heat (1995). 11 isn't a rating I can keep: say 1 to 5 stars, or out of 10. "
        "I haven't noted The Matrix (1999). Here are 3 picks"
    ), result["reply"]
    assert result["reply"].count("isn't a rating") == 1
    assert profiles.ratings("cli:11") == {"heat-1995": 4.0} and watched(profiles, "cli:11") == {"heat-1995"}


@pytest.mark.parametrize("said", ["a movie like heat", "something from 1995 with 4 stars"])
def test_a_request_that_names_a_film_or_stars_rates_nothing(starter, profiles, said):
    result = make_bot(starter, profiles).ask(said, user="cli:req")
    assert result["recommendations"] and profiles.ratings("cli:req") == {}
