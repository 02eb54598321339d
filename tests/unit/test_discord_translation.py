"""Discord only translates: a reaction or a slash command becomes one service call, and the
service's rules (tested once in test_service.py) show through unchanged."""

from __future__ import annotations

import asyncio
import threading
import time

from tests.unit.test_discord_harness import DiscordWorld

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures


def spy(world: DiscordWorld, name: str) -> list[tuple]:
    """Records each call of service.<name> (args, kwargs) and still makes it."""
    calls: list[tuple] = []
    real = getattr(world.service, name)

    def recorded(*args, **kwargs):
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    setattr(world.service, name, recorded)
    return calls


async def posted_pick(world: DiscordWorld, user) -> tuple[int, str]:
    await world.cog("Recommend").on_message(world.message(user, "a crime thriller from the 90s", mention_bot=True))
    message = next(s for s in world.api.sent if s.embeds)
    return message.id, world.profiles.suggestion_by_message("discord", message.id)["movie_id"]


async def test_a_five_reaction_is_one_service_call_and_marks_the_film_watched(world):
    ana = world.member("ana")
    message, movie = await posted_pick(world, ana)
    calls = spy(world, "react")
    await world.react(message, ana, "5️⃣")
    assert calls == [(("discord", message, ana.id, "5️⃣"), {"added": True, "burst": False})]
    assert world.profiles.rating(f"discord:{ana.id}", movie) == 5.0
    assert world.profiles.has_watched(f"discord:{ana.id}", movie)


async def test_slash_rate_is_one_service_call_and_marks_the_film_watched(world):
    ana = world.member("ana")
    calls = spy(world, "rate")
    interaction = world.interaction(ana)
    cog = world.cog("Ratings")
    await cog.rate.callback(cog, interaction, title="Heat", stars="4")
    assert calls == [((f"discord:{ana.id}", "Heat", 4), {})]
    assert "marked it watched" in interaction.calls[0].content
    assert world.profiles.has_watched(f"discord:{ana.id}", "heat-1995")


async def test_events_for_one_reaction_reach_the_service_in_arrival_order(world):
    ana = world.member("ana")
    message, movie = await posted_pick(world, ana)
    cog = world.cog("Ratings")
    real, first = world.service.react, threading.Event()

    def slow_first(*args, **kwargs):  # the first event's thread is the slowest: it must still go first
        if not first.is_set():
            first.set()
            time.sleep(0.3)
        return real(*args, **kwargs)

    world.service.react = slow_first
    await asyncio.gather(  # delivered back to back; each handler runs in its own task
        cog.on_raw_reaction_add(world.reaction(message, ana, "👍")),
        cog.on_raw_reaction_remove(world.reaction(message, ana, "👍", added=False)),
        cog.on_raw_reaction_add(world.reaction(message, ana, "👍")),
    )
    events = world.profiles.feedback_events(f"discord:{ana.id}")
    assert [(e["added"], e["event_id"][-1]) for e in events] == [(True, "0"), (False, "1"), (True, "2")]
    assert world.profiles.rating(f"discord:{ana.id}", movie) is not None
