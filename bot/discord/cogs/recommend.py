"""Talking to moviebot: messages that mention it, DMs, configured channels and its own threads,
plus /recommend. Each pick is posted as its own embed message with the rating reactions on it,
so a reaction on a message means exactly one film.

Conversation memory is the graph's thread for (user, channel): "more like the second one" in
the same channel or thread continues the same conversation, a DM is a conversation of its own.
In a Discord thread, as in a Slack one, each turn (/recommend too) goes on from the thread's last
answer, whoever it was for ("more but funnier" under a friend's picks), with the asker's own taste,
and the thread's turns are answered one at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.delivery import Audience, deliver
from bot.discord.format import NO_MENTIONS, SORRY, slow_down
from bot.discord.markup import plain_request

if TYPE_CHECKING:
    from agent.service import Turn
    from bot.discord.app import MovieBot

log = logging.getLogger(__name__)

PLATFORM = "discord"
OPEN_REQUEST = "recommend me a good movie"
ANSWERED_TYPES = (discord.MessageType.default, discord.MessageType.reply)


class Recommend(commands.Cog):
    def __init__(self, bot: MovieBot):
        self.bot = bot
        self._hushed_until: dict[int, float] = {}  # user id -> end of the cooldown they were warned of
        self._lanes: dict[int, list] = {}  # thread id -> [its lock, the turns holding or awaiting it]

    # -- conversation --------------------------------------------------------------------

    def addressed(self, message: discord.Message) -> bool:
        """Whether a message is meant for the bot: a DM, a mention, a reply to one of its
        messages, a configured channel (or a thread under one), or a thread the bot started."""
        me = self.bot.user
        if me is None or message.author.bot or message.type not in ANSWERED_TYPES:
            return False
        if message.guild is None:
            return True
        if any(user.id == me.id for user in message.mentions) or self.own_role_mentioned(message):
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

    @staticmethod
    def own_role_mentioned(message: discord.Message) -> bool:
        """Discord's mention picker offers the bot's managed role beside the bot itself, and
        people pick either to address it."""
        role = message.guild.self_role if message.guild else None
        return role is not None and role.id in message.raw_role_mentions

    def request_text(self, message: discord.Message) -> str:
        """The message as its reader sees it, without anyone's mention: "a thriller for @Nolan and me"
        asks for no Christopher Nolan film (the bot's own mention, user or role, addresses it)."""
        return plain_request(re.sub(r"<@!?\d+>", " ", message.content))

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
            await self.slow_down(message, wait)
            return
        text = self.request_text(message)
        replied = message.reference.resolved if message.reference else None
        if isinstance(replied, discord.Message) and self.bot.user is not None and replied.author.id == self.bot.user.id:
            # a reply to one pick's message is about that pick: "more like this one", "seen it"
            text = await asyncio.to_thread(self.bot.service.about_pick, PLATFORM, replied.id, text)
        guild_id = message.guild.id if message.guild else None
        user = await asyncio.to_thread(self.bot.register, message.author, guild_id, message.channel.id)
        channel = str(message.channel.id)

        async def reply(**kwargs) -> discord.Message:
            return await message.reply(mention_author=False, allowed_mentions=NO_MENTIONS, **kwargs)

        async def send(**kwargs) -> discord.Message:
            return await message.channel.send(allowed_mentions=NO_MENTIONS, **kwargs)

        async with self.lane(message.channel):
            async with typing(message.channel):
                turn = await self.chat(user, text, message.channel.id, thread=in_thread(message.channel))
            audience = Audience(user, channel, message.author.display_name)
            await deliver(self.bot, turn, first=reply, rest=send, audience=audience, embeds=may_embed(message.channel))

    async def chat(self, user: str, text: str, channel_id: int, *, thread: bool) -> Turn:
        """One turn; in a thread it goes on from the thread's last answer, whoever it was for."""
        where = str(channel_id)
        following = None
        if thread:
            following = await asyncio.to_thread(self.bot.service.last_answered, PLATFORM, where)
        return await asyncio.to_thread(self.bot.service.chat, user, text, channel=where, platform=PLATFORM,
                                       following=following)  # fmt: skip

    @contextlib.asynccontextmanager
    async def lane(self, channel: discord.abc.Messageable | None) -> AsyncIterator[None]:
        """A thread's turns one at a time, each posted before the next is read, as Slack's lanes: Bob's
        "more" sent as Ana's is answered goes on from her picks, whichever of the two came first."""
        if not in_thread(channel):
            yield
            return
        lane = self._lanes.setdefault(channel.id, [asyncio.Lock(), 0])
        lane[1] += 1
        try:
            async with lane[0]:
                yield
        finally:
            lane[1] -= 1
            if not lane[1]:
                del self._lanes[channel.id]

    async def slow_down(self, message: discord.Message, wait: float) -> None:
        """Warns once per cooldown: a reply to every throttled message would be the flood."""
        now = self.bot.cooldown.clock()
        if self._hushed_until.get(message.author.id, 0.0) > now:
            return
        self._hushed_until = {user: end for user, end in self._hushed_until.items() if end > now}  # the ended go
        self._hushed_until[message.author.id] = now + wait
        await message.reply(slow_down(wait), mention_author=False, allowed_mentions=NO_MENTIONS)

    # -- /recommend ----------------------------------------------------------------------

    @app_commands.command(name="recommend", description="Get movie picks; react to them to teach me your taste")
    @app_commands.describe(request="What you're in the mood for, e.g. 'a 90s crime thriller under two hours'")
    async def recommend(self, interaction: discord.Interaction, request: str | None = None) -> None:
        await interaction.response.defer(thinking=True)
        user = await asyncio.to_thread(self.bot.register, interaction.user, interaction.guild_id,
                                       interaction.channel_id)  # fmt: skip
        text = plain_request(request or "") or OPEN_REQUEST
        channel = str(interaction.channel_id)

        async def followup(**kwargs) -> discord.Message:
            return await interaction.followup.send(wait=True, allowed_mentions=NO_MENTIONS, **kwargs)

        async with self.lane(interaction.channel):
            turn = await self.chat(user, text, interaction.channel_id, thread=in_thread(interaction.channel))
            audience = Audience(user, channel, interaction.user.display_name)
            await deliver(self.bot, turn, first=followup, rest=followup, audience=audience)


@contextlib.asynccontextmanager
async def typing(channel: discord.abc.Messageable) -> AsyncIterator[None]:
    """The typing indicator is a courtesy: Discord failing to show it must not cost the answer."""
    indicator = channel.typing()
    try:
        await indicator.__aenter__()
    except discord.HTTPException as exc:
        log.warning("could not show typing in channel %s: %s", getattr(channel, "id", "?"), exc)
        yield
        return
    try:
        yield
    finally:
        await indicator.__aexit__(None, None, None)


THREADS = (discord.ChannelType.public_thread, discord.ChannelType.private_thread, discord.ChannelType.news_thread)


def in_thread(channel: object) -> bool:
    """A thread, cached or not: an interaction in a thread the bot has not cached has a
    PartialMessageable of a thread type for its channel."""
    return isinstance(channel, discord.Thread) or getattr(channel, "type", None) in THREADS


def may_embed(channel: discord.abc.Messageable) -> bool:
    """Whether the bot holds Embed Links here; unknown (no member cached) counts as yes, and a
    refused embed still falls back to text."""
    guild = getattr(channel, "guild", None)
    if guild is None or guild.me is None:
        return True
    return channel.permissions_for(guild.me).embed_links


async def setup(bot: MovieBot) -> None:
    await bot.add_cog(Recommend(bot))
