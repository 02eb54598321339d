"""What the bot reads from a message: Discord's markup, tokens and links taken out, its own
role counting as addressing it, and a flood warned of once."""

from __future__ import annotations

import discord

from bot.discord.app import Cooldown
from tests.unit.test_discord_harness import BOT_ID, DiscordWorld, message_payload, user_payload

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures

HEAT = "https://www.imdb.com/title/tt0113277/"


async def intro_for(world: DiscordWorld, text: str) -> str:
    before = len(world.api.sent)
    await world.cog("Recommend").on_message(world.message(world.member("ana"), text, mention_bot=True))
    return world.api.sent[before].content


async def test_markdown_in_a_request_reads_as_the_words_it_shows(world):
    """Before: "films like *Heat*" was not read as a film like Heat."""
    plain = await intro_for(world, "films like Heat")
    assert "like Heat" in plain.splitlines()[0]
    for marked in ("films like *Heat*", "films like **Heat**", "films like _Heat_", "films like ||Heat||"):
        assert (await intro_for(world, marked)).splitlines()[0] == plain.splitlines()[0], marked


async def test_discord_tokens_and_links_are_no_part_of_a_request(world):
    read = world.cog("Recommend").request_text
    ana = world.member("ana")
    cases = {
        "<:1984:1300000000000000555> something scary": "something scary",
        "<a:party:1300000000000000556> a comedy <#1300000000000000557> for <t:1767225600:R>": "a comedy for",
        "<@&1300000000000000558> a western https://example.com/a_b?x=1 please": "a western please",
        f"films like {HEAT}": f"films like {HEAT}",
        f"films like <{HEAT}>": f"films like {HEAT}",
        "like [this one](https://example.com/film) but funnier": "like this one but funnier",
        "a thriller\n> something like `Alien`": "a thriller something like Alien",
        "a film about snake_case and M*A*S*H": "a film about snake_case and M*A*S*H",
    }
    for typed, meant in cases.items():
        assert read(world.message(ana, typed, mention_bot=True)) == meant, typed


async def test_a_mention_of_the_bots_own_role_addresses_it(world):
    """Before: picking the bot's managed role in the mention list was ignored in #general."""
    role_id = 1_300_000_000_000_000_777
    role = {"id": str(role_id), "name": "moviebot", "permissions": "0", "position": 1, "managed": True,
            "tags": {"bot_id": str(BOT_ID)}}  # fmt: skip
    world.guild._add_role(discord.Role(guild=world.guild, state=world.state, data=role))
    ana = world.member("ana")
    data = message_payload(next(world.message_ids), world.general.id, user_payload(ana.id, ana.name),
                           f"<@&{role_id}> a western", guild_id=world.guild.id)  # fmt: skip
    data["mention_roles"] = [str(role_id)]
    message = world.state.create_message(channel=world.general, data=data)
    recommend = world.cog("Recommend")
    assert recommend.addressed(message) and recommend.request_text(message) == "a western"
    other = world.message(ana, "<@&1300000000000000778> a western")
    assert not recommend.addressed(other)


async def test_a_flood_is_warned_of_once_per_cooldown(starter_catalog, profile_store, tmp_path):
    """Before: every throttled message got its own "Easy there!", which was a flood of its own."""
    now = [100.0]
    bucket = Cooldown(burst=1, per=30.0, clock=lambda: now[0])
    world = await DiscordWorld(
        catalog=starter_catalog, profiles=profile_store, tmp_path=tmp_path, cooldown=bucket
    ).start()
    try:
        ana = world.member("ana")

        async def warnings_for(count: int) -> int:
            before = len(world.api.sent)
            for _ in range(count):
                await world.cog("Recommend").on_message(world.message(ana, "hi", world.movies_channel))
            return sum(1 for sent in world.api.sent[before:] if sent.content.startswith("Easy there"))

        assert await warnings_for(1) == 0
        assert await warnings_for(6) == 1
        now[0] += 15
        assert await warnings_for(3) == 0  # the same window
        now[0] += 16
        assert await warnings_for(1) == 0  # allowed again
        assert await warnings_for(2) == 1  # a new window, a new warning
    finally:
        await world.stop()
