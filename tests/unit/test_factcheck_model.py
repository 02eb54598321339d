"""A model's explanation is checked in every sentence, clause and parenthesis (issue 15): false
claims after "as you asked", in later sentences or in brackets never reach the user."""

from __future__ import annotations

import pytest

from agent.factcheck import Grounding, check
from agent.llm import StructuredLLM
from tests.fakes import FakeChatModel
from tests.unit.test_graph import ids, make_bot

NINETIES_CRIME = {"genres": ["crime"], "year_min": 1990, "year_max": 1999}
WELL_MADE = "Tense and well made."


@pytest.mark.parametrize(
    "lie",
    [
        "A crime film, as you asked, directed by Steven Spielberg.",  # after "as you asked"
        "As you asked, a 1970s western.",  # "as you asked" leading
        "A crime film, as you asked, and a 1970s film as you asked.",  # the second of two
        "It runs 500 minutes.",  # a later sentence, no "as you asked"
        "It is a romance musical.",
        "It was released in 1971.",
        "It is in Japanese.",
        "Starring Meryl Streep.",
    ],
)
def test_a_false_claim_anywhere_in_a_models_text_is_dropped(starter, lie):
    film = starter.movies["the-usual-suspects-1995"]
    assert check(f"{WELL_MADE} {lie}", film, NINETIES_CRIME, model_written=True) == WELL_MADE
    assert check(f"{lie} {WELL_MADE}", film, NINETIES_CRIME, model_written=True) == WELL_MADE


@pytest.mark.parametrize(
    "lie",
    [  # said by a fake model of The Usual Suspects (1995, 106 min) to a user who rated nothing
        "Tom Hanks gives a career-best performance here.",
        "Meryl Streep is unforgettable in it.",
        "Spielberg's most personal film.",
        "Kubrick directed it as his last film.",
        "Made in the early 1980s, it still holds up.",
        "A late-80s gem.",
        "It grossed over $300 million worldwide.",
        "Nominated for seven Academy Awards.",
        "A 3-hour epic you'll want to savour.",
        "A gentle, family-friendly watch with no violence at all, perfect for kids.",
        "You rated three Tarantino films 5 stars, so this fits.",
        "You've told me you love slow-burn heist stories.",
        # seen getting through from a fake OpenAI-compatible server
        "This 1987 film stars Kevin Spacey.",  # a year anywhere
        "Singer made it in 1987.",
        "A Korean crime film.",  # a nationality anywhere
        "A British crime caper.",
        "Rated 9.7/10 by critics.",  # a score
        "An IMDb rating of 6.2 undersells it.",
        "Clocking in at just over an hour.",  # lengths as people say them
        "A tight 1h35 thriller.",
        "A quick watch under an hour and a half.",
        "Features Leonardo DiCaprio as the killer.",  # a name inside a run of capitals
        "Starring tom hanks and meryl streep.",  # a name in lower case
        "DiCaprio is chilling in it.",
        "Pure horror from start to finish.",  # a genre word anywhere
        "And it's animated.",
        "Music by Hans Zimmer gives it pulse.",  # what the catalog never records
        "It was shot in black and white.",
        "A silent film for patient viewers.",
        "A sixties caper at heart.",  # a decade in words
        # and from a review of the gate
        "It holds a 9.2 on IMDb.",
        "It scores 9.2 with audiences.",
        "Rated 4.5 stars by critics.",
        "It has 92% on Rotten Tomatoes.",
        "It came out in '75.",
        "Hans Zimmer's score drives the tension.",
        "A spanish-language thriller.",
        "A twisty film by spielberg.",
        "A chilling Kubrick 1975 classic.",
    ],
)
def test_a_model_sentence_naming_what_the_catalog_cant_vouch_for_is_dropped(starter, lie):
    """Rephrasings got past the gate: "X's film", "X is in it", "early 1980s", "3-hour", awards, the user's history."""
    film = starter.movies["the-usual-suspects-1995"]
    grounding = Grounding(starter.people_index(), starter.surname_index(), frozenset())
    assert check(f"{WELL_MADE} {lie}", film, NINETIES_CRIME, model_written=True, grounding=grounding) == WELL_MADE


def test_a_model_sentence_true_of_the_film_and_the_user_is_kept(starter):
    film = starter.movies["the-usual-suspects-1995"]
    grounding = Grounding(starter.people_index(), starter.surname_index(), frozenset({"heat"}))
    true = ("Kevin Spacey and Gabriel Byrne lead a mid-90s puzzle. Singer's twisty crime film runs under two hours. "
            "Since you loved Heat, its heist crew should appeal.")  # fmt: skip
    assert film.year == 1995 and "Kevin Spacey" in film.cast and "Gabriel Byrne" in film.cast
    assert check(true, film, NINETIES_CRIME, model_written=True, grounding=grounding) == true


@pytest.mark.parametrize(
    ("film_id", "true"),
    [
        ("pulp-fiction-1994", "Pulp Fiction (1994) is a crime drama directed by Quentin Tarantino."),
        ("pulp-fiction-1994", "It's over two hours long, with Samuel L. Jackson and Uma Thurman."),
        ("pulp-fiction-1994", "Rated 8.9/10, an American crime classic set in Los Angeles."),
        ("the-silence-of-the-lambs-1991", "Jodie Foster and Anthony Hopkins face off in a psychological thriller."),
        ("the-silence-of-the-lambs-1991", "Just under two hours of dread, directed by Jonathan Demme."),
        ("the-usual-suspects-1995", "A 1995 puzzle that runs 1h46; Keyser Söze is the name to remember."),
        ("american-beauty-1999", "A father in his forties rebels against his empty life."),  # an age, no era
        ("apocalypse-now-1979", "The Kurtz sequence alone runs nearly half an hour."),  # a scene's length
        ("apocalypse-now-1979", "It runs 2 hours 27 minutes, rated 8.4 out of 10."),
        ("apocalypse-now-1979", "Brando gives one of his most animated performances."),
    ],
)  # fmt: skip
def test_true_sentences_of_a_model_are_kept_however_they_are_put(starter, film_id, true):
    film = starter.movies[film_id]
    grounding = Grounding(starter.people_index(), starter.surname_index(), frozenset())
    assert check(true, film, {}, model_written=True, grounding=grounding) == true


def test_a_models_own_you_asked_for_never_hides_what_a_pick_misses(starter):
    film = starter.movies["the-usual-suspects-1995"]
    sixties = {"genres": ["comedy"], "year_min": 1960, "year_max": 1969}
    for claim in ("A perfect match: it fits everything you asked for.", "Exactly what you were after.",
                  "It ticks every box.", "Matches your request perfectly."):  # fmt: skip
        said = check(f"{claim} {WELL_MADE}", film, sixties, model_written=True)
        missed = "not a comedy film (crime, mystery, thriller), unlike what you asked for"
        assert said == f"From 1995, 26 years outside the 1960s you asked for; {missed}. {WELL_MADE}"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Tense and well made (a 1970s French western, as you asked).", WELL_MADE),
        ("Tense and well made (directed by Steven Spielberg).", WELL_MADE),
        ("A 1970s western (as you asked). Tense and well made.", WELL_MADE),
        ("A 1990s crime film, as you asked (runs 300 minutes). Tense and well made.",
         "A 1990s crime film, as you asked. Tense and well made."),
    ],
)  # fmt: skip
def test_a_false_parenthesis_is_cut_and_what_it_vouches_for_is_checked(starter, text, kept):
    film = starter.movies["the-usual-suspects-1995"]
    assert check(text, film, NINETIES_CRIME, model_written=True) == kept


def test_true_claims_of_a_model_stand_wherever_they_are(starter):
    film = starter.movies["the-usual-suspects-1995"]
    text = (
        "A 1990s crime film, as you asked (directed by Bryan Singer). Released in 1995, it runs 106 minutes, "
        "starring Kevin Spacey; a mystery film with a famous twist."
    )
    assert check(text, film, NINETIES_CRIME, model_written=True) == text


def test_the_graph_drops_a_models_sneaked_in_claims(starter, profiles):
    model = FakeChatModel()
    bot = make_bot(starter, profiles, llm=StructuredLLM(model, initial_wait=0.0))
    understood = {"intent": "recommend", **NINETIES_CRIME}
    model.queue(understood, {"explanations": []})
    picked = ids(bot.ask("a 90s crime film", user="cli:kim"))
    sneaky = [
        "A crime film, as you asked, from 1971 and directed by Steven Spielberg. Tense and well made.",
        "Tense and well made (a 1970s French western, as you asked). It runs 500 minutes.",
        "Tense and well made. As you asked, it is a musical in Japanese.",
    ]
    model.queue(understood, {"explanations": [{"id": m, "text": t} for m, t in zip(picked, sneaky, strict=False)]})
    result = bot.ask("a 90s crime film", user="cli:kim2")
    assert ids(result) == picked
    for rec in result["recommendations"]:
        assert rec["explanation"] == WELL_MADE


def test_the_users_history_is_matched_by_whole_titles_and_the_films_own_story_counts(starter):
    """A user who rated "It" let "You rated three Tarantino films highly, so this fits." through ("it"
    in "fits"); "Bruce Wayne returns to Gotham" was cut as a claim about John Wayne."""
    suspects = starter.movies["the-usual-suspects-1995"]
    rated_it = Grounding(starter.people_index(), starter.surname_index(), frozenset({"it"}))
    lie = "You rated three Tarantino films highly, so this fits."
    assert check(f"{WELL_MADE} {lie}", suspects, NINETIES_CRIME, model_written=True, grounding=rated_it) == WELL_MADE
    batman = next(m for m in starter.movies.values() if "Bruce Wayne" in (m.overview or ""))
    true = "Bruce Wayne comes home to fight crime."
    grounding = Grounding(starter.people_index(), starter.surname_index(), frozenset())
    assert check(true, batman, {}, model_written=True, grounding=grounding) == true


def test_a_model_may_not_vouch_for_years_that_only_stand_in(starter):
    """ "a black and white film" reads as films up to 1965, a stand-in the reply's caveat owns: a model's
    "A 1995 film, as you asked" is dropped, and the same words stay when the user said the years."""
    film = starter.movies["the-usual-suspects-1995"]
    stand_in = {"year_max": 1999, "years_stand_in": True}
    assert check(f"{WELL_MADE} A 1995 film, as you asked.", film, stand_in, model_written=True) == WELL_MADE
    said = {"year_max": 1999}
    vouched = f"{WELL_MADE} A 1995 film, as you asked."
    assert check(vouched, film, said, model_written=True) == vouched
