"""A film left out as part of a refused series is said to be so when asked about: "why not The Empire
Strikes Back?" after "nothing star wars" said "Nothing rules it out", though the refusal had."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def test_why_not_a_film_of_a_refused_series_names_the_refusal(starter, profiles):
    bot = make_bot(starter, profiles)
    asked = bot.ask("a space adventure, nothing star wars", user="cli:swn")
    assert asked["recommendations"]
    assert "empire strikes back" not in " ".join(r["title"].lower() for r in asked["recommendations"])
    answer = bot.ask("why not the empire strikes back?", user="cli:swn")
    assert answer["reply"] == (
        "You asked for nothing of Star Wars, so I left out its series, The Empire Strikes Back (1980) with it."
    )


def test_why_not_a_film_outside_the_refused_series_is_no_refusal(starter, profiles):
    bot = make_bot(starter, profiles)
    bot.ask("a space adventure, nothing star wars", user="cli:swo")
    answer = bot.ask("why not alien?", user="cli:swo")
    assert "nothing of Star Wars" not in answer["reply"], answer["reply"]
