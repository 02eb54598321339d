"""Collaborative model benchmark: memory and time to fit on a 10k-film store, and the
per-turn cost of scoring a user against the co-liked SQL query it replaces.

    python benchmarks/collaborative_bench.py [--films 10000] [--users 3000] [--per-user 120]

A synthetic profile store (in memory): each user rates --per-user films drawn with a
Zipf-like popularity over --films films, so most films have a few ratings and a few have
many, as real stores do. Prints, in one run:
- the fit's wall time and the process's peak resident memory before and after it
  (the model's matrix is capped at agent.collaborative.MAX_ITEMS films);
- per-user scoring latency p50/p95 for the model, and for ProfileStore.co_liked (the
  baseline: what the collaborative feature cost before) on the same users, as a ratio.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time

import numpy as np

from agent.collaborative import MAX_ITEMS, CollaborativeModel
from store.profiles import ProfileStore


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=3_000)
    parser.add_argument("--per-user", type=int, default=120)
    parser.add_argument("--sample", type=int, default=100, help="users timed for scoring")
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    weights = 1.0 / np.arange(1, args.films + 1) ** 0.9
    weights /= weights.sum()
    store = ProfileStore(None)
    rows = []
    for u in range(args.users):
        films = rng.choice(args.films, size=min(args.per_user, args.films), replace=False, p=weights)
        rows += [(f"b:{u}", f"m{f}", float(rng.integers(1, 11)) / 2, None) for f in films]
    store.bulk_rate(rows)
    print(f"store: {args.users} users, {len(rows)} ratings, {store.rated_films(1)} films rated, "
          f"{store.rated_films(3)} by 3 or more; model cap {MAX_ITEMS} films")  # fmt: skip

    before = peak_mb()
    started = time.perf_counter()
    model = CollaborativeModel(store).fit_now()
    fit_s = time.perf_counter() - started
    after = peak_mb()
    print(f"fit: {fit_s:.1f} s for {len(model.items)} films; matrix {model.weights.nbytes / 2**20:.0f} MB; "
          f"peak RSS {before:.0f} MB before the fit, {after:.0f} MB after")  # fmt: skip

    users = random.Random(1).sample(range(args.users), args.sample)
    timings: dict[str, list[float]] = {"model": [], "co_liked": []}
    for u in users:
        ratings = list(store.ratings(f"b:{u}").items())
        started = time.perf_counter()
        model.recommend(ratings)
        timings["model"].append(time.perf_counter() - started)
        liked = [m for m, s in ratings if s >= 4.0][:50]
        started = time.perf_counter()
        store.co_liked(liked, exclude_user=f"b:{u}", limit=200)
        timings["co_liked"].append(time.perf_counter() - started)
    for name, values in timings.items():
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"{name:<9} per user: p50 {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    ratio = statistics.median(timings["model"]) / statistics.median(timings["co_liked"])
    print(f"model / co_liked p50 ratio: {ratio:.2f}x")


if __name__ == "__main__":
    main()
