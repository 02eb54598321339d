"""The catalog against a real Chroma server (`chroma run`): ingest, searches and filters
give what the embedded store gives, rebuilds switch atomically, and a dead server is
reported in one clear sentence."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from store.build import ingest
from store.catalog import Catalog
from store.filters import Filters, matches
from store.home import DataDir
from store.starter import pending_build, starter_catalog_path
from store.vectors import SERVER_PREFIX, VectorStore, VectorStoreUnavailable
from tests.conftest import write_jsonl

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]

QUERIES = [
    ("a heist that goes wrong", Filters()),
    ("astronauts lost in space", Filters()),
    ("a feel-good comedy", Filters.of(max_runtime=100)),
    ("dark crime story", Filters.of(genres=["crime"], year_min=1990, year_max=1999)),
    ("love story", Filters.of(exclude_genres=["comedy"], min_rating=7.5)),
    ("war", Filters.of(languages=["en"], exclude_ids=[])),
    ("", Filters.of(genres=["animation"])),
]


@pytest.fixture(scope="module")
def embedded_home(tmp_path_factory, real_embedder) -> DataDir:
    home = DataDir(tmp_path_factory.mktemp("embedded") / "home").ensure()
    ingest(home, real_embedder, [("jsonl", [starter_catalog_path()])])
    return home


@pytest.fixture(scope="module")
def server_home(tmp_path_factory, embedded_home, real_embedder, chroma_server) -> DataDir:
    """The same catalog ingested into the server (vectors reused from the embedding cache)."""
    home = DataDir(tmp_path_factory.mktemp("server") / "home").ensure()
    shutil.copyfile(embedded_home.vectors_path, home.vectors_path)
    report = ingest(home, real_embedder, [("jsonl", [starter_catalog_path()])], vectors=VectorStore(chroma_server))
    assert report.status == "built" and report.embedded == 0
    return home


@pytest.fixture(scope="module")
def pair(embedded_home, server_home, real_embedder, chroma_server):
    """(embedded, server) catalogs searching the exact in-memory copy of their vectors."""
    embedded = Catalog(embedded_home.current_catalog(), real_embedder)
    server = Catalog(server_home.current_catalog(), real_embedder, vectors=VectorStore(chroma_server))
    yield embedded, server
    embedded.close()
    server.close()


@pytest.fixture(scope="module")
def chroma_pair(embedded_home, server_home, real_embedder, chroma_server):
    """(embedded, server) catalogs sending every vector query to Chroma itself."""
    embedded = Catalog(embedded_home.current_catalog(), real_embedder, vectors=VectorStore(index="chroma"))
    server = Catalog(server_home.current_catalog(), real_embedder, vectors=VectorStore(chroma_server, "chroma"))
    yield embedded, server
    embedded.close()
    server.close()


def test_the_server_holds_the_build_not_the_data_dir(server_home, chroma_server):
    build = server_home.current_catalog()
    assert not (build / "chroma").exists()
    collection = _server_client(chroma_server).get_collection(SERVER_PREFIX + build.name)
    assert collection.count() == len(_ids(build)) > 500


@pytest.mark.parametrize(("text", "filters"), QUERIES)
def test_searches_and_filters_match_the_embedded_store(pair, chroma_pair, text, filters):
    embedded, server = pair
    ours = [(r.movie.id, round(r.score, 6)) for r in embedded.search(text, filters, k=10)]
    theirs = [(r.movie.id, round(r.score, 6)) for r in server.search(text, filters, k=10)]
    assert len(ours) == 10 and ours == theirs
    assert all(matches(server.get(movie_id), filters) for movie_id, _ in theirs)
    # queried in Chroma itself: HNSW is approximate on both sides, so the same films, maybe re-ordered
    embedded, server = chroma_pair
    ours = {r.movie.id for r in embedded.search(text, filters, k=10)}
    theirs = [r.movie.id for r in server.search(text, filters, k=10)]
    assert len(ours & set(theirs)) >= 9
    assert all(matches(server.get(movie_id), filters) for movie_id in theirs)


def test_stored_vectors_match(chroma_pair):
    embedded, server = chroma_pair
    ids = [m.id for m in list(embedded.movies.values())[:50]]
    ours, theirs = embedded.vectors(ids), server.vectors(ids)
    assert ours.keys() == theirs.keys() == set(ids)
    assert all(abs(float(ours[i] @ theirs[i]) - 1.0) < 1e-5 for i in ids)
    # As rows of one matrix (the conversation ranker's content feature): the known films, in the
    # order asked, an unknown id left out, and nothing at all for only unknown ids.
    asked = [ids[3], "no-such-film", ids[0]]
    for catalog in (embedded, server):
        known, matrix = catalog.vector_rows(asked)
        assert known == [ids[3], ids[0]] and matrix.shape == (2, len(ours[ids[0]]))
        assert abs(float(matrix[1] @ ours[ids[0]]) - 1.0) < 1e-5
        assert catalog.vector_rows(["no-such-film"])[0] == []


def test_the_memory_index_finds_what_chroma_finds(pair, chroma_pair):
    in_memory, through_chroma = pair[1], chroma_pair[1]
    for text, filters in QUERIES:
        ours = [r.movie.id for r in in_memory.search(text, filters, k=10)]
        theirs = [r.movie.id for r in through_chroma.search(text, filters, k=10)]
        assert len(set(ours) & set(theirs)) >= 9, text  # HNSW is approximate; the memory index exact
    heat = in_memory.vectors(["heat-1995"])["heat-1995"]
    assert in_memory.search(vector=heat, k=1)[0].movie.id == "heat-1995"


def test_rebuilds_switch_collections_and_prune_old_ones(tmp_path, embedded_home, real_embedder, chroma_server):
    home = DataDir(tmp_path / "home").ensure()
    shutil.copyfile(embedded_home.vectors_path, home.vectors_path)
    store = VectorStore(chroma_server)
    movies = [json.loads(line) for line in starter_catalog_path().read_text().splitlines() if line.strip()]
    builds = []
    for size in (100, 120, 140):
        ingest(home, real_embedder, [("jsonl", [write_jsonl(tmp_path / f"{size}.jsonl", movies[:size])])], replace=True)
        builds.append(home.current_catalog().name)  # embedded builds: the server is untouched so far
    for size in (150, 160, 170):
        source = write_jsonl(tmp_path / f"s{size}.jsonl", movies[:size])
        ingest(home, real_embedder, [("jsonl", [source])], replace=True, vectors=store)
        builds.append(home.current_catalog().name)
    names = {c.name for c in _server_client(chroma_server).list_collections()}
    ours = {n for n in names if n.removeprefix(SERVER_PREFIX) in builds}
    # the current build and the one before it, which a running bot may still read
    assert ours == {SERVER_PREFIX + builds[-1], SERVER_PREFIX + builds[-2]}
    catalog = Catalog(home.current_catalog(), real_embedder, vectors=store)
    assert len(catalog) == 170
    catalog.close()


def test_a_data_dir_moved_to_the_server_is_copied_there_once(tmp_path, embedded_home, real_embedder, chroma_server):
    home = DataDir(tmp_path / "home").ensure()
    shutil.copyfile(embedded_home.vectors_path, home.vectors_path)
    ingest(home, real_embedder, [("jsonl", [starter_catalog_path()])])
    store = VectorStore(chroma_server)
    assert pending_build(home, real_embedder) is None
    assert pending_build(home, real_embedder, store) == "vectors"
    from store.starter import ensure_starter

    report = ensure_starter(home, real_embedder, vectors=store)
    assert report.status == "built" and report.embedded == 0
    assert pending_build(home, real_embedder, store) is None


def test_an_unreachable_server_is_one_clear_sentence(embedded_home, real_embedder):
    dead = VectorStore(f"http://127.0.0.1:{_closed_port()}")
    with pytest.raises(VectorStoreUnavailable, match=r"cannot reach the Chroma server at http://127\.0\.0\.1"):
        Catalog(embedded_home.current_catalog(), real_embedder, vectors=dead)


def test_the_cli_reports_an_unreachable_server_without_a_traceback(embedded_home):
    env = {**os.environ, "MOVIEBOT_CHROMA_URL": f"http://127.0.0.1:{_closed_port()}"}
    env["MOVIEBOT_HOME"] = str(embedded_home.root)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "search", "heist"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.startswith("moviebot: cannot reach the Chroma server at http://127.0.0.1:")
    assert "Traceback" not in done.stderr


def test_the_cli_searches_through_the_server(server_home, chroma_server):
    env = {**os.environ, "MOVIEBOT_CHROMA_URL": chroma_server, "MOVIEBOT_HOME": str(server_home.root)}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "search", "--json", "--genre", "animation", "toys come to life"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found and all("animation" in hit["genres"] for hit in found)
    assert "Toy Story" in [hit["title"] for hit in found]


def _ids(build: Path) -> list[str]:
    import sqlite3

    db = sqlite3.connect(build / "catalog.sqlite")
    try:
        return [row[0] for row in db.execute("SELECT id FROM movies")]
    finally:
        db.close()


def _server_client(url: str):
    host, port = url.removeprefix("http://").split(":")
    return chromadb.HttpClient(host=host, port=int(port), settings=ChromaSettings(anonymized_telemetry=False))


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
