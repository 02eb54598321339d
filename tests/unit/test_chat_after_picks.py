"""Replies to picks as people type them in chat rooms: a laughed "no", thanks for the suggestions, a question
about one pick, a seen list beside a pick turned down. Each was misread before, and the reply said something
untrue of what was asked."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize("said", ["lol no", "no", "haha no", "lol nope", "no lol"])
def test_a_laughed_no_after_picks_turns_them_down(starter, profiles, said):
    """ "lol no" after three comedies was answered "Happy to help! Ask me for a movie whenever you like", as
    if it were thanks: it turns the picks down, so other comedies follow and nothing is noted."""
    bot = make_bot(starter, profiles)
    shown = {r["id"] for r in bot.ask("a comedy", user="cli:no")["recommendations"]}
    answer = bot.ask(said, user="cli:no")
    assert "Happy to help" not in answer["reply"], answer["reply"]
    picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert picks, answer["reply"]
    assert not shown & {m.id for m in picks}, [m.label for m in picks]
    assert all("comedy" in m.genres for m in picks), [m.label for m in picks]
    assert not answer["recorded"], answer["recorded"]


def test_a_no_with_nothing_shown_is_still_small_talk(starter, profiles):
    """With no picks to turn down, "lol no" asks for nothing and gets no films."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("lol no", user="cli:no-first")
    assert not answer["recommendations"], answer["reply"]


@pytest.mark.parametrize(
    "said",
    ["these are some good suggestions thank you!", "these are good suggestions, thanks!", "you gave me great ideas"],
)
def test_thanks_for_the_suggestions_asks_for_nothing(starter, profiles, said):
    """ "these are some good suggestions thank you!" (as a ReDial seeker closes) was answered with three new
    picks "leaning to well-rated films", the "good" read as a wish: it is thanks, and asks for no films."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy", user="cli:thanks")
    answer = bot.ask(said, user="cli:thanks")
    assert not answer["recommendations"], answer["reply"]
    assert "well-rated" not in answer["reply"], answer["reply"]
    assert not answer["recorded"], answer["recorded"]


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("is the first one funny or serious?", 0),
        ("is the second one scary or not?", 1),
        ("is it a comedy or a drama?", 2),
    ],
)
def test_a_kind_asked_with_an_or_is_a_question_about_the_pick(starter, profiles, said, place):
    """ "the first one, is it funny or serious?" after war films was answered with three new picks "leaning to
    comedy", the war films dropped: it asks what that pick is, and gets its genres, with no new picks."""
    bot = make_bot(starter, profiles)
    shown = bot.ask("a thriller", user="cli:kind")["recommendations"]
    if "it" in said.split():
        bot.ask("tell me about the third one", user="cli:kind")
    answer = bot.ask(said, user="cli:kind")
    assert not answer["recommendations"], answer["reply"]
    film = starter.movies[shown[place]["id"]]
    assert film.label in answer["reply"], answer["reply"]
    assert "is listed as" in answer["reply"], answer["reply"]
    if "or not" not in said:  # no yes or no answers "funny or serious?"
        assert not answer["reply"].startswith(("Yes", "No")), answer["reply"]


@pytest.mark.parametrize("said", ["just one thriller please", "only one comedy", "one drama please"])
def test_one_of_a_kind_named_in_the_singular_is_one_pick(starter, profiles, said):
    """ "just one thriller please" got "Here are 3 picks: thriller films.": one asked for is one given."""
    bot = make_bot(starter, profiles)
    answer = bot.ask(said, user="cli:one")
    assert len(answer["recommendations"]) == 1, answer["reply"]
    assert answer["reply"].startswith("Here is 1 pick"), answer["reply"]


def test_one_of_the_best_of_a_kind_is_no_count(starter, profiles):
    """ "one of the best comedies" names a kind of film, not how many."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("what is one of the best comedy films", user="cli:one-of")
    assert len(answer["recommendations"]) > 1, answer["reply"]


@pytest.fixture
def with_the_fan(tmp_path):
    from tests.conftest import SAMPLE_MOVIES, catalog_of

    fan = {**SAMPLE_MOVIES[0], "id": "the-fan-1996", "title": "The Fan", "year": 1996, "genres": ["thriller"],
           "directors": ["Tony Scott"], "cast": ["Robert De Niro"], "keywords": [], "moods": []}  # fmt: skip
    catalog = catalog_of(tmp_path, [*SAMPLE_MOVIES, fan])
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    "said", ["Not a fan, can you give me some other movies similar to Heat", "not a fan, like heat?"]
)
def test_not_a_fan_refuses_no_film_called_the_fan(with_the_fan, profiles, said):
    """ "Not a fan, can you give me some other movies similar to Bruce Almighty" (a ReDial seeker turning a pick
    down) was answered "Here are 3 picks: like Bruce Almighty, not The Fan.": "not a fan" says what the user isn't,
    and refuses no film; "not the fan" still does."""
    bot = make_bot(with_the_fan, profiles)
    bot.ask("a thriller", user="cli:fan")
    answer = bot.ask(said, user="cli:fan")
    assert "The Fan" not in answer["reply"], answer["reply"]
    assert "like Heat" in answer["reply"], answer["reply"]
    refused = bot.ask("not the fan, something like heat", user="cli:fan-2")
    assert "not The Fan" in refused["reply"], refused["reply"]


@pytest.mark.parametrize("said", ["somethin funy", "a funy one please"])
def test_a_doubled_letter_typed_once_is_still_the_word(starter, profiles, said):
    """ "somethin funy from the 80s" after horror films got "Here are 3 picks: 1980s horror films.", the
    "funy" passed over in silence: a short word missing one of its doubled letters is that word."""
    bot = make_bot(starter, profiles)
    bot.ask("horror movies", user="cli:funy")
    answer = bot.ask(said, user="cli:funy")
    picks = [starter.movies[r["id"]] for r in answer["recommendations"]]
    assert picks, answer["reply"]
    assert all("comedy" in m.genres for m in picks), (answer["reply"], [m.label for m in picks])
