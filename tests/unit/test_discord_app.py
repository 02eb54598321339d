"""The Bot itself: intents, command sync, the shared cooldown and error path, start and shutdown,
and `moviebot discord`."""

from __future__ import annotations

import asyncio
import dataclasses
import logging

import discord
import pytest
from discord import app_commands

from bot.cli.commands import main
from bot.discord.app import Cooldown, MovieBot, intents, request_stop, serve
from bot.discord.format import SORRY
from tests.unit.test_discord_harness import TEST_GUILD_ID, DiscordWorld

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures

COMMANDS = {"recommend", "rate", "watched", "profile", "import", "export", "forget", "movienight"}


def test_intents_are_the_ones_the_features_need():
    wanted = intents()
    assert wanted.message_content and wanted.members and wanted.guilds
    assert wanted.guild_messages and wanted.dm_messages and wanted.guild_reactions and wanted.dm_reactions
    assert not wanted.presences and not wanted.voice_states


async def test_the_bot_never_pings_by_default(world):
    assert world.bot.allowed_mentions.to_dict() == {"parse": []}
    assert world.bot.intents.value == intents().value


async def test_commands_sync_globally_without_a_test_guild(world):
    [(scope, commands)] = world.api.synced
    assert scope == "global" and {c["name"] for c in commands} == COMMANDS
    watched = next(c for c in commands if c["name"] == "watched")
    assert {o["name"] for o in watched["options"]} == {"add", "remove", "list"}
    add = next(o for o in watched["options"] if o["name"] == "add")
    title = next(o for o in add["options"] if o["name"] == "title")
    assert title["autocomplete"] is True and title["required"] is True
    movienight = next(c for c in commands if c["name"] == "movienight")
    assert sum(1 for o in movienight["options"] if o["type"] == 6) == 5  # members: the caller plus five


async def test_commands_sync_to_the_test_guild_when_set(starter_catalog, profile_store, tmp_path):
    world = await DiscordWorld(
        catalog=starter_catalog, profiles=profile_store, tmp_path=tmp_path, test_guild=TEST_GUILD_ID
    ).start()
    try:
        [(scope, commands)] = world.api.synced
        assert scope == str(TEST_GUILD_ID) and {c["name"] for c in commands} == COMMANDS
    finally:
        await world.stop()


async def test_slash_commands_share_the_cooldown_but_autocomplete_does_not(starter_catalog, profile_store, tmp_path):
    world = await DiscordWorld(
        catalog=starter_catalog,
        profiles=profile_store,
        tmp_path=tmp_path,
        cooldown=Cooldown(burst=1, per=20.0, clock=lambda: 0.0),
    ).start()
    try:
        ana = world.member("ana")
        tree = world.bot.tree
        assert await tree.interaction_check(world.interaction(ana))
        typing = world.interaction(ana, type=discord.InteractionType.autocomplete)
        assert await tree.interaction_check(typing) and typing.calls == []
        flooding = world.interaction(ana)
        assert not await tree.interaction_check(flooding)
        [answer] = flooding.calls
        assert answer.ephemeral and "20 seconds" in answer.content
    finally:
        await world.stop()


async def test_a_failing_command_gets_a_short_apology_and_a_logged_traceback(world, caplog):
    interaction = world.interaction(world.member("ana"))
    await interaction.response.defer(thinking=True)
    error = app_commands.CommandInvokeError(world.cog("Profile").profile, RuntimeError("disk on fire"))
    with caplog.at_level(logging.ERROR, logger="bot.discord.app"):
        await world.bot.tree.on_error(interaction, error)
    answer = interaction.calls[-1]
    assert answer.kind == "followup" and answer.ephemeral and answer.content == SORRY
    [record] = caplog.records
    assert "disk on fire" in str(record.exc_info[1])
    direct = world.interaction(world.member("bob"))
    await world.bot.tree.on_error(direct, app_commands.NoPrivateMessage())
    assert direct.calls[0].kind == "send_message" and "only works in a server" in direct.calls[0].content


async def test_serve_runs_until_sigterm_and_shuts_down_cleanly(starter_catalog, profile_store, tmp_path, caplog):
    world = DiscordWorld(catalog=starter_catalog, profiles=profile_store, tmp_path=tmp_path)
    bot: MovieBot = world.bot
    connected = asyncio.Event()

    async def login(token: str) -> None:  # what Client.login does, minus the network
        assert token == "secret-token"
        await bot._async_setup_hook()
        bot._connection.application_id = 1
        await bot.setup_hook()

    async def connect(*, reconnect: bool) -> None:
        assert reconnect is True
        connected.set()
        while not bot.is_closed():
            await asyncio.sleep(0)

    bot.login, bot.connect = login, connect
    world.ranker.learn("discord:1", {}, 1.0)
    settings = dataclasses.replace(world.settings, discord_token="secret-token")
    stop = asyncio.Event()
    with caplog.at_level(logging.INFO):
        task = asyncio.create_task(serve(world.service, settings, stop, bot=bot))
        await connected.wait()
        world.service.unsaved = 1
        request_stop(stop, "SIGTERM")
        await task
    assert bot.is_closed() and bot.get_cog("Ratings") is None
    assert profile_store.load_model("shared") is not None  # pending learning saved on the way out
    messages = [r.getMessage() for r in caplog.records]
    assert "received SIGTERM" in messages and any("shutting down" in m for m in messages)
    assert any(m.startswith("saved the re-ranker") for m in messages)


def test_moviebot_discord_needs_a_token(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["discord", "--data-dir", str(tmp_path)]) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


def test_moviebot_discord_turns_a_rejected_token_into_a_clear_message(monkeypatch, capsys, tmp_path):
    import bot.cli.bots
    import bot.discord.app

    class FakeRuntime:
        closed = False
        service = None

        def close(self):
            FakeRuntime.closed = True

    def rejected(settings, service):
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setenv("DISCORD_TOKEN", "not-a-token")
    monkeypatch.setattr(bot.cli.bots, "open_service", lambda args, settings, **kwargs: FakeRuntime())
    monkeypatch.setattr(bot.discord.app, "run", rejected)
    assert main(["discord", "--data-dir", str(tmp_path)]) == 2
    assert "Discord rejected DISCORD_TOKEN" in capsys.readouterr().err and FakeRuntime.closed


@pytest.mark.parametrize("name", sorted(COMMANDS - {"watched"}))
async def test_every_command_has_a_description(world, name):
    command = world.bot.tree.get_command(name)
    assert command is not None and command.description and len(command.description) <= 100


async def test_every_option_description_fits_discords_limit(world):
    """Discord refuses the whole command sync over one option described in more than 100 characters,
    which only shows when the bot starts against Discord."""
    commands = [c for c in world.bot.tree.walk_commands() if isinstance(c, discord.app_commands.Command)]
    described = {(c.qualified_name, p.name): p.description for c in commands for p in c.parameters}
    assert ("rate", "stars") in described and ("import", "file") in described
    assert {key: len(text) for key, text in described.items() if not 0 < len(text) <= 100} == {}


def test_every_send_in_the_discord_code_disables_mentions():
    """A static check, so a new reply cannot forget it: every send, reply or edit passes
    allowed_mentions (or forwards **kwargs from a helper that does)."""
    import ast
    from pathlib import Path

    import bot.discord

    sends = ("send_message", "send", "edit_message", "reply", "edit_original_response")
    files = list(Path(bot.discord.__file__).parent.rglob("*.py"))
    checked, missing = 0, []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in sends:
                checked += 1
                keywords = {k.arg for k in node.keywords}
                if "allowed_mentions" not in keywords and None not in keywords:
                    missing.append(f"{path.name}:{node.lineno}")
    assert checked > 20 and missing == []


def test_moviebot_discord_without_a_network_says_so_in_one_line(monkeypatch, capsys, tmp_path):
    """The real discord.py login against a loopback port nobody listens on: one line, exit 2."""
    import socket

    import bot.cli.bots

    class FakeRuntime:
        closed = False
        service = None  # login fails before any cog could use it

        def close(self):
            FakeRuntime.closed = True

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: connections to it are refused
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    monkeypatch.setenv("DISCORD_TOKEN", "a-token")
    monkeypatch.setattr(bot.cli.bots, "open_service", lambda args, settings, **kwargs: FakeRuntime())
    assert main(["discord", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("moviebot: cannot reach Discord to log in") and err.count("\n") == 1, err
    assert f"127.0.0.1:{port}" in err and FakeRuntime.closed
