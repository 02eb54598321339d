"""Which film a user means, for every command that takes a title.

Autocomplete offers "Title (Year)" with the catalog id as the value, so a picked suggestion is
exact. Typed text is resolved by the service (the same matcher as every front end's); when it
fits several films (remakes, shared titles) the user picks from a menu instead of the bot guessing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import discord
from discord import app_commands

from agent.service import AmbiguousTitle, MovieService, ServiceError
from bot.discord.format import CHOICE_LIMIT, NO_MENTIONS, clip, escape
from bot.discord.views import OwnerView

MAX_OPTIONS = 25

# Applies the command to one film and returns the confirmation to show.
Act = Callable[[str], Awaitable[str]]


def title_choices(service: MovieService, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=clip(choice.label, CHOICE_LIMIT), value=choice.movie_id)
        for choice in service.suggest_titles(current, limit=MAX_OPTIONS)
        if len(choice.movie_id) <= CHOICE_LIMIT
    ]


async def act_on_title(interaction: discord.Interaction, service: MovieService, text: str, act: Act) -> None:
    """Runs `act` on the film `text` names (an id from autocomplete, or typed text read by
    service.resolve), asking which one first when several fit."""
    try:
        movie = await asyncio.to_thread(service.resolve, text)
    except AmbiguousTitle as ambiguous:
        options = [(c.movie_id, c.label) for c in ambiguous.choices]
        view = TitleChoice(interaction.user.id, options, act)
        await interaction.response.send_message(
            f"Several films are called “{escape(clip(text, 200))}”. Which one do you mean?",
            view=view, ephemeral=True, allowed_mentions=NO_MENTIONS,
        )  # fmt: skip
    except ServiceError:
        await interaction.response.send_message(
            f"I couldn't find a film called “{escape(clip(text or '', 200))}” in my catalog. "
            "Try picking one of the suggestions as you type.",
            ephemeral=True, allowed_mentions=NO_MENTIONS,
        )  # fmt: skip
    else:
        confirmation = await act(movie.id)
        await interaction.response.send_message(confirmation, ephemeral=True, allowed_mentions=NO_MENTIONS)


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
