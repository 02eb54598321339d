"""Talking to the bot: who it answers, how an answer is posted, and conversation memory."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import discord

from agent.reactions import REACTIONS
from bot.discord.app import Cooldown
from bot.discord.format import MESSAGE_LIMIT, SORRY
from tests.unit.test_discord_harness import BOT_ID, CHANNEL_ID, GENERAL_ID, DiscordWorld, assert_no_pings

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures

REQUEST = "a crime thriller from the 90s"


async def say(world: DiscordWorld, author, text: str, channel=None, **kwargs):
    message = world.message(author, text, channel, **kwargs)
    before = len(world.api.sent)
    await world.cog("Recommend").on_message(message)
    return message, world.api.sent[before:]


async def test_a_mention_gets_an_intro_reply_then_one_embed_message_per_pick(world):
    ana = world.member("ana")
    request, sent = await say(world, ana, REQUEST, mention_bot=True)
    intro, *picks = sent
    assert intro.reply_to == request.id and intro.channel_id == GENERAL_ID
    assert intro.content.startswith("Here are 3 picks") and not intro.embeds
    assert len(picks) == 3 and all(len(p.embeds) == 1 and not p.content for p in picks)
    for position, posted in enumerate(picks, 1):
        [embed] = posted.embeds
        suggestion = world.profiles.suggestion_by_message("discord", posted.id)
        assert suggestion is not None and suggestion["user"] == f"discord:{ana.id}"
        movie = world.catalog.movies[suggestion["movie_id"]]
        assert movie.decade == 1990 and {"crime", "thriller"} <= set(movie.genres)
        assert embed.title == f"{position}. {discord.utils.escape_markdown(movie.label)}"
        fields = {f.name: f.value for f in embed.fields}
        # every genre, the ones asked for first
        asked_first = sorted(movie.genres, key=lambda g: g not in ("crime", "thriller"))
        assert fields["Genres"] == ", ".join(asked_first) and asked_first[:2] == ["crime", "thriller"]
        assert fields["Director" if len(movie.directors) == 1 else "Directors"] == ", ".join(movie.directors[:3])
        assert fields["Rating"] == f"{movie.rating:.1f}/10" and "min" in fields["Runtime"]
        assert "1990s" in embed.description and "👍" in embed.footer.text
        assert world.api.reactions_on(posted.id) == list(REACTIONS)
    for posted in sent:
        assert_no_pings(posted.allowed_mentions)
    assert world.api.typing == [GENERAL_ID]
    assert world.profiles.members("discord", world.guild.id) == [f"discord:{ana.id}"]


async def test_who_the_bot_answers(world):
    ana = world.member("ana")
    _, sent = await say(world, ana, REQUEST)  # #general, no mention
    assert sent == [] and world.api.typing == []
    _, sent = await say(world, ana, REQUEST, world.movies_channel)  # configured channel
    assert sent and sent[0].channel_id == CHANNEL_ID
    _, sent = await say(world, ana, REQUEST, world.dm_channel(ana))
    assert sent and sent[0].reply_to is not None
    own_thread = world.thread(world.general, owner_id=BOT_ID)
    _, sent = await say(world, ana, REQUEST, own_thread)
    assert sent and all(s.channel_id == own_thread.id for s in sent)
    someone_elses = world.thread(world.general, owner_id=ana.id)
    _, sent = await say(world, ana, REQUEST, someone_elses)
    assert sent == []
    _, sent = await say(world, world.member("otherbot", bot=True), REQUEST, mention_bot=True)
    assert sent == []


async def test_a_reply_to_the_bots_message_continues_without_a_mention(world):
    ana = world.member("ana")
    _, sent = await say(world, ana, REQUEST, mention_bot=True)
    bot_message = world.state.create_message(
        channel=world.general,
        data={
            "id": str(sent[0].id),
            "channel_id": str(GENERAL_ID),
            "guild_id": str(world.guild.id),
            "author": {"id": str(BOT_ID), "username": "moviebot", "discriminator": "0", "avatar": None, "bot": True},
            "content": sent[0].content,
            "timestamp": "2026-11-24T12:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
        },
    )
    reply = world.message(ana, "more like the second one")
    reply.reference = discord.MessageReference.from_message(bot_message)
    reply.reference.resolved = bot_message
    assert world.cog("Recommend").addressed(reply)


def bot_message_for(world: DiscordWorld, sent) -> discord.Message:
    """The bot's own posted message, as discord.py resolves a reply's reference to it."""
    author = {"id": str(BOT_ID), "username": "moviebot", "discriminator": "0", "avatar": None, "bot": True}
    data = {"id": str(sent.id), "channel_id": str(GENERAL_ID), "guild_id": str(world.guild.id), "author": author,
            "content": sent.content, "timestamp": "2026-11-24T12:00:00+00:00", "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": [], "pinned": False, "type": 0}  # fmt: skip
    return world.state.create_message(channel=world.general, data=data)


async def test_a_reply_to_one_picks_message_is_about_that_pick(world):
    """Replying to pick #3 with "more like this one" got generic picks, "seen this one" asked which one."""
    ana = world.member("ana")
    _, sent = await say(world, ana, REQUEST, mention_bot=True)
    third = world.catalog.movies[world.profiles.suggestion_by_message("discord", sent[3].id)["movie_id"]]
    reply = world.message(ana, "more like this one")
    reply.reference = discord.MessageReference.from_message(bot_message_for(world, sent[3]))
    reply.reference.resolved = bot_message_for(world, sent[3])
    before = len(world.api.sent)
    await world.cog("Recommend").on_message(reply)
    assert f"like {third.title}" in world.api.sent[before].content


async def test_more_like_the_second_one_uses_the_conversation_in_that_channel(world):
    ana = world.member("ana")
    _, first = await say(world, ana, REQUEST, mention_bot=True)
    first_ids = [world.profiles.suggestion_by_message("discord", s.id)["movie_id"] for s in first[1:]]
    second_title = world.catalog.movies[first_ids[1]].title
    _, follow_up = await say(world, ana, "more like the second one", mention_bot=True)
    assert f"like {second_title}" in follow_up[0].content
    later_ids = [world.profiles.suggestion_by_message("discord", s.id)["movie_id"] for s in follow_up[1:]]
    assert len(later_ids) == 3 and not set(later_ids) & set(first_ids)
    # Another channel is another conversation: there is no "second one" there.
    _, elsewhere = await say(world, ana, "more like the second one", world.movies_channel)
    assert f"like {second_title}" not in elsewhere[0].content


async def test_someone_elses_follow_up_in_a_thread_goes_on_from_its_request_with_their_own_taste(world):
    """Bob's "more but funnier" under Ana's "a heist movie from the 2000s" in a thread began an empty
    conversation of his own: funny films of any kind and era."""
    ana, bob = world.member("ana"), world.member("bob")
    seen = {"pineapple-express-2008", "super-troopers-2001", "white-chicks-2004"}
    for movie in seen:
        world.service.watched_add(f"discord:{bob.id}", movie)
    thread = world.thread(world.general, owner_id=BOT_ID)
    _, first = await say(world, ana, "a heist movie from the 2000s", thread)
    _, sent = await say(world, bob, "more but funnier", thread)
    assert "2000s" in sent[0].content
    films = [world.catalog.movies[world.profiles.suggestion_by_message("discord", s.id)["movie_id"]] for s in sent[1:]]
    assert len(films) == 3 and all(2000 <= m.year <= 2009 and "crime" in m.genres for m in films)
    assert not {m.id for m in films} & seen
    assert not {m.id for m in films} & {world.profiles.suggestion_by_message("discord", s.id)["movie_id"]
                                        for s in first[1:]}  # fmt: skip


def films_in(world: DiscordWorld, sent) -> list[str]:
    found = (world.profiles.suggestion_by_message("discord", s.id) for s in sent)
    return [suggestion["movie_id"] for suggestion in found if suggestion]


async def test_two_people_writing_more_in_a_thread_at_once_get_different_films(world):
    """Bob's and Ana's "more" at the same moment under Ana's picks: Ana's turn was read as hers alone
    while Bob's was being answered, and she was shown the very films just posted for Bob."""
    ana, bob = world.member("ana"), world.member("bob")
    thread = world.thread(world.general, owner_id=BOT_ID)
    cog = world.cog("Recommend")
    await say(world, ana, REQUEST, thread)
    shown = films_in(world, world.api.sent)
    service, real_chat = world.service, world.service.chat
    bob_answered = asyncio.Event()
    loop = asyncio.get_running_loop()

    def chat(user, text, **kwargs):  # Bob's turn is answered first, unless Ana's is already under way
        if user == f"discord:{bob.id}":
            try:
                return real_chat(user, text, **kwargs)
            finally:
                loop.call_soon_threadsafe(bob_answered.set)
        with contextlib.suppress(TimeoutError):
            asyncio.run_coroutine_threadsafe(bob_answered.wait(), loop).result(timeout=1)
        return real_chat(user, text, **kwargs)

    service.chat = chat
    before = len(world.api.sent)
    await asyncio.gather(cog.on_message(world.message(bob, "more", thread)),
                         cog.on_message(world.message(ana, "more", thread)))  # fmt: skip
    by_user: dict[str, list[str]] = {}
    for sent in world.api.sent[before:]:
        suggestion = world.profiles.suggestion_by_message("discord", sent.id)
        if suggestion:
            by_user.setdefault(suggestion["user"], []).append(suggestion["movie_id"])
    bobs, anas = by_user[f"discord:{bob.id}"], by_user[f"discord:{ana.id}"]
    assert len(bobs) == len(anas) == 3
    assert not set(bobs) & set(anas) and not set(bobs + anas) & set(shown)


async def test_recommend_typed_in_a_thread_goes_on_from_the_threads_last_answer(world):
    """/recommend more in a thread started Bob's conversation afresh: "more" of nothing in particular,
    with films already shown in the thread among them."""
    ana, bob = world.member("ana"), world.member("bob")
    thread = world.thread(world.general, owner_id=BOT_ID)
    _, first = await say(world, ana, REQUEST, thread)
    cog = world.cog("Recommend")
    interaction = world.interaction(bob, thread)
    await cog.recommend.callback(cog, interaction, "more but funnier")
    intro = next(call for call in interaction.calls if call.kind == "followup")
    assert "1990s" in intro.content, intro.content
    films = [world.catalog.movies[s["movie_id"]] for s in world.profiles.suggestions(f"discord:{bob.id}")]
    assert len(films) == 3 and all(m.decade == 1990 and "crime" in m.genres for m in films), films
    assert not {m.id for m in films} & set(films_in(world, first))
    assert world.service.last_answered("discord", str(thread.id)) == f"discord:{bob.id}"


async def test_every_mention_is_taken_out_of_the_request(world):
    """A friend's mention became their display name, so "a thriller for @Nolan and me" asked for
    Christopher Nolan films."""
    ana, bob = world.member("ana"), world.member("bob")
    message = world.message(ana, f"a thriller for <@{bob.id}> and me", mention_bot=True, mentions=[bob])
    said = world.cog("Recommend").request_text(message)
    assert said.split() == ["a", "thriller", "for", "and", "me"] and bob.display_name not in said


class ScriptedRecommender:
    def __init__(self, deps, answer=None, error: Exception | None = None):
        self.deps = deps
        self.answer = answer
        self.error = error
        self.calls = []

    def ask(self, message, **kwargs):
        self.calls.append((message, kwargs))
        if self.error:
            raise self.error
        return self.answer


async def test_a_long_answer_is_split_at_line_boundaries(world):
    lines = [f"Line {n}: " + "a sentence about films, " * 8 for n in range(25)]
    text = "\n".join(lines)
    assert len(text) > 5000
    world.service.recommender = ScriptedRecommender(world.service.deps, {"reply": text, "recommendations": []})
    request, sent = await say(world, world.member("ana"), "tell me everything", mention_bot=True)
    assert len(sent) == 3 and all(len(s.content) <= MESSAGE_LIMIT for s in sent)
    assert sent[0].reply_to == request.id and [s.reply_to for s in sent[1:]] == [None, None]
    assert "\n".join(s.content for s in sent) == text  # nothing lost, each cut at a line break
    for posted in sent:
        assert_no_pings(posted.allowed_mentions)


async def test_user_text_echoed_back_is_escaped_and_pings_nobody(world):
    world.service.recommender = ScriptedRecommender(
        world.service.deps,
        {"reply": "You asked for **@everyone** <@&1300000000000000077> films", "recommendations": []},
    )
    _, [sent] = await say(world, world.member("ana"), "@everyone", mention_bot=True)
    assert "@\u200beveryone" in sent.content and "\\*\\*" in sent.content
    assert "<@&1300000000000000077>" not in sent.content
    assert_no_pings(sent.allowed_mentions)


async def test_a_failure_is_a_short_apology_for_the_user_and_a_traceback_in_the_log(world, caplog):
    world.service.recommender = ScriptedRecommender(world.service.deps, error=RuntimeError("chroma fell over"))
    with caplog.at_level(logging.ERROR, logger="bot.discord.cogs.recommend"):
        request, [sent] = await say(world, world.member("ana"), REQUEST, mention_bot=True)
    assert sent.content == SORRY and sent.reply_to == request.id and "chroma" not in sent.content
    [record] = [r for r in caplog.records if r.name == "bot.discord.cogs.recommend"]
    assert record.exc_info and "chroma fell over" in str(record.exc_info[1])


async def test_a_flood_gets_a_friendly_slow_down_not_silence(starter_catalog, profile_store, tmp_path):
    bucket = Cooldown(burst=2, per=30.0, clock=lambda: 100.0)
    world = await DiscordWorld(
        catalog=starter_catalog, profiles=profile_store, tmp_path=tmp_path, cooldown=bucket
    ).start()
    try:
        scripted = ScriptedRecommender(world.service.deps, {"reply": "ok", "recommendations": []})
        world.service.recommender = scripted
        ana, bob = world.member("ana"), world.member("bob")
        for _ in range(2):
            await say(world, ana, "hi", mention_bot=True)
        _, [slow] = await say(world, ana, "hi", mention_bot=True)
        assert "slow" in slow.content.lower() or "fast" in slow.content.lower()
        assert "30 seconds" in slow.content and len(scripted.calls) == 2
        _, [other] = await say(world, bob, "hi", mention_bot=True)  # someone else is not held up
        assert other.content == "ok" and len(scripted.calls) == 3
    finally:
        await world.stop()


def test_the_token_bucket_refills_with_time():
    now = [0.0]
    bucket = Cooldown(burst=2, per=10.0, clock=lambda: now[0])
    assert bucket.retry_after(1) == 0 and bucket.retry_after(1) == 0
    assert bucket.retry_after(1) == 10.0
    now[0] = 5.0
    assert bucket.retry_after(1) == 5.0
    now[0] = 10.0
    assert bucket.retry_after(1) == 0 and bucket.retry_after(1) == 10.0
    assert bucket.retry_after(2) == 0


async def test_slash_recommend_posts_the_same_shape_through_the_interaction(world):
    ana = world.member("ana")
    interaction = world.interaction(ana, world.movies_channel)
    cog = world.cog("Recommend")
    await cog.recommend.callback(cog, interaction, request=REQUEST)
    defer, intro, *picks = interaction.calls
    assert defer.kind == "defer" and defer.get("thinking") and not defer.ephemeral
    assert intro.kind == "followup" and intro.content.startswith("Here are 3 picks")
    assert len(picks) == 3 and all(len(p.embeds) == 1 and not p.ephemeral for p in picks)
    for call in interaction.answers():
        assert call.allowed_mentions == {"parse": []}
    posted = world.api.sent_to(CHANNEL_ID)[1:]
    for message in posted:
        suggestion = world.profiles.suggestion_by_message("discord", message.id)
        assert suggestion["user"] == f"discord:{ana.id}" and suggestion["channel"] == str(CHANNEL_ID)
        assert world.api.reactions_on(message.id) == list(REACTIONS)


async def test_slash_recommend_without_a_request_still_recommends(world):
    interaction = world.interaction(world.member("ana"))
    cog = world.cog("Recommend")
    await cog.recommend.callback(cog, interaction, request=None)
    assert sum(1 for c in interaction.calls if c.embeds) == 3
