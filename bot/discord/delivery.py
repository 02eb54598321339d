"""Posting one answer: the intro, then each pick as its own message with its reactions; a long
answer ("50 comedies") in messages of ten picks as compact text instead, rated in words, rather
than fifty messages and 450 reactions flooding the channel.

The service logs every pick as shown before a single message goes out, so when Discord fails
part-way the picks it never posted are withdrawn (service.withdraw), and the user is told how
many went missing: what they saw and what "more" or "the second one" go by stay the same. A
channel where the bot may not embed gets each pick as plain text instead of losing it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import aiohttp
import discord

from agent.reactions import REACTIONS
from bot.discord.format import MESSAGE_LIMIT, clip, embed_text, escape, movie_label, pick_embed
from bot.listing import split_message

if TYPE_CHECKING:
    from agent.service import Turn
    from bot.discord.app import MovieBot

log = logging.getLogger(__name__)

# Sends one message (content= and/or embed=) and returns it.
Send = Callable[..., Awaitable[discord.Message]]

# Discord's answers to an embed the bot may not post: Missing Permissions, Cannot send an empty
# message (the embed stripped for want of Embed Links).
EMBED_REFUSED = {50013, 50006}
OWN_MESSAGES = 10  # up to this many picks, each is its own message, rated by reactions
PICKS_PER_MESSAGE = 10  # a longer answer goes in messages of this many picks, rated in words
RATE_IN_WORDS = 'To rate one of these, reply in words ("loved the 12th one", "seen the 3rd") or use `/rate`.'
REACTED_TO_SEVERAL = (
    "A reaction on a message of several picks can't say which film it's for, so I didn't count it. " + RATE_IN_WORDS
)


@dataclass(frozen=True)
class Audience:
    """Whom an answer is for: the profile key and conversation channel the service logged its
    picks under (to withdraw the ones never posted), and the name shown on each pick."""

    user: str
    channel: str
    name: str


class Poster:
    """Sends with `first` until one message is out, then with `rest`; embeds until Discord
    refuses one for want of a permission, then plain text."""

    def __init__(self, first: Send, rest: Send, *, embeds: bool):
        self.first, self.rest, self.embeds = first, rest, embeds
        self.started = False

    async def post(self, **kwargs) -> discord.Message:
        message = await (self.rest if self.started else self.first)(**kwargs)
        self.started = True
        return message

    async def post_embed(self, embed: discord.Embed) -> discord.Message:
        if self.embeds:
            try:
                return await self.post(embed=embed)
            except discord.HTTPException as exc:
                if exc.code not in EMBED_REFUSED:
                    raise
                log.warning("Discord refused an embed (%s); posting picks as plain text", exc.code)
                self.embeds = False
        return await self.post(content=embed_text(embed))


async def deliver(bot: MovieBot, turn: Turn, *, first: Send, rest: Send, audience: Audience,
                  embeds: bool = True) -> list[discord.Message]:  # fmt: skip
    """Posts one answer and returns the pick messages that went out; an answer without picks
    goes out as text, split at line boundaries."""
    picks = turn.recommendations
    if not picks:
        text = escape(turn.reply or "I'm not sure what you mean; ask me for a movie!")
        for n, chunk in enumerate(split_message(text, MESSAGE_LIMIT)):
            await (first if n == 0 else rest)(content=chunk)
        return []
    poster = Poster(first, rest, embeds=embeds)
    posted: list[discord.Message] = []
    shown = 0  # picks on screen
    try:
        intro = turn.intro.strip()
        if intro:
            await poster.post(content=clip(escape(intro), MESSAGE_LIMIT))
        if len(picks) <= OWN_MESSAGES:
            for position, pick in enumerate(picks, 1):
                message = await poster.post_embed(pick_embed(pick, position=position, owner=audience.name))
                posted.append(message)  # on screen now, whatever its reactions do
                shown = position
                await ready_to_rate(bot, message, pick)
        else:
            for start in range(0, len(picks), PICKS_PER_MESSAGE):
                batch = picks[start : start + PICKS_PER_MESSAGE]
                message = await poster.post(content=picks_text(batch, first=start + 1, owner=audience.name))
                posted.append(message)
                shown = start + len(batch)
                # a rating reaction put on it anyway is answered (Ratings), after a restart too
                await asyncio.to_thread(bot.service.attach_several, "discord", message.id)
    except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:  # refused, or the connection dropped
        log.warning("posting picks failed after %d of %d: %s", shown, len(picks), exc)
        await withdraw(bot, audience, picks[shown:])
        await tell(poster, not_posted(len(picks) - shown, some_posted=bool(shown), error=exc))
    return posted


def picks_text(picks: list[dict], *, first: int, owner: str) -> str:
    """Several picks in one plain message, numbered on from `first` as the answer counts them (so
    "the 12th one" is the 12th listed), one line each; no reactions, which could not say which
    film they meant, so the last line says how to rate them in words."""
    head, tail = f"-# For {escape(owner)}", f"-# {RATE_IN_WORDS}"
    room = (MESSAGE_LIMIT - len(head) - len(tail) - len(picks) - 2) // len(picks)  # each line's share
    lines = []
    for position, pick in enumerate(picks, first):
        name = f"{position}. " + clip(escape(movie_label(pick.get("title") or "?", pick.get("year"))), room // 2)
        why = clip(escape(pick.get("explanation") or ""), room - len(name) - 6)
        lines.append(f"**{name}**" + (f": {why}" if why else ""))
    return "\n".join([head, *lines, tail])


async def ready_to_rate(bot: MovieBot, message: discord.Message, pick: dict) -> None:
    """A posted pick, attached to its suggestion and given its reactions at once, so it is ready
    to rate as soon as it shows, whatever happens to the next one."""
    if pick.get("suggestion_id") is not None:
        await asyncio.to_thread(bot.service.attach_message, pick["suggestion_id"], message.id)
    await add_rating_reactions(message)


async def withdraw(bot: MovieBot, audience: Audience, picks: list[dict]) -> None:
    ids = [pick["suggestion_id"] for pick in picks if pick.get("suggestion_id") is not None]
    if ids:
        await asyncio.to_thread(bot.service.withdraw, audience.user, ids, channel=audience.channel)


def not_posted(count: int, *, some_posted: bool, error: Exception) -> str:
    """What the user is told when picks went missing, true to how many."""
    what = "the other pick" if count == 1 else f"the other {count} picks"
    if isinstance(error, discord.Forbidden):
        why = "I'm missing a permission in this channel"
    elif isinstance(error, discord.HTTPException):
        why = f"Discord error {error.status}"
    else:
        why = "the connection to Discord dropped"
    return f'I couldn\'t post {what if some_posted else "my picks"} ({why}). Say "more" to try again.'


async def tell(poster: Poster, text: str) -> None:
    try:
        await poster.post(content=text)
    except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
        log.warning("could not say that picks went missing: %s", exc)


async def add_rating_reactions(message: discord.Message) -> None:
    for emoji in REACTIONS:
        try:
            await message.add_reaction(emoji)
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:  # no Add Reactions permission, a
            log.warning("could not add reactions to message %s: %s", message.id, exc)  # DM, a dropped connection
            return
