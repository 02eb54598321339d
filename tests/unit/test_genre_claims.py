"""A reason calls a pick only what its card lists: "An action crime thriller, like Heat" was said
of Inception, whose card reads "action, thriller, sci-fi" (crime is seventh in MovieLens's list)."""

import random
import re

from agent.explanations import reasons_for, template_explanation
from store.movie import Movie
from store.vocab import GENRES

HEAT = Movie("heat-1995", "Heat", 1995, genres=["action", "crime", "thriller"])
INCEPTION = Movie("inception-2010", "Inception", 2010,
                  genres=["action", "thriller", "sci-fi", "mystery", "adventure", "crime", "drama"])  # fmt: skip


def _genres_named(reason: str, *titles: str) -> set[str]:
    for title in titles:  # a title is no claim about a genre
        reason = reason.replace(title, "")
    words = {g: g.replace("film-noir", "noir") for g in GENRES}
    return {g for g, word in words.items() if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", reason)}


def test_a_genre_the_card_does_not_list_is_never_claimed(catalog):
    reasons = reasons_for(INCEPTION, request={"like_titles": [HEAT.id]}, anchors=[HEAT], profile=None,
                          catalog=catalog)  # fmt: skip
    text = template_explanation(INCEPTION, reasons)
    assert "crime" not in text
    assert text.startswith("An action thriller, like Heat")


def test_every_genre_a_reason_names_is_on_the_picks_card_and_the_references(catalog):
    rng = random.Random(7)
    claims = 0
    for n in range(400):
        pick = Movie(f"pick-{n}", f"Pick {n}", 2000, genres=rng.sample(GENRES, rng.randint(1, 7)))
        anchor = Movie(f"ref-{n}", f"Ref {n}", 1990, genres=rng.sample(GENRES, rng.randint(1, 5)))
        for reason in reasons_for(pick, request={"like_titles": [anchor.id]}, anchors=[anchor], profile=None,
                                  catalog=catalog):  # fmt: skip
            named = _genres_named(reason, pick.title, anchor.title)
            claims += bool(named)
            assert named <= set(pick.main_genres) & set(anchor.genres), (reason, pick.genres, anchor.genres)
    assert claims > 50  # the property was put to the test, not passed by saying nothing
