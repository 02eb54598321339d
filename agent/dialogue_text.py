"""What people name next, from the words of the conversation: ridge regression from the
words said so far to the films a recommender names.

A recommender turn's context is every earlier message, both sides, as TF-IDF over the
commonest non-stop words, each message weighted by how recent it is (`recency`, which the
co-mention ranker also uses for films).
The weights are closed-form ridge regression fitted on training dialogues (`fit`); `fit_folds`
gives each training dialogue a model fitted without it, so the conversation ranker can learn
how much to trust this signal from turns the model never saw.

Alone it ranks worse than the co-mention ranker; as one of the ranker's features it tells
"a scary movie for Halloween" from "something to watch with my kids" before any film is named.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import linalg, sparse

from agent.understanding.text import word_set

RECENCY = 0.6  # weight of a message, or a film mentioned in it, per two turns back
VOCABULARY = 3000  # the commonest non-stop words
L2 = 100.0  # ridge penalty, chosen on a validation split of the training dialogues (README)
FOLDS = 5

_WORD = re.compile(r"[a-z][a-z']+")
_MENTION = re.compile(r"@\d+")
# A classic English stop list: the request reader's (understanding.text.STOPWORDS) also drops
# "love", "hate" and "watch", which say a lot about what someone wants next.
STOP_WORDS = word_set(
    """a about above after again all also am an and any are as at be because been before being
    below between both but by can could did do does doing don't down during each few for from
    further had has have having he her here hers herself him himself his how i i'd i'll i'm i've
    if in into is isn't it it's its itself just let's me more most my myself no nor not now of off
    on once only or other our ours ourselves out over own same she should so some such than that
    that's the their theirs them themselves then there there's these they they're this those
    through to too under until up very was wasn't we we're were what when where which while who
    whom why will with would you you'd you'll you're you've your yours yourself yourselves ok okay
    yes yeah hi hello hey well oh so thanks thank really"""
)

Message = tuple[str, int]
"""A message's text and its age in turns (1 = the latest)."""


def recency(age: int) -> float:
    """The weight of something said `age` turns back (1 = the latest turn)."""
    return RECENCY ** ((age - 1) / 2)


def words(text: str) -> list[str]:
    """The words a message says, lower case, stop words and @film mentions left out."""
    return [w for w in _WORD.findall(_MENTION.sub(" ", text).lower()) if w not in STOP_WORDS]


@dataclass
class TextModel:
    vocabulary: dict[str, int]
    idf: np.ndarray  # (words,)
    films: list[str]
    weights: np.ndarray  # (words, films), float16: the score of each film per unit of each word

    def vector(self, messages: Iterable[Message]) -> dict[int, float]:
        """The context's TF-IDF, each message weighted by recency, unit length; {} without known words."""
        tf: dict[int, float] = Counter()
        for text, age in messages:
            weight = recency(age)
            for word in words(text):
                if (i := self.vocabulary.get(word)) is not None:
                    tf[i] += weight
        norm = math.sqrt(sum((v * self.idf[i]) ** 2 for i, v in tf.items()))
        return {i: v * self.idf[i] / norm for i, v in tf.items()} if norm else {}

    def scores(self, messages: Iterable[Message]) -> np.ndarray | None:
        """Every film's score for the context, or None when it holds no known word."""
        x = self.vector(messages)
        if not x:
            return None
        rows = np.fromiter(x, dtype=np.int64, count=len(x))
        return np.fromiter(x.values(), dtype=np.float32, count=len(x)) @ self.weights[rows].astype(np.float32)

    def standing(self, messages: Iterable[Message]) -> dict[str, float]:
        """Each film's place among all films for the context, 1.0 for the first and falling
        with the log of the rank, films with equal scores in the same place; {} when the
        context says nothing the model knows or has weights for."""
        scores = self.scores(messages)
        if scores is None or not scores.any():
            return {}
        order = np.argsort(-scores, kind="stable")
        descending = -scores[order]
        rank = np.searchsorted(descending, descending, side="left")  # ties share the best rank
        value = 1.0 - np.log1p(rank) / math.log1p(len(order))
        return {self.films[i]: float(v) for i, v in zip(order, value, strict=True)}

    # -- persistence: one npz blob ------------------------------------------------------------

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        vocabulary = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez(out, vocabulary=np.array(vocabulary), idf=self.idf, films=np.array(self.films), weights=self.weights)
        return out.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> TextModel:
        with np.load(io.BytesIO(blob), allow_pickle=False) as data:
            vocabulary = {str(w): i for i, w in enumerate(data["vocabulary"])}
            return cls(vocabulary, data["idf"], [str(f) for f in data["films"]], data["weights"])


@dataclass
class Turn:
    """One training turn: what was said before it (oldest first, with ages) and the films it names."""

    messages: list[Message]
    targets: list[str]
    dialogue: int  # which dialogue: folds never split one


def fit(turns: Sequence[Turn], *, l2: float = L2) -> TextModel:
    return _Fitter(turns).solve(np.ones(len(turns), dtype=bool), l2)


def fit_folds(turns: Sequence[Turn], *, l2: float = L2, folds: int = FOLDS) -> list[TextModel]:
    """One model per fold of dialogues, each fitted without that fold's dialogues;
    turn i's own model is the one at index turns[i].dialogue % folds."""
    fitter = _Fitter(turns)
    fold = np.array([t.dialogue % folds for t in turns])
    return [fitter.solve(fold != f, l2) for f in range(folds)]


class _Fitter:
    """The design matrices, built once; each solve uses a subset of the turns."""

    def __init__(self, turns: Sequence[Turn]):
        if not turns:
            raise ValueError("no training turns for the text model")
        frequency: Counter[str] = Counter()
        seen: set[tuple[int, int]] = set()  # (dialogue, position of the message in it)
        for turn in turns:  # each message once, though every later turn of its dialogue repeats it
            for position, (text, _) in enumerate(turn.messages):
                if (turn.dialogue, position) not in seen:
                    seen.add((turn.dialogue, position))
                    frequency.update(set(words(text)))
        vocabulary = {w: i for i, (w, _) in enumerate(frequency.most_common(VOCABULARY))}
        documents = max(len(seen), 1)
        idf = np.array([math.log((1 + documents) / (1 + frequency[w])) + 1 for w in vocabulary], dtype=np.float64)
        films = sorted({f for t in turns for f in t.targets})
        column = {film: i for i, film in enumerate(films)}
        self.model = TextModel(vocabulary, idf, films, np.zeros((0, 0), dtype=np.float16))  # weights: `solve`
        x: dict[tuple[int, int], float] = {}
        y: set[tuple[int, int]] = set()
        for r, turn in enumerate(turns):
            x.update(((r, c), v) for c, v in self.model.vector(turn.messages).items())
            y.update((r, column[film]) for film in turn.targets)
        self.x = _sparse(list(x), list(x.values()), (len(turns), len(vocabulary)))
        self.y = _sparse(list(y), np.ones(len(y)), (len(turns), len(films)))

    def solve(self, rows: np.ndarray, l2: float) -> TextModel:
        x, y = self.x[rows], self.y[rows]
        gram = (x.T @ x).toarray() + l2 * np.eye(x.shape[1])
        weights = linalg.cho_solve(linalg.cho_factor(gram), (x.T @ y).toarray(), check_finite=False)
        m = self.model
        return TextModel(m.vocabulary, m.idf, m.films, weights.astype(np.float16))


def _sparse(cells: list[tuple[int, int]], values, shape: tuple[int, int]) -> sparse.csr_matrix:
    rows, cols = zip(*cells, strict=True) if cells else ((), ())
    return sparse.csr_matrix((values, (rows, cols)), shape=shape)


def by_age(messages: Sequence[Mapping]) -> list[Message]:
    """{"role", "text"} messages, oldest first, as (text, age): the last one is age 1."""
    texts = [m.get("text") or "" for m in messages]
    return [(text, len(texts) - i) for i, text in enumerate(texts) if text]
