""" "Im not a big fan of Will Ferrel" said "I couldn't find "Will Ferrel"": a first name that is also an
everyday word ("will") kept the misspelling reader away. A prominent person's first name spelt right and
their surname a letter or two off now names them, and says so; a word of the catalog or another real
person's surname after that first name does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.understanding.reader import understand
from tests.conftest import catalog_of
from tests.unit.test_sequels_series import film

FILMS = [
    film("Anchorman", 2004, ["comedy"], ["Will Ferrell", "Steve Carell"]),
    film("Elf", 2003, ["comedy"], ["Will Ferrell", "James Caan"]),
    film("Step Brothers", 2008, ["comedy"], ["Will Ferrell", "John C. Reilly"]),
    film("Men in Black", 1997, ["sci-fi"], ["Will Smith", "Tommy Lee Jones"]),
    film("Ali", 2001, ["drama"], ["Will Smith", "Jon Voight"]),
    film("Ted", 2012, ["comedy"], ["Mark Wahlberg", "Mila Kunis"]),
    film("The Fighter", 2010, ["drama"], ["Mark Wahlberg", "Christian Bale"]),
    film("Big", 1988, ["comedy"], ["Tom Hanks", "Elizabeth Perkins"]),
    film("Cast Away", 2000, ["drama"], ["Tom Hanks", "Helen Hunt"]),
    film("Philadelphia", 1993, ["drama"], ["Tom Hanks", "Denzel Washington"]),
    film("The Gold Rush", 1925, ["comedy"], ["Charlie Chaplin", "Mack Swain"]),
    film("Top Gun", 1986, ["action"], ["Tom Cruise", "Kelly McGillis"]),
    film("Rocky", 1976, ["drama"], ["Sylvester Stallone", "Talia Shire"], overview="Will power wins the day."),
    film("Good Will Hunting", 1997, ["drama"], ["Matt Damon", "Robin Williams"]),
    film("Heat", 1995, ["crime"], ["Al Pacino", "Robert De Niro"], overview="A thief who will fix one last job."),
]


@pytest.fixture
def near(tmp_path: Path):
    catalog = catalog_of(tmp_path, FILMS)
    yield catalog
    catalog.close()


@pytest.mark.parametrize(
    ("said", "typed"),
    [("Im not a big fan of Will Ferrel", "Will Ferrel"),
     ("any comedies with will ferrel?", "will ferrel"),
     ("comedies with Will Ferel", "Will Ferel")],
)  # fmt: skip
def test_a_surname_a_letter_or_two_off_after_the_first_name_names_the_person(near, said, typed):
    read = understand(said, near)
    assert "Will Ferrell" in read.people + read.exclude_people
    assert read.caveats == [f'I took "{typed}" to mean Will Ferrell.']


@pytest.mark.parametrize("said", ["I will fix it tonight", "i will watch anything", "Will Smith films",
                                  "Will Fix Things", "Mark Wahlbergs films"])  # fmt: skip
def test_no_ordinary_word_or_other_person_is_taken_for_a_misspelt_name(near, said):
    read = understand(said, near)
    assert "Will Ferrell" not in read.people + read.exclude_people
    assert not any("to mean Will" in c for c in read.caveats)


@pytest.mark.parametrize("said", ["films with Tom Hanx", "tom hanx movies"])
def test_a_four_letter_surname_two_edits_off_at_its_end_names_the_person(near, said):
    """ "Tom Hanx" (two edits from Hanks, in four letters) was not recognised: a short surname was
    allowed one edit only. Two are allowed when it opens as the person's does."""
    read = understand(said, near)
    assert read.people == ["Tom Hanks"], (read.people, read.caveats)


@pytest.mark.parametrize("said", ["Will Power", "Good Will Hunting", "I will fix it", "Tom Hard films"])
def test_a_short_word_after_a_first_name_is_no_one(near, said):
    read = understand(said, near)
    assert read.people == [] and not any("to mean" in c for c in read.caveats), (read.people, read.caveats)


@pytest.mark.parametrize("said", ["Mark Twain adaptations", "films with mark twain"])
def test_a_name_the_catalog_lacks_is_not_another_person_off_in_both_words(near, said):
    """ "Mark Twain adaptations" read as Mack Swain ("I took "Mark Twain" to mean Mack Swain"): a name
    misspelt in both its words keeps both initials, so Twain, whom the catalog lacks, is no one."""
    read = understand(said, near)
    assert "Mack Swain" not in read.people, read.caveats
