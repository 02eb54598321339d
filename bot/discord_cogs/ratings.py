"""Ratings: reactions on suggestion messages, /rate, and the learning re-ranker they feed.

Reactions arrive as raw gateway events, so messages posted before a restart (and long gone from
discord.py's cache) still work. A reaction counts for whoever reacts: a friend's 👍 on your
suggestion is their rating of that film. Only the person a suggestion was made for teaches the
re-ranker, because its reward is about that person's answer.

Duplicate deliveries and undo. The gateway gives a reaction event no id of its own, and
(message, user, emoji, "add") is not one either: 👍, un-👍, 👍 again is two real likes. A
reaction by one user with one emoji on one message can only alternate between on and off, so
each change is numbered by its position in that alternation, read from the store: the n-th
recorded event for (message, user, emoji) is an add when n is even and a removal when n is odd.
An add arriving while the reaction is already on gets the id of the add already recorded, and
the store ignores it; likewise a removal while it is off. A removal of a reaction the bot never
saw added (made while it was offline) is dropped. The count and the write happen under one lock,
so two deliveries of one event cannot both pass. Nothing random or per-process goes into the id,
so a restart changes nothing.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discord_cogs.format import NO_MENTIONS, escape, reaction_meaning
from bot.discord_cogs.titles import act_on_title, title_choices
from store.profiles import stars_reward, validate_stars

if TYPE_CHECKING:
    from bot.discord_app import MovieBot
    from store.profiles import ProfileStore

log = logging.getLogger(__name__)


def reward_for(kind: str, value: float | None) -> float | None:
    """The re-ranker's reward for one reaction, on the scale ProfileStore.rewards uses."""
    if kind in ("like", "watched"):
        return 1.0
    if kind in ("dislike", "dismiss"):
        return 0.0
    if kind == "stars" and value is not None:
        return stars_reward(value)
    return None


@dataclass(frozen=True)
class ReactionOutcome:
    recorded: bool  # False for a duplicate delivery
    event_id: str
    reactor: str  # profile key of who reacted
    suggestion: dict
    kind: str
    value: float | None
    added: bool

    @property
    def reactor_is_recipient(self) -> bool:
        return self.reactor == self.suggestion["user"]


class ReactionLedger:
    """Turns raw reaction events into feedback rows (see the module docstring for the ids)."""

    def __init__(self, profiles: ProfileStore):
        self.profiles = profiles
        self._lock = threading.Lock()

    def apply(self, *, message_id: int, user_id: int, emoji: str, added: bool, burst: bool = False
              ) -> ReactionOutcome | None:  # fmt: skip
        """Blocking. None when the emoji or the message is not one of the bot's, or for the
        removal of a reaction the bot never saw."""
        meaning = reaction_meaning(emoji)
        if meaning is None:
            return None
        canonical, (kind, value) = meaning
        suggestion = self.profiles.suggestion_by_message("discord", message_id)
        if suggestion is None:
            return None
        reactor = f"discord:{user_id}"
        prefix = f"discord:{message_id}:{user_id}:{canonical}{':burst' if burst else ''}:"
        with self._lock:
            seen = self.profiles.count_events(reactor, prefix)
            is_on = seen % 2 == 1
            if not added and seen == 0:
                return None
            position = (seen - 1 if is_on else seen) if added else (seen if is_on else seen - 1)
            event_id = f"{prefix}{position}"
            recorded = self.profiles.record_feedback(
                suggestion_id=suggestion["id"], user=reactor, movie_id=suggestion["movie_id"], kind=kind,
                value=value, added=added, event_id=event_id,
            )  # fmt: skip
        return ReactionOutcome(recorded, event_id, reactor, suggestion, kind, value, added)


class Ratings(commands.Cog):
    def __init__(self, bot: MovieBot):
        self.bot = bot
        self.ledger = ReactionLedger(bot.profiles)
        self.unsaved = 0  # rewards learned since the re-ranker was last saved
        self._saving = asyncio.Lock()
        self.refit.change_interval(minutes=bot.refit_minutes)

    async def cog_load(self) -> None:
        if self.bot.ranker is not None:
            self.refit.start()
            self.save_loop.start()

    async def cog_unload(self) -> None:
        self.refit.cancel()
        self.save_loop.cancel()
        await self.save_ranker()

    # -- reactions -----------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        await self.on_reaction(payload, added=True)

    @commands.Cog.listener()
    async def on_raw_reaction_remove(self, payload: discord.RawReactionActionEvent) -> None:
        await self.on_reaction(payload, added=False)

    async def on_reaction(self, payload: discord.RawReactionActionEvent, *, added: bool) -> ReactionOutcome | None:
        if self.bot.user is not None and payload.user_id == self.bot.user.id:
            return None
        if reaction_meaning(payload.emoji) is None:
            return None
        try:
            outcome = await asyncio.to_thread(
                self.ledger.apply, message_id=payload.message_id, user_id=payload.user_id,
                emoji=payload.emoji.name, added=added, burst=payload.burst,
            )  # fmt: skip
            if outcome is not None and outcome.recorded:
                log.info("reaction %s %s by %s on suggestion %s (%s)", payload.emoji.name,
                         "added" if added else "removed", outcome.reactor, outcome.suggestion["id"],
                         outcome.suggestion["movie_id"])  # fmt: skip
                await self.learn(outcome)
            return outcome
        except Exception:
            log.exception("handling a reaction on message %s by user %s failed", payload.message_id, payload.user_id)
            return None

    async def learn(self, outcome: ReactionOutcome) -> None:
        """An added reaction by the person the film was suggested to is a reward for the
        re-ranker; removals are not unlearned here, the periodic refit from the store is exact."""
        ranker = self.bot.ranker
        if ranker is None or not outcome.added or not outcome.reactor_is_recipient:
            return
        reward = reward_for(outcome.kind, outcome.value)
        if reward is None:
            return
        await asyncio.to_thread(ranker.learn, outcome.reactor, outcome.suggestion["features"], reward)
        self.unsaved += 1
        if self.unsaved >= self.bot.save_every:
            await self.save_ranker()

    async def save_ranker(self) -> None:
        """Saves what was learned since the last save. The count drops only once the save is done,
        so a save interrupted by shutdown is redone by cog_unload."""
        async with self._saving:
            count = self.unsaved
            if self.bot.ranker is None or not count:
                return
            try:
                await asyncio.to_thread(self.bot.ranker.save)
            except Exception:
                log.exception("saving the re-ranker failed")
                return
            self.unsaved -= count
            log.info("saved the re-ranker (%d new rewards)", count)

    @tasks.loop(minutes=30)
    async def refit(self) -> None:
        """At start-up and every 30 minutes: the exact model from every reward in the store,
        which also folds in undone reactions and silence."""
        try:
            async with self._saving:
                rows = await asyncio.to_thread(self.bot.ranker.learn_from_store)
                self.unsaved = 0
            log.info("refitted the re-ranker from %d rewards", rows)
        except Exception:
            log.exception("refitting the re-ranker failed")

    @refit.before_loop
    async def _before_refit(self) -> None:
        await self.bot.wait_until_ready()

    @tasks.loop(minutes=1)
    async def save_loop(self) -> None:
        await self.save_ranker()

    # -- /rate ---------------------------------------------------------------------------

    @app_commands.command(name="rate", description="Rate a film from 0.5 to 5 stars")
    @app_commands.describe(title="Start typing and pick the film", stars="0.5 to 5, in half stars")
    async def rate(
        self, interaction: discord.Interaction, title: str, stars: app_commands.Range[float, 0.5, 5.0]
    ) -> None:
        try:
            value = validate_stars(stars)
        except ValueError:
            await interaction.response.send_message(
                "Stars go from 0.5 to 5 in half steps, like 3.5.", ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )  # fmt: skip
            return

        async def apply(movie_id: str) -> str:
            await asyncio.to_thread(self._rate, interaction, movie_id, value)
            label = self.bot.catalog.movies[movie_id].label
            return f"Rated **{escape(label)}** {value:g}/5. I'll take it into account."

        await act_on_title(interaction, self.bot.catalog, title, apply)

    def _rate(self, interaction: discord.Interaction, movie_id: str, stars: float) -> None:
        user = self.bot.register(interaction.user, interaction.guild_id, interaction.channel_id)
        self.bot.profiles.rate(user, movie_id, stars, source="discord")

    @rate.autocomplete("title")
    async def _rate_title(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(title_choices, self.bot.catalog, current)
