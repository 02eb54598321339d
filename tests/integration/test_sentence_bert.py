"""The bundled model on plain PyTorch gives sentence-transformers' vectors, to the last bits
that matter: every vector already in a catalog or the vector cache stays valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from store.embeddings import LibraryModel, SentenceTransformerEmbedder, movie_document
from store.ingest.base import Record
from store.ingest.jsonl import Jsonl
from store.sentence_bert import supports
from store.starter import starter_catalog_path

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
QUERIES = [
    "something like Heat",
    "  a feel-good comedy under 2 hours ",
    "",
    "Amélie, café crème, naïve: 日本語の映画",
    "a 90s thriller\twith\nnewlines",
    "a heist crew plans one last job " * 20,  # past the 64-token cap
]


@pytest.fixture(scope="module")
def documents() -> list[str]:
    films = [r.movie for r in Jsonl().read([starter_catalog_path()]) if isinstance(r, Record)]
    return [movie_document(m) for m in films[:500]]


@pytest.mark.parametrize("precision", ["int8", "float32"])
def test_the_plain_pytorch_model_gives_sentence_transformers_vectors(real_embedder, documents, precision):
    ours = real_embedder if precision == "int8" else SentenceTransformerEmbedder(precision="float32")
    assert supports(Path(ours.model_path)) and len(documents) == 500
    reference = LibraryModel(Path(ours.model_path), ours.max_seq_length)
    if precision == "int8":
        reference.quantise()

    # same batches as ingest makes them: int8 scales each batch's activations together
    expected = np.asarray(reference.encode(documents, 16), dtype=np.float32)
    got = ours.embed_documents(documents)
    assert got.shape == expected.shape == (500, 384)
    assert float(np.abs(got - expected).max()) < 1e-5

    for text in QUERIES + documents[:40]:
        expected = reference.embed_batch([text])[0].numpy()
        assert float(np.abs(ours.embed_query(text) - expected).max()) < 1e-5, text


def test_embedding_with_the_bundled_model_never_imports_sentence_transformers():
    probe = (
        "import sys\n"
        "from store.embeddings import SentenceTransformerEmbedder\n"
        "SentenceTransformerEmbedder().embed_documents(['a heist crew plans one last job', 'toys'])\n"
        "print(sorted(m for m in ('sentence_transformers', 'transformers') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
