"""A user's taste, derived from their ratings and history, in the forms ranking needs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from store.catalog import Catalog

NEUTRAL_STARS = 3.0
LIKED_FROM = 4.0  # stars from which a film counts as liked: the picks lean to it, "more in that vein"
DISLIKED_UP_TO = 2.5  # stars up to which a film counts as disliked: the picks steer away from it
THUMBS = {"like": "👍", "dislike": "👎"}  # a reaction, stored as stars only for ranking
SAID = ("liked", "loved", "disliked")  # a verdict said in chat with no number ("I liked Heat")


def as_given(stars: float, reaction: str | None = None) -> str:
    """A rating as the user gave it (ProfileStore.reactions): "4.5/5" for stars, 👍 or 👎 for a
    reaction, the word for a verdict said in chat ("“liked”"). The other sentences a rating is said
    in, you_gave ("rated it 4.5/5") and agent.explanations.your_rating ("which you loved (5/5)"),
    write its stars so and tell its kind by SAID and THUMBS, but each needs its own verbs."""
    if reaction in SAID:
        return f"“{reaction}”"
    return THUMBS.get(reaction or "") or f"{stars:g}/5"


def you_gave(stars: float, reaction: str | None = None, it: str = "it") -> str:
    """ "gave it a thumbs up", "said you liked it", "rated it 4.5/5": how a rating was given; `it`
    names the film ("rated Alien (1979) 4/5")."""
    if reaction in SAID:
        return f"said you {reaction} {it}"
    if reaction in THUMBS:
        return f"gave {it} a thumbs {'up' if reaction == 'like' else 'down'}"
    return f"rated {it} {as_given(stars)}"


def stars_then(stars: float) -> str:
    """What a rating given in stars does to the picks, said after "Noted: 3 out of 5 for Memento": a 4
    or 5 leans them to films like it, a 2.5 or less away from them, and a 3 neither, so nothing is
    promised for it (it said "I'll look for more in that vein." of a lukewarm 3)."""
    if stars >= LIKED_FROM:
        return " I'll look for more in that vein."
    return " I'll steer away from things like it." if stars <= DISLIKED_UP_TO else ""


def verdict_source(intent: str, stars: float | None, said: bool) -> str:
    """The source a chat verdict is stored with: "chat" for stars said in so many words ("heat is
    a 4"), "chat:liked", "chat:loved" or "chat:disliked" for a verdict with no number, whose
    stars are none the user gave (ProfileStore.reactions reads them back)."""
    if said or intent not in ("liked", "disliked") or (stars is not None and DISLIKED_UP_TO < stars < LIKED_FROM):
        return "chat"  # "Heat was ok": a middling 3, said back as the 3 the reply named, not as "liked"
    return "chat:disliked" if intent == "disliked" else "chat:loved" if (stars or 0) >= 5 else "chat:liked"


@dataclass
class Profile:
    user: str
    ratings: dict[str, float] = field(default_factory=dict)  # movie id -> stars, in the catalog
    reactions: dict[str, str] = field(default_factory=dict)  # movie id -> "like"/"liked"...: a 👍 or a word, not stars
    excluded: set[str] = field(default_factory=set)  # watched, disliked or dismissed
    taste: np.ndarray | None = None  # unit vector: liked minus disliked embeddings
    genres: dict[str, float] = field(default_factory=dict)  # affinity, about -1..1
    directors: dict[str, float] = field(default_factory=dict)
    actors: dict[str, float] = field(default_factory=dict)
    decades: dict[int, float] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.ratings

    def liked(self, threshold: float = LIKED_FROM) -> list[str]:
        """Liked movie ids, best-rated first."""
        return [m for m, s in sorted(self.ratings.items(), key=lambda kv: -kv[1]) if s >= threshold]

    def disliked(self, threshold: float = DISLIKED_UP_TO) -> list[str]:
        return [m for m, s in self.ratings.items() if s <= threshold]

    def _given(self, movie_id: str) -> str:
        given = as_given(self.ratings[movie_id], self.reactions.get(movie_id))
        return given if movie_id in self.reactions else f"({given})"

    def affinity(self, movie) -> float:
        """How well a movie's genres, people and decade fit this profile, about -1..1."""
        if self.is_empty:
            return 0.0
        parts = []
        if movie.genres:
            parts.append((1.0, sum(self.genres.get(g, 0.0) for g in movie.genres) / len(movie.genres)))
        if movie.directors:
            parts.append((1.0, max(self.directors.get(d, 0.0) for d in movie.directors)))
        if movie.cast:
            parts.append((0.5, max(self.actors.get(a, 0.0) for a in movie.cast)))
        if movie.decade:
            parts.append((0.5, self.decades.get(movie.decade, 0.0)))
        weight = sum(w for w, _ in parts)
        return sum(w * v for w, v in parts) / weight if weight else 0.0

    def summary(self, catalog: Catalog, limit: int = 5) -> str:
        """A few plain lines for prompts and /profile; only this user's own data."""
        if self.is_empty:
            return "No ratings yet."
        lines = []
        liked = [catalog.movies[m] for m in self.liked()[:limit]]
        if liked:
            lines.append("Liked: " + ", ".join(f"{m.label} {self._given(m.id)}" for m in liked))
        disliked = [catalog.movies[m] for m in self.disliked()[:limit]]
        if disliked:
            lines.append("Disliked: " + ", ".join(m.label for m in disliked))
        top = [g for g, a in sorted(self.genres.items(), key=lambda kv: (-kv[1], kv[0])) if a > 0.15][:4]
        if top:
            lines.append("Favourite genres: " + ", ".join(top))
        low = [g for g, a in sorted(self.genres.items(), key=lambda kv: (kv[1], kv[0])) if a < -0.15][:3]
        if low:
            lines.append("Less keen on: " + ", ".join(low))
        directors = [d for d, a in sorted(self.directors.items(), key=lambda kv: -kv[1]) if a > 0.3][:3]
        if directors:
            lines.append("Favourite directors: " + ", ".join(directors))
        decades = [d for d, a in sorted(self.decades.items(), key=lambda kv: -kv[1]) if a > 0.2][:2]
        if decades:
            lines.append("Favourite decades: " + ", ".join(f"{d}s" for d in decades))
        return "\n".join(lines)


def build_profile(
    user: str,
    ratings: dict[str, float],
    excluded: set[str],
    catalog: Catalog,
    *,
    with_taste: bool = True,
    reactions: dict[str, str] | None = None,
) -> Profile:
    """Affinities are rating-weighted means shrunk toward zero, so one film says little."""
    ratings = {m: s for m, s in ratings.items() if m in catalog}
    reacted = {m: r for m, r in (reactions or {}).items() if m in ratings}
    profile = Profile(user=user, ratings=ratings, reactions=reacted, excluded=set(excluded))
    if not ratings:
        return profile
    sums: dict[str, dict] = {"genres": defaultdict(float), "directors": defaultdict(float),
                             "actors": defaultdict(float), "decades": defaultdict(float)}  # fmt: skip
    counts: dict[str, dict] = {key: defaultdict(int) for key in sums}
    for movie_id, stars in ratings.items():
        movie = catalog.movies[movie_id]
        centred = (stars - NEUTRAL_STARS) / 2.0
        for key, values in (
            ("genres", movie.genres),
            ("directors", movie.directors[:2]),
            ("actors", movie.cast[:4]),
            ("decades", [movie.decade] if movie.decade else []),
        ):
            for value in values:
                sums[key][value] += centred
                counts[key][value] += 1
    for key, shrink in (("genres", 3), ("directors", 1), ("actors", 2), ("decades", 3)):
        setattr(profile, key, {v: sums[key][v] / (counts[key][v] + shrink) for v in sums[key]})
    if with_taste:
        profile.taste = taste_vector(ratings, catalog)
    return profile


def taste_vector(ratings: dict[str, float], catalog: Catalog) -> np.ndarray | None:
    """Rating-weighted mean of liked embeddings minus disliked ones, unit length."""
    weights = {m: (s - NEUTRAL_STARS) for m, s in ratings.items() if s != NEUTRAL_STARS}
    if not weights:
        return None
    vectors = catalog.vectors(list(weights))
    total = sum(weights[m] * vectors[m] for m in vectors)
    if isinstance(total, int):
        return None
    norm = float(np.linalg.norm(total))
    return total / norm if norm > 1e-6 else None
