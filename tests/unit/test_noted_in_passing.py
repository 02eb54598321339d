"""A verdict said beside a wish for more ("loved heat, what else?") is said back as it was stored
and as the same verdict said alone is: "you loved Heat (1995)", never "you liked Heat"."""

from __future__ import annotations

import pytest

from agent.explanations import taste_reason
from agent.profile import Profile
from agent.understanding.passing import facts_in_passing
from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(
    ("said", "stored", "noted"),
    [("loved heat, what else?", {"heat-1995": 5.0}, "Noted: you loved Heat (1995). "),
     ("I really loved heat, more like it", {"heat-1995": 5.0}, "Noted: you loved Heat (1995). "),
     ("liked heat, what else?", {"heat-1995": 4.0}, "Noted: you liked Heat (1995). "),
     ("loved heat and jaws 5, what else?", {"heat-1995": 5.0, "jaws-1975": 5.0},
      "Noted: 5 out of 5 for Jaws (1975); you loved Heat (1995). "),
     ("I hated Titanic, something else?", {"titanic-1997": None}, "Noted: Titanic (1997) wasn't for you. "),
     ("We've seen Inception and loved Amélie, anything for tonight?", {"amelie-2001": 5.0},
      "Noted: you've seen Inception (2010); you loved Amélie (2001). ")],
)  # fmt: skip
def test_a_verdict_beside_a_wish_for_more_is_said_back_as_stored(starter, profiles, said, stored, noted):
    result = make_bot(starter, profiles).ask(said, user="cli:more")
    assert result["reply"].startswith(noted), result["reply"]
    ratings = profiles.ratings("cli:more")  # a dislike: any stars of 2 or fewer (None)
    assert ratings == {m: ratings.get(m) if n is None and ratings.get(m, 5) <= 2 else n for m, n in stored.items()}
    assert result["recommendations"]


def test_the_note_and_the_reasons_after_it_use_the_same_verb(starter, profiles):
    """The picks' reasons said "like Heat, which you loved" right after a note that said "you liked Heat"."""
    result = make_bot(starter, profiles).ask("loved heat, what else?", user="cli:same")
    reasons = " ".join(r["explanation"] for r in result["recommendations"])
    assert "you loved Heat (1995)" in result["reply"] and "which you liked" not in reasons
    assert "which you loved" in reasons


@pytest.mark.parametrize(
    ("said", "panned"),
    [("hated titanic, something else?", ["titanic-1997"]), ("didn't like heat, what else?", ["heat-1995"]),
     ("a romance please, hated titanic", ["titanic-1997"]), ("a romance my wife hated, not titanic", []),
     ("films critics hated, not titanic", [])],
)  # fmt: skip
def test_a_verdict_against_a_film_with_no_i_before_it_is_kept(starter, profiles, said, panned):
    """ "hated titanic, something else?" stored nothing, where "loved heat, what else?" and "I hated
    Titanic, something else?" each kept their verdict: a clause that opens with the verdict is the user's."""
    assert list(facts_in_passing(said, starter).disliked) == panned
    result = make_bot(starter, profiles).ask(said, user="cli:bare")
    assert set(profiles.ratings("cli:bare")) == set(panned) and result["recommendations"]
    assert all(profiles.rating("cli:bare", m) <= 2 for m in panned)
    if panned:
        assert result["reply"].startswith(f"Noted: {starter.movies[panned[0]].label} wasn't for you. ")


@pytest.mark.parametrize(
    ("stars", "reaction", "verb"),
    [(5.0, "loved", "loved"), (4.0, "liked", "liked"), (5.0, None, "loved"), (4.5, None, "liked"),
     (5.0, "like", "liked")],
)  # fmt: skip
def test_a_reason_resting_on_one_liked_film_uses_the_users_own_verb(starter, stars, reaction, verb):
    """ "since you liked Amélie, also a comedy film" after "I loved Amélie", where the reason beside it says
    "which you loved": 5 stars or the word "loved" read "since you loved", a 👍 or 4 stars "since you liked"."""
    profile = Profile(user="cli:one", ratings={"amelie-2001": stars},
                      reactions={"amelie-2001": reaction} if reaction else {}, genres={"comedy": 0.5})  # fmt: skip
    comedy = next(m for m in starter.movies.values() if "comedy" in m.genres and m.id != "amelie-2001")
    assert taste_reason(comedy, profile, starter).startswith(f"since you {verb} Amélie, also a")
