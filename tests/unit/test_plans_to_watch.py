"""A plan to watch what was suggested is no request: ReDial seekers' "I'll check those out", "I will have to
check it out", "I need to see that last one", "I'll add it to my list" and "I will take a look." were each
answered with three more picks, opened by "I didn't find a genre, person, film, era or theme I know in your
message". They now say which films the user means to watch, and note nothing."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


def _labels(picks: list[dict]) -> list[str]:
    return [f"{p['title']} ({p['year']})" for p in picks]


@pytest.mark.parametrize("said", ["I'll check those out", "I will take a look.", "ok I might check them out"])
def test_a_plan_to_watch_the_picks_names_them_all(starter, profiles, said: str) -> None:
    bot = make_bot(starter, profiles)
    picks = bot.ask("I am looking for a comedy", user="cli:plan")["recommendations"]
    answer = bot.ask(said, user="cli:plan")
    assert answer["recommendations"] == [], answer["reply"]
    first, second, third = _labels(picks)
    assert answer["reply"].startswith(f"Enjoy {first}, {second} and {third}!"), answer["reply"]
    assert profiles.ratings("cli:plan") == {} and not profiles.watched("cli:plan")


@pytest.mark.parametrize(
    ("said", "place", "kept"),
    [
        ("I need to see that last one", 2, ""),
        ("I will add the second one to my list", 1, "I keep no watchlist, so I haven't added it anywhere. "),
        ("I will have to check out the first one", 0, ""),
    ],
)
def test_a_plan_to_watch_one_pick_names_it(starter, profiles, said: str, place: int, kept: str) -> None:
    bot = make_bot(starter, profiles)
    picks = bot.ask("I am looking for a comedy", user="cli:one")["recommendations"]
    answer = bot.ask(said, user="cli:one")
    assert answer["recommendations"] == [], answer["reply"]
    assert answer["reply"].startswith(f"{kept}Enjoy {_labels(picks)[place]}!"), answer["reply"]
    assert profiles.ratings("cli:one") == {} and not profiles.watched("cli:one")


@pytest.mark.parametrize("said", ["I will have to check it out", "I'll be sure to watch it soon", "maybe I'll try it"])
def test_a_plan_to_watch_the_only_pick_names_it(starter, profiles, said: str) -> None:
    bot = make_bot(starter, profiles)
    bot.ask("I am looking for a comedy", user="cli:it")
    (pick,) = bot.ask("One more movie rec?", user="cli:it")["recommendations"]
    answer = bot.ask(said, user="cli:it")
    assert answer["reply"].startswith(f"Enjoy {_labels([pick])[0]}!"), answer["reply"]


@pytest.mark.parametrize("said", ["I want to watch something like that", "I will never watch those, others please"])
def test_a_wish_for_other_films_still_gets_picks(starter, profiles, said: str) -> None:
    bot = make_bot(starter, profiles)
    bot.ask("I am looking for a comedy", user="cli:more")
    assert bot.ask(said, user="cli:more")["recommendations"]
