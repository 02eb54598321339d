"""A user's own data: /profile (taste summary and chart), /import (a Letterboxd or IMDb export),
/export (everything kept about them, as the file /import takes back) and /forget (everything
deleted, after a confirmation). Every reply is ephemeral."""

from __future__ import annotations

import asyncio
import codecs
import io
import json
import logging
import re
import tempfile
from pathlib import Path
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
from bot.listing import bullet_lines

if TYPE_CHECKING:
    from agent.service import ImportReport
    from bot.discord.app import MovieBot

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 25 * 1024 * 1024
MAX_EXPORT_BYTES = 10 * 1024 * 1024  # what Discord lets a bot attach in any server
EXPORT_NAME = "moviebot-export.json"
CHART_NAME = "taste.png"
SHOW_SKIPPED = 8
NOTHING_IMPORTED = "Nothing was imported."
# not "Done: I deleted everything I knew about you (there was nothing stored)", which said both
NOTHING_STORED = "I had nothing stored about you, so there was nothing to delete."
NOTHING_TO_EXPORT = "I have nothing stored about you, so there is nothing to export."
SOURCES = ("letterboxd", "imdb")  # the choices of /import's `source`
ZIP = b"PK\x03\x04"
UTF_16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # a spreadsheet saved as "Unicode text": a list, not binary
# What people attach by mistake, told by the first bytes: named, never echoed back.
FILE_KINDS = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"RIFF": "a WebP image or other media",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


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
        if file.size > MAX_IMPORT_BYTES:
            await interaction.response.send_message(
                f"That file is {file.size / 1_048_576:.0f} MB; "
                f"I take exports up to {MAX_IMPORT_BYTES // 1_048_576} MB.",
                ephemeral=True, allowed_mentions=NO_MENTIONS,
            )  # fmt: skip
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
            said = _without_temp_dir(exc.message).removesuffix(NOTHING_IMPORTED).rstrip()
            text = nothing_imported(f"I couldn't read that file: {escape(said)}{other_source(exc)}")
            await interaction.edit_original_response(content=text, allowed_mentions=NO_MENTIONS)
            return
        await interaction.edit_original_response(content=import_summary(report), allowed_mentions=NO_MENTIONS)

    def _import(self, user: str, filename: str, data: bytes, source: str | None) -> ImportReport:
        """Blocking: the export written to a private temporary folder, then imported by the service."""
        name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(filename).name) or "export.csv"
        with tempfile.TemporaryDirectory(prefix="moviebot-import-") as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            report = self.bot.service.import_history(user, path, source)
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


def not_an_export(data: bytes, user: str) -> str | None:
    """Why /import cannot take this file at all, before the service reads it: a binary file
    (whose bytes would otherwise end up in the error), or a MovieLens file, which holds many
    people and needs the CLI to say whose ratings are yours."""
    head = data[:2048]
    kind = next((name for magic, name in FILE_KINDS.items() if head.startswith(magic)), None)
    if kind is None and b"\0" in head and not head.startswith((ZIP, *UTF_16)):  # a Letterboxd export is a zip
        kind = "a binary file"
    if kind:
        return f"That file isn't a CSV export (it looks like {kind}). {NOTHING_IMPORTED}"
    header = head.decode("utf-8-sig", errors="replace").partition("\n")[0]
    columns = {column.strip().strip('"') for column in header.split(",")}
    if {"userId", "movieId"} <= columns:
        return (
            "That's a MovieLens ratings file: it holds many people's ratings, and /import can't tell "
            "which are yours. Whoever runs moviebot can import it from the command line: `moviebot import "
            f"--user {user} --format movielens --movielens-user N ratings.csv`, with N your MovieLens userId. "
            f"{NOTHING_IMPORTED}"
        )
    return None


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
    source = {"letterboxd": "Letterboxd", "imdb": "IMDb", "movielens": "MovieLens"}.get(report.format, report.format)
    stored = report.rated or report.watched or report.dismissed
    if stored:
        ratings = f"{report.rated} rating{'' if report.rated == 1 else 's'}"
        films = f"{report.watched} watched film{'' if report.watched == 1 else 's'}"
        lines = [f"Imported from {source}: {ratings} and {films}."]
        if report.rated_only:  # a 👍 alone never said the film was seen
            them = "1 film" if report.rated_only == 1 else f"{report.rated_only} films"
            are = "is" if report.rated_only == 1 else "are"
            lines.append(f"{them} you gave only a 👍 or 👎 {are} rated, not marked watched.")
    elif report.rows:  # "Imported from Letterboxd: 0 ratings and 0 watched films" then "Nothing was imported."
        lines = [f"None of the {_rows(report.rows)} in that {source} file could be imported."]
    elif report.format == "moviebot":  # JSON: no header to speak of
        lines = ["That moviebot export lists no films."]
    else:
        lines = [f"That {source} file has no films in it, only its header."]
    if report.kept:
        lines.append(f"Kept the rating you gave here of {report.kept} film{'' if report.kept == 1 else 's'}: "
                     "the file's is older, or undated.")  # fmt: skip
    if report.dismissed:
        stay = "stays" if report.dismissed == 1 else "stay"
        lines.append(f"{report.dismissed} film{'' if report.dismissed == 1 else 's'} you asked never to see again "
                     f"{stay} off every answer.")  # fmt: skip
    if report.watched or report.rated_only:  # "your ratings now shape my picks" was said of a watched.csv of none
        shaped = ", and your ratings now shape my picks" if report.rated else ""
        lines.append(f"I won't suggest those again{shaped}.")
    skipped = report.skipped
    if skipped:
        lines.append(f"Skipped {len(skipped)} of {_rows(report.rows)}:")
        for row in skipped[:SHOW_SKIPPED]:
            lines.append(f"• {escape(skipped_line(row))}")
        if len(skipped) > SHOW_SKIPPED:
            lines.append(f"… and {len(skipped) - SHOW_SKIPPED} more.")
    if not stored:
        return nothing_imported("\n".join(lines))
    return clip("\n".join(lines), MESSAGE_LIMIT)


def _rows(count: int) -> str:
    return f"{count} row{'' if count == 1 else 's'}"


def skipped_line(row) -> str:
    """A skipped row as its reader can find it in the file they sent: "ratings.csv line 7: Heat (1995):
    ..." (it was "• ?: malformed line", with no line to look at), without the server's folder."""
    file, _, place = Path(row.where).name.rpartition(":")
    where = f"{file} line {place}" if file and place.isdigit() else Path(row.where).name
    label = f"{row.title} ({row.year})" if row.year else row.title
    return f"{where}: {label}: {row.reason}" if label else f"{where}: {row.reason}"


def _without_temp_dir(text: str) -> str:
    return re.sub(r"\S*moviebot-import-[^/\\\s]*[/\\]", "", text)


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
