"""Embedding benchmark: what ingest's bottleneck costs, and what each way to cut it does to retrieval.

    python benchmarks/embedding_bench.py [--data ../shared/data] [--movies 4800]

Embeds the documents of the first N TMDB 5000 films (as ingest does, one batch size
and one model load per setup) and prints, for each setup (weights precision x token
cap x document), documents per second as a ratio to the baseline measured in the same
run, and two retrieval scores whose ground truth comes from outside TMDB:

- known-item hit@10: for each of these films that is in the IMDb Top 1000, IMDb's own
  synopsis (other words for the same story) is the query; how often the film comes
  back among the 10 nearest documents.
- tag recall@50: MovieLens users' content tags ("time travel", "heist", "dystopia")
  are the queries, the films they tagged the answers; the share of those films among
  the 50 nearest documents.

Queries are embedded one at a time, as a user's request is.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch

from store.embeddings import SentenceTransformerEmbedder, movie_document
from store.ingest.base import Record
from store.ingest.imdb_top_1000 import ImdbTop1000
from store.ingest.tmdb5000 import Tmdb5000
from store.movie import Movie, normalise_title

# tags about the viewing or the catalog rather than the film's content
NOT_CONTENT = {"in netflix queue", "imdb top 250", "classic", "remake", "cinematography", "visually appealing",
               "funny", "boring", "overrated", "great acting", "stephen king", "shakespeare", "disney"}  # fmt: skip


def movies(data: Path, n: int) -> list[Movie]:
    folder = data / "tmdb-5000"
    records = Tmdb5000().read([folder / "tmdb_5000_movies.csv", folder / "tmdb_5000_credits_slim_DERIVED.csv"])
    return [r.movie for r in records if isinstance(r, Record)][:n]


def known_items(data: Path, films: list[Movie]) -> tuple[list[str], list[int]]:
    """IMDb's synopsis of each film also in the IMDb Top 1000, and that film's position."""
    position = {(normalise_title(m.title), m.year): i for i, m in enumerate(films)}
    queries, targets = [], []
    for record in ImdbTop1000().read([data / "imdb-top-1000" / "imdb_top_1000.csv"]):
        key = (normalise_title(record.movie.title), record.movie.year) if isinstance(record, Record) else None
        if key in position and record.movie.overview:
            queries.append(record.movie.overview)
            targets.append(position[key])
    return queries, targets


def tagged(data: Path, films: list[Movie], least: int = 6) -> dict[str, set[int]]:
    """MovieLens content tags given to at least `least` of these films, with those films' positions."""
    folder = data / "movielens-ml-latest-small"
    with open(folder / "links.csv", encoding="utf-8") as f:
        tmdb_of = {row["movieId"]: row["tmdbId"] for row in csv.DictReader(f)}
    position = {str(m.tmdb_id): i for i, m in enumerate(films) if m.tmdb_id}
    tags: dict[str, set[int]] = defaultdict(set)
    with open(folder / "tags.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            film = position.get(tmdb_of.get(row["movieId"], ""))
            if film is not None:
                tags[row["tag"].strip().lower()].add(film)
    return {tag: films for tag, films in tags.items() if len(films) >= least and tag not in NOT_CONTENT}


def with_year(movie: Movie) -> str:
    """The document as shipped before: the title carried its year."""
    return movie_document(movie).replace(movie.title, movie.label, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--movies", type=int, default=4800)
    args = parser.parse_args()

    films = movies(args.data, args.movies)
    queries, targets = known_items(args.data, films)
    tags = tagged(args.data, films)
    shipped = SentenceTransformerEmbedder()
    print(
        f"{len(films)} TMDB films; {len(queries)} known-item queries; {len(tags)} MovieLens tags on "
        f"{sum(map(len, tags.values()))} of them; torch threads: {torch.get_num_threads()}"
    )
    setups: list[tuple[str, int, Callable[[Movie], str], str]] = [
        ("float32", 128, with_year, "with year (baseline)"),
        ("float32", 128, movie_document, ""),
        ("int8", 128, movie_document, ""),
        ("int8", 96, movie_document, ""),
        ("int8", 80, movie_document, ""),
        ("int8", shipped.max_seq_length, with_year, "with year"),
        (shipped.precision, shipped.max_seq_length, movie_document, "(shipped)"),
    ]
    print(f"{'setup':<42}{'docs/s':>8}{'ratio':>8}{'hit@10':>8}{'tag R@50':>10}")
    baseline_speed = None
    for precision, tokens, document, note in setups:
        embedder = SentenceTransformerEmbedder(precision=precision, max_seq_length=tokens)
        docs = [document(m) for m in films]
        embedder.embed_documents(docs[:32])  # model loading and warm-up are not embedding work
        started = time.perf_counter()
        vectors = embedder.embed_documents(docs)
        speed = len(docs) / (time.perf_counter() - started)
        baseline_speed = baseline_speed or speed

        asked = np.stack([embedder.embed_query(q) for q in queries])
        ranks = (asked @ vectors.T > (asked * vectors[targets]).sum(axis=1, keepdims=True)).sum(axis=1)
        recalls = []
        for tag, answers in tags.items():
            nearest = np.argsort(-(vectors @ embedder.embed_query(tag)))[:50]
            recalls.append(len(answers.intersection(nearest.tolist())) / len(answers))
        name, hits, recall = f"{precision}, {tokens} tokens {note}".strip(), np.mean(ranks < 10), np.mean(recalls)
        print(f"{name:<42}{speed:>8.1f}{speed / baseline_speed:>7.2f}x{hits:>8.3f}{recall:>10.3f}", flush=True)


if __name__ == "__main__":
    main()
