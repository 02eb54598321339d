"""Whether the picks for "something like X" are like X at all, before the intro says they are.

"Like the notebook but korean" gave three Korean thrillers under the header "Korean films like The
Notebook": the hard constraint left no film near the reference, and the picks were Korean and little
else. A pick is like a reference when its likeness to it (agent.scoring._likeness: meaning, genres,
people) is among the LIKE_SHARE of the catalog's films most like it (and never fewer than LIKE_LEAST
films). Measured on the 11k-film catalog (TMDB 5000 + MovieLens): for "like Heat" the picks stood at
the 89th-98th percentile, for Se7en and The Godfather the film-like picks at the 96th-99.9th; the
Korean picks for The Notebook at the 34th-87th, and Alien, brought into "like The Godfather" by
people who liked both, at the 30th.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict

import numpy as np

from agent.deps import Deps
from agent.nodes.retrieve import filters_for
from agent.scoring import GENRES, MEANING, PEOPLE, people_shared
from agent.understanding.request import Request
from store.catalog import Catalog
from store.movie import Movie

LIKE_SHARE = 0.05  # a film is like a reference when no more than this share of the catalog is likelier,
LIKE_LEAST = 25  # or, in a small catalog, no more than this many films


KEPT = 256  # references whose like films are kept, per catalog (about 550 ids each on 11k films)


class _Table:
    """The catalog's films as rows: their ids, and which genres each has, for likeness in arrays."""

    def __init__(self, catalog: Catalog):
        self.ids, _ = catalog.every_vector()
        self.rows = {movie_id: row for row, movie_id in enumerate(self.ids)}
        names = sorted({g for m in catalog.movies.values() for g in m.genres})
        self.genre_column = {g: c for c, g in enumerate(names)}
        self.genres = np.zeros((len(self.ids), len(names)), dtype=np.float32)
        for row, movie_id in enumerate(self.ids):
            for genre in set(catalog.movies[movie_id].genres):
                self.genres[row, self.genre_column[genre]] = 1.0
        self.genre_counts = self.genres.sum(axis=1)
        self.norms: np.ndarray | None = None  # of the films' vectors, on first use
        self.kept: OrderedDict[str, frozenset[str]] = OrderedDict()


_tables: weakref.WeakKeyDictionary[Catalog, _Table] = weakref.WeakKeyDictionary()


def like_films(catalog: Catalog, anchor_id: str) -> frozenset[str]:
    """The films like the reference: those whose likeness to it (agent.scoring's, computed for the
    whole catalog at once) reaches what LIKE_SHARE of the other films reach."""
    table = _tables.get(catalog)
    if table is None:
        table = _tables[catalog] = _Table(catalog)
    if anchor_id in table.kept:
        table.kept.move_to_end(anchor_id)
        return table.kept[anchor_id]
    anchor = catalog.movies[anchor_id]
    ids, matrix = catalog.every_vector()
    _, anchor_rows = catalog.vector_rows([anchor_id])
    cosine = np.zeros(len(ids), dtype=np.float32)
    if len(ids) and len(anchor_rows):
        if table.norms is None or len(table.norms) != len(ids):
            table.norms = np.linalg.norm(matrix, axis=1)
        norms = table.norms * np.linalg.norm(anchor_rows[0])
        np.divide(matrix @ anchor_rows[0], norms, out=cosine, where=norms > 0)
    columns = [table.genre_column[g] for g in set(anchor.genres) if g in table.genre_column]
    shared = table.genres[:, columns].sum(axis=1)
    union = table.genre_counts + len(set(anchor.genres)) - shared
    genres = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    people = np.zeros(len(ids), dtype=np.float32)
    for name in {*anchor.directors, *anchor.cast}:  # only films crediting one of them share people
        for movie_id in catalog.credits(name):
            if (row := table.rows.get(movie_id)) is not None:
                people[row] = people_shared(catalog.movies[movie_id], anchor)
    likeness = MEANING * cosine + GENRES * genres + PEOPLE * people
    if (own := table.rows.get(anchor_id)) is not None:
        likeness[own] = -np.inf  # the reference is not counted among the films like it
    others = len(likeness) - (own is not None)
    place = min(others, max(LIKE_LEAST, round(LIKE_SHARE * others))) - 1
    bar = float(np.partition(likeness, len(likeness) - 1 - place)[len(likeness) - 1 - place]) if others > 0 else np.inf
    table.kept[anchor_id] = frozenset(ids[row] for row in np.flatnonzero(likeness >= bar))
    if len(table.kept) > KEPT:
        table.kept.popitem(last=False)
    return table.kept[anchor_id]


def unlike_anchors(catalog: Catalog, movie_id: str, anchors: list[Movie]) -> set[str]:
    """The references a film is not like, so its reasons do not call it like them (agent.like_wording)."""
    return {a.id for a in anchors if a.id != movie_id and movie_id not in like_films(catalog, a.id)}


def unlike_references(request: Request, picks: list[str], deps: Deps) -> tuple[list[Movie], list[Movie]]:
    """The references no pick is like: (those some film meeting the request's hard constraints is like,
    those no such film is like)."""
    catalog = deps.catalog
    anchors = [catalog.movies[m] for m in request.get("like_titles") or [] if m in catalog]
    missed, none_fit = [], []
    for anchor in anchors:
        like = like_films(catalog, anchor.id)
        if like.intersection(picks):
            continue
        fitting = catalog.matching_ids(filters_for(request, {anchor.id}))
        (missed if like.intersection(fitting) else none_fit).append(anchor)
    return missed, none_fit
