"""A film refused with a wish for others, as the first message: "not interested in titanic, something
else?" noted Titanic and gave no picks, since "others" read as more only after earlier picks."""

from __future__ import annotations

from tests.unit.test_graph import make_bot


def test_a_film_refused_with_a_wish_for_others_first_is_noted_and_answered(starter, profiles):
    bot = make_bot(starter, profiles)
    said = bot.ask("not interested in titanic, something else?", user="cli:first")
    assert "titanic-1997" in profiles.dismissed("cli:first")
    assert said["reply"].startswith("Noted: I won't suggest Titanic (1997) again."), said["reply"]
    assert said["recommendations"] and "titanic-1997" not in {r["id"] for r in said["recommendations"]}
    assert said["understood"]["like_titles"] == []
    # refused alone, it asks for nothing, first or later
    alone = bot.ask("don't show me Heat again", user="cli:second")
    assert alone["intent"] == "dismissed" and alone["recommendations"] == []
