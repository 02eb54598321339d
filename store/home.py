"""The data directory: where every piece of moviebot's state lives.

    <home>/CURRENT              name of the catalog build in use
    <home>/catalogs/<name>/     catalog.sqlite + chroma/ of one complete build
    <home>/catalogs/*.partial/  a build in progress (or killed); never read
    <home>/vectors.sqlite       embedding cache shared by builds
    <home>/moviebot.sqlite      users, ratings, history and conversation memory

A build becomes visible only when CURRENT is replaced, which is atomic, so a
killed or failed ingest leaves the previous catalog exactly as it was.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path


class DataDir:
    def __init__(self, root: Path):
        self.root = Path(root).expanduser()

    @property
    def catalogs(self) -> Path:
        return self.root / "catalogs"

    @property
    def vectors_path(self) -> Path:
        return self.root / "vectors.sqlite"

    @property
    def state_db_path(self) -> Path:
        return self.root / "moviebot.sqlite"

    def ensure(self) -> DataDir:
        self.catalogs.mkdir(parents=True, exist_ok=True)
        return self

    def current_catalog(self) -> Path | None:
        """The directory of the catalog in use, or None before the first ingest."""
        pointer = self.root / "CURRENT"
        try:
            name = pointer.read_text().strip()
        except (FileNotFoundError, UnicodeDecodeError):
            name = ""
        if name and "/" not in name and name not in (".", "..") and (self.catalogs / name / "catalog.sqlite").exists():
            return self.catalogs / name
        # CURRENT lost or garbled: the newest finished build is still the catalog, never to be rebuilt over
        return self._newest_build()

    def _newest_build(self) -> Path | None:
        if not self.catalogs.is_dir():
            return None
        builds = [
            p for p in self.catalogs.iterdir() if not p.name.endswith(".partial") and (p / "catalog.sqlite").exists()
        ]
        return max(builds, key=lambda p: p.name, default=None)

    def new_build(self) -> Path:
        name = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        path = self.catalogs / f"{name}.partial"
        path.mkdir(parents=True)
        return path

    def publish(self, build: Path, on_remove: Callable[[str], None] | None = None) -> Path:
        """Make a finished build the current catalog, atomically, and prune old ones.

        The build before this one is kept so that a process still reading it
        (a running bot) is not pulled out from under its open files. `on_remove` hears
        the name of each pruned build (its vectors on a Chroma server go with it).
        """
        final = build.with_name(build.name.removesuffix(".partial"))
        build.rename(final)
        _fsync_dir(self.catalogs)
        previous = self.current_catalog()
        tmp = self.root / "CURRENT.tmp"
        tmp.write_text(final.name + "\n")
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, self.root / "CURRENT")
        _fsync_dir(self.root)
        keep = {final.name, previous.name if previous else None}
        for entry in self.catalogs.iterdir():
            if entry.name not in keep and not entry.name.endswith(".partial"):
                shutil.rmtree(entry, ignore_errors=True)
                if on_remove:
                    on_remove(entry.name)
        return final

    def remove_stale_builds(self, on_remove: Callable[[str], None] | None = None) -> None:
        """Delete builds that a killed ingest left behind (only ever under the lock)."""
        for entry in self.catalogs.glob("*.partial"):
            shutil.rmtree(entry, ignore_errors=True)
            if on_remove:
                on_remove(entry.name)

    @contextmanager
    def ingest_lock(self, on_wait: Callable[[], None] | None = None):
        """One ingest at a time per data directory; a second one waits its turn (and `on_wait`
        hears that it does, so it can say so rather than sit silent)."""
        self.ensure()
        with open(self.root / "ingest.lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait()
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
