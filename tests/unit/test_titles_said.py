"""Films named as people type them: a number written either way ("oceans 11"), one word of a title
("shawshank is my fav"), a title that is also a theme ("movies like alien"), and a seen-list with a
question after it ("seen alien, jaws and the shining, what else?")."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from store.build import ingest
from store.catalog import Catalog
from store.home import DataDir
from store.movie import TITLE_MATCH_SCORE
from tests.conftest import write_jsonl
from tests.fakes import HashingEmbedder
from tests.unit.test_graph import ids, make_bot, watched


def _film(movie_id: str, title: str, year: int, votes: int, overview: str, **more) -> dict:
    return {"id": movie_id, "title": title, "year": year, "genres": more.pop("genres", ["drama"]), "votes": votes,
            "rating": 7.0, "overview": overview, **more}  # fmt: skip


FILMS = [
    _film("ocean-s-eleven-1960", "Ocean's Eleven", 1960, 11, "Old army buddies rob five casinos on one night.",
          aka=["Ocean's 11"], genres=["crime", "comedy"]),
    _film("ocean-s-eleven-2001", "Ocean's Eleven", 2001, 3000, "A thief plans to rob three casinos at once.",
          genres=["crime", "thriller"]),
    _film("ocean-s-twelve-2004", "Ocean's Twelve", 2004, 2000, "The crew is back for a job in Europe.",
          genres=["crime", "thriller"]),
    _film("frozen-2013", "Frozen", 2013, 5000, "A princess sets off to find her sister.", genres=["animation"]),
    _film("the-shawshank-redemption-1994", "The Shawshank Redemption", 1994, 8000,
          "Framed for murder, a banker begins a new life at the Shawshank prison."),
    _film("the-big-lebowski-1998", "The Big Lebowski", 1998, 2900, "The Dude is mistaken for a millionaire.",
          genres=["comedy"]),
    _film("bowling-night-2001", "Bowling Night", 2001, 40, "A league night goes wrong; a fan of Lebowski bowls."),
    _film("love-actually-2003", "Love Actually", 2003, 2000, "Eight couples in London before Christmas.",
          genres=["comedy", "romance"]),
    _film("crazy-stupid-love-2011", "Crazy, Stupid, Love", 2011, 2500, "A divorced man learns to date again.",
          genres=["comedy", "romance"]),
    _film("zorblax-returns-1988", "Zorblax Returns", 1988, 12, "A robot comes home.", cast=["Wayne Knight"]),
    _film("the-dark-knight-2008", "The Dark Knight", 2008, 12000, "Batman raises the stakes in his war on crime.",
          genres=["action", "crime"]),
    _film("10-1979", "10", 1979, 300, "A composer in a midlife crisis chases a woman he sees on her wedding day.",
          genres=["comedy", "romance"]),
    _film("10-things-i-hate-about-you-1999", "10 Things I Hate About You", 1999, 4000,
          "A new girl at school may date only when her sister does.", genres=["comedy", "romance"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> Catalog:
    folder = tmp_path_factory.mktemp("titles-said")
    home = DataDir(folder / "home").ensure()
    ingest(home, HashingEmbedder(), [("jsonl", [write_jsonl(folder / "films.jsonl", FILMS)])])
    catalog = Catalog(home.current_catalog(), HashingEmbedder())
    yield catalog
    catalog.close()


@pytest.mark.parametrize("typed", ["oceans 11", "ocean's 11", "Ocean's Eleven", "oceans eleven"])
def test_a_number_written_either_way_finds_the_better_known_film(films, typed):
    """ "movies like oceans 11" went by Ocean's Eleven (1960): "oceans 11" is nearest "Ocean's 11", the
    1960 film's other title, and only that title's films were kept; the 2001 film is the one people mean."""
    found = films.resolve_title(typed)
    assert (found.movie_id, found.alternatives) == (
        "ocean-s-eleven-2001",
        [("ocean-s-eleven-1960", "Ocean's Eleven (1960)")],
    )


def test_a_year_still_chooses_and_a_sequel_number_still_must_agree(films):
    assert films.resolve_title("ocean's eleven 1960").movie_id == "ocean-s-eleven-1960"
    assert films.resolve_title("Ocean's 11 (1960)").movie_id == "ocean-s-eleven-1960"
    frozen_2 = films.resolve_title("Frozen 2")  # Frozen is no typo of Frozen 2
    assert frozen_2 is None or frozen_2.score < TITLE_MATCH_SCORE
    thirteen = films.resolve_title("Ocean's Thirteen")  # nor Twelve of Thirteen
    assert thirteen is None or thirteen.score < TITLE_MATCH_SCORE


def test_one_word_only_one_well_known_title_has_names_that_film(films):
    """ "shawshank is my fav, what else?" answered The Shawshank Redemption as its first pick: the
    word named no film, so the message asked for nothing."""
    found = films.resolve_title("shawshank")
    assert (found.movie_id, found.by_word, found.score) == ("the-shawshank-redemption-1994", True, TITLE_MATCH_SCORE)
    assert films.resolve_title("Shawshank 1994").movie_id == "the-shawshank-redemption-1994"


@pytest.mark.parametrize(
    ("typed", "why"),
    [("love", "a word of several titles"), ("the", "no word to name a film by"),
     ("the dark", "typed as a title of its own, not one word"), ("zorblax", "the film is little known"),
     ("lebowski", "another film's synopsis says it too"), ("knight", "a word of one title, but of its cast too")],
)  # fmt: skip
def test_a_word_names_no_film_by_a_part_of_its_title_when_it_could_mean_another(films, typed, why):
    found = films.resolve_title(typed)
    assert found is None or not found.by_word, why


def test_like_oceans_11_goes_by_the_2001_film(films, profiles):
    result = make_bot(films, profiles).ask("movies like oceans 11", user="cli:dan")
    assert result["understood"]["like_titles"] == ["Ocean's Eleven (2001)"]
    assert "ocean-s-eleven-2001" not in ids(result) and "like Ocean's Eleven (2001)" in result["reply"]


@pytest.mark.parametrize(
    "said",
    ["shawshank is my fav, what else?", "my fav is shawshank, anything similar?", "i loved shawshank, more like it"],
)
def test_a_favourite_named_by_one_word_is_the_reference_and_is_kept_as_a_like(films, profiles, said):
    result = make_bot(films, profiles).ask(said, user="cli:red")
    assert result["understood"]["like_titles"] == ["The Shawshank Redemption (1994)"]
    assert "the-shawshank-redemption-1994" not in ids(result) and len(ids(result)) == 3
    assert result["reply"].startswith("Noted: you loved The Shawshank Redemption (1994).")
    assert profiles.rating("cli:red", "the-shawshank-redemption-1994") == 5


@pytest.mark.parametrize(
    "said", ["like 10 Things I Hate About You", "something like 10 things i hate about you (1999)"]
)
def test_a_long_title_that_begins_with_another_is_the_long_one(films, said):
    """ "10" is a film too: the reader stopped at it, and went by 10 (1979)."""
    assert understand(said, films).like_titles == ["10-things-i-hate-about-you-1999"]


def test_a_verdict_word_inside_a_title_is_no_verdict(films, profiles):
    """ "loved 10 Things I Hate About You" was noted as "10 (1979) wasn't for you"."""
    result = make_bot(films, profiles).ask("i loved 10 Things I Hate About You", user="cli:ten")
    assert "you loved 10 Things I Hate About You (1999)" in result["reply"], result["reply"]
    assert profiles.rating("cli:ten", "10-things-i-hate-about-you-1999") == 5


@pytest.mark.parametrize("said", ["my fav is shawshank", "i loved shawshank"])
def test_a_favourite_said_alone_is_kept_as_a_like(films, profiles, said):
    result = make_bot(films, profiles).ask(said, user="cli:ell")
    assert result["recommendations"] == [] and "The Shawshank Redemption" in result["reply"]
    assert profiles.rating("cli:ell", "the-shawshank-redemption-1994") == 5


@pytest.mark.parametrize(
    "said", ["movies like alien", "something similar to alien", "just watched alien, anything similar?"]
)
def test_a_title_after_like_is_the_film_though_it_is_also_a_theme(starter, profiles, said):
    """ "movies like alien" answered "sci-fi films" (Predator, Independence Day: Resurgence...): "alien"
    was read as the sci-fi theme, where "movies like heat" went by Heat."""
    result = make_bot(starter, profiles).ask(said, user="cli:rip")
    assert result["understood"]["like_titles"] == ["Alien (1979)"] and not result["understood"]["genres"]
    assert "alien-1979" not in ids(result) and "like Alien" in result["reply"]


@pytest.mark.parametrize(
    "said", ["alien movies", "something with aliens", "an alien invasion film", "something like alien invasion stuff",
             "i like alien movies", "movies like an alien"]
)  # fmt: skip
def test_a_theme_said_as_one_stays_a_theme(starter, said):
    understood = understand(said, starter)
    assert understood.like_titles == [] and [*understood.genres, *understood.soft_genres] == ["sci-fi"], said


@pytest.mark.parametrize(
    ("said", "stars", "reply"),
    [("loved alien", 5.0, "Great, I've noted that you loved Alien (1979)."),
     ("enjoyed alien", 4.0, "Great, I've noted that you liked Alien (1979)."),
     ("hated alien", 1.0, "Noted: Alien (1979) wasn't for you.")],
)  # fmt: skip
def test_a_verdict_right_before_a_title_that_is_also_a_theme_is_on_the_film(starter, profiles, said, stars, reply):
    """ "loved alien" answered "sci-fi films" (Predator, Independence Day: Resurgence...) and noted nothing:
    "alien" was read as the sci-fi theme, where "loved heat" noted Heat."""
    result = make_bot(starter, profiles).ask(said, user="cli:ver")
    assert result["recommendations"] == [] and result["reply"].startswith(reply), result["reply"]
    assert profiles.rating("cli:ver", "alien-1979") == stars


@pytest.mark.parametrize("said", ["loved alien movies", "hated alien invasions", "i love alien films"])
def test_a_verdict_on_a_theme_said_as_one_stays_a_taste(starter, said):
    understood = understand(said, starter)
    assert understood.like_titles == [] and understood.exclude_titles == [], said


@pytest.mark.parametrize(
    ("said", "kept"),
    [("movies like brazil", "countries"), ("something like epic", "moods"), ("like witch", "genres")],
)
def test_like_a_place_a_mood_or_a_theme_typed_unlike_the_title_is_no_film(starter, said, kept):
    """Brazil and Epic are films too, but "like brazil" asks for Brazilian films; "witch" is not "The Witch"."""
    understood = understand(said, starter)
    assert understood.like_titles == [] and getattr(understood, kept), said


def test_a_seen_list_then_a_question_records_every_film_and_goes_on_from_them(starter, profiles):
    """ "seen alien, jaws and the shining, what else?" recorded nothing and answered sci-fi films."""
    bot = make_bot(starter, profiles)
    said = bot.ask("seen alien, jaws and the shining, what else?", user="cli:sam")
    listed = {"alien-1979", "jaws-1975", "the-shining-1980"}
    assert watched(profiles, "cli:sam") == listed and not listed & set(ids(said)) and len(ids(said)) == 3
    assert said["reply"].startswith("Noted: you've seen Alien (1979), Jaws (1975) and The Shining (1980).")
    assert said["understood"]["like_titles"] == ["Alien (1979)", "Jaws (1975)", "The Shining (1980)"]
    assert not said["understood"]["genres"]


def test_a_seen_list_with_a_partial_title_then_a_question_loses_none(starter, profiles):
    bot = make_bot(starter, profiles)
    said = bot.ask("seen spirited away, totoro and zorblaxia, what else?", user="cli:tot")
    assert watched(profiles, "cli:tot") == {"spirited-away-2001", "my-neighbor-totoro-1988"}
    assert "“zorblaxia”" in said["reply"] and len(ids(said)) == 3
    assert not {"spirited-away-2001", "my-neighbor-totoro-1988"} & set(ids(said))


def test_places_in_the_last_answer_then_a_question_are_noted_and_more_follow(starter, profiles):
    bot = make_bot(starter, profiles)
    shown = ids(bot.ask("a heist movie", user="cli:hei"))
    more = bot.ask("seen 1 and 3, what else?", user="cli:hei")
    assert watched(profiles, "cli:hei") == {shown[0], shown[2]}
    assert more["understood"]["genres"] == ["crime"] and not {shown[0], shown[2]} & set(ids(more))


@pytest.mark.parametrize("said", ["seen alien, what else?", "I watched alien last night, what else?"])
def test_a_title_said_seen_is_recorded_though_it_is_also_a_theme(starter, profiles, said):
    result = make_bot(starter, profiles).ask(said, user="cli:one")
    assert watched(profiles, "cli:one") == {"alien-1979"}
    assert result["reply"].startswith("Noted: you've seen Alien (1979).")
    assert result["understood"]["like_titles"] == ["Alien (1979)"] and "alien-1979" not in ids(result)


def test_a_title_is_blanked_as_whole_words_only():
    """With Love named, "i loved love" lost the verdict word "loved" to the title's blanking."""
    from types import SimpleNamespace

    from agent.understanding.verdicts import titles_blanked

    lookup = SimpleNamespace(
        movies={"love-2015": SimpleNamespace(title="Love"), "up-2009": SimpleNamespace(title="Up")}
    )
    assert titles_blanked("i loved love", ["love-2015"], lookup) == "i loved     "
    assert titles_blanked("superb, up was great", ["up-2009"], lookup) == "superb,    was great"
