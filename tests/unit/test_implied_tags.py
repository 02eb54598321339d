"""A genre the catalog lacks is looked for as its tag (agent.understanding.merge.genres_as_tags); when only a
theme implied it ("boxing": sport), no reply says the user asked for it: "a film about boxing" answered
'My catalog has no "sport" genre' and 'Tagged "sport", as you asked' of every pick."""

from __future__ import annotations

import pytest

from tests.unit.test_requests_honoured import catalog_of, make_bot


def film(title: str, year: int, keywords: list[str]) -> dict:
    slug = title.lower().replace(" ", "-")
    return {"id": f"{slug}-{year}", "title": title, "year": year, "genres": ["drama"], "directors": [],
            "cast": [], "runtime": 100, "language": "en", "country": "US", "rating": 7.0, "votes": 50000,
            "keywords": keywords, "moods": [], "overview": f"A drama about {title.lower()}."}  # fmt: skip


# no film carries the genre "sport", as in TMDB 5000 + MovieLens
FILMS = [
    film("Ring Kings", 2015, ["boxing", "sport"]),
    film("Southpaw Blues", 2004, ["boxing", "sport"]),
    film("Glove Story", 1999, ["boxing", "sport"]),
    film("Penalty Box", 2011, ["football", "sport"]),
    film("Full Court", 2008, ["basketball", "sport"]),
    film("Home Run", 1993, ["baseball", "sport"]),
    film("Sea Glass", 2012, ["ocean"]),
    film("Old Mill", 1934, ["village"]),
]


@pytest.fixture
def catalog(tmp_path):
    catalog = catalog_of(tmp_path, FILMS)
    yield catalog
    catalog.close()


def pick_lines(result) -> list[str]:
    return result["reply"].splitlines()[1:]


def test_a_genre_only_a_theme_implied_is_never_said_to_have_been_asked_for(catalog, profiles):
    result = make_bot(catalog, profiles).ask("a film about boxing", user="cli:ann", k=3)
    assert {r["title"] for r in result["recommendations"]} == {"Ring Kings", "Southpaw Blues", "Glove Story"}
    reply = result["reply"]
    assert reply.startswith('I took what you asked to mean "sport" films, a genre my catalog lacks, so I went by')
    assert 'no "sport" genre' not in reply
    for line in pick_lines(result):
        assert 'Tagged "sport";' in line and '"boxing" is among its themes' in line
        assert "as you asked" not in line


def test_a_genre_said_keeps_its_as_you_asked(catalog, profiles):
    result = make_bot(catalog, profiles).ask("a sports movie", user="cli:ben", k=3)
    assert result["reply"].startswith('My catalog has no "sport" genre, so I went by the tag instead.')
    assert all('Tagged "sport", as you asked' in line for line in pick_lines(result))


def test_a_follow_up_keeps_the_tag_unasked_until_the_genre_is_said(catalog, profiles):
    bot = make_bot(catalog, profiles)
    bot.ask("a film about boxing", user="cli:cat", k=2)
    more = bot.ask("more", user="cli:cat", k=2)
    assert more["recommendations"] and not any("as you asked" in line for line in pick_lines(more))
    said = bot.ask("sports ones please", user="cli:cat", k=2)
    assert said["recommendations"]
    assert all('Tagged "sport", as you asked' in line for line in pick_lines(said))


def test_a_pick_let_through_without_the_implied_tag_says_whose_the_tag_was(catalog, profiles):
    result = make_bot(catalog, profiles).ask("a film about boxing from the 1930s", user="cli:dan", k=1)
    assert result["recommendations"]
    assert '"sport", which you asked for' not in result["reply"]
    assert "sport" not in [r.lower() for r in result["understood"].get("genres") or []]


def test_a_model_saying_the_implied_tag_was_asked_for_is_cut():
    """The gate every explanation passes (a model's too) holds "as you asked" of an implied tag false."""
    from agent.factcheck import check
    from store.movie import Movie

    boxing = Movie(id="ring-kings-2015", title="Ring Kings", year=2015, genres=["drama"], keywords=["boxing", "sport"])
    implied = {"require_keywords": ["sport"], "theme_tags": ["sport"], "keywords": ["boxing"]}
    text = 'Tagged "sport", as you asked; a fine boxing drama.'
    assert "as you asked" not in check(text, boxing, implied, model_written=True)
    said = {"require_keywords": ["sport"]}
    assert check(text, boxing, said, model_written=True).startswith('Tagged "sport", as you asked')
