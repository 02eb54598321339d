"""Issue 16 §2: reactions that race. discord.py runs each gateway event's listeners as their own
task, so an add and its removal sent back to back can reach the store in either order unless the
cog keeps arrival order per (message, user, emoji). 200 events from gateway payloads go through
the real bot's dispatch into the real Ratings cog, each handled on a thread that takes a little
longer or shorter, and every (user, film) must end as the last event for it says.

Two guards make it hold: the cog's per-key ordering, and the ledger's late-add rule (a removal that
overtakes its add is kept, and the add then undone at once). Without the cog's ordering the
removals are recorded as undoing nothing; without both, 27 of ~140 films end in the wrong state."""

from __future__ import annotations

import asyncio
import random
import time

from store.profiles import DISLIKE_STARS, LIKE_STARS
from tests.unit.test_discord_harness import DiscordWorld

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures

NOTHING = (None, False, False)  # (rating, watched, dismissed) before any reaction
AFTER_ADD = {
    "👍": (LIKE_STARS, False, False),
    "👎": (DISLIKE_STARS, False, False),
    "4️⃣": (4.0, True, False),
    "5️⃣": (5.0, True, False),
    "✅": (None, True, False),
    "🙈": (None, False, True),
}


def state(world: DiscordWorld, user: str, movie: str) -> tuple:
    profiles = world.profiles
    return profiles.rating(user, movie), profiles.has_watched(user, movie), movie in profiles.dismissed(user)


async def posted_picks(world: DiscordWorld, user, text: str) -> list[tuple[int, str]]:
    before = len(world.api.sent)
    await world.cog("Recommend").on_message(world.message(user, text, mention_bot=True))
    posted = [s for s in world.api.sent[before:] if s.embeds]
    return [(s.id, world.profiles.suggestion_by_message("discord", s.id)["movie_id"]) for s in posted]


async def test_200_racing_reaction_events_each_end_in_the_state_the_last_one_says(world):
    rng = random.Random(16)
    askers = [world.member(f"asker{i}") for i in range(5)]
    requests = ["a crime thriller from the 90s", "a feel-good comedy", "a scary horror film", "an animated film",
                "a romance"]  # fmt: skip
    messages = [pick for user, text in zip(askers, requests, strict=True)
                for pick in await posted_picks(world, user, text)]  # fmt: skip
    reactors = [world.member(f"reactor{i}") for i in range(12)]

    events, expected = [], {}
    for reactor in reactors:
        seen_films = set()
        for message, movie in rng.sample(messages, len(messages)):
            if movie in seen_films or len(events) >= 200:
                continue  # one emoji per (user, film), so each film's final state has one cause
            seen_films.add(movie)
            emoji = rng.choice(sorted(AFTER_ADD))
            events.append((message, reactor, emoji, True))
            if rng.random() < 0.6 and len(events) < 200:  # added and removed at once
                events.append((message, reactor, emoji, False))
                expected[f"discord:{reactor.id}", movie] = NOTHING
            else:
                expected[f"discord:{reactor.id}", movie] = AFTER_ADD[emoji]
    assert len(events) == 200 and sum(not added for *_, added in events) >= 60

    real = world.service.react

    def jittered(*args, **kwargs):  # SQLite, the GIL and the thread pool make each event's time vary
        time.sleep(rng.random() * 0.004)
        return real(*args, **kwargs)

    world.service.react = jittered
    tasks_before = asyncio.all_tasks()
    for message, reactor, emoji, added in events:  # back to back, as the gateway delivers a burst
        world.bot.dispatch("raw_reaction_add" if added else "raw_reaction_remove",
                           world.reaction(message, reactor, emoji, added=added))  # fmt: skip
    await asyncio.gather(*(asyncio.all_tasks() - tasks_before - {asyncio.current_task()}))

    wrong = {key: (state(world, *key), want) for key, want in expected.items() if state(world, *key) != want}
    assert wrong == {}
    recorded = [e for r in reactors for e in world.profiles.feedback_events(f"discord:{r.id}")]
    removals = [e for e in recorded if not e["added"]]
    assert removals and all(e["undoes"] is not None for e in removals)  # no removal found nothing to undo
