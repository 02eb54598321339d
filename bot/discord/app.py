"""moviebot on Discord: the Bot, its dependencies, and how it starts and stops.

The Bot receives the service as a keyword argument (tests hand it one over a small catalog and
a temporary profile store) and loads one cog per feature, by extension name, in setup_hook.
`serve` runs it until a stop event is set (`moviebot discord` sets it on SIGINT/SIGTERM,
`moviebot serve` when the whole process stops); reconnecting is discord.py's own. Stopping
closes the gateway and saves the learning re-ranker, and each step is logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.format import NO_MENTIONS, SORRY, slow_down
from bot.discord.views import respond
from bot.ratelimit import Cooldown
from bot.serve import run_event_loop

if TYPE_CHECKING:
    from agent.service import MovieService
    from bot.settings import Settings

log = logging.getLogger(__name__)

PLATFORM = "discord"
# One cog per feature, each module ending with `async def setup(bot)`; loaded in this order.
EXTENSIONS = (
    "bot.discord.cogs.recommend",
    "bot.discord.cogs.ratings",
    "bot.discord.cogs.watched",
    "bot.discord.cogs.profile",
    "bot.discord.cogs.movienight",
)


def intents() -> discord.Intents:
    """Message content (to read requests), members (movie night), reactions, guilds and DMs."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.members = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = True
    wanted.guild_reactions = True
    wanted.dm_reactions = True
    return wanted


class MovieTree(app_commands.CommandTree):
    """Slash commands share the per-user cooldown and one friendly error path."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.type is not discord.InteractionType.application_command:
            return True  # autocomplete and buttons are not requests
        wait = self.client.cooldown.retry_after(interaction.user.id)
        if wait:
            await interaction.response.send_message(slow_down(wait), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return False
        return True

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        name = interaction.command.qualified_name if interaction.command else "?"
        if isinstance(error, app_commands.NoPrivateMessage):
            text = "That command only works in a server, not in direct messages."
        elif isinstance(error, app_commands.CheckFailure):
            text = "You can't use that command here."
        else:
            text = SORRY
            log.error("/%s failed for user %s", name, interaction.user.id, exc_info=getattr(error, "original", error))
        try:
            await respond(interaction, text)
        except discord.HTTPException:
            log.warning("could not tell user %s that /%s failed", interaction.user.id, name)


# moviebot never joins voice: discord.py's start-up warnings that voice needs PyNaCl and davey
# would only worry whoever reads the log
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


class MovieBot(commands.Bot):
    def __init__(
        self,
        *,
        settings: Settings,
        service: MovieService,
        cooldown: Cooldown | None = None,
        refit_minutes: float = 30.0,
    ):
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            tree_cls=MovieTree,
        )
        self.settings = settings
        self.service = service
        self.cooldown = cooldown or Cooldown()
        self.refit_minutes = refit_minutes

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        await self.sync_commands()

    async def sync_commands(self) -> list[app_commands.AppCommand]:
        """To the test guild when DISCORD_TEST_GUILD_ID is set (instant), else globally (Discord
        may take up to an hour to show changes)."""
        guild_id = self.settings.discord_test_guild_id
        if guild_id:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d slash commands to test guild %s", len(synced), guild_id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d slash commands globally", len(synced))
        return synced

    async def on_ready(self) -> None:
        log.info("connected as %s (id %s) to %d servers", self.user, self.user.id if self.user else "?",
                 len(self.guilds))  # fmt: skip

    async def on_resumed(self) -> None:
        log.info("gateway session resumed")

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: conversation is the Recommend cog's listener."""

    # -- who is talking ------------------------------------------------------------------

    @staticmethod
    def user_key(user: discord.abc.Snowflake) -> str:
        return f"{PLATFORM}:{user.id}"

    def register(self, user: discord.abc.User, guild_id: int | None, channel_id: int | None) -> str:
        """Blocking: the user's profile key, their display name kept current and where they
        were seen noted (movie night and guild-level features rely on memberships)."""
        name = getattr(user, "display_name", None) or user.name
        return self.service.register(PLATFORM, user.id, name, group=guild_id, channel=channel_id)

    async def close(self) -> None:
        if not self.is_closed():
            log.info("shutting down: closing the Discord connection")
        await super().close()


def run(settings: Settings, service: MovieService) -> int:
    """`moviebot discord`: runs until SIGINT/SIGTERM; 0 after a clean shutdown."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        handled = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows / not main thread
                loop.add_signal_handler(sig, request_stop, stop, sig.name)
                handled.append(sig)
        try:
            await serve(service, settings, stop)
        finally:
            for sig in handled:
                loop.remove_signal_handler(sig)

    run_event_loop(main())
    log.info("moviebot stopped cleanly")
    return 0


async def serve(service: MovieService, settings: Settings, stop: asyncio.Event, *, bot: MovieBot | None = None
                ) -> None:  # fmt: skip
    """Runs the Discord bot on `service` until `stop` is set, then closes it (saving what the
    re-ranker learned). Login failures and refused intents propagate; the caller owns the service."""
    bot = bot or MovieBot(settings=settings, service=service)
    async with bot:
        running = asyncio.create_task(bot.start(settings.discord_token, reconnect=True))
        stopping = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if stopping.done():
                await bot.close()
            await running
        finally:
            stopping.cancel()
            if not running.done():
                running.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await running


def request_stop(stop: asyncio.Event, signame: str) -> None:
    log.info("received %s", signame)
    stop.set()
