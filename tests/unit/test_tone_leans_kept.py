"""A lean to a tone's genre is said on every turn it leans: "more" after "a war drama" and
"something funnier" still leaned to comedy but said only "war drama films". And "less grim" after a
request leans lighter as "something lighter" does."""

from __future__ import annotations

import json

import pytest

from agent.nodes.understand import TONE_UNLABELLED
from agent.understanding.comparative_tone import TONE_BY_GENRE
from store.movie import make_id
from store.starter import starter_catalog_path
from tests.unit.test_graph import make_bot
from tests.unit.test_requests_honoured import catalog_of


@pytest.fixture(scope="module")
def toneless(tmp_path_factory):
    """The starter catalog with no film's tone labelled, and six more war comedies, so that a second
    page of them is there for "more"."""
    lines = starter_catalog_path().read_text(encoding="utf-8").splitlines()
    films = [{**json.loads(line), "moods": []} for line in lines if line.strip()]
    extra = [(f"Barracks Laughs {n}", 1960 + n) for n in range(6)]
    films += [
        {"id": make_id(title, year), "title": title, "year": year, "genres": ["comedy", "drama", "war"],
         "directors": ["Ann Example"], "cast": [], "runtime": 100, "language": "en", "country": "US",
         "rating": 7.0, "votes": 20000, "keywords": [], "moods": [],
         "overview": "Soldiers in a wartime barracks get into one scrape after another."}
        for title, year in extra
    ]  # fmt: skip
    catalog = catalog_of(tmp_path_factory.mktemp("toneless"), films)
    yield catalog
    catalog.close()


@pytest.mark.parametrize("said", ["something funnier", "something lighter"])
def test_more_after_a_leaning_follow_up_still_says_it_leans(toneless, profiles, said):
    bot = make_bot(toneless, profiles)
    user = f"cli:more-{said}"
    bot.ask("a war drama", user=user)
    bot.ask(said, user=user)
    more = bot.ask("more", user=user)
    assert more["understood"]["genres"] == ["war", "drama"]
    assert any("comedy" in r["genres"] for r in more["recommendations"])
    assert "war drama films, leaning to comedy." in more["intro"]


def test_a_new_genre_ends_the_lean(toneless, profiles):
    bot = make_bot(toneless, profiles)
    bot.ask("a war drama", user="cli:new")
    bot.ask("something funnier", user="cli:new")
    later = bot.ask("a horror film instead", user="cli:new")
    assert "leaning to comedy" not in later["intro"]


@pytest.mark.parametrize("said", ["less grim", "something less dark", "less bleak please", "less depressing"])
def test_less_grim_after_a_request_leans_lighter_and_says_so(toneless, profiles, said):
    """It refused dark moods the catalog cannot check and said only that it can't promise a tone."""
    bot = make_bot(toneless, profiles)
    user = f"cli:less-{said}"
    bot.ask("a war drama", user=user)
    later = bot.ask(said, user=user)
    assert later["understood"]["genres"] == ["war", "drama"]
    assert later["intro"].startswith(TONE_BY_GENRE) and TONE_UNLABELLED not in later["intro"]
    assert "war drama films, leaning to comedy." in later["intro"]
    assert any("comedy" in r["genres"] for r in later["recommendations"])


def test_like_a_film_but_less_grim_still_only_refuses_dark_moods(toneless, profiles):
    """A first message with a film to go by keeps its reading: films like Se7en, no lean to comedy."""
    said = make_bot(toneless, profiles).ask("like se7en but less grim", user="cli:se7en")
    assert said["intro"].startswith(TONE_UNLABELLED) and "leaning" not in said["intro"]
    assert "like Se7en" in said["intro"]
