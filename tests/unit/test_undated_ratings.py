"""A rating imported without a date was given at some unknown time, and everything that shows it
says so: `moviebot user export` wrote the moment of the import as its rated_at, a date the user
never rated the film on (beside a watched_at of null for the same film)."""

from __future__ import annotations

import json

from store import migrations
from store.profiles import ProfileStore

RATINGS = "Date,Name,Year,Rating\n,Heat,1995,4\n2024-03-02,Parasite,2019,3.5\n"


def export(cli) -> dict:
    code, out, _ = cli("user", "export")
    assert code == 0
    return json.loads(out)


def test_an_undated_rating_is_exported_undated(cli, tmp_path):
    (tmp_path / "ratings.csv").write_text(RATINGS, encoding="utf-8")
    assert cli("import", "--format", "letterboxd", str(tmp_path / "ratings.csv"))[0] == 0
    stored = export(cli)
    rated = {r["movie_id"]: r["rated_at"] for r in stored["ratings"]}
    watched = {r["movie_id"]: r["watched_at"] for r in stored["watched"]}
    assert rated == {"heat-1995": None, "parasite-2019": "2024-03-02T00:00:00.000000+00:00"}
    assert watched == rated
    code, out, _ = cli("ask", "what have I rated?")
    said = (
        "You've rated 2 films, dated ones newest first, then the undated: Parasite (2019) at 3.5/5, Heat (1995) at 4/5."
    )
    assert code == 0 and said in out, out


def test_an_undated_rating_gives_way_to_a_dated_one_and_a_dated_one_stays(profiles, tmp_path):
    profiles.bulk_rate([("cli:me", "heat-1995", 4.0, None)], keep_undated=True)
    profiles.bulk_rate([("cli:me", "heat-1995", 2.0, "2020-01-01")], keep_undated=True)
    assert profiles.ratings("cli:me") == {"heat-1995": 2.0}
    profiles.bulk_rate([("cli:me", "heat-1995", 5.0, None)], keep_undated=True)
    assert profiles.ratings("cli:me") == {"heat-1995": 2.0}


def test_a_store_from_before_undated_ratings_keeps_every_rating(tmp_path, monkeypatch):
    path = tmp_path / "profiles.sqlite"
    every = migrations.MIGRATIONS
    monkeypatch.setattr(migrations, "MIGRATIONS", every[: every.index(migrations.m007_ratings_undated)])
    with ProfileStore(path) as old:
        old.rate("cli:me", "heat-1995", 4.5, at="2021-05-01T10:00:00+00:00")
    monkeypatch.setattr(migrations, "MIGRATIONS", every)
    with ProfileStore(path) as store:
        assert store.rated_at(["cli:me"]) == {("cli:me", "heat-1995"): "2021-05-01T10:00:00.000000+00:00"}
        store.bulk_rate([("cli:me", "alien-1979", 3.0, None)], keep_undated=True)
        assert store.rated_at(["cli:me"])[("cli:me", "alien-1979")] is None
