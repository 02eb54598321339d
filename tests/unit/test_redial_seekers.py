"""What seekers in the ReDial dialogues say, replayed: an answer's opening "Yes" or a thank-you
is no film, and a film refused or only planned is not noted as liked or seen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_MOVIES, write_jsonl
from tests.unit.test_graph import make_bot

NAMESAKES = [
    {"id": "yes-2005", "title": "Yes", "year": 2005, "genres": ["drama", "romance"], "directors": ["Sally Potter"],
     "votes": 20, "rating": 6.0, "overview": "An affair told in verse."},
    {"id": "kids-1995", "title": "Kids", "year": 1995, "genres": ["drama"], "directors": ["Larry Clark"],
     "votes": 300, "rating": 6.4, "overview": "A day in the life of a group of teenagers in New York."},
    {"id": "the-conversation-1974", "title": "The Conversation", "year": 1974, "genres": ["thriller"],
     "directors": ["Francis Ford Coppola"], "votes": 900, "rating": 7.5, "overview": "A surveillance expert."},
    {"id": "joyeux-noel-2005", "title": "Joyeux Noël", "aka": ["Merry Christmas"], "year": 2005, "genres": ["war"],
     "directors": ["Christian Carion"], "votes": 400, "rating": 7.3, "overview": "A Christmas truce in 1914."},
]  # fmt: skip


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", [*SAMPLE_MOVIES, *NAMESAKES])


def test_an_answer_opening_with_yes_names_no_film(catalog, profiles):
    """ "Yes I love those!! I loved Paul Walker" answered "Great, I've noted that you loved Yes (2005)",
    and "Yes I have seen it and the kids liked it." marked Yes (2005) seen."""
    bot = make_bot(catalog, profiles)
    for said in ("Yes I love those!! I loved Paul Walker", "Yes I have seen it and the kids liked it.",
                 "yes I love those"):  # fmt: skip
        answer = bot.ask(said, user="cli:ana")
        assert "Yes (2005)" not in answer["reply"], said
    assert "yes-2005" not in profiles.ratings("cli:ana")
    assert {r["movie_id"] for r in profiles.watched("cli:ana")} == set()
    named = bot.ask("Yes (2005) was great", user="cli:bo")
    assert "Yes (2005)" in named["reply"] and profiles.rating("cli:bo", "yes-2005") == 4.0


def test_a_likeness_refused_refuses_the_film_and_notes_no_liking(catalog, profiles):
    """ "i like comedies. ... something like Wedding Crashers (2005) or Tropic Thunder (2008) but not
    anything that's similar to Ted (2012)" answered "Noted: you liked ... and Ted (2012)", with
    picks like Ted: "similar to" after the refusal was read as asking for it."""
    bot = make_bot(catalog, profiles)
    answer = bot.ask("i like thrillers. something like Heat (1995) but not anything that's similar to Se7en (1995)",
                     user="cli:cy")  # fmt: skip
    assert "se7en-1995" not in profiles.ratings("cli:cy")
    assert "se7en-1995" not in [r["id"] for r in answer["recommendations"]]
    assert "not Se7en" in answer["reply"] and "liked" not in answer["reply"]
    assert "not Se7en" in bot.ask("something like Heat but nothing similar to Se7en", user="cli:di")["reply"]


def test_thanks_for_a_great_conversation_praises_no_film(catalog, profiles):
    """ "Thank you for the awesome conversation I think i will have to pop in Friday" answered
    "Great, I've noted that you loved The Conversation (1974)" and stored 5 stars."""
    bot = make_bot(catalog, profiles)
    for said in ("Thank you for the awesome conversation I think i will have to pop in Friday",
                 "thanks so much for the really great conversation"):  # fmt: skip
        answer = bot.ask(said, user="cli:ed")
        assert "The Conversation" not in answer["reply"], said
    assert profiles.ratings("cli:ed") == {}
    assert profiles.rating("cli:fi", "the-conversation-1974") is None
    bot.ask("The Conversation (1974) was awesome", user="cli:fi")
    assert profiles.rating("cli:fi", "the-conversation-1974") == 5.0


def test_a_film_still_to_check_out_is_not_noted_as_seen_or_liked(starter, profiles):
    """ "oh, i've only seen Superbad (2007) which i really like. i'll have to check out Meet the Fockers
    (2004)" answered "I've noted that you liked Superbad (2007) and Meet the Fockers (2004)"."""
    bot = make_bot(starter, profiles)
    said = "oh, i've only seen Superbad (2007) which i really like. i'll have to check out Meet the Fockers (2004)"
    answer = bot.ask(said, user="cli:gu")
    assert "Superbad (2007)" in answer["reply"] and "Meet the Fockers" not in answer["reply"]
    assert profiles.ratings("cli:gu") == {"superbad-2007": 4.0}
    assert {r["movie_id"] for r in profiles.watched("cli:gu")} == {"superbad-2007"}


def test_a_genre_refused_before_a_film_given_as_an_example_leaves_the_film_liked(starter, profiles):
    """ "I don't really like horror but sometimes thrilling Sci-fi is okay, like Aliens (1986)" answered
    "Noted: Aliens (1986) wasn't for you" and stored 2 stars: the refusal of horror leaked onto the
    film named in a later clause as an example of what is okay."""
    bot = make_bot(starter, profiles)
    said = "I don't really like horror but sometimes thrilling Sci-fi is okay, like Aliens (1986)"
    answer = bot.ask(said, user="cli:ha")
    assert "wasn't for you" not in answer["reply"] and "liked Aliens (1986)" in answer["reply"]
    assert profiles.rating("cli:ha", "aliens-1986") == 4.0
    plain = bot.ask("I don't really like horror but Aliens (1986)", user="cli:hb")
    assert "wasn't for you" not in plain["reply"] and profiles.rating("cli:hb", "aliens-1986") is None
    assert profiles.rating("cli:hc", "titanic-1997") is None
    bot.ask("I loved Aliens (1986) and hated Titanic (1997)", user="cli:hc")
    assert profiles.rating("cli:hc", "titanic-1997") == 1.0


def test_a_genre_not_really_liked_is_refused(starter, profiles):
    """ "I don't really like horror" asked for horror films; "I don't like horror" refused them."""
    bot = make_bot(starter, profiles)
    for said in ("I don't really like horror", "I don't enjoy horror, any comedies?"):
        answer = bot.ask(said, user="cli:ia")
        assert answer["understood"]["exclude_genres"] == ["horror"], said
        assert all("horror" not in pick["genres"] for pick in answer["recommendations"]), said


def test_a_title_typed_with_a_year_a_few_off_is_the_nearest_film_of_that_title_said_so(starter, profiles):
    """ "Ghost (1998) also worth it" read no film at all (the catalog holds Ghost (1990)) and said
    nothing of it: a wrong year is taken as the nearest film of that title, and the answer says so."""
    bot = make_bot(starter, profiles)
    note = "I took “Ghost (1998)” to be Ghost (1990), the nearest film of that title I have."
    loved = bot.ask("I loved Ghost (1998)", user="cli:ja")
    assert loved["reply"].startswith(note) and profiles.rating("cli:ja", "ghost-1990") == 5.0
    like = bot.ask("Ghost (1998) also worth it", user="cli:jb")
    assert like["reply"].startswith(note) and "ghost-1990" not in [r["id"] for r in like["recommendations"]]
    assert "I took" not in bot.ask("I loved Ghost (1990)", user="cli:jc")["reply"]
    lacked = bot.ask("Ghost (1970) also worth it", user="cli:jd")
    assert lacked["reply"].startswith("I couldn't find “Ghost (1970)”"), lacked["reply"]


def test_a_film_named_then_said_to_sound_good_is_the_one_meant(starter, profiles):
    """ "oooh, i have not heard of Dracula Untold (2014) that sounds good I like vampire movies", after
    horror picks, answered "Enjoy The Silence of the Lambs (1991)!": the first pick, not the film named."""
    bot = make_bot(starter, profiles)
    picks = bot.ask("a horror film", user="cli:ka")["recommendations"]
    assert picks and "heathers-1988" not in [p["id"] for p in picks]
    answer = bot.ask("oooh, i have not heard of Heathers (1988) that sounds good I like dark comedies", user="cli:ka")
    assert answer["reply"].startswith("Enjoy Heathers (1988)!"), answer["reply"]


def test_a_verdict_after_an_opening_yes_notes_the_film(starter, profiles):
    """ "Yes The Conjuring 2 (2016) was great" gave picks like it and noted nothing."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("Yes The Conjuring 2 (2016) was great", user="cli:la")
    assert "noted that you liked The Conjuring 2 (2016)" in answer["reply"], answer["reply"]
    assert profiles.rating("cli:la", "the-conjuring-2-2016") == 4.0


def test_saw_as_a_title_is_no_seen_and_getting_older_asks_no_older_films(starter, profiles):
    """ "well, I used to like Saw (2004) movies but as I am getting older it's a bit much", after picks,
    answered "Which one do you mean?" (the title read as "saw", a film seen), and without picks before
    it asked for films older than those shown ("getting older" of the user)."""
    bot = make_bot(starter, profiles)
    bot.ask("a horror film", user="cli:lb")
    said = "well, I used to like Saw (2004) movies but as I am getting older it's a bit much"
    answer = bot.ask(said, user="cli:lb")
    assert "Which one do you mean" not in answer["reply"] and answer["intent"] != "seen"
    assert answer["understood"]["year_max"] is None and not profiles.has_watched("cli:lb", "saw-2004")
    bot.ask("I saw Saw (2004)", user="cli:lc")
    assert profiles.has_watched("cli:lc", "saw-2004")


def test_a_title_typed_with_its_year_that_the_catalog_lacks_is_said_to_be_missing(starter, profiles):
    """ "I am looking forward to seeing Insidious: Chapter 4 (2018)" said "I didn't find a genre, person,
    film, era or theme I know in your message" (it names a film), and "Zorblax Returns (2017) was great", after
    picks, gave more picks with no word of the film."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("I am looking forward to seeing Insidious: Chapter 4 (2018) . Do you like that series?",
                     user="cli:ma")  # fmt: skip
    assert answer["reply"].startswith("I couldn't find “Insidious: Chapter 4 (2018)”"), answer["reply"]
    assert "I didn't find a genre" not in answer["reply"]
    bot.ask("a comedy", user="cli:mb")
    judged = bot.ask("Zorblax Returns (2017) was great", user="cli:mb")
    assert judged["reply"].startswith("I couldn't find “Zorblax Returns (2017)”") and judged["recommendations"] == []
    assert profiles.ratings("cli:mb") == {}


def test_a_sign_off_is_no_film(catalog, profiles):
    """ "Thanks for the recommendations Merry Christmas" answered with picks like Joyeux Noël, whose
    English title is Merry Christmas."""
    bot = make_bot(catalog, profiles)
    answer = bot.ask("I think I'll give it a try. Thanks for the recommendations Merry Christmas", user="cli:na")
    assert "like Joyeux" not in answer["reply"] and answer["understood"]["like_titles"] == []
    bot.ask("I loved Merry Christmas (2005)", user="cli:nb")
    assert profiles.rating("cli:nb", "joyeux-noel-2005") == 5.0


@pytest.mark.parametrize(
    "said",
    [
        "I loved Aliens (1986) I haven't seen Titanic (1997) though",
        "I think I am the only person on the planet to not see Titanic (1997) really need to Yes I loved Aliens (1986)",
    ],
)
def test_a_film_not_seen_in_a_sentence_typed_without_its_stop_is_not_loved(starter, profiles, said):
    """ "I loved Up (2009) I haven't seen 101 Dalmatians (1996) though" answered "I've noted that you loved
    Up (2009) and 101 Dalmatians (1996)" and marked both watched: the sentence saying one was not seen
    had no stop before it."""
    answer = make_bot(starter, profiles).ask(said, user="cli:oa")
    assert profiles.rating("cli:oa", "aliens-1986") == 5.0 and "Titanic" not in answer["reply"]
    assert profiles.rating("cli:oa", "titanic-1997") is None and not profiles.has_watched("cli:oa", "titanic-1997")


def test_a_film_preferred_after_a_kind_refused_is_liked(starter, profiles):
    """ "No I have not really not a fan of that kind I prefer things like Armageddon (1997)" answered
    "Noted: Armageddon (1998) wasn't for you": the refusal of a kind of film went to the film preferred."""
    bot = make_bot(starter, profiles)
    answer = bot.ask("No I have not really not a fan of that kind I prefer things like Aliens (1986)", user="cli:pa")
    assert "wasn't for you" not in answer["reply"] and profiles.rating("cli:pa", "aliens-1986") == 4.0


def test_a_film_called_a_must_see_classic_asks_for_no_era_or_rating(starter, profiles):
    """ "You should it's a must see movie. One of the classics. Like The Silence of the Lambs (1991)"
    asked for films up to 1979 rated 7.5 or more: what was said of a film read as a wish."""
    bot = make_bot(starter, profiles)
    said = "You should it's a must see movie. One of the classics. Like The Silence of the Lambs (1991)"
    understood = bot.ask(said, user="cli:qa")["understood"]
    assert understood["year_max"] is None and understood["min_rating"] is None
    assert bot.ask("a must see thriller", user="cli:qb")["understood"]["min_rating"] == 7.5
