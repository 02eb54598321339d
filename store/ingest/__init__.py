"""Source adapters: one per file format, each turning a data set into Records."""

from __future__ import annotations

from store.ingest.base import Adapter
from store.ingest.imdb_top_1000 import ImdbTop1000
from store.ingest.jsonl import Jsonl
from store.ingest.movielens import MovieLens
from store.ingest.redial import Redial
from store.ingest.tmdb5000 import Tmdb5000

ADAPTERS: dict[str, Adapter] = {
    adapter.name: adapter for adapter in (Jsonl(), ImdbTop1000(), MovieLens(), Tmdb5000(), Redial())
}


def get_adapter(name: str) -> Adapter:
    try:
        return ADAPTERS[name]
    except KeyError:
        raise ValueError(f"unknown source format {name!r}; valid formats: {', '.join(sorted(ADAPTERS))}") from None
