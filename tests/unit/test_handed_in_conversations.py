"""Batch lines and evaluation turns: a whole conversation handed in, always answered with k picks."""

from agent.understanding.marked_titles import titles_with_years
from store.profiles import ProfileStore
from tests.unit.test_graph import ids, make_bot


def handed_in(starter, text: str, context: list[tuple[str, str]], k: int, **options) -> dict:
    """One evaluation-style turn: `context` as (role, text) pairs, k picks always, nothing remembered."""
    bot = make_bot(starter, ProfileStore(None))
    messages = [{"role": role, "text": said} for role, said in context]
    return bot.ask(text, user="eval:1", context=messages, k=k, remember=False, always_recommend=True, **options)


def test_titles_written_with_years_are_found(starter):
    text = "I loved Man on Wire (2008) and Heat (1995), but not Heat (1986) which isn't here"
    assert titles_with_years(text, starter) == ["man-on-wire-2008", "heat-1995"]
    assert titles_with_years("no films here (1999)", starter) == []


def test_a_reaction_still_gets_exactly_k_picks_built_on_the_conversation(starter):
    context = [("user", "hi, I'm in the mood for a crime movie"), ("assistant", "Have you seen Heat (1995)?")]
    result = handed_in(starter, "yes, loved it!", context, 7, exclude_ids=["heat-1995"])
    assert len(result["recommendations"]) == 7
    assert "heat-1995" not in ids(result)
    assert result["understood"]["like_titles"] == ["Heat (1995)"]
    assert sum("crime" in starter.movies[i].genres for i in ids(result)) >= 5


def test_genres_said_across_a_conversation_are_preferences_not_filters(starter):
    result = handed_in(
        starter, "something scary now", [("user", "I like comedies"), ("assistant", "Any favourites?")], 5
    )
    assert result["understood"]["genres"] == ["horror"]
    assert all("horror" in starter.movies[i].genres for i in ids(result))


def test_what_was_asked_before_the_last_message_leans_and_the_last_message_filters(starter):
    context = [("user", "I want a horror movie tonight"), ("assistant", "Do you like scary ones?")]
    result = handed_in(starter, "anything with Tom Hanks?", context, 5)
    assert result["understood"]["genres"] == []
    assert result["understood"]["people"] == ["Tom Hanks"]
    assert not result.get("relaxed")
    assert len(result["recommendations"]) == 5
    assert all("Tom Hanks" in starter.movies[i].cast for i in ids(result))
    # none of his films here is horror, so the intro does not say the picks lean to it
    assert not any("horror" in starter.movies[i].genres for i in ids(result))
    assert "horror" not in result["reply"].splitlines()[0]


def test_a_refusal_said_earlier_in_a_handed_in_conversation_still_holds(starter):
    result = handed_in(starter, "a drama", [("user", "nothing with Tom Hanks please"), ("assistant", "Sure.")], 10)
    assert result["understood"]["exclude_people"] == ["Tom Hanks"]
    assert len(result["recommendations"]) == 10
    assert not any("Tom Hanks" in starter.movies[i].cast for i in ids(result))


def test_a_turn_where_nothing_is_asked_yet_gets_picks_from_the_conversation(starter):
    result = handed_in(starter, "", [("assistant", "Hi! Have you seen Heat (1995)?")], 5, exclude_ids=["heat-1995"])
    assert result["understood"]["like_titles"] == ["Heat (1995)"]
    assert len(result["recommendations"]) == 5
    assert "heat-1995" not in ids(result)
    assert len(handed_in(starter, "", [], 3)["recommendations"]) == 3
    chat = make_bot(starter, ProfileStore(None)).ask("", user="eval:7", k=3, remember=False)
    assert chat["recommendations"] == []  # chat: help, not picks


def test_a_language_asked_for_earlier_leans_and_one_asked_for_last_filters(starter):
    context = [("user", "I really like anime movies"), ("assistant", "Any favourites?")]
    earlier = handed_in(starter, "an animated family movie please", context, 10)
    languages = [starter.movies[i].language for i in ids(earlier)]
    assert earlier["understood"]["languages"] == []
    assert "ja" in languages[:3]  # leaning to Japanese films...
    assert set(languages) != {"ja"}  # ...without ruling out the rest
    last = handed_in(starter, "a Japanese film now", context, 5)
    assert last["understood"]["languages"] == ["ja"]
    assert {starter.movies[i].language for i in ids(last)} == {"ja"}


def test_an_era_said_as_a_taste_leans_and_one_asked_for_filters(starter):
    taste = handed_in(starter, "I like old movies too", [], 10)
    assert taste["understood"]["year_max"] is None
    assert all(starter.movies[i].year < 1980 for i in ids(taste))  # nothing else asked: the lean decides
    context = [("user", "I like old movies too"), ("assistant", "Me too!")]
    crime = handed_in(starter, "a crime movie now", context, 10)
    years = [starter.movies[i].year for i in ids(crime)]
    assert all("crime" in starter.movies[i].genres for i in ids(crime))
    assert sum(year < 1980 for year in years) >= 3 and crime["understood"]["year_max"] is None  # leaning, not a filter
    assert "1980" not in crime["reply"].splitlines()[0]
    asked = handed_in(starter, "I like old movies, any ideas?", [], 10)
    assert asked["understood"]["year_max"] == 1979
    assert all(starter.movies[i].year < 1980 for i in ids(asked))


def test_a_film_panned_beside_one_loved_in_a_handed_in_conversation_is_no_reference(starter):
    """ "I loved Heat (1995) and hated Titanic (1997)" made both references, or neither, by its first verdict."""
    context = [("user", "I loved Heat (1995) and hated Titanic (1997)"), ("assistant", "Noted!")]
    result = handed_in(starter, "", context, 5)
    assert result["understood"]["like_titles"] == ["Heat (1995)"]
