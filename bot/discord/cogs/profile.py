"""A user's own data: /profile (taste summary and chart), /import (a Letterboxd or IMDb export),
/export (everything kept about them, as the file /import takes back) and /forget (everything
deleted, after a confirmation). Every reply is ephemeral."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from agent.service import ServiceError
from agent.service_types import forgotten
from bot.discord.format import (
    EMBED_COLOUR,
    FIELD_VALUE_LIMIT,
    MESSAGE_LIMIT,
    NO_MENTIONS,
    add_field,
    clip,
    escape,
    fit_embed,
)
from bot.discord.views import OwnerView
from bot.history_files import (
    NOTHING_IMPORTED,
    SHOW_SKIPPED,
    import_file,
    not_an_export,
    report_lines,
    skipped_heading,
    skipped_line,
    stored,
    too_big,
    without_temp_dir,
)
from bot.listing import bullet_lines

if TYPE_CHECKING:
    from agent.service import ImportReport
    from bot.discord.app import MovieBot

log = logging.getLogger(__name__)

MAX_EXPORT_BYTES = 10 * 1024 * 1024  # what Discord lets a bot attach in any server
EXPORT_NAME = "moviebot-export.json"
CHART_NAME = "taste.png"
# not "Done: I deleted everything I knew about you (there was nothing stored)", which said both
NOTHING_STORED = "I had nothing stored about you, so there was nothing to delete."
NOTHING_TO_EXPORT = "I have nothing stored about you, so there is nothing to export."
SOURCES = ("letterboxd", "imdb")  # the choices of /import's `source`


class Profile(commands.Cog):
    def __init__(self, bot: MovieBot):
        self.bot = bot

    # -- /profile ------------------------------------------------------------------------

    @app_commands.command(name="profile", description="What I know about your taste, with a chart")
    async def profile(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        user = self.bot.user_key(interaction.user)
        name = getattr(interaction.user, "display_name", None) or interaction.user.name
        embed, png = await asyncio.to_thread(self._profile, user, name)
        if png is None:
            await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        embed.set_image(url=f"attachment://{CHART_NAME}")
        await interaction.followup.send(embed=embed, file=discord.File(io.BytesIO(png), filename=CHART_NAME),
                                        ephemeral=True, allowed_mentions=NO_MENTIONS)  # fmt: skip

    def _profile(self, user: str, display_name: str) -> tuple[discord.Embed, bytes | None]:
        """Blocking: the summary embed and, when there is anything to draw, the chart."""
        summary = self.bot.service.profile(user)
        embed = discord.Embed(title=clip(f"Your movie taste, {escape(display_name)}", 256), colour=EMBED_COLOUR)
        if summary.is_empty:
            embed.description = (
                "I don't know your taste yet. React to my suggestions (👍 👎 or 1️⃣–5️⃣), use `/rate`, "
                "or `/import` your Letterboxd or IMDb history."
            )
        else:
            embed.description = escape(summary.summary)
        add_field(embed, "Rated", str(summary.rated))
        add_field(embed, "Watched", str(summary.watched))
        add_field(embed, "Not interested", str(summary.dismissed))
        if summary.recent_watched:
            recent = bullet_lines(map(escape, summary.recent_watched), FIELD_VALUE_LIMIT)
            add_field(embed, "Recently watched", recent, inline=False)
        fit_embed(embed)
        if summary.is_empty:
            return embed, None
        return embed, self.bot.service.profile_chart(user, display_name)

    # -- /import -------------------------------------------------------------------------

    @app_commands.command(name="import", description="Import your Letterboxd or IMDb history, or an /export file")
    @app_commands.describe(
        file="Letterboxd: the .zip or ratings/watched/diary.csv; IMDb: ratings.csv; or the file /export gave",
        source="Where the file comes from (detected from the file when left out)",
    )
    async def import_(
        self, interaction: discord.Interaction, file: discord.Attachment,
        source: Literal["letterboxd", "imdb"] | None = None,
    ) -> None:  # fmt: skip
        if refused := too_big(file.size):
            await interaction.response.send_message(refused, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        refused = not_an_export(data, self.bot.user_key(interaction.user))
        if refused:
            await interaction.edit_original_response(content=refused, allowed_mentions=NO_MENTIONS)
            return
        user = await asyncio.to_thread(self.bot.register, interaction.user, interaction.guild_id,
                                       interaction.channel_id)  # fmt: skip
        try:
            report = await asyncio.to_thread(self._import, user, file.filename, data, source)
        except ServiceError as exc:
            said = without_temp_dir(exc.message).removesuffix(NOTHING_IMPORTED).rstrip()
            text = nothing_imported(f"I couldn't read that file: {escape(said)}{other_source(exc)}")
            await interaction.edit_original_response(content=text, allowed_mentions=NO_MENTIONS)
            return
        await interaction.edit_original_response(content=import_summary(report), allowed_mentions=NO_MENTIONS)

    def _import(self, user: str, filename: str, data: bytes, source: str | None) -> ImportReport:
        """Blocking: the export imported by the service, from a private temporary folder."""
        report = import_file(self.bot.service, user, filename, data, source)
        log.info("imported %s history for %s: %d rated, %d watched, %d skipped", report.format, user, report.rated,
                 report.watched, len(report.skipped))  # fmt: skip
        return report

    # -- /export -------------------------------------------------------------------------

    @app_commands.command(name="export", description="Everything I keep about you, as a file /import takes back")
    async def export(self, interaction: discord.Interaction) -> None:
        """/forget deleted it all, yet only the terminal and the HTTP API could hand it over first."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        user = self.bot.user_key(interaction.user)
        stored = await asyncio.to_thread(self.bot.service.export, user)
        if stored.get("user") is None and not any(v for v in stored.values() if isinstance(v, list)):
            await interaction.followup.send(NOTHING_TO_EXPORT, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        data = json.dumps(stored, ensure_ascii=False, indent=1).encode()
        if len(data) > MAX_EXPORT_BYTES:
            said = (f"Everything I keep about you comes to {len(data) / 1_048_576:.0f} MB, more than Discord lets me "
                    f"attach. Whoever runs moviebot can export it: `moviebot user export --user {user}`.")  # fmt: skip
            await interaction.followup.send(said, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        said = (f"Everything I keep about you ({exported(stored)}). `/import` this file to bring back its "
                "ratings, watched films and dismissed films, here or on another moviebot.")  # fmt: skip
        await interaction.followup.send(said, file=discord.File(io.BytesIO(data), filename=EXPORT_NAME),
                                        ephemeral=True, allowed_mentions=NO_MENTIONS)  # fmt: skip

    # -- /forget -------------------------------------------------------------------------

    @app_commands.command(name="forget", description="Delete everything I know about you")
    async def forget(self, interaction: discord.Interaction) -> None:
        view = ForgetConfirm(interaction, self.bot)
        await interaction.response.send_message(
            "This deletes your ratings, watched list, suggestions, reactions and our conversations, "
            "everywhere I'm used. It can't be undone. Are you sure?",
            view=view, ephemeral=True, allowed_mentions=NO_MENTIONS,
        )  # fmt: skip


def exported(stored: dict) -> str:
    """ "2 ratings, 29 watched films, 6 suggestions shown": what the file holds, as /forget counts it."""
    held = forgotten({what: len(rows) for what, rows in stored.items() if isinstance(rows, list)})
    return held or "only your user record"


def other_source(exc: ServiceError) -> str:
    """What to choose instead when `source` named the wrong export: "this looks like a Letterboxd
    file, not an IMDb ratings export" left the user to guess how to say so (the CLI names the flag)."""
    looks_like = getattr(exc.__cause__, "looks_like", None)
    if looks_like not in SOURCES:
        return ""
    return f"\nRun `/import` again with source `{looks_like}`, or leave source out and I'll tell from the file."


def nothing_imported(text: str) -> str:
    """An import that failed says so last, whatever the reason."""
    if text.rstrip().endswith(NOTHING_IMPORTED):
        return clip(text, MESSAGE_LIMIT)
    return clip(text, MESSAGE_LIMIT - len(NOTHING_IMPORTED) - 1) + "\n" + NOTHING_IMPORTED


def import_summary(report: ImportReport) -> str:
    lines = report_lines(report)
    skipped = report.skipped
    if skipped:
        lines.append(skipped_heading(report))
        for row in skipped[:SHOW_SKIPPED]:
            lines.append(f"• {escape(skipped_line(row))}")
        if len(skipped) > SHOW_SKIPPED:
            lines.append(f"… and {len(skipped) - SHOW_SKIPPED} more.")
    if not stored(report):
        return nothing_imported("\n".join(lines))
    return clip("\n".join(lines), MESSAGE_LIMIT)


class ForgetConfirm(OwnerView):
    def __init__(self, origin: discord.Interaction, bot: MovieBot):
        super().__init__(origin, timeout=120)
        self.bot = bot

    @discord.ui.button(label="Delete my data", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        counts = await asyncio.to_thread(self._forget, self.bot.user_key(interaction.user))
        done = forgotten(counts)
        said = f"Done: I deleted everything I knew about you ({done})." if done else NOTHING_STORED
        await interaction.response.edit_message(content=said, view=None, allowed_mentions=NO_MENTIONS)

    def _forget(self, user: str) -> dict[str, int]:
        counts = self.bot.service.forget(user)
        log.info("forgot %s: %s", user, counts)
        return counts

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.stop()
        await interaction.response.edit_message(content="Nothing was deleted.", view=None,
                                                allowed_mentions=NO_MENTIONS)  # fmt: skip


async def setup(bot: MovieBot) -> None:
    await bot.add_cog(Profile(bot))
