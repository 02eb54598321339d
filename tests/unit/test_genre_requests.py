"""Genre requests as a user means them: "a comedy" is a film that is a comedy first, "no more please"
after picks ends the picks, and what was loosened when nothing else fits is what was asked last."""

from __future__ import annotations

import pytest

from agent.nodes.retrieve import RELAXABLE, loosening_order
from agent.scoring import featurise, prominence
from agent.understanding.merge import said_at
from store.catalog import ScoredMovie
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["no more", "no more please", "No more, thanks", "that's enough", "I'm good"])
def test_no_more_after_picks_ends_the_picks(starter, profiles, said):
    """ "a comedy" then "no more please" got three more comedies: "no more" was read as a wish for more."""
    bot = make_bot(starter, profiles)
    assert bot.ask("a comedy", user="cli:enough")["recommendations"]
    answer = bot.ask(said, user="cli:enough")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"] == "Okay, enjoy the film!", answer["reply"]


@pytest.mark.parametrize("said", ["no more horror", "no more like that"])
def test_no_more_of_something_still_asks_for_films(starter, profiles, said):
    bot = make_bot(starter, profiles)
    bot.ask("a comedy", user="cli:nomore")
    assert bot.ask(said, user="cli:nomore")["recommendations"]


def test_an_asked_genre_counts_most_where_it_leads():
    """TMDB lists a film's main genre first; MovieLens adds others after it, alphabetically when alone."""
    assert prominence(["comedy", "drama", "war", "romance"], ["comedy"]) == 1.0  # a comedy first
    assert prominence(["thriller", "crime", "comedy", "drama"], ["comedy"]) == 0.5  # a comedy among its main genres
    assert prominence(["action", "thriller", "sci-fi", "mystery", "crime"], ["crime"]) == 0.0  # one of many
    # an alphabetical list says nothing of which leads: short, each genre is a main one; long, none is
    assert prominence(["action", "comedy"], ["action"]) == 0.5
    assert prominence(["action", "adventure", "comedy", "drama"], ["action"]) == 0.0
    assert prominence(["comedy"], ["comedy"]) == 1.0
    assert prominence(["drama", "romance"], [], ["drama", "horror"]) == 0.5  # "comedies or dramas": the best


def test_a_film_that_is_the_asked_genre_first_leads_one_where_it_is_one_of_many(starter):
    """ "a comedy" got Pulp Fiction (a crime thriller MovieLens also calls a comedy) before films that are
    comedies first: the asked genre in the lead now lifts a film, and none is left out for lacking it."""
    results = [ScoredMovie(starter.movies[i], 0.0, 0.5, 0.5, None) for i in ("safety-last-1923", "the-general-1926")]
    first, later = featurise(results, starter, request={"genres": ["comedy"]}, profile=None, anchors=[],
                             collaborative={})  # fmt: skip
    assert first.features["themes"] > later.features["themes"] > 0, (first.features, later.features)


def test_what_a_follow_up_added_is_loosened_before_what_was_asked_first():
    """ "something with tom hanks but not a drama", "older ones", "anything else like it?" answered "I loosened
    the people you named" with films without Tom Hanks: the years, added last, go first."""
    first = {"people": ["Tom Hanks"], "exclude_genres": ["drama"]}
    then = {**first, "year_max": 1994}
    then["said_at"] = said_at(first, then)
    labels = [label for _, label in loosening_order(then)]
    assert labels.index("the year range") < labels.index("the people you named"), labels
    asked_at_once = {"people": ["Tom Hanks"], "year_max": 1994}  # said in one message: the usual order
    assert [label for _, label in loosening_order(asked_at_once)][:4] == [label for _, label in RELAXABLE][:4]
