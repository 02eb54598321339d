"""The starter catalog that ships inside the package, indexed on first use."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from store.build import IngestReport, catalog_meta, ingest
from store.catalog import Catalog, RetrievalConfig
from store.embeddings import Embedder
from store.home import DataDir
from store.vectors import VectorStore


def starter_catalog_path() -> Path:
    return Path(str(resources.files("store") / "data" / "starter_catalog.jsonl"))


def open_catalog(
    home: DataDir,
    embedder: Embedder,
    config: RetrievalConfig | None = None,
    *,
    progress=None,
    vectors: VectorStore | None = None,
) -> tuple[Catalog, IngestReport | None]:
    """The current catalog, building it from the starter file when there is none yet."""
    report = ensure_starter(home, embedder, progress=progress, vectors=vectors)
    path = home.current_catalog()
    assert path is not None
    return Catalog(path, embedder, config, vectors=vectors), report


def pending_build(home: DataDir, embedder: Embedder, vectors: VectorStore | None = None) -> str | None:
    """What opening the catalog must build first: "starter" when the data dir has no
    catalog, "reindex" when its vectors come from another embedding setup, "vectors" when
    the vector store in use lacks them (a data dir moved to a Chroma server), else None."""
    current = home.current_catalog()
    if current is None:
        return "starter"
    if catalog_meta(current).get("embedding_model") != embedder.model_id:
        return "reindex"
    return None if (vectors or VectorStore()).has(current) else "vectors"


def ensure_starter(
    home: DataDir, embedder: Embedder, *, progress=None, vectors: VectorStore | None = None
) -> IngestReport | None:
    """A catalog whose vectors the embedder can search: the starter catalog when the data
    dir has none, the current one re-embedded when the embedding setup changed (a query
    is only comparable with documents embedded the same way) or rebuilt into a vector
    store that lacks it (from the embedding cache). The build's report, or None."""
    match pending_build(home, embedder, vectors):
        case "starter":
            return ingest(home, embedder, [("jsonl", [starter_catalog_path()])], progress=progress, vectors=vectors)
        case "reindex" | "vectors":
            return ingest(home, embedder, [], progress=progress, vectors=vectors)
    return None
