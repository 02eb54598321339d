"""A theme only the catalog's tags know ("movies about grief", "a film about chess") is the theme asked
for: before, such a message got "I didn't find a genre, person, film, era or theme I know" and popular
picks. A theme no pick carries is said ('none tagged "europe"'), and a message read only as a tone the
catalog labels no film with says its picks are a guess."""

from __future__ import annotations

import pytest

from agent.nodes.reply import intro_line
from agent.understanding.reader import understand
from store.filters import has_tag
from tests.conftest import catalog_of
from tests.unit.test_requests_honoured import make_bot, picked

GUESS = "I didn't find a genre, person, film, era or theme I know"


def film(n: int, title: str, keywords: list[str], *, genres: tuple[str, ...] = ("drama",)) -> dict:
    return {"id": f"f{n}", "title": title, "year": 1990 + n, "genres": list(genres), "directors": [],
            "cast": [], "runtime": 100, "language": "en", "country": "US", "rating": 7.0, "votes": 5000 + n,
            "keywords": keywords, "moods": [], "overview": f"{title}, a story of people."}  # fmt: skip


FILMS = [
    film(1, "Opening Gambit", ["chess", "prodigy"]),
    film(2, "The Last Endgame", ["chess"]),
    film(3, "Queen's Side", ["chess", "grief"]),
    film(4, "After the Rain", ["grief"]),
    film(5, "Quiet Rooms", ["grief", "3d"]),
    film(6, "Honey Fields", ["beekeeping"]),  # one film: too thin a tag to lean on
    film(7, "Loud Summer", ["friendship"], genres=("comedy",)),
    film(8, "Big Night Out", ["party"], genres=("comedy",)),
    film(9, "Ward Nine", ["cancer", "hospital"]),
    film(10, "Remission", ["cancer"]),
    film(11, "Chemo Days", ["cancer", "divorce"]),
    film(12, "Split", ["divorce"]),
    film(13, "Two Homes", ["divorce"]),
]


@pytest.fixture(scope="module")
def toneless(tmp_path_factory):
    """A catalog whose films carry tags but no tone labels, as TMDB 5000 and MovieLens give none."""
    catalog = catalog_of(tmp_path_factory.mktemp("themes"), FILMS)
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("a film about chess", "chess"),
        ("movies about grief", "grief"),
        ("something involving chess please", "chess"),
        ("I was thinking about some grief movies", "grief"),
    ],
)
def test_a_word_after_about_that_films_are_tagged_with_is_the_theme(toneless, text, theme):
    assert understand(text, toneless).keywords == [theme]


@pytest.mark.parametrize(
    "text",
    [
        "a film about beekeeping",  # one film carries it
        "tell me about the second one",
        "what is it about?",
        "a film about 3d",  # how a film was shown, never what it is about
    ],
)
def test_no_theme_is_made_of_a_thin_tag_or_of_talk_about_the_picks(toneless, text):
    assert understand(text, toneless).keywords == []


def test_a_theme_the_phrasebook_reads_is_not_read_twice(toneless):
    assert understand("a movie about a robot", toneless).keywords == ["robots"]
    assert understand("nothing about zombies", toneless).exclude_keywords == ["zombies"]


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("a drama, nothing about cancer", ["cancer"]),
        ("a drama but not about divorce", ["divorce"]),
        ("no films involving cancer please", ["cancer"]),
        ("a drama, nothing about cancer or divorce", ["cancer", "divorce"]),
        ("nothing about zombies or cancer", ["zombies", "cancer"]),
    ],
)
def test_a_tag_refused_is_what_no_pick_may_be_about(toneless, text, refused):
    """ "a drama, nothing about cancer" answered The Fault in Our Stars, the refusal dropped unsaid."""
    assert understand(text, toneless).exclude_keywords == refused


def test_a_refused_tag_leaves_its_films_out_and_says_so(toneless, profiles):
    result = make_bot(toneless, profiles).ask("a drama, nothing about cancer", user="cli:di", k=5)
    shown = picked(toneless, result)
    assert shown and not any(has_tag(m.keywords, "cancer") for m in shown)
    assert 'nothing about "cancer"' in result["reply"]


def test_movies_about_grief_are_answered_with_films_about_grief(toneless, profiles):
    result = make_bot(toneless, profiles).ask("movies about grief", user="cli:ana", k=3)
    assert {m.title for m in picked(toneless, result)} == {"Queen's Side", "After the Rain", "Quiet Rooms"}
    assert all(has_tag(m.keywords, "grief") for m in picked(toneless, result))
    assert 'films about "grief"' in result["reply"] and GUESS not in result["reply"]


def test_a_message_read_only_as_an_unlabelled_tone_says_its_picks_are_a_guess(toneless, profiles):
    """ "movies about xyzzy that aren't depressing" said only that the catalog labels no tone, then gave
    popular films as if they answered it."""
    reply = make_bot(toneless, profiles).ask("movies about xyzzy that aren't depressing", user="cli:bo", k=2)["reply"]
    assert "doesn't label films' tone" in reply and GUESS in reply
    # a tone that leans to a genre ("sad": dramas) is an answer, not a guess
    assert GUESS not in make_bot(toneless, profiles).ask("something sad", user="cli:cy", k=2)["reply"]


def test_a_theme_no_pick_carries_is_said_of_the_tags():
    """ "a heist movie set in Europe" said "crime films about "heist"", Europe passed over in silence."""
    request = {"genres": ["crime"], "keywords": ["heist", "europe"]}
    intro = intro_line(request, 3, None, picked_themes={"heist": 3, "europe": 0})
    assert intro == 'Here are 3 picks: crime films about "heist", none tagged "europe".'
