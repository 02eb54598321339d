"""Recall@K on INSPIRED dialogues (dev.tsv), under ReDial's protocol, beside popularity.

INSPIRED annotates each utterance with the films it names ("Title (Year)"; several
separated by ";"). Consecutive utterances of one speaker are joined into one turn. At each
recommender turn that names films not named before, the context is every earlier turn, the
targets are those films, and films named earlier are excluded from candidates and targets.
Films are matched to the catalog by title and year (a title alone when the catalog has it
once); targets the catalog lacks are counted and skipped, as in the ReDial evaluation.

The method scored is the co-mention ranker saved by `moviebot train` (ReDial dialogues:
no INSPIRED dialogue is used for fitting), and popularity is the same table's mention counts.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from agent.dialogue_ranker import Conversation, Model, Ranker, recency
from agent.dialogue_text import TextModel
from evaluation.redial import MethodScore, Popularity, cutoffs_for
from store.movie import Movie

COLUMNS = ("dialog_id", "speaker", "text", "movies")
_TITLE = re.compile(r"^(?P<title>.*?)\s*\((?P<year>\d{4})\)\s*$")


class InspiredError(ValueError):
    """A file that is not INSPIRED's tab-separated format."""


@dataclass
class Turn:
    role: str  # "user" (the seeker) or "assistant" (the recommender)
    text: str
    films: list[str] = field(default_factory=list)  # "Title (Year)" as annotated


def read_dialogues(path: Path) -> dict[str, list[Turn]]:
    """dialog_id -> its turns, in file order."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InspiredError(f"{path}: not INSPIRED's format (no column {', '.join(missing)})")
        dialogues: dict[str, list[Turn]] = defaultdict(list)
        for row in reader:
            speaker = (row["speaker"] or "").strip().upper()
            role = "user" if speaker == "SEEKER" else "assistant" if speaker == "RECOMMENDER" else None
            if role is None:
                continue
            films = [f.strip() for f in (row["movies"] or "").split(";") if f.strip()]
            turns = dialogues[row["dialog_id"]]
            if turns and turns[-1].role == role:
                turns[-1].text += " " + (row["text"] or "")
                turns[-1].films += films
            else:
                turns.append(Turn(role, row["text"] or "", films))
    return dict(dialogues)


def _key(title: str) -> str:
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


class TitleIndex:
    """ "Men in Black (1997)" -> a catalog id, by title and year, else by a title the catalog has once."""

    def __init__(self, movies: Mapping[str, Movie]):
        self.exact: dict[tuple[str, int | None], str] = {}
        by_title: dict[str, list[str]] = defaultdict(list)
        for movie in sorted(movies.values(), key=lambda m: -(m.votes or 0)):
            self.exact.setdefault((_key(movie.title), movie.year), movie.id)
            by_title[_key(movie.title)].append(movie.id)
        self.unique = {title: ids[0] for title, ids in by_title.items() if len(ids) == 1}

    def find(self, label: str) -> str | None:
        match = _TITLE.match(label)
        title, year = (match["title"], int(match["year"])) if match else (label, None)
        key = _key(title)
        if year is not None:
            for near in (year, year - 1, year + 1):
                if (key, near) in self.exact:
                    return self.exact[(key, near)]
            return None
        return self.unique.get(key)


@dataclass
class InspiredReport:
    dialogues: int
    turns: int
    unmapped_targets: int
    cutoffs: tuple[int, ...]
    ranker: MethodScore
    popularity: MethodScore


def evaluate(
    dialogues: Mapping[str, list[Turn]],
    model: Model,
    ranker: Ranker,
    genres_of: Callable[[str], list[str]],
    *,
    text: TextModel | None = None,
    k_max: int = 50,
) -> InspiredReport:
    index = TitleIndex(model.movies)
    popularity = Popularity(model.movies, model.table.counts)
    cutoffs = cutoffs_for(k_max)
    report = InspiredReport(len(dialogues), 0, 0, cutoffs, MethodScore("co-mention ranker"), MethodScore("popularity"))
    for turns in dialogues.values():
        ids = [[index.find(f) for f in turn.films] for turn in turns]
        for position, turn in enumerate(turns):
            earlier = {m for found in ids[:position] for m in found if m}
            targets = list(dict.fromkeys(m for m in ids[position] if m and m not in earlier))
            if turn.role != "assistant":
                continue
            named_before = {f for t in turns[:position] for f in t.films}
            report.unmapped_targets += sum(
                1 for f, m in zip(turn.films, ids[position], strict=True) if m is None and f not in named_before
            )
            if not targets:
                continue
            report.turns += 1
            conversation = _conversation(turns, ids, position, genres_of)
            if text is not None:
                conversation.text = text.standing([(t.text, position - i) for i, t in enumerate(turns[:position])])
            ranking = [m for m, _ in ranker.rank(model, conversation, k_max)]
            baseline = popularity.rank(k_max, conversation.exclude)
            for target in targets:
                report.ranker.add(ranking.index(target) + 1 if target in ranking else None, cutoffs)
                report.popularity.add(baseline.index(target) + 1 if target in baseline else None, cutoffs)
    return report


def _conversation(
    turns: list[Turn], ids: list[list[str | None]], position: int, genres_of: Callable[[str], list[str]]
) -> Conversation:
    conversation = Conversation()
    for earlier in range(position):
        age = position - earlier
        for movie_id in ids[earlier]:
            if movie_id:
                conversation.mentioned[movie_id] = age
        if turns[earlier].role == "user":
            for genre in genres_of(turns[earlier].text):
                conversation.genres[genre] = max(conversation.genres.get(genre, 0.0), recency(age))
    conversation.exclude = set(conversation.mentioned)
    return conversation
