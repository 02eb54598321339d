""" "I liked Harry Potter" names words that begin several films' titles, not one film: the reply said
"I couldn't find “Harry Potter” in my catalog", which holds two of them; it now says they begin
several titles and asks which one is meant, noting nothing."""

from __future__ import annotations

import pytest

from tests.unit.test_graph import make_bot


@pytest.mark.parametrize(("said", "count"), [("I liked Harry Potter", 2), ("I loved The Lord of the Rings", 3)])
def test_words_that_begin_several_titles_are_not_said_to_be_missing(starter, profiles, said, count):
    result = make_bot(starter, profiles).ask(said, user="cli:hp")
    assert "couldn't find" not in result["reply"], result["reply"]
    asked = f"begins the titles of {count} films in my catalog; say which one you mean"
    assert asked in result["reply"], result["reply"]
    assert profiles.ratings("cli:hp") == {}


def test_a_film_the_catalog_lacks_is_still_said_to_be_missing(starter, profiles):
    result = make_bot(starter, profiles).ask("I loved Blorfzap Qwerty", user="cli:bq")
    assert "I couldn't find “Blorfzap Qwerty” in my catalog" in result["reply"], result["reply"]
