"""A seen-list ending in a bare "the rest": "i have seen heat, jaws and the rest" marked Jaws 2 as
watched ("the rest" read as "its sequels", of every film listed); "seen star wars and its sequels"
marked Star Wars: The Clone Wars, an animated spin-off."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tests.unit.test_graph import make_bot
from tests.unit.test_sequels_series import ACTION, SKY, SPACE, film

SHARK = ["Roy Scheider", "Robert Shaw", "Richard Dreyfuss"]
FILMS = [
    film("Heat", 1995, ACTION, ["Al Pacino", "Robert De Niro"]),
    film("Jaws", 1975, ["horror", "thriller"], SHARK),
    film("Jaws 2", 1978, ["horror", "thriller"], ["Roy Scheider", "Lorraine Gary"]),
    film("Bodies, Rest & Motion", 1993, ["drama"], ["Bridget Fonda"]),
    film("Star Wars", 1977, SPACE, SKY),
    film("Star Wars: The Empire Strikes Back", 1980, SPACE, SKY),
    film("Star Wars: The Clone Wars", 2008, [*SPACE, "animation"], []),
]


@pytest.fixture
def sample_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "sample.jsonl", FILMS)


def test_a_bare_the_rest_marks_no_sequels(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("i have seen heat, jaws and the rest", user="cli:rest")["reply"]
    assert reply.startswith("Got it: Heat (1995) and Jaws (1975) marked as watched."), reply
    assert {row["movie_id"] for row in profiles.watched("cli:rest")} == {"heat-1995", "jaws-1975"}


def test_an_animated_spin_off_of_a_live_action_series_is_not_marked_as_a_sequel(catalog, profiles):
    reply = make_bot(catalog, profiles).ask("seen star wars and its sequels", user="cli:clone")["reply"]
    assert "Clone Wars" not in reply, reply
    seen = {row["movie_id"] for row in profiles.watched("cli:clone")}
    assert seen == {"star-wars-1977", "star-wars-the-empire-strikes-back-1980"}
