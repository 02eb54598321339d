"""Posting picks when Discord does not cooperate: a post failing part-way, no Embed Links, a
failed typing indicator, and two people asking in one channel at once."""

from __future__ import annotations

import asyncio

import discord

from agent.reactions import REACTIONS
from tests.unit.test_discord_harness import BOT_ID, DiscordWorld, member_fields, user_payload

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures

REQUEST = "a crime thriller from the 90s"
POST = "/channels/{channel_id}/messages"


class Response:
    """What discord.HTTPException reads from an aiohttp response."""

    def __init__(self, status: int):
        self.status, self.reason, self.headers = status, "error", {}


def fail(world: DiscordWorld, when, error) -> None:
    """Discord answers the requests `when(route, json)` picks with `error()`."""
    real = world.api.request

    async def request(route, **kwargs):
        if when(route, kwargs.get("json") or {}):
            raise error()
        return await real(route, **kwargs)

    world.bot.http.request = request


def nth_post(n: int):
    count = [0]

    def when(route, payload) -> bool:
        if route.method == "POST" and route.path == POST:
            count[0] += 1
            return count[0] == n
        return False

    return when


async def ask(world: DiscordWorld, author, text: str = REQUEST):
    before = len(world.api.sent)
    await world.cog("Recommend").on_message(world.message(author, text, mention_bot=True))
    return world.api.sent[before:]


def suggested(world: DiscordWorld, member) -> set[str]:
    return {s["movie_id"] for s in world.profiles.suggestions(f"discord:{member.id}")}


def film_of(world: DiscordWorld, message_id: int) -> str | None:
    suggestion = world.profiles.suggestion_by_message("discord", message_id)
    return suggestion and suggestion["movie_id"]


async def test_picks_discord_failed_to_post_are_withdrawn_and_the_user_is_told(world):
    """Before: the second pick's 500 left no reactions on the first, an apology that said
    nothing of the picks, and all three logged as shown (so "more" held back unseen films)."""
    ana = world.member("ana")
    fail(world, nth_post(3), lambda: discord.DiscordServerError(Response(500), {"code": 0, "message": "boom"}))
    intro, first, notice = await ask(world, ana)
    assert intro.content.startswith("Here are 3 picks") and first.embeds
    assert world.api.reactions_on(first.id) == list(REACTIONS)
    assert notice.content == 'I couldn\'t post the other 2 picks (Discord error 500). Say "more" to try again.'
    assert suggested(world, ana) == {film_of(world, first.id)}


async def test_a_dropped_connection_part_way_takes_back_only_the_picks_never_shown(world):
    """A broken connection (aiohttp's error, no HTTPException) skipped the withdrawal: the unposted
    picks stayed logged as shown, and a reaction failing that way on a posted pick withdrew it."""
    import aiohttp

    ana = world.member("ana")
    fail(world, nth_post(3), lambda: aiohttp.ClientOSError(104, "Connection reset by peer"))
    _, first, notice = await ask(world, ana)
    assert first.embeds and notice.content.startswith("I couldn't post the other 2 picks (the connection")
    assert suggested(world, ana) == {film_of(world, first.id)}


async def test_when_nothing_could_be_posted_nothing_stays_logged(world):
    ana = world.member("ana")
    fail(world, nth_post(1), lambda: discord.DiscordServerError(Response(503), {"code": 0, "message": "down"}))
    [notice] = await ask(world, ana)
    assert notice.content == 'I couldn\'t post my picks (Discord error 503). Say "more" to try again.'
    assert suggested(world, ana) == set()


async def test_without_embed_links_the_picks_come_as_plain_text_and_stay_logged(world):
    """Before: Discord's 50006 on the first embed lost every pick behind an apology."""
    ana = world.member("ana")
    empty = {"code": 50006, "message": "Cannot send an empty message"}
    fail(world, lambda route, payload: bool(payload.get("embeds")), lambda: discord.HTTPException(Response(400), empty))
    _, *picks = await ask(world, ana)
    assert len(picks) == 3 and not any(p.embeds for p in picks)
    for position, posted in enumerate(picks, 1):
        movie = world.catalog.movies[film_of(world, posted.id)]
        assert f"**{position}. {discord.utils.escape_markdown(movie.label)}**" in posted.content
        assert f"For {ana.display_name}" in posted.content and "👍 like" in posted.content
        assert world.api.reactions_on(posted.id) == list(REACTIONS)
    assert len(suggested(world, ana)) == 3


async def test_a_channel_without_embed_links_gets_plain_text_without_a_refused_post_first(world):
    everyone = discord.Permissions(view_channel=True, send_messages=True, add_reactions=True)
    role = {"id": str(world.guild.id), "name": "@everyone", "permissions": str(everyone.value), "position": 0}
    world.guild._add_role(discord.Role(guild=world.guild, state=world.state, data=role))
    world.guild.owner_id = world.member("owner").id
    me = {"user": user_payload(BOT_ID, "moviebot", bot=True), **member_fields()}
    world.guild._add_member(discord.Member(data=me, guild=world.guild, state=world.state))
    _, *picks = await ask(world, world.member("ana"))
    assert len(picks) == 3 and all(p.content and not p.embeds for p in picks)


async def test_a_failed_typing_indicator_does_not_cost_the_answer(world):
    """Before: a 503 on /typing was the whole reply's failure: an apology and no picks."""
    fail(world, lambda route, payload: route.path.endswith("/typing"),
         lambda: discord.DiscordServerError(Response(503), {"code": 0, "message": "upstream"}))  # fmt: skip
    intro, *picks = await ask(world, world.member("ana"))
    assert intro.content.startswith("Here are 3 picks") and len(picks) == 3 and all(p.embeds for p in picks)


async def test_each_pick_says_whose_it_is_when_two_ask_at_once(world):
    """Before: two people's picks interleaved in one channel with nothing saying whose was whose."""
    ana, bob = world.member("ana"), world.member("bob")
    recommend = world.cog("Recommend")
    await asyncio.gather(
        recommend.on_message(world.message(ana, REQUEST, mention_bot=True)),
        recommend.on_message(world.message(bob, "a 70s sci-fi film", mention_bot=True)),
    )
    owners = {f"discord:{ana.id}": f"For {ana.display_name}", f"discord:{bob.id}": f"For {bob.display_name}"}
    picks = [sent for sent in world.api.sent if sent.embeds]
    assert len(picks) == 6
    for posted in picks:
        suggestion = world.profiles.suggestion_by_message("discord", posted.id)
        assert posted.embeds[0].author.name == owners[suggestion["user"]]


async def test_a_long_answer_comes_in_a_few_messages_rated_in_words(world):
    """Asking "give me 25 comedies" posted 26 messages and 225 reactions, flooding the channel."""
    ana = world.member("ana")
    intro, *posts = await ask(world, ana, "give me 25 comedies")
    assert intro.content.startswith("Here are 25 picks")
    assert len(posts) == 3 and world.api.reactions == []
    assert all(not p.embeds and len(p.content) <= 2000 for p in posts)
    assert all('"loved the 12th one"' in p.content and "/rate" in p.content for p in posts)
    picks = list(reversed(world.profiles.suggestions(f"discord:{ana.id}")))
    assert len(picks) == 25
    for n, pick in enumerate(picks, 1):  # numbered as the answer counts them
        movie = world.catalog.movies[pick["movie_id"]]
        assert f"**{n}. {discord.utils.escape_markdown(movie.label)}**" in posts[(n - 1) // 10].content
    await ask(world, ana, "loved the 12th one")
    assert world.profiles.ratings(f"discord:{ana.id}").get(picks[11]["movie_id"]) is not None


async def test_a_rating_reaction_on_a_message_of_several_picks_is_answered_not_lost(world):
    """A 5️⃣ on a message of ten picks counted for no film and nobody said so: the user believed it rated one."""
    ana = world.member("ana")
    _, _, second, _ = await ask(world, ana, "give me 25 comedies")
    before = len(world.api.sent)
    await world.react(second.id, ana, "5️⃣")
    await world.react(second.id, ana, "4️⃣")  # told once per message, not once per reaction
    [told] = world.api.sent[before:]
    assert told.reply_to == second.id and told.channel_id == second.channel_id
    assert "didn't count it" in told.content and '"loved the 12th one"' in told.content
    assert world.profiles.feedback_events() == []
    await world.react(second.id, world.member("ben"), "🎉")  # means nothing: no note
    assert len(world.api.sent) == before + 1


async def test_a_message_of_picks_discord_refuses_is_withdrawn_and_said(world):
    ana = world.member("ana")
    fail(world, nth_post(3), lambda: discord.HTTPException(Response(500), "boom"))  # intro, picks 1-10, then no more
    _, first, told = await ask(world, ana, "give me 25 comedies")
    assert "**10. " in first.content and "**11. " not in first.content
    assert told.content == 'I couldn\'t post the other 15 picks (Discord error 500). Say "more" to try again.'
    assert len(suggested(world, ana)) == 10  # the fifteen never shown are not counted as suggested
