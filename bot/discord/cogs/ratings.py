"""Ratings: reactions on suggestion messages, /rate, and the learning re-ranker's upkeep.

Reactions arrive as raw gateway events, so messages posted before a restart (and long gone from
discord.py's cache) still work. A reaction counts for whoever reacts: a friend's 👍 on your
suggestion is their rating of that film. What a reaction means, duplicates and undo are the
service's (agent.reactions); this cog only hands the events over, in the order they arrived for
each (message, user, emoji), and keeps the re-ranker refitted and saved.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands, tasks

from agent.reactions import reaction_meaning
from agent.service import FeedbackOutcome
from agent.typed_stars import FORMS
from bot.discord.delivery import REACTED_TO_SEVERAL
from bot.discord.format import NO_MENTIONS, escape, reaction_emoji
from bot.discord.stars import star_choices, stars_given
from bot.discord.titles import act_on_title, title_choices

if TYPE_CHECKING:
    from bot.discord.app import MovieBot

log = logging.getLogger(__name__)
PLATFORM = "discord"
TOLD_LIMIT = 10_000  # (message, user) pairs told a reaction did not count, kept so each is told once


class Ratings(commands.Cog):
    def __init__(self, bot: MovieBot):
        self.bot = bot
        self.service = bot.service
        self._tails: dict[tuple, asyncio.Future] = {}  # (message, user, emoji, burst) -> its last event's end
        self._told: set[tuple[int, int]] = set()  # (message, user) told their reaction there did not count
        self.refit.change_interval(minutes=bot.refit_minutes)

    async def cog_load(self) -> None:
        if self.service.ranker is not None:
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

    async def on_reaction(self, payload: discord.RawReactionActionEvent, *, added: bool) -> FeedbackOutcome | None:
        if self.bot.user is not None and payload.user_id == self.bot.user.id:
            return None
        emoji = reaction_emoji(payload.emoji)
        if reaction_meaning(emoji) is None:
            return None
        key = (payload.message_id, payload.user_id, emoji.replace("\ufe0f", ""), payload.burst)
        previous = self._tails.get(key)
        done = asyncio.get_running_loop().create_future()
        self._tails[key] = done  # taken before any await, so events keep their arrival order
        try:
            if previous is not None:
                await previous
            outcome = await asyncio.to_thread(
                self.service.react, PLATFORM, payload.message_id, payload.user_id, emoji, added=added,
                burst=payload.burst,
            )  # fmt: skip
            if outcome is not None and outcome.recorded:
                log.info("reaction %s %s by %s on suggestion %s (%s)", emoji, "added" if added else "removed",
                         outcome.reactor, outcome.suggestion_id, outcome.movie_id)  # fmt: skip
            if outcome is None and added:
                await self.say_not_counted(payload)
            return outcome
        except Exception:
            log.exception("handling a reaction on message %s by user %s failed", payload.message_id, payload.user_id)
            return None
        finally:
            done.set_result(None)
            if self._tails.get(key) is done:
                del self._tails[key]

    async def say_not_counted(self, payload: discord.RawReactionActionEvent) -> None:
        """A rating reaction on a message of several picks means no one film: the reactor is told so,
        once per message, in a reply to it, rather than left believing it counted."""
        told = (payload.message_id, payload.user_id)
        me = self.bot.user.id if self.bot.user is not None else None
        if told in self._told or payload.message_author_id not in (None, me):  # someone else's message
            return
        if await asyncio.to_thread(self.service.several_picks_thread, PLATFORM, payload.message_id) is None:
            return
        if len(self._told) >= TOLD_LIMIT:
            self._told.clear()
        self._told.add(told)
        text = REACTED_TO_SEVERAL
        if payload.member is not None:  # in a server, where others read it too: whose reaction it was
            text = f"{escape(payload.member.display_name)}: {text[0].lower()}{text[1:]}"
        channel = self.bot.get_partial_messageable(payload.channel_id, guild_id=payload.guild_id)
        reference = discord.MessageReference(message_id=payload.message_id, channel_id=payload.channel_id,
                                             fail_if_not_exists=False)  # fmt: skip
        try:
            await channel.send(text, reference=reference, mention_author=False,
                               allowed_mentions=NO_MENTIONS)  # fmt: skip
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:  # the hint on the picks still says it
            log.warning("could not tell user %s that a reaction on message %s was not counted: %s",
                        payload.user_id, payload.message_id, exc)  # fmt: skip

    # -- the re-ranker ---------------------------------------------------------------------

    async def save_ranker(self) -> None:
        """What was learned since the last save; the service logs it, and a save cut short by
        shutdown is finished by the one cog_unload makes (the service holds them in turn)."""
        try:
            await asyncio.to_thread(self.service.save_learning)
        except Exception:
            log.exception("saving the re-ranker failed")

    @tasks.loop(minutes=30)
    async def refit(self) -> None:
        """At start-up and every 30 minutes: the exact model from every reward in the store,
        which also folds in undone reactions and silence."""
        try:
            await asyncio.to_thread(self.service.refit)
        except Exception:
            log.exception("refitting the re-ranker failed")

    @refit.before_loop
    async def _before_refit(self) -> None:
        await self.bot.wait_until_ready()

    @tasks.loop(minutes=1)
    async def save_loop(self) -> None:
        await self.save_ranker()

    # -- /rate ---------------------------------------------------------------------------

    @app_commands.command(name="rate", description="Rate a film from 0.5 to 5 stars (marks it watched)")
    @app_commands.describe(title="Start typing and pick the film", stars=f"0.5 to 5 in half stars: {FORMS}")
    async def rate(self, interaction: discord.Interaction, title: str, stars: str) -> None:
        try:
            value = stars_given(stars)
        except ValueError as bad:
            await interaction.response.send_message(escape(str(bad)), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return

        async def apply(movie_id: str) -> str:
            rated = await asyncio.to_thread(self._rate, interaction, movie_id, value)
            said = f"Rated **{escape(rated.label)}** {rated.stars:g}/5 and marked it watched."
            return " ".join(filter(None, [said, escape(rated.note)]))

        await act_on_title(interaction, title, apply)

    def _rate(self, interaction: discord.Interaction, movie_id: str, stars: float):
        user = self.bot.register(interaction.user, interaction.guild_id, interaction.channel_id)
        return self.service.rate(user, movie_id, stars)

    @rate.autocomplete("stars")
    async def _rate_stars(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return star_choices(current)

    @rate.autocomplete("title")
    async def _rate_title(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(title_choices, self.service, current)


async def setup(bot: MovieBot) -> None:
    await bot.add_cog(Ratings(bot))
