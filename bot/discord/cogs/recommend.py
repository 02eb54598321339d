"""Talking to moviebot: messages that mention it, DMs, configured channels and its own threads,
plus /recommend. Each pick is posted as its own embed message with the rating reactions on it,
so a reaction on a message means exactly one film.

Conversation memory is the graph's thread for (user, channel): "more like the second one" in
the same channel or thread continues the same conversation, a DM is a conversation of its own.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from agent.reactions import REACTIONS
from bot.discord.format import (
    MESSAGE_LIMIT,
    NO_MENTIONS,
    SORRY,
    clip,
    escape,
    pick_embed,
    slow_down,
)
from bot.listing import split_message

if TYPE_CHECKING:
    from agent.service import Turn
    from bot.discord.app import MovieBot

log = logging.getLogger(__name__)

PLATFORM = "discord"
OPEN_REQUEST = "recommend me a good movie"
ANSWERED_TYPES = (discord.MessageType.default, discord.MessageType.reply)

# Sends one message (content= and/or embed=) and returns it.
Send = Callable[..., Awaitable[discord.Message]]


class Recommend(commands.Cog):
    def __init__(self, bot: MovieBot):
        self.bot = bot

    # -- conversation --------------------------------------------------------------------

    def addressed(self, message: discord.Message) -> bool:
        """Whether a message is meant for the bot: a DM, a mention, a reply to one of its
        messages, a configured channel (or a thread under one), or a thread the bot started."""
        me = self.bot.user
        if me is None or message.author.bot or message.type not in ANSWERED_TYPES:
            return False
        if message.guild is None:
            return True
        if any(user.id == me.id for user in message.mentions):
            return True
        replied = message.reference.resolved if message.reference else None
        if isinstance(replied, discord.Message) and replied.author.id == me.id:
            return True
        channels = set(self.bot.settings.discord_channels)
        channel = message.channel
        if channel.id in channels:
            return True
        if isinstance(channel, discord.Thread):
            return channel.owner_id == me.id or channel.parent_id in channels
        return False

    def request_text(self, message: discord.Message) -> str:
        """The message without the bot's mention; other mentions become display names."""
        text = message.content
        if self.bot.user is not None:
            text = re.sub(rf"<@!?{self.bot.user.id}>", " ", text)
        for user in message.mentions:
            text = re.sub(rf"<@!?{user.id}>", user.display_name, text)
        return " ".join(text.split())

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if not self.addressed(message):
            return
        try:
            await self.converse(message)
        except Exception:
            log.exception("answering message %s in channel %s failed", message.id, message.channel.id)
            try:
                await message.reply(SORRY, mention_author=False, allowed_mentions=NO_MENTIONS)
            except discord.HTTPException:
                log.warning("could not tell user %s about the failure", message.author.id)

    async def converse(self, message: discord.Message) -> None:
        wait = self.bot.cooldown.retry_after(message.author.id)
        if wait:
            await message.reply(slow_down(wait), mention_author=False, allowed_mentions=NO_MENTIONS)
            return
        text = self.request_text(message)
        replied = message.reference.resolved if message.reference else None
        if isinstance(replied, discord.Message) and self.bot.user is not None and replied.author.id == self.bot.user.id:
            # a reply to one pick's message is about that pick: "more like this one", "seen it"
            text = await asyncio.to_thread(self.bot.service.about_pick, PLATFORM, replied.id, text)
        guild_id = message.guild.id if message.guild else None
        user = await asyncio.to_thread(self.bot.register, message.author, guild_id, message.channel.id)
        async with message.channel.typing():
            turn = await asyncio.to_thread(self.bot.service.chat, user, text, channel=str(message.channel.id),
                                           platform=PLATFORM)  # fmt: skip

        async def reply(**kwargs) -> discord.Message:
            return await message.reply(mention_author=False, allowed_mentions=NO_MENTIONS, **kwargs)

        async def send(**kwargs) -> discord.Message:
            return await message.channel.send(allowed_mentions=NO_MENTIONS, **kwargs)

        await deliver(self.bot, turn, first=reply, rest=send)

    # -- /recommend ----------------------------------------------------------------------

    @app_commands.command(name="recommend", description="Get movie picks; react to them to teach me your taste")
    @app_commands.describe(request="What you're in the mood for, e.g. 'a 90s crime thriller under two hours'")
    async def recommend(self, interaction: discord.Interaction, request: str | None = None) -> None:
        await interaction.response.defer(thinking=True)
        user = await asyncio.to_thread(self.bot.register, interaction.user, interaction.guild_id,
                                       interaction.channel_id)  # fmt: skip
        text = (request or "").strip() or OPEN_REQUEST
        turn = await asyncio.to_thread(self.bot.service.chat, user, text, channel=str(interaction.channel_id),
                                       platform=PLATFORM)  # fmt: skip

        async def followup(**kwargs) -> discord.Message:
            return await interaction.followup.send(wait=True, allowed_mentions=NO_MENTIONS, **kwargs)

        await deliver(self.bot, turn, first=followup, rest=followup)


async def deliver(bot: MovieBot, turn: Turn, *, first: Send, rest: Send) -> list[discord.Message]:
    """Posts one answer: the intro, then one embed message per pick with its suggestion id
    attached (so reactions find it) and the rating reactions pre-added; an answer without picks
    goes out as text, split at line boundaries."""
    picks = turn.recommendations
    if not picks:
        text = escape(turn.reply or "I'm not sure what you mean; ask me for a movie!")
        for n, chunk in enumerate(split_message(text, MESSAGE_LIMIT)):
            await (first if n == 0 else rest)(content=chunk)
        return []
    send = first
    intro = turn.intro.strip()
    if intro:
        await send(content=clip(escape(intro), MESSAGE_LIMIT))
        send = rest
    posted: list[discord.Message] = []
    for position, pick in enumerate(picks, 1):
        message = await send(embed=pick_embed(pick, position=position))
        send = rest
        posted.append(message)
        if pick.get("suggestion_id") is not None:
            await asyncio.to_thread(bot.service.attach_message, pick["suggestion_id"], message.id)
    for message in posted:
        await add_rating_reactions(message)
    return posted


async def add_rating_reactions(message: discord.Message) -> None:
    for emoji in REACTIONS:
        try:
            await message.add_reaction(emoji)
        except discord.HTTPException as exc:  # no Add Reactions permission, or a DM the bot can't react in
            log.warning("could not add reactions to message %s: %s", message.id, exc)
            return


async def setup(bot: MovieBot) -> None:
    await bot.add_cog(Recommend(bot))
