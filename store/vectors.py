"""Where a catalog's vectors live: Chroma embedded beside each build, or a Chroma server.

Embedded, each build keeps its own `chroma/` folder and collection `movies`. Against a
server every build gets its own collection, named after the build, so the build-then-
switch ingest works unchanged: a new build fills a collection no reader has open, CURRENT
flips, and the collections of pruned builds are dropped. Chroma is the store of record;
searches run on an exact in-memory copy of its vectors (`ExactIndex`) unless asked to
query Chroma itself, which is what a catalog too big for one machine's memory would do.
"""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from store.embeddings import ChromaEmbeddingFunction, Embedder

log = logging.getLogger(__name__)

COLLECTION = "movies"
SERVER_PREFIX = "moviebot-"
# Chroma's default search breadth (ef 10) misses some of the true nearest films, and a film
# missing from the 100-film candidate pool shifts every fused rank below it. A breadth of 400
# is near-exact at catalog sizes (thousands to tens of thousands) and still about a millisecond.
HNSW_SETTINGS = {"hnsw:space": "cosine", "hnsw:search_ef": 400, "hnsw:construction_ef": 200}
INDEXES = ("memory", "chroma")
MATRIX_FILE = "vectors.npz"
_PAGE = 2000


class VectorStoreUnavailable(RuntimeError):
    """The Chroma server cannot be reached, or lacks a collection it should have."""


def parse_chroma_url(url: str) -> tuple[str, int, bool]:
    """(host, port, ssl) from `http://host:port`; ValueError naming what is wrong."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"a Chroma server URL looks like http://chroma:8000, not {url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"a Chroma server URL has no path, query or fragment: {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 8000)
    except ValueError:
        raise ValueError(f"the port in {url!r} is not a number between 0 and 65535") from None
    return parts.hostname, port, parts.scheme == "https"


@dataclass(frozen=True)
class VectorStore:
    """`url=None`: embedded Chroma in each build's folder; else a Chroma server.

    `index` is where searches run: "memory" (an exact copy of the vectors, loaded at open)
    or "chroma" (every query sent to Chroma).
    """

    url: str | None = None
    index: str = "memory"

    def __post_init__(self):
        if self.index not in INDEXES:
            raise ValueError(f"vector index must be one of {', '.join(INDEXES)}, not {self.index!r}")
        if self.url is not None:
            parse_chroma_url(self.url)

    @property
    def where(self) -> str:
        return f"the Chroma server at {self.url}" if self.url else "embedded Chroma"

    @cached_property
    def _server(self):
        import chromadb

        host, port, ssl = parse_chroma_url(self.url)
        try:
            return chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=_chroma_settings())
        except Exception as exc:  # chromadb raises a bare ValueError when nothing answers
            raise VectorStoreUnavailable(
                f"cannot reach the Chroma server at {self.url} ({exc}). Start it, or fix or unset MOVIEBOT_CHROMA_URL."
            ) from exc

    def client(self, build: Path):
        """A Chroma client for the build (chromadb is imported here: it takes most of a second)."""
        if self.url is None:
            import chromadb

            return chromadb.PersistentClient(path=str(build / "chroma"), settings=_chroma_settings())
        return self._server

    def collection_name(self, build: Path) -> str:
        """A build's collection; on a server named after the build it will be once published."""
        if self.url is None:
            return COLLECTION
        return SERVER_PREFIX + build.name.removesuffix(".partial")

    def create(self, build: Path, embedder: Embedder):
        """A fresh collection for a build (on a server, replacing what a killed ingest left)."""
        client, name = self.client(build), self.collection_name(build)
        if self.url is not None:
            self._delete(client, name)
        return self._call(
            client.create_collection,
            name,
            embedding_function=ChromaEmbeddingFunction(embedder),
            metadata=HNSW_SETTINGS,
        )

    def open(self, build: Path, embedder: Embedder):
        """The collection of a published build."""
        name = self.collection_name(build)
        try:
            return self._call(
                self.client(build).get_collection, name, embedding_function=ChromaEmbeddingFunction(embedder)
            )
        except VectorStoreUnavailable:
            raise
        except Exception as exc:
            raise VectorStoreUnavailable(
                f"{self.where} has no collection {name!r} for catalog {build.name}; "
                "run `moviebot ingest` (or any command, which rebuilds it) with the same MOVIEBOT_CHROMA_URL"
            ) from exc

    def has(self, build: Path) -> bool:
        """Whether this store holds the build's vectors (False means the build must be redone here)."""
        if self.url is None:
            if not (build / "chroma").is_dir():
                return False
            if (build / MATRIX_FILE).is_file():  # written only once the collection held every vector
                return True
        try:
            self._call(self.client(build).get_collection, self.collection_name(build))
        except VectorStoreUnavailable:
            raise
        except Exception:
            return False
        return True

    def drop(self, build_name: str) -> None:
        """Forget a removed build's vectors (embedded ones went with its folder)."""
        if self.url is not None:
            self._delete(self._server, self.collection_name(Path(build_name)))

    def _delete(self, client, name: str) -> None:
        try:
            self._call(client.delete_collection, name)
        except VectorStoreUnavailable:
            raise
        except Exception:  # absent already: nothing to drop
            pass

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            if self.url is not None and _is_connection_error(exc):
                raise VectorStoreUnavailable(f"lost the Chroma server at {self.url} ({exc}). Is it running?") from exc
            raise


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _is_connection_error(exc: BaseException) -> bool:
    import httpx

    return isinstance(exc, (httpx.TransportError, ConnectionError)) or "Could not connect" in str(exc)


def all_vectors(collection, ids: Sequence[str]) -> np.ndarray:
    """Every stored vector, in the order of `ids`, as one float32 matrix (read in pages)."""
    row = {movie_id: i for i, movie_id in enumerate(ids)}
    matrix = np.zeros((len(ids), 0), dtype=np.float32)
    seen = 0
    for offset in range(0, max(collection.count(), 1), _PAGE):
        page = collection.get(include=["embeddings"], limit=_PAGE, offset=offset)
        if not page["ids"]:
            break
        vectors = np.asarray(page["embeddings"], dtype=np.float32)
        if matrix.shape[1] == 0:
            matrix = np.zeros((len(ids), vectors.shape[1]), dtype=np.float32)
        for movie_id, vector in zip(page["ids"], vectors, strict=True):
            if movie_id in row:
                matrix[row[movie_id]] = vector
                seen += 1
    if seen != len(ids):
        raise VectorStoreUnavailable(f"the vector store holds {seen} of the catalog's {len(ids)} movies")
    return matrix


class ExactIndex:
    """Exact cosine top-n over unit vectors held in memory, restricted by a boolean mask.

    A matrix-vector product over 11k x 384 float32 takes about a millisecond, faster and
    steadier than an HNSW query restricted to thousands of allowed ids, and exact.
    """

    def __init__(self, ids: np.ndarray, matrix: np.ndarray):
        self.ids = ids
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)

    def search(self, vector: np.ndarray, n: int, keep: np.ndarray | None = None) -> list[tuple[str, float]]:
        scores = self.matrix @ np.asarray(vector, dtype=np.float32)
        if keep is not None:
            scores = np.where(keep, scores, -np.inf)
            n = min(n, int(keep.sum()))
        n = min(n, len(scores))
        if n <= 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return list(zip(self.ids[top].tolist(), scores[top].tolist(), strict=True))

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        return self.matrix[rows]


def save_matrix(build: Path, ids: Sequence[str], matrix: np.ndarray) -> None:
    """A copy of an embedded build's vectors beside its Chroma folder, for `load_matrix`.

    A published build never changes, so the copy cannot go stale. Written whole then
    renamed; a data dir that cannot be written to just keeps reading Chroma.
    """
    partial = build / f"{MATRIX_FILE}.{os.getpid()}.tmp"
    try:
        with open(partial, "wb") as handle:
            np.savez(handle, ids=np.asarray(list(ids), dtype=str), vectors=np.asarray(matrix, dtype=np.float32))
        os.replace(partial, build / MATRIX_FILE)
    except OSError as exc:
        log.warning("could not keep a copy of the catalog's vectors in %s: %s", build, exc)
        partial.unlink(missing_ok=True)


def load_matrix(build: Path, ids: Sequence[str]) -> np.ndarray | None:
    """The build's vectors in the order of `ids` from its copy, or None (no copy, or one
    that does not hold exactly these movies). Reading them here rather than from Chroma
    keeps chromadb and its caches, about 110 MB, out of a serving process."""
    try:
        with np.load(build / MATRIX_FILE, allow_pickle=False) as data:
            stored, matrix = data["ids"].tolist(), data["vectors"]
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):  # missing, or broken on the way
        return None
    if stored == list(ids):
        return matrix
    row = {movie_id: i for i, movie_id in enumerate(stored)}
    if len(row) != len(ids) or any(movie_id not in row for movie_id in ids):
        return None
    return matrix[[row[movie_id] for movie_id in ids]]
