import json

import pytest

from store.build import IngestFailed, ingest
from store.catalog import Catalog, read_movies
from store.ingest.base import SourceError
from store.merge import MergedCatalog, merge_pair
from store.movie import Movie
from tests.conftest import SAMPLE_MOVIES, write_jsonl
from tests.fakes import HashingEmbedder, OtherSetupEmbedder


def test_reingesting_unchanged_data_embeds_nothing(home, embedder, sample_jsonl):
    first = ingest(home, embedder, [("jsonl", [sample_jsonl])])
    assert (first.status, first.embedded) == ("built", 10)
    calls = embedder.documents_embedded
    second = ingest(home, embedder, [("jsonl", [sample_jsonl])])
    assert second.status == "unchanged"
    assert embedder.documents_embedded == calls
    assert home.current_catalog().name == first.catalog


def test_changing_one_movie_embeds_only_that_one(home, embedder, tmp_path, sample_jsonl):
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    changed = [dict(m) for m in SAMPLE_MOVIES]
    changed[0]["overview"] = "Two detectives chase a methodical killer through a city where it never stops raining."
    report = ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "changed.jsonl", changed)])], replace=True)
    assert (report.status, report.embedded, report.reused) == ("built", 1, 9)


def test_a_changed_embedding_setup_reembeds_the_catalog_once(home, embedder, sample_jsonl):
    from store.starter import ensure_starter, pending_build

    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    assert pending_build(home, embedder) is None
    other = OtherSetupEmbedder()
    assert pending_build(home, other) == "reindex"
    report = ensure_starter(home, other)
    assert (report.status, report.movies, report.embedded) == ("built", 10, 10)  # every movie kept, none from cache
    assert pending_build(home, other) is None and ensure_starter(home, other) is None
    catalog = Catalog(home.current_catalog(), other)
    assert catalog.stats()["embedding_model"] == "hashing-test:32"
    assert catalog.search("serial killer detectives", k=1)[0].movie.title == "Se7en"
    catalog.close()


def test_a_bad_file_leaves_the_previous_catalog_usable(home, embedder, tmp_path, sample_jsonl):
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    before = home.current_catalog()
    bad = tmp_path / "movies.csv"
    bad.write_text("name,when\nHeat,1995\n")
    with pytest.raises(SourceError, match="expected columns"):
        ingest(home, embedder, [("imdb-top-1000", [bad])])
    assert home.current_catalog() == before
    assert Catalog(before, embedder).search("heist", k=1)[0].movie.id == "heat-1995"
    assert not list(home.catalogs.glob("*.partial"))


def test_bad_rows_are_skipped_and_reported(home, embedder, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(SAMPLE_MOVIES[0]) + "\n{not json\n" + json.dumps({**SAMPLE_MOVIES[1], "year": "soon"}) + "\n"
    )
    seen = []
    report = ingest(home, embedder, [("jsonl", [path])], on_error=seen.append)
    assert report.movies == 1
    assert [(e.row, e.column) for e in seen] == [(2, "record"), (3, "year")]
    assert all(str(path) in str(e) for e in seen)


def test_strict_makes_a_bad_row_fatal(home, embedder, tmp_path, sample_jsonl):
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    before = home.current_catalog()
    path = write_jsonl(tmp_path / "bad.jsonl", [{**SAMPLE_MOVIES[0], "runtime": "long"}])
    with pytest.raises(IngestFailed, match="runtime"):
        ingest(home, embedder, [("jsonl", [path])], strict=True)
    assert home.current_catalog() == before


class ExplodingEmbedder(HashingEmbedder):
    """Dies part-way through embedding, as Ctrl-C would."""

    def embed_documents(self, texts):
        if self.calls >= 1:
            raise KeyboardInterrupt
        return super().embed_documents(texts)


def test_an_interrupted_ingest_changes_nothing(home, tmp_path, sample_jsonl):
    embedder = ExplodingEmbedder()
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    before = home.current_catalog()
    # sequels three years on: new films, not copies the merge would fold into the originals
    sequels = [{**m, "id": m["id"] + "-x", "title": m["title"] + " II", "year": m["year"] + 3} for m in SAMPLE_MOVIES]
    bigger = [*SAMPLE_MOVIES, *sequels]
    with pytest.raises(KeyboardInterrupt):
        ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "more.jsonl", bigger)])])
    assert home.current_catalog() == before
    assert len(read_movies(before / "catalog.sqlite")) == 10
    assert not list(home.catalogs.glob("*.partial"))


def test_a_killed_build_is_ignored_then_cleaned(home, embedder, sample_jsonl):
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    before = home.current_catalog()
    stale = home.new_build()  # what kill -9 mid-ingest leaves behind
    (stale / "catalog.sqlite").write_bytes(b"half a database")
    assert home.current_catalog() == before
    ingest(home, embedder, [("jsonl", [sample_jsonl])], replace=True)
    assert not stale.exists()


@pytest.mark.parametrize("pointer", [None, "", "no-such-build\n", "../../etc\n", b"\xff\xfe"])
def test_a_lost_or_garbled_current_pointer_keeps_the_catalog(home, embedder, sample_jsonl, pointer):
    """A missing or garbled CURRENT made the next command index the starter catalog and prune every
    ingested build."""
    from store.starter import ensure_starter

    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    built = home.current_catalog()
    current = home.root / "CURRENT"
    if pointer is None:
        current.unlink()
    elif isinstance(pointer, bytes):
        current.write_bytes(pointer)
    else:
        current.write_text(pointer)
    assert home.current_catalog() == built
    assert ensure_starter(home, embedder) is None and built.exists()
    stale = home.new_build()  # an unfinished build is never taken for the catalog
    (stale / "catalog.sqlite").write_bytes(b"half a database")
    assert home.current_catalog() == built


def test_sources_merge_into_one_entry_with_the_richer_fields(home, embedder, tmp_path, sample_jsonl):
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    other_source = {
        "id": "seven-1995",
        "title": "Se7en",
        "year": 1995,
        "imdb_id": "tt0114369",
        "tmdb_id": 807,
        "rating": 8.4,
        "votes": 20000,
        "cast": ["Brad Pitt", "Morgan Freeman", "Gwyneth Paltrow", "Kevin Spacey", "R. Lee Ermey"],
    }
    report = ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "other.jsonl", [other_source])])])
    assert (report.movies, report.updated) == (10, 1)
    se7en = {m.id: m for m in read_movies(home.current_catalog() / "catalog.sqlite")}["se7en-1995"]
    assert se7en.imdb_id == "tt0114369" and se7en.tmdb_id == 807
    assert len(se7en.cast) == 5
    assert (se7en.rating, se7en.votes) == (8.6, 1800000)  # the better-counted rating stays
    assert se7en.overview.startswith("Two detectives")


def test_merge_matches_by_id_then_title_and_year():
    heat = Movie(id="heat-1995", title="Heat", year=1995, directors=["Michael Mann"], imdb_id="tt0113277")
    merged = MergedCatalog([heat])
    assert merged.find(Movie(id="x", title="Something Else", year=2000, imdb_id="tt0113277")) == "heat-1995"
    assert merged.find(Movie(id="heat-1995", title="Heat", year=1995)) == "heat-1995"
    assert merged.find(Movie(id="heat-1996", title="Heat", year=1996, directors=["Michael Mann"])) == "heat-1995"
    assert merged.find(Movie(id="heat-1996", title="Heat", year=1996, directors=["Someone Else"])) is None
    assert merged.find(Movie(id="heat-1995", title="Heat", year=1995, imdb_id="tt9999999")) is None
    assert (
        merged.add(Movie(id="heat-1995", title="Heat", year=1995, imdb_id="tt9999999", directors=["Other Director"]))
        == "added"
    )
    assert "heat-1995-other-director" in merged.movies


def test_merge_pair_keeps_the_first_id_and_fills_gaps():
    kept = Movie(id="a", title="A", year=2000, runtime=None, overview="short")
    new = Movie(id="b", title="A", year=2000, runtime=95, overview="a much longer synopsis", rating=7.0, votes=10)
    merged = merge_pair(kept, new)
    assert (merged.id, merged.runtime, merged.overview, merged.rating) == ("a", 95, "a much longer synopsis", 7.0)


def test_every_genre_a_source_names_is_kept():
    # IMDb-derived metadata keeps three genres; MovieLens names "Children" (family) and fantasy too
    kept = Movie(id="toy-story-1995", title="Toy Story", year=1995, genres=["animation", "adventure", "comedy"])
    new = Movie(id="x", title="Toy Story", year=1995, genres=["adventure", "animation", "family", "comedy", "fantasy"])
    assert merge_pair(kept, new).genres == ["animation", "adventure", "comedy", "family", "fantasy"]
    assert merge_pair(kept, Movie(id="y", title="Toy Story", year=1995, genres=["comedy"])) == kept


def test_an_enriching_ingest_fills_in_known_films_and_adds_none(home, embedder, tmp_path, sample_jsonl):
    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    richer_heat = {"id": "heat-1995", "title": "Heat", "year": 1995, "genres": ["thriller"], "imdb_id": "tt0113277"}
    unknown = {"id": "ronin-1998", "title": "Ronin", "year": 1998, "genres": ["action", "thriller"]}
    source = write_jsonl(tmp_path / "more.jsonl", [richer_heat, unknown])
    report = ingest(home, embedder, [("jsonl", [source])], enrich=True)
    assert report.errors == []
    assert (report.movies, report.updated, report.not_added, report.added) == (10, 1, 1, 0)
    movies = {m.id: m for m in read_movies(home.current_catalog() / "catalog.sqlite")}
    assert "ronin-1998" not in movies
    assert movies["heat-1995"].genres == ["action", "crime", "drama", "thriller"]
    assert movies["heat-1995"].imdb_id == "tt0113277"
    assert movies["heat-1986"].genres == ["action", "crime", "thriller"]  # the other Heat is another film


def test_an_enriching_ingest_records_studios_and_a_catalog_built_before_them_opens_without(
    home, embedder, tmp_path, sample_jsonl
):
    import sqlite3

    from store.filters import Filters

    ingest(home, embedder, [("jsonl", [sample_jsonl])])
    catalog = Catalog(home.current_catalog(), embedder)
    assert not catalog.records_studios and catalog.unrecorded("studios") == 10
    made = {"id": "heat-1995", "title": "Heat", "year": 1995, "studios": ["Regency Enterprises", "Forward Pass"]}
    ingest(home, embedder, [("jsonl", [write_jsonl(tmp_path / "more.jsonl", [made])])], enrich=True)
    build = home.current_catalog()
    catalog = Catalog(build, embedder)
    assert catalog.records_studios and catalog.unrecorded("studios") == 9
    assert catalog.search("", Filters(studios=("Regen",)), k=5) == []  # letters are no company's name
    assert [r.movie.id for r in catalog.search("", Filters(studios=("Regency",)), k=5)] == ["heat-1995"]
    db = sqlite3.connect(build / "catalog.sqlite")
    db.execute("ALTER TABLE movies DROP COLUMN studios")  # as built before studios were kept
    db.commit()
    db.close()
    old = Catalog(build, embedder)
    assert len(old) == 10 and not old.records_studios and old.get("heat-1995").studios == []


def test_a_second_ingest_says_it_waits_for_the_first(home, embedder, sample_jsonl):
    """A second ingest sat silent for minutes behind the first."""
    import fcntl
    import threading

    heard: list[str] = []
    with open(home.root / "ingest.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # the first ingest
        second = threading.Thread(target=lambda: ingest(home, embedder, [("jsonl", [sample_jsonl])],
                                                        on_wait=lambda: heard.append("waiting")))  # fmt: skip
        second.start()
        second.join(timeout=1.0)
        assert second.is_alive() and heard == ["waiting"]
        fcntl.flock(held, fcntl.LOCK_UN)
    second.join(timeout=30)
    assert not second.is_alive() and home.current_catalog() is not None
