"""The co-mention ranker on ReDial dialogues: built and fitted on training dialogues, scored
on held-out ones under the same protocol as evaluation.redial, beside popularity.

Fitting never sees a dialogue's own answers: each training turn's features come from the
table with that dialogue left out (CoMentions' `minus`) and from a text model fitted without
its fold of dialogues, so the fitted figures are leave-one-dialogue-out figures (for the text
feature, leave-one-fold-out), comparable with held-out ones.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from agent import dialogue_text
from agent.dialogue_ranker import (
    RANKER_KEY,
    TEXT_KEY,
    Conversation,
    Example,
    FilmVectors,
    Model,
    Ranker,
    fit,
    recency,
)
from agent.dialogue_text import TextModel
from agent.understanding.reader import understand
from evaluation.redial import MENTION, MethodScore, Popularity, cutoffs_for, extract_samples, joined_turns
from store.comentions import CoMentions
from store.movie import Movie

GenreReader = Callable[[str], list[str]]
"""Genres a message asks for ("any good horror?" -> ["horror"])."""


def dialogue_films(dialogue: dict, ids: Mapping[str, str]) -> list[str]:
    """Catalog ids of the films a dialogue mentions, in order of first mention."""
    films = [ids[r] for turn in joined_turns(dialogue) for r in MENTION.findall(turn.text) if r in ids]
    return list(dict.fromkeys(films))


def build_table(dialogues: Sequence[dict], ids: Mapping[str, str]) -> CoMentions:
    return CoMentions.build(dialogue_films(d, ids) for d in dialogues)


def conversation_at(dialogue: dict, turn: int, ids: Mapping[str, str], genres_of: GenreReader) -> Conversation:
    """What was said before joined turn `turn`: films with their age in turns, what the seeker
    said they liked or disliked of them (initiatorQuestions, else respondentQuestions), and
    the genres the seeker asked for, the latest asks weighing most."""
    turns = joined_turns(dialogue)
    conversation = Conversation()
    for position in range(min(turn, len(turns))):
        age = turn - position
        for redial_id in MENTION.findall(turns[position].text):
            if redial_id in ids:
                conversation.mentioned[ids[redial_id]] = age
                liked = _liked(dialogue, redial_id)
                if liked == 1:
                    conversation.liked.add(ids[redial_id])
                elif liked == 0:
                    conversation.disliked.add(ids[redial_id])
        if turns[position].role == "user":
            weight = recency(age)
            for genre in genres_of(MENTION.sub(" ", turns[position].text)):
                conversation.genres[genre] = max(conversation.genres.get(genre, 0.0), weight)
    return conversation


def messages_at(dialogue: dict, turn: int) -> list[dialogue_text.Message]:
    """Every message before joined turn `turn`, both sides, as (text, age in turns)."""
    turns = joined_turns(dialogue)[:turn]
    return [(t.text, turn - position) for position, t in enumerate(turns)]


def _liked(dialogue: dict, redial_id: str) -> int | None:
    for key in ("initiatorQuestions", "respondentQuestions"):
        answers = dialogue.get(key)
        if isinstance(answers, dict) and isinstance(answers.get(redial_id), dict):
            liked = answers[redial_id].get("liked")
            if liked in (0, 1):
                return liked
    return None


def examples(
    model: Model,
    dialogues: Sequence[dict],
    ids: Mapping[str, str],
    genres_of: GenreReader,
    *,
    leave_out: bool,
    text: Callable[[int], TextModel | None] = lambda dialogue: None,
) -> list[Example]:
    """One example per recommender turn that names new films (evaluation.redial's samples);
    `text(i)` is the text model for dialogue i's turns (one fitted without it, when fitting)."""
    out = []
    for sample in extract_samples(dialogues, ids, {}).samples:
        dialogue = dialogues[sample.index]
        conversation = conversation_at(dialogue, sample.turn, ids, genres_of)
        conversation.exclude |= set(sample.exclude_ids)
        if (text_model := text(sample.index)) is not None:
            conversation.text = text_model.standing(messages_at(dialogue, sample.turn))
        minus = set(dialogue_films(dialogue, ids)) if leave_out else set()
        films, rows = model.features(conversation, minus)
        out.append(Example(films, rows, sample.targets))
    return out


def train(
    dialogues: Sequence[dict],
    ids: Mapping[str, str],
    movies: Mapping[str, Movie],
    genres_of: GenreReader,
    *,
    vectors: FilmVectors | None = None,
) -> tuple[CoMentions, Ranker, TextModel, list[Example]]:
    """The table from `dialogues`, the text model fitted on all their turns, and the ranker
    fitted on their turns (the table leaving each turn's dialogue out, the text model its fold);
    the ranker and the text model are stored in the table, so saving the table saves all three.
    `vectors` are the catalog's film embeddings, for the content feature."""
    table = build_table(dialogues, ids)
    model = Model(table, movies, vectors)
    turns = text_turns(dialogues, ids)
    folds = dialogue_text.fit_folds(turns)
    fitted = examples(model, dialogues, ids, genres_of, leave_out=True, text=lambda i: folds[i % len(folds)])
    ranker = fit(fitted)
    text = dialogue_text.fit(turns)
    table.set_meta(RANKER_KEY, ranker.to_dict())
    table.blobs[TEXT_KEY] = text.to_bytes()
    return table, ranker, text, fitted


def text_turns(dialogues: Sequence[dict], ids: Mapping[str, str]) -> list[dialogue_text.Turn]:
    """The text model's training turns: the same recommender turns as `examples`."""
    samples = extract_samples(dialogues, ids, {}).samples
    return [
        dialogue_text.Turn(messages_at(dialogues[s.index], s.turn), s.targets, s.index) for s in samples if s.targets
    ]


@dataclass
class SplitScore:
    """The ranker and popularity on the same turns of one split."""

    split: str  # "fitted" or "held-out"
    dialogues: int
    ranker: MethodScore
    popularity: MethodScore
    seconds: float


def score(
    examples_: Sequence[Example],
    ranker: Ranker,
    popularity: Popularity,
    *,
    split: str,
    dialogues: int,
    excluded: Sequence[Sequence[str]],
    minus: Sequence[Sequence[str]] | None = None,
    k_max: int = 50,
) -> SplitScore:
    """Recall@1/10/50 of the ranker's top k_max over each example's candidates, and of
    popularity (counted on the same training dialogues, with the same dialogue left out
    when `minus` gives its films) with the same exclusions."""
    cutoffs = cutoffs_for(k_max)
    ours, theirs = MethodScore("co-mention ranker"), MethodScore("popularity")
    started = time.perf_counter()
    for n, (example, exclude) in enumerate(zip(examples_, excluded, strict=True)):
        scores = ranker.scores(example.rows)
        order = sorted(range(len(example.ids)), key=lambda i: (-scores[i], example.ids[i]))[:k_max]
        ranking = [example.ids[i] for i in order]
        baseline = popularity.rank(k_max, exclude, minus[n] if minus is not None else ())
        for target in example.targets:
            ours.add(ranking.index(target) + 1 if target in ranking else None, cutoffs)
            theirs.add(baseline.index(target) + 1 if target in baseline else None, cutoffs)
    return SplitScore(split, dialogues, ours, theirs, time.perf_counter() - started)


def evaluate_split(
    model: Model,
    ranker: Ranker,
    popularity: Popularity,
    dialogues: Sequence[dict],
    ids: Mapping[str, str],
    genres_of: GenreReader,
    *,
    split: str,
    leave_out: bool,
    text: TextModel | None = None,
    k_max: int = 50,
) -> SplitScore:
    turns = examples(model, dialogues, ids, genres_of, leave_out=leave_out, text=lambda dialogue: text)
    excluded, minus = exclusions(dialogues, ids, leave_out=leave_out)
    return score(
        turns, ranker, popularity, split=split, dialogues=len(dialogues), excluded=excluded, minus=minus, k_max=k_max
    )


def exclusions(
    dialogues: Sequence[dict], ids: Mapping[str, str], *, leave_out: bool
) -> tuple[list[list[str]], list[list[str]] | None]:
    """Per turn (as `examples` yields them): the films mentioned before it, and with
    `leave_out` its dialogue's films, which popularity then counts once less."""
    samples = extract_samples(dialogues, ids, {}).samples
    excluded = [s.exclude_ids for s in samples]
    minus = [dialogue_films(dialogues[s.index], ids) for s in samples] if leave_out else None
    return excluded, minus


class _NoCatalog:
    """Understanding's catalog questions, answered with nothing: only genre words are read."""

    def resolve_title(self, text: str) -> None:
        return None

    def people_index(self) -> dict[str, str]:
        return {}

    def credits_of(self, movie_id: str) -> tuple[list[str], list[str]]:
        return [], []

    def surname_index(self) -> dict:
        return {}

    def shared_surnames(self) -> dict:
        return {}

    def titled(self, words: str) -> set[str]:
        return set()

    @property
    def movies(self) -> dict[str, Movie]:
        return {}

    records_studios = False


@functools.lru_cache(maxsize=4096)
def _genres_asked(text: str) -> tuple[str, ...]:
    understood = understand(text, _NoCatalog())
    return tuple(dict.fromkeys([*understood.genres, *understood.any_genres, *understood.soft_genres]))


def genres_asked(text: str) -> list[str]:
    """The genres a message asks for or says the person likes, as the recommender reads them
    ("anything scary?", "I love horror films" -> horror), as the ranker sees them at run time
    (agent.nodes.retrieve passes the request's genres and soft genres). Cached: every later turn
    of a dialogue reads the earlier messages again."""
    return list(_genres_asked(text))
