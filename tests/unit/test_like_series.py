"""A film series given as the film to go by: "something like harry potter" read nothing and answered
"I don't know your taste yet" over the series' own films found by their titles' words."""

from __future__ import annotations

import pytest

from agent.understanding.reader import understand


def test_a_series_named_as_a_reference_goes_by_its_first_film_and_says_so(starter):
    potter = sorted(starter.titled("harry potter"), key=lambda i: starter.movies[i].year)
    assert len(potter) >= 2
    read = understand("something like harry potter", starter)
    first = starter.movies[potter[0]]
    assert read.like_titles == [first.id]
    assert f"I took “harry potter” to mean its series, and went by its first film, {first.label}." in read.caveats


@pytest.mark.parametrize(
    ("said", "reference"),
    [("something like heat", "heat-1995"), ("something like the funny ones", None), ("i'd like the funny ones", None)],
)
def test_a_film_or_words_that_are_no_series_are_read_as_before(starter, said, reference):
    read = understand(said, starter)
    assert read.like_titles == ([reference] if reference else [])
    assert not any("to mean its series" in c for c in read.caveats)


BOURNE = ["Matt Damon", "Franka Potente", "Chris Cooper"]


@pytest.fixture
def sample_jsonl(tmp_path):
    from tests.conftest import write_jsonl

    def film(title, year, cast):
        slug = title.lower().replace(" ", "-")
        return {"id": f"{slug}-{year}", "title": title, "year": year, "genres": ["action", "thriller"],
                "cast": cast, "votes": 1000, "rating": 7.0, "overview": f"{title}, a film."}  # fmt: skip

    return write_jsonl(tmp_path / "bourne.jsonl", [
        film("The Bourne Identity", 1988, ["Richard Chamberlain", "Jaclyn Smith"]),  # a TV film, alone
        film("The Bourne Identity", 2002, BOURNE),
        film("The Bourne Supremacy", 2004, [*BOURNE[:1], "Joan Allen"]),
        film("The Bourne Ultimatum", 2007, [*BOURNE[:1], "Julia Stiles"]),
    ])  # fmt: skip


def test_a_series_goes_by_the_first_film_of_those_sharing_people_not_a_namesake(catalog):
    """ "anything like the bourne films" went by The Bourne Identity (1988), a TV film of none of the
    series' people, because its title begins the same and it is the oldest."""
    read = understand("anything like the bourne films", catalog)
    assert read.like_titles == ["the-bourne-identity-2002"], read.caveats
    assert "went by its first film, The Bourne Identity (2002)." in " ".join(read.caveats)
