"""Films and verdicts as people write them in chat: a Star Wars episode with its number ("Star Wars:
Episode VIII – The Last Jedi"), two titles listed with no cue ("Collateral and Heat"), statements that
ask for nothing ("very much so", "I never saw XXX"), a question of which film is older, and a verdict
for each film of one message."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand
from store.build import ingest
from store.catalog import Catalog
from store.home import DataDir
from tests.conftest import write_jsonl
from tests.fakes import HashingEmbedder
from tests.unit.test_graph import ids, make_bot


def _film(movie_id: str, title: str, year: int, votes: int, overview: str, **more) -> dict:
    return {"id": movie_id, "title": title, "year": year, "genres": more.pop("genres", ["drama"]), "votes": votes,
            "rating": 7.0, "overview": overview, **more}  # fmt: skip


FILMS = [
    _film("star-wars-1977", "Star Wars", 1977, 6600, "A farm boy joins a rebellion against an empire.",
          aka=["Star Wars: Episode IV - A New Hope"], genres=["sci-fi", "adventure"]),
    _film("the-empire-strikes-back-1980", "The Empire Strikes Back", 1980, 5900, "The rebels flee an ice planet.",
          aka=["Star Wars: Episode V - The Empire Strikes Back"], genres=["sci-fi", "adventure"]),
    _film("star-wars-episode-i-the-phantom-menace-1999", "Star Wars: Episode I - The Phantom Menace", 1999, 4400,
          "Two knights find a boy on a desert planet.", genres=["sci-fi", "adventure"]),
    _film("star-wars-the-last-jedi-2017", "Star Wars: The Last Jedi", 2017, 12, "A hermit trains a young woman.",
          genres=["sci-fi", "adventure"]),
    _film("collateral-2004", "Collateral", 2004, 1000, "A cab driver drives a hit man around Los Angeles.",
          genres=["crime", "thriller"]),
    _film("heat-1995", "Heat", 1995, 3000, "A detective hunts a crew of bank robbers.", genres=["crime", "action"]),
    _film("the-heat-2013", "The Heat", 2013, 1200, "Two police officers take down a drug lord.",
          genres=["action", "comedy"]),
    _film("alien-1979", "Alien", 1979, 4000, "The crew of a spaceship meets a deadly creature.",
          genres=["sci-fi", "horror"], runtime=117),
    _film("interstellar-2014", "Interstellar", 2014, 11000, "Explorers travel through a wormhole.",
          genres=["sci-fi", "drama"]),
    _film("starman-1984", "Starman", 1984, 300, "A visitor from space takes a widow's husband's form.",
          genres=["sci-fi", "romance"]),
    _film("two-much-1995", "Two Much", 1995, 60, "An art dealer invents a twin brother.", genres=["comedy"]),
    _film("xxx-2002", "xXx", 2002, 1400, "An extreme sports star becomes a spy.", genres=["action"]),
    _film("the-martian-2015", "The Martian", 2015, 7000, "An astronaut is stranded on Mars.", genres=["sci-fi"]),
    _film("ronin-1998", "Ronin", 1998, 900, "Mercenaries chase a briefcase across France.",
          genres=["action", "thriller"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> Catalog:
    folder = tmp_path_factory.mktemp("chat-misreads")
    home = DataDir(folder / "home").ensure()
    ingest(home, HashingEmbedder(), [("jsonl", [write_jsonl(folder / "films.jsonl", FILMS)])])
    catalog = Catalog(home.current_catalog(), HashingEmbedder())
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("said", "film"),
    [
        ("I loved Star Wars: Episode VIII – The Last Jedi (2017)", "star-wars-the-last-jedi-2017"),
        ("I loved Star Wars: Episode VIII - The Last Jedi", "star-wars-the-last-jedi-2017"),
        ("i loved star wars episode VIII: the last jedi", "star-wars-the-last-jedi-2017"),
        ("I loved Star Wars: Episode V – The Empire Strikes Back", "the-empire-strikes-back-1980"),
        ("I loved Star Wars: The Phantom Menace", "star-wars-episode-i-the-phantom-menace-1999"),
    ],
)
def test_a_star_wars_episode_typed_with_its_number_is_that_episode(films, profiles, said, film):
    """ "I loved Star Wars: Episode VIII – The Last Jedi (2017)" was noted as loving Star Wars (1977)."""
    result = make_bot(films, profiles).ask(said, user="cli:ep")
    assert profiles.rating("cli:ep", film) == 5, result["reply"]
    assert profiles.rating("cli:ep", "star-wars-1977") is None, result["reply"]


def test_an_episode_with_no_name_after_it_is_not_stripped(films):
    assert understand("I loved Star Wars", films).like_titles == ["star-wars-1977"]
    found = films.resolve_title("the episode i liked")
    assert found is None or found.movie_id != "star-wars-1977"


@pytest.mark.parametrize(
    "said",
    ["Collateral and Heat", "collateral and heat", "Collateral, Heat?", "Collateral and Heat, anything similar?",
     "I like Collateral and Heat", "something like Collateral and Heat", "heat and collateral"],
)  # fmt: skip
def test_two_titles_listed_with_no_cue_are_both_films(films, said):
    """ "Collateral and Heat" read no film at all: the picks were a guess from its words."""
    assert set(understand(said, films).like_titles) == {"collateral-2004", "heat-1995"}


def test_a_title_that_is_also_a_theme_is_a_film_in_a_list_of_films(films):
    assert understand("alien and heat", films).like_titles == ["alien-1979", "heat-1995"]


@pytest.mark.parametrize("said", ["Action and Comedy", "horror and comedy", "Heat and something funny"])
def test_filter_talk_and_a_title_beside_words_are_no_list_of_films(films, said):
    assert understand(said, films).like_titles == []


@pytest.mark.parametrize("said", ["very much so", "yes definitely", "of course", "absolutely"])
def test_an_agreement_asks_for_no_picks(films, profiles, said):
    """ "very much so" answered with Two Much (1995): its words were searched as a request (here,
    with too few films to find by them, it was not understood at all)."""
    result = make_bot(films, profiles).ask(said, user="cli:yes")
    assert result["recommendations"] == [] and "Two Much" not in result["reply"], result["reply"]
    assert "didn't catch" not in result["reply"], result["reply"]


@pytest.mark.parametrize("said", ["thanks for recommending Heat, loved it", "thanks for suggesting heat, i loved it"])
def test_thanks_for_a_film_recommended_and_a_verdict_note_the_like(films, profiles, said):
    """ "thanks for recommending Heat, loved it" noted nothing and answered with picks guessed from its words."""
    result = make_bot(films, profiles).ask(said, user="cli:ty")
    assert profiles.rating("cli:ty", "heat-1995") == 5, result["reply"]
    assert "you loved Heat (1995)" in result["reply"] and result["recommendations"] == []


@pytest.mark.parametrize(
    "said", ["which is older, alien or heat?", "is alien older than heat?", "which came out first, heat or alien?"]
)
def test_which_of_two_films_is_older_gives_both_years(films, profiles, said):
    """ "which is older, alien or heat?" answered with sci-fi picks about aliens."""
    result = make_bot(films, profiles).ask(said, user="cli:old")
    assert result["recommendations"] == []
    assert "Alien (1979) is the older" in result["reply"] and "1995 for Heat (1995)" in result["reply"], result["reply"]


def test_which_of_two_films_is_longer_says_so_when_one_length_is_unknown(films, profiles):
    """Alien was called "the longest" of the two when Heat's length was unknown."""
    result = make_bot(films, profiles).ask("which one is longer, heat or alien?", user="cli:long")
    assert result["reply"].startswith("I can't tell: I don't have that figure for Heat (1995)."), result["reply"]
    assert "Alien (1979) is at 117 minutes" in result["reply"] and "longest" not in result["reply"]


@pytest.mark.parametrize(
    ("said", "liked", "disliked"),
    [
        ("I loved Interstellar but hated Starman", "interstellar-2014", "starman-1984"),
        ("I liked Heat but not Collateral", "heat-1995", "collateral-2004"),
        ("I loved Interstellar, not Starman", "interstellar-2014", "starman-1984"),
        ("Heat was amazing, Collateral not so much", "heat-1995", "collateral-2004"),
    ],
)
def test_each_film_of_one_message_gets_its_own_verdict(films, profiles, said, liked, disliked):
    """ "I liked Heat but not Collateral" noted both as liked; "Heat was amazing, Collateral not so much"
    noted Collateral as loved and Heat not at all."""
    make_bot(films, profiles).ask(said, user="cli:mix")
    assert profiles.rating("cli:mix", liked) >= 4 and profiles.rating("cli:mix", disliked) <= 2


def test_a_film_not_hated_gets_no_verdict(films, profiles):
    """ "I hated Heat but not Collateral": Collateral was noted as hated too."""
    result = make_bot(films, profiles).ask("I hated Heat but not Collateral", user="cli:nh")
    assert profiles.rating("cli:nh", "heat-1995") == 1 and profiles.rating("cli:nh", "collateral-2004") is None
    assert "Collateral" not in result["reply"]


@pytest.mark.parametrize("said", ["I loved XXX (2016)", "I loved Heat (2016)"])
def test_a_title_typed_with_another_year_is_a_film_the_catalog_lacks(films, profiles, said):
    """ "I loved XXX (2016)" noted xXx (2002): the year typed names another film."""
    result = make_bot(films, profiles).ask(said, user="cli:yr")
    assert profiles.rating("cli:yr", "xxx-2002") is None and profiles.rating("cli:yr", "heat-1995") is None
    assert result["reply"].startswith("I couldn't find “"), result["reply"]
    assert "(2016)”" in result["reply"] and result["recommendations"] == []


def test_a_title_typed_with_its_own_year_or_one_off_is_that_film(films):
    assert understand("I loved Heat (1995)", films).like_titles == ["heat-1995"]
    assert understand("I loved Heat (1996)", films).like_titles == ["heat-1995"]
    assert understand("I loved Heat (2013)", films).like_titles == ["the-heat-2013"]


@pytest.mark.parametrize("said", ["I never saw Heat", "i haven't seen heat"])
def test_a_film_said_not_seen_is_no_request_for_films_like_it(films, profiles, said):
    """ "I never saw Heat" answered with picks like Heat."""
    result = make_bot(films, profiles).ask(said, user="cli:ns")
    assert result["recommendations"] == [] and result["reply"].startswith("So Heat (1995) is new to you;")
    assert profiles.rating("cli:ns", "heat-1995") is None and not profiles.has_watched("cli:ns", "heat-1995")


def test_a_film_said_not_seen_that_the_catalog_lacks_is_said_to_be_missing(films, profiles):
    """ "I never saw XXX (2016)" answered with picks like xXx (2002)."""
    result = make_bot(films, profiles).ask("I never saw XXX (2016)", user="cli:nx")
    assert result["recommendations"] == [] and result["reply"].startswith("I couldn't find “XXX (2016)”")


def test_a_film_said_not_seen_but_held_as_watched_says_how_to_take_it_off(films, profiles):
    bot = make_bot(films, profiles)
    bot.ask("I loved Heat", user="cli:nw")
    result = bot.ask("I never saw Heat", user="cli:nw")
    assert "Your history has Heat (1995) as watched" in result["reply"] and result["recommendations"] == []


def test_not_seen_beside_a_request_still_asks(films, profiles):
    result = make_bot(films, profiles).ask("I haven't seen Heat, anything similar?", user="cli:na")
    assert ids(result) and "heat-1995" not in ids(result)


@pytest.mark.parametrize(
    "said",
    ["Yes, I really appreciate your help! thank you!", "I'm good, are you still there?",
     "thanks for the suggestions :) and you too!"],
)  # fmt: skip
def test_pleasantries_from_redial_seekers_ask_for_no_picks(films, profiles, said):
    """ReDial seekers' goodbyes and small talk were answered with picks guessed from their words."""
    result = make_bot(films, profiles).ask(said, user="cli:pl")
    assert result["recommendations"] == [] and "didn't catch" not in result["reply"], result["reply"]


def test_a_film_refused_after_but_not_like_is_refused(films, profiles):
    """ReDial: "something kind of like The Hunger Games (2012) but not like The Maze Runner (2014)" went
    by both films, as if both were liked."""
    said = understand("something like Heat (1995) but not like Ronin (1998)", films)
    assert (said.like_titles, said.exclude_titles) == (["heat-1995"], ["ronin-1998"])


def test_the_bots_taste_is_no_verdict_of_the_user(films, profiles):
    """ReDial: "Too bad you don't like scary movies. I guess Alien is out of the question then" noted
    Alien as disliked by the user."""
    bot = make_bot(films, profiles)
    bot.ask("Too bad you don't like scary movies. I guess Alien (1979) is out of the question then.", user="cli:you")
    assert profiles.rating("cli:you", "alien-1979") is None


def test_not_a_huge_fan_of_a_genre_refuses_it(films, profiles):
    """ReDial: "I have not seen that, but I'm not a huge sci fi fan" gave sci-fi picks "as you asked"."""
    result = make_bot(films, profiles).ask("I have not seen that, but I'm not a huge sci fi fan", user="cli:sf")
    assert ids(result) and not any("sci-fi" in films.movies[i].genres for i in ids(result)), result["reply"]


def test_a_genre_disliked_beside_a_film_praised_leaves_the_film_liked(films, profiles):
    """ "I don't like horror, but Alien (1979) was great" noted Alien as disliked: the verdict on horror
    was read as the film's."""
    make_bot(films, profiles).ask("I don't like horror, but Alien (1979) was great", user="cli:gh")
    assert profiles.rating("cli:gh", "alien-1979") == 4


@pytest.mark.parametrize("said", ["sorry, bye", "Same !", "Same page then!"])
def test_more_chatter_from_redial_seekers_asks_for_no_picks(films, profiles, said):
    result = make_bot(films, profiles).ask(said, user="cli:ch")
    assert result["recommendations"] == [] and "didn't catch" not in result["reply"], result["reply"]


@pytest.mark.parametrize("said", ["But thank you", "Thanks for the good suggestions!"])
def test_thanks_said_otherwise_asks_for_no_picks(films, profiles, said):
    """ReDial seekers' "But thank you" and "Thanks for the good suggestions!" were answered with picks."""
    result = make_bot(films, profiles).ask(said, user="cli:tk")
    assert result["recommendations"] == [] and "didn't catch" not in result["reply"], result["reply"]
