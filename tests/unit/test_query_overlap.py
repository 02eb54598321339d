"""A turn's query vector is computed on another core while the rest of the turn (its lexical
search, its counts, what similar users liked) goes on: the same films come back, sooner, and an
embedding that fails still says why."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from store.embeddings import in_background
from tests.fakes import HashingEmbedder
from tests.unit.test_requests_honoured import make_bot


class _WaitsForLexical(HashingEmbedder):
    """Embeds a query only once the lexical search of the same turn has run (or after 5 s):
    done one after the other, as before, the query would wait the whole time."""

    def __init__(self) -> None:
        super().__init__()
        self.lexical_ran = threading.Event()
        self.waited_for: list[bool] = []

    def embed_query(self, text: str) -> np.ndarray:
        self.waited_for.append(self.lexical_ran.wait(timeout=5))
        return super().embed_query(text)


@pytest.fixture
def embedder() -> HashingEmbedder:
    return _WaitsForLexical()


def test_the_query_is_embedded_while_the_lexical_search_runs(catalog, embedder, profiles, monkeypatch):
    lexical = catalog._lexical_search

    def search_and_tell(*args, **kwargs):
        embedder.lexical_ran.set()
        return lexical(*args, **kwargs)

    monkeypatch.setattr(catalog, "_lexical_search", search_and_tell)
    result = make_bot(catalog, profiles).ask("a crew plans one last heist", user="cli:ana")
    assert result["recommendations"], result["reply"]
    assert embedder.waited_for == [True]


def test_a_vector_still_on_its_way_finds_what_the_vector_finds(catalog):
    vector = catalog.embedder.embed_query("a crew plans one last heist")
    found = [r.movie.id for r in catalog.search("a crew plans one last heist", vector=vector, k=5)]
    coming = in_background(lambda: vector)
    assert [r.movie.id for r in catalog.search("a crew plans one last heist", vector=coming, k=5)] == found
    assert found


def test_an_embedding_that_fails_says_why(catalog):
    def missing_model() -> np.ndarray:
        raise FileNotFoundError("embedding model not found at /nowhere")

    with pytest.raises(FileNotFoundError, match="embedding model not found"):
        catalog.search("a crew plans one last heist", vector=in_background(missing_model))
