"""What every `moviebot` command shares: the error it raises for the user, how it prints, and
how it opens the service (bot.runtime is the one wiring site; this only adds the terminal's
progress bars and first-run notices)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from bot.settings import Settings

Command = Callable[[argparse.Namespace, Settings], int]

CATALOG_BUILDS = {
    "starter": "First run: indexing the starter catalog (about 15 seconds)...",
    "reindex": "The embedding setup changed: re-embedding the catalog once (about a minute per 7,000 movies)...",
    "vectors": "This catalog's vectors are not in the Chroma server yet: copying them there once...",
}


class UserError(Exception):
    """A problem the user can fix; printed without a traceback, exit status 2."""


def announce_catalog_build(args: argparse.Namespace, home, embedder, vectors=None) -> None:
    """Say why the first command after installing, or after changing the embedding setup, takes a while."""
    from store.starter import pending_build

    build = pending_build(home, embedder, vectors)
    if build and not getattr(args, "json", False):
        print(CATALOG_BUILDS[build], file=sys.stderr)


def progress_bar(args: argparse.Namespace, unit: str = "movie"):
    """A tqdm bar counting `unit`s on a terminal; nothing when piped or asked for JSON."""
    if getattr(args, "json", False) or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    def start(label: str, total: int):
        bar = tqdm(total=total, desc=label, unit=unit, leave=False)
        return lambda n: (bar.update(n), bar.refresh() if bar.n < total else bar.close())

    return start


def emit_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=None)
    sys.stdout.write("\n")


def open_service(args: argparse.Namespace, settings: Settings, **kwargs):
    """The Runtime (its `.service` is what commands call), saying first when it has to build the catalog."""
    from bot.runtime import open_runtime
    from store.home import DataDir

    announce_catalog_build(args, DataDir(settings.home).ensure(), settings.embedder(), settings.vector_store())
    return open_runtime(settings, progress=progress_bar(args), **kwargs)


def open_catalog(args: argparse.Namespace, settings: Settings):
    """Only the catalog, for commands that search it and nothing else."""
    from bot.runtime import open_catalog_only
    from store.home import DataDir

    announce_catalog_build(args, DataDir(settings.home).ensure(), settings.embedder(), settings.vector_store())
    return open_catalog_only(settings, progress=progress_bar(args))


def user_key(name: str) -> str:
    """A --user NAME is a terminal user unless it names a platform ("discord:1234")."""
    return name if ":" in name else f"cli:{name}"
