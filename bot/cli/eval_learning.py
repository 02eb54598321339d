"""`moviebot eval movielens` and `moviebot eval bandit`: how good the picks are, and whether learning helps."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from bot.cli.base import UserError, announce_catalog_build, emit_json, open_service, progress_bar
from bot.settings import Settings


def _say(args: argparse.Namespace, text: str) -> None:
    if not args.json:
        print(text, file=sys.stderr)


def _movielens_setup(args: argparse.Namespace, settings: Settings, folder: Path, split: str | None = None):
    """The data directory's catalog with the MovieLens titles merged in (never their
    ratings), and a scratch profile store holding every user's history."""
    from evaluation.movielens import EvaluationError, ensure_catalog, prepare
    from store.catalog import Catalog
    from store.home import DataDir
    from store.starter import ensure_starter

    if not folder.is_dir():
        raise UserError(f"{folder}: not a folder; give the MovieLens folder (movies.csv, links.csv, ratings.csv)")
    home = DataDir(settings.home).ensure()
    embedder = settings.embedder()
    vectors = settings.vector_store()
    announce_catalog_build(args, home, embedder, vectors)
    ensure_starter(home, embedder, progress=progress_bar(args), vectors=vectors)
    _say(args, "Checking the catalog for the MovieLens titles (adding them the first time takes about 2 minutes)...")
    try:
        built = ensure_catalog(home, embedder, folder, progress=progress_bar(args), vectors=vectors)
    except EvaluationError as exc:
        raise UserError(str(exc)) from exc
    if built.status != "unchanged":
        _say(args, f"Catalog now has {built.movies} movies ({built.added} added, {built.embedded} embedded).")
    catalog = Catalog(home.current_catalog(), embedder, vectors=vectors)
    try:
        prepared = prepare(catalog, folder, split=split or getattr(args, "split", "latest"))
    except EvaluationError as exc:
        catalog.close()
        raise UserError(str(exc)) from exc
    return catalog, prepared


# -- eval movielens ----------------------------------------------------------------------


def cmd_eval_movielens(args: argparse.Namespace, settings: Settings) -> int:
    from agent.bandit import Ranker
    from agent.deps import AgentConfig
    from agent.service import build_service
    from evaluation.movielens import HELD_OUT, REQUEST, evaluate, write_chart

    if args.users is not None and args.users < 1:
        raise UserError("--users must be at least 1")
    if args.tuning_users is not None and args.tuning_users < 1:
        raise UserError("--tuning-users must be at least 1")
    if args.protocol == "users-holdout":
        if args.split != "latest":
            raise UserError("--protocol users-holdout reports on the latest split and tunes on the earlier one; "
                            "leave out --split")  # fmt: skip
        return _eval_users_holdout(args, settings)
    catalog, prepared = _movielens_setup(args, settings, args.dir)
    try:
        ranker = Ranker(prepared.store)
        service = build_service(catalog, prepared.store, ranker=ranker, config=AgentConfig(explore=False))
        report = evaluate(service.recommender, prepared, users=args.users, seed=args.seed,
                          progress=progress_bar(args, "user"))  # fmt: skip
    finally:
        prepared.store.close()
        catalog.close()
    chart = write_chart(report, args.chart)
    if args.json:
        emit_json({**report.to_dict(), "chart": str(chart)})
        return 0
    k = report.k
    print(
        f"MovieLens: {HELD_OUT[report.split]}; {report.eligible} users have a held-out "
        f"rating >= 4 ({report.skipped} skipped); {report.history_ratings} history ratings imported; "
        f"catalog {report.catalog_movies} movies."
    )
    print(f'moviebot: one request per user through the graph, "{REQUEST}", {k} picks, history excluded.')
    tried = ", ".join(f"{lam:g}: {v:.4f}" for lam, v in report.ease_validation.items())
    print(f"EASE lambda {report.ease_lambda:g}, chosen on a validation split of the histories (NDCG@{k} {tried}).")
    print()
    _print_results(report, chart)
    return 0


def _print_results(report, chart) -> None:
    """The table of methods, the short answers and where the chart went."""
    _print_table(report)
    print()
    if report.short_answers:
        print(f"{report.short_answers} answers had fewer than {report.k} picks (counted as misses).")
    print(f"chart: {chart}")


def _print_table(report, *, first: str = "moviebot") -> None:
    k = report.k
    width = max(len(m.name) for m in report.methods) + 1
    print(f"{'method':<{width}} {'users':>5} {f'Recall@{k}':>10} {f'NDCG@{k}':>9} {first + ' NDCG ratio':>20}")
    for m in report.methods:
        ratio = report.ratio(first, m.name)
        shown = "" if m.name == first else "n/a" if ratio is None else f"{ratio:.2f}x"
        print(f"{m.name:<{width}} {m.users:>5} {m.mean_recall:>10.4f} {m.mean_ndcg:>9.4f} {shown:>20}")


def _eval_users_holdout(args: argparse.Namespace, settings: Settings) -> int:
    """Settings chosen on half the users' validation ratings, figures on the other half's test ratings."""
    from agent.bandit import Ranker
    from agent.deps import AgentConfig
    from agent.service import build_service
    from evaluation.movielens import REQUEST, prepare, write_chart
    from evaluation.movielens_holdout import evaluate_holdout

    catalog, test = _movielens_setup(args, settings, args.dir, split="latest")
    validation = prepare(catalog, args.dir, split="earlier")

    def recommenders(prepared, collaborative):
        config = AgentConfig(explore=False, collaborative=collaborative)
        return build_service(catalog, prepared.store, ranker=Ranker(prepared.store), config=config).recommender

    try:
        result = evaluate_holdout(recommenders, validation, test, users=args.users, tuning=args.tuning_users,
                                  seed=args.seed, progress=progress_bar(args, "user"))  # fmt: skip
    finally:
        validation.store.close()
        test.store.close()
        catalog.close()
    report = result.report
    chart = write_chart(report, args.chart)
    if args.json:
        emit_json({**result.to_dict(), "chart": str(chart)})
        return 0
    k = report.k
    print(f"MovieLens, users held out: users split in two by a fixed hash of their id. {result.tuning_users} "
          f"tuning users chose every setting on their validation ratings (each history's latest 20%, with "
          f"each user's latest 20% dropped first); {result.reporting_users} other users are scored on their "
          f"latest 20% (of {report.eligible} with a held-out rating >= 4).")  # fmt: skip
    print(f'moviebot: one request per user through the graph, "{REQUEST}", {k} picks, history excluded.')
    print()
    print(f"chosen on the tuning users (validation NDCG@{k}):")
    for choice in result.choices:
        tried = ", ".join(f"{label}: {v:.4f}" for label, v in choice.tried.items())
        print(f"  {choice.method:<22} {choice.chosen:<6} ({tried})")
    verdict = "the product's defaults" if result.defaults_chosen else "not the product's defaults"
    print(f"moviebot's collaborative model: {result.settings.describe()} ({verdict}).")
    print()
    _print_results(report, chart)
    return 0


# -- eval bandit -------------------------------------------------------------------------


def cmd_eval_bandit(args: argparse.Namespace, settings: Settings) -> int:
    from evaluation.bandit import compare

    if args.logged and args.simulate:
        raise UserError("choose one: --logged (the bots' own log) or --simulate DIR (MovieLens)")
    if args.logged:
        answers, notes = _logged(args, settings)
        mode = "logged"
    else:
        if args.simulate is None:
            raise UserError("give --simulate DIR (a MovieLens folder) to simulate users, or --logged")
        if args.rounds < 2 or args.users < 1:
            raise UserError("--rounds must be at least 2 (learn on the first half, score on the second) "
                            "and --users at least 1")  # fmt: skip
        answers, notes = _simulated(args, settings)
        mode = "simulated"
    report = compare(answers, mode=mode, notes=notes)
    if args.json:
        emit_json(report.to_dict())
        return 0
    print(f"{mode} log: {report.answers} answers; learned from {report.learned_from} earlier slots; "
          f"scored on {report.events} later slots (events).")  # fmt: skip
    if report.events == 0:
        print("No events to score: nothing can be said yet.")
    else:
        print(f"logging policy's mean reward there: {report.logging_reward:.4f}")
        print()
        print(f"{'policy':<8} {'V (IPS)':>9} {'SNIPS':>9} {'matches':>8}")
        for estimate in (report.fixed, report.learned):
            print(f"{estimate.policy:<8} {_fmt(estimate.ips):>9} {_fmt(estimate.snips):>9} {estimate.matches:>8}")
        print()
        print(f"ratio V_learned / V_fixed: {_fmt(report.ratio, 3)}")
    for note in report.notes:
        print(f"note: {note}")
    return 0


def _fmt(value: float, digits: int = 4) -> str:
    return f"{value:.{digits}f}" if math.isfinite(value) else "n/a"


def _logged(args: argparse.Namespace, settings: Settings):
    from evaluation.bandit import logged_answers
    from store.home import DataDir

    home = DataDir(settings.home)
    if not home.state_db_path.exists():
        raise UserError(f"{home.state_db_path}: no profile store yet, so no logged reactions")
    app = open_service(args, settings, memory=False, learning=False)
    try:  # the catalog is for the diversity term; the log itself carries the features
        answers, dropped = logged_answers(app.profiles, app.catalog)
    finally:
        app.close()
    notes = ["only the shown picks are logged, not the whole pool: each policy's choice for a slot is "
             "taken among the picks shown from that slot on, so these are approximations"]  # fmt: skip
    if dropped:
        notes.append(f"{dropped} rewarded suggestions had no propensity and were left out")
    return answers, notes


def _simulated(args: argparse.Namespace, settings: Settings):
    from evaluation.bandit import simulate

    catalog, prepared = _movielens_setup(args, settings, args.simulate)
    try:
        answers = simulate(catalog, prepared, users=args.users, rounds=args.rounds, epsilon=args.epsilon,
                           seed=args.seed, progress=progress_bar(args, "answer"))  # fmt: skip
    finally:
        prepared.store.close()
        catalog.close()
    notes = [f"simulated: {args.users} MovieLens users x {args.rounds} rounds, epsilon {args.epsilon}; "
             "reward 1 if the held-out rating is >= 4, 0 if <= 2, 0.5 between, 0.1 if unrated"]  # fmt: skip
    return answers, notes


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = eval_sub.add_parser(
        "movielens", parents=[common], help="Recall@10 and NDCG@10 on MovieLens against popularity, item-kNN and EASE"
    )
    p.add_argument("dir", type=Path, help="MovieLens folder (movies.csv, links.csv, ratings.csv)")
    p.add_argument("--users", type=int, help="evaluate a random sample of this many users (default: all)")
    p.add_argument("--protocol", choices=("default", "users-holdout"), default="default",
                   help="users-holdout: choose every setting on half the users (by a fixed hash), "
                        "report on the other half")  # fmt: skip
    p.add_argument(
        "--tuning-users",
        type=int,
        metavar="N",
        help="users-holdout: choose on a sample of N tuning users (default: all of them)",
    )
    p.add_argument("--seed", type=int, default=0, help="for the user sample")
    p.add_argument("--chart", type=Path, default=Path("movielens_eval.png"), help="where the bar chart goes")
    p.add_argument("--split", choices=("latest", "earlier", "global"), default="latest",
                   help="latest: each user's latest 20%% held out; earlier: the same before that 20%%; "
                        "global: one time cut for all users")  # fmt: skip
    p.set_defaults(run=cmd_eval_movielens)

    p = eval_sub.add_parser("bandit", parents=[common], help="learned vs fixed re-ranker by inverse-propensity scoring")
    p.add_argument("--logged", action="store_true", help="use the reactions logged in the data directory")
    p.add_argument("--simulate", type=Path, metavar="DIR", help="simulate users from this MovieLens folder")
    p.add_argument("--rounds", type=int, default=10, help="answers per simulated user")
    p.add_argument("--users", type=int, default=50, help="simulated users")
    p.add_argument("--epsilon", type=float, default=0.3, help="exploration of the simulated logging policy")
    p.add_argument("--seed", type=int, default=0, help="for the simulated users and their choices")
    p.set_defaults(run=cmd_eval_bandit)
