"""Catalog benchmark: ingest throughput, unchanged re-ingest, and search latency.

    python benchmarks/catalog_bench.py [--data ../shared/data] [--work DIR] [--runs 3]

Prints, on this machine and in one run:
- TMDB 5000 ingest throughput (movies/s) into an empty data directory, with the
  shipped embedding setup and, as the baseline, with the model as published (float32
  weights, 128 tokens), which is what moviebot shipped before; each is run --runs
  times, alternating, and the best and the median are reported, since a shared
  machine's speed drifts by a quarter within the hour;
- re-ingest of the unchanged TMDB 5000 catalog (seconds);
- search latency p50/p95, query embedding included, on TMDB 5000 + MovieLens merged
  (~10k movies), without and with filters;
- the same searches by brute-force NumPy cosine over the same vectors, as the floor.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from store.build import ingest
from store.catalog import Catalog
from store.embeddings import SentenceTransformerEmbedder
from store.filters import FilterIndex, Filters
from store.home import DataDir

QUERIES = [
    "a heist crew plans one last job",
    "space exploration and wormholes",
    "serial killer detective thriller",
    "feel-good romantic comedy in new york",
    "animated film about toys that come alive",
    "a boxer fights for one more title",
    "haunted house horror with a family",
    "time travel paradox",
    "coming of age story in the summer",
    "war film about soldiers on a beach landing",
    "zombies overrun a city",
    "a lawyer defends an innocent man",
    "superhero team saves the world",
    "mafia family crime saga",
    "dinosaurs escape in a theme park",
    "a musician struggles to make it",
    "shipwreck survival at sea",
    "robots and artificial intelligence",
    "a road trip with an unlikely friend",
    "political conspiracy and journalists",
]
FILTERS = [
    Filters.of(genres=["thriller"], year_min=1990, year_max=1999),
    Filters.of(exclude_genres=["horror", "animation"], max_runtime=120),
    Filters.of(genres=["comedy"], min_rating=7.0),
    Filters.of(year_min=2010, languages=["en"], exclude_genres=["documentary"]),
]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def timed_searches(fn, rounds: int = 3) -> list[float]:
    timings = []
    for _ in range(rounds):
        for i, query in enumerate(QUERIES):
            filters = FILTERS[i % len(FILTERS)]
            started = time.perf_counter()
            fn(query, filters)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def brute_force(catalog: Catalog, embedder):
    """Exact cosine over an in-memory NumPy matrix with a vectorised filter mask: the floor."""
    ids = list(catalog.movies)
    vectors = catalog.vectors(ids)
    matrix = np.stack([vectors[i] for i in ids])
    index = FilterIndex([catalog.movies[i] for i in ids])

    def search(text: str, filters: Filters | None, k: int = 10):
        query = embedder.embed_query(text)
        scores = matrix @ query
        if filters is not None and not filters.is_empty:
            scores = np.where(index.mask(filters), scores, -np.inf)
        top = np.argpartition(-scores, k)[:k]
        return [ids[i] for i in top[np.argsort(-scores[top])]]

    return search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temp dir)")
    parser.add_argument("--runs", type=int, default=3, help="ingest runs of each setup (default 3)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="moviebot-bench-"))
    tmdb = [args.data / "tmdb-5000"]
    baseline = SentenceTransformerEmbedder(precision="float32", max_seq_length=128)
    embedder = SentenceTransformerEmbedder()
    setups = {"baseline": baseline, "shipped": embedder}
    speeds: dict[str, list[float]] = {label: [] for label in setups}
    for run in range(1, args.runs + 1):  # alternating, so a slow spell of a shared machine hits both
        for label, setup in setups.items():
            shutil.rmtree(work / "home", ignore_errors=True)
            home = DataDir(work / "home").ensure()
            setup.embed_query("warm up")  # model loading is not ingest work
            report = ingest(home, setup, [("tmdb-5000", tmdb)], replace=True)
            speeds[label].append(report.movies / report.seconds)
            print(
                f"run {run}, ingest TMDB 5000, {label} ({setup.precision}, {setup.max_seq_length} tokens): "
                f"{report.movies} movies in {report.seconds:.1f}s = {speeds[label][-1]:.0f} movies/s",
                flush=True,
            )
    best = {label: max(values) for label, values in speeds.items()}
    middle = {label: statistics.median(values) for label, values in speeds.items()}
    print(
        f"ingest TMDB 5000, shipped: best {best['shipped']:.0f} movies/s ({best['shipped'] / best['baseline']:.2f}x "
        f"baseline's best), median {middle['shipped']:.0f} ({middle['shipped'] / middle['baseline']:.2f}x)"
    )
    print("target: >= 120 movies/s with the shipped setup")
    report = ingest(home, embedder, [("tmdb-5000", tmdb)], replace=True)
    print(f"re-ingest unchanged TMDB 5000: {report.status} in {report.seconds:.2f}s (target <= 10s)")

    report = ingest(home, embedder, [("movielens", [args.data / "movielens-ml-latest-small"])])
    print(f"merge MovieLens: catalog now {report.movies} movies ({report.embedded} embedded in {report.seconds:.1f}s)")

    catalog = Catalog(home.current_catalog(), embedder)
    floor = brute_force(catalog, embedder)
    embed_only = timed_searches(lambda q, f: embedder.embed_query(q))
    rows = []
    for label, use_filters in (("no filters", False), ("with filters", True)):
        ours = timed_searches(lambda q, f, u=use_filters: catalog.search(q, f if u else None, k=10))
        base = timed_searches(lambda q, f, u=use_filters: floor(q, f if u else None))
        rows.append((label, ours, base))
    print(
        f"\nsearch latency on {len(catalog)} movies, {len(QUERIES) * 3} queries each "
        f"(query embedding alone: p50 {statistics.median(embed_only):.1f} ms)"
    )
    print(f"{'':14}{'moviebot p50':>14}{'p95':>9}{'numpy p50':>12}{'p95':>9}{'ratio p50':>11}")
    for label, ours, base in rows:
        p50, p95, b50, b95 = (percentile(ours, 50), percentile(ours, 95), percentile(base, 50), percentile(base, 95))
        print(f"{label:14}{p50:>11.1f} ms{p95:>6.1f} ms{b50:>9.1f} ms{b95:>6.1f} ms{p50 / b50:>10.2f}x")
    print("targets: p50 <= 25 ms, p95 <= 60 ms")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
