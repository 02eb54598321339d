"""What every `moviebot` command shares: the error it raises for the user, how it prints, and
how it opens the service (bot.runtime is the one wiring site; this only adds the terminal's
progress bars and first-run notices)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
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
    """A tqdm bar counting `unit`s on a terminal; when stderr is a log (a pipe, a file, `docker logs`),
    a plain line at every tenth of the work instead; nothing when asked for JSON."""
    if getattr(args, "json", False):
        return None
    if not sys.stderr.isatty():
        return progress_lines(unit)
    from tqdm import tqdm

    def start(label: str, total: int):
        bar = tqdm(total=total, desc=label, unit=unit, leave=False)
        return lambda n: (bar.update(n), bar.refresh() if bar.n < total else bar.close())

    return start


def progress_lines(unit: str):
    """progress(label, total) -> advance(n), writing "embedding: 700/7,000 movies" to stderr at the
    start and at every tenth done, so a long job in a log shows it is moving and how far it is."""

    def start(label: str, total: int):
        done, shown = 0, 0
        print(f"{label}: 0/{total:,} {unit}s", file=sys.stderr, flush=True)

        def advance(n: int) -> None:
            nonlocal done, shown
            done += n
            tenth = 10 if done >= total else done * 10 // max(total, 1)
            if tenth > shown:
                shown = tenth
                print(f"{label}: {min(done, total):,}/{total:,} {unit}s", file=sys.stderr, flush=True)

        return advance

    return start


def counted(n: int, noun: str) -> str:
    """ "1 film", "3 films", "300,000 rows": a count with its noun (as the import's progress lines count)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


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


PLATFORMS = ("cli", "discord", "slack", "http")  # "discord:1234" names that platform's user
_IMPORTED_PLATFORM = re.compile(r"[a-z][a-z0-9_-]*")  # a prefix typed in lower case, as imports make them


def user_key(name: object) -> str:
    """The user key for a --user NAME (or a batch line's "user"): a platform's own key
    ("discord:1234") as given, otherwise a terminal user whose name is normalised the way people
    type it ("Ana", " ana ", "Bad:User" -> "cli:ana", "cli:ana", "cli:bad:user"). UserError only for
    names nothing can be made of: empty, not text, or nothing on one side of a ':'."""
    if isinstance(name, bool) or not isinstance(name, str | int):
        raise UserError(f"a user name must be text, not {type(name).__name__}")
    text = " ".join(unicodedata.normalize("NFC", str(name)).split())
    if not text:
        raise UserError("a user name cannot be empty")
    if not is_utf8(text):
        raise UserError(f"the user name {text!a} is not valid UTF-8")
    prefix, colon, rest = text.partition(":")
    if colon and (not prefix.strip() or not rest.strip()):
        raise UserError(f"{text!r} is not a user name: give a name (ana) or platform:id (discord:1234)")
    if colon and (prefix in PLATFORMS or _IMPORTED_PLATFORM.fullmatch(prefix)):
        return text  # "discord:1234", or "ml:1" as `import --all-users --user-prefix ml:` stored it
    return f"cli:{text.casefold()}"


def is_utf8(text: str) -> bool:
    """False for text holding lone surrogates: undecodable bytes in argv or a "\\ud800" escape in JSON."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
