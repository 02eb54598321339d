from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from store import migrations
from store.profiles import DISLIKE_STARS, LIKE_STARS, ProfileStore

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
ANN = "discord:111"
BOB = "discord:222"


@pytest.fixture
def fresh_db() -> Database:
    db = Database(memory=True)
    migrations.migrate(db)
    return db


@pytest.fixture
def store(fresh_db: Database) -> ProfileStore:
    profiles = ProfileStore(fresh_db)
    yield profiles
    profiles.close()


def to_iso_text(at: datetime) -> str:
    return at.isoformat(timespec="microseconds")


def feedback(store: ProfileStore, kind: str, *, added: bool = True, movie: str = "heat-1995", user: str = ANN,
             suggestion_id: int | None = None, value: float | None = None, event_id: str | None = None,
             at: datetime | None = None) -> bool:  # fmt: skip
    return store.record_feedback(
        suggestion_id=suggestion_id, user=user, movie_id=movie, kind=kind, value=value, added=added,
        event_id=event_id, at=at,
    )  # fmt: skip


# -- migrations -----------------------------------------------------------------------------------


def test_fresh_db_records_every_migration(fresh_db):
    assert migrations.applied(fresh_db) == [m.__name__ for m in migrations.MIGRATIONS]
    assert {"users", "ratings", "watched", "dismissed", "suggestions", "feedback", "memberships", "models"} <= set(
        fresh_db.table_names()
    )


def test_migrate_twice_applies_nothing_the_second_time(fresh_db):
    assert migrations.migrate(fresh_db) == []
    assert fresh_db.execute("SELECT COUNT(*) FROM _migrations").fetchone()[0] == len(migrations.MIGRATIONS)


def test_reopening_a_file_db_does_not_rerun_migrations(tmp_path, monkeypatch):
    runs = []

    def m002_probe(db):
        runs.append(1)
        db.execute("CREATE TABLE probe (x INTEGER)")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m002_probe])
    path = tmp_path / "profiles.db"
    with ProfileStore(path) as first:
        first.rate(ANN, "heat-1995", 4)
        recorded = list(first.db.query("SELECT name, applied_at FROM _migrations ORDER BY id"))
    with ProfileStore(path) as second:
        assert second.rating(ANN, "heat-1995") == 4.0
        assert list(second.db.query("SELECT name, applied_at FROM _migrations ORDER BY id")) == recorded
        assert second.db.query("PRAGMA journal_mode").__next__()["journal_mode"] == "wal"
    assert runs == [1]
    assert [r["name"] for r in recorded] == [m.__name__ for m in migrations.MIGRATIONS]  # the probe last


def test_a_new_migration_runs_once_on_an_existing_file(tmp_path, monkeypatch):
    path = tmp_path / "profiles.db"
    ProfileStore(path).close()
    runs = []
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, lambda db: runs.append(1)])
    ProfileStore(path).close()
    ProfileStore(path).close()
    assert runs == [1]


def test_a_store_from_before_undated_films_keeps_its_watched_dates_and_takes_undated_ones(tmp_path, monkeypatch):
    """watched_at was NOT NULL: an undated import row could only be stored as seen "now". The rebuild
    that lets it be NULL must keep every stored row as it was."""
    path = tmp_path / "profiles.db"
    every = migrations.MIGRATIONS
    monkeypatch.setattr(migrations, "MIGRATIONS", every[: every.index(migrations.m006_watched_undated)])
    with ProfileStore(path) as old:
        old.add_watched(ANN, "heat-1995", at=T0)
        old.add_watched(ANN, "se7en-1995", at=T0 + timedelta(days=1))
    monkeypatch.setattr(migrations, "MIGRATIONS", every)
    with ProfileStore(path) as store:
        store.add_watched(ANN, "alien-1979", at=None)
        store.conn.execute("UPDATE watched SET watched_at = NULL WHERE movie_id = 'alien-1979'")
        listed = [(row["movie_id"], row["watched_at"]) for row in store.watched(ANN)]
    assert listed == [("se7en-1995", to_iso_text(T0 + timedelta(days=1))), ("heat-1995", to_iso_text(T0)),
                      ("alien-1979", None)]  # fmt: skip


# -- users ----------------------------------------------------------------------------------------


def test_ensure_user_returns_key_and_keeps_display_name_unless_given(store):
    assert store.ensure_user("discord", 111, "Ann") == ANN
    assert store.ensure_user("discord", "111") == ANN
    assert [(u["key"], u["display_name"]) for u in store.users()] == [(ANN, "Ann")]
    store.ensure_user("discord", "111", "Annie")
    assert store.users()[0]["display_name"] == "Annie"
    assert ProfileStore.user_key("slack", "U1") == "slack:U1"


@pytest.mark.parametrize("platform", ["Discord", "", "dis cord", "1discord"])
def test_platform_must_be_a_lower_case_word(store, platform):
    with pytest.raises(ValueError, match="platform"):
        store.ensure_user(platform, "1")
    assert store.users() == []


# -- ratings --------------------------------------------------------------------------------------


@pytest.mark.parametrize("stars", [0, 0.25, 5.5, 3.3, -1, 6, "4", True, None, math.nan])
def test_rating_outside_half_star_steps_is_refused(store, stars):
    with pytest.raises(ValueError, match=r"0\.5 to 5"):
        store.rate(ANN, "heat-1995", stars)
    assert store.ratings(ANN) == {}


@pytest.mark.parametrize("stars", [0.5, 1, 2.5, 4.5, 5])
def test_valid_ratings_are_stored(store, stars):
    store.rate(ANN, "heat-1995", stars)
    assert store.rating(ANN, "heat-1995") == stars


def test_rate_overwrites_and_unrate_removes(store):
    store.rate(ANN, "heat-1995", 2)
    store.rate(ANN, "heat-1995", 4.5)
    store.rate(ANN, "se7en-1995", 3)
    assert store.ratings(ANN) == {"heat-1995": 4.5, "se7en-1995": 3.0}
    assert store.unrate(ANN, "heat-1995") is True
    assert store.unrate(ANN, "heat-1995") is False
    assert store.rating(ANN, "heat-1995") is None


def test_rating_for_a_malformed_user_key_is_refused(store):
    with pytest.raises(ValueError, match="platform:id"):
        store.rate("no-platform", "heat-1995", 4)


def test_like_and_dislike_reactions_land_on_the_star_scale(store):
    feedback(store, "like", movie="heat-1995")
    feedback(store, "dislike", movie="the-shining-1980")
    assert store.ratings(ANN) == {"heat-1995": LIKE_STARS, "the-shining-1980": DISLIKE_STARS}
    assert store.liked(ANN) == ["heat-1995"]
    assert store.disliked(ANN) == ["the-shining-1980"]


def test_liked_and_disliked_respect_thresholds(store):
    for movie, stars in {"a": 5, "b": 3.5, "c": 3, "d": 2.5, "e": 1}.items():
        store.rate(ANN, movie, stars)
    assert store.liked(ANN) == ["a", "b"]
    assert store.liked(ANN, threshold=4.5) == ["a"]
    assert store.disliked(ANN) == ["e", "d"]
    assert store.disliked(ANN, threshold=1) == ["e"]


def test_excluded_ids_is_watched_rated_and_dismissed(store):
    store.add_watched(ANN, "watched")
    store.rate(ANN, "meh", 2.5)
    store.rate(ANN, "okay", 3)
    store.rate(ANN, "loved", 5)
    store.dismiss(ANN, "not-interested")
    store.add_watched(BOB, "bobs-movie")
    assert store.excluded_ids(ANN) == {"watched", "meh", "okay", "loved", "not-interested"}
    store.undismiss(ANN, "not-interested")
    assert "not-interested" not in store.excluded_ids(ANN)
    assert store.dismissed(ANN) == set()


def test_watched_is_newest_first(store):
    store.add_watched(ANN, "old", at=T0)
    store.add_watched(ANN, "new", source="discord", at=T0 + timedelta(days=2))
    store.add_watched(ANN, "mid", at=T0 + timedelta(days=1))
    assert [(w["movie_id"], w["source"]) for w in store.watched(ANN)] == [
        ("new", "discord"), ("mid", "chat"), ("old", "chat"),
    ]  # fmt: skip
    assert store.watched(ANN)[0]["watched_at"] == "2024-05-03T12:00:00.000000+00:00"
    assert store.has_watched(ANN, "mid") and not store.has_watched(BOB, "mid")
    assert store.remove_watched(ANN, "mid") is True
    assert store.remove_watched(ANN, "mid") is False
    assert not store.has_watched(ANN, "mid")


def test_a_film_off_the_watched_list_takes_its_rating_with_it_and_can_be_suggested_again(store):
    """'watched remove' on a rated film left its 5 stars, so the profile still liked it and no
    answer ever suggested it."""
    store.rate(ANN, "heat", 5.0, at=T0)
    store.add_watched(ANN, "heat", at=T0)
    store.rate(ANN, "alien", 2.0, at=T0)  # rated, never marked watched
    assert store.remove_watched(ANN, "heat") and store.remove_watched(ANN, "alien")
    assert store.ratings(ANN) == {} and store.excluded_ids(ANN) == set()


# -- suggestions ----------------------------------------------------------------------------------


def log(store: ProfileStore, movies: list[str], *, user: str = ANN, at: datetime | None = None) -> list[int]:
    return store.log_suggestions(
        user, platform=user.partition(":")[0], channel="C1", request="tense 90s crime",
        items=[{"movie_id": m, "rank": i, "score": 1.0 - i / 10, "features": {"sim": 0.5 + i, "genre": 1.0},
                "propensity": 0.25} for i, m in enumerate(movies)],
        at=at,
    )  # fmt: skip


def test_logged_suggestions_are_found_by_their_message(store):
    ids = log(store, ["heat-1995", "se7en-1995", "the-insider-1999"])
    assert len(set(ids)) == 3
    assert store.suggestion(ids[1])["message_id"] is None
    for sid, message in zip(ids, [9001, 9002, 9003], strict=True):
        store.attach_message(sid, message)
    found = store.suggestion_by_message("discord", 9002)
    assert (found["id"], found["movie_id"], found["rank"], found["user"]) == (ids[1], "se7en-1995", 1, ANN)
    assert found["features"] == {"sim": 1.5, "genre": 1.0}
    assert found["propensity"] == 0.25 and found["request"] == "tense 90s crime"
    assert store.suggestion_by_message("discord", "9002")["id"] == ids[1]
    assert store.suggestion_by_message("slack", 9002) is None
    assert store.suggestion_by_message("discord", 1234) is None
    with pytest.raises(KeyError):
        store.attach_message(99999, 1)


def test_numpy_features_are_stored_as_json(store):
    np = pytest.importorskip("numpy")
    item = {"movie_id": "heat-1995", "rank": 0, "score": np.float32(0.5), "features": {"sim": np.float32(0.5)},
            "propensity": np.float64(1.0)}  # fmt: skip
    [sid] = store.log_suggestions(ANN, platform="discord", channel=None, request="x", items=[item])
    assert store.suggestion(sid)["features"] == {"sim": 0.5}


def test_recently_shown_and_suggestions_newest_first(store):
    log(store, ["old-pick"], at=T0 - timedelta(days=20))
    log(store, ["heat-1995", "se7en-1995"], at=T0 - timedelta(days=3))
    log(store, ["bob-pick"], user=BOB, at=T0)
    assert store.recently_shown(ANN, within_days=14, now=T0) == {"heat-1995", "se7en-1995"}
    assert store.recently_shown(ANN, within_days=30, now=T0) == {"heat-1995", "se7en-1995", "old-pick"}
    assert [s["movie_id"] for s in store.suggestions(ANN, limit=2)] == ["se7en-1995", "heat-1995"]
    assert [s["movie_id"] for s in store.suggestions(ANN, limit=10)][-1] == "old-pick"


# -- feedback: apply and undo ---------------------------------------------------------------------


def test_removing_a_like_restores_the_earlier_rating(store):
    store.rate(ANN, "heat-1995", 3, source="chat", at=T0)
    [sid] = log(store, ["heat-1995"])
    feedback(store, "like", suggestion_id=sid)
    assert store.rating(ANN, "heat-1995") == LIKE_STARS
    feedback(store, "like", suggestion_id=sid, added=False)
    assert store.rating(ANN, "heat-1995") == 3.0
    exported = store.export_user(ANN)["ratings"]
    assert [(r["source"], r["rated_at"]) for r in exported] == [("chat", to_iso_text(T0))]


def test_removing_the_only_like_leaves_no_rating(store):
    feedback(store, "like")
    feedback(store, "like", added=False)
    assert store.ratings(ANN) == {}
    assert store.liked(ANN) == []


def test_watched_and_dismiss_reactions_are_undone(store):
    feedback(store, "watched", movie="heat-1995")
    feedback(store, "dismiss", movie="se7en-1995")
    assert store.excluded_ids(ANN) == {"heat-1995", "se7en-1995"}
    feedback(store, "watched", movie="heat-1995", added=False)
    feedback(store, "dismiss", movie="se7en-1995", added=False)
    assert store.excluded_ids(ANN) == set()


def test_undoing_a_watched_reaction_keeps_a_film_already_marked_watched(store):
    store.add_watched(ANN, "heat-1995", source="letterboxd", at=T0)
    feedback(store, "watched", movie="heat-1995")
    feedback(store, "watched", movie="heat-1995", added=False)
    assert store.watched(ANN) == [{"movie_id": "heat-1995", "watched_at": to_iso_text(T0), "source": "letterboxd"}]


def test_like_then_dislike_then_dislike_removed_brings_the_like_back(store):
    [sid] = log(store, ["heat-1995"])
    feedback(store, "like", suggestion_id=sid)
    feedback(store, "dislike", suggestion_id=sid)
    assert store.rating(ANN, "heat-1995") == DISLIKE_STARS
    feedback(store, "dislike", suggestion_id=sid, added=False)
    assert store.rating(ANN, "heat-1995") == LIKE_STARS
    feedback(store, "like", suggestion_id=sid, added=False)
    assert store.rating(ANN, "heat-1995") is None


def test_removing_a_superseded_like_leaves_the_newer_dislike(store):
    [sid] = log(store, ["heat-1995"])
    feedback(store, "like", suggestion_id=sid)
    feedback(store, "dislike", suggestion_id=sid)
    feedback(store, "like", suggestion_id=sid, added=False)
    assert store.rating(ANN, "heat-1995") == DISLIKE_STARS
    # the like is gone, so undoing the dislike must not resurrect it
    feedback(store, "dislike", suggestion_id=sid, added=False)
    assert store.rating(ANN, "heat-1995") is None


def test_a_direct_rating_after_a_reaction_survives_its_removal(store):
    feedback(store, "like")
    store.rate(ANN, "heat-1995", 3)
    feedback(store, "like", added=False)
    assert store.rating(ANN, "heat-1995") == 3.0


def test_star_reaction_removal_undoes_the_matching_value(store):
    [sid] = log(store, ["heat-1995"])
    feedback(store, "stars", value=2, suggestion_id=sid)
    feedback(store, "stars", value=5, suggestion_id=sid)
    feedback(store, "stars", value=2, suggestion_id=sid, added=False)
    assert store.rating(ANN, "heat-1995") == 5.0
    feedback(store, "stars", value=5, suggestion_id=sid, added=False)
    assert store.rating(ANN, "heat-1995") is None


def test_removal_without_a_matching_reaction_changes_nothing(store):
    store.rate(ANN, "heat-1995", 4)
    [sid] = log(store, ["heat-1995"])
    assert feedback(store, "like", suggestion_id=sid, added=False) is True
    assert store.rating(ANN, "heat-1995") == 4.0
    assert [(e["kind"], e["added"], e["undoes"]) for e in store.feedback_events(ANN)] == [("like", False, None)]


def test_feedback_events_link_removal_to_the_reaction_it_undid(store):
    feedback(store, "like", event_id="add")
    feedback(store, "like", added=False, event_id="remove")
    add, remove = store.feedback_events(ANN)
    assert (add["event_id"], add["added"], add["undone_by"]) == ("add", True, remove["id"])
    assert (remove["event_id"], remove["added"], remove["undoes"]) == ("remove", False, add["id"])
    assert store.feedback_events(BOB) == []
    assert len(store.feedback_events()) == 2


def test_events_are_counted_by_id_prefix(store):
    feedback(store, "like", event_id="discord:1:2:👍:0")
    feedback(store, "like", added=False, event_id="discord:1:2:👍:1")
    feedback(store, "like", event_id="discord:1:22:👍:0")  # another reactor's id starts alike
    feedback(store, "like", user=BOB, event_id="discord:1:2:❤:0")
    assert store.count_events(ANN, "discord:1:2:👍:") == 2
    assert store.count_events(ANN, "discord:1:2:") == 2
    assert store.count_events(ANN, "discord:1:") == 3
    assert store.count_events(BOB, "discord:1:2:👍:") == 0


def test_the_same_event_id_is_recorded_once(store):
    assert feedback(store, "like", event_id="msg1:user1:👍:add") is True
    assert feedback(store, "like", event_id="msg1:user1:👍:add") is False
    assert len(store.feedback_events(ANN)) == 1
    assert feedback(store, "like", added=False, event_id="msg1:user1:👍:remove") is True
    # a late redelivery of the add must not re-apply the like the user took back
    assert feedback(store, "like", event_id="msg1:user1:👍:add") is False
    assert store.rating(ANN, "heat-1995") is None
    assert len(store.feedback_events(ANN)) == 2


def test_events_without_ids_are_all_recorded(store):
    assert feedback(store, "watched") and feedback(store, "watched")
    assert len(store.feedback_events(ANN)) == 2


@pytest.mark.parametrize(
    ("kind", "value", "match"),
    [("love", None, "kind"), ("stars", 0.5, "1 to 5"), ("stars", 6, r"0\.5 to 5"), ("stars", None, r"0\.5 to 5")],
)
def test_bad_feedback_is_refused_and_not_recorded(store, kind, value, match):
    with pytest.raises(ValueError, match=match):
        feedback(store, kind, value=value)
    assert store.feedback_events() == []
    assert store.ratings(ANN) == {}


def test_a_failing_feedback_write_rolls_back_entirely(store):
    with pytest.raises(Exception, match="FOREIGN KEY"):
        feedback(store, "like", suggestion_id=424242, event_id="e1")
    assert store.feedback_events() == []
    assert store.ratings(ANN) == {}
    assert feedback(store, "like", event_id="e1") is True


# -- rewards --------------------------------------------------------------------------------------


def test_rewards_follow_what_the_user_did_and_wait_for_the_window(store):
    movies = ["liked", "disliked", "dismissed", "watched", "rated4", "rated2", "rated3", "silent", "unliked",
              "rated-before"]  # fmt: skip
    store.rate(ANN, "rated-before", 5, at=T0 - timedelta(days=1))
    ids = dict(zip(movies, log(store, movies, at=T0), strict=True))
    [fresh] = log(store, ["fresh"], at=T0 + timedelta(hours=47))
    later = T0 + timedelta(hours=1)
    feedback(store, "like", movie="liked", suggestion_id=ids["liked"], at=later)
    feedback(store, "dislike", movie="disliked", suggestion_id=ids["disliked"], at=later)
    feedback(store, "dismiss", movie="dismissed", suggestion_id=ids["dismissed"], at=later)
    store.add_watched(ANN, "watched", at=later)
    store.rate(ANN, "rated4", 4, at=later)
    store.rate(ANN, "rated2", 2, at=later)
    store.rate(ANN, "rated3", 3, at=later)
    feedback(store, "like", movie="unliked", suggestion_id=ids["unliked"], at=later)
    feedback(store, "like", movie="unliked", suggestion_id=ids["unliked"], added=False, at=later)

    early = {r["movie_id"]: r["reward"] for r in store.rewards(now=T0 + timedelta(hours=2))}
    assert early == {"liked": 1.0, "disliked": 0.0, "dismissed": 0.0, "watched": 1.0, "rated4": 1.0, "rated2": 0.0,
                     "rated3": 0.5}  # fmt: skip

    rows = store.rewards(now=T0 + timedelta(hours=49), no_feedback_reward=0.1, window_hours=48)
    by_movie = {r["movie_id"]: r for r in rows}
    assert {m: r["reward"] for m, r in by_movie.items()} == {
        "liked": 1.0, "disliked": 0.0, "dismissed": 0.0, "watched": 1.0, "rated4": 1.0, "rated2": 0.0,
        "rated3": 0.5, "silent": 0.1, "unliked": 0.1, "rated-before": 0.1,
    }  # fmt: skip
    assert fresh not in {r["suggestion_id"] for r in rows}
    liked = by_movie["liked"]
    assert (liked["suggestion_id"], liked["user"], liked["propensity"]) == (ids["liked"], ANN, 0.25)
    assert liked["features"] == {"sim": 0.5, "genre": 1.0}
    assert liked["shown_at"] == to_iso_text(T0)

    zero = store.rewards(now=T0 + timedelta(hours=49), no_feedback_reward=0.0, window_hours=100)
    assert "silent" not in {r["movie_id"] for r in zero}
    recent = store.rewards(since=T0 + timedelta(hours=1), now=T0 + timedelta(days=10))
    assert [r["suggestion_id"] for r in recent] == [fresh]


# -- memberships and models -----------------------------------------------------------------------


def test_members_are_listed_by_last_seen_per_guild(store):
    store.note_membership("discord", "G1", "C1", ANN, at=T0)
    store.note_membership("discord", "G1", "C2", BOB, at=T0 + timedelta(hours=1))
    store.note_membership("discord", "G1", "C1", ANN, at=T0 + timedelta(hours=2))
    store.note_membership("discord", "G2", "C9", "333", at=T0)
    assert store.members("discord", "G1") == [ANN, BOB]
    assert store.members("discord", "G2") == ["discord:333"]
    assert store.members("slack", "G1") == []
    assert len(store.export_user(ANN)["memberships"]) == 1


def test_models_round_trip(store):
    assert store.load_model("shared") is None
    store.save_model("shared", b"\x00\x01")
    store.save_model("shared", b"\x02")
    store.save_model(f"user:{ANN}", b"ann")
    assert store.load_model("shared") == b"\x02"
    assert store.load_model(f"user:{ANN}") == b"ann"


# -- collaborative data ---------------------------------------------------------------------------


@pytest.fixture
def small_ratings(store: ProfileStore) -> ProfileStore:
    rows = {
        "web:me": {"A": 5, "X": 5},
        "web:u1": {"A": 5, "B": 4, "C": 4.5, "E": 3},
        "web:u2": {"A": 4, "B": 5},
        "web:u3": {"A": 4.5, "D": 4},
        "web:u4": {"B": 4, "D": 2},
        "web:u5": {"A": 2, "E": 5},
    }
    store.bulk_rate((u, m, s, T0) for u, films in rows.items() for m, s in films.items())
    return store


def test_co_liked_counts_fans_normalised_by_popularity(small_ratings):
    scores = small_ratings.co_liked(["A"], exclude_user="web:me")
    # fans of A: u1, u2, u3 (u5 rated it 2). B: u1+u2 over sqrt(3 fans of B); C: u1; D: u3 (u4's 2 is no like)
    assert scores == pytest.approx({"B": 2 / math.sqrt(3), "C": 1.0, "D": 1.0})
    assert next(iter(scores)) == "B"


def test_co_liked_weights_fans_by_how_many_seeds_they_share(small_ratings):
    scores = small_ratings.co_liked(["A", "B"], exclude_user="web:me")
    # u1 liked both seeds, so C gets two votes; D only u3's (u4 liked B but rated D 2)
    assert scores == pytest.approx({"C": 2.0, "D": 1.0})
    assert list(small_ratings.co_liked(["A", "B"], exclude_user="web:me", limit=1)) == ["C"]


def test_co_liked_counts_the_user_unless_excluded_and_honours_min_stars(small_ratings):
    assert "X" in small_ratings.co_liked(["A"], exclude_user=None)
    assert "E" in small_ratings.co_liked(["A"], exclude_user="web:me", min_stars=3)
    assert small_ratings.co_liked([], exclude_user=None) == {}
    assert small_ratings.co_liked(["nobody-rated-this"], exclude_user=None) == {}


def test_rating_counts_and_bulk_users(small_ratings):
    counts = small_ratings.rating_counts()
    assert counts["A"] == 5 and counts["B"] == 3 and counts["X"] == 1
    assert {u["key"] for u in small_ratings.users()} == {"web:me", "web:u1", "web:u2", "web:u3", "web:u4", "web:u5"}
    assert small_ratings.export_user("web:u1")["ratings"][0]["source"] == "import"


def test_bulk_rate_with_a_bad_row_stores_nothing(store):
    store.rate(ANN, "kept", 4)
    rows = [("web:1", "a", 4, T0), ("web:1", "b", 7, T0), ("web:2", "c", 4, T0)]
    with pytest.raises(ValueError, match=r"0\.5 to 5"):
        store.bulk_rate(rows)
    assert store.rating_counts() == {"kept": 1}
    assert [u["key"] for u in store.users()] == [ANN]


# -- privacy --------------------------------------------------------------------------------------


def test_export_then_forget_removes_everything_about_one_user(store):
    store.ensure_user("discord", "111", "Ann")
    store.ensure_user("discord", "222", "Bob")
    store.rate(ANN, "heat-1995", 4)
    store.add_watched(ANN, "se7en-1995")
    store.dismiss(ANN, "the-shining-1980")
    ann_ids = log(store, ["parasite-2019", "amelie-2001"])
    store.attach_message(ann_ids[0], 555)
    feedback(store, "like", movie="parasite-2019", suggestion_id=ann_ids[0], event_id="ann-like")
    # Bob reacts to Ann's recommendation message: his reaction is his data, and outlives Ann's
    feedback(store, "like", user=BOB, movie="parasite-2019", suggestion_id=ann_ids[0], event_id="bob-like")
    store.rate(BOB, "heat-1995", 2)
    log(store, ["spirited-away-2001"], user=BOB)
    store.note_membership("discord", "G1", "C1", ANN)
    store.note_membership("discord", "G1", "C1", BOB)
    store.save_model(f"user:{ANN}", b"ann-model")
    store.save_model("shared", b"shared-model")
    forgotten = []
    store.on_forget(forgotten.append)

    exported = store.export_user(ANN)
    json.dumps(exported)
    assert exported["user"]["display_name"] == "Ann"
    assert [r["movie_id"] for r in exported["ratings"]] == ["heat-1995", "parasite-2019"]
    assert [w["movie_id"] for w in exported["watched"]] == ["se7en-1995"]
    assert [d["movie_id"] for d in exported["dismissed"]] == ["the-shining-1980"]
    assert [s["movie_id"] for s in exported["suggestions"]] == ["parasite-2019", "amelie-2001"]
    assert [f["event_id"] for f in exported["feedback"]] == ["ann-like"]
    assert [(m["guild"], m["channel"]) for m in exported["memberships"]] == [("G1", "C1")]
    assert [m["scope"] for m in exported["models"]] == [f"user:{ANN}"]

    counts = store.forget_user(ANN)
    assert counts == {"feedback": 1, "suggestions": 2, "ratings": 2, "watched": 1, "dismissed": 1,
                      "memberships": 1, "models": 1, "users": 1}  # fmt: skip
    assert forgotten == [ANN]
    after = store.export_user(ANN)
    assert after["user"] is None
    assert all(after[k] == [] for k in after if k != "user")
    assert store.excluded_ids(ANN) == set()
    assert store.suggestion_by_message("discord", 555) is None
    assert store.load_model(f"user:{ANN}") is None and store.load_model("shared") == b"shared-model"

    assert store.ratings(BOB) == {"parasite-2019": LIKE_STARS, "heat-1995": 2.0}
    [bob_event] = store.feedback_events(BOB)
    assert (bob_event["event_id"], bob_event["suggestion_id"]) == ("bob-like", None)
    assert [s["movie_id"] for s in store.suggestions(BOB, 10)] == ["spirited-away-2001"]
    assert store.members("discord", "G1") == [BOB]
    assert [u["key"] for u in store.users()] == [BOB]


def test_a_failing_forget_hook_forgets_nothing(store):
    store.rate(ANN, "heat-1995", 4)

    def broken(user: str) -> None:
        raise RuntimeError("memory offline")

    store.on_forget(broken)
    with pytest.raises(RuntimeError, match="memory offline"):
        store.forget_user(ANN)
    assert store.ratings(ANN) == {"heat-1995": 4.0}
    assert store.forget_hooks == [broken]


def test_forget_hook_counts_are_reported(store):
    store.rate(ANN, "heat-1995", 4)
    store.on_forget(lambda user: {"conversations": 3})
    assert store.forget_user(ANN)["conversations"] == 3
