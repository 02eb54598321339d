"""One conversation through the Discord bot's handlers, end to end: a request, reactions on the
picks, /watched add, follow-ups that reflect all of it, and an undone reaction.

The real MovieBot, recommender graph, starter catalog and profile store; discord.py builds every
message and reaction event from gateway payloads, and its REST calls land in a fake transport.
"""

from __future__ import annotations

import dataclasses

import discord

from agent.reactions import REACTIONS
from tests.unit.test_discord_harness import DiscordWorld, assert_no_pings

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures

REQUEST = "a crime thriller from the 90s"


async def talk(world: DiscordWorld, author, text: str, channel=None):
    """Sends a message to the bot; returns the intro and (message id, movie id) of each pick."""
    mention = channel is None or getattr(channel, "guild", None) is not None
    message = world.message(author, text, channel, mention_bot=mention)
    before = len(world.api.sent)
    await world.cog("Recommend").on_message(message)
    sent = world.api.sent[before:]
    for posted in sent:
        assert_no_pings(posted.allowed_mentions)
    assert sent and sent[0].reply_to == message.id
    picks = [(s.id, world.profiles.suggestion_by_message("discord", s.id)["movie_id"]) for s in sent if s.embeds]
    return sent[0].content, picks, [s.embeds[0] for s in sent if s.embeds]


async def test_a_conversation_with_reactions_and_watched_shapes_the_next_answers(world):
    ana, bob = world.member("ana"), world.member("bob")
    me = f"discord:{ana.id}"

    # 1. Ana asks in #general, mentioning the bot: three picks, one embed message each.
    intro, picks, embeds = await talk(world, ana, REQUEST)
    assert intro.startswith("Here are 3 picks") and len(picks) == 3 and len(embeds) == 3
    (liked_msg, liked), (hated_msg, hated), (_, seen) = picks
    for (message_id, movie_id), embed in zip(picks, embeds, strict=True):
        movie = world.catalog.movies[movie_id]
        assert discord.utils.escape_markdown(movie.label) in embed.title and embed.description
        assert world.api.reactions_on(message_id) == list(REACTIONS)
    # Bob, with no history, asking the same gets the same three: they are what the request favours.
    _, control, _ = await talk(world, bob, REQUEST, world.movies_channel)
    assert [m for _, m in control] == [liked, hated, seen]

    # 2. Ana reacts: 👍 on the first, 1️⃣ on the second; Bob's 👍 on her second pick is his own.
    await world.react(liked_msg, ana, "👍")
    await world.react(hated_msg, ana, "1️⃣")
    await world.react(hated_msg, ana, "1️⃣")  # a duplicate delivery changes nothing
    await world.react(hated_msg, bob, "👍")
    assert world.profiles.ratings(me) == {liked: 4.5, hated: 1.0}
    assert world.profiles.rating(f"discord:{bob.id}", hated) == 4.5

    # 3. /watched add the third, picked from autocomplete.
    watched_cog = world.cog("Watched")
    title = world.catalog.movies[seen].title
    choices = await watched_cog._add_title(world.interaction(ana), title[:6])
    [choice] = [c for c in choices if c.value == seen]
    interaction = world.interaction(ana)
    await watched_cog.add.callback(watched_cog, interaction, title=choice.value, rating=None)
    assert interaction.calls[0].ephemeral and world.profiles.has_watched(me, seen)

    # 4. A follow-up in the same channel: none of the three again, and the like shows.
    liked_title = world.catalog.movies[liked].title
    intro, again, embeds = await talk(world, ana, "more like the first one")
    assert f"like {liked_title}" in intro
    assert len(again) == 3 and not {m for _, m in again} & {liked, hated, seen}
    assert any(f"{liked_title}, which you liked 👍" in e.description for e in embeds)  # a 👍, no stars given

    # 5. With the recency rule off, only her profile keeps films out: in a new conversation (a DM)
    # the disliked and the watched film stay out though they top the list for everyone else.
    world.service.deps.config = dataclasses.replace(world.service.deps.config, recent_days=0)
    _, fresh, _ = await talk(world, ana, REQUEST, world.dm_channel(ana))
    assert len(fresh) == 3 and hated not in {m for _, m in fresh} and seen not in {m for _, m in fresh}
    assert {hated, seen} <= world.profiles.excluded_ids(me)

    # 6. Ana takes her 1️⃣ back: the rating is gone and the film may be suggested again.
    await world.react(hated_msg, ana, "1️⃣", added=False)
    assert world.profiles.ratings(me) == {liked: 4.5}
    assert hated not in world.profiles.excluded_ids(me)
    _, after_undo, _ = await talk(world, ana, REQUEST, world.dm_channel(ana))
    assert hated in {m for _, m in after_undo} and seen not in {m for _, m in after_undo}

    # The re-ranker learned from Ana's own reactions only (Bob's 👍 was on her suggestion).
    kinds = [(e["kind"], e["added"]) for e in world.profiles.feedback_events(me)]
    # (a star reaction marks the film watched too, and its removal undoes both)
    assert kinds == [("like", True), ("stars", True), ("watched", True), ("stars", False), ("watched", False)]
    assert world.ranker.user_model(me).n == 2 and world.ranker.user_model(f"discord:{bob.id}").n == 0
