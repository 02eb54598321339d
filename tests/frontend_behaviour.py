"""One behaviour test for every chat front end: the same actions must mean the same thing.

A front end's test supplies a driver that performs each action the way a user would on that
platform (a message, a reaction event, a slash command) and `check_front_end` asserts what the
service stored. The driver's actions are coroutines, so event-loop front ends (Discord) and
thread-based ones (Slack) fit the same scenario. The rules themselves are tested once, against
the service (test_service.py); this only checks that each front end translates into them.
"""

from __future__ import annotations

from typing import Protocol

from store.profiles import DISLIKE_STARS, LIKE_STARS

REQUEST = "a crime thriller from the 90s"


class FrontEnd(Protocol):
    service: object  # the MovieService behind it

    def key(self, user: str) -> str:
        """The user key the front end registers `user` ("ana", "ben") under."""

    async def ask(self, user: str, text: str) -> list[object]:
        """Sends a request; the handles of the pick messages posted, in order."""

    async def react(self, user: str, message: object, meaning: str, *, added: bool = True) -> None:
        """A reaction event: meaning is like, dislike, watched, dismiss or one..five."""

    async def redeliver(self) -> None:
        """Delivers the last reaction event again, as a platform retry would."""

    async def rate(self, user: str, title: str, stars: float) -> str:
        """The rating command; what the user was shown."""

    async def watched_add(self, user: str, title: str) -> str:
        """The watched-add command; what the user was shown."""

    def message_key(self, message: object) -> tuple[str, str]:
        """(platform, message key) the front end attached the pick to."""


async def check_front_end(front: FrontEnd) -> None:
    profiles = front.service.profiles
    ana, ben = front.key("ana"), front.key("ben")

    picks = await front.ask("ana", REQUEST)
    assert len(picks) == 3
    movies = [profiles.suggestion_by_message(*front.message_key(m))["movie_id"] for m in picks]
    liked, rated, seen = movies

    # 👍 rates without marking watched; 👎 too.
    await front.react("ana", picks[0], "like")
    assert profiles.rating(ana, liked) == LIKE_STARS and not profiles.has_watched(ana, liked)
    await front.react("ben", picks[0], "dislike")
    assert profiles.rating(ben, liked) == DISLIKE_STARS and not profiles.has_watched(ben, liked)

    # A star reaction rates and marks watched; a repeated delivery changes nothing; removal undoes both.
    await front.react("ana", picks[1], "five")
    await front.redeliver()
    assert profiles.rating(ana, rated) == 5.0 and profiles.has_watched(ana, rated)
    assert sum(1 for e in profiles.feedback_events(ana) if e["kind"] == "stars") == 1
    await front.react("ana", picks[1], "five", added=False)
    assert profiles.rating(ana, rated) is None and not profiles.has_watched(ana, rated)

    # ✅ marks watched without a rating; 🙈 dismisses.
    await front.react("ana", picks[2], "watched")
    assert profiles.has_watched(ana, seen) and profiles.rating(ana, seen) is None
    await front.react("ben", picks[2], "dismiss")
    assert seen in profiles.dismissed(ben)

    # The rating command marks the film watched; watched add marks it without a rating.
    shown = await front.rate("ana", "Se7en", 4)
    assert "Se7en (1995)" in shown
    assert profiles.rating(ana, "se7en-1995") == 4.0 and profiles.has_watched(ana, "se7en-1995")
    shown = await front.watched_add("ben", "Heat 1995")
    assert "Heat (1995)" in shown
    assert profiles.has_watched(ben, "heat-1995") and profiles.rating(ben, "heat-1995") is None
