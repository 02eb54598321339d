"""Recall@K on ReDial dialogues, for moviebot and a popularity baseline under one protocol.

The convention (shared/data/README.md): at each recommender turn that names movies
not named before, the context is every earlier message and the targets are those new
movies; movies named earlier are excluded from both the candidates and the targets.
Consecutive messages of one side are joined into one turn, so the turn before a
recommender turn is the seeker's: that is the request, everything before it the context.

Each sample is asked under its own user key: with a profile store attached, the bot
would otherwise hold back what it suggested at an earlier turn of the same dialogue,
which the seeker in the data never saw.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.ingest.redial import redial_ids
from store.movie import Movie

MENTION = re.compile(r"@(\d+)")
CUTOFFS = (1, 10, 50)
METADATA_FILE = "CFCRS_id2info_movie_metadata.FIXED.json"

Ask = Callable[..., dict]
"""Recommender.ask's signature: ask(message, *, user, channel, k, context, exclude_ids, remember) -> dict."""
Progress = Callable[[int], Callable[[], None]]
"""progress(total) returns a callback called once per evaluated turn."""


class DialogueError(ValueError):
    """A dialogue file that is not ReDial JSON Lines."""


# -- reading ---------------------------------------------------------------------------------


def read_dialogues(paths: Iterable[Path]) -> list[dict]:
    dialogues = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    dialogue = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DialogueError(f"{path}, line {number}: not JSON: {exc.msg}") from None
                if not isinstance(dialogue, dict) or not isinstance(dialogue.get("messages"), list):
                    raise DialogueError(f"{path}, line {number}: not a ReDial dialogue (no messages list)")
                dialogues.append(dialogue)
    return dialogues


def catalog_mapping(metadata: Path, catalog_movies: Mapping[str, Movie]) -> tuple[dict[str, str], dict[str, str]]:
    """(ReDial id -> catalog id, ReDial id -> name) for the movies of the metadata file.

    Ids come from the redial ingest adapter; a movie merged into an entry from another
    source keeps that entry's id, so it is found again by its IMDb id.
    """
    with open(metadata, encoding="utf-8") as handle:
        entries = json.load(handle)
    by_imdb = {m.imdb_id: m.id for m in catalog_movies.values() if m.imdb_id}
    ids = {}
    for redial_id, movie_id in redial_ids(metadata).items():
        if movie_id not in catalog_movies:
            movie_id = by_imdb.get((entries.get(redial_id) or {}).get("imdb_id"))
        if movie_id is not None:
            ids[redial_id] = movie_id
    names = {
        redial_id: " ".join(entry["name"].split())
        for redial_id, entry in entries.items()
        if isinstance(entry, dict) and isinstance(entry.get("name"), str)
    }
    return ids, names


# -- samples ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    role: str  # "user" (the seeker) or "assistant" (the human recommender)
    text: str  # raw ReDial text, "@id" mentions and all


@dataclass
class Sample:
    """One recommender turn that names new movies, with what the bot is given to predict them."""

    dialogue: str  # conversationId (or the dialogue's position when it has none)
    index: int  # the dialogue's position in the evaluated list
    turn: int  # the recommender turn's position among the dialogue's joined turns
    request: str  # the seeker's turn just before it, movie names substituted
    context: list[dict]  # every turn before the request, {"role", "text"}
    exclude_ids: list[str]  # catalog ids of every movie mentioned before this turn
    targets: list[str]  # catalog ids of the movies this turn names first


@dataclass
class Extraction:
    samples: list[Sample]
    unmapped_targets: int  # new mentions whose ReDial id is not in the catalog
    turns_without_target: int  # recommender turns whose new mentions were all unmapped


def mentions(text: str) -> list[str]:
    return list(dict.fromkeys(MENTION.findall(text)))


def joined_turns(dialogue: dict) -> list[Turn]:
    seeker, recommender = dialogue.get("initiatorWorkerId"), dialogue.get("respondentWorkerId")
    turns: list[Turn] = []
    for message in dialogue.get("messages") or []:
        sender = message.get("senderWorkerId")
        role = "user" if sender == seeker else "assistant" if sender == recommender else None
        text = str(message.get("text") or "").strip()
        if role is None or not text:
            continue
        if turns and turns[-1].role == role:
            turns[-1] = Turn(role, f"{turns[-1].text} {text}")
        else:
            turns.append(Turn(role, text))
    return turns


def named(text: str, names: Mapping[str, str]) -> str:
    """ "have you seen @191911 ?" -> "have you seen Man on Wire (2008) ?" """
    return MENTION.sub(lambda m: names.get(m[1], m[0]), text)


def dialogue_names(dialogue: dict, names: Mapping[str, str]) -> dict[str, str]:
    own = {str(k): " ".join(str(v).split()) for k, v in (dialogue.get("movieMentions") or {}).items() if v}
    return {**names, **own} if own else dict(names)


def extract_samples(dialogues: Sequence[dict], ids: Mapping[str, str], names: Mapping[str, str]) -> Extraction:
    samples: list[Sample] = []
    unmapped = without_target = 0
    for index, dialogue in enumerate(dialogues):
        labels = dialogue_names(dialogue, names)
        turns = joined_turns(dialogue)
        texts = [{"role": t.role, "text": named(t.text, labels)} for t in turns]
        seen: set[str] = set()  # ReDial ids mentioned so far
        seen_ids: set[str] = set()  # their catalog ids
        for position, turn in enumerate(turns):
            found = mentions(turn.text)
            new = [r for r in found if r not in seen]
            if turn.role == "assistant" and new:
                targets = []
                for redial_id in new:
                    movie_id = ids.get(redial_id)
                    if movie_id is None:
                        unmapped += 1
                    elif movie_id not in seen_ids and movie_id not in targets:
                        targets.append(movie_id)
                if targets:
                    asked = max((i for i in range(position) if turns[i].role == "user"), default=None)
                    samples.append(
                        Sample(
                            dialogue=str(dialogue.get("conversationId", index)),
                            index=index,
                            turn=position,
                            request=texts[asked]["text"] if asked is not None else "",
                            context=texts[:asked] if asked is not None else texts[:position],
                            exclude_ids=sorted(seen_ids),
                            targets=targets,
                        )
                    )
                else:
                    without_target += 1
            seen.update(found)
            seen_ids.update(ids[r] for r in found if r in ids)
    return Extraction(samples, unmapped, without_target)


# -- training dialogues as ratings ---------------------------------------------------------

SEEKER_STARS = {1: 5.0, 0: 2.0, 2: 4.0}  # ReDial's "liked": yes, no, did not say


def training_ratings(dialogues: Iterable[dict], ids: Mapping[str, str]) -> list[tuple[str, str, float, int]]:
    """Each training dialogue as one pseudo-user who rated the films it mentions, by what
    the seeker said of them: the same data the popularity baseline counts, given to
    moviebot the way any ratings reach it (co-occurrence and popularity in the store)."""
    rows = []
    for dialogue in dialogues:
        user = f"redial:{dialogue.get('conversationId', id(dialogue))}"
        answers = dialogue.get("initiatorQuestions") or {}
        for redial_id in dialogue.get("movieMentions") or {}:
            if redial_id not in ids:
                continue
            liked = (answers.get(redial_id) or {}).get("liked", 2) if isinstance(answers, dict) else 2
            rows.append((user, ids[redial_id], SEEKER_STARS.get(liked, 4.0), 0))
    return rows


# -- the popularity baseline -----------------------------------------------------------------


def mentioned_ids(dialogue: dict, ids: Mapping[str, str]) -> set[str]:
    """Catalog ids of every movie the seeker or the recommender mentions, each once."""
    return {ids[r] for turn in joined_turns(dialogue) for r in MENTION.findall(turn.text) if r in ids}


class Popularity:
    """Catalog movies ranked by how many dialogues mention them; ties by votes, then id.

    For leave-one-dialogue-out, `rank(..., minus=...)` counts the evaluated dialogue's
    own movies once less without re-sorting: only those movies can move, and only down.
    """

    def __init__(self, catalog_movies: Mapping[str, Movie], counts: Mapping[str, int]):
        self.counts = Counter({m: n for m, n in counts.items() if m in catalog_movies})
        self.votes = {m: movie.votes or 0 for m, movie in catalog_movies.items()}
        self.order = sorted(self.votes, key=lambda m: (-self.counts[m], -self.votes[m], m))

    @classmethod
    def from_dialogues(
        cls, catalog_movies: Mapping[str, Movie], dialogues: Iterable[dict], ids: Mapping[str, str]
    ) -> Popularity:
        counts: Counter[str] = Counter()
        for dialogue in dialogues:
            counts.update(mentioned_ids(dialogue, ids))
        return cls(catalog_movies, counts)

    def rank(self, k: int, exclude: Collection[str] = (), minus: Collection[str] = ()) -> list[str]:
        excluded = set(exclude)
        lowered = {m for m in minus if m in self.votes and m not in excluded}
        head = []
        for movie_id in self.order:
            if len(head) >= k:
                break
            if movie_id not in excluded and movie_id not in lowered:
                head.append(movie_id)
        merged = sorted([*head, *lowered], key=lambda m: (-(self.counts[m] - (m in lowered)), -self.votes[m], m))
        return merged[:k]


# -- evaluation ------------------------------------------------------------------------------


@dataclass
class MethodScore:
    name: str
    samples: int = 0  # (turn, target) pairs
    hits: dict[int, int] = field(default_factory=dict)

    def add(self, rank: int | None, cutoffs: Sequence[int]) -> None:
        self.samples += 1
        for k in cutoffs:
            self.hits[k] = self.hits.get(k, 0) + (rank is not None and rank <= k)

    def recall(self, k: int) -> float | None:
        return self.hits.get(k, 0) / self.samples if self.samples else None


@dataclass
class RedialReport:
    dialogues: int
    turns: int  # recommender turns evaluated
    unmapped_targets: int
    turns_without_target: int
    cutoffs: tuple[int, ...]
    moviebot: MethodScore
    popularity: MethodScore
    popularity_source: str
    answered: MethodScore = field(default_factory=lambda: MethodScore("moviebot, answered turns"))
    seconds: float = 0.0  # time spent in the recommender
    popularity_seconds: float = 0.0
    errors: int = 0  # turns whose ask raised; counted as misses
    first_error: str | None = None
    empty_answers: int = 0  # turns answered with no recommendations at all
    short_answers: int = 0  # turns answered with fewer than k_max
    returned: int = 0  # recommendations returned, over all turns
    excluded_returned: int = 0  # turns whose answer included an already-mentioned movie

    @property
    def samples(self) -> int:
        return self.moviebot.samples

    @property
    def turns_per_second(self) -> float | None:
        return self.turns / self.seconds if self.seconds > 0 else None

    def ratio(self, k: int) -> float | None:
        ours, base = self.moviebot.recall(k), self.popularity.recall(k)
        return ours / base if ours is not None and base else None

    def to_dict(self) -> dict:
        def method(score: MethodScore) -> dict:
            recall = {str(k): _round(score.recall(k)) for k in self.cutoffs}
            return {"samples": score.samples, "recall": recall}

        return {
            "dialogues": self.dialogues,
            "turns": self.turns,
            "samples": self.samples,
            "unmapped_targets": self.unmapped_targets,
            "turns_without_target": self.turns_without_target,
            "cutoffs": list(self.cutoffs),
            "methods": {"moviebot": method(self.moviebot), "popularity": method(self.popularity)},
            "moviebot_answered_turns": method(self.answered),
            "ratio": {str(k): _round(self.ratio(k)) for k in self.cutoffs},
            "popularity_source": self.popularity_source,
            "seconds": round(self.seconds, 2),
            "turns_per_second": _round(self.turns_per_second),
            "popularity_seconds": round(self.popularity_seconds, 3),
            "errors": self.errors,
            "first_error": self.first_error,
            "empty_answers": self.empty_answers,
            "short_answers": self.short_answers,
            "mean_returned": _round(self.returned / self.turns if self.turns else None),
            "excluded_returned": self.excluded_returned,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def cutoffs_for(k_max: int) -> tuple[int, ...]:
    return tuple(sorted({k for k in CUTOFFS if k <= k_max} | {k_max}))


def evaluate(
    recommender_ask: Ask,
    catalog: Any,
    dialogues: Sequence[dict],
    *,
    ids: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    train: Sequence[dict] | None = None,
    limit: int | None = None,
    k_max: int = 50,
    progress: Progress | None = None,
    on_record: Callable[[dict], None] | None = None,
) -> RedialReport:
    """Recall@1/10/50 of `recommender_ask` and of the popularity baseline on the same samples.

    `catalog` is anything with `.movies` (catalog id -> Movie); `ids` maps ReDial ids
    into it. Popularity counts come from `train`, or else from all of `dialogues` minus
    the evaluated dialogue's own mentions. `limit` evaluates the first dialogues only;
    the others still count for popularity.
    """
    movies: Mapping[str, Movie] = catalog.movies
    ids = {r: m for r, m in ids.items() if m in movies}
    evaluated = list(dialogues[:limit] if limit is not None else dialogues)
    extraction = extract_samples(evaluated, ids, names or {})
    cutoffs = cutoffs_for(k_max)
    started = time.perf_counter()
    if train is not None:
        popularity = Popularity.from_dialogues(movies, train, ids)
        source, own = f"{len(train)} training dialogues", None
    else:
        popularity = Popularity.from_dialogues(movies, dialogues, ids)
        source = f"leave-one-dialogue-out over {len(dialogues)} dialogues"
        own = {i: mentioned_ids(d, ids) for i, d in enumerate(evaluated)}
    report = RedialReport(
        dialogues=len(evaluated),
        turns=len(extraction.samples),
        unmapped_targets=extraction.unmapped_targets,
        turns_without_target=extraction.turns_without_target,
        cutoffs=cutoffs,
        moviebot=MethodScore("moviebot"),
        popularity=MethodScore("popularity"),
        popularity_source=source,
        popularity_seconds=time.perf_counter() - started,
    )
    advance = progress(len(extraction.samples)) if progress else None
    for sample in extraction.samples:
        began = time.perf_counter()
        ranking, error = _ask(recommender_ask, sample, k_max)
        report.seconds += time.perf_counter() - began
        began = time.perf_counter()
        baseline = popularity.rank(k_max, sample.exclude_ids, own[sample.index] if own is not None else ())
        report.popularity_seconds += time.perf_counter() - began
        if error is not None:
            report.errors += 1
            report.first_error = report.first_error or error
        report.returned += len(ranking)
        report.empty_answers += not ranking and error is None
        report.short_answers += len(ranking) < k_max and error is None
        report.excluded_returned += bool(set(ranking) & set(sample.exclude_ids))
        ours = [_rank_of(t, ranking) for t in sample.targets]
        theirs = [_rank_of(t, baseline) for t in sample.targets]
        for rank in ours:
            report.moviebot.add(rank, cutoffs)
            if ranking:
                report.answered.add(rank, cutoffs)
        for rank in theirs:
            report.popularity.add(rank, cutoffs)
        record = {
            "dialogue": sample.dialogue,
            "turn": sample.turn,
            "request": sample.request,
            "targets": sample.targets,
            "excluded": len(sample.exclude_ids),
            "top10": ranking[:10],
            "returned": len(ranking),
            "hit_ranks": ours,
            "popularity_top10": baseline[:10],
            "popularity_hit_ranks": theirs,
        }
        if error is not None:
            record["error"] = error
        if on_record is not None:
            on_record(record)
        if advance is not None:
            advance()
    return report


def _ask(recommender_ask: Ask, sample: Sample, k_max: int) -> tuple[list[str], str | None]:
    try:
        result = recommender_ask(
            sample.request,
            user=f"eval:redial-{sample.dialogue}-{sample.turn}",
            channel="eval",
            k=k_max,
            context=sample.context,
            exclude_ids=sample.exclude_ids,
            remember=False,
            always_recommend=True,
        )
    except Exception as exc:  # one failing turn must not end an hour-long run; it is reported
        return [], f"{type(exc).__name__}: {exc}"
    ranking = list(dict.fromkeys(r["id"] for r in (result or {}).get("recommendations") or []))
    return ranking[:k_max], None


def _rank_of(target: str, ranking: list[str]) -> int | None:
    try:
        return ranking.index(target) + 1
    except ValueError:
        return None
