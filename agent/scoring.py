"""Ranking: the features of each candidate, the fixed scoring rule, and a diverse top-N."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from agent.profile import Profile
from agent.understanding.request import SUBJECT_FIELDS, Request, is_open
from store.catalog import Catalog, ScoredMovie, continues
from store.filters import has_theme
from store.movie import Movie

FEATURES = (
    "relevance", "quality", "popularity", "affinity", "taste", "anchor", "collaborative", "themes", "novelty",
    "comention",
)  # fmt: skip

# The co-mention ranker's relative likelihood (agent.dialogue_ranker), when a table is trained: at
# 1.0, on 120 CFCRS dialogues with the table fitted on KGSF 901, the recommender went from the
# earlier .033/.145/.280 (other dialogues) to R@1/10/50 .038/.168/.310; 3.0 gave .038/.159/.310.
# With the ranker's text and content features, on the validation split of the training files
# (README) 1/2/4/50 gave .032 and R@10/50 .162/.288, .171/.295, .167/.302, .167/.308. On the enriched
# catalog, with tastes and credits read softly, two validation folds gave at 2/3/4
# .036/.198/.347, .038/.200/.354, .040/.203/.356 and .041/.179/.312, .041/.185/.317, .040/.182/.327.
# With refused people, alternatives and verdicts read as such, 4/6 gave .041/.209/.369, .041/.207/.374 and
# .044/.195/.345, .044/.195/.352; with the clock at 2018, 6/8 gave .205/.369, .200/.362 and .189/.343, .188/.343.
# With earlier genres of a handed-in conversation leaning, 6/8 gave .212/.388, .210/.385 and .197/.374, .195/.377;
# with the likelihood flattened (ConversationSignal.temperature 2.5), 6/9/12 gave .214/.399, .214/.401, .214/.399
# and .198/.385, .200/.385, .200/.386 (temperature 4 at 6: .214/.397 and .197/.382).
COMENTION_WEIGHT = 9.0

# The fixed ranker, before any learning. Fitted on the first 300 ReDial validation
# dialogues (Recall@10) and checked on the other 601:
# people asking in a chat mostly get films many people know in the genres they named, and
# the leftover words of a chatty message are a weak signal, so relevance weighs little.
BASE_WEIGHTS = {
    "relevance": 0.25,
    "quality": 0.2,
    "popularity": 0.6,
    "affinity": 0.15,
    "taste": 0.15,
    "anchor": 0.6,
    "collaborative": 0.5,
    "themes": 0.5,
    "novelty": 0.0,
    "comention": COMENTION_WEIGHT,
}
# An open request ("recommend me something") says nothing about content: what people
# with this taste liked, and what is widely liked, carry the ranking.
OPEN_WEIGHTS = {
    **BASE_WEIGHTS,
    "relevance": 0.1,
    "quality": 0.1,
    "popularity": 0.2,
    "collaborative": 0.8,
    "taste": 0.15,
}
# "batman films", "star wars movies": words that begin several titles, and nothing else said of the
# film, name a run of films; what matches them leads, not what people with this taste like
TITLED_WEIGHTS = {**BASE_WEIGHTS, "relevance": 1.0, "quality": 0.4, "collaborative": 0.2}
# "a good thriller", "any good music documentaries?": a wish for good films without a number leans to
# well-rated ones, by their rating against this middling one, and leaves none out (a floor, tried
# before, cost ReDial recall: people say "good" all the time). The quality prior alone barely leans:
# it weighs votes too, and with it weighed 0.6 more a 4.8 still came second for its fame.
MIDDLING_RATING, RATING_SPAN = 6.0, 3.0
DIVERSITY = 0.15  # how much similarity to an already chosen pick costs

# "Lesser-known" is measured against the best-known films that honour the same request (a
# quarter of them by votes, at least 3 and at most 25): a lesser-known pick has fewer votes than
# every one of those, and is still well rated.
GEM_MIN_RATING = 7.0


def best_known_count(fitting: int) -> int:
    """How many of the films that fit a request count as its best-known."""
    return min(25, max(3, round(fitting / 4)))


def lesser_known(movie: Movie, best_known: list[Movie]) -> bool:
    """Whether `movie` may be called lesser-known beside `best_known` (same request, most votes first)."""
    if not best_known or movie.votes is None or movie.rating is None or movie.rating < GEM_MIN_RATING:
        return False
    return movie.id not in {m.id for m in best_known} and movie.votes < min(m.votes or 0 for m in best_known)


@dataclass
class Candidate:
    movie_id: str
    features: dict[str, float]
    score: float = 0.0
    vector: np.ndarray | None = None


def featurise(
    results: list[ScoredMovie],
    catalog: Catalog,
    *,
    request: Request,
    profile: Profile | None,
    anchors: list[str],
    collaborative: dict[str, float],
    rating_counts: dict[str, int] | None = None,
    comention: dict[str, float] | None = None,
) -> list[Candidate]:
    """Every feature in 0..1 (affinity and taste in -1..1), comparable across requests."""
    ids = [r.movie.id for r in results]
    vectors = catalog.vectors(ids + list(anchors))
    candidate_vectors = [vectors.get(movie_id) for movie_id in ids]
    anchor_movies = [(catalog.movies[a], vectors.get(a)) for a in anchors if a in catalog]
    known = catalog.popularity(ids, rating_counts)
    taste = cosines(candidate_vectors, profile.taste if profile is not None else None)
    anchor_cosines = [cosines(candidate_vectors, v) for _, v in anchor_movies]
    top_collab = max(collaborative.values(), default=0.0) or 1.0
    wanted_moods = set(request.get("moods") or [])
    unwanted_moods = unwanted(set(request.get("exclude_moods") or []))
    wanted_themes = [k.lower() for k in request.get("keywords") or []]
    # the alternatives of "thrillers or comedies" lean too: a film that is both fits twice
    soft_genres = set(request.get("soft_genres") or []) | set(request.get("any_genres") or [])
    soft_people = set(request.get("soft_people") or [])
    lean_away = set(request.get("lean_away_genres") or [])  # "less action"
    soft_languages = set(request.get("soft_languages") or [])
    soft_countries = set(request.get("soft_countries") or [])
    soft_era = (request.get("soft_year_min"), request.get("soft_year_max"))  # (None, None): no era leans
    comention = comention or {}
    candidates = []
    for i, result in enumerate(results):
        movie = result.movie
        popularity = known.get(movie.id, 0.0)
        themes = _themes(movie, wanted_moods, unwanted_moods, wanted_themes)
        if soft_genres:
            themes += len(soft_genres & set(movie.genres)) / len(soft_genres)
        if lean_away and movie.genres:
            themes -= leaned_away(movie.genres, lean_away)
        if soft_people and not soft_people.isdisjoint((*movie.directors, *movie.cast)):
            themes += 0.5
        if movie.language in soft_languages or movie.country in soft_countries:
            themes += 0.5
        if soft_era != (None, None) and movie.year and (soft_era[0] or 0) <= movie.year <= (soft_era[1] or 9999):
            themes += 0.5
        if request.get("quality"):
            themes += rated_lean(movie)
        echoes = [_echoes(movie, a, catalog) for a, _ in anchor_movies]  # its vector's closeness is partly its title's
        features = {
            "relevance": result.relevance * (1 - 2 * TITLE_ECHO if any(echoes) else 1),
            "quality": result.quality,
            "popularity": popularity,
            "affinity": profile.affinity(movie) if profile else 0.0,
            "taste": taste[i],
            "anchor": max(
                (
                    _likeness(movie, a, float(c[i]) - TITLE_ECHO * echo)
                    for (a, _), c, echo in zip(anchor_movies, anchor_cosines, echoes, strict=True)
                ),
                default=0.0,
            ),
            "collaborative": collaborative.get(movie.id, 0.0) / top_collab,
            "themes": themes,
            "novelty": 1.0 - popularity,
            "comention": comention.get(movie.id, 0.0),
        }
        candidates.append(Candidate(movie.id, features, vector=candidate_vectors[i]))
    return candidates


def rated_lean(movie: Movie) -> float:
    """What a wish for good films gives a film, -1..1: a 4.8 loses, an 8.0 gains, a film rated by too
    few people to go by (or not at all) neither, so none is left out for it."""
    rating = movie.rating_that_counts
    if rating is None:
        return 0.0
    return max(-1.0, min(1.0, (rating - MIDDLING_RATING) / RATING_SPAN))


def leaned_away(genres: list[str], lean_away: set[str]) -> float:
    """What "less action" costs a film: most when action is what it is first, less when action is
    one of its other genres, nothing without it; no film is left out for it."""
    if genres[0] in lean_away:
        return 1.0
    return 0.5 if lean_away.intersection(genres) else 0.0


def cosines(vectors: list[np.ndarray | None], other: np.ndarray | None) -> list[float]:
    """Cosine of each vector to `other`, in one matrix product; 0 where either is missing."""
    if other is None or not vectors:
        return [0.0] * len(vectors)
    present = [i for i, v in enumerate(vectors) if v is not None]
    values = [0.0] * len(vectors)
    if not present:
        return values
    rows = np.stack([vectors[i] for i in present])
    denominators = np.linalg.norm(rows, axis=1) * np.linalg.norm(other)
    dots = rows @ other
    for i, dot, denominator in zip(present, dots.tolist(), denominators.tolist(), strict=True):
        values[i] = dot / denominator if denominator else 0.0
    return values


def _themes(movie, wanted_moods: set[str], unwanted_moods: set[str], wanted_themes: list[str]) -> float:
    """Share of the asked-for moods and themes the film has, minus one for a mood in
    `unwanted_moods` (the refused ones with their kin, see `unwanted`).

    A theme counts when a keyword holds its words ("heist" in "botched heist", "zombies" in
    "zombie") or, more weakly, when the synopsis mentions it.
    """
    asked = len(wanted_moods) + len(wanted_themes)
    value = float(len(wanted_moods & set(movie.moods)))
    if wanted_themes:
        overview = movie.overview.lower()
        for theme in wanted_themes:
            value += 1.0 if has_theme(movie.keywords, theme) else 0.5 if theme in overview else 0.0
    value = value / asked if asked else 0.0
    return value - (1.0 if unwanted_moods & set(movie.moods) else 0.0)


# A soft wish against a tone reaches the moods people mean by it: "less grim" is not only
# dark and bleak but disturbing and violent too (Misery, From Dusk Till Dawn), and "less
# violent" is not gory-and-disturbing either.
MOOD_KIN = {
    "dark": ("bleak", "disturbing"),
    "bleak": ("dark", "disturbing"),
    "disturbing": ("dark", "violent"),
    "violent": ("disturbing",),
    "scary": ("disturbing",),
}


def unwanted(moods: set[str]) -> set[str]:
    """The moods a request refuses, with their kin; "dark" and "bleak" together also mean "violent"."""
    kin = set(moods)
    for mood in moods:
        kin.update(MOOD_KIN.get(mood, ()))
    if {"dark", "bleak"} <= set(moods):
        kin.add("violent")
    return kin


# A film's embedding holds its title, so "like Donnie Darko" sat as close to Donnie Brasco (.58) as to
# Dark City (.59), and "like Annie Hall" closer to Annie (2014) than to Manhattan (.52 against .43):
# a title word shared with the reference, outside its series, costs the likeness that much.
TITLE_ECHO = 0.15
_TITLE_FILLER = frozenset(
    ["the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "from", "at", "by", "de", "la", "le", "el"]
)


def _echoes(movie, anchor, catalog: Catalog) -> bool:
    """The film's title shares a word with the reference's, and the two are no films of one series
    (Toy Story 2 and 3, The Two Towers and The Return of the King, The Matrix and Reloaded)."""
    mine, theirs = _title_words(movie.title), _title_words(anchor.title)
    if set(mine).isdisjoint(theirs) or mine[:2] == theirs[:2]:
        return False
    # the reference's series is worked out once per reference; a later film's is only its title
    return movie.id not in catalog.series_of(anchor.id) and not continues(
        anchor.title.casefold(), movie.title.casefold()
    )


@functools.lru_cache(maxsize=65536)  # each candidate's title is read once per process, not once per turn
def _title_words(title: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"\w+", title.casefold()) if w not in _TITLE_FILLER and not w.isdigit())


MEANING, GENRES, PEOPLE = 0.6, 0.3, 0.1  # what likeness() weighs: embeddings, genres, people


def _likeness(movie, anchor, cosine: float) -> float:
    """How much a film resembles a reference title: meaning (`cosine` of their embeddings),
    genres and people together."""
    genres = set(movie.genres) | set(anchor.genres)
    shared_genres = len(set(movie.genres) & set(anchor.genres)) / len(genres) if genres else 0.0
    return MEANING * cosine + GENRES * shared_genres + PEOPLE * people_shared(movie, anchor)


def people_shared(movie, anchor) -> float:
    """A director in common counts 1, a star 0.5, at most 1 in all."""
    shared = bool(set(movie.directors) & set(anchor.directors)) + 0.5 * bool(set(movie.cast) & set(anchor.cast))
    return min(shared, 1.0)


def names_titles(request: Request, catalog: Catalog) -> bool:
    """The request's only subject is words that begin two or more titles ("batman films")."""
    query = " ".join(str(request.get("query") or "").split())
    subject = any(request.get(name) for name in SUBJECT_FIELDS if name != "query")
    return bool(query) and not subject and len(query.split()) <= 3 and len(catalog.titled(query)) >= 2


def score(candidates: list[Candidate], request: Request, weights: dict[str, float] | None = None) -> None:
    """The fixed ranker's score; a hidden-gem request trades popularity for novelty."""
    weights = dict(weights or (OPEN_WEIGHTS if is_open(request) else BASE_WEIGHTS))
    if request.get("hidden_gem"):
        weights["novelty"] += 0.3
        weights["popularity"] = 0.0
    if request.get("popular"):
        weights["popularity"] += 0.3
    for candidate in candidates:
        candidate.score = sum(weights.get(name, 0.0) * value for name, value in candidate.features.items())


def diverse_top(candidates: list[Candidate], count: int, catalog: Catalog) -> list[Candidate]:
    """Greedy maximal marginal relevance: good picks that are not near-copies of each other.

    A second film by the same director, or one whose synopsis embedding sits right
    next to a chosen pick (sequels, remakes), pays a penalty.
    """
    pool = sorted(candidates, key=lambda c: c.score, reverse=True)[: max(count * 6, 20)]
    if not pool:
        return []
    scores = np.array([c.score for c in pool])
    units = unit_rows(pool)
    directors = [set(catalog.movies[c.movie_id].directors) for c in pool]
    nearest = np.zeros(len(pool))  # each candidate's similarity to its closest chosen pick
    available = np.ones(len(pool), dtype=bool)
    chosen: list[Candidate] = []
    while len(chosen) < min(count, len(pool)):
        best = int(np.argmax(np.where(available, scores - DIVERSITY * nearest, -np.inf)))
        chosen.append(pool[best])
        available[best] = False
        similarity = np.maximum(units @ units[best], 0.0)
        if directors[best]:
            same = np.array([bool(d & directors[best]) for d in directors])
            similarity = np.where(same, np.maximum(similarity, 0.8), similarity)
        nearest = np.maximum(nearest, similarity)
    return chosen


def unit_rows(candidates: list[Candidate]) -> np.ndarray:
    """The candidates' embeddings as unit rows; zeros where a vector is missing."""
    width = next((c.vector.shape[0] for c in candidates if c.vector is not None), 1)
    rows = np.array([c.vector if c.vector is not None else np.zeros(width) for c in candidates], dtype=np.float64)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)


def max_similarity(candidate: Candidate, chosen: list[Candidate]) -> float:
    """How close a candidate's embedding sits to the nearest already chosen pick."""
    return max([0.0, *(_cosine(candidate.vector, other.vector) for other in chosen)])


def _cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    denom = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.dot(a, b) / denom) if denom else 0.0
