"""What "it", "that" and "the previous search" point at across turns: the film last asked about or
judged, and the subject before this one, as a user following the conversation would take them."""

from __future__ import annotations

import pytest

from agent.understanding.like_it import asks_like_it
from tests.unit.test_graph import ids, make_bot, movies

GUESS = "only a guess"
NOTHING_EARLIER = "There's no earlier search in this conversation to go back to"


@pytest.mark.parametrize(
    ("question", "wish"),
    [
        ("what's Alien about?", "something like it"),
        ("who directed Alien?", "any similar movies?"),
        ("who directed alien?", "more like that one"),
        ("is alien long?", "films similar to this one"),
        ("who's in Alien?", "got anything like it?"),
    ],
)
def test_a_wish_for_films_like_it_after_a_question_goes_by_that_film(starter, profiles, question, wish):
    """ "who directed Alien?" then "any similar movies?" answered "I don't know your taste yet, so here
    are 3 picks", going by nothing: the question held no request, and "it" was not read as Alien."""
    bot = make_bot(starter, profiles)
    user = f"cli:like-{abs(hash((question, wish)))}"
    assert bot.ask(question, user=user)["intent"] == "facts"
    said = bot.ask(wish, user=user)
    assert said["understood"]["like_titles"] == ["Alien (1979)"]
    assert "like Alien" in said["reply"] and "don't know your taste" not in said["reply"]
    assert len(ids(said)) == 3 and "alien-1979" not in ids(said)


def test_more_like_that_after_a_verdict_on_a_pick_goes_by_that_pick(starter, profiles):
    """ "who's in the second one?", "I loved it", "more like that" still went by Heat, the request's
    old reference, not by the film just loved."""
    bot = make_bot(starter, profiles)
    shown = movies(starter, bot.ask("something like Heat", user="cli:that"))
    second = shown[1]
    assert bot.ask("who's in the second one?", user="cli:that")["intent"] == "facts"
    loved = bot.ask("I loved it", user="cli:that")
    assert loved["recorded"]["likes"] == [second.id]
    more = bot.ask("more like that", user="cli:that")
    assert more["understood"]["like_titles"] == [second.label]
    assert second.id not in ids(more) and len(ids(more)) == 3


def test_it_is_still_the_film_after_rating_it_again_and_undoing(starter, profiles):
    """ "I've seen the first one, loved it", "actually make that 3 stars", "undo that", then "what did I
    think of it?" answered "Which one do you mean?", though every turn since was about that film."""
    bot = make_bot(starter, profiles)
    first = movies(starter, bot.ask("a thriller from the 90s", user="cli:undo"))[0]
    bot.ask("I've seen the first one, loved it", user="cli:undo")
    assert profiles.rating("cli:undo", first.id) == 5
    bot.ask("actually make that 3 stars", user="cli:undo")
    assert profiles.rating("cli:undo", first.id) == 3
    bot.ask("undo that", user="cli:undo")
    asked = bot.ask("what did I think of it?", user="cli:undo")
    assert "Which one" not in asked["reply"] and first.label in asked["reply"] and "loved" in asked["reply"]


def test_after_a_verdict_that_one_is_the_film_judged(starter, profiles):
    bot = make_bot(starter, profiles)
    third = movies(starter, bot.ask("a horror film", user="cli:judged"))[2]
    bot.ask("the third one was boring", user="cli:judged")
    why = bot.ask("why that one?", user="cli:judged")
    assert why["intent"] == "why" and third.label in why["reply"]


def test_a_title_the_catalog_lacks_is_not_the_film_judged_before(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("titanic was mid", user="cli:lacks")
    unknown = bot.ask("tenet was like 2 stars", user="cli:lacks")["reply"]
    assert unknown.startswith("I couldn't find “tenet” in my catalog") and "Titanic" not in unknown
    assert profiles.rating("cli:lacks", "titanic-1997") == 2.0


def test_back_to_the_previous_search_after_a_new_person_goes_back_to_the_first(starter, profiles):
    """ "films by Alfred Hitchcock", "something by kubrick instead", "back to the previous search"
    answered with a guess from the words (nothing understood): the refinement kept no earlier subject."""
    bot = make_bot(starter, profiles)
    bot.ask("films by Alfred Hitchcock", user="cli:prev")
    kubrick = bot.ask("something by kubrick instead", user="cli:prev")
    assert kubrick["understood"]["people"] == ["Stanley Kubrick"]
    back = bot.ask("back to the previous search", user="cli:prev")
    assert back["understood"]["people"] == ["Alfred Hitchcock"] and GUESS not in back["reply"]
    assert all("Alfred Hitchcock" in m.directors for m in movies(starter, back))
    again = bot.ask("back to the previous search", user="cli:prev")  # and back again to Kubrick
    assert again["understood"]["people"] == ["Stanley Kubrick"]


def test_back_to_the_previous_search_says_no_guess_it_did_not_make(starter, profiles):
    """The 80s comedies came back, after a false "these picks are only a guess from its words"."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy from the 80s", user="cli:guess")
    bot.ask("actually forget that, I want a horror", user="cli:guess")
    back = bot.ask("back to the previous search", user="cli:guess")
    assert (back["understood"]["genres"], back["understood"]["year_min"]) == (["comedy"], 1980)
    assert GUESS not in back["reply"] and back["reply"].startswith("Here are")


def test_back_to_the_previous_search_with_none_before_says_so(starter, profiles):
    bot = make_bot(starter, profiles)
    alone = bot.ask("back to the previous search", user="cli:none")
    assert alone["reply"].startswith(NOTHING_EARLIER) and GUESS not in alone["reply"]
    bot.ask("a western", user="cli:one")
    one = bot.ask("go back to the previous search", user="cli:one")
    assert one["reply"].startswith(f"{NOTHING_EARLIER}, so here is more of this one.")
    assert one["understood"]["genres"] == ["western"]


def test_a_refinement_is_a_search_to_go_back_to(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a war film", user="cli:war")
    bot.ask("from the 70s", user="cli:war")
    back = bot.ask("back to the previous search", user="cli:war")["understood"]
    assert (back["genres"], back["year_min"]) == (["war"], None)


def test_more_of_the_same_is_no_search_to_go_back_to(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a horror film", user="cli:more")
    bot.ask("actually forget that, I want a comedy", user="cli:more")
    bot.ask("more", user="cli:more")
    back = bot.ask("back to the previous search", user="cli:more")["understood"]
    assert back["genres"] == ["horror"]


def test_a_film_just_disliked_is_not_what_similar_goes_by(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a horror film", user="cli:hated")
    bot.ask("the second one was awful", user="cli:hated")
    similar = bot.ask("any similar movies?", user="cli:hated")
    assert similar["understood"]["like_titles"] == [] and similar["understood"]["genres"] == ["horror"]


def test_ordinary_messages_like_these_keep_their_meaning(starter, profiles):
    """No film spoken of: "more like that" is more of the last picks; "I like it" after a question is
    a verdict; "something like Heat" after one is like Heat."""
    bot = make_bot(starter, profiles)
    bot.ask("a comedy", user="cli:plain")
    assert bot.ask("more like that", user="cli:plain")["understood"]["like_titles"] == []
    bot.ask("what's Jaws about?", user="cli:verdict")
    liked = bot.ask("I like it", user="cli:verdict")
    assert liked["intent"] == "liked" and liked["recorded"]["likes"] == ["jaws-1975"]
    bot.ask("who directed Jaws?", user="cli:named")
    assert bot.ask("something like Heat", user="cli:named")["understood"]["like_titles"] == ["Heat (1995)"]


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("something like it", True),
        ("any similar movies?", True),
        ("more like that one", True),
        ("something similar but from the 90s", True),
        ("another one like it", True),
        ("I loved it, more like that", True),
        ("I like it", False),
        ("I'd like that", False),
        ("a film like it's 1999", False),
        ("similar to Heat", False),
        ("more like those", False),
        ("something like the second one", False),
        ("is it similar to heat?", False),
        ("it looks like it", False),
    ],
)
def test_what_reads_as_a_wish_for_films_like_it(message, asks):
    assert asks_like_it(message) is asks


def test_back_to_the_first_list_is_the_first_search_not_the_last(starter, profiles):
    """ "back to the first list" after a western, then Kubrick films, then 80s horror went back to
    Kubrick: "first" was read as "previous"."""
    bot = make_bot(starter, profiles)
    bot.ask("a western", user="cli:first")
    bot.ask("something by kubrick instead", user="cli:first")
    bot.ask("actually forget that, I want a horror from the 80s", user="cli:first")
    back = bot.ask("back to the first list", user="cli:first")["understood"]
    assert (back["genres"], back["people"], back["year_min"]) == (["western"], [], None)
    previous = bot.ask("back to the previous search", user="cli:first")["understood"]
    assert previous["genres"] == ["horror"]
