"""`moviebot`: the parser and the entry point. Each command family's module adds its own
subcommands with `register(sub, eval_sub, common)`, naming the function that runs each."""

from __future__ import annotations

import argparse
import logging
import sqlite3
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
from bot.cli.base import UserError, is_utf8
from bot.settings import Settings, SettingsError
from store.vectors import VectorStoreUnavailable

FAMILIES = (catalog, conversation, history, eval_redial, comentions, eval_learning, bots, slack, serve)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, help="where moviebot keeps its state (default: $MOVIEBOT_HOME)")
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("-v", "--verbose", action="store_true", help="log what happens, for a bug report")

    parser = argparse.ArgumentParser(prog="moviebot", description="A conversational movie recommender.")
    sub = parser.add_subparsers(dest="command", required=True)
    evaluate = sub.add_parser("eval", help="measure recommendation quality on real data")
    eval_sub = evaluate.add_subparsers(dest="eval_command", required=True)
    for family in FAMILIES:
        family.register(sub, eval_sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    from agent.service import ServiceError

    argv = sys.argv[1:] if argv is None else argv
    for number, arg in enumerate(argv, 1):
        if not is_utf8(arg):
            print(f"moviebot: argument {number} ({arg!a}) is not valid UTF-8; re-type it or fix the terminal's "
                  "encoding", file=sys.stderr)  # fmt: skip
            return 2
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
    except KeyboardInterrupt:
        print("\nmoviebot: interrupted.", file=sys.stderr)
        return 130
    except sqlite3.DatabaseError as exc:  # a damaged, foreign or unwritable store file
        logging.getLogger(__name__).debug("store error", exc_info=True)
        home = Settings.from_env(home=args.data_dir).home if "settings" not in locals() else settings.home
        print(f"moviebot: a data file under {home} cannot be used ({exc}). If the folder is not writable, "
              "fix its permissions; if a file is damaged, vectors.sqlite can be deleted (it is rebuilt), and the "
              "others restored from a backup or a `moviebot user export`.", file=sys.stderr)  # fmt: skip
        return 1
    except OSError as exc:  # a read-only or missing folder, a path that is a file, a full disk
        logging.getLogger(__name__).debug("file error", exc_info=True)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"moviebot: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
