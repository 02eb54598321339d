"""What every interactive reply shares: only the person it was made for can press its buttons,
failures reach them as a short apology (and the log as a traceback), and replies never ping."""

from __future__ import annotations

import logging

import discord

from bot.discord.format import NO_MENTIONS, SORRY

log = logging.getLogger(__name__)


async def respond(interaction: discord.Interaction, content: str | None = None, *, ephemeral: bool = True,
                  **kwargs) -> None:  # fmt: skip
    """The first answer to an interaction, or a follow-up when it was already answered or deferred."""
    kwargs.setdefault("allowed_mentions", NO_MENTIONS)
    if interaction.response.is_done():
        await interaction.followup.send(content, ephemeral=ephemeral, **kwargs)
    else:
        await interaction.response.send_message(content, ephemeral=ephemeral, **kwargs)


class OwnerView(discord.ui.View):
    """A view on a reply to one person, to the interaction `origin` that asked for it. Its
    buttons and menus go grey when it times out: discord.py stops listening then, and a click
    on a live-looking button would only get Discord's "This interaction failed"."""

    def __init__(self, origin: discord.Interaction, *, timeout: float | None = 300):
        super().__init__(timeout=timeout)
        self.origin = origin
        self.owner_id = origin.user.id

    async def on_timeout(self) -> None:
        for item in self.children:
            item.disabled = True
        try:
            await self.origin.edit_original_response(view=self, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:  # the reply was dismissed, or its token expired
            log.info("could not disable the timed-out %s: %s", type(self).__name__, exc)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "These buttons belong to someone else's command; run it yourself to get your own.",
            ephemeral=True, allowed_mentions=NO_MENTIONS,
        )  # fmt: skip
        return False

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        log.error("view %s failed for user %s", type(self).__name__, interaction.user.id, exc_info=error)
        try:
            await respond(interaction, SORRY)
        except discord.HTTPException:
            log.warning("could not tell user %s about the failure", interaction.user.id)
