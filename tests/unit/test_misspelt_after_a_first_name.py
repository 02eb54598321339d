"""A first name that alone means one person, followed by their surname misspelt ("films with brad pit"),
is read as that person and said to be, as every other name read as one it does not spell is."""

from __future__ import annotations

import pytest

from agent.understanding.first_names import first_name_index
from agent.understanding.reader import understand


def _first_named(starter) -> tuple[str, str]:
    """A first name the catalog reads as one person, and that person, with a surname long enough to misspell."""
    index = first_name_index(starter)
    return next((k, n) for k, n in sorted(index.items()) if " " not in k and len(n.split()[-1]) >= 5)


def test_a_misspelt_surname_after_a_first_name_is_said_to_be_taken(starter):
    first, name = _first_named(starter)
    typo = f"{first} {name.split()[-1].lower()[:-1]}"  # "brad pit"
    read = understand(f"films with {typo}", starter)
    assert read.people == [name]
    assert read.caveats == [f'I took "{typo}" to mean {name}.']


@pytest.mark.parametrize("said", ["films with {first}", "films with {whole}"])
def test_a_first_name_or_whole_name_spelt_right_needs_no_note(starter, said):
    first, name = _first_named(starter)
    read = understand(said.format(first=first, whole=name.lower()), starter)
    assert read.people == [name] and read.caveats == []
