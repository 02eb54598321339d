"""/movienight: one film for a group (the caller and up to five others) that nobody in it has
watched, balanced across their tastes, with the reason it should work for each person."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.delivery import ready_to_rate
from bot.discord.format import (
    EMBED_COLOUR,
    NO_MENTIONS,
    add_field,
    clip,
    escape,
    fit_embed,
    movie_label,
    runtime_text,
)
from bot.discord.markup import plain_request

if TYPE_CHECKING:
    from bot.discord.app import MovieBot

log = logging.getLogger(__name__)

MAX_PEOPLE = 6


class MovieNight(commands.Cog):
    def __init__(self, bot: MovieBot):
        self.bot = bot

    @app_commands.command(name="movienight", description="One film for a group that none of you has seen")
    @app_commands.guild_only()
    @app_commands.describe(
        person1="Who's watching with you", person2="Also watching", person3="Also watching",
        person4="Also watching", person5="Also watching",
        request="Optional: what the group is in the mood for, e.g. 'a comedy under two hours'",
    )  # fmt: skip
    async def movienight(
        self,
        interaction: discord.Interaction,
        person1: discord.Member,
        person2: discord.Member | None = None,
        person3: discord.Member | None = None,
        person4: discord.Member | None = None,
        person5: discord.Member | None = None,
        request: str | None = None,
    ) -> None:
        people = group_of(interaction.user, [person1, person2, person3, person4, person5])
        if len(people) < 2:
            await interaction.response.send_message(
                "Movie night needs at least one other person (bots don't watch movies).",
                ephemeral=True, allowed_mentions=NO_MENTIONS,
            )  # fmt: skip
            return
        # Deferred for the caller alone: a request not understood, or one no film fits, is theirs to
        # rephrase, not the channel's to read; only a pick is posted for everyone.
        await interaction.response.defer(ephemeral=True, thinking=True)
        keys = await asyncio.to_thread(self._register, people, interaction.guild_id, interaction.channel_id)
        turn = await asyncio.to_thread(self.bot.service.group_pick, keys, plain_request(request or ""), 1,
                                       platform="discord", channel=str(interaction.channel_id))  # fmt: skip
        picks = turn.recommendations
        if not picks:
            await interaction.followup.send(escape(turn.reply or "I couldn't find a film for all of you."),
                                            ephemeral=True, allowed_mentions=NO_MENTIONS)  # fmt: skip
            return
        names = {key: member.display_name for key, member in zip(keys, people, strict=True)}
        await interaction.edit_original_response(
            content="Posting your movie-night pick for everyone.", allowed_mentions=NO_MENTIONS
        )
        message = await interaction.followup.send(embed=movienight_embed(picks[0], names), wait=True,
                                                  allowed_mentions=NO_MENTIONS)  # fmt: skip
        await tidy_up(interaction)
        await ready_to_rate(self.bot, message, picks[0])  # anyone watching can rate it by reacting

    def _register(self, people: list[discord.abc.User], guild_id: int | None, channel_id: int | None) -> list[str]:
        return [self.bot.register(member, guild_id, channel_id) for member in people]


async def tidy_up(interaction: discord.Interaction) -> None:
    """Removes the caller's private note once the pick is posted. The note had to come first: the
    first followup of a deferred interaction takes the deferral's place and would be as private."""
    try:
        await interaction.delete_original_response()
    except discord.HTTPException as exc:  # the note stays, which says nothing untrue
        log.info("could not remove the movie-night note: %s", exc)


def group_of(caller: discord.abc.User, chosen: list[discord.abc.User | None]) -> list[discord.abc.User]:
    """The caller first, then each chosen person once; bots are left out."""
    people: dict[int, discord.abc.User] = {}
    for person in [caller, *chosen]:
        if person is not None and not person.bot and person.id not in people:
            people[person.id] = person
    return list(people.values())[:MAX_PEOPLE]


def movienight_embed(pick: dict, names: dict[str, str]) -> discord.Embed:
    label = escape(movie_label(pick.get("title") or "?", pick.get("year")))
    embed = discord.Embed(
        title=clip(f"🎬 Movie night: {label}", 256),
        description=escape(pick.get("explanation") or "") or None,
        colour=EMBED_COLOUR,
    )
    facts = [", ".join(pick.get("genres") or [])]
    if pick.get("runtime"):
        facts.append(runtime_text(pick["runtime"]))
    if pick.get("directors"):
        facts.append("dir. " + ", ".join(pick["directors"][:2]))
    if pick.get("rating") is not None:
        facts.append(f"{float(pick['rating']):.1f}/10")
    if any(facts):
        add_field(embed, "About", escape(" · ".join(f for f in facts if f)), inline=False)
    for key, reason in (pick.get("per_person") or {}).items():
        add_field(embed, f"For {escape(names.get(key, key))}", escape(reason), inline=False)
    if pick.get("poster_url"):
        embed.set_thumbnail(url=pick["poster_url"])
    embed.set_footer(text="None of you has marked it watched.")
    return fit_embed(embed)


async def setup(bot: MovieBot) -> None:
    await bot.add_cog(MovieNight(bot))
