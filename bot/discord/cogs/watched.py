"""/watched add, /watched remove, /watched list: what a user has seen is never suggested to them."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from agent.typed_stars import FORMS
from bot.discord.format import CHOICE_LIMIT, EMBED_COLOUR, NO_MENTIONS, clip, escape, fit_embed
from bot.discord.stars import star_choices, stars_given
from bot.discord.titles import act_on_title, title_choices
from bot.discord.views import OwnerView
from bot.listing import no_such_page, pages_of, watched_on

if TYPE_CHECKING:
    from agent.service import WatchedItem
    from bot.discord.app import MovieBot

PAGE_SIZE = 10


class Watched(commands.GroupCog, group_name="watched", group_description="Films you've seen"):
    def __init__(self, bot: MovieBot):
        self.bot = bot
        self.service = bot.service
        super().__init__()

    @app_commands.command(name="add", description="Mark a film as watched (optionally with your rating)")
    @app_commands.describe(
        title="Start typing and pick the film",
        rating=f"Your rating, 0.5 to 5 in half stars: {FORMS}",
        date="The day you watched it, YYYY-MM-DD (a film already listed keeps its day otherwise)",
    )
    async def add(
        self,
        interaction: discord.Interaction,
        title: str,
        rating: str | None = None,
        date: str | None = None,
    ) -> None:
        try:
            stars = None if rating is None else stars_given(rating)
        except ValueError as bad:
            await interaction.response.send_message(escape(str(bad)), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return

        async def apply(movie_id: str) -> str:
            added = await asyncio.to_thread(self._add, interaction, movie_id, stars, date)
            if added.was_listed:  # its day kept: "Heat (1995) was already on your watched list, since 2024-01-01."
                return escape(added.message)
            rated = f", rated {added.given}" if added.stars is not None else ""
            day = f" on {added.on.date().isoformat()}" if added.on is not None else ""
            said = f"Marked **{escape(added.label)}** as watched{day}{rated}. I won't suggest it again."
            return " ".join(filter(None, [said, escape(added.note)]))

        await act_on_title(interaction, title, apply)

    def _add(self, interaction: discord.Interaction, movie_id: str, rating: float | None, day: str | None):
        user = self.bot.register(interaction.user, interaction.guild_id, interaction.channel_id)
        return self.service.watched_add(user, movie_id, rating, on=day or None)

    @app_commands.command(name="remove", description="Take a film off your watched list")
    @app_commands.describe(title="Start typing and pick the film")
    async def remove(self, interaction: discord.Interaction, title: str) -> None:
        user = self.bot.user_key(interaction.user)

        async def apply(movie_id: str) -> str:
            removed = await asyncio.to_thread(self.service.watched_remove, user, movie_id)
            return escape(removed.message)

        await act_on_title(interaction, title, apply)

    @app_commands.command(name="list", description="The films you've marked as watched")
    @app_commands.describe(page="Which page of ten to open at (the first when not given)")
    async def show_list(self, interaction: discord.Interaction, page: app_commands.Range[int, 1] | None = None) -> None:
        user = self.bot.user_key(interaction.user)
        items = await asyncio.to_thread(self.service.watched_list, user)
        lines = [self._line(item) for item in items]
        if not lines:
            await interaction.response.send_message(
                "You haven't marked anything as watched yet. Use `/watched add`, react ✅ on a suggestion, "
                "or `/import` your Letterboxd or IMDb history.",
                ephemeral=True, allowed_mentions=NO_MENTIONS,
            )  # fmt: skip
            return
        if page is not None and (why_not := no_such_page(page, len(lines), PAGE_SIZE)):
            await interaction.response.send_message(why_not, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        pages = WatchedPages(interaction, lines, page=(page or 1) - 1)
        extra = {"view": pages} if pages.count > 1 else {}
        await interaction.response.send_message(embed=pages.embed(), ephemeral=True, allowed_mentions=NO_MENTIONS,
                                                **extra)  # fmt: skip

    @staticmethod
    def _line(item: WatchedItem) -> str:
        label = escape(item.label)
        return (f"{label} · {item.given}" if item.stars is not None else label) + watched_on(item)

    @add.autocomplete("rating")
    async def _add_rating(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return star_choices(current)

    @add.autocomplete("title")
    async def _add_title(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await asyncio.to_thread(title_choices, self.service, current)

    @remove.autocomplete("title")
    async def _remove_title(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        """The user's own watched films first, then the catalog."""
        user = self.bot.user_key(interaction.user)
        items = await asyncio.to_thread(self.service.watched_list, user)
        needle = current.casefold().strip()
        own = [
            app_commands.Choice(name=clip(item.label, CHOICE_LIMIT), value=item.movie_id)
            for item in items
            if item.movie_id in self.service.catalog
            and needle in item.label.casefold()
            and len(item.movie_id) <= CHOICE_LIMIT
        ]
        if own:
            return own[:25]
        return await asyncio.to_thread(title_choices, self.service, current)


class WatchedPages(OwnerView):
    """The watched list, ten films a page, with previous/next buttons."""

    def __init__(self, origin: discord.Interaction, lines: list[str], *, per_page: int = PAGE_SIZE, page: int = 0):
        super().__init__(origin, timeout=600)
        self.lines = lines
        self.per_page = per_page
        self.page = page
        self._sync_buttons()

    @property
    def count(self) -> int:
        return pages_of(len(self.lines), self.per_page)

    def embed(self) -> discord.Embed:
        start = self.page * self.per_page
        shown = self.lines[start : start + self.per_page]
        body = "\n".join(f"{start + n}. {line}" for n, line in enumerate(shown, 1))
        embed = discord.Embed(title=f"Watched ({len(self.lines)})", description=body, colour=EMBED_COLOUR)
        embed.set_footer(text=f"Page {self.page + 1} of {self.count}")
        return fit_embed(embed)

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page >= self.count - 1

    async def _show(self, interaction: discord.Interaction, page: int) -> None:
        self.page = min(max(page, 0), self.count - 1)
        self._sync_buttons()
        await interaction.response.edit_message(embed=self.embed(), view=self, allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="Previous", emoji="◀️", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.page - 1)

    @discord.ui.button(label="Next", emoji="▶️", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.page + 1)


async def setup(bot: MovieBot) -> None:
    await bot.add_cog(Watched(bot))
