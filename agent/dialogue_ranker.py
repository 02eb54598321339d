"""What to suggest next in a conversation, from the films mentioned so far: a learned ranker.

The signals, each a feature of a candidate film:
- co-mentions: how often people who talked about the films mentioned so far also talked
  about this one (store.comentions), the latest mentions counting most, and separately
  from the films the user said they liked and the ones they disliked;
- popularity among the conversations the table was built from;
- genre agreement with the genres asked for and with the films mentioned;
- era agreement with the films mentioned, and a shared director or lead actor;
- the words said so far: where a text model (agent.dialogue_text) ranks the film for them;
- how close the film's description is to the mentioned films' (the catalog's embeddings).

The weights are a softmax (listwise logistic) regression fitted with numpy on recommender
turns of training dialogues, each turn's features computed with its own dialogue left out
of the table (`fit`), so nothing is learnt from a dialogue's own answers.
"""

from __future__ import annotations

import logging
import math
import zipfile
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from agent.dialogue_text import Message, TextModel, recency
from store.comentions import CoMentions
from store.movie import Movie

FEATURES = (
    "co_recent",  # co-mentions with the films mentioned so far, the latest weighing most
    "co_cosine",  # co-mentions divided by both films' counts: the less obvious neighbours
    "co_liked",  # co-mentions with films the user said they liked
    "co_disliked",  # ... and with films they said they disliked
    "popularity",  # log conversations mentioning the film, 0..1
    "popularity_cold",  # the same, only before any film is mentioned
    "genre_asked",  # share of the asked-for genres' weight the film has
    "genre_mentioned",  # share of the mentioned films' genres the film has
    "genre_any",  # share of the film's genres that were asked for or mentioned
    "popular_in_genre",  # popularity x genre_asked
    "era",  # closeness of the film's year to the mentioned films' median year
    "people",  # shares a director or lead actor with a mentioned film
    "text",  # the film's standing for the words said so far (agent.dialogue_text), 0 without a text model
    "content",  # cosine of the film's embedding to the mentioned films' recency-weighted mean, 0 without vectors
)
log = logging.getLogger(__name__)

RANKER_KEY = "ranker"  # where the fitted weights sit in the co-mention table's meta
TEXT_KEY = "text_model"  # where the text model sits in the table's blobs
FilmVectors = Callable[[Sequence[str]], tuple[list[str], np.ndarray]]
"""The given films that have an embedding in the catalog, and their unit vectors as a matrix's
rows in that order (Catalog.vector_rows)."""

POPULAR_POOL = 400  # the most-mentioned films always compete
GENRE_POOL = 250  # and the most-mentioned of each genre in play


@dataclass
class Conversation:
    """What a conversation has said so far, as the ranker reads it."""

    mentioned: dict[str, int] = field(default_factory=dict)  # film id -> turns since its last mention (1 = latest)
    liked: set[str] = field(default_factory=set)  # mentioned films the user said they liked
    disliked: set[str] = field(default_factory=set)
    genres: dict[str, float] = field(default_factory=dict)  # genre asked for -> weight (recent = 1)
    exclude: set[str] = field(default_factory=set)  # never suggested (mentioned, watched, refused)
    text: dict[str, float] = field(default_factory=dict)  # film -> standing for the words said (TextModel)

    def recency(self, film: str) -> float:
        return recency(self.mentioned[film])


class Model:
    """A co-mention table over a catalog, with what every ranking reuses precomputed."""

    def __init__(self, table: CoMentions, movies: Mapping[str, Movie], vectors: FilmVectors | None = None):
        self.table = table
        self.movies = movies
        self.vectors = vectors
        self.popular = [m for m in table.most_mentioned() if m in movies]
        self.by_genre: dict[str, list[str]] = defaultdict(list)
        for film in self.popular:
            for genre in movies[film].genres:
                self.by_genre[genre].append(film)
        top = table.count(self.popular[0]) if self.popular else 0
        self.log_top = math.log1p(top) or 1.0

    def features(self, conversation: Conversation, minus: Collection[str] = ()) -> tuple[list[str], np.ndarray]:
        """(candidate ids, one row of FEATURES each); `minus` leaves one conversation out of the table."""
        table, movies = self.table, self.movies
        exclude = conversation.exclude | set(conversation.mentioned)
        co: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(4))
        for seed in conversation.mentioned:
            seed_count = table.count(seed, minus)
            if not seed_count:
                continue
            weight = conversation.recency(seed)
            for film, together in table.neighbours(seed, minus).items():
                if film in exclude or film not in movies:
                    continue
                share = together / seed_count
                row = co[film]
                row[0] += weight * share
                row[1] += together / math.sqrt(seed_count * max(table.count(film, minus), 1))
                if seed in conversation.liked:
                    row[2] += weight * share
                if seed in conversation.disliked:
                    row[3] += weight * share
        pool = dict.fromkeys(co)
        pool.update(dict.fromkeys(self.popular[:POPULAR_POOL]))
        seed_genres: dict[str, float] = defaultdict(float)
        for seed in conversation.mentioned:
            for genre in movies[seed].genres if seed in movies else ():
                seed_genres[genre] += conversation.recency(seed)
        for genre in {*conversation.genres, *seed_genres}:
            pool.update(dict.fromkeys(self.by_genre.get(genre, ())[:GENRE_POOL]))
        asked_total = sum(conversation.genres.values())
        seed_total = sum(seed_genres.values())
        in_play = set(conversation.genres) | set(seed_genres)
        years = [movies[s].year for s in conversation.mentioned if s in movies and movies[s].year]
        median_year = float(np.median(years)) if years else None
        people = {p for s in conversation.mentioned if s in movies for p in _people(movies[s])}
        candidates = [film for film in pool if film not in exclude and film in movies]
        content = self._content(conversation, candidates)
        ids, rows = [], []
        for film in candidates:
            movie = movies[film]
            genres = set(movie.genres)
            counts = co.get(film)
            popularity = math.log1p(table.count(film, minus)) / self.log_top
            asked = sum(conversation.genres.get(g, 0.0) for g in genres) / asked_total if asked_total else 0.0
            rows.append(
                (
                    math.log1p(10 * counts[0]) if counts is not None else 0.0,
                    math.log1p(counts[1]) if counts is not None else 0.0,
                    math.log1p(10 * counts[2]) if counts is not None else 0.0,
                    math.log1p(10 * counts[3]) if counts is not None else 0.0,
                    popularity,
                    popularity if not conversation.mentioned else 0.0,
                    asked,
                    sum(seed_genres.get(g, 0.0) for g in genres) / seed_total if seed_total else 0.0,
                    len(genres & in_play) / len(genres) if genres else 0.0,
                    popularity * asked,
                    math.exp(-abs(movie.year - median_year) / 8) if movie.year and median_year else 0.0,
                    float(bool(people & set(_people(movie)))),
                    conversation.text.get(film, 0.0),
                    content.get(film, 0.0),
                )
            )
            ids.append(film)
        return ids, np.array(rows, dtype=np.float64).reshape(len(ids), len(FEATURES))

    def _content(self, conversation: Conversation, candidates: list[str]) -> dict[str, float]:
        """Each candidate's cosine to the recency-weighted mean of the mentioned films' vectors
        (the mean of its cosines to them, the latest weighing most); {} without vectors."""
        if self.vectors is None or not conversation.mentioned or not candidates:
            return {}
        seeds, seed_vectors = self.vectors(list(conversation.mentioned))
        if not seeds:
            return {}
        weights = np.array([conversation.recency(s) for s in seeds])
        centre = weights @ seed_vectors / weights.sum()
        scored, matrix = self.vectors(candidates)
        return dict(zip(scored, (matrix @ centre).tolist(), strict=True)) if scored else {}


def _people(movie: Movie) -> list[str]:
    return [*movie.directors[:2], *movie.cast[:3]]


@dataclass
class Ranker:
    """A linear score over standardised FEATURES."""

    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray

    def scores(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) @ self.weights if len(rows) else np.zeros(0)

    def rank(self, model: Model, conversation: Conversation, k: int) -> list[tuple[str, float]]:
        """The k best films for the conversation's next turn, best first, with their scores."""
        ids, rows = model.features(conversation)
        scores = self.scores(rows)
        order = np.lexsort((np.array(ids, dtype=object).astype(str), -scores))[:k] if ids else []
        return [(ids[i], float(scores[i])) for i in order]

    def to_dict(self) -> dict:
        return {
            "features": list(FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "mean": [round(float(m), 6) for m in self.mean],
            "scale": [round(float(s), 6) for s in self.scale],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Ranker | None:
        """None when the saved weights were fitted on another feature set. Weights saved before
        the text and content features were added still load, with no weight on those."""
        saved = tuple(data.get("features") or ())
        if len(saved) < FEATURES.index("text") or saved != FEATURES[: len(saved)]:
            return None
        arrays = [np.array(data.get(k) or [], dtype=np.float64) for k in ("weights", "mean", "scale")]
        if not all(a.shape == (len(saved),) for a in arrays):
            return None
        missing = len(FEATURES) - len(saved)
        weights, mean, scale = (np.append(a, [fill] * missing) for a, fill in zip(arrays, (0.0, 0.0, 1.0), strict=True))
        return cls(weights, mean, scale)


@dataclass
class Example:
    """One recommender turn of a training dialogue: its candidates' features and the films named."""

    ids: list[str]
    rows: np.ndarray
    targets: list[str]


def fit(examples: Sequence[Example], *, l2: float = 1e-3, steps: int = 150) -> Ranker:
    """Maximise the mean log-probability of the named films under a softmax over each turn's
    candidates, by gradient descent with a step that grows while the loss falls and halves
    when it rises (so no learning rate needs tuning)."""
    usable = [e for e in examples if len(e.ids)]
    if not usable:
        raise ValueError("no training turn has candidates: the co-mention table is empty")
    stacked = np.concatenate([e.rows for e in usable])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-6
    blocks, starts, hits, hits_per_turn = [], [], [], []
    offset = 0
    for example in usable:
        position = {film: i for i, film in enumerate(example.ids)}
        named = [offset + position[t] for t in example.targets if t in position]
        if named:
            blocks.append((example.rows - mean) / scale)
            starts.append(offset)
            hits += named
            hits_per_turn.append(len(named))
            offset += len(example.ids)
    if not blocks:
        raise ValueError("no training turn names a film among its candidates")
    rows, starts = np.concatenate(blocks), np.array(starts)
    hit_rows, hits_per_turn = rows[hits], np.array(hits_per_turn, dtype=np.float64)
    turn_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(rows))))
    total = float(hits_per_turn.sum())

    def loss_and_gradient(weights: np.ndarray) -> tuple[float, np.ndarray]:
        logits = rows @ weights
        logits -= np.maximum.reduceat(logits, starts)[turn_of]
        exp = np.exp(logits)
        sums = np.add.reduceat(exp, starts)
        log_probability = logits[hits] - np.log(sums[turn_of[hits]])
        expected = np.add.reduceat(exp[:, None] * rows, starts) / sums[:, None]
        gradient = -(hit_rows.sum(axis=0) - hits_per_turn @ expected) / total
        loss = -float(log_probability.sum()) / total
        return loss + 0.5 * l2 * weights @ weights, gradient + l2 * weights

    weights = np.zeros(len(FEATURES))
    loss, gradient = loss_and_gradient(weights)
    step = 1.0
    for _ in range(steps):
        trial = weights - step * gradient
        trial_loss, trial_gradient = loss_and_gradient(trial)
        if trial_loss < loss:
            weights, loss, gradient = trial, trial_loss, trial_gradient
            step *= 1.2
        else:
            step *= 0.5
    return Ranker(weights, mean, scale)


@dataclass
class ConversationSignal:
    """The co-mention ranker as one feature of the recommender: for the films a request is
    about, how likely each candidate is to be the one people name next, relative to the
    likeliest (1.0 for the best, toward 0 for the unlikely), flattened by `temperature`."""

    model: Model
    ranker: Ranker
    text: TextModel | None = None
    limit: int = 200  # films scored per request
    # The likelihood flattened (exp(Δscore / 2.5) rather than exp(Δscore)) so that the ranker's order
    # still counts below its first ten picks: chosen on the validation folds (README), where it
    # raised the recommender's R@50 from .388/.374 to .401/.385 (with the weight 9.0).
    temperature: float = 2.5

    def scores(
        self,
        mentioned: Sequence[str],
        *,
        genres: Sequence[str] = (),
        exclude: Collection[str] = (),
        messages: Sequence[Message] = (),
    ) -> dict[str, float]:
        """`mentioned` in order of recency (the latest first), `messages` the conversation's
        (text, age in turns); empty when there is nothing to go on."""
        standing = self.text.standing(messages) if self.text is not None and messages else {}
        if not mentioned and not genres and not standing:
            return {}
        conversation = Conversation(
            mentioned={film: age for age, film in enumerate(dict.fromkeys(mentioned), 1)},
            liked=set(mentioned),
            genres=dict.fromkeys(genres, 1.0),
            exclude=set(exclude),
            text=standing,
        )
        ranked = self.ranker.rank(self.model, conversation, self.limit)
        if not ranked:
            return {}
        best = ranked[0][1]
        return {film: math.exp((score - best) / self.temperature) for film, score in ranked}

    @classmethod
    def from_table(
        cls, table: CoMentions | None, movies: Mapping[str, Movie], vectors: FilmVectors | None = None
    ) -> ConversationSignal | None:
        """The signal from a saved table, or None without one (or with weights for other features)."""
        data = table.get_meta(RANKER_KEY) if table is not None else None
        ranker = Ranker.from_dict(data) if isinstance(data, dict) else None
        if table is None or ranker is None or not len(table):
            return None
        if not ranker.weights[FEATURES.index("content")]:
            vectors = None  # weights fitted before the feature: no need to look vectors up each turn
        return cls(Model(table, movies, vectors), ranker, _text_model(table))


def _text_model(table: CoMentions) -> TextModel | None:
    """The table's text model; None without one, or when it cannot be read (the co-mention
    ranker then works without words, as it did before there was one)."""
    blob = table.blobs.get(TEXT_KEY)
    if not blob:
        return None
    try:
        return TextModel.from_bytes(blob)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        log.warning("the co-mention table's text model cannot be read (%s); retrain with `moviebot train`", exc)
        return None
