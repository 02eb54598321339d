"""`moviebot`: the command line."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from bot.settings import Settings, SettingsError
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
    from store.home import DataDir
    from store.starter import open_catalog

    home = DataDir(settings.home).ensure()
    embedder = settings.embedder()
    announce_catalog_build(args, home, embedder)
    catalog, _ = open_catalog(home, embedder, progress=progress_bar(args))
    return home, embedder, catalog


CATALOG_BUILDS = {
    "starter": "First run: indexing the starter catalog (about 15 seconds)...",
    "reindex": "The embedding setup changed: re-embedding the catalog once (about a minute per 7,000 movies)...",
}


def announce_catalog_build(args: argparse.Namespace, home, embedder) -> None:
    """Say why the first command after installing, or after changing the embedding setup, takes a while."""
    from store.starter import pending_build

    build = pending_build(home, embedder)
    if build and not getattr(args, "json", False):
        print(CATALOG_BUILDS[build], file=sys.stderr)


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


def movie_line(movie) -> str:
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
    from store.home import DataDir
    from store.ingest.base import SourceError

    home = DataDir(settings.home).ensure()
    embedder = settings.embedder()

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


# -- conversation commands ---------------------------------------------------------------


def open_app(args: argparse.Namespace, settings: Settings, **kwargs):
    from bot.runtime import open_runtime
    from store.home import DataDir

    announce_catalog_build(args, DataDir(settings.home).ensure(), settings.embedder())
    return open_runtime(settings, progress=progress_bar(args), **kwargs)


def user_key(name: str) -> str:
    """A --user NAME is a terminal user unless it names a platform ("discord:1234")."""
    return name if ":" in name else f"cli:{name}"


@command("chat")
def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.terminal import run_chat

    app = open_app(args, settings)
    try:
        app.profiles.ensure_user(*user_key(args.user).split(":", 1))
        return run_chat(app, user_key(args.user))
    finally:
        app.close()


CONTRACT_KEYS = ("id", "title", "year", "genres", "runtime", "directors", "rating", "explanation", "score")


def contract(result: dict) -> dict:
    """The stable JSON shape of one turn that other tools rely on."""
    return {
        "reply": result.get("reply", ""),
        "recommendations": [{k: r.get(k) for k in CONTRACT_KEYS} for r in result.get("recommendations") or []],
        "understood": result.get("understood") or {},
    }


@command("ask")
def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    if args.batch:
        return ask_batch(args, settings)
    text = " ".join(args.text).strip()
    if not text:
        raise UserError("nothing to ask: give the request as text, or --batch FILE")
    from bot.terminal import format_answer

    app = open_app(args, settings)
    try:
        app.profiles.ensure_user(*user_key(args.user).split(":", 1))
        result = app.recommender.ask(text, user=user_key(args.user), channel="cli", k=args.k)
        if args.json:
            emit_json(contract(result))
        else:
            print(format_answer(result, color=sys.stdout.isatty()))
    finally:
        app.close()
    return 0


def ask_batch(args: argparse.Namespace, settings: Settings) -> int:
    """One JSON object per line in, one result per line out, models loaded once.

    A bad line gets an {"id", "error"} result and the batch goes on.
    """
    source = Path(args.batch)
    if not source.exists():
        raise UserError(f"{source}: no such file")
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115 - closed below
    app = open_app(args, settings, memory=False)
    failures = 0
    try:
        with source.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                result = _batch_line(app, line, number, args.k)
                failures += "error" in result
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                out.flush()
    finally:
        app.close()
        if out is not sys.stdout:
            out.close()
    if failures:
        print(f'{failures} line(s) could not be answered; see their "error" fields.', file=sys.stderr)
    return 0


def _batch_line(app, line: str, number: int, default_k: int | None) -> dict:
    try:
        item = json.loads(line)
        messages = item["messages"]
        if not isinstance(messages, list) or not messages:
            raise ValueError("messages must be a non-empty list")
        last_user = max(i for i, m in enumerate(messages) if m.get("role") == "user")
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        return {"id": _line_id(line, number), "error": f"line {number}: {exc or 'bad line'}"}
    user = user_key(str(item.get("user") or "batch"))
    context = [{"role": m.get("role", "user"), "text": str(m.get("text", ""))} for m in messages[:last_user]]
    result = app.recommender.ask(
        str(messages[last_user].get("text", "")),
        user=user,
        channel="batch",
        k=item.get("k") or default_k,
        context=context,
        remember=False,
        always_recommend=True,
    )
    return {"id": item.get("id", number), **contract(result)}


def _line_id(line: str, number: int):
    try:
        return json.loads(line).get("id", number)
    except (json.JSONDecodeError, AttributeError):
        return number


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

    p = sub.add_parser("chat", parents=[common], help="talk to moviebot in the terminal")
    p.add_argument("--user", default="me", help="whose profile and history to use")

    p = sub.add_parser("ask", parents=[common], help="one turn: a request in, picks out")
    p.add_argument("text", nargs="*")
    p.add_argument("--user", default="me")
    p.add_argument("--k", type=int, default=None, help="how many picks (default 3)")
    p.add_argument("--batch", type=Path, help="JSON Lines of conversations to answer")
    p.add_argument("--out", type=Path, help="where --batch writes its results (default stdout)")

    evaluate = sub.add_parser("eval", help="measure recommendation quality on real data")
    eval_sub = evaluate.add_subparsers(dest="eval_command", required=True)
    for module in FEATURE_MODULES:
        importlib.import_module(module).add_parsers(sub, eval_sub, common)
    return parser


# Modules that add their own subcommands: each has add_parsers(sub, eval_sub, common)
# and registers its handlers with @command("name") (or @command("eval name")).
FEATURE_MODULES = ("bot.cli_profiles", "bot.cli_eval", "bot.cli_comentions", "bot.cli_learning", "bot.cli_bots")


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
    try:
        settings = Settings.from_env(home=args.data_dir)
        name = f"eval {args.eval_command}" if args.command == "eval" else args.command
        return COMMANDS[name](args, settings)
    except (UserError, SettingsError) as exc:
        print(f"moviebot: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    # run as `python -m bot.cli`: feature modules register into bot.cli, not __main__
    from bot.cli import main as package_main

    sys.exit(package_main())
