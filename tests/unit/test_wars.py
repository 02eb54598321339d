"""A country refused in a war request is its war: "a war movie, no vietnam ones"."""

from __future__ import annotations

import pytest

from agent.deps import AgentConfig, Deps
from agent.recommender import Recommender
from agent.understanding.merge import fresh_request, merge_request
from agent.understanding.reader import understand
from agent.understanding.wars import wars_refused

VIETNAM_AS_A_COUNTRY = "I can ask for a country but not leave one out, so some of these may come from Vietnam."
ABOUT_VIETNAM = {"the-deer-hunter-1978", "apocalypse-now-1979", "platoon-1986", "full-metal-jacket-1987"}


@pytest.mark.parametrize(
    ("text", "refused", "caveats"),
    [
        ("a war movie, no vietnam ones", ["vietnam"], []),
        ("no vietnam ones, just a good war film", ["vietnam"], []),
        ("a war movie, nothing about vietnam", ["vietnam"], []),
        ("a drama, nothing about vietnam", ["vietnam"], []),  # a theme refused, war or not
        ("war films but not vietnam or france",
         ["vietnam"], ["I can ask for a country but not leave one out, so some of these may come from France."]),
        ("a drama, no vietnam ones", [], [VIETNAM_AS_A_COUNTRY]),  # no war asked for: the country
        ("a war movie, nothing about zombies", ["zombies"], []),  # it asked for zombie horror
    ],
)  # fmt: skip
def test_a_war_place_refused_with_war_films_is_its_war(starter, text, refused, caveats):
    """ "a war movie, no vietnam ones" said it could not leave out a country and kept Vietnam War
    films; "nothing about vietnam" asked for films about Vietnam."""
    said = understand(text, starter)
    assert (said.exclude_keywords, said.caveats, said.countries, said.keywords) == (refused, caveats, [], [])


def test_the_countries_no_filter_can_refuse_are_carried_as_data(starter):
    """The war reading takes its places from `countries_not_refused`, not from the caveat's words."""
    said = understand("a drama, nothing from the us, vietnam or france", starter)
    assert said.countries_not_refused == ["United States", "Vietnam", "France"]
    assert said.caveats == [
        "I can ask for a country but not leave one out, so some of these may come from the United States, "
        "Vietnam or France."
    ]
    war = wars_refused(said, war=True)
    assert (war.countries_not_refused, war.exclude_keywords) == (["United States", "France"], ["vietnam"])
    assert war.caveats == [
        "I can ask for a country but not leave one out, so some of these may come from the United States or France."
    ]
    assert said.caveats[0].endswith("Vietnam or France.")  # the reading it came from is left as it was


@pytest.mark.parametrize(
    ("text", "languages", "countries"),
    [("vietnamese films", ["vi"], []), ("a war film from vietnam", [], ["VN"]), ("a korean war movie", ["ko"], [])],
)
def test_a_war_place_asked_for_is_still_the_language_or_country(starter, text, languages, countries):
    said = understand(text, starter)
    assert (said.languages, said.countries, said.exclude_keywords) == (languages, countries, [])


def test_no_vietnam_ones_after_war_films_refuses_the_war(starter):
    first = fresh_request(understand("a war movie", starter), None)
    later = merge_request(first, understand("no vietnam ones", starter), last_picks=[], deps=None)
    assert (later["genres"], later["exclude_keywords"], later["caveats"]) == (["war"], ["vietnam"], [])
    other = merge_request(fresh_request(understand("a drama", starter), None), understand("no vietnam ones", starter),
                          last_picks=[], deps=None)  # fmt: skip
    assert (other["exclude_keywords"], other["caveats"]) == ([], [VIETNAM_AS_A_COUNTRY])


def test_the_war_films_shown_leave_out_the_vietnam_war_and_say_so(starter, profiles):
    bot = Recommender(Deps(catalog=starter, profiles=profiles, config=AgentConfig(explore=False)), None)
    every = {r["id"] for r in bot.ask("a war movie", user="cli:w", k=50)["recommendations"]}
    assert every >= ABOUT_VIETNAM
    for user, turns in (("cli:x", ["a war movie, no vietnam ones"]), ("cli:y", ["a war movie", "no vietnam ones"])):
        said = [bot.ask(text, user=user, k=50) for text in turns][-1]
        # after "a war movie" the 50 asked for were loosened: what fits is said first, not "picks: war films"
        assert 'war films, nothing about "vietnam"' in said["intro"]
        shown = {r["id"] for r in said["recommendations"]}
        assert shown and not shown & ABOUT_VIETNAM and "forrest-gump-1994" not in shown
        assert "Vietnam" not in said["reply"]
