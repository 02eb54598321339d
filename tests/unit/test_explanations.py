from agent.explanations import links_to, named_titles, reasons_for, render_movies, template_explanation, your_rating
from agent.profile import build_profile
from store.movie import Movie


def test_named_titles_reads_titles_not_names_or_sentence_starts(catalog):
    heat, insider = "heat-1995", "the-insider-1999"
    assert heat in named_titles("A tense sibling of Heat, with Al Pacino again.", catalog)
    assert insider in named_titles('Michael Mann also made "The Insider".', catalog)
    assert named_titles("It was a dark and stormy night.", catalog) == set()
    ignore = {"michael mann"}
    assert named_titles("Directed by Michael Mann.", catalog, ignore=ignore) == set()


def test_template_cites_shared_facts_with_reference_and_history(catalog):
    insider = catalog.movies["the-insider-1999"]
    profile = build_profile("cli:a", {"heat-1995": 5.0}, set(), catalog)
    reasons = reasons_for(
        insider,
        request={"year_min": 1990, "year_max": 1999, "genres": ["thriller"]},
        anchors=[catalog.movies["se7en-1995"]],
        profile=profile,
        catalog=catalog,
    )
    text = template_explanation(insider, reasons)
    assert "Same director as Heat (Michael Mann), which you loved (5/5)" in text
    assert "a 1990s thriller, as you asked" in text
    assert text.endswith("fight to get his story on air.")


def test_a_reference_title_the_user_rated_is_cited_with_the_rating(catalog):
    insider = catalog.movies["the-insider-1999"]
    heat = catalog.movies["heat-1995"]
    rated = build_profile("cli:a", {"heat-1995": 4.5}, set(), catalog)
    cited = reasons_for(insider, request={}, anchors=[heat], profile=rated, catalog=catalog)
    assert "by Michael Mann, like Heat, which you liked (4.5/5)" in cited[0]
    unrated = reasons_for(insider, request={}, anchors=[heat], profile=None, catalog=catalog)
    assert unrated[0].endswith(", like Heat")


def test_render_movies_carries_every_fact_the_model_may_use(catalog):
    block = render_movies([catalog.movies["parasite-2019"]], {"parasite-2019": ["rated 8.5"]})
    for fact in ("id: parasite-2019", "Parasite (2019)", "Bong Joon Ho", "132 min", "Korean", "8.5/10",
                 "class divide", "why it fits: rated 8.5"):  # fmt: skip
        assert fact in block


def test_the_synopsis_sentence_is_not_cut_at_an_initial_or_an_abbreviation():
    from agent.explanations import first_sentence

    medic = "World War II American Army Medic Desmond T. Doss refuses to kill people. He serves anyway."
    assert first_sentence(medic) == "World War II American Army Medic Desmond T. Doss refuses to kill people."
    rangers = "When U.S. Rangers attempt to kidnap two underlings, things go wrong. More follows."
    assert first_sentence(rangers) == "When U.S. Rangers attempt to kidnap two underlings, things go wrong."


def test_a_genre_shared_with_a_reference_takes_its_article(catalog):
    """ "An action sci-fi film, like Inception", never "A action"."""
    anchor = Movie("inception-2010", "Inception", 2010, genres=["action", "sci-fi"])
    avatar = Movie("avatar-2009", "Avatar", 2009, genres=["action", "adventure", "sci-fi"])
    reasons = reasons_for(avatar, request={}, anchors=[anchor], profile=None, catalog=catalog)
    assert template_explanation(avatar, reasons).startswith("An action sci-fi film, like Inception")
    noir = Movie("laura-1944", "Laura", 1944, genres=["film-noir", "mystery"])
    reasons = reasons_for(noir, request={}, anchors=[Movie("x-1950", "X", 1950, genres=["film-noir", "mystery"])],
                          profile=None, catalog=catalog)  # fmt: skip
    assert template_explanation(noir, reasons).startswith("A noir mystery film, like X")


def test_a_pick_under_like_x_that_shares_only_a_genre_with_x_says_so(catalog):
    """ "something like amelie": Titanic came with only "Rated 7.5 from 7k votes" under "like Amélie"."""
    amelie = Movie("amelie-2001", "Amélie", 2001, genres=["comedy", "romance"])
    titanic = Movie("titanic-1997", "Titanic", 1997, genres=["drama", "romance"], rating=7.5, votes=7000)
    reasons = reasons_for(titanic, request={"like_titles": ["amelie-2001"]}, anchors=[amelie], profile=None,
                          catalog=catalog)  # fmt: skip
    assert template_explanation(titanic, reasons).startswith("A romance, like Amélie; rated 7.5")
    other = Movie("x-1990", "X", 1990, genres=["western"])
    assert not any("like Amélie" in r for r in reasons_for(other, request={}, anchors=[amelie], profile=None,
                                                           catalog=catalog))  # fmt: skip


def test_a_tone_is_contrasted_only_between_films_that_have_one(catalog):
    """ "a different tone (unlabelled rather than unlabelled)" was said of two films with no tone labels."""
    matrix = Movie("the-matrix-1999", "The Matrix", 1999, genres=["sci-fi"], moods=["dark", "mind-bending"])
    plain = Movie("x-1990", "X", 1990, genres=["sci-fi"])
    assert not any("tone" in link for link in links_to(plain, Movie("y-1991", "Y", 1991)))
    assert not any("tone" in link for link in links_to(plain, matrix))
    light = Movie("z-1992", "Z", 1992, moods=["light"])
    assert "a different tone (light rather than dark, mind-bending)" in links_to(light, matrix)


def test_a_single_vote_is_one_vote(catalog):
    gem = Movie("g-1975", "G", 1975, genres=["crime"], rating=8.0, votes=1)
    reasons = reasons_for(gem, request={"hidden_gem": True}, anchors=[], profile=None, catalog=catalog)
    assert "rated 8.0 yet only 1 vote" in reasons and "1 votes" not in " ".join(reasons)


def test_a_rating_is_owned_as_the_user_gave_it():
    """ "loved it" is stored as 5 stars: the reason says "which you loved (5/5)", never that they typed "5/5"."""
    assert your_rating(5.0) == "which you loved (5/5)"
    assert your_rating(4.0) == "which you liked (4/5)"
    assert your_rating(2.5) == "which you rated 2.5/5"
    assert your_rating(4.5, "like") == "which you liked 👍"  # a 👍, stored as 4.5 for ranking only
    assert your_rating(1.5, "dislike") == "which you gave a thumbs down 👎"


def test_a_pick_under_the_rating_floor_says_its_rating_once(catalog):
    """It said "Rated 9.0, under the 9.9 you asked for; rated 9.0 from 2.9M votes"."""
    heat = catalog.movies["heat-1995"]
    reasons = reasons_for(heat, request={"min_rating": 9.9}, anchors=[], profile=None, catalog=catalog)
    assert sum(f"rated {heat.rating:.1f}" in r for r in reasons) == 1
    assert reasons[0] == f"rated {heat.rating:.1f}, under the 9.9 you asked for"


def test_a_rating_floor_read_from_words_is_never_credited_to_the_user_as_a_number(catalog):
    """ "best documentaries" then "something shorter" said "Rated 7.8, under the 8 you asked for":
    the user said "best", never 8."""
    from agent.understanding.reader import understand

    best = understand("best documentaries", catalog)
    assert (best.min_rating, best.rating_words) == (8.0, "best")
    assert understand("documentaries rated 8+", catalog).rating_words == ""
    heat = catalog.movies["heat-1995"]
    request = {"min_rating": 9.9, "rating_words": "best"}
    reasons = reasons_for(heat, request=request, anchors=[], profile=None, catalog=catalog)
    assert reasons[0] == f'rated {heat.rating:.1f}, under 9.9, the rating I took "best" to mean'
    assert not any("you asked for" in r for r in reasons)
