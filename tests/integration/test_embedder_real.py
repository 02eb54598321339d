"""The real embedder in both precisions a user can choose: they must agree on what a film is about."""

from __future__ import annotations

import numpy as np
import pytest

from store.embeddings import SentenceTransformerEmbedder, movie_document
from store.ingest.base import Record
from store.ingest.jsonl import Jsonl
from store.starter import starter_catalog_path

pytestmark = pytest.mark.slow

DESCRIPTIONS = {
    "astronauts travel through a wormhole to find a new home for humanity": "Interstellar",
    "a mafia family saga about a father and his sons": "The Godfather",
    "toys that come alive when nobody is watching": "Toy Story",
}


def test_int8_and_float32_find_the_same_films(real_embedder):
    films = [r.movie for r in Jsonl().read([starter_catalog_path()]) if isinstance(r, Record)]
    documents = [movie_document(m) for m in films]
    full = SentenceTransformerEmbedder(precision="float32", max_seq_length=real_embedder.max_seq_length)
    assert real_embedder.precision == "int8" and full.model_id != real_embedder.model_id
    vectors = {e.precision: e.embed_documents(documents) for e in (real_embedder, full)}
    agreement = (vectors["int8"] * vectors["float32"]).sum(axis=1)
    assert agreement.min() > 0.85 and agreement.mean() > 0.95
    for text, title in DESCRIPTIONS.items():
        for embedder in (real_embedder, full):
            best = int(np.argmax(vectors[embedder.precision] @ embedder.embed_query(text)))
            assert films[best].title == title, (embedder.precision, text, films[best].title)


def test_a_query_embeds_as_the_same_text_would_as_a_document(real_embedder):
    texts = ["something like Heat", "  a 90s thriller ", "é café naïve", "a heist crew plans one last job " * 20]
    for text in texts:
        query, document = real_embedder.embed_query(text), real_embedder.embed_documents([text])[0]
        assert query.dtype == np.float32 and abs(float(np.linalg.norm(query)) - 1.0) < 1e-5
        assert float(np.abs(query - document).max()) < 1e-6


def test_a_query_asked_again_gets_the_same_vector_without_running_the_model(real_embedder, monkeypatch):
    """A follow-up searches its request's text again: the vector is kept, equal to a fresh one."""
    text = "a slow heist film with a twist, asked again"
    first = real_embedder.embed_query(text)
    fresh = SentenceTransformerEmbedder(max_seq_length=real_embedder.max_seq_length).embed_query(text)
    monkeypatch.setattr(real_embedder.model, "embed_batch", lambda texts: pytest.fail("ran the model again"))
    again = real_embedder.embed_query(text)
    assert again is first and np.allclose(again, fresh, atol=1e-6)
    with pytest.raises(ValueError):
        again[0] = 1.0  # shared between turns: nobody may change it
