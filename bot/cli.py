"""`moviebot`: the command line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from bot.settings import Settings
from store.vocab import GENRES

log = logging.getLogger("moviebot")
Command = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(fn: Command) -> Command:
        COMMANDS[name] = fn
        return fn

    return register


class UserError(Exception):
    """A problem the user can fix; printed without a traceback, exit status 2."""


# -- shared plumbing ---------------------------------------------------------------------


def runtime(args: argparse.Namespace, settings: Settings):
    """Data directory, embedder and the catalog, built from the starter file on first use."""
    from store.embeddings import SentenceTransformerEmbedder
    from store.home import DataDir
    from store.starter import open_catalog

    home = DataDir(settings.home).ensure()
    embedder = SentenceTransformerEmbedder(settings.embedding_model)
    if home.current_catalog() is None and not getattr(args, "json", False):
        print("First run: indexing the starter catalog (about half a minute)...", file=sys.stderr)
    catalog, _ = open_catalog(home, embedder, progress=progress_bar(args))
    return home, embedder, catalog


def progress_bar(args: argparse.Namespace):
    """A tqdm bar on a terminal; nothing when piped or asked for JSON."""
    if getattr(args, "json", False) or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    def start(label: str, total: int):
        bar = tqdm(total=total, desc=label, unit="movie", leave=False)
        return lambda n: (bar.update(n), bar.refresh() if bar.n < total else bar.close())

    return start


def emit_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=None)
    sys.stdout.write("\n")


def movie_line(movie, score: float | None = None) -> str:
    bits = [movie.label]
    if movie.genres:
        bits.append(", ".join(movie.genres))
    if movie.runtime:
        bits.append(f"{movie.runtime} min")
    if movie.rating is not None:
        bits.append(f"rated {movie.rating:.1f}")
    if movie.directors:
        bits.append("dir. " + ", ".join(movie.directors[:2]))
    return " · ".join(bits)


# -- catalog commands --------------------------------------------------------------------


@command("ingest")
def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from store.build import IngestFailed, ingest
    from store.embeddings import SentenceTransformerEmbedder
    from store.home import DataDir
    from store.ingest.base import SourceError

    home = DataDir(settings.home).ensure()
    embedder = SentenceTransformerEmbedder(settings.embedding_model)

    def report_error(error) -> None:
        if not args.json:
            print(f"skipped: {error}", file=sys.stderr)

    try:
        report = ingest(
            home,
            embedder,
            [(args.format, [Path(p) for p in args.paths])],
            replace=args.replace,
            strict=args.strict,
            progress=progress_bar(args),
            on_error=report_error,
        )
    except (SourceError, IngestFailed) as exc:
        raise UserError(f"{exc}\nThe previous catalog is unchanged.") from exc
    except KeyboardInterrupt:
        print("\nInterrupted: the previous catalog is unchanged.", file=sys.stderr)
        return 130
    if args.json:
        emit_json(report.to_dict())
    elif report.status == "unchanged":
        print(f"Catalog unchanged ({report.movies} movies); nothing to do ({report.seconds:.1f}s).")
    else:
        print(
            f"Catalog now has {report.movies} movies: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} already present; {report.embedded} embedded, {report.reused} reused; "
            f"{len(report.errors)} rows skipped; {report.seconds:.1f}s."
        )
    return 0


def _filters_from(args: argparse.Namespace):
    from store.filters import Filters

    return Filters.of(
        genres=args.genre,
        exclude_genres=args.exclude_genre,
        year_min=args.year_from,
        year_max=args.year_to,
        max_runtime=args.max_runtime,
        min_runtime=args.min_runtime,
        min_rating=args.min_rating,
        languages=args.language,
        countries=[c.upper() for c in args.country or []],
        people=args.person,
    )


@command("search")
def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    _, _, catalog = runtime(args, settings)
    results = catalog.search(" ".join(args.text), _filters_from(args), k=args.k)
    if args.json:
        emit_json(
            [
                {
                    "id": r.movie.id,
                    "title": r.movie.title,
                    "year": r.movie.year,
                    "genres": r.movie.genres,
                    "runtime": r.movie.runtime,
                    "directors": r.movie.directors,
                    "rating": r.movie.rating,
                    "score": round(r.score, 4),
                }
                for r in results
            ]
        )
        return 0
    if not results:
        print("No movies match those filters.")
        return 0
    for n, r in enumerate(results, 1):
        print(f"{n:>2}. {movie_line(r.movie)}")
    return 0


@command("catalog")
def cmd_catalog(args: argparse.Namespace, settings: Settings) -> int:
    _, _, catalog = runtime(args, settings)
    stats = catalog.stats()
    if args.json:
        emit_json(stats)
        return 0
    print(f"{stats['movies']} movies in {stats['path']} (built {stats['built_at']})")
    print("sources: " + "; ".join(stats["sources"]))
    print("genres: " + ", ".join(f"{g} {n}" for g, n in stats["genres"].items()))
    print("decades: " + ", ".join(f"{d}s {n}" for d, n in stats["decades"].items()))
    print("languages: " + ", ".join(f"{lang} {n}" for lang, n in stats["languages"].items()))
    return 0


# -- parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, help="where moviebot keeps its state (default: $MOVIEBOT_HOME)")
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("-v", "--verbose", action="store_true")

    parser = argparse.ArgumentParser(prog="moviebot", description="A conversational movie recommender.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="add a data set to the catalog")
    p.add_argument("--format", required=True, choices=_formats())
    p.add_argument("paths", nargs="+", help="files (or a folder) of that format")
    p.add_argument("--strict", action="store_true", help="any bad row aborts the ingest")
    p.add_argument("--replace", action="store_true", help="start from an empty catalog instead of merging")

    p = sub.add_parser("search", parents=[common], help="search the catalog")
    p.add_argument("text", nargs="*")
    p.add_argument("--genre", action="append", choices=GENRES, metavar="GENRE")
    p.add_argument("--exclude-genre", action="append", choices=GENRES, metavar="GENRE")
    p.add_argument("--year-from", type=int)
    p.add_argument("--year-to", type=int)
    p.add_argument("--min-runtime", type=int)
    p.add_argument("--max-runtime", type=int)
    p.add_argument("--min-rating", type=float)
    p.add_argument("--language", action="append", help="ISO 639-1 code, e.g. ko")
    p.add_argument("--country", action="append", help="ISO 3166 code, e.g. FR")
    p.add_argument("--person", action="append", help="director or actor, full name")
    p.add_argument("--k", type=int, default=10)

    p = sub.add_parser("catalog", parents=[common], help="catalog information")
    p.add_argument("action", choices=["stats"])
    return parser


def _formats() -> list[str]:
    from store.ingest import ADAPTERS

    return sorted(ADAPTERS)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("httpx", "chromadb", "sentence_transformers", "transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING if args.verbose else logging.ERROR)
    settings = Settings.from_env(home=args.data_dir)
    try:
        return COMMANDS[args.command](args, settings)
    except UserError as exc:
        print(f"moviebot: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
