"""`moviebot`: the parser and the entry point. Each command family's module adds its own
subcommands with `register(sub, eval_sub, common)`, naming the function that runs each."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import bot.cli.bots as bots
import bot.cli.catalog as catalog
import bot.cli.comentions as comentions
import bot.cli.conversation as conversation
import bot.cli.eval_learning as eval_learning
import bot.cli.eval_redial as eval_redial
import bot.cli.history as history
import bot.cli.serve as serve
import bot.cli.slack as slack
from bot.cli.base import UserError
from bot.settings import Settings, SettingsError
from store.vectors import VectorStoreUnavailable

FAMILIES = (catalog, conversation, history, eval_redial, comentions, eval_learning, bots, slack, serve)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, help="where moviebot keeps its state (default: $MOVIEBOT_HOME)")
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("-v", "--verbose", action="store_true")

    parser = argparse.ArgumentParser(prog="moviebot", description="A conversational movie recommender.")
    sub = parser.add_subparsers(dest="command", required=True)
    evaluate = sub.add_parser("eval", help="measure recommendation quality on real data")
    eval_sub = evaluate.add_subparsers(dest="eval_command", required=True)
    for family in FAMILIES:
        family.register(sub, eval_sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    from agent.service import ServiceError

    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("httpx", "chromadb", "sentence_transformers", "transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING if args.verbose else logging.ERROR)
    try:
        settings = Settings.from_env(home=args.data_dir)
        return args.run(args, settings)
    except (UserError, SettingsError, VectorStoreUnavailable) as exc:
        print(f"moviebot: {exc}", file=sys.stderr)
        return 2
    except ServiceError as exc:
        print(f"moviebot: {exc.message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
