"""Rule-based understanding cost per request on a 10k-title, 40k-people catalog.

    python benchmarks/understanding_bench.py

The lookup's own time is measured apart, so the figure is the reader's cost alone.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping

from agent.understanding.intents import classify
from agent.understanding.reader import understand
from store.catalog import TitleMatch
from store.movie import Movie, normalise_title
from store.surnames import SharedSurname, Surname

REQUESTS = [
    "something like Se7en but less grim, from the 90s",
    "a feel-good comedy under 2 hours",
    "Korean thrillers, highly rated",
    "give me 5 movies by Tom Hanks",
    "no horror, nothing animated, not too long",
    "a hidden gem from the 70s, French or Italian",
    "like Heat or Ronin but more recent",
    "something scary for halloween",
    "another like the second one",
    "I've seen it, something older please",
]


class BigLookup:
    def __init__(self) -> None:
        self.titles = {f"title {i} of the catalog": f"t{i}" for i in range(10_000)}
        self.titles.update({"heat": "heat-1995", "se7en": "se7en-1995", "ronin": "ronin-1998"})
        self.people = {f"first{i} last{i}": f"First{i} Last{i}" for i in range(40_000)}
        self.people["tom hanks"] = "Tom Hanks"
        self.surnames = {f"last{i}": Surname(f"First{i} Last{i}", False) for i in range(40_000)}
        self.spent = 0.0

    def resolve_title(self, text: str) -> TitleMatch | None:
        started = time.perf_counter()
        movie_id = self.titles.get(normalise_title(text))
        self.spent += time.perf_counter() - started
        return TitleMatch(movie_id, text, None, 100.0, []) if movie_id else None

    def people_index(self) -> Mapping[str, str]:
        return self.people

    def surname_index(self) -> Mapping[str, Surname]:
        return self.surnames

    def shared_surnames(self) -> Mapping[str, SharedSurname]:
        return {}

    def credits_of(self, movie_id: str) -> tuple[list[str], list[str]]:
        return [], []

    def titled(self, words: str) -> set[str]:
        return set()

    @property
    def movies(self) -> Mapping[str, Movie]:
        return {}

    records_studios = False


def main() -> None:
    lookup = BigLookup()
    understand("warm up", lookup)
    timings = []
    for _ in range(50):
        for text in REQUESTS:
            lookup.spent = 0.0
            started = time.perf_counter()
            understand(text, lookup)
            classify(text, lookup, has_previous=True)
            timings.append((time.perf_counter() - started - lookup.spent) * 1000)
    timings.sort()
    print(
        f"understand + classify: p50 {statistics.median(timings):.3f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)]:.3f} ms per request ({len(timings)} requests)"
    )


if __name__ == "__main__":
    main()
