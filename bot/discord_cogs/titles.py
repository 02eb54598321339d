"""Which film a user means, for every command that takes a title.

Autocomplete offers "Title (Year)" with the catalog id as the value, so a picked suggestion is
exact. Typed text is resolved by the catalog; when it fits several films (remakes, shared
titles) the user picks from a menu instead of the bot guessing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import discord
from discord import app_commands

from bot.discord_cogs.format import CHOICE_LIMIT, NO_MENTIONS, clip, escape
from bot.discord_cogs.views import OwnerView
from store.catalog import Catalog

MAX_OPTIONS = 25

# Applies the command to one film and returns the confirmation to show.
Act = Callable[[str], Awaitable[str]]


@dataclass(frozen=True)
class Resolved:
    movie_id: str | None  # the film, when there is exactly one
    options: list[tuple[str, str]]  # (movie id, label) to choose from, when several fit


def title_choices(catalog: Catalog, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=clip(movie.label, CHOICE_LIMIT), value=movie.id)
        for movie in catalog.suggest_titles(current, limit=MAX_OPTIONS)
        if len(movie.id) <= CHOICE_LIMIT
    ]


def resolve(catalog: Catalog, text: str) -> Resolved:
    """An id from autocomplete, else the catalog's best reading of typed text."""
    text = (text or "").strip()
    if text in catalog:
        return Resolved(text, [])
    match = catalog.resolve_title(text) if text else None
    if match is None:
        return Resolved(None, [])
    if match.ambiguous:
        best = catalog.movies[match.movie_id].label
        return Resolved(None, [(match.movie_id, best), *match.alternatives][:MAX_OPTIONS])
    return Resolved(match.movie_id, [])


async def act_on_title(interaction: discord.Interaction, catalog: Catalog, text: str, act: Act) -> None:
    """Runs `act` on the film `text` names, asking which one first when several fit."""
    resolved = await asyncio.to_thread(resolve, catalog, text)
    if resolved.movie_id is not None:
        confirmation = await act(resolved.movie_id)
        await interaction.response.send_message(confirmation, ephemeral=True, allowed_mentions=NO_MENTIONS)
    elif resolved.options:
        view = TitleChoice(interaction.user.id, resolved.options, act)
        await interaction.response.send_message(
            f"Several films are called “{escape(clip(text, 200))}”. Which one do you mean?",
            view=view, ephemeral=True, allowed_mentions=NO_MENTIONS,
        )  # fmt: skip
    else:
        await interaction.response.send_message(
            f"I couldn't find a film called “{escape(clip(text, 200))}” in my catalog. "
            "Try picking one of the suggestions as you type.",
            ephemeral=True, allowed_mentions=NO_MENTIONS,
        )  # fmt: skip


class TitleChoice(OwnerView):
    """A menu of the films a title could mean; choosing one runs the command on it."""

    def __init__(self, owner_id: int, options: list[tuple[str, str]], act: Act):
        super().__init__(owner_id, timeout=180)
        self.act = act
        self.choice.options = [
            discord.SelectOption(label=clip(label, CHOICE_LIMIT), value=movie_id)
            for movie_id, label in options[:MAX_OPTIONS]
        ]

    @discord.ui.select(placeholder="Pick the film you mean", min_values=1, max_values=1)
    async def choice(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        confirmation = await self.act(select.values[0])
        self.stop()
        await interaction.response.edit_message(content=confirmation, view=None, allowed_mentions=NO_MENTIONS)
