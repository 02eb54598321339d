"""What the kind of turn is, said as data: the intent a message carries and what it points at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from agent.understanding.fact_questions import Fact

Intent = Literal["recommend", "refine", "more", "why", "facts", "seen", "liked", "disliked", "dismissed", "help",
                 "smalltalk", "interested", "unwatched", "unrated", "undo", "unseen"]  # fmt: skip


@dataclass
class Classified:
    intent: Intent
    ordinal: int | None = None  # 0-based position in the last list; -1 is the last one
    titles: list[str] = field(default_factory=list)  # catalog ids the feedback or question is about
    rating: float | None = None  # stars, 0.5-5
    stars_said: bool = False  # the message gave the stars ("a 4", "⭐⭐⭐"), not only a verdict ("great")
    every: bool = False  # about every film of the last list ("seen all of those")
    # each film's own verdict where they differ ("loved Amelie, hated Titanic"): (id or place, verdict, stars)
    verdicts: tuple[tuple[str | int, str, float | None], ...] = ()
    worded: tuple[str, ...] = ()  # films of those whose stars stand for a word ("loved" in "loved heat and jaws 5")
    positions: tuple[int, ...] = ()  # about several places in it ("the first two", "the first and third")
    facts: tuple[Fact, ...] = ()  # what a question asks of a film ("is it long?": runtime)
    # a verdict said with a request for more ("seen it, others?", "hated that one, anything else?")
    feedback: Classified | None = None
    unknown: tuple[str, ...] = ()  # films a question names that the catalog lacks, as typed ("Dune (2021)")
    unplaced: str = ""  # a verdict on "that" beside films named, no film of which it is ("liked", "disliked")
    with_sequels: tuple[str, ...] = ()  # films said seen with their later films ("the matrix and its sequels")
