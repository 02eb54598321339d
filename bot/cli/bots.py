"""`moviebot discord`: run the Discord bot until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import logging

from bot.cli.base import UserError, open_service
from bot.settings import Settings

log = logging.getLogger("moviebot")


def register(sub, eval_sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "discord",
        parents=[common],
        help="run the Discord bot (needs DISCORD_TOKEN)",
        description="Runs moviebot on Discord until Ctrl-C or SIGTERM. Needs DISCORD_TOKEN; "
        "DISCORD_TEST_GUILD_ID syncs slash commands to one server instantly (global sync can take an hour); "
        "MOVIEBOT_DISCORD_CHANNELS lists channel ids where it answers every message.",
    )
    p.set_defaults(run=cmd_discord)


def cmd_discord(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.discord_token:
        raise UserError(
            "DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications, "
            "enable the Message Content and Server Members intents, and export its token as DISCORD_TOKEN"
        )
    import discord

    from bot.discord import app as discord_app

    level = logging.DEBUG if args.verbose else logging.INFO
    for name in ("moviebot", "bot", "discord"):
        logging.getLogger(name).setLevel(level)
    runtime = open_service(args, settings, serving=True)
    try:
        return discord_app.run(settings, runtime.service)
    except discord.LoginFailure as exc:
        raise UserError("Discord rejected DISCORD_TOKEN; check it is the bot's token, not the client secret") from exc
    except discord.PrivilegedIntentsRequired as exc:
        raise UserError(
            "Discord refused the privileged intents: enable Message Content Intent and Server Members Intent "
            "for the bot at https://discord.com/developers/applications (Bot tab)"
        ) from exc
    finally:
        runtime.close()
        log.info("stores closed")
