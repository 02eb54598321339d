"""What an answer says it went by: a theme the picks carry, a true story as its tag, a genre a
theme word implies yielding to its refusal, years past the catalog's end, and a loosened rating
floor that a 10.0 from one vote does not stand in for."""

from __future__ import annotations

import re

from agent.nodes.rank import rank
from agent.nodes.reply import intro_line
from agent.understanding.reader import understand
from store.filters import has_tag
from tests.unit.test_requests_honoured import catalog_of, make_bot, picked
from tests.unit.test_understanding import LOOKUP


def test_a_theme_every_pick_carries_is_what_the_first_line_says_they_are_about(starter, profiles):
    """ "a christmas movie that isn't cheesy" and "a movie about a dog" answered under a bare
    "Here are 3 picks:", though each reason said '"christmas" is among its themes'."""
    said = make_bot(starter, profiles).ask("a christmas movie that isn't cheesy", user="cli:xmas", k=3)
    assert all(any("christmas" in k.lower() for k in m.keywords) for m in picked(starter, said))
    assert 'Here are 3 picks: films about "christmas".' in said["reply"]
    assert not said["intro"].endswith("picks:")


def test_a_theme_only_some_picks_carry_is_said_of_those_only():
    request = {"genres": ["comedy"], "keywords": ["dog"]}
    assert intro_line(request, 3, None, picked_themes={"dog": 3}) == 'Here are 3 picks: comedy films about "dog".'
    assert intro_line(request, 3, None, picked_themes={"dog": 1}) == 'Here are 3 picks: comedy films, 1 tagged "dog".'
    # "none about "robots"" was said over Terminator 2, which may be about robots untagged: only the tags are said
    intro = intro_line({"keywords": ["dog"]}, 3, None, picked_themes={"dog": 0})
    assert intro == 'Here are 3 picks: none tagged "dog".'


def test_a_true_story_is_required_as_the_tag_tmdb_gives_it():
    """ "based on a true story, about war" answered war films (Forrest Gump among them): the theme
    "based on a true story" is a tag 2 films carry, where TMDB tags 51 "based on true story"."""
    for text in ("based on a true story, about war", "a war film about real events", "a true story war movie"):
        read = understand(text, LOOKUP)
        assert read.genres == ["war"] and read.require_keywords == ["based on true story"], text
        assert "true" not in read.query and not read.keywords, text
    assert understand("nothing based on a true story", LOOKUP).exclude_keywords == ["based on true story"]


def test_true_story_picks_carry_the_tag_and_say_so(starter, profiles):
    said = make_bot(starter, profiles).ask("a drama based on a true story", user="cli:true", k=3)
    shown = picked(starter, said)
    assert shown and all(has_tag(m.keywords, "based on true story") for m in shown)
    assert 'tagged "based on true story"' in said["intro"]


def test_a_refused_genre_wins_over_one_a_theme_word_only_implies():
    """ "movies set in space that are not sci-fi" asked for sci-fi and refused it, said "sci-fi
    films, no sci-fi", then loosened the genres."""
    read = understand("movies set in space that are not sci-fi", LOOKUP)
    assert read.genres == [] and read.exclude_genres == ["sci-fi"] and read.keywords == ["space"]
    read = understand("no sci-fi, something about robots", LOOKUP)
    assert read.genres == [] and read.exclude_genres == ["sci-fi"] and read.keywords == ["robots"]
    assert understand("a space movie", LOOKUP).genres == ["sci-fi"]  # still implied when nothing refuses it
    intro = intro_line({"exclude_genres": ["sci-fi"], "keywords": ["space"]}, 3, None, picked_themes={"space": 3})
    assert intro == 'Here are 3 picks: films about "space", no sci-fi.'


def test_years_past_the_catalogs_newest_film_are_said_to_be(starter, profiles):
    """ "a thriller from 2022" on a catalog ending in 2018 said only that it loosened the years to 2018."""
    said = make_bot(starter, profiles).ask("a thriller from 2026", user="cli:future", k=3)
    assert re.match(  # which years the picks are from depends on which thrillers lead
        r"My catalog's newest films are from 2024, so none are from 2026\. Nothing matched 2026 thriller films, "
        r"so I loosened the years \(picks from 2022(?: to 2023)?, outside 2026\)\. Here are 3 picks; all of them are "
        r"outside",
        said["reply"],
    ), said["reply"]  # not "Here are 3 picks: 2026 thriller films.", which none of them is
    assert said["reply"].count("newest films") == 1
    from agent.nodes.reply import beyond_catalog

    deps = make_bot(starter, profiles).deps
    assert beyond_catalog({"year_min": 1890, "year_max": 1899}, deps) == (
        "My catalog's oldest films are from 1920, so none are from the 1890s."
    )
    assert beyond_catalog({"year_min": 2020, "year_max": 2026}, deps) == ""  # some films fit


def test_a_loosened_rating_floor_prefers_ratings_enough_people_gave(tmp_path, profiles):
    """ "best movies of 2019" loosened the floor and answered Won't You Be My Neighbor?, "rated 10.0
    by only 1 person", over films rated by enough people to count."""
    films = [
        {"id": "lonely-2018", "title": "Lonely Ten", "year": 2018, "genres": ["documentary"], "rating": 10.0,
         "votes": 1, "keywords": ["neighbour"], "overview": "A documentary."},
        {"id": "counted-2018", "title": "Counted Seven", "year": 2018, "genres": ["comedy"], "rating": 7.5,
         "votes": 12, "overview": "A comedy."},
        {"id": "famous-1994", "title": "Famous Film", "year": 1994, "genres": ["drama"], "rating": 9.3,
         "votes": 2_000_000, "overview": "A drama."},
    ]  # fmt: skip
    catalog = catalog_of(tmp_path, films)
    try:
        deps = make_bot(catalog, profiles).deps
        state = {
            "request": {
                "year_min": 2019,
                "year_max": 2019,
                "min_rating": 8.0,
                "rating_words": "best",
                "keywords": ["neighbour"],
            },
            "candidates": [
                {"id": "lonely-2018", "relevance": 1.0, "quality": 0.5},
                {"id": "counted-2018", "relevance": 0.0, "quality": 0.5},
            ],
            "debug": {"relaxed": ["the rating floor", "the year range"]},
            "k": 1,
        }
        assert [p["id"] for p in rank(state, deps)["picks"]] == ["counted-2018"]
        state["debug"] = {"relaxed": ["the year range"]}  # the floor held: nothing to prefer
        state["request"] = {"year_min": 2019, "year_max": 2019, "keywords": ["neighbour"]}
        assert [p["id"] for p in rank(state, deps)["picks"]] == ["lonely-2018"]
    finally:
        catalog.close()


def test_a_plural_theme_is_carried_by_the_singular_tag(starter):
    """ "a zombie movie that's not horror" is the theme "zombies", and TMDB tags films "zombie": no
    film leaned to it or was said to carry it, and the answer went by nothing."""
    from agent.explanations import reasons_for
    from agent.scoring import _themes
    from store.movie import Movie

    movie = Movie("warm-2013", "Warm Bodies", 2013, genres=["comedy", "romance"], keywords=["zombie", "dogs"])
    reasons = reasons_for(movie, request={"keywords": ["zombies", "dog"]}, anchors=[], profile=None, catalog=starter)
    assert '"zombies" and "dog" are among its themes' in reasons
    assert _themes(movie, set(), set(), ["zombies"]) == 1.0


def test_a_true_story_asked_earlier_in_a_chat_handed_in_leans_instead_of_filtering():
    """A ReDial seeker asked "a good movie based on a true story?" and two turns on was meant Black Hawk
    Down, which the catalog does not tag so: the tag ruled out every untagged film for the rest of the chat.
    What was asked before the last message leans (agent.nodes.understand._fold_context)."""
    from agent.understanding.merge import lean

    earlier = lean({"require_keywords": ["based on true story"], "keywords": ["war"]}, places=True)
    assert earlier["require_keywords"] == [] and earlier["keywords"] == ["war", "based on true story"]
