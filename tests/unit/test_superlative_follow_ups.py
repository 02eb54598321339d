""" "the oldest one?" after picks said "I didn't find a genre, person, film, era or theme I know in your
message" and gave new picks, and "the newest one?" gave picks "from 2021 on": each asks which of the
picks shown is so, as "which of these is the newest?" does."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "word", "pick"),
    [("the oldest one?", "oldest", min), ("and the newest?", "newest", max), ("the newest one", "newest", max)],
)
def test_the_superlative_alone_asks_about_the_picks(starter, profiles, said, word, pick):
    bot = make_bot(starter, profiles)
    picks = bot.ask("a crime thriller from the 90s", user="cli:sup")["recommendations"]
    answer = bot.ask(said, user="cli:sup")
    assert answer["recommendations"] == [], answer["reply"]
    chosen = pick(picks, key=lambda r: r["year"])
    assert answer["reply"].startswith(f"Of these, {chosen['title']} ({chosen['year']}) is the {word}")


@pytest.mark.parametrize("said", ["is pulp fiction better than heat?", "which is better, heat or pulp fiction?"])
def test_which_of_two_films_is_better_compares_their_ratings(starter, profiles, said):
    """ "is pulp fiction better than heat?" said "I didn't find a genre, person, film, era or theme I know
    in your message" and gave picks: it names two films, and the catalog can say which is rated higher."""
    answer = make_bot(starter, profiles).ask(said, user="cli:better")
    assert answer["recommendations"] == [], answer["reply"]
    best, other = sorted((starter.movies["pulp-fiction-1994"], starter.movies["heat-1995"]), key=lambda m: -m.rating)
    # both figures: "Of these" alone read as the picks shown, and Heat's rating went unsaid
    assert answer["reply"] == (
        f"Of the two, {best.label} is the better rated, at {best.rating:.1f}, "
        f"against {other.rating:.1f} for {other.label}."
    )


@pytest.mark.parametrize("said", ["is the third one rated well?", "is the third one highly rated?"])
def test_whether_a_pick_is_rated_well_is_its_rating(starter, profiles, said):
    """ "is the third one rated well?" said "I didn't find a genre, person, film, era or theme I know in
    your message" and gave new picks: it asks the pick's rating, as "is the third one any good?" does."""
    bot = make_bot(starter, profiles)
    third = bot.ask("a crime thriller from the 90s", user="cli:rated")["recommendations"][2]
    answer = bot.ask(said, user="cli:rated")
    assert answer["recommendations"] == [] and answer["reply"].startswith(
        f"{third['title']} ({third['year']}) is rated"
    )
