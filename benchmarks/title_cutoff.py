"""Which fuzzy-title cut-off (Catalog.resolve_title score) makes the fewest mistakes, for the
chat reader and for typed titles (commands, imports), on real people's typing.

    python -m benchmarks.title_cutoff [--data ../shared/data] [--work DIR] [--cutoffs 80 85 88 90 92 95]

- commands: every movie title INSPIRED seekers and recommenders typed (the text under each
  [MOVIE_TITLE_n] placeholder, typos and partial titles included), resolved as `/rate TITLE`
  resolves it; the annotated film is the answer, a film the catalog lacks should match nothing.
- imports: MovieLens ml-latest-small titles and years through the import matcher (IMDb ids held
  back), against the starter catalog; the answer is the starter film with the row's IMDb id.
- chat: INSPIRED utterances and ReDial messages (each @mention written out as its title) read
  by the rule-based reader; a film read that was not mentioned is a wrong match.
A wrong match is a film the person did not mean; a miss is a film in the catalog not found.
Catalogs are built with a hashing embedder (titles are all that matters here).
"""

from __future__ import annotations

import argparse
import ast
import csv
import difflib
import json
import re
import tempfile
from collections import Counter
from pathlib import Path

import agent.understanding.titles as titles_module
import store.history_match as match_module
from agent.understanding.reader import understand
from store.build import ingest
from store.catalog import Catalog
from store.history_match import CatalogMatcher
from store.home import DataDir
from store.ingest.movielens import split_title
from store.movie import normalise_title
from store.starter import starter_catalog_path
from tests.fakes import HashingEmbedder

_PLACEHOLDER = re.compile(r"\[MOVIE_TITLE_(\d+)\]")
_LABEL = re.compile(r"^(.*?)\s*\((\d{4})\)\s*$")


def build(work: Path, name: str, sources: list[tuple[str, list[Path]]]) -> Catalog:
    home = DataDir(work / name).ensure()
    if home.current_catalog() is None or not Path(home.current_catalog()).exists():
        ingest(home, HashingEmbedder(), sources)
    return Catalog(home.current_catalog(), HashingEmbedder())


def film_of(catalog: Catalog, label: str) -> str | None:
    """The catalog film an annotation "Title (Year)" names (year within one), if any."""
    match = _LABEL.match(label.strip())
    title, year = (match[1], int(match[2])) if match else (label.strip(), None)
    ids = catalog.ids_for_title(normalise_title(title))
    ids = [i for i in ids if year is None or catalog.movies[i].year is None or abs(catalog.movies[i].year - year) <= 1]
    return max(ids, key=lambda i: catalog.movies[i].votes or 0) if ids else None


def same_film(catalog: Catalog, found: str, target: str | None) -> bool:
    if target is None:
        return False
    a, b = catalog.movies[found], catalog.movies[target]
    return found == target or (normalise_title(a.title) == normalise_title(b.title) and a.year == b.year)


# -- INSPIRED -----------------------------------------------------------------------------------


def inspired_rows(data: Path) -> list[dict]:
    with open(data / "inspired-dev" / "dev.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def typed_titles(rows: list[dict]) -> list[tuple[str, str]]:
    """(what was typed, the annotated "Title (Year)") for each title placeholder in INSPIRED."""
    out = []
    for row in rows:
        text, marked = row["text"], row["text_with_placeholder"]
        names = {n: label for label, n in _literal_dict(row["movie_dict"]).items()}
        pieces = _PLACEHOLDER.split(marked)  # literal, number, literal, number, ...
        matcher = difflib.SequenceMatcher(None, marked, text, autojunk=False)
        for m in _PLACEHOLDER.finditer(marked):
            start, end = _mapped(matcher, m.start(), m.end(), len(text))
            typed = text[start:end].strip(" ,.!?;:\"'()")
            if typed and int(m[1]) in names and len(pieces) > 1:
                out.append((typed, names[int(m[1])]))
    return out


def _literal_dict(text: str) -> dict[str, int]:
    try:
        return {str(k): int(v) for k, v in ast.literal_eval(text).items()} if text.strip() else {}
    except (ValueError, SyntaxError, AttributeError):
        return {}


def _mapped(matcher: difflib.SequenceMatcher, start: int, end: int, limit: int) -> tuple[int, int]:
    """Where marked[start:end] (a placeholder) lies in the raw text: between the matched blocks."""
    before, after = 0, limit
    for a, b, size in matcher.get_matching_blocks():
        if size and a + size <= start:
            before = max(before, b + size)
        if size and a >= end:
            after = min(after, b)
    return before, max(before, after)


# -- the three uses ------------------------------------------------------------------------------


def commands(catalog: Catalog, typed: list[tuple[str, str]], cutoffs: list[float]) -> dict[float, Counter]:
    results = {c: Counter() for c in cutoffs}
    for text, label in typed:
        target = film_of(catalog, label)
        match = catalog.resolve_title(text)
        for cut in cutoffs:
            accepted = match is not None and match.score >= cut
            if accepted and same_film(catalog, match.movie_id, target):
                results[cut]["right"] += 1
            elif accepted:
                results[cut]["wrong"] += 1
                results[cut].setdefault("_examples", []).append(
                    f"{text!r} -> {catalog.movies[match.movie_id].label} ({match.score:.0f}; meant {label})"
                )
            elif target is not None:
                results[cut]["missed"] += 1
                results[cut].setdefault("_missed", []).append(f"{text!r} ({match.score if match else 0:.0f})")
    return results


def imports(catalog: Catalog, data: Path, cutoffs: list[float]) -> dict[float, Counter]:
    folder = data / "movielens-ml-latest-small"
    with open(folder / "links.csv", encoding="utf-8") as f:
        imdb = {row["movieId"]: f"tt{row['imdbId']}" for row in csv.DictReader(f)}
    with open(folder / "movies.csv", encoding="utf-8") as f:
        rows = [(split_title(row["title"]), imdb.get(row["movieId"])) for row in csv.DictReader(f)]
    by_imdb = {m.imdb_id: m.id for m in catalog.movies.values() if m.imdb_id}
    results = {c: Counter() for c in cutoffs}
    for cut in cutoffs:
        match_module.TITLE_MATCH_SCORE = cut
        matcher = CatalogMatcher(catalog)
        for (title, year), imdb_id in rows:
            target = by_imdb.get(imdb_id)
            found = matcher.match(title, year, None).movie_id
            if found is not None and same_film(catalog, found, target):
                results[cut]["right"] += 1
            elif found is not None:
                results[cut]["wrong"] += 1
            elif target is not None:
                results[cut]["missed"] += 1
    return results


def chat_messages(catalog: Catalog, data: Path, rows: list[dict], dialogues: int) -> list[tuple[str, set[str]]]:
    """(message, films it mentions that the catalog has)."""
    out = []
    for row in rows:
        films = {film_of(catalog, label) for label in _literal_dict(row["movie_dict"])
                 if label in row["movies"]}  # fmt: skip
        out.append((row["text"], {f for f in films if f}))
    names = {}
    with open(data / "redial-train" / "movies_with_mentions.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["movieId"]] = row["movieName"]
    path = data / "redial-train" / "train_subset_901_from_KGSF_valid_data.jsonl"
    with open(path, encoding="utf-8") as f:
        for line in list(f)[:dialogues]:
            dialogue = json.loads(line)
            mentions = {**names, **{k: v for k, v in (dialogue.get("movieMentions") or {}).items() if v}}
            for message in dialogue["messages"]:
                ids = re.findall(r"@(\d+)", message["text"])
                text = re.sub(r"@(\d+)", lambda m, known=mentions: _title_only(known.get(m[1], "")), message["text"])
                films = {film_of(catalog, mentions[i]) for i in ids if i in mentions}
                out.append((text, {f for f in films if f}))
    return out


def _title_only(label: str) -> str:
    match = _LABEL.match(label.strip())
    return match[1] if match else label.strip()


class _Watching:
    """The catalog as the reader sees it, noting the scores of fuzzy answers: a message none
    of whose answers falls between two cut-offs reads the same under both."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.scores: list[float] = []

    def resolve_title(self, text: str):
        match = self.catalog.resolve_title(text)
        if match is not None:
            self.scores.append(match.score)
        return match

    def people_index(self):
        return self.catalog.people_index()

    def surname_index(self):
        return self.catalog.surname_index()

    def shared_surnames(self):
        return self.catalog.shared_surnames()

    def credits_of(self, movie_id: str):
        return self.catalog.credits_of(movie_id)

    def titled(self, words: str):
        return self.catalog.titled(words)

    @property
    def movies(self):
        return self.catalog.movies

    @property
    def records_studios(self):
        return self.catalog.records_studios


def chat(catalog: Catalog, messages: list[tuple[str, set[str]]], cutoffs: list[float]) -> dict[float, Counter]:
    results = {c: Counter() for c in cutoffs}
    wrong_examples: dict[float, list[str]] = {c: [] for c in cutoffs}
    lookup = _Watching(catalog)
    for text, targets in messages:
        lookup.scores = []
        titles_module.TITLE_MATCH_SCORE = min(cutoffs)
        first = understand(text, lookup)
        in_between = any(min(cutoffs) <= s < max(cutoffs) for s in lookup.scores)
        for cut in cutoffs:
            titles_module.TITLE_MATCH_SCORE = cut
            read = understand(text, catalog) if in_between and cut != min(cutoffs) else first
            found = set(read.like_titles) | set(read.exclude_titles)
            for film in found:
                if any(same_film(catalog, film, t) for t in targets):
                    results[cut]["right"] += 1
                else:
                    results[cut]["wrong"] += 1
                    wrong_examples[cut].append(f"{text[:70]!r} -> {catalog.movies[film].label}")
            results[cut]["missed"] += sum(1 for t in targets if not any(same_film(catalog, f, t) for f in found))
    for cut in cutoffs:
        results[cut]["_examples"] = wrong_examples[cut]  # type: ignore[assignment]
    return results


def show(title: str, results: dict[float, Counter]) -> None:
    print(f"\n{title}")
    print(f"{'cut-off':>8} {'right':>7} {'wrong':>7} {'missed':>7} {'wrong+missed':>13}")
    for cut, counts in results.items():
        errors = counts["wrong"] + counts["missed"]
        print(f"{cut:>8.0f} {counts['right']:>7} {counts['wrong']:>7} {counts['missed']:>7} {errors:>13}")


def diff_examples(results: dict[float, Counter], low: float, high: float) -> None:
    extra = [e for e in results[low].get("_examples", []) if e not in set(results[high].get("_examples", []))]
    print(f"  wrong at {low:.0f} but not at {high:.0f} ({len(extra)}):")
    for example in extra[:40]:
        print("   ", example)
    missed = [e for e in results[high].get("_missed", []) if e not in set(results[low].get("_missed", []))]
    if missed:
        print(f"  missed at {high:.0f} but not at {low:.0f} ({len(missed)}): {'; '.join(missed[:20])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--work", type=Path, default=None, help="where to keep the built catalogs")
    parser.add_argument("--cutoffs", type=float, nargs="+", default=[80, 85, 88, 90, 92, 95])
    parser.add_argument("--dialogues", type=int, default=300, help="ReDial dialogues read for chat")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="title-cutoff-"))
    data = args.data
    starter = build(work, "starter", [("jsonl", [starter_catalog_path()])])
    big = build(work, "big", [("jsonl", [starter_catalog_path()]), ("imdb-top-1000", [data / "imdb-top-1000"]),
                              ("tmdb-5000", [data / "tmdb-5000"]),
                              ("movielens", [data / "movielens-ml-latest-small"])])  # fmt: skip
    rows = inspired_rows(data)
    typed = typed_titles(rows)
    print(f"{len(typed)} typed titles from INSPIRED; catalogs: starter {len(starter.movies)}, big {len(big.movies)}")
    for name, catalog in (("starter", starter), ("big", big)):
        results = commands(catalog, typed, args.cutoffs)
        show(f"commands ({name} catalog): INSPIRED typed titles", results)
        diff_examples(results, 85, 90)
        diff_examples(results, 90, 95)
    show("imports (starter catalog): MovieLens titles + years, IMDb ids held back",
         imports(starter, data, args.cutoffs))  # fmt: skip
    for name, catalog in (("starter", starter), ("big", big)):
        messages = chat_messages(catalog, data, rows, args.dialogues)
        results = chat(catalog, messages, args.cutoffs)
        show(f"chat ({name} catalog): {len(messages)} INSPIRED + ReDial messages", results)
        diff_examples(results, 85, 90)
        diff_examples(results, 90, 95)


if __name__ == "__main__":
    main()
