"""Turn benchmark: how long one chat turn takes, against the floors of this machine.

    python benchmarks/turn_bench.py [--data ../shared/data] [--cache DIR] [--index memory|chroma]
                                    [--one-shot] [--rounds 3]

No LLM (the offline, rule-based path). The catalog is TMDB 5000 + MovieLens (~11k
films), ingested once into a temp folder keyed by the input files and the embedding
setup, and reused by later runs. In a fresh process the runtime is opened as a bot opens
it (`bot.runtime.open_runtime(serving=True)`: one PyTorch thread per query, warmed up
before it returns), then `Recommender.ask` is
called in-process for two users: a newcomer and one with 40 ratings.

Prints, all measured in this run:
- open: seconds until the runtime is ready;
- first turns: p50/p95 of the first 6 turns of each user after ready;
- steady state: p50/p95 per user over --rounds passes of 20 requests, after 20 turns, each
  embedding its text (no query vector kept), and for the newcomer once more with the vectors kept,
  as a follow-up that searches its request's text again finds them;
- floors: the query embedding alone, and an exact masked top-60 in NumPy over the
  catalog's vectors; each turn figure is also given as a ratio to their sum;
- peak RSS of this process (ingest runs in a child process, so it is not counted);
- the same steady-state turns and floors in CPU time of this process (all its threads):
  on a machine shared with other work, wall time mostly measures the others' load, and
  CPU time is what this code spends.

`--index chroma --one-shot` is moviebot as it was before the in-memory index, the
serving mode and its warm-up: run both ways to compare.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.runtime import open_runtime  # noqa: E402
from bot.settings import Settings  # noqa: E402
from store.filters import Filters  # noqa: E402

SOURCES = (("tmdb-5000", "tmdb-5000"), ("movielens", "movielens-ml-latest-small"))
REQUESTS = [
    "something like Heat",
    "a feel-good comedy under 2 hours",
    "a 90s thriller",
    "a heist crew plans one last job",
    "space exploration and wormholes",
    "something like Se7en but less grim, from the 90s",
    "animated film about toys that come alive",
    "a scary movie for tonight",
    "romantic comedy set in new york",
    "a war film, nothing older than 2000",
    "something by Christopher Nolan",
    "a mafia family crime saga",
    "time travel paradox",
    "a short documentary",
    "an underrated sci-fi film from the 80s",
    "a coming of age story in the summer",
    "dinosaurs escape in a theme park",
    "a film with Tom Hanks",
    "political conspiracy and journalists",
    "a drama about a musician who struggles to make it",
]
FIRST = [
    "a gritty detective story",
    "something funny for a family night",
    "a slow-burn mystery",
    "like The Matrix",
    "an epic fantasy adventure",
    "a sad film that makes you cry",
]
FLOOR_FILTERS = [
    Filters(),
    Filters.of(genres=["thriller"], year_min=1990, year_max=1999),
    Filters.of(genres=["comedy"], max_runtime=120),
    Filters.of(exclude_genres=["horror", "animation"], min_rating=6.5),
]
USERS = ("bench:new", "bench:rated")


def catalog_key(data: Path, settings: Settings) -> str:
    """Changes with the input files and the embedding setup, nothing else."""
    digest = hashlib.blake2b(settings.embedder().model_id.encode(), digest_size=8)
    for _, folder in SOURCES:
        for path in sorted((data / folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.relative_to(data)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def build_catalog(home: Path, data: Path) -> None:
    """Child process: ingest the sources into `home` (its memory is not the server's)."""
    from store.build import ingest
    from store.home import DataDir

    settings = Settings(home=home)
    target = DataDir(home).ensure()
    for name, folder in SOURCES:
        report = ingest(target, settings.embedder(), [(name, [data / folder])])
        print(f"ingested {name}: catalog {report.movies} movies, {report.embedded} embedded", flush=True)


def cached_catalog(data: Path, cache: Path | None = None) -> Path:
    """The folder holding the ~11k catalog built from `data`, built on the first call (in a
    child process) and reused while the input files and the embedding setup stay the same."""
    probe = Settings(home=Path(tempfile.gettempdir()))
    folder = (cache or Path(tempfile.gettempdir()) / "moviebot-turn-bench") / catalog_key(data, probe)
    if not (folder / "CURRENT").exists():
        print(f"building the catalog once into {folder} (minutes; a killed build resumes)...", flush=True)
        subprocess.run([sys.executable, __file__, "--data", str(data), "--build-only", str(folder)], check=True)
    return folder


def run_home(cache: Path, work: Path) -> Path:
    """A fresh data dir over the cached catalog: new profile and conversation stores each run."""
    home = work / "home"
    (home / "catalogs").mkdir(parents=True)
    name = (cache / "CURRENT").read_text().strip()
    (home / "catalogs" / name).symlink_to(cache / "catalogs" / name)
    shutil.copyfile(cache / "CURRENT", home / "CURRENT")
    return home


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set of this process in MB."""
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, cpu: list[float] | None = None) -> float:
    """Wall milliseconds of one call; its CPU milliseconds (every thread of this process) go to `cpu`."""
    started, used = time.perf_counter(), time.process_time()
    fn()
    if cpu is not None:
        cpu.append((time.process_time() - used) * 1000)
    return (time.perf_counter() - started) * 1000


def p(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=None, help="where built catalogs are kept (default: temp dir)")
    parser.add_argument("--index", choices=("memory", "chroma"), default="memory")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--one-shot", action="store_true", help="open the runtime as a one-shot command: no warm-up, all threads"
    )
    parser.add_argument("--build-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build_catalog(args.build_only, args.data)
        return

    cache = cached_catalog(args.data, args.cache)
    work = Path(tempfile.mkdtemp(prefix="moviebot-turn-bench-"))
    try:
        settings = Settings(home=run_home(cache, work), vector_index=args.index)
        started = time.perf_counter()
        rt = open_runtime(settings, serving=not args.one_shot)
        opened = time.perf_counter() - started
        rated = _rate_forty(rt)
        print(
            f"catalog {len(rt.catalog)} movies, vector index: {args.index}, "
            f"{'one-shot' if args.one_shot else 'serving'} (PyTorch threads per query: "
            f"{rt.catalog.embedder.threads or 'all'}); runtime ready in {opened:.1f}s"
        )
        print(f"{USERS[1]} has {rated} ratings")

        ask = rt.recommender.ask
        embedder = rt.catalog.embedder
        kept = getattr(embedder, "query_cache", 0)
        embedder.query_cache = 0  # every turn embeds its text, as a message never seen would
        first = {user: [] for user in USERS}
        for i, text in enumerate(FIRST):
            for user in USERS:
                first[user].append(timed(lambda t=text, u=user, i=i: ask(t, user=u, channel=f"first-{i}")))
        for i, text in enumerate(REQUESTS):  # warm-up, not measured
            ask(text, user=USERS[i % 2], channel=f"warm-{i}")
        steady = {user: [] for user in USERS}
        steady_cpu = {user: [] for user in USERS}
        for r in range(args.rounds):
            for i, text in enumerate(REQUESTS):
                for user in USERS:
                    turn = partial(ask, text, user=user, channel=f"s{r}-{i}")
                    steady[user].append(timed(turn, steady_cpu[user]))

        embedder.query_cache = kept  # a follow-up searching a text asked before finds its vector kept
        for i, text in enumerate(REQUESTS):  # each text's vector kept ...
            ask(text, user=USERS[0], channel=f"keep-{i}")
        again = [timed(partial(ask, text, user=USERS[0], channel=f"again-{i}")) for i, text in enumerate(REQUESTS)]
        embedder.query_cache = 0
        embed_cpu: list[float] = []
        embed = [timed(lambda t=t: embedder.embed_query(t), embed_cpu) for _ in range(args.rounds) for t in REQUESTS]
        search_cpu: list[float] = []
        search = _exact_search_floor(rt, args.rounds, search_cpu)
        floor = p(embed, 50) + p(search, 50)
        floor_cpu = p(embed_cpu, 50) + p(search_cpu, 50)
        current, peak = rss_mb()

        print(
            f"\nfloors: query embedding p50 {p(embed, 50):.1f} ms (p95 {p(embed, 95):.1f}), "
            f"exact masked top-60 p50 {p(search, 50):.2f} ms (p95 {p(search, 95):.2f}); sum {floor:.1f} ms"
        )
        print(f"{'':22}{'p50':>9}{'p95':>9}{'p50/floor':>11}{'p95/floor':>11}")
        for label, series in (("first turns", first), ("steady state", steady)):
            for user in USERS:
                values = series[user]
                print(
                    f"{label + ', ' + user.split(':')[1]:22}{p(values, 50):>6.1f} ms{p(values, 95):>6.1f} ms"
                    f"{p(values, 50) / floor:>10.2f}x{p(values, 95) / floor:>10.2f}x"
                )
        print(
            f"CPU time: query embedding p50 {p(embed_cpu, 50):.1f} ms, exact top-60 p50 {p(search_cpu, 50):.2f} ms; "
            f"sum {floor_cpu:.1f} ms"
        )
        for user in USERS:
            values = steady_cpu[user]
            print(
                f"{'steady CPU, ' + user.split(':')[1]:22}{p(values, 50):>6.1f} ms{p(values, 95):>6.1f} ms"
                f"{p(values, 50) / floor_cpu:>10.2f}x{p(values, 95) / floor_cpu:>10.2f}x"
            )
        for user in USERS:
            print(
                f"first-turn p50 / steady p50, {user.split(':')[1]}: "
                f"{p(first[user], 50) / p(steady[user], 50):.2f}x (target <= 2)"
            )
        print(f"steady state, new, a text asked before (its query vector kept): p50 {p(again, 50):.1f} ms  "
              f"p95 {p(again, 95):.1f} ms")  # fmt: skip
        print(f"RSS now {current:.0f} MB, peak {peak:.0f} MB (target <= 600 MB)")
        print("targets: steady p50 <= 25 ms, p95 <= 60 ms")
        rt.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _rate_forty(rt) -> int:
    """40 ratings of well-known films, loved and disliked, as an active user has."""
    rng = random.Random(13)
    known = rt.catalog.best_known(k=400)
    for movie_id in rng.sample(known, 40):
        rt.profiles.rate(USERS[1], movie_id, rng.choice([1, 2, 4, 5, 5]))
    return len(rt.profiles.ratings(USERS[1]))


def _exact_search_floor(rt, rounds: int, cpu: list[float]) -> list[float]:
    """Masked exact top-60 over the catalog's vectors in NumPy, query vector given."""
    catalog = rt.catalog
    ids = list(catalog.movies)
    vectors = catalog.vectors(ids)
    matrix = np.stack([vectors[i] for i in ids]).astype(np.float32)
    from store.filters import FilterIndex

    index = FilterIndex([catalog.movies[i] for i in ids])
    queries = [catalog.embedder.embed_query(t) for t in REQUESTS]
    timings = []
    for _ in range(rounds):
        for i, query in enumerate(queries):
            filters = FLOOR_FILTERS[i % len(FLOOR_FILTERS)]

            def search(q=query, f=filters):
                scores = np.where(index.mask(f), matrix @ q, -np.inf)
                top = np.argpartition(-scores, 60)[:60]
                return top[np.argsort(-scores[top])]

            timings.append(timed(search, cpu))
    return timings


if __name__ == "__main__":
    main()
