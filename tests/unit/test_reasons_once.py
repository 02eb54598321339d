"""Each reason an explanation gives is said once: "With Sigourney Weaver, like Alien, which you loved
(5/5); shares the theme "android", like Alien, which you loved (5/5); Sigourney Weaver stars, as in
Alien, which you loved (5/5)" said one link three times."""

from __future__ import annotations

from agent.explanations import reasons_for, template_explanation
from agent.profile import build_profile
from store.movie import Movie

ALIEN = Movie("alien-1979", "Alien", 1979, genres=["horror", "sci-fi"], directors=["Ridley Scott"],
              cast=["Sigourney Weaver", "Tom Skerritt"], keywords=["android", "space"])  # fmt: skip
ALIENS = Movie("aliens-1986", "Aliens", 1986, genres=["horror", "action", "sci-fi"], directors=["James Cameron"],
               cast=["Sigourney Weaver", "Michael Biehn"], keywords=["android", "marine"], rating=7.7)  # fmt: skip
PROMETHEUS = Movie("prometheus-2012", "Prometheus", 2012, genres=["sci-fi"], directors=["Ridley Scott"],
                   cast=["Noomi Rapace"], keywords=["android"], rating=6.3)  # fmt: skip


def _said(movie, anchor, catalog, *, request=None, stars=5.0):
    catalog.movies[anchor.id] = anchor  # the user's rating is of a film the catalog holds
    try:
        profile = build_profile("cli:a", {anchor.id: stars}, set(), catalog)
        reasons = reasons_for(movie, request=request or {"like_titles": [anchor.id]}, anchors=[anchor],
                              profile=profile, catalog=catalog)  # fmt: skip
    finally:
        del catalog.movies[anchor.id]
    return template_explanation(movie, reasons)


def test_a_loved_reference_and_its_star_are_each_said_once(catalog):
    text = _said(ALIENS, ALIEN, catalog)
    assert text.count("which you loved (5/5)") == 1
    assert text.count("like Alien") == 1
    assert text.count("Sigourney Weaver") == 1
    assert text.startswith('With Sigourney Weaver and sharing the theme "android", like Alien, which you loved (5/5)')


def test_a_shared_director_is_not_said_again_as_the_same_director_as_a_loved_film(catalog):
    text = _said(PROMETHEUS, ALIEN, catalog)
    assert text.count("Ridley Scott") == 1 and text.count("which you loved (5/5)") == 1


def test_a_director_asked_for_is_not_said_again_as_shared_with_the_reference(catalog):
    """ "christopher nolan films", then "more like the second one": "Directed by Christopher Nolan,
    like The Dark Knight; ...; directed by Christopher Nolan, as you asked"."""
    request = {"people": ["Ridley Scott"], "like_titles": [ALIEN.id]}
    reasons = reasons_for(PROMETHEUS, request=request, anchors=[ALIEN], profile=None, catalog=catalog)
    text = template_explanation(PROMETHEUS, reasons)
    assert text.count("Ridley Scott") == 1 and "directed by Ridley Scott, as you asked" in text
    assert 'Shares the theme "android", like Alien' in text
