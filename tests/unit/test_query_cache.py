"""Query vectors kept between turns (store.embeddings.SentenceTransformerEmbedder.embed_query)."""

from __future__ import annotations

import numpy as np


class _CountingModel:
    """Stands in for the loaded model: a vector per text, and the texts it was run on."""

    dim = 2

    def __init__(self):
        self.ran: list[str] = []

    def embed_batch(self, texts):
        self.ran += texts
        return [_Row(np.array([3.0, 4.0]) * len(texts[0]))]


class _Row:
    def __init__(self, values):
        self.values = values

    def float(self):
        return self

    def numpy(self):
        return self.values


def test_the_latest_queries_are_embedded_once_and_the_oldest_forgotten():
    from store import embeddings

    embedder = embeddings.SentenceTransformerEmbedder(model_path="unused")
    embedder.query_cache = 2
    embedder._model = model = _CountingModel()
    first = embedder.embed_query("heat")
    assert np.allclose(first, [0.6, 0.8]) and embedder.embed_query("heat") is first
    embedder.embed_query("alien")
    embedder.embed_query("jaws")  # three texts, room for two: "heat" goes
    embedder.embed_query("jaws")
    embedder.embed_query("heat")
    assert model.ran == ["heat", "alien", "jaws", "heat"]


def test_with_no_room_kept_every_query_runs_the_model():
    from store import embeddings

    embedder = embeddings.SentenceTransformerEmbedder(model_path="unused")
    embedder._model, embedder.query_cache = (model := _CountingModel()), 0
    embedder.embed_query("heat")
    embedder.embed_query("heat")
    assert model.ran == ["heat", "heat"]
