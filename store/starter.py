"""The starter catalog that ships inside the package, indexed on first use."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from store.build import IngestReport, ingest
from store.catalog import Catalog, RetrievalConfig
from store.embeddings import Embedder
from store.home import DataDir


def starter_catalog_path() -> Path:
    return Path(str(resources.files("store") / "data" / "starter_catalog.jsonl"))


def open_catalog(
    home: DataDir, embedder: Embedder, config: RetrievalConfig | None = None, *, progress=None
) -> tuple[Catalog, IngestReport | None]:
    """The current catalog, building it from the starter file when there is none yet."""
    report = ensure_starter(home, embedder, progress=progress)
    path = home.current_catalog()
    assert path is not None
    return Catalog(path, embedder, config), report


def ensure_starter(home: DataDir, embedder: Embedder, *, progress=None) -> IngestReport | None:
    """Build the starter catalog when the data dir has none; the build's report, or None."""
    if home.current_catalog() is not None:
        return None
    return ingest(home, embedder, [("jsonl", [starter_catalog_path()])], progress=progress)
