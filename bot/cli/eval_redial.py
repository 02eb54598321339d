"""`moviebot eval redial`: Recall@K on ReDial dialogues against a popularity baseline."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from pathlib import Path

from bot.cli.base import UserError, emit_json, progress_lines
from bot.settings import Settings


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = eval_sub.add_parser(
        "redial",
        parents=[common],
        help="Recall@1/10/50 on ReDial dialogues, with a popularity baseline",
        description="Needs a catalog of the ReDial movies: moviebot ingest --format redial "
        "CFCRS_id2info_movie_metadata.FIXED.json --data-dir DIR (a data dir of its own).",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="ReDial dialogue files (JSON Lines)")
    p.add_argument(
        "--metadata", type=Path, metavar="FILE", help="ReDial movie metadata (default: the one beside the first PATH)"
    )
    p.add_argument(
        "--train",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="dialogues the popularity baseline counts and the co-mention ranker is fitted on (default: none for "
        "the ranker; PATH itself for popularity, leaving out the evaluated dialogue)",
    )
    p.add_argument("--limit", type=int, metavar="N", help="evaluate the first N dialogues only")
    p.add_argument("--k-max", type=int, default=50, metavar="K", help="recommendations asked for per turn (default 50)")
    p.add_argument("--out", type=Path, metavar="FILE", help="write one JSON line per evaluated turn here")
    p.add_argument(
        "--as-of",
        type=int,
        metavar="YEAR",
        help="replay the dialogues in this year, for 'recent' or 'last year' (ReDial's were held in 2018; "
        "default: today)",
    )
    p.set_defaults(run=cmd_eval_redial)


def cmd_eval_redial(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli.comentions import redial_catalog
    from evaluation.redial import DialogueError, evaluate, read_dialogues, training_ratings
    from store.comentions import CoMentions

    if args.k_max < 1 or (args.limit is not None and args.limit < 1):
        raise UserError("--k-max and --limit must be at least 1")
    _, catalog, ids, names = redial_catalog(
        settings, [*args.paths, *(args.train or [])], args.metadata,
        then="moviebot eval redial " + " ".join(str(p) for p in args.paths),
    )  # fmt: skip
    try:
        dialogues = read_dialogues(args.paths)
        train = read_dialogues(args.train) if args.train else None
    except (DialogueError, UnicodeDecodeError) as exc:
        raise UserError(str(exc)) from exc

    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(open(args.out, "w", encoding="utf-8")) if args.out else None
        except OSError as exc:
            raise UserError(f"{args.out}: {exc.strerror}") from exc
        comentions = _fit_comentions(train, ids, catalog) if train else CoMentions()
        ratings = training_ratings(train or [], ids)
        app = _open_recommender(settings, catalog, args.k_max, ratings, comentions, args.as_of)
        stack.callback(app.close)

        def progress(total: int):
            if args.json:
                return None
            if not sys.stderr.isatty():
                advance = progress_lines("turn")("ReDial turns", total)
                return lambda: advance(1)
            from tqdm import tqdm

            bar = stack.enter_context(tqdm(total=total, desc="ReDial turns", unit="turn", leave=False))
            return lambda: bar.update(1)

        def write(record: dict) -> None:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

        try:
            report = evaluate(
                app.recommender.ask,
                app.catalog,
                dialogues,
                ids=ids,
                names=names,
                train=train,
                limit=args.limit,
                k_max=args.k_max,
                progress=progress,
                on_record=write if out else None,
            )
        except KeyboardInterrupt:
            print("\nInterrupted.", file=sys.stderr)
            return 130
    if args.json:
        emit_json({**report.to_dict(), "as_of": args.as_of})
    else:
        print(format_report(report))
        if args.as_of:
            print(f"replayed as of {args.as_of}: 'recent' and 'last year' mean what they did then.")
    return 0


def _fit_comentions(train: list[dict], ids: dict[str, str], catalog):
    """The co-mention table and ranker fitted on the training dialogues only, in memory."""
    from evaluation.comentions import genres_asked
    from evaluation.comentions import train as fit_comentions

    print(f"fitting the co-mention ranker on {len(train)} training dialogues (about a minute per thousand)...",
          file=sys.stderr, flush=True)  # fmt: skip
    try:
        table, *_ = fit_comentions(train, ids, catalog.movies, genres_asked, vectors=catalog.vector_rows)
    except ValueError as exc:
        raise UserError(f"the --train dialogues give nothing to learn from: {exc}") from exc
    return table


def _open_recommender(settings: Settings, catalog, k_max: int, ratings: list[tuple], comentions,
                      as_of: int | None = None):  # fmt: skip
    """The runtime over the catalog already opened, with nothing remembered or written to the data dir.

    The profile store is a scratch one in memory holding the training dialogues as
    ratings (empty without --train), so suggestions made during the evaluation are not
    logged into the data dir. The co-mention table is the one fitted on --train (none
    without it: the data dir's own table may have been built from the evaluated dialogues).
    The answer may hold k_max picks. With `as_of`, the recommender's clock reads the last day of
    that year.
    """
    from agent.deps import AgentConfig
    from bot.runtime import open_runtime

    defaults = AgentConfig()
    config = AgentConfig(explore=False, max_count=max(k_max, defaults.max_count), pool=max(defaults.pool, 2 * k_max))
    return open_runtime(
        settings,
        memory=False,
        config=config,
        scratch_ratings=ratings,
        learning=False,
        comentions=comentions,
        catalog=catalog,
        clock=(lambda: dt.datetime(as_of, 12, 31, 12, tzinfo=dt.UTC)) if as_of else None,
    )


def format_report(report) -> str:
    cutoffs = report.cutoffs
    lines = [
        f"ReDial: {report.dialogues} dialogues, {report.turns} recommender turns, "
        f"{report.samples} (turn, target) samples; {report.unmapped_targets} targets not in the catalog skipped "
        f"({report.turns_without_target} turns left with none). Popularity from {report.popularity_source}.",
        "",
        f"{'method':<12}{'samples':>9}" + "".join(f"{'R@' + str(k):>9}" for k in cutoffs),
    ]
    for score in (report.moviebot, report.popularity):
        cells = "".join(f"{_cell(score.recall(k)):>9}" for k in cutoffs)
        lines.append(f"{score.name:<12}{score.samples:>9}{cells}")
    lines.append(f"{'ratio':<12}{'':>9}" + "".join(f"{_cell(report.ratio(k), 2):>9}" for k in cutoffs))
    lines.append("")
    speed = report.turns_per_second
    lines.append(
        f"moviebot: {report.turns} turns in {report.seconds:.1f}s"
        + (f" ({speed:.2f} turns/s)" if speed else "")
        + f"; popularity: {report.popularity_seconds:.2f}s."
    )
    mean = report.returned / report.turns if report.turns else 0
    lines.append(
        f"answers: {mean:.1f} picks on average; {report.short_answers} turns got fewer than {cutoffs[-1]}, "
        f"{report.empty_answers} got none."
    )
    if report.empty_answers and report.answered.samples:
        lines.append(
            f"on the {report.answered.samples} samples of answered turns, moviebot: "
            + ", ".join(f"R@{k} {_cell(report.answered.recall(k))}" for k in cutoffs)
            + "."
        )
    if report.excluded_returned:
        lines.append(f"warning: {report.excluded_returned} answers included an already-mentioned movie.")
    if report.errors:
        lines.append(f"errors: {report.errors} turns failed (counted as misses); first: {report.first_error}")
    return "\n".join(lines)


def _cell(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"
