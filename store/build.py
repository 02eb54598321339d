"""Building a catalog: read sources, merge, embed what is new, publish atomically."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sqlite_utils

from store.catalog import LIST_COLUMNS, read_movies
from store.embeddings import Embedder, VectorCache, document_hash, movie_document
from store.filters import metadata_for
from store.home import DataDir
from store.ingest import get_adapter
from store.ingest.base import RowError, SourceError
from store.merge import MergedCatalog
from store.movie import Movie
from store.vectors import VectorStore, save_matrix

Progress = Callable[[str, int], Callable[[int], None]]
"""progress(label, total) returns an advance(n) callback; the CLI draws a bar with it."""


class IngestFailed(Exception):
    """The ingest stopped before publishing; the previous catalog is untouched."""


@dataclass
class IngestReport:
    status: str = "built"  # "built" or "unchanged"
    sources: list[str] = field(default_factory=list)
    records: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    not_added: int = 0  # films the catalog lacks, left out by an enriching ingest
    movies: int = 0
    embedded: int = 0
    reused: int = 0
    seconds: float = 0.0
    errors: list[RowError] = field(default_factory=list)
    catalog: str = ""

    def to_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "errors"}
        data["skipped_rows"] = len(self.errors)
        data["errors"] = [str(e) for e in self.errors[:100]]
        return data


def ingest(
    home: DataDir,
    embedder: Embedder,
    sources: Iterable[tuple[str, list[Path]]],
    *,
    replace: bool = False,
    strict: bool = False,
    enrich: bool = False,
    progress: Progress | None = None,
    on_error: Callable[[RowError], None] | None = None,
    vectors: VectorStore | None = None,
    on_wait: Callable[[], None] | None = None,
) -> IngestReport:
    """Merge sources into the current catalog (or into an empty one with `replace`).

    Row errors are reported through `on_error` and skipped; with `strict` the first
    one aborts. With `enrich`, the sources only fill in films already in the catalog
    (genres, cast, runtimes, ids) and add none. Nothing is published unless every step
    finished; `on_wait` hears when another ingest holds the data directory and this one waits.
    Vectors go to `vectors` (embedded Chroma by default); a catalog whose
    vectors that store lacks is rebuilt even when its movies are unchanged.
    """
    started = time.perf_counter()
    report = IngestReport()
    store = vectors or VectorStore()
    with home.ingest_lock(on_wait):
        home.remove_stale_builds(on_remove=store.drop)
        current = home.current_catalog()
        base = [] if replace or current is None else read_movies(current / "catalog.sqlite")
        merged = MergedCatalog(base)
        previous_sources = [] if replace or current is None else catalog_meta(current).get("sources", [])
        for name, paths in sources:
            adapter = get_adapter(name)
            report.sources.append(f"{name}:{','.join(str(p) for p in paths)}")
            for item in adapter.read(list(paths)):
                if isinstance(item, RowError):
                    if strict:
                        raise IngestFailed(f"{item} (--strict: nothing was changed)")
                    report.errors.append(item)
                    if on_error:
                        on_error(item)
                    continue
                report.records += 1
                _count(report, merged.add(item.movie, insert=not enrich))
        movies = sorted(merged.movies.values(), key=lambda m: m.id)
        report.movies = len(movies)
        fingerprint = catalog_fingerprint(movies, embedder.model_id)
        if current is not None and catalog_meta(current).get("fingerprint") == fingerprint and store.has(current):
            report.status, report.catalog = "unchanged", current.name
            report.seconds = time.perf_counter() - started
            return report
        build = home.new_build()
        try:
            _write_build(build, home, embedder, movies, report, progress, store)
            _write_meta(build, fingerprint, embedder.model_id, previous_sources + report.sources)
            report.catalog = home.publish(build, on_remove=store.drop).name
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            store.drop(build.name)
            raise
    report.seconds = time.perf_counter() - started
    return report


def _count(report: IngestReport, outcome: str) -> None:
    setattr(report, outcome, getattr(report, outcome) + 1)


def catalog_fingerprint(movies: list[Movie], model_id: str) -> str:
    digest = hashlib.blake2b(model_id.encode(), digest_size=16)
    for movie in movies:
        digest.update(movie.content_hash().encode())
    return digest.hexdigest()


def catalog_meta(build: Path) -> dict:
    """A built catalog's own record of itself: fingerprint, embedding model, sources."""
    db = sqlite3.connect(f"file:{build / 'catalog.sqlite'}?mode=ro", uri=True)
    try:
        rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return {}
    finally:
        db.close()
    rows["sources"] = json.loads(rows.get("sources", "[]"))
    return rows


def _write_build(
    build: Path,
    home: DataDir,
    embedder: Embedder,
    movies: list[Movie],
    report: IngestReport,
    progress: Progress | None,
    store: VectorStore,
) -> None:
    db = sqlite_utils.Database(build / "catalog.sqlite")
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    rows = []
    for movie in movies:
        row = movie.to_dict()
        for key in ("imdb_id", "tmdb_id", "poster_url", "metascore", "original_title"):
            row.setdefault(key, None)
        for key in LIST_COLUMNS:
            row[key] = json.dumps(row.get(key, []), ensure_ascii=False)
        row["people"] = " ".join((*movie.directors, *movie.cast))
        row["titles"] = " / ".join(movie.titles)  # "Amores perros" and "Love's a Bitch" both find it
        rows.append(row)
    db["movies"].insert_all(
        rows,
        pk="id",
        batch_size=1000,
        columns={"year": int, "runtime": int, "rating": float, "votes": int, "tmdb_id": int, "metascore": int},
    )
    db["movies"].enable_fts(["titles", "people", "keywords", "overview"], tokenize="unicode61 remove_diacritics 2")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.conn.commit()
    db.close()

    vectors = _embed(home, embedder, movies, report, progress)
    collection = store.create(build, embedder)
    step = 2000
    for start in range(0, len(movies), step):
        chunk = movies[start : start + step]
        collection.add(
            ids=[m.id for m in chunk],
            embeddings=vectors[start : start + step],
            metadatas=[metadata_for(m) for m in chunk],
        )
    if store.url is None:
        save_matrix(build, [m.id for m in movies], vectors)


def _embed(
    home: DataDir, embedder: Embedder, movies: list[Movie], report: IngestReport, progress: Progress | None
) -> np.ndarray:
    """Vectors for every movie, from the cache where the document is unchanged."""
    cache = VectorCache(home.vectors_path)
    try:
        documents = [movie_document(m) for m in movies]
        keys = [document_hash(embedder.model_id, d) for d in documents]
        found = cache.get_many(embedder.model_id, keys)
        # shortest first, so each batch the model sees holds documents of about one length and pads little
        todo = {k: d for k, d in zip(keys, documents, strict=True) if k not in found}
        missing = sorted(todo.items(), key=lambda item: (len(item[1]), item[0]))
        report.reused = len(movies) - len(missing)
        advance = progress("embedding", len(missing)) if progress and missing else None
        step = 256
        for start in range(0, len(missing), step):
            chunk = missing[start : start + step]
            fresh = embedder.embed_documents([d for _, d in chunk])
            batch = {k: v for (k, _), v in zip(chunk, fresh, strict=True)}
            cache.put_many(embedder.model_id, batch)
            found.update(batch)
            report.embedded += len(chunk)
            if advance:
                advance(len(chunk))
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, embedder.dim), dtype=np.float32)
    finally:
        cache.close()


def _write_meta(build: Path, fingerprint: str, model_id: str, sources: list[str]) -> None:
    db = sqlite3.connect(build / "catalog.sqlite")
    with db:
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("fingerprint", fingerprint),
                ("embedding_model", model_id),
                ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S")),
                ("sources", json.dumps(list(dict.fromkeys(sources)))),
            ],
        )
    db.close()


__all__ = ["IngestFailed", "IngestReport", "SourceError", "catalog_fingerprint", "ingest"]
