"""Which film a user means, for every command that takes a title.

Autocomplete offers "Title (Year)" with the catalog id as the value, so a picked suggestion is
exact. Typed text is resolved by the service verb itself (the same matcher as every front
end's, and the verb's own sense of which film is meant); when it fits several films (remakes,
shared titles) the user picks from a menu instead of the bot guessing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import discord
from discord import app_commands

from agent.prose import prose_list
from agent.service import AmbiguousTitle, MovieService, ServiceError, UnknownTitle
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


async def act_on_title(interaction: discord.Interaction, text: str, act: Act) -> None:
    """Runs `act` on the film `text` names (an id from autocomplete, or typed text), which the
    service resolves in the light of the command: /watched remove "Psycho" means the Psycho on
    the user's list. When several films still fit, the user picks one from a menu."""
    try:
        confirmation = await act(text)
    except AmbiguousTitle as ambiguous:
        options = [(c.movie_id, c.label) for c in ambiguous.choices]
        view = TitleChoice(interaction, options, act)
        await interaction.response.send_message(
            f"Several films are called “{escape(clip(text, 200))}”. Which one do you mean?",
            view=view, ephemeral=True, allowed_mentions=NO_MENTIONS,
        )  # fmt: skip
    except UnknownTitle as error:
        await interaction.response.send_message(not_found(text, error), ephemeral=True, allowed_mentions=NO_MENTIONS)
    except ServiceError as error:  # "which film? give its title", stars out of range: said as it is
        await interaction.response.send_message(escape(error.sentence), ephemeral=True, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(confirmation, ephemeral=True, allowed_mentions=NO_MENTIONS)


def not_found(text: str, error: ServiceError) -> str:
    close = getattr(error, "suggestions", None) or []
    hint = f" Did you mean {prose_list([escape(label) for label in close[:3]], 'or')}?" if close else ""
    return (
        f"I couldn't find a film called “{escape(clip(text or '', 200))}” in my catalog.{hint} "
        "Try picking one of the suggestions as you type."
    )


class TitleChoice(OwnerView):
    """A menu of the films a title could mean; choosing one runs the command on it."""

    def __init__(self, origin: discord.Interaction, options: list[tuple[str, str]], act: Act):
        super().__init__(origin, timeout=180)
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
