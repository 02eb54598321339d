"""`moviebot train` and `moviebot eval comentions`: the co-mention ranker from ReDial dialogues.

`train` builds the table and fits the ranker on the dialogues given, and saves both in the
data directory, where the recommender reads them. `eval comentions` fits on --train
dialogues in memory (the data directory is not written) and scores held-out dialogues.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bot.cli.base import UserError, emit_json
from bot.settings import Settings

MIN_COVERAGE = 0.5  # below this share of the ReDial movies, the data dir holds some other catalog


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "train",
        parents=[common],
        help="learn which films people talk about together, from ReDial dialogues",
        description="Builds the co-mention table and fits the conversation ranker on ReDial dialogues "
        "(JSON Lines), and saves both in the data directory (comentions.sqlite), replacing any "
        "earlier ones. Needs the ReDial movies in the catalog: moviebot ingest --format redial FILE.",
    )
    _dialogue_options(p)
    p.set_defaults(run=cmd_train)
    p = eval_sub.add_parser(
        "comentions",
        parents=[common],
        help="Recall@1/10/50 of the co-mention ranker on held-out ReDial dialogues, with popularity",
        description="Fits the co-mention ranker on the --train dialogues in memory and scores it on "
        "PATH (dialogues never used for fitting), beside its leave-one-dialogue-out figures on the "
        "training dialogues and popularity counted on the same training dialogues.",
    )
    _dialogue_options(p)
    p.add_argument("--train", type=Path, nargs="+", required=True, metavar="FILE", help="training dialogues")
    p.add_argument("--k-max", type=int, default=50, metavar="K", help="the longest list scored (default 50)")
    p.set_defaults(run=cmd_eval_comentions)
    p = eval_sub.add_parser(
        "inspired",
        parents=[common],
        help="Recall@1/10/50 on INSPIRED dialogues, with popularity",
        description="Scores the co-mention ranker that moviebot train saved in the data directory "
        "(fitted on ReDial dialogues) on INSPIRED's dev.tsv, films matched to the catalog by title "
        "and year, beside popularity from the same training dialogues.",
    )
    p.add_argument("path", type=Path, metavar="PATH", help="INSPIRED dialogues (dev.tsv)")
    p.add_argument("--k-max", type=int, default=50, metavar="K", help="the longest list scored (default 50)")
    p.set_defaults(run=cmd_eval_inspired)


def _dialogue_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="ReDial dialogue files (JSON Lines)")
    p.add_argument(
        "--metadata", type=Path, metavar="FILE", help="ReDial movie metadata (default: the one beside the first PATH)"
    )


def redial_catalog(settings: Settings, paths: list[Path], metadata: Path | None, *, then: str | None = None):
    """(data dir, catalog, ReDial id -> catalog id, ReDial id -> name), or a UserError saying
    how to build the catalog; `then` is the command to run once it is built (else: this one, here)."""
    from bot.runtime import open_catalog_only
    from evaluation.redial import METADATA_FILE, catalog_mapping
    from store.home import DataDir
    from store.ingest.base import SourceError

    for path in paths:
        if not path.is_file():
            raise UserError(f"{path}: no such file")
    metadata = metadata or paths[0].parent / METADATA_FILE
    if not metadata.is_file():
        raise UserError(f"{metadata}: no ReDial movie metadata there; give it with --metadata FILE")
    home = DataDir(settings.home)
    catalog = open_catalog_only(settings) if home.current_catalog() else None
    movies = catalog.movies if catalog is not None else {}
    try:
        ids, names = catalog_mapping(metadata, movies)
    except (SourceError, OSError, ValueError, AttributeError) as exc:
        raise UserError(f"{metadata}: not ReDial movie metadata ({exc})") from exc
    if len(ids) < MIN_COVERAGE * len(names):
        where = "DIR" if then else home.root
        lead = "Build a ReDial catalog in a data directory of its own, then run it there" if then else "Add them first"
        rerun = f"\n  {then} --data-dir DIR" if then else ""
        raise UserError(
            f"the catalog in {home.root} holds {len(ids)} of the {len(names)} ReDial movies. {lead}:\n"
            f"  moviebot ingest --format redial {metadata} --data-dir {where}{rerun}"
        )
    return home, catalog, ids, names


def read(paths: list[Path]) -> list[dict]:
    from evaluation.redial import DialogueError, read_dialogues

    try:
        return read_dialogues(paths)
    except (DialogueError, UnicodeDecodeError) as exc:
        raise UserError(str(exc)) from exc


def cmd_train(args: argparse.Namespace, settings: Settings) -> int:
    from evaluation.comentions import exclusions, genres_asked, score, train
    from evaluation.redial import Popularity
    from store.comentions import FILE_NAME

    home, catalog, ids, _ = redial_catalog(settings, args.paths, args.metadata)
    movies = catalog.movies
    dialogues = read(args.paths)
    if not args.json:
        print(f"learning from {len(dialogues)} dialogues (about a minute per thousand)...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        table, ranker, text, turns = train(dialogues, ids, movies, genres_asked, vectors=catalog.vector_rows)
    except ValueError as exc:
        raise UserError(f"nothing to learn from: {exc}") from exc
    seconds = time.perf_counter() - started
    home.ensure()
    table.save(home.root / FILE_NAME)
    excluded, minus = exclusions(dialogues, ids, leave_out=True)
    fitted = score(turns, ranker, Popularity.from_dialogues(movies, dialogues, ids),
                   split="fitted, leave-one-dialogue-out", dialogues=len(dialogues), excluded=excluded,
                   minus=minus)  # fmt: skip
    pairs = sum(len(row) for row in table.pairs.values()) // 2
    summary = {
        "dialogues": len(dialogues),
        "films": len(table),
        "pairs": pairs,
        "text_model": {"words": len(text.vocabulary), "films": len(text.films)},
        "seconds": round(seconds, 1),
        "saved": str(home.root / FILE_NAME),
        "fitted": split_dict(fitted),
    }
    if args.json:
        emit_json(summary)
    else:
        print(
            f"Learnt from {len(dialogues)} dialogues in {seconds:.1f}s: {len(table)} films, {pairs} pairs "
            f"mentioned together, and which of {len(text.vocabulary)} words lead to which of {len(text.films)} "
            f"films. Saved to {home.root / FILE_NAME}; the recommender uses it from the next start."
        )
        print(format_splits([fitted]))
    return 0


def cmd_eval_comentions(args: argparse.Namespace, settings: Settings) -> int:
    from agent.dialogue_ranker import Model
    from evaluation.comentions import evaluate_split, exclusions, genres_asked, score, train
    from evaluation.redial import Popularity

    if args.k_max < 1:
        raise UserError("--k-max must be at least 1")
    _, catalog, ids, _ = redial_catalog(settings, [*args.paths, *args.train], args.metadata)
    movies = catalog.movies
    held_out, training = read(args.paths), read(args.train)
    if not args.json:
        print(f"fitting the ranker on {len(training)} dialogues (about a minute per thousand), then scoring "
              f"{len(held_out)} held out...", file=sys.stderr, flush=True)  # fmt: skip
    try:
        table, ranker, text, fitted_turns = train(training, ids, movies, genres_asked, vectors=catalog.vector_rows)
    except ValueError as exc:
        raise UserError(f"nothing to learn from: {exc}") from exc
    model = Model(table, movies, catalog.vector_rows)
    popularity = Popularity.from_dialogues(movies, training, ids)
    excluded, minus = exclusions(training, ids, leave_out=True)
    fitted = score(fitted_turns, ranker, popularity, split="fitted, leave-one-dialogue-out",
                   dialogues=len(training), excluded=excluded, minus=minus, k_max=args.k_max)  # fmt: skip
    tested = evaluate_split(model, ranker, popularity, held_out, ids, genres_asked, split="held-out",
                            leave_out=False, text=text, k_max=args.k_max)  # fmt: skip
    if args.json:
        emit_json({"train_dialogues": len(training), "weights": ranker.to_dict(),
                   "splits": [split_dict(fitted), split_dict(tested)]})  # fmt: skip
    else:
        print(f"Co-mention ranker fitted on {len(training)} dialogues; popularity counted on the same ones.")
        print(format_splits([fitted, tested]))
    return 0


def split_dict(split) -> dict:
    cutoffs = sorted(split.ranker.hits)
    return {
        "split": split.split,
        "dialogues": split.dialogues,
        "samples": split.ranker.samples,
        "recall": {
            m.name: {str(k): round(m.recall(k) or 0.0, 4) for k in cutoffs} for m in (split.ranker, split.popularity)
        },
    }


def format_splits(splits) -> str:
    cutoffs = sorted(splits[0].ranker.hits)
    lines = ["", f"{'split':<40}{'method':<20}{'samples':>8}" + "".join(f"{'R@' + str(k):>8}" for k in cutoffs)]
    for split in splits:
        label = f"{split.split} ({split.dialogues})"
        for method in (split.ranker, split.popularity):
            cells = "".join(f"{method.recall(k) or 0.0:>8.3f}" for k in cutoffs)
            lines.append(f"{label:<40}{method.name:<20}{method.samples:>8}{cells}")
            label = ""
    return "\n".join(lines)


def cmd_eval_inspired(args: argparse.Namespace, settings: Settings) -> int:
    from agent.dialogue_ranker import ConversationSignal
    from bot.runtime import open_catalog_only
    from evaluation.comentions import genres_asked
    from evaluation.inspired import InspiredError, evaluate, read_dialogues
    from store.comentions import FILE_NAME, CoMentions
    from store.home import DataDir

    if args.k_max < 1:
        raise UserError("--k-max must be at least 1")
    if not args.path.is_file():
        raise UserError(f"{args.path}: no such file")
    home = DataDir(settings.home)
    table = CoMentions.load(home.root / FILE_NAME)
    catalog = open_catalog_only(settings) if home.current_catalog() else None
    signal = ConversationSignal.from_table(table, catalog.movies, catalog.vector_rows) if catalog is not None else None
    if signal is None:
        raise UserError(
            f"no co-mention ranker in {home.root}. Train one on ReDial dialogues first:\n"
            f"  moviebot ingest --format redial CFCRS_id2info_movie_metadata.FIXED.json --data-dir {home.root}\n"
            f"  moviebot train DIALOGUES.jsonl... --data-dir {home.root}"
        )
    try:
        dialogues = read_dialogues(args.path)
    except (InspiredError, UnicodeDecodeError) as exc:
        raise UserError(str(exc)) from exc
    report = evaluate(dialogues, signal.model, signal.ranker, genres_asked, text=signal.text, k_max=args.k_max)
    if args.json:
        emit_json({
            "dialogues": report.dialogues,
            "turns": report.turns,
            "unmapped_targets": report.unmapped_targets,
            "recall": {m.name: {str(k): round(m.recall(k) or 0.0, 4) for k in report.cutoffs}
                       for m in (report.ranker, report.popularity)},
        })  # fmt: skip
        return 0
    print(
        f"INSPIRED: {report.dialogues} dialogues, {report.turns} recommender turns; "
        f"{report.unmapped_targets} named films not in the catalog skipped. "
        f"Ranker and popularity from {signal.model.table.conversations} ReDial training dialogues."
    )
    lines = [f"{'method':<20}{'samples':>8}" + "".join(f"{'R@' + str(k):>8}" for k in report.cutoffs)]
    for method in (report.ranker, report.popularity):
        lines.append(
            f"{method.name:<20}{method.samples:>8}"
            + "".join(f"{method.recall(k) or 0.0:>8.3f}" for k in report.cutoffs)
        )
    print("\n".join(lines))
    return 0
