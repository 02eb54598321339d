"""The in-memory exact index against Chroma's own queries, on the sample catalog."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from store.catalog import Catalog
from store.filters import Filters, matches
from store.vectors import MATRIX_FILE, ExactIndex, VectorStore, parse_chroma_url


@pytest.fixture
def through_chroma(catalog, embedder):
    other = Catalog(catalog.path, embedder, vectors=VectorStore(index="chroma"))
    yield other
    other.close()


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("detectives hunt a serial killer", Filters()),
        ("heist", Filters.of(year_min=1990, year_max=1999)),
        ("a bear in prison", Filters.of(exclude_ids=["paddington-2-2017"])),
        ("crime", Filters.of(people=["Al Pacino"])),
    ],
)
def test_memory_and_chroma_searches_agree(catalog, through_chroma, text, filters):
    # the whole sample, so films the fake embedder ties on cannot fall either side of a cut
    ours = {r.movie.id: r.similarity for r in catalog.search(text, filters, k=len(catalog))}
    theirs = {r.movie.id: r.similarity for r in through_chroma.search(text, filters, k=len(catalog))}
    assert ours and ours.keys() == theirs.keys()
    assert all(abs(ours[i] - theirs[i]) < 1e-5 for i in ours)
    assert all(matches(catalog.get(movie_id), filters) for movie_id in ours)


def test_stored_vectors_are_the_same_either_way(catalog, through_chroma):
    ids = list(catalog.movies)
    ours, theirs = catalog.vectors([*ids, "no-such-film"]), through_chroma.vectors([*ids, "no-such-film"])
    assert ours.keys() == theirs.keys() == set(ids)
    assert all(np.allclose(ours[i], theirs[i]) for i in ids)


def test_a_catalog_searched_in_memory_never_opens_chroma(catalog, home):
    """Its vectors come from the copy ingest keeps beside the build: chromadb and its caches
    (about 110 MB) stay out of a serving process."""
    assert (catalog.path / MATRIX_FILE).is_file()
    probe = (
        "import sys\n"
        "from store.home import DataDir\n"
        "from store.starter import open_catalog\n"
        "from tests.fakes import HashingEmbedder\n"
        f"catalog, built = open_catalog(DataDir({str(home.root)!r}), HashingEmbedder())\n"
        "found = catalog.search('detectives hunt a serial killer', k=3)\n"
        "print(built, len(found), len(catalog.vectors(list(catalog.movies))), 'chromadb' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["None", "3", str(len(catalog)), "False"]


@pytest.mark.parametrize("damage", ["other films", "cut short"])
def test_a_copy_that_does_not_match_the_catalog_is_replaced_from_chroma(catalog, embedder, through_chroma, damage):
    copy = catalog.path / MATRIX_FILE
    ids = list(catalog.movies)
    if damage == "other films":
        np.savez(copy, ids=np.asarray(ids[:-1]), vectors=np.zeros((len(ids) - 1, 8), dtype=np.float32))
    else:  # a disk that filled up, or a copy from another machine that broke on the way
        copy.write_bytes(copy.read_bytes()[:200])
    reopened = Catalog(catalog.path, embedder)
    try:
        ours, theirs = reopened.vectors(ids), through_chroma.vectors(ids)
        assert all(np.array_equal(ours[i], theirs[i]) for i in ids)
        with np.load(copy) as data:
            assert sorted(data["ids"].tolist()) == sorted(ids)
    finally:
        reopened.close()


def test_exact_index_respects_the_mask_and_the_count():
    ids = np.array(["a", "b", "c", "d"], dtype=object)
    matrix = np.eye(4, dtype=np.float32)
    index = ExactIndex(ids, matrix)
    query = np.array([0.9, 0.8, 0.1, 0.0], dtype=np.float32)
    assert [i for i, _ in index.search(query, 2)] == ["a", "b"]
    assert [i for i, _ in index.search(query, 10, np.array([False, True, False, True]))] == ["b", "d"]
    assert index.search(query, 3, np.zeros(4, dtype=bool)) == []


@pytest.mark.parametrize(
    ("url", "parsed"),
    [
        ("http://chroma:8000", ("chroma", 8000, False)),
        ("https://vectors.example.org", ("vectors.example.org", 443, True)),
        ("http://10.0.0.5", ("10.0.0.5", 8000, False)),
    ],
)
def test_server_urls(url, parsed):
    assert parse_chroma_url(url) == parsed


@pytest.mark.parametrize("url", ["chroma:8000", "ftp://chroma", "http://chroma:8000/api", "http://"])
def test_bad_server_urls_say_what_one_looks_like(url):
    with pytest.raises(ValueError, match=r"Chroma server URL|port"):
        parse_chroma_url(url)
