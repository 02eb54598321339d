"""Batch lines and evaluation turns: a whole conversation handed in, always answered with k picks."""

from agent.understanding.marked_titles import titles_with_years
from store.profiles import ProfileStore
from tests.unit.test_graph import ids, make_bot


def test_titles_written_with_years_are_found(starter):
    text = "I loved Man on Wire (2008) and Heat (1995), but not Heat (1986) which isn't here"
    assert titles_with_years(text, starter) == ["man-on-wire-2008", "heat-1995"]
    assert titles_with_years("no films here (1999)", starter) == []


def test_a_reaction_still_gets_exactly_k_picks_built_on_the_conversation(starter):
    bot = make_bot(starter, ProfileStore(None))
    context = [
        {"role": "user", "text": "hi, I'm in the mood for a crime movie"},
        {"role": "assistant", "text": "Have you seen Heat (1995)?"},
    ]
    result = bot.ask("yes, loved it!", user="eval:1", context=context, k=7, remember=False,
                     always_recommend=True, exclude_ids=["heat-1995"])  # fmt: skip
    assert len(result["recommendations"]) == 7
    assert "heat-1995" not in ids(result)
    assert result["understood"]["like_titles"] == ["Heat (1995)"]
    assert sum("crime" in starter.movies[i].genres for i in ids(result)) >= 5


def test_genres_said_across_a_conversation_are_preferences_not_filters(starter):
    bot = make_bot(starter, ProfileStore(None))
    context = [{"role": "user", "text": "I like comedies"}, {"role": "assistant", "text": "Any favourites?"}]
    result = bot.ask("something scary now", user="eval:2", context=context, k=5, remember=False,
                     always_recommend=True)  # fmt: skip
    assert result["understood"]["genres"] == ["horror"]
    assert all("horror" in starter.movies[i].genres for i in ids(result))


def test_what_was_asked_before_the_last_message_leans_and_the_last_message_filters(starter):
    bot = make_bot(starter, ProfileStore(None))
    context = [
        {"role": "user", "text": "I want a horror movie tonight"},
        {"role": "assistant", "text": "Do you like scary ones?"},
    ]
    result = bot.ask("anything with Tom Hanks?", user="eval:3", context=context, k=5, remember=False,
                     always_recommend=True)  # fmt: skip
    assert result["understood"]["genres"] == []
    assert result["understood"]["people"] == ["Tom Hanks"]
    assert not result.get("relaxed")
    assert len(result["recommendations"]) == 5
    assert all("Tom Hanks" in starter.movies[i].cast for i in ids(result))
    # none of his films here is horror, so the intro does not say the picks lean to it
    assert not any("horror" in starter.movies[i].genres for i in ids(result))
    assert "horror" not in result["reply"].splitlines()[0]


def test_a_refusal_said_earlier_in_a_handed_in_conversation_still_holds(starter):
    bot = make_bot(starter, ProfileStore(None))
    context = [{"role": "user", "text": "nothing with Tom Hanks please"}, {"role": "assistant", "text": "Sure."}]
    result = bot.ask("a drama", user="eval:4", context=context, k=10, remember=False, always_recommend=True)
    assert result["understood"]["exclude_people"] == ["Tom Hanks"]
    assert len(result["recommendations"]) == 10
    assert not any("Tom Hanks" in starter.movies[i].cast for i in ids(result))


def test_a_turn_where_nothing_is_asked_yet_gets_picks_from_the_conversation(starter):
    bot = make_bot(starter, ProfileStore(None))
    context = [{"role": "assistant", "text": "Hi! Have you seen Heat (1995)?"}]
    result = bot.ask("", user="eval:5", context=context, k=5, remember=False, always_recommend=True,
                     exclude_ids=["heat-1995"])  # fmt: skip
    assert result["understood"]["like_titles"] == ["Heat (1995)"]
    assert len(result["recommendations"]) == 5
    assert "heat-1995" not in ids(result)
    opening = bot.ask("", user="eval:6", k=3, remember=False, always_recommend=True)
    assert len(opening["recommendations"]) == 3
    assert bot.ask("", user="eval:7", k=3, remember=False)["recommendations"] == []  # chat: help, not picks
