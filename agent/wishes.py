"""Soft wishes by meaning: "less grim" pushes away from what a grim synopsis reads like.

The mood labels catch the films someone labelled; a wish's embedding also reaches the ones
nobody did (The Hurt Locker is labelled tense, intense and gritty, not grim, yet reads grim).
The wish is said back as a short description of the moods it asked for and refused, embedded
at most once per turn (one call for both; a wish said before is remembered on Deps). A
candidate's theme score gains how much nearer its synopsis sits to the wanted description than
the pool's average does, and pays for sitting nearer the refused one than the average.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from agent.scoring import Candidate, unit_rows, unwanted
from store.embeddings import Embedder

# How far a wish's meaning moves the theme score: at 0.5 a film a tenth nearer the refused
# description than the pool's average loses a twentieth of a matching mood label's worth. Chosen on the
# starter catalog: at 1.0 "like Se7en but less grim" traded L.A. Confidential for Seven Samurai.
WISH_WEIGHT = 0.5


def wish_texts(request: Mapping) -> tuple[str, str]:
    """The moods a request wants and the ones it refuses (with their kin), as short descriptions."""
    wanted = list(request.get("moods") or [])
    refused = sorted(unwanted(set(request.get("exclude_moods") or [])) - set(wanted))
    return (f"a {', '.join(wanted)} film" if wanted else "", f"a {', '.join(refused)} film" if refused else "")


def wish_vectors(
    embedder: Embedder, request: Mapping, cache: dict | None = None
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The wanted and refused descriptions embedded, (None, None) with no soft wish. The texts
    not in `cache` (Deps.profile_cache, kept between turns) are embedded in one call."""
    texts = wish_texts(request)
    cache = {} if cache is None else cache
    missing = [t for t in texts if t and f"__wish__:{t}" not in cache]
    if missing:
        for text, vector in zip(missing, embedder.embed_documents(missing), strict=True):
            cache[f"__wish__:{text}"] = _unit(np.asarray(vector, dtype=np.float64))
    wanted, refused = (cache[f"__wish__:{t}"] if t else None for t in texts)
    return wanted, refused


def shape_by_wish(candidates: list[Candidate], wanted: np.ndarray | None, refused: np.ndarray | None) -> None:
    """Each candidate's "themes" feature gains its synopsis' pull toward the wanted description
    and pays for reading nearer the refused one than the pool does (a film lighter than the pool
    earns nothing by it: "less grim" is not "as light as possible")."""
    has_vector = np.array([c.vector is not None for c in candidates], dtype=bool)
    if not has_vector.any() or (wanted is None and refused is None):
        return
    units = unit_rows(candidates)
    pull = np.zeros(len(candidates))
    if wanted is not None:
        near = units @ wanted
        pull += near - near[has_vector].mean()
    if refused is not None:
        near = units @ refused
        pull -= np.maximum(near - near[has_vector].mean(), 0.0)
    for candidate, value, known in zip(candidates, pull, has_vector, strict=True):
        if known:
            candidate.features["themes"] += WISH_WEIGHT * float(value)


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 1e-9 else vector
