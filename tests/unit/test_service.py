"""The product's rules, asserted once against the service: a real SQLite profile store and the
starter catalog; front ends' tests only check that they translate into these calls."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from agent.bandit import Ranker
from agent.service import (
    AmbiguousTitle,
    EventConflict,
    InvalidInput,
    NotShown,
    ServiceError,
    UnknownTitle,
    build_service,
)
from bot.http.app import create_app
from bot.settings import HttpSettings, Settings
from store.filters import has_tag
from store.profiles import DISLIKE_STARS, LIKE_STARS, ProfileStore

ANA, BOB = "discord:1", "discord:2"


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def fake_chart(profile) -> bytes:
    return f"PNG {profile.user}".encode()


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 6, 1, 12, tzinfo=UTC))


@pytest.fixture
def state_path(tmp_path):
    return tmp_path / "state.sqlite"


@pytest.fixture
def service(starter, state_path, clock):
    profiles = ProfileStore(state_path)
    svc = build_service(starter, profiles, ranker=Ranker(profiles), clock=clock, chart=fake_chart)
    yield svc
    svc.close()
    profiles.close()


def posted(service, user: str = ANA, text: str = "a crime thriller from the 90s") -> list[tuple[str, str]]:
    """(message key, movie id) of each pick, each posted as its own message."""
    turn = service.chat(user, text, channel="c1", platform="discord")
    assert turn.recommendations, turn.reply
    out = []
    for n, rec in enumerate(turn.recommendations):
        service.attach_message(rec["suggestion_id"], f"m{n}")
        out.append((f"m{n}", rec["id"]))
    return out


# -- the unified rules ---------------------------------------------------------------------


def test_a_star_rating_by_command_marks_the_film_watched(service):
    rated = service.rate(ANA, "Heat 1995", 4.5)
    assert (rated.movie_id, rated.stars) == ("heat-1995", 4.5)
    assert service.profiles.rating(ANA, "heat-1995") == 4.5
    assert [w.movie_id for w in service.watched_list(ANA)] == ["heat-1995"]
    again = service.watched_add(ANA, "Heat 1995")  # marked again with no stars: its day and rating stand, and are said
    assert again.stars == 4.5
    assert again.message == "Heat (1995) was already on your watched list, since 2026-06-01; you rated it 4.5/5."


def test_a_star_reaction_marks_the_film_watched_and_removing_it_undoes_both(service):
    [(message, movie), *_] = posted(service)
    outcome = service.react("discord", message, "1", "5️⃣", added=True)
    assert (outcome.recorded, outcome.kind, outcome.stars, outcome.movie_id) == (True, "stars", 5.0, movie)
    assert service.profiles.rating(ANA, movie) == 5.0
    assert service.profiles.has_watched(ANA, movie)
    service.react("discord", message, "1", "5️⃣", added=False)
    assert service.profiles.rating(ANA, movie) is None
    assert not service.profiles.has_watched(ANA, movie)


@pytest.mark.parametrize(("emoji", "stars"), [("👍", LIKE_STARS), ("👎", DISLIKE_STARS), ("+1", LIKE_STARS)])
def test_thumbs_rate_without_marking_watched(service, emoji, stars):
    [(message, movie), *_] = posted(service)
    service.react("discord", message, ANA, emoji, added=True)
    assert service.profiles.rating(ANA, movie) == stars
    assert not service.profiles.has_watched(ANA, movie)


def test_check_mark_marks_watched_and_see_no_evil_dismisses(service):
    [(first, seen), (second, refused), *_] = posted(service)
    service.react("discord", first, ANA, "white_check_mark", added=True)
    service.react("discord", second, ANA, "🙈", added=True)
    assert service.profiles.has_watched(ANA, seen) and service.profiles.rating(ANA, seen) is None
    assert refused in service.profiles.dismissed(ANA)


def test_a_star_rating_said_in_chat_marks_watched_and_is_reported(service):
    turn = service.chat(BOB, "I rated Heat 3.5", channel="c1")
    assert turn.intent == "liked"
    assert turn.recorded == {"ratings": {"heat-1995": 3.5}, "watched": ["heat-1995"]}
    assert service.profiles.has_watched(BOB, "heat-1995")


@pytest.mark.parametrize(
    ("text", "movie", "stars"),
    [("I rated Heat 4", "heat-1995", 4.0), ("gave Heat 4", "heat-1995", 4.0),
     ("I'd rate Heat a 4", "heat-1995", 4.0),
     ("I rated Alien 3", "alien-1979", 3.0),  # the starter catalog has no Alien 3: stars for Alien
     ("I gave Toy Story 3 a 4", "toy-story-3-2010", 4.0)],  # it has Toy Story 3: that film
)  # fmt: skip
def test_a_number_after_a_rated_title_is_stars_unless_the_catalog_has_that_sequel(service, text, movie, stars):
    turn = service.chat(BOB, text, channel="rated")
    assert (turn.recorded["ratings"], turn.recorded["watched"]) == ({movie: stars}, [movie])
    assert "Which movie do you mean?" not in turn.reply


def test_a_verdict_on_a_sequel_the_catalog_lacks_says_so_and_records_nothing(service):
    turn = service.chat(BOB, "watched Alien 3 last night, loved it", channel="alien3")
    assert "I couldn't find “Alien 3” in my catalog" in turn.reply and "Which movie" not in turn.reply
    assert not turn.recorded and not service.profiles.has_watched(BOB, "alien-1979")
    turn = service.chat(BOB, "I gave Toy Story 4 a 4", channel="toy4")
    assert "I couldn't find “Toy Story 4” in my catalog" in turn.reply and "Which movie" not in turn.reply
    assert not turn.recorded and not service.profiles.has_watched(BOB, "toy-story-3-2010")


def test_the_stars_heard_are_the_stars_said_back(service):
    assert "Noted: 4 out of 5 for Toy Story 3 (2010)." in service.chat(BOB, "I gave Toy Story 3 a 4", channel="s").reply
    assert "Noted: 1.5 out of 5 for Heat (1995)." in service.chat(BOB, "I rated Heat 1.5", channel="s").reply
    # A verdict alone gives no stars to repeat, though it is stored as some
    assert "out of 5" not in service.chat(BOB, "Heat was great", channel="s").reply


def test_an_emoji_or_message_that_is_not_ours_means_nothing(service):
    [(message, _), *_] = posted(service)
    assert service.react("discord", message, ANA, "🍿", added=True) is None
    assert service.react("discord", "not-a-suggestion", ANA, "👍", added=True) is None
    assert service.react("slack", message, ANA, "👍", added=True) is None  # another platform's message


# -- the ledger's guarantees ---------------------------------------------------------------


def test_duplicate_deliveries_are_ignored_and_a_second_add_after_removal_counts(service):
    [(message, movie), *_] = posted(service)
    assert service.react("discord", message, ANA, "👍", added=True).recorded
    assert not service.react("discord", message, ANA, "👍", added=True).recorded
    assert service.react("discord", message, ANA, "👍", added=False).recorded
    assert not service.react("discord", message, ANA, "👍", added=False).recorded
    assert service.react("discord", message, ANA, "👍", added=True).recorded
    assert [e["added"] for e in service.profiles.feedback_events(ANA)] == [True, False, True]
    assert service.profiles.rating(ANA, movie) == LIKE_STARS


def test_a_removal_that_overtakes_its_add_still_ends_off(service, clock):
    [(message, movie), *_] = posted(service)
    assert service.react("discord", message, ANA, "4️⃣", added=False) is None
    late = service.react("discord", message, ANA, "4️⃣", added=True)
    assert late.recorded
    assert service.profiles.rating(ANA, movie) is None
    assert not service.profiles.has_watched(ANA, movie)
    clock.now += timedelta(hours=1)  # a new add, long after: on again
    service.react("discord", message, ANA, "4️⃣", added=True)
    assert service.profiles.rating(ANA, movie) == 4.0


def test_a_removal_of_a_reaction_made_while_offline_leaves_a_later_add_alone(service, clock):
    [(message, movie), *_] = posted(service)
    service.react("discord", message, ANA, "👍", added=False)
    clock.now += timedelta(minutes=10)
    service.react("discord", message, ANA, "👍", added=True)
    assert service.profiles.rating(ANA, movie) == LIKE_STARS


@pytest.mark.parametrize(("first", "last"), [("👍", "👍🏽"), ("👍🏽", "👍")])
def test_a_like_holds_while_either_of_ones_thumbs_is_on(service, first, last):
    """A toned and an untoned 👍 are two reactions on the platform, but were one here: 👍, 👍🏽, then
    removing the 👍 undid the like with the 👍🏽 still showing under the pick."""
    [(message, movie), *_] = posted(service)
    service.react("discord", message, ANA, first, added=True)
    service.react("discord", message, ANA, last, added=True)
    service.react("discord", message, ANA, first, added=False)
    assert service.profiles.rating(ANA, movie) == LIKE_STARS
    service.react("discord", message, ANA, last, added=False)
    assert service.profiles.rating(ANA, movie) is None


@pytest.mark.parametrize("thumb_down", ["👎", "👎🏽"])
def test_of_a_like_and_a_dislike_the_later_counts_and_removing_it_brings_back_the_other(service, thumb_down):
    """The rule for two opposite thumbs by one person, whatever their tones."""
    [(message, movie), *_] = posted(service)
    service.react("discord", message, ANA, "👍", added=True)
    service.react("discord", message, ANA, "👍🏾", added=True)
    service.react("discord", message, ANA, thumb_down, added=True)
    assert service.profiles.rating(ANA, movie) == DISLIKE_STARS
    service.react("discord", message, ANA, "👍", added=False)
    assert service.profiles.rating(ANA, movie) == DISLIKE_STARS
    service.react("discord", message, ANA, thumb_down, added=False)
    assert service.profiles.rating(ANA, movie) == LIKE_STARS  # the 👍🏾 is still on
    service.react("discord", message, ANA, "👍🏾", added=False)
    assert service.profiles.rating(ANA, movie) is None


@pytest.mark.parametrize("in_order", [False, True])
def test_a_toned_thumb_added_before_tones_were_told_apart_can_still_be_taken_back(service, in_order):
    """A 👍🏽 added before this store filed tones apart was filed as 👍: removing it afterwards looked
    only under the toned id, so the like stayed for good with no thumb showing under the pick."""
    [(message, movie), *_] = posted(service)
    service.react("discord", message, ANA, "👍", added=True)  # how a 👍🏽 was filed before m004
    with service.profiles.transaction() as conn:
        conn.execute("UPDATE store_facts SET value = (SELECT max(id) FROM feedback)")
    service.react("discord", message, ANA, "👍🏽", added=False, in_order=in_order)
    assert service.profiles.rating(ANA, movie) is None


def test_a_removal_of_a_thumb_never_seen_leaves_the_other_thumbs_like(service, clock):
    """A 👍🏽 put on and taken off while the bot was offline, or whose add is still on its way,
    says nothing about the 👍 that is on."""
    [(message, movie), *_] = posted(service)
    service.react("discord", message, ANA, "👍", added=True)
    service.react("discord", message, ANA, "👍🏽", added=False)
    assert service.profiles.rating(ANA, movie) == LIKE_STARS
    service.react("discord", message, ANA, "👍🏽", added=True)  # the overtaken add: undone at once
    assert service.profiles.rating(ANA, movie) == LIKE_STARS
    service.react("discord", message, ANA, "👍", added=False)
    assert service.profiles.rating(ANA, movie) is None


def test_ids_survive_a_restart(service, starter, state_path, clock):
    [(message, movie), *_] = posted(service)
    service.react("discord", message, ANA, "👍", added=True)
    with ProfileStore(state_path) as profiles:
        again = build_service(starter, profiles, clock=clock)
        assert not again.react("discord", message, ANA, "👍", added=True).recorded
        assert again.react("discord", message, ANA, "👍", added=False).recorded
    assert service.profiles.rating(ANA, movie) is None


def test_concurrent_deliveries_of_one_event_record_it_once(service, starter, state_path, clock):
    [(message, _), *_] = posted(service)
    stores = [ProfileStore(state_path) for _ in range(4)]
    services = [build_service(starter, store, clock=clock) for store in stores]  # as four processes would
    results = []
    threads = [threading.Thread(target=lambda s=s: results.append(s.react("discord", message, ANA, "👍", added=True)))
               for s in services]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert sorted(r.recorded for r in results) == [False, False, False, True]
    assert len(service.profiles.feedback_events(ANA)) == 1


def test_only_the_recipients_reactions_teach_the_ranker(service):
    [(message, _), (other, _), *_] = posted(service)
    service.react("discord", message, BOB, "👍", added=True)
    assert service.unsaved == 0
    service.react("discord", other, ANA, "5️⃣", added=True)
    assert service.unsaved == 1
    assert service.save_learning() == 1


def test_http_feedback_is_idempotent_by_event_id_and_stars_mark_watched(service):
    first = service.feedback("http:acme:ana", "se7en-1995", "stars", stars=4, event_id="e1")
    again = service.feedback("http:acme:ana", "se7en-1995", "stars", stars=4, event_id="e1")
    assert (first.recorded, again.recorded) == (True, False)
    assert service.profiles.has_watched("http:acme:ana", "se7en-1995")
    with pytest.raises(InvalidInput):
        service.feedback("http:acme:ana", "se7en-1995", "stars", stars=7, event_id="e2")
    # the same id for other feedback is a client's mistake, said so, not "Already noted for Alien"
    with pytest.raises(EventConflict, match=r"event_id 'e1' already recorded 4 stars for Se7en \(1995\)"):
        service.feedback("http:acme:ana", "heat-1995", "stars", stars=1, event_id="e1")
    assert "heat-1995" not in service.profiles.ratings("http:acme:ana")


def test_half_a_star_as_feedback_is_refused_in_words_not_a_500(service):
    """Before: POST /v1/feedback {"kind": "stars", "stars": 0.5} passed the API's 0.5-5 check, then the
    store's 'a stars reaction must be from 1 to 5' escaped as a 500 with a traceback in the log."""
    app = create_app(service, Settings(http=HttpSettings(rate_per_minute=0)))
    with TestClient(app) as client:
        half = {"user": "ana", "movie_id": "heat-1995", "kind": "stars", "stars": 0.5, "event_id": "e1"}
        refused = client.post("/v1/feedback", json=half)
        assert refused.status_code == 422 and refused.json()["error"] == "invalid_request", refused.text
        assert (
            "from 1 to 5" in refused.json()["message"] and "POST /v1/users/{user}/watched" in refused.json()["message"]
        )
        assert service.profiles.rating("http:local:ana", "heat-1995") is None
        rated = client.post("/v1/users/ana/watched", json={"movie": "heat-1995", "stars": 0.5})
        assert rated.status_code == 201 and service.profiles.rating("http:local:ana", "heat-1995") == 0.5


def test_a_suggestion_id_beyond_sqlites_integers_is_one_never_shown(service):
    """`"suggestion_id": 99999999999999999999999` over HTTP was an OverflowError, answered 500."""
    for suggestion_id in (10**23, 2**63, -(2**63) - 1):
        with pytest.raises(NotShown, match=f"You were never shown suggestion {suggestion_id}."):
            service.feedback("http:acme:ana", "heat-1995", "like", event_id="big", suggestion_id=suggestion_id)
    assert "heat-1995" not in service.profiles.ratings("http:acme:ana")


def test_feedback_may_name_only_a_suggestion_shown_to_that_user(service):
    turn = service.chat("http:acme:ana", "a crime thriller from the 90s", channel="c1", platform="http")
    pick = turn.recommendations[0]
    for user, suggestion_id in (("http:beta:ana", pick["suggestion_id"]), ("http:acme:ana", 10_000)):
        with pytest.raises(NotShown) as refused:  # another tenant's suggestion reads like a missing one
            service.feedback(user, pick["id"], "stars", stars=5, event_id="x", suggestion_id=suggestion_id)
        assert refused.value.suggestion_id == suggestion_id
        assert refused.value.message == f"You were never shown suggestion {suggestion_id}."
    assert not service.profiles.has_watched("http:beta:ana", pick["id"])
    assert service.unsaved == 0  # nothing was learned from the refused feedback
    mine = service.feedback("http:acme:ana", pick["id"], "stars", stars=5, event_id="y",
                            suggestion_id=pick["suggestion_id"])  # fmt: skip
    assert mine.recorded and service.profiles.has_watched("http:acme:ana", pick["id"])
    assert service.unsaved == 1
    other_film = turn.recommendations[1]["id"]
    with pytest.raises(InvalidInput, match="is not a suggestion of"):
        service.feedback("http:acme:ana", other_film, "like", event_id="z", suggestion_id=pick["suggestion_id"])


# -- titles, input ---------------------------------------------------------------------------


def _resolved_and_read_alike(service, typed: str, meant: str | None, message: str, *, channel: str):
    """`/rate TITLE` resolves `typed` to `meant` (or says it is unknown), and a chat message naming it
    records a like of that film and of nothing else (no like of a film never named)."""
    if meant is None:
        with pytest.raises(UnknownTitle):
            service.resolve(typed)
    else:
        assert service.resolve(typed).id == meant
    turn = service.chat(ANA, message, channel=channel, platform="cli")
    assert turn.recorded.get("likes", []) == ([meant] if meant else [])
    return turn


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("Prode and Prejudice", "pride-prejudice-2005"), ("Mama Mia", "mamma-mia-2008"),  # typos
     ("Sing", None), ("Here", None), ("Bird", None)],  # films the starter lacks: not The Sting, Her, The Birds
)  # fmt: skip
def test_chat_and_commands_take_the_same_typed_titles(service, typed, meant):
    """One cut-off: what `/rate TITLE` resolves, a chat message naming it reads, and nothing else."""
    _resolved_and_read_alike(service, typed, meant, f"I also really liked {typed}.", channel="titles")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("Frozen 2", None), ("Frozen II", None), ("Toy Story 4", None), ("Inside Out 3", None),  # sequels it lacks
     ("Ocean's Twelve", None), ("Godfather Part 3", None), ("Kill Bill Vol 3", None),
     ("Toy Story 2", "toy-story-2-1999"), ("Toy Story 1", "toy-story-1995"),  # numbers that agree
     ("Godfather Part 2", "the-godfather-part-ii-1974"), ("Dune Part 2", "dune-part-two-2024"),
     ("Ocean's 11", "ocean-s-eleven-2001"), ("Paddingtn 2", "paddington-2-2017"),
     ("Blade Runner 2049", "blade-runner-2049-2017"), ("2001: A Space Odyssey", "2001-a-space-odyssey-1968"),
     ("1917", "1917-2019"), ("Se7en", "se7en-1995"), ("Frozen", "frozen-2013"),  # numbers of the title itself
     ("Kill Bill Vol. 2", "kill-bill-vol-2-2004"), ("The Jungle Book", "the-jungle-book-1967")],  # "Vol." "Book"
)  # fmt: skip
def test_a_sequel_number_typed_must_be_the_films_in_chat_and_commands(service, typed, meant):
    """ "Frozen 2" is not Frozen: a command says the catalog lacks it, and so does a chat message,
    which does not take it for a like of Frozen; a number that is part of the title is no sequel's."""
    turn = _resolved_and_read_alike(service, typed, meant, f"I also really liked {typed}", channel="sequels")
    if meant is None:
        assert f"I couldn't find “{typed}” in my catalog" in turn.reply


def test_a_missing_sequel_is_answered_with_the_films_of_its_series(service):
    with pytest.raises(UnknownTitle) as unknown:
        service.resolve("Toy Story 4")
    assert {"Toy Story (1995)", "Toy Story 2 (1999)", "Toy Story 3 (2010)"} <= set(unknown.value.suggestions)


def test_resolve_says_what_to_type_instead(catalog, tmp_path):
    with ProfileStore(tmp_path / "s.sqlite") as profiles:
        service = build_service(catalog, profiles)
        assert service.resolve("heat-1986").year == 1986
        assert service.resolve("Heat (1986)").id == "heat-1986"
        with pytest.raises(AmbiguousTitle) as ambiguous:
            service.resolve("Heat")
        assert {c.movie_id for c in ambiguous.value.choices} == {"heat-1995", "heat-1986"}
        with pytest.raises(UnknownTitle) as unknown:
            service.resolve("The Dark")
        assert "The Dark Knight (2008)" in unknown.value.message


@pytest.mark.parametrize("stars", [0, 5.5, 3.25, "many", None, "nan", float("nan")])
def test_bad_stars_and_user_keys_are_refused_with_a_message(service, stars):
    with pytest.raises(InvalidInput, match=r"stars must be a number from 0\.5 to 5 in steps of 0\.5"):
        service.rate(ANA, "Heat", stars)
    with pytest.raises(InvalidInput):
        service.rate("ana", "Heat", 4)
    assert service.profiles.ratings(ANA) == {}


# -- profile, group, import, export, forget -----------------------------------------------------


def test_profile_counts_and_chart(service):
    empty = service.profile(ANA)
    assert empty.is_empty and empty.rated == 0
    service.rate(ANA, "Heat 1995", 5)
    service.rate(ANA, "Se7en", 4.5)
    service.dismiss(ANA, "The Matrix")
    summary = service.profile(ANA)
    assert (summary.rated, summary.watched, summary.dismissed, summary.is_empty) == (2, 2, 1, False)
    assert summary.top_genres[0][0] == "crime"
    assert set(summary.recent_watched) == {"Heat (1995)", "Se7en (1995)"}
    assert service.profile_chart(ANA, "Ana") == b"PNG Ana"


def test_profile_lists_no_undated_film_as_recently_watched(service):
    """ "Recently watched" listed films of unknown date (undated import rows) as recent."""
    service.rate(ANA, "Heat 1995", 5)
    service.profiles.add_watched(ANA, "alien-1979")
    service.profiles.conn.execute("UPDATE watched SET watched_at = NULL WHERE movie_id = 'alien-1979'")
    summary = service.profile(ANA)
    assert summary.watched == 2
    assert summary.recent_watched == ["Heat (1995)"]


def test_group_pick_leaves_out_what_anyone_watched(service):
    service.rate(ANA, "Heat 1995", 5)
    service.watched_add(BOB, "Se7en")
    turn = service.group_pick([ANA, BOB], "a crime thriller", count=3)
    ids = [r["id"] for r in turn.recommendations]
    assert ids and not {"heat-1995", "se7en-1995"} & set(ids)
    assert set(turn.recommendations[0]["per_person"]) == {ANA, BOB}
    with pytest.raises(InvalidInput):
        service.group_pick([ANA])


def test_a_group_pick_with_someone_who_has_no_ratings_says_whose_taste_chose_it(service):
    """A movie night with someone never seen before (a new member, a name typed wrong) said only
    "no ratings from you yet" for them, leaving it unsaid that the pick followed the others alone."""
    service.rate(ANA, "Heat 1995", 5)
    service.rate(ANA, "Se7en", 4)
    service.register("cli", "newbie")
    turn = service.group_pick([ANA, "cli:newbie"])
    assert turn.reply.splitlines()[1] == "newbie has no ratings yet, so only discord:1's ratings count."
    assert turn.recommendations[0]["per_person"]["cli:newbie"].startswith(
        "no ratings from you yet, so your taste played no part"
    )
    turn = service.group_pick([ANA, "cli:nobody"])
    assert "cli:nobody" not in turn.recommendations[0]["per_person"]  # never met: no reason addressed to them
    both_new = service.group_pick(["cli:new", "cli:nobody"], "a comedy")
    assert (
        "None of you has rated a film yet, so the pick goes by the films' own ratings and what you asked for."
    ) in both_new.reply.splitlines()
    service.register("discord", "2")
    assert service.group_pick([ANA, BOB]).reply.splitlines()[1] == (
        "discord:2 has no ratings yet, so only discord:1's ratings count."
    )


def test_a_group_pick_names_the_people_the_bot_does_not_know_and_creates_none(service):
    """A name typed wrong ("cli:nobody") was registered by the pick and taken for a member with no
    ratings yet; now nobody is created and the reply says which people it does not know."""
    service.rate(ANA, "Heat 1995", 5)
    service.register("discord", "2", "Bob")
    turn = service.group_pick([ANA, BOB, "cli:nobody", "cli:nobdy"], "a crime film")
    assert turn.reply.splitlines()[1:3] == [
        "I don't know nobody or nobdy: no one by those names has talked to me or rated a film here "
        "(check the spelling).",
        "Bob has no ratings yet, so only discord:1's ratings and what you asked for count.",
    ]
    assert service.profiles.known_users([ANA, BOB, "cli:nobody", "cli:nobdy"]) == {ANA, BOB}
    assert "I don't know" not in service.group_pick([ANA, BOB]).reply


def test_a_name_the_bot_does_not_know_is_told_once_not_as_a_member_yet_to_rate(service):
    """`movienight --with ghost` (a typo) said both "cli:ghost has no ratings yet, so only ..." and
    "I don't know cli:ghost": the same name twice, the first as if ghost were a member yet to rate."""
    service.rate(ANA, "Heat 1995", 5)
    service.rate(BOB, "Se7en", 4)
    lines = service.group_pick([ANA, BOB, "cli:ghost"]).reply.splitlines()
    assert lines[1:3] == [
        "I don't know ghost: no one by that name has talked to me or rated a film here (check the spelling).",
        "So only the ratings of discord:1 and discord:2 count.",
    ]
    assert sum("ghost" in line for line in lines) == 1  # nor a line under the pick addressed to them


def test_a_group_pick_posted_in_a_chat_is_a_suggestion_anyone_can_react_to(service):
    """Movie-night picks on Slack and Discord were stored as no suggestion, so reactions on them did
    nothing; a pick from a chat front end is now the caller's suggestion, held back from nothing."""
    service.rate(ANA, "Heat 1995", 5)
    service.rate(BOB, "Se7en", 4)
    turn = service.group_pick([ANA, BOB], "a crime film", platform="discord", channel="9")
    [pick] = turn.recommendations
    service.attach_message(pick["suggestion_id"], 77)
    outcome = service.react("discord", 77, BOB, "👍", added=True)
    assert outcome is not None and outcome.recorded and service.profiles.rating(BOB, pick["id"]) is not None
    assert pick["id"] not in service.profiles.recently_shown(ANA)
    assert "suggestion_id" not in service.group_pick([ANA, BOB], "a crime film").recommendations[0]


def test_a_group_pick_like_a_named_film_follows_that_film(service):
    """ "Movie night, something like Heat" answered The Lord of the Rings: The Return of the King and
    Avengers: Infinity War, each "Rated 9.0", with no word of Heat: the film named was only left out."""
    for asked, named in (("something like Heat", "Heat"), ("a film like Alien", "Alien")):
        turn = service.group_pick([ANA, BOB], asked, count=3)
        picks = turn.recommendations
        assert len(picks) == 3 and all(f"like {named};" in pick["explanation"] for pick in picks), turn.reply
    titles = [pick["title"] for pick in service.group_pick([ANA, BOB], "something like Heat", count=3).recommendations]
    assert not {"The Lord of the Rings: The Return of the King", "Avengers: Infinity War"} & set(titles), titles


def test_watched_remove_says_what_it_took_away(service):
    """A film only rated (a 👍 stores stars, not watched) was "taken off your watched list"."""
    service.profiles.rate(ANA, "heat-1995", 4.5, source="feedback")
    removed = service.watched_remove(ANA, "Heat 1995")
    assert removed and not removed.was_listed
    assert removed.message == (
        "Heat (1995) wasn't on your watched list, but you had rated it: I dropped your 4.5/5 rating, "
        "so I may suggest it again."
    )
    assert service.profiles.rating(ANA, "heat-1995") is None
    service.watched_add(ANA, "Se7en", 4)
    assert service.watched_remove(ANA, "Se7en").message == (
        "Took Se7en (1995) off your watched list and dropped your 4/5 rating."
    )
    nothing = service.watched_remove(ANA, "Se7en")
    assert not nothing and nothing.message == "Se7en (1995) wasn't on your watched list."


def test_a_thumbs_up_on_the_watched_list_is_shown_as_a_thumbs_up(service):
    """After a 👍 on Heat, `watched add Heat` said "you rated it 4.5/5", the list showed 4.5/5 and
    `watched remove` "dropped your 4.5/5 rating": stars the user never gave."""
    service.feedback(ANA, "heat-1995", "like", event_id="w1")
    added = service.watched_add(ANA, "Heat 1995")
    assert (added.message, added.given) == ("Marked Heat (1995) as watched; you gave it a thumbs up.", "👍")
    service.rate(ANA, "Se7en", 4.5)
    assert {(item.label, item.given) for item in service.watched_list(ANA)} == {
        ("Se7en (1995)", "4.5/5"), ("Heat (1995)", "👍"),
    }  # fmt: skip
    removed = service.watched_remove(ANA, "Heat 1995")
    assert removed.message == "Took Heat (1995) off your watched list and dropped your 👍."
    assert service.watched_remove(ANA, "Se7en").message == (
        "Took Se7en (1995) off your watched list and dropped your 4.5/5 rating."
    )


def test_over_http_removing_a_watched_film_leaves_a_film_only_liked_alone(service):
    """DELETE /v1/users/ana/watched/heat-1995 on a film only liked answered 204 and dropped the like."""
    app = create_app(service, Settings(http=HttpSettings(rate_per_minute=0)))
    with TestClient(app) as client:
        like = {"user": "ana", "movie_id": "heat-1995", "kind": "like", "event_id": "e1"}
        assert client.post("/v1/feedback", json=like).status_code == 200
        liked_only = client.delete("/v1/users/ana/watched/heat-1995")
        assert liked_only.status_code == 404 and liked_only.json()["error"] == "not_found"
        assert service.profiles.rating("http:local:ana", "heat-1995") == LIKE_STARS
        rated = {"user": "ana", "movie_id": "se7en-1995", "kind": "stars", "stars": 4, "event_id": "e2"}
        client.post("/v1/feedback", json=rated)  # stars mark it watched: on the list, with its stars
        assert [(w["movie_id"], w["stars"]) for w in client.get("/v1/users/ana/watched").json()] == [("se7en-1995", 4)]
        assert client.delete("/v1/users/ana/watched/se7en-1995").status_code == 204  # the mark and its stars
        assert client.get("/v1/users/ana/watched").json() == []
        assert service.profiles.ratings("http:local:ana") == {"heat-1995": LIKE_STARS}
        client.post("/v1/chat", json={"user": "ana", "text": "a heist film"})
        export = client.get("/v1/users/ana/export").json()  # the real service's rows fit the documented parts
        assert [r["movie_id"] for r in export["ratings"]] == ["heat-1995"] and export["feedback"]
        assert export["conversations"][0]["channel"] == "local:default" and export["conversations"][0]["messages"]


def test_group_pick_claims_a_taste_only_on_enough_liked_films(service):
    """One liked film was "you rate comedy films highly" in a movie night's reasons."""
    service.rate(ANA, "Heat 1995", 5)
    service.rate(BOB, "Se7en", 5)
    turn = service.group_pick([ANA, BOB], "a crime thriller", count=3)
    said = [reason for rec in turn.recommendations for reason in rec["per_person"].values()]
    assert said and not any("highly" in reason for reason in said), said
    for title in ["The Godfather", "Goodfellas", "The Departed"]:
        service.rate(ANA, title, 5)
    turn = service.group_pick([ANA, BOB], "a crime thriller", count=3)
    assert any("you tend to rate crime films highly" in rec["per_person"][ANA] for rec in turn.recommendations)


def test_group_pick_says_what_it_could_not_do_and_names_a_clash(service):
    """Gibberish got a made-up movie night; "a western by Kubrick" said everything fitting was seen; a
    member who hated a horror film was told The Cell (horror) suits their taste for dramas."""
    assert service.group_pick([ANA, BOB], "asdkjh qwe zxcvb").reply.startswith("Sorry, I didn't catch that.")
    none = service.group_pick([ANA, BOB], "a western by Kubrick")
    assert none.reply == "No film in my catalog fits that request, seen or not. Try a broader one."
    service.rate(BOB, "The Shining", 1)
    turn = service.group_pick([ANA, BOB], "a horror film", count=3)
    assert turn.reply.startswith("Movie night for 2: none of you has marked these as seen.")
    assert all(rec["per_person"][BOB].endswith("film, not a genre you rate highly")
               for rec in turn.recommendations)  # fmt: skip
    # the whole channel reads a movie night: no member's films or stars are named in it
    assert "The Shining" not in turn.reply and "/5" not in turn.reply
    service.rate(ANA, "Toy Story", 5)
    family = service.group_pick([ANA, BOB], "an animated film", count=3)
    assert "Toy Story (" not in family.reply and "/5" not in family.reply and "5/5" not in str(family.recommendations)
    service.rate(BOB, "Amélie", 5)  # one liked comedy: "since you liked Amélie" named it to everyone
    comedy = service.group_pick([ANA, BOB], "a comedy", count=2)
    assert "Amélie" not in comedy.reply and "like a film you liked" in comedy.reply, comedy.reply


def test_a_reply_to_a_picks_message_is_about_that_pick(service):
    """Replying to pick #3 with "more like this one" gave generic picks; "seen this one, loved it" asked which one."""
    (_, first), _, (third_key, third) = posted(service)
    label = service.catalog.movies[third].label
    assert service.about_pick("discord", third_key, "more like this one") == f"more like {label}"
    assert service.about_pick("discord", third_key, "why?") == f"why {label}?"
    assert service.about_pick("discord", "nope", "more like this one") == "more like this one"
    assert service.about_pick("discord", third_key, "it's great") == f"{label} is great"  # not "Heat (1995)'s great"
    # a verdict said of the pick, or a thumb alone, is about it: "Which one do you mean?" answered them
    assert service.about_pick("discord", third_key, "it was great") == f"{label} was great"
    assert service.about_pick("discord", third_key, "this is great") == f"{label} is great"
    assert service.about_pick("discord", third_key, "👍") == f"I liked {label}"
    assert service.about_pick("discord", third_key, "👎🏽") == f"I did not like {label}"
    for said, intent in (("it was great", "liked"), ("👍", "liked"), ("this is boring", "disliked")):
        turn = service.chat(ANA, service.about_pick("discord", third_key, said), channel="c1", platform="discord")
        assert turn.intent == intent and turn.recommendations == [], (said, turn.reply)
    said = service.chat(ANA, service.about_pick("discord", third_key, "seen this one, loved it"), channel="c1",
                        platform="discord")  # fmt: skip
    assert label in said.reply and service.profiles.rating(ANA, third) == 5.0
    assert service.profiles.rating(ANA, first) is None


def test_a_follow_up_by_someone_else_goes_on_from_their_request_with_the_followers_own_taste(service):
    """Bob's "more but funnier" under Ana's "a heist movie from the 2000s" (a Slack thread) began an
    empty conversation of his own: he got funny films of any kind and era."""
    seen = {"pineapple-express-2008", "super-troopers-2001", "white-chicks-2004"}
    for movie in seen:
        service.watched_add(BOB, movie)
    ana = service.chat(ANA, "a heist movie from the 2000s", channel="thread")
    assert service.last_answered("discord", "thread") == ANA
    bob = service.chat(BOB, "more but funnier", channel="thread", following=ANA)
    films = [service.catalog.movies[p["id"]] for p in bob.recommendations]
    assert films and all(2000 <= m.year <= 2009 and "crime" in m.genres for m in films), [m.label for m in films]
    assert not {m.id for m in films} & seen  # Bob's watched list, not Ana's, rules films out
    assert not {m.id for m in films} & {p["id"] for p in ana.recommendations}  # on screen above already
    assert service.last_answered("discord", "thread") == BOB
    again = service.chat(ANA, "why the second one?", channel="thread")  # Ana's conversation is still her own
    assert again.reply.startswith(service.catalog.movies[ana.recommendations[1]["id"]].label)


def test_a_movie_night_pick_in_a_thread_is_no_ones_conversation_there(service):
    """/movienight in a thread stored the pick as the caller's suggestion under the thread, so the
    thread's next message went on from the caller's conversation: a group pick is nobody's."""
    service.chat(ANA, "a heist movie from the 2000s", channel="thread")
    service.group_pick([BOB, ANA], "a comedy", platform="discord", channel="thread")
    assert service.last_answered("discord", "thread") == ANA
    service.group_pick([BOB, ANA], "a comedy", platform="discord", channel="other")
    assert service.last_answered("discord", "other") is None


def test_the_refit_counts_only_the_rewards_it_learned_from(service, clock):
    """The log said "refitted the re-ranker from 6 rewards" when 3 were movie-night picks it skips."""
    turn = service.chat(ANA, "a crime thriller from the 90s", channel="c1", platform="discord")
    night = service.group_pick([ANA, BOB], "a comedy", count=3, platform="discord", channel="c2")
    clock.now = datetime.now(UTC) + timedelta(minutes=1)  # rated after every pick was shown
    for pick in [*turn.recommendations, *night.recommendations]:
        service.rate(ANA, pick["id"], 4)
    assert len(service.profiles.rewards()) == 6
    assert service.ranker.learn_from_store() == 3


def test_rating_a_film_on_the_watched_list_keeps_the_day_it_was_seen(service):
    """Before: `rate Alien 1979 5` after importing Alien as watched on 2024-01-01 listed it as watched
    today, and an undated import as watched today too: the imported day was lost."""
    service.profiles.add_watched(ANA, "heat-1995", source="import:letterboxd", at="2024-01-01T00:00:00+00:00")
    service.profiles.add_watched(ANA, "alien-1979", source="import:letterboxd", at="2024-01-01T00:00:00+00:00")
    service.profiles.conn.execute("UPDATE watched SET watched_at = NULL WHERE movie_id = 'alien-1979'")
    service.rate(ANA, "heat-1995", 5)
    service.watched_add(ANA, "alien-1979", 4)
    service.rate(ANA, "se7en-1995", 3)  # not listed before: seen by now
    days = {item.movie_id: item.at and item.at[:10] for item in service.watched_list(ANA)}
    assert days == {"heat-1995": "2024-01-01", "alien-1979": None, "se7en-1995": "2026-06-01"}


def test_reactions_to_a_movie_night_pick_are_ratings_and_teach_the_re_ranker_nothing(service):
    """Kept, and said in the README: a movie-night pick's features are not a one-person pick's (a
    mixed query, no collaborative signal), so the group's reactions rate the film for each of them
    and leave the re-ranker as it was."""
    [pick] = service.group_pick([ANA, BOB], "a comedy", platform="discord", channel="c2").recommendations
    service.attach_message(pick["suggestion_id"], "m1")
    for who, emoji in ((ANA, "👍"), (BOB, "👎")):
        outcome = service.react("discord", "m1", who, emoji, added=True)
        assert outcome is not None and outcome.recorded
    assert service.profiles.reactions(ANA) == {pick["id"]: "like"}
    assert service.profiles.reactions(BOB) == {pick["id"]: "dislike"}
    assert service.ranker.shared.n == 0 and service.unsaved == 0


def test_a_follower_points_at_the_picks_on_screen_and_hears_no_one_elses_taste(service):
    for movie, stars in (("heat-1995", 5), ("the-departed-2006", 5), ("inception-2010", 4.5)):
        service.rate(ANA, movie, stars)
    ana = service.chat(ANA, "a crime thriller like Heat", channel="thread")
    assert "which you loved (5/5)" in ana.reply  # Ana's picks are explained by her taste
    why = service.chat(BOB, "why the second one?", channel="thread", following=ANA)
    assert why.reply.startswith(service.catalog.movies[ana.recommendations[1]["id"]].label), why.reply
    for claim in ("which you", "/5", "you asked", "you named"):  # Bob rated nothing, asked for nothing
        assert claim not in why.reply, why.reply
    alone = service.chat(BOB, "why the second one?", channel="elsewhere", following=ANA)
    assert "haven't suggested" in alone.reply  # only the conversation of that channel is followed


def test_a_follow_up_sent_while_the_followed_turn_runs_waits_for_it_and_shows_other_films(service):
    """Ana's and Bob's "more" at the same moment in a thread: Bob's turn copied Ana's conversation
    while hers was running, and both were shown the same films."""
    first = service.chat(ANA, "a crime thriller from the 90s", channel="thread")
    graph = service.recommender.graph
    real_invoke = graph.invoke
    bob_running = threading.Event()

    def invoke(inputs, config, **kwargs):
        if inputs["user"] == BOB:
            bob_running.set()
        else:
            bob_running.wait(timeout=1)  # Bob's turn, sent meanwhile, starts now unless it waits
        return real_invoke(inputs, config, **kwargs)

    graph.invoke = invoke
    turns = {}
    ana = threading.Thread(target=lambda: turns.update(ana=service.chat(ANA, "more", channel="thread")))
    ana.start()
    while not any(lock.locked() for lock in service.recommender._turns):
        pass  # until Ana's turn holds her conversation
    turns["bob"] = service.chat(BOB, "more", channel="thread", following=ANA)
    ana.join()
    ana_ids, bob_ids = ({p["id"] for p in turns[who].recommendations} for who in ("ana", "bob"))
    assert len(ana_ids) == len(bob_ids) == 3
    assert not ana_ids & bob_ids and not (ana_ids | bob_ids) & {p["id"] for p in first.recommendations}


def test_import_detects_the_format_and_refuses_unreadable_files(service, tmp_path):
    export = tmp_path / "ratings.csv"
    export.write_text("Date,Name,Year,Letterboxd URI,Rating\n2024-01-02,Heat,1995,https://boxd.it/x,4.5\n")
    report = service.import_history(ANA, export)
    assert (report.rated, report.watched) == (1, 1)
    assert service.profiles.rating(ANA, "heat-1995") == 4.5
    with pytest.raises(ServiceError, match="Nothing was imported"):
        service.import_history(ANA, tmp_path / "missing.csv", "imdb")


def test_an_export_imports_back_after_forgetting(service, tmp_path):
    """'user export' had no way back: `import --format moviebot` takes its ratings and watched films."""
    service.rate(ANA, "Heat 1995", 4.5)
    service.watched_add(ANA, "Alien 1979")
    service.dismiss(ANA, "Titanic")  # never to be suggested: that survives the round trip too
    before = ({w.movie_id for w in service.watched_list(ANA)}, service.profiles.ratings(ANA))
    export = tmp_path / "ana.json"
    export.write_text(json.dumps(service.export(ANA)), encoding="utf-8")
    service.forget(ANA)
    report = service.import_history(ANA, export)  # the format is told from the file
    assert (report.watched, report.rated, report.matched_by["id"]) == (2, 1, 4)  # 2 watched, 1 rated, 1 dismissed
    assert ({w.movie_id for w in service.watched_list(ANA)}, service.profiles.ratings(ANA)) == before
    assert service.profiles.dismissed(ANA) == {"titanic-1997"} and report.dismissed == 1
    (tmp_path / "other.json").write_text('{"ratings": "none"}', encoding="utf-8")
    with pytest.raises(ServiceError, match="not a moviebot export"):
        service.import_history(ANA, tmp_path / "other.json")


def test_one_users_export_and_forget_never_reach_a_user_whose_name_extends_theirs(service):
    """Threads are "user@channel": exporting "ana" returned the messages of "ana@x.com"."""
    ana, other = "http:acme:ana", "http:acme:ana@x.com"
    service.chat(ana, "a western", channel="c1")
    service.chat(other, "my address is 12 Elm Street, a comedy please", channel="c1")
    mine = service.export(ana)["conversations"]
    assert [c["channel"] for c in mine] == ["c1"] and "Elm Street" not in json.dumps(mine)
    service.forget(ana)
    assert "Elm Street" in json.dumps(service.export(other)["conversations"])


def test_forget_drops_everything_and_the_conversation(service):
    service.chat(ANA, "a crime thriller from the 90s", channel="c1")
    service.rate(ANA, "Heat 1995", 4)
    exported = service.export(ANA)
    assert exported["ratings"]
    # what the conversation remembers is stored about them too, so it is exported
    (conversation,) = exported["conversations"]
    assert conversation["channel"] == "c1"
    assert {"role": "user", "text": "a crime thriller from the 90s"} in conversation["messages"]
    counts = service.forget(ANA)
    assert counts["ratings"] == 1 and counts["suggestions"] >= 1
    assert service.export(ANA)["ratings"] == [] and service.export(ANA)["conversations"] == []
    assert service.recommender._threads_of(ANA) == []


def test_a_like_said_in_chat_is_on_the_watched_list_as_said(service):
    """After "I liked Heat" in chat, `watched add Heat` said "you rated it 4/5", the watched list
    showed "Heat (1995) · 4/5" and `watched remove` "dropped your 4/5 rating": stars never given."""
    service.chat(ANA, "I liked Heat")
    added = service.watched_add(ANA, "Heat 1995")
    assert added.message.startswith("Heat (1995) was already on your watched list, since ")  # the chat's day
    assert (added.message.endswith("; you said you liked it."), added.given) == (True, "“liked”")
    assert [(item.label, item.given, item.reaction) for item in service.watched_list(ANA)] == [
        ("Heat (1995)", "“liked”", "liked"),
    ]
    assert service.watched_remove(ANA, "Heat 1995").message == (
        "Took Heat (1995) off your watched list and dropped your “liked”."
    )


def test_a_thumbs_up_or_down_is_said_as_what_it_was_never_as_stars(service):
    """A 👍 is stored as 4.5 stars for ranking, and every reply read it back as a rating never given:
    "like Heat, which you liked (4.5/5)", "Liked: Heat (1995) (4.5/5)"."""
    user = "http:acme:ana"
    service.feedback(user, "heat-1995", "like", event_id="t1")
    picks = service.recommend(user, filters={"like_titles": ["Heat 1995"]}, k=2)
    assert "like Heat, which you liked 👍" in picks.reply and "/5" not in picks.reply
    assert service.profile(user).summary.startswith("Liked: Heat (1995) 👍")
    service.feedback(user, "heat-1995", "dislike", event_id="t2")
    disliked = service.recommend(user, filters={"like_titles": ["Heat 1995"]}, k=2)
    assert "like Heat, which you gave a thumbs down 👎" in disliked.reply and "/5" not in disliked.reply
    service.rate(user, "Se7en", 4.5)  # stars typed stay stars
    assert "Liked: Se7en (1995) (4.5/5)" in service.profile(user).summary


def test_structured_recommend_honours_filters(service):
    turn = service.recommend("http:acme:ana", text="something tense", filters={"genres": ["horror"]}, k=3)
    assert len(turn.recommendations) == 3
    assert all("horror" in r["genres"] for r in turn.recommendations)
    assert turn.understood["genres"] == ["horror"]
    with pytest.raises(InvalidInput, match="unknown filter"):
        service.recommend("http:acme:ana", filters={"colour": "blue"})
    themed = service.recommend("http:acme:ana", filters={"exclude_keywords": "Superhero"}, k=50)
    assert themed.understood["exclude_keywords"] == ["superhero"]
    heroes = {m.id for m in service.catalog.movies.values() if "superhero" in m.keywords}
    assert "the-dark-knight-2008" in heroes and len(themed.recommendations) == 50
    assert not heroes & {r["id"] for r in themed.recommendations}
    required = service.recommend("http:acme:ana", filters={"require_keywords": ["superhero"]}, k=5)
    assert required.understood["require_keywords"] == ["superhero"] and len(required.recommendations) == 5
    themed_ids = {m.id for m in service.catalog.movies.values() if has_tag(m.keywords, "superhero")}
    picks = required.recommendations
    assert {r["id"] for r in picks} <= themed_ids and not any(r["relaxed"] for r in picks)


SPORTS_FILM = {"id": "moneyball-2011", "title": "Moneyball", "year": 2011, "genres": ["drama"],
               "keywords": ["baseball", "sport"], "rating": 7.6, "votes": 400000, "language": "en",
               "overview": "A baseball club's general manager builds a team on statistics."}  # fmt: skip


def test_a_structured_genre_no_film_carries_is_looked_for_as_its_tag(tmp_path, state_path, clock):
    """`"genres": ["Sport"]` over HTTP, where the catalog labels no film "sport", loosened the
    genres and answered Se7en and Heat; chat's "a sports movie" went by the tag, as now this does."""
    from store.build import ingest
    from store.catalog import Catalog
    from store.home import DataDir
    from tests.conftest import SAMPLE_MOVIES, write_jsonl
    from tests.fakes import HashingEmbedder

    home = DataDir(tmp_path / "home").ensure()
    ingest(home, HashingEmbedder(), [("jsonl", [write_jsonl(tmp_path / "m.jsonl", [*SAMPLE_MOVIES, SPORTS_FILM])])])
    catalog, profiles = Catalog(home.current_catalog(), HashingEmbedder()), ProfileStore(state_path)
    service = build_service(catalog, profiles, clock=clock)
    try:
        turn = service.recommend("http:acme:sp", filters={"genres": ["Sport"]}, k=3)
        assert [r["title"] for r in turn.recommendations] == ["Moneyball"]
        assert turn.understood["genres"] == [] and turn.understood["require_keywords"] == ["sport"]
        assert turn.reply.startswith('My catalog has no "sport" genre, so I went by the tag instead.')
        assert "loosened" not in turn.reply
    finally:
        service.close()
        profiles.close()
        catalog.close()


def test_a_chat_turns_understood_sent_back_as_filters_is_the_same_request(service):
    """Its exclude_years and count were refused as unknown filters, so a chat answer could not be refined."""
    said = service.chat("http:acme:bo", "a crime thriller from the 90s, not from 1994, give me 5").understood
    assert said["exclude_years"] == [[1994, 1994]] and said["count"] == 5
    turn = service.recommend("http:acme:bo", filters={k: v for k, v in said.items() if v not in (None, [])})
    assert len(turn.recommendations) == 5 and turn.understood["exclude_years"] == [[1994, 1994]]
    assert all(1990 <= r["year"] <= 1999 and r["year"] != 1994 for r in turn.recommendations)
    with pytest.raises(InvalidInput, match="exclude_years: 1999 comes after 1990"):
        service.recommend("http:acme:bo", filters={"exclude_years": [[1999, 1990]]})


def test_structured_filters_take_everyday_names_and_refuse_unknown_ones(service):
    """ "languages": ["French"] was a silent "nothing matched" and English picks."""
    turn = service.recommend(
        "http:acme:ana", filters={"languages": ["French"], "countries": "France", "genres": ["Sci-Fi"]}, k=2
    )
    assert turn.understood["languages"] == ["fr"] and turn.understood["countries"] == ["FR"]
    assert turn.understood["genres"] == ["sci-fi"]
    korean = service.recommend("http:acme:ana", filters={"countries": ["South Korea"]}, k=2)
    films = [service.catalog.movies[r["id"]] for r in korean.recommendations]
    assert films and all(m.country == "KR" for m in films) and not any(r["relaxed"] for r in korean.recommendations)
    by = service.recommend("http:acme:ana", filters={"people": ["kubrick"]}, k=2)
    assert by.understood["people"] == ["Stanley Kubrick"] and not any(r["relaxed"] for r in by.recommendations)
    for filters, says in [
        ({"languages": ["klingon"]}, "'klingon' is not a language moviebot knows"),
        ({"countries": ["Atlantis"]}, "'Atlantis' is not a country moviebot knows"),
        ({"genres": ["romcom"]}, "'romcom' is not a genre moviebot knows"),
        ({"people": ["Nobody Atall"]}, "no one called 'Nobody Atall'"),
        ({"year_min": 2000, "year_max": 1990}, "no film could fit these filters: year_min 2000 is more than"),
        ({"min_runtime": 200, "max_runtime": 100}, "min_runtime 200 is more than max_runtime 100"),
        ({"genres": ["comedy"], "exclude_genres": ["Comedy"]}, "'comedy' is both in genres and in exclude_genres"),
        ({"people": ["Tom Hanks"], "exclude_people": ["tom hanks"]}, "'Tom Hanks' is both in people"),
    ]:
        with pytest.raises(InvalidInput, match=says):
            service.recommend("http:acme:ana", filters=filters)


@pytest.mark.parametrize(
    ("filters", "says"),
    [
        ({"year_min": 1990, "year_max": 1999, "exclude_years": [[1990, 1999]]},
         "every year from 1990 to 1999 is in exclude_years"),
        ({"year_min": 1990, "year_max": 1999, "exclude_years": [[1995, 2001], [1985, 1994]]},
         "every year from 1990 to 1999 is in exclude_years"),
        ({"exclude_keywords": ["zombies"], "require_keywords": ["zombie"]},
         "'zombie' is in require_keywords and 'zombies' in exclude_keywords"),
        ({"exclude_keywords": ["Zombie"], "require_keywords": ["zombie apocalypse"]},
         "'zombie apocalypse' is in require_keywords and 'zombie' in exclude_keywords"),
    ],
)  # fmt: skip
def test_filters_no_film_could_meet_are_refused_not_loosened(service, filters, says):
    """Years 1990-1999 with all of them excluded answered films from 1972-85 ("loosened the years"), and a
    theme both required and refused answered Inception."""
    with pytest.raises(InvalidInput, match=f"no film could fit these filters: .*{says}"):
        service.recommend("http:acme:ana", filters=filters)


def test_alternatives_refused_or_already_required_are_read_as_chat_reads_them(service):
    """{"any_people": ["Tom Hanks"], "exclude_people": ["Tom Hanks"]} answered Inception "Without Tom Hanks,
    whom you asked for"; with Meg Ryan beside him it said "with Tom Hanks or Meg Ryan, nothing with Tom
    Hanks"; with "people": ["Tom Hanks"] too, "with Tom Hanks and Tom Hanks or Meg Ryan" and "Starring Tom
    Hanks, starring Tom Hanks"."""
    for filters, says in [
        ({"any_people": ["Tom Hanks"], "exclude_people": ["tom hanks"]},
         "every one of any_people \\('Tom Hanks'\\) is in exclude_people"),
        ({"any_genres": ["comedy", "horror"], "exclude_genres": ["Comedy", "horror"]},
         "every one of any_genres \\('comedy', 'horror'\\) is in exclude_genres"),
    ]:  # fmt: skip
        with pytest.raises(InvalidInput, match=f"no film could fit these filters: {says}"):
            service.recommend("http:acme:ana", filters=filters)
    meg = service.recommend("http:acme:ana", filters={"any_people": ["Tom Hanks", "Meg Ryan"],
                                                      "exclude_people": ["Tom Hanks"]}, k=2)  # fmt: skip
    assert meg.understood["any_people"] == ["Meg Ryan"] and "Tom Hanks or" not in meg.reply
    assert meg.recommendations and all("Meg Ryan" in r["cast"] and "Tom Hanks" not in r["cast"]
                                       for r in meg.recommendations)  # fmt: skip
    hanks = service.recommend("http:acme:ana", filters={"people": ["Tom Hanks"],
                                                        "any_people": ["Tom Hanks", "Meg Ryan"]}, k=2)  # fmt: skip
    assert hanks.understood["any_people"] == [] and "with Tom Hanks." in hanks.reply
    assert "starring Tom Hanks, starring" not in hanks.reply.casefold()


def test_filters_that_leave_room_are_still_answered(service):
    gap = service.recommend("http:acme:ana", filters={"year_min": 1990, "year_max": 1999,
                                                      "exclude_years": [[1990, 1994], [1996, 1999]]}, k=1)  # fmt: skip
    assert gap.recommendations and gap.recommendations[0]["year"] == 1995 and not gap.recommendations[0]["relaxed"]
    both = service.recommend("http:acme:ana", filters={"exclude_keywords": ["zombies"],
                                                       "require_keywords": ["heist"]}, k=1)  # fmt: skip
    assert both.recommendations and not both.recommendations[0]["relaxed"]


def test_a_person_filter_reads_a_misspelling_as_chat_does_and_a_shared_surname_names_its_people(service):
    """["washington"] was a 422 saying no one called that acted in a film, though Denzel Washington
    did; ["scorcese"] was the same 422 where chat reads Martin Scorsese."""
    turn = service.recommend("http:acme:ana", filters={"people": ["scorcese"]}, k=1)
    assert turn.understood["people"] == ["Martin Scorsese"]
    assert turn.reply.startswith('I took "scorcese" to mean Martin Scorsese.')
    assert "Martin Scorsese" in turn.recommendations[0]["directors"]
    full = service.recommend("http:acme:ana", filters={"exclude_people": ["martin scorcese"]}, k=1)
    assert full.understood["exclude_people"] == ["Martin Scorsese"]
    with pytest.raises(InvalidInput) as refused:
        service.recommend("http:acme:ana", filters={"people": ["washington"]})
    assert refused.value.message == "'washington' could be Denzel Washington or Kerry Washington: give the whole name"
    with pytest.raises(InvalidInput, match="'keaton' could be several people here, such as Michael Keaton, "):
        service.recommend("http:acme:ana", filters={"people": ["keaton"]})


def test_the_clock_is_read_on_every_use(service, clock):
    assert service.deps.today.year == 2026
    clock.now = datetime(2031, 1, 1, tzinfo=UTC)
    assert service.deps.today.year == 2031
    turn = service.recommend("cli:ana", text="a film from the last 5 years")
    assert turn.understood["year_min"] == 2026


def test_a_front_end_that_knows_the_order_drops_a_removal_with_nothing_to_undo(service):
    [(message, movie), *_] = posted(service)
    assert service.react("discord", message, ANA, "4️⃣", added=False, in_order=True) is None
    assert service.react("discord", message, ANA, "4️⃣", added=True, in_order=True).recorded
    assert service.profiles.rating(ANA, movie) == 4.0
    assert service.profiles.has_watched(ANA, movie)


def test_an_old_export_imported_again_never_undoes_a_newer_rating(service, tmp_path):
    service.rate(ANA, "Heat 1995", 4.0)
    service.rate(ANA, "Alien 1979", 3.0)
    old = service.export(ANA)
    for row in old["ratings"]:
        row["rated_at"] = "2023-01-11T00:00:00+00:00"  # the export, as written back then
    export = tmp_path / "old.json"
    export.write_text(json.dumps(old), encoding="utf-8")
    service.rate(ANA, "Heat 1995", 1.0)  # changed their mind since
    report = service.import_history(ANA, export)
    assert service.profiles.ratings(ANA)["heat-1995"] == 1.0
    assert (report.kept, report.to_dict()["kept"]) == (1, 1)  # Heat's newer rating kept
    assert report.already == 1  # Alien rated the same here and in the file: nothing to keep or write


def test_watched_remove_takes_the_film_of_that_title_on_your_list_and_an_imdb_id_names_a_film(service):
    service.watched_add(ANA, "the-batman-2022")
    removed = service.watched_remove(ANA, "Batman")  # Batman (1989) as typed, but The Batman is the one listed
    assert (removed.movie_id, removed.was_listed) == ("the-batman-2022", True)
    assert service.watched_add(ANA, "tt0113277").movie_id == "heat-1995"  # Heat's IMDb id
    assert service.resolve("TT0113277").id == "heat-1995"


def test_a_title_typed_without_its_article_is_the_film_without_one_in_commands_as_in_chat(service):
    """`moviebot rate Heat 4`-style commands refused "Batman" as "could be Batman (1989), The Batman
    (2022)" though chat reads it as Batman (1989); `watched remove` asked for the year when neither was
    listed instead of saying the film is not on the list."""
    assert service.resolve("Batman").id == "batman-1989"
    assert service.resolve("The Batman").id == "the-batman-2022"
    assert service.rate(ANA, "Batman", 4).movie_id == "batman-1989"
    assert not service.watched_remove(BOB, "Batman")  # neither listed: the one typed, not on the list
    assert not service.watched_remove(ANA, "The Batman")  # the article typed is kept: not Batman (1989)
    assert service.profiles.has_watched(ANA, "batman-1989")
    assert service.watched_remove(ANA, "Batman").movie_id == "batman-1989"


def test_a_movie_night_reason_never_promises_the_others_and_a_strong_taste_comes_before_a_clash(service):
    """A horror fan was told Scream is "not your usual comedy fare, but the others should love it",
    though the others hated horror."""
    for title in ["Psycho", "The Exorcist", "Halloween", "The Shining", "The Thing", "Alien"]:
        service.rate(ANA, title, 5)
    for title in ["It Happened One Night", "Top Hat", "Bringing Up Baby"]:
        service.rate(ANA, title, 2)  # comedies, mildly disliked
    for title in ["Psycho", "The Exorcist", "Halloween"]:
        service.rate(BOB, title, 1)
    turn = service.group_pick([ANA, BOB], "a horror comedy", count=3)
    said = [reason for rec in turn.recommendations for reason in rec["per_person"].values()]
    assert said and not any("others" in reason for reason in said), said
    assert all("horror" in rec["per_person"][ANA] for rec in turn.recommendations), said


def test_a_client_event_id_never_collides_with_the_watched_mark_a_rating_adds(service):
    """After stars under "e2", a dislike under "e2:watched" was a 409 about a watched mark never sent."""
    service.feedback("http:acme:ana", "alien-1979", "stars", stars=4, event_id="e2")
    with pytest.raises(InvalidInput, match="may not end in ':watched'"):
        service.feedback("http:acme:ana", "heat-1995", "dislike", event_id="e2:watched")


def test_picks_a_front_end_could_not_post_are_not_counted_as_shown(service):
    """Discord or Slack failing on the second pick's post left picks 2 and 3 logged as shown: "more"
    skipped them for two weeks, "why the second one?" explained a film never seen."""
    turn = service.chat(ANA, "a crime thriller from the 90s", channel="c1", platform="discord")
    first, *unposted = turn.recommendations
    service.attach_message(first["suggestion_id"], "m0")
    withdrawn = service.withdraw(ANA, [r["suggestion_id"] for r in unposted], channel="c1")
    assert withdrawn == [r["id"] for r in unposted]
    assert [s["movie_id"] for s in service.profiles.suggestions(ANA)] == [first["id"]]
    assert service.profiles.recently_shown(ANA) == {first["id"]}
    why = service.chat(ANA, "why the second one?", channel="c1", platform="discord")
    assert all(service.catalog.movies[m].title not in why.reply for m in withdrawn)
    more = service.chat(ANA, "more", channel="c1", platform="discord")
    assert set(withdrawn) & {r["id"] for r in more.recommendations}  # never seen, so still to offer
    assert first["id"] not in {r["id"] for r in more.recommendations}
    assert service.withdraw(ANA, [first["suggestion_id"]], channel="elsewhere") == [first["id"]]  # no such chat: fine
    assert service.withdraw("discord:someone-else", [r["suggestion_id"] for r in more.recommendations]) == []


def test_turns_and_withdrawals_of_one_conversation_never_overlap(service):
    """Two messages of one Discord channel, or a withdrawal beside the next turn, both wrote the
    conversation's last picks at once: one of them was lost."""
    turn = service.chat(ANA, "a crime thriller from the 90s", channel="c1", platform="discord")
    graph, spans, lock = service.recommender.graph, [], threading.Lock()
    invoke, update = graph.invoke, graph.update_state

    def timed(call):
        def run(*args, **kwargs):
            started = datetime.now(UTC)
            try:
                return call(*args, **kwargs)
            finally:
                with lock:
                    spans.append((started, datetime.now(UTC)))

        return run

    graph.invoke, graph.update_state = timed(invoke), timed(update)
    try:
        chats = [threading.Thread(target=service.chat, args=(ANA, "more"), kwargs={"channel": "c1"}) for _ in range(2)]
        for chat in chats:
            chat.start()
        service.withdraw(ANA, [turn.recommendations[-1]["suggestion_id"]], channel="c1")
        for chat in chats:
            chat.join()
    finally:
        graph.invoke, graph.update_state = invoke, update
    spans.sort()
    assert len(spans) == 3 and all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), spans


def test_close_titles_are_offered_once():
    """ "…did you mean: Frozen (2013); …? Did you mean Frozen (2013) or …?" said them twice."""
    from agent.service_types import UnknownTitle

    said = UnknownTitle("no film called 'Frozen 2'; did you mean: Frozen (2013)?", ["Frozen (2013)"]).sentence
    assert said.lower().count("did you mean") == 1
    assert UnknownTitle("no film called 'Frozn'", ["Frozen (2013)"]).sentence.endswith("Did you mean Frozen (2013)?")


def test_an_unknown_title_is_said_back_clipped_and_an_empty_one_asked_for(service):
    """Slack's /rate with a pasted page as the title answered with all 5,000 characters of it, over
    several sections; an empty title was "Which film? give its title."."""
    with pytest.raises(UnknownTitle) as raised:
        service.resolve("zq" * 2500)
    assert len(raised.value.sentence) < 200 and raised.value.sentence.endswith("…' in the catalog.")
    with pytest.raises(InvalidInput) as empty:
        service.resolve("  ")
    assert empty.value.sentence == "Which film? Give its title."


def test_a_movie_night_reason_for_someone_who_disliked_nothing_says_something_true(service):
    """Someone whose one rating was a like was told "nothing in it clashes with what you've disliked"."""
    for title in ["Psycho", "The Exorcist", "Halloween"]:
        service.rate(ANA, title, 5)
    service.rate(BOB, "The Godfather", 5)
    turn = service.group_pick([ANA, BOB], "a horror comedy", count=3)
    said = [rec["per_person"][BOB] for rec in turn.recommendations]
    assert said and not any("disliked" in reason for reason in said), said
    assert "your one rating says little about it either way, and you've rated nothing low" in said, said
    service.rate(BOB, "Titanic", 1)
    said = [
        rec["per_person"][BOB] for rec in service.group_pick([ANA, BOB], "a horror comedy", count=3).recommendations
    ]
    assert not any("disliked" in reason or "rated nothing low" in reason for reason in said), said
