"""A film already on the watched list keeps the day it was seen when an opinion of it arrives by
another way than `rate` (chat verdicts, reactions); `watched add` of a listed film says so."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from agent.bandit import Ranker
from agent.service import InvalidInput, build_service
from store.profiles import ProfileStore

ANA = "discord:1"
SEEN = "2024-01-01T00:00:00+00:00"


@pytest.fixture
def service(starter, tmp_path):
    profiles = ProfileStore(tmp_path / "state.sqlite")
    svc = build_service(starter, profiles, ranker=Ranker(profiles), clock=lambda: datetime(2026, 6, 1, 12, tzinfo=UTC))
    yield svc
    svc.close()
    profiles.close()


def days(service) -> dict[str, str | None]:
    return {item.movie_id: item.at and item.at[:10] for item in service.watched_list(ANA)}


def test_a_verdict_in_chat_on_a_listed_film_keeps_the_day_it_was_seen(service):
    """Before: "I loved Alien" after importing Alien as seen on 2024-01-01 listed it as watched today."""
    service.profiles.add_watched(ANA, "alien-1979", source="import:letterboxd", at=SEEN)
    turn = service.chat(ANA, "I loved Alien", channel="c1")
    assert turn.recorded["ratings"] == {"alien-1979": 5.0}
    service.chat(ANA, "I rated Heat 4", channel="c1")  # not listed before: seen by now
    listed = days(service)
    assert listed["alien-1979"] == "2024-01-01" and listed["heat-1995"] > "2024-01-01"


@pytest.mark.parametrize("emoji", ["✅", "4️⃣"])
def test_a_reaction_on_a_listed_film_keeps_the_day_it_was_seen_and_its_removal_keeps_the_film(service, emoji):
    """Before: a ✅ or a star reaction on a pick already listed as seen on 2024-01-01 listed it as
    watched today."""
    turn = service.chat(ANA, "a crime thriller from the 90s", channel="c1", platform="discord")
    pick = turn.recommendations[0]
    service.attach_message(pick["suggestion_id"], "m0")
    service.profiles.add_watched(ANA, pick["id"], source="import:letterboxd", at=SEEN)
    service.react("discord", "m0", "1", emoji, added=True)
    assert days(service) == {pick["id"]: "2024-01-01"}
    service.react("discord", "m0", "1", emoji, added=False)
    assert days(service) == {pick["id"]: "2024-01-01"}


def test_a_film_given_only_a_thumb_stays_rated_only_through_an_export_and_import(service, tmp_path):
    """Before: a moviebot export imported again listed a film the user had only 👍'd as watched."""
    turn = service.chat(ANA, "a crime thriller from the 90s", channel="c1", platform="discord")
    liked, seen = (pick["id"] for pick in turn.recommendations[:2])
    for n, pick in enumerate(turn.recommendations[:2]):
        service.attach_message(pick["suggestion_id"], f"m{n}")
    service.react("discord", "m0", "1", "👍", added=True)
    service.react("discord", "m1", "1", "👍", added=True)
    service.watched_add(ANA, seen)
    export = tmp_path / "ana.json"
    export.write_text(json.dumps(service.export(ANA), default=str), encoding="utf-8")

    report = service.import_history("discord:2", export, "moviebot")

    assert [item.movie_id for item in service.watched_list("discord:2")] == [seen]
    assert service.profiles.reactions("discord:2") == {liked: "like", seen: "like"}
    assert (report.rated, report.watched, report.rated_only) == (2, 1, 1)


def test_watched_add_of_a_listed_film_says_since_when_and_moves_it_only_to_a_day_given(service):
    """Before: `watched add Alien` of a film imported as seen on 2024-01-01 said "Marked Alien (1979) as
    watched." and listed it as watched today."""
    service.profiles.add_watched(ANA, "alien-1979", source="import:letterboxd", at=SEEN)
    service.profiles.add_watched(ANA, "heat-1995", source="import:letterboxd", at=None)
    service.profiles.conn.execute("UPDATE watched SET watched_at = NULL WHERE movie_id = 'heat-1995'")
    assert (
        service.watched_add(ANA, "Alien").message == "Alien (1979) was already on your watched list, since 2024-01-01."
    )
    assert service.watched_add(ANA, "Heat 1995", 4).message == (
        "Heat (1995) was already on your watched list, with no date; rated 4/5 now."
    )
    assert days(service) == {"alien-1979": "2024-01-01", "heat-1995": None}
    moved = service.watched_add(ANA, "Alien", on="2025-03-02")
    assert moved.message == "Marked Alien (1979) as watched on 2025-03-02 (it was listed since 2024-01-01)."
    assert days(service) == {"alien-1979": "2025-03-02", "heat-1995": None}


@pytest.mark.parametrize(
    ("day", "says"),
    [("2026-06-02", "2026-06-02 has not come yet"), ("31/05/2024", "must be a date like 2024-05-31, got '31/05/2024'")],
)
def test_a_day_watched_that_is_no_day_or_still_to_come_is_refused(service, day, says):
    with pytest.raises(InvalidInput, match=says):
        service.watched_add(ANA, "Alien", on=day)
    assert days(service) == {}


def test_the_store_keeps_a_listed_films_day_unless_a_day_is_said(service):
    """The rule lives once, in ProfileStore.add_watched: the service, the chat and reactions each
    special-cased it before."""
    store = service.profiles
    store.add_watched(ANA, "alien-1979", source="import:letterboxd", at=SEEN)
    store.add_watched(ANA, "alien-1979", source="chat")
    assert store.watched_row(ANA, "alien-1979") == {"watched_at": SEEN.replace("+00:00", ".000000+00:00"),
                                                    "source": "import:letterboxd"}  # fmt: skip
    store.add_watched(ANA, "alien-1979", source="cli", at="2025-02-03T00:00:00+00:00", day_said=True)
    assert store.watched_row(ANA, "alien-1979")["watched_at"][:10] == "2025-02-03"
