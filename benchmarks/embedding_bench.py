"""Embedding benchmark: what ingest's bottleneck costs, and what the ways to cut it would cost.

    python benchmarks/embedding_bench.py [--data ../shared/data] [--movies 1500]

Embeds the documents of the first N TMDB 5000 films (as ingest does) with the bundled
all-MiniLM-L6-v2 and prints, for each setup, documents per second and how close its
vectors stay to the shipped setup (128 tokens, float32) measured in the same run:
the mean cosine to the shipped vector of the same film, and the share of each film's
10 nearest neighbours that stay the same.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch

from store.embeddings import SentenceTransformerEmbedder, movie_document
from store.ingest.base import Record
from store.ingest.tmdb5000 import Tmdb5000


def documents(data: Path, n: int) -> list[str]:
    folder = data / "tmdb-5000"
    records = Tmdb5000().read([folder / "tmdb_5000_movies.csv", folder / "tmdb_5000_credits_slim_DERIVED.csv"])
    return [movie_document(r.movie) for r in records if isinstance(r, Record)][:n]


def timed(model, docs: list[str], tokens: int) -> tuple[np.ndarray, float]:
    model.max_seq_length = tokens
    model.encode(docs[:64], batch_size=32)  # warm up
    started = time.perf_counter()
    vectors = model.encode(docs, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors), len(docs) / (time.perf_counter() - started)


def neighbours(vectors: np.ndarray, k: int = 10) -> np.ndarray:
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    return np.argsort(-similarity, axis=1)[:, :k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--movies", type=int, default=1500)
    args = parser.parse_args()

    docs = documents(args.data, args.movies)
    model = SentenceTransformerEmbedder().model  # loaded exactly as ingest loads it
    shipped_tokens = model.max_seq_length
    lengths = [len(ids) for ids in model.tokenizer(docs)["input_ids"]]
    threads = torch.get_num_threads()
    print(f"{len(docs)} TMDB documents, {np.mean(lengths):.0f} tokens on average; torch threads: {threads}")

    shipped, shipped_speed = timed(model, docs, shipped_tokens)
    shipped_neighbours = neighbours(shipped)
    print(f"{'setup':<30}{'docs/s':>8}{'ratio':>8}{'cosine':>9}{'same 10-NN':>12}")

    def report(name: str, vectors: np.ndarray, speed: float) -> None:
        cosine = float((vectors * shipped).sum(axis=1).mean())
        pairs = zip(shipped_neighbours, neighbours(vectors), strict=True)
        kept = np.mean([len(set(a) & set(b)) / 10 for a, b in pairs])
        print(f"{name:<30}{speed:>8.1f}{speed / shipped_speed:>7.2f}x{cosine:>9.3f}{kept:>12.3f}", flush=True)

    report(f"float32, {shipped_tokens} tokens (shipped)", shipped, shipped_speed)
    for tokens in (96, 80, 64):
        report(f"float32, {tokens} tokens", *timed(model, docs, tokens))
    quantised = torch.ao.quantization.quantize_dynamic(
        SentenceTransformerEmbedder().model,
        {torch.nn.Linear: torch.ao.quantization.per_channel_dynamic_qconfig},
        dtype=torch.qint8,
    )
    for tokens in (shipped_tokens, 96, 64):
        report(f"int8 per channel, {tokens} tokens", *timed(quantised, docs, tokens))


if __name__ == "__main__":
    main()
