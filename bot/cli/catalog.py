"""`moviebot ingest | search | catalog`: the catalog itself. Search is pure catalog search (no
conversation, no profile), so these open the catalog and nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from agent.prose import prose_list
from bot.cli.base import UserError, counted, emit_json, open_catalog, progress_bar
from bot.settings import Settings
from store.vocab import GENRES, parse_country, parse_genre, parse_language


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    from store.ingest import ADAPTERS

    p = sub.add_parser("ingest", parents=[common], help="add a data set to the catalog")
    p.add_argument("--format", required=True, choices=sorted(ADAPTERS),
                   help="the data set's format (README: Bring your own data)")  # fmt: skip
    p.add_argument("paths", nargs="+", help="files (or a folder) of that format")
    p.add_argument("--strict", action="store_true", help="any bad row aborts the ingest")
    p.add_argument("--replace", action="store_true", help="start from an empty catalog instead of merging")
    p.add_argument("--enrich", action="store_true",
                   help="only fill in films already in the catalog (genres, cast, runtimes); add none")  # fmt: skip
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("search", parents=[common], help="search the catalog")
    p.add_argument("text", nargs="*", help='what the film is about, e.g. "heist gone wrong" (optional)')
    genre_help = "any case or everyday name (Sci-Fi, science fiction); genres: " + ", ".join(GENRES)
    p.add_argument("--genre", action="append", type=option(parse_genre), metavar="GENRE", help=genre_help)
    p.add_argument("--exclude-genre", action="append", type=option(parse_genre), metavar="GENRE",
                   help="leave out films of this genre")  # fmt: skip
    p.add_argument("--year-from", type=int, metavar="YEAR", help="released in or after")
    p.add_argument("--year-to", type=int, metavar="YEAR", help="released in or before")
    p.add_argument("--min-runtime", type=int, metavar="MIN", help="at least this many minutes")
    p.add_argument("--max-runtime", type=int, metavar="MIN", help="at most this many minutes")
    p.add_argument("--min-rating", type=float, metavar="X", help="rated at least X of 10")
    p.add_argument("--language", action="append", type=option(parse_language), help="name or code: Korean, ko")
    p.add_argument("--country", action="append", type=option(parse_country), help="name or code: France, French, FR")
    p.add_argument(
        "--person", action="append", help="director or actor: full name in any case, or a well-known surname"
    )
    p.add_argument("--k", type=int, default=10, help="how many films (default 10)")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("catalog", parents=[common], help="catalog information")
    p.add_argument("action", choices=["stats", "duplicates"], help="duplicates: entries that may be one film twice")
    p.set_defaults(run=cmd_catalog)


def option(parse: Callable[[str], str]) -> Callable[[str], str]:
    """An argparse type from a store.vocab parser: its ValueError becomes the usage error."""

    def convert(text: str) -> str:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from store.build import IngestFailed, ingest
    from store.home import DataDir
    from store.ingest.base import SourceError

    if args.enrich and args.replace:
        raise UserError(
            "--enrich fills in the films already in the catalog; it cannot start from an empty one (--replace)"
        )
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
            enrich=args.enrich,
            progress=progress_bar(args),
            on_error=report_error,
            vectors=settings.vector_store(),
            on_wait=lambda: print(
                f"Another ingest is running in {home.root}; waiting for it to finish...", file=sys.stderr, flush=True
            ),
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
            f"{report.unchanged} already present; "
            + (f"{report.not_added} not in the catalog, left out; " if args.enrich else "")
            + f"{report.embedded} embedded, {report.reused} reused; "
            f"{len(report.errors)} rows skipped; {report.seconds:.1f}s."
        )
    return 0


def _filters_from(args: argparse.Namespace, untagged: frozenset[str] = frozenset()):
    """The options as filters; a genre in `untagged` (one no film carries) goes by its tag instead."""
    from store.filters import Filters

    return Filters.of(
        genres=[g for g in args.genre or [] if g not in untagged],
        exclude_genres=[g for g in args.exclude_genre or [] if g not in untagged],
        require_keywords=[g for g in args.genre or [] if g in untagged],
        exclude_keywords=[g for g in args.exclude_genre or [] if g in untagged],
        year_min=args.year_from,
        year_max=args.year_to,
        max_runtime=args.max_runtime,
        min_runtime=args.min_runtime,
        min_rating=args.min_rating,
        languages=args.language,
        countries=args.country,
        people=args.person,
    )


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


def _titled_first(catalog, text: str, filters, results: list) -> list:
    """The film the search text is a title of, by any of its names ("Love's a Bitch" is Amores
    Perros), first: a title says which film far better than the words of its synopsis do."""
    from store.catalog import ScoredMovie
    from store.filters import matches

    found = catalog.resolve_title(text) if text.strip() else None
    if found is None or found.score < 100 or not matches(catalog.movies[found.movie_id], filters):
        return results
    hit = next((r for r in results if r.movie.id == found.movie_id), None)
    hit = hit or ScoredMovie(catalog.movies[found.movie_id], results[0].score if results else 1.0, 1.0, 0.0, None)
    return [hit, *(r for r in results if r.movie.id != found.movie_id)][: max(len(results), 1)]


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    import dataclasses

    from agent.catalog_search import search_words
    from store.filters import contradictions

    if args.k < 1:
        raise UserError(f"--k must be at least 1 (got {args.k})")
    if args.min_rating is not None and not 0 <= args.min_rating <= 10:  # nan fails this too
        raise UserError(f"--min-rating must be from 0 to 10 (got {args.min_rating:g})")
    for flag, minutes in (("--min-runtime", args.min_runtime), ("--max-runtime", args.max_runtime)):
        if minutes is not None and minutes < 1:
            raise UserError(f"{flag} must be at least 1 minute (got {minutes})")
    if clash := contradictions(dataclasses.asdict(_filters_from(args))):
        raise UserError(f"no film could fit these options: {'; '.join(clash)}")
    catalog = open_catalog(args, settings)
    try:
        if args.person:  # "kubrick", "stanley kubrick": the person as credited, or why there is none
            from agent.request_filters import person_named

            try:
                args.person = [person_named(catalog, name) for name in args.person]
            except ValueError as exc:
                raise UserError(str(exc)) from None
        # "sport": TMDB 5000 and MovieLens label no film so, and tag 126 films; chat goes by the tag too
        unlabelled = [g for g in [*(args.genre or []), *(args.exclude_genre or [])] if not catalog.carries_genre(g)]
        filters = _filters_from(args, frozenset(unlabelled))
        text = " ".join(args.text)
        results = _titled_first(catalog, text, filters, search_words(catalog, text, filters, k=args.k))
    finally:
        catalog.close()
    if unlabelled and not args.json:
        tags = "the tag" if len(unlabelled) == 1 else "their tags"
        print(f"No film in this catalog is labelled {prose_list(unlabelled, 'or')}, so I went by {tags} instead.",
              file=sys.stderr)  # fmt: skip
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


def cmd_catalog(args: argparse.Namespace, settings: Settings) -> int:
    catalog = open_catalog(args, settings)
    try:
        if args.action == "duplicates":
            return print_duplicates(args, catalog)
        stats = catalog.stats()
    finally:
        catalog.close()
    if args.json:
        emit_json(stats)
        return 0
    print(f"{stats['movies']} movies in {stats['path']} (built {stats['built_at']})")
    print("sources: " + "; ".join(stats["sources"]))
    print("genres: " + ", ".join(f"{g} {n}" for g, n in stats["genres"].items()))
    print("decades: " + ", ".join(f"{d}s {n}" for d, n in stats["decades"].items()))
    print("languages: " + ", ".join(f"{lang} {n}" for lang, n in stats["languages"].items()))
    # chat stands a studio's kind of film in for its films where none is recorded: say how to record them
    print(
        f"studios: recorded for {stats['with_studios']} movies"
        if stats["with_studios"]
        else "studios: none recorded (`moviebot ingest --format tmdb-5000 --enrich PATH` records TMDB 5000's)"
    )
    return 0


def print_duplicates(args: argparse.Namespace, catalog) -> int:
    from store.duplicates import suspected_duplicates

    pairs = suspected_duplicates(catalog.movies.values())
    if args.json:
        emit_json([pair.to_dict() for pair in pairs])
        return 0
    for pair in pairs:
        print(f"{pair.first.label} [{pair.first.id}]  ~  {pair.second.label} [{pair.second.id}]: {pair.reason}")
    print(f"{counted(len(pairs), 'suspected duplicate pair')} in {len(catalog)} movies.")
    return 0
