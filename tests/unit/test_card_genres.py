"""A pick's card lists the genres asked for first, and every reason calls it only what the card shows:
300 (2006), "action, drama, war, fantasy", asked for as a fantasy film, has the card "fantasy, action,
drama", yet was called "A war drama, like Saving Private Ryan" and "also a war film" (war pushed off its
card by the fantasy asked for)."""

from __future__ import annotations

import random
import re

from agent.explanations import reasons_for
from agent.nodes.reply import recommendation
from agent.profile import Profile
from store.movie import MAIN_GENRES, Movie
from store.vocab import GENRES


def _genres_named(reason: str, *titles: str) -> set[str]:
    for title in titles:  # a title is no claim about a genre
        reason = reason.replace(title, "")
    return {g for g in GENRES if re.search(rf"(?<![\w-]){re.escape(g.replace('film-noir', 'noir'))}(?![\w-])", reason)}


def _card(movie: Movie, request: dict) -> list[str]:
    """The genres the terminal card shows (bot.cli.terminal): the first few of the pick's list."""
    asked = [*(request.get("genres") or []), *(request.get("any_genres") or [])]
    return recommendation(movie, "", 0.0, asked=asked)["genres"][:MAIN_GENRES]


def test_a_genre_asked_for_fourth_in_the_list_is_on_the_card_and_the_only_one_said_as_asked(starter):
    pick, anchor = starter.movies["300-2006"], starter.movies["saving-private-ryan-1998"]
    assert pick.genres.index("fantasy") >= MAIN_GENRES
    request = {"genres": ["fantasy"], "like_titles": [anchor.id]}
    reasons = reasons_for(pick, request=request, anchors=[anchor], profile=None, catalog=starter)
    assert "a fantasy film, as you asked" in reasons
    card = _card(pick, request)
    assert "fantasy" in card
    for reason in reasons:
        assert _genres_named(reason, pick.title, anchor.title) <= set(card), (reason, card)


def test_a_taste_reason_names_a_genre_the_card_shows(starter):
    pick = starter.movies["300-2006"]
    profile = Profile(user="cli:war", ratings={"saving-private-ryan-1998": 5.0, "gladiator-2000": 4.5},
                      genres={"war": 0.6, "action": 0.2, "drama": 0.1})  # fmt: skip
    request = {"genres": ["fantasy"]}
    reasons = reasons_for(pick, request=request, anchors=[], profile=profile, catalog=starter)
    card = _card(pick, request)
    assert not any("war film" in r for r in reasons), reasons
    for reason in reasons:
        assert _genres_named(reason, pick.title, "Saving Private Ryan", "Gladiator") <= set(card), (reason, card)


def test_every_genre_a_reason_names_is_on_the_card_when_the_asked_genre_is_far_down_the_list(catalog):
    rng = random.Random(11)
    claims = 0
    for n in range(400):
        genres = rng.sample(GENRES, rng.randint(4, 7))
        pick = Movie(f"pick-{n}", f"Pick {n}", 2000, genres=genres)
        anchor = Movie(f"ref-{n}", f"Ref {n}", 1990, genres=rng.sample(GENRES, rng.randint(2, 5)))
        request = {"genres": [rng.choice(genres[MAIN_GENRES:])], "like_titles": [anchor.id]}
        card = _card(pick, request)
        assert request["genres"][0] in card
        for reason in reasons_for(pick, request=request, anchors=[anchor], profile=None, catalog=catalog):
            named = _genres_named(reason, pick.title, anchor.title)
            claims += bool(named - set(request["genres"]))
            assert named <= set(card), (reason, pick.genres, card)
    assert claims > 20  # reasons beyond "as you asked" were put to the test
