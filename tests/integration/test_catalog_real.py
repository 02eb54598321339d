"""Full ingests of real data sets with the real embedder, and the CLI a user runs on them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from store.build import ingest
from store.catalog import Catalog
from store.filters import Filters, matches
from store.home import DataDir
from tests.conftest import shared_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tmdb_home(tmp_path_factory, real_embedder) -> DataDir:
    """TMDB 5000 ingested, then IMDb Top 1000 merged into it."""
    home = DataDir(tmp_path_factory.mktemp("real") / "home").ensure()
    tmdb = shared_file("tmdb-5000")
    report = ingest(home, real_embedder, [("tmdb-5000", [tmdb])])
    assert (report.status, report.movies, report.errors) == ("built", 4803, [])
    imdb = shared_file("imdb-top-1000", "imdb_top_1000.csv")
    report = ingest(home, real_embedder, [("imdb-top-1000", [imdb])])
    assert report.records == 999 and len(report.errors) == 1
    assert "row 968" in str(report.errors[0]) and "Released_Year" in str(report.errors[0])
    return home


@pytest.fixture(scope="module")
def real_catalog(tmdb_home, real_embedder) -> Catalog:
    return Catalog(tmdb_home.current_catalog(), real_embedder)


def test_sources_merge_instead_of_duplicating(real_catalog):
    # 473 of the IMDb Top 1000 are in TMDB 5000; the rest are older or non-English films it lacks
    assert 5300 < len(real_catalog) < 5450
    knight = real_catalog.get(real_catalog.resolve_title("The Dark Knight").movie_id)
    assert knight.year == 2008 and knight.tmdb_id == 155  # from TMDB
    assert knight.poster_url and knight.metascore == 84  # from IMDb
    assert knight.language == "en" and "Christopher Nolan" in knight.directors


def test_semantic_search_understands_descriptions(real_catalog):
    results = real_catalog.search("astronauts travel through a wormhole to save humanity", k=5)
    assert "Interstellar" in [r.movie.title for r in results]
    results = real_catalog.search("a mafia family saga about a father and his sons", k=10)
    assert "The Godfather" in [r.movie.title for r in results]


def test_filters_are_exact_on_a_real_catalog(real_catalog):
    filters = Filters.of(
        genres=["horror"],
        exclude_genres=["comedy"],
        year_min=1990,
        year_max=1999,
        max_runtime=110,
        exclude_ids=["scream-1996"],
    )
    results = real_catalog.search("a masked killer stalks teenagers", filters, k=20)
    assert len(results) >= 5
    assert all(matches(r.movie, filters) for r in results)
    assert all(1990 <= r.movie.year <= 1999 and r.movie.runtime <= 110 for r in results)


def test_people_filter(real_catalog):
    results = real_catalog.search("crime", Filters.of(people=["Martin Scorsese"]), k=10)
    assert results and all("Martin Scorsese" in r.movie.directors + r.movie.cast for r in results)


def test_reingesting_unchanged_tmdb_embeds_nothing(tmdb_home, real_embedder):
    report = ingest(tmdb_home, real_embedder, [("tmdb-5000", [shared_file("tmdb-5000")])])
    assert report.status == "unchanged" and report.embedded == 0
    assert home_catalog_unchanged(tmdb_home, report)


def home_catalog_unchanged(home, report) -> bool:
    return home.current_catalog().name == report.catalog


def test_cli_search_json_honours_filters(moviebot, tmdb_home):
    out = moviebot(
        "search",
        "space adventure",
        "--genre",
        "sci-fi",
        "--year-from",
        "1970",
        "--year-to",
        "1989",
        "--max-runtime",
        "130",
        "--k",
        "5",
        "--json",
        home=tmdb_home.root,
    )
    results = json.loads(out.stdout)
    assert len(results) == 5
    assert all("sci-fi" in r["genres"] and 1970 <= r["year"] <= 1989 and r["runtime"] <= 130 for r in results)


def test_cli_reports_a_wrong_header_clearly(moviebot, tmdb_home, tmp_path):
    bad = tmp_path / "top.csv"
    bad.write_text("Title,Year\nHeat,1995\n")
    before = tmdb_home.current_catalog()
    out = moviebot("ingest", "--format", "imdb-top-1000", str(bad), home=tmdb_home.root, check=False)
    assert out.returncode == 2
    assert str(bad) in out.stderr and "Series_Title" in out.stderr and "unchanged" in out.stderr
    assert tmdb_home.current_catalog() == before


def test_kill_9_mid_ingest_loses_nothing(moviebot, starter_home):
    """A fresh data dir with the starter catalog, then a `moviebot ingest` process of TMDB
    killed while embedding."""
    home = starter_home
    before = home.current_catalog()
    env = {**os.environ, "MOVIEBOT_HOME": str(home.root)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ingest", "--format", "tmdb-5000", str(shared_file("tmdb-5000"))],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.time() + 120
    while not list(home.catalogs.glob("*.partial")) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
    time.sleep(3)
    assert proc.poll() is None, "the ingest should still be running"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert home.current_catalog() == before
    stats = json.loads(moviebot("catalog", "stats", "--json", home=home.root).stdout)
    assert stats["movies"] >= 500
    out = moviebot("search", "heist", "--k", "3", "--json", home=home.root)
    assert len(json.loads(out.stdout)) == 3


def _asked(catalog, message: str, k: int = 5) -> dict:
    import datetime as dt

    from agent.deps import Deps
    from agent.recommender import Recommender
    from store.profiles import ProfileStore

    profiles = ProfileStore(None)
    try:
        now = dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC)
        return Recommender(Deps(catalog=catalog, profiles=profiles, clock=lambda: now)).ask(message, user="cli:s", k=k)
    finally:
        profiles.close()


def test_a_studio_asked_for_or_refused_goes_by_tmdbs_production_companies(real_catalog):
    pixar = _asked(real_catalog, "a pixar movie")
    made = [real_catalog.movies[r["id"]] for r in pixar["recommendations"]]
    assert len(made) == 5 and all("Pixar Animation Studios" in m.studios for m in made)
    assert all("Made by Pixar, as you asked" in r["explanation"] for r in pixar["recommendations"])
    assert "doesn't record which studio" not in pixar["reply"]
    animated = _asked(real_catalog, "an animated movie, no pixar", k=10)
    shown = [real_catalog.movies[r["id"]] for r in animated["recommendations"]]
    assert len(shown) == 10 and all("animation" in m.genres for m in shown)
    assert not [m.title for m in shown if any("Pixar" in company for company in m.studios)]
    assert pixar["understood"]["studios"] == ["Pixar"] and animated["understood"]["exclude_studios"] == ["Pixar"]


def test_the_starter_catalog_records_no_studio_and_says_what_stood_in(real_starter):
    answer = _asked(real_starter, "a pixar movie", k=3)
    assert answer["reply"].startswith(
        "My catalog doesn't record which studio made a film, so these are animated family films, "
        "not necessarily Pixar's."
    )
    assert answer["understood"]["studios"] == [] and answer["understood"]["genres"] == ["animation", "family"]
    assert all("made by" not in r["explanation"].lower() for r in answer["recommendations"])
