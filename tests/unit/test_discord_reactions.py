"""Reactions on suggestion messages: what each one writes, undo, duplicates, and learning."""

from __future__ import annotations

import pytest

from store.profiles import DISLIKE_STARS, LIKE_STARS, reward_for
from tests.unit.test_discord_harness import BOT_ID, DiscordWorld

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures


async def ask(world: DiscordWorld, user, text: str = "a crime thriller from the 90s") -> list[tuple[int, str]]:
    """(message id, movie id) of each pick posted for `user`."""
    before = len(world.api.sent)
    await world.cog("Recommend").on_message(world.message(user, text, mention_bot=True))
    posted = [s for s in world.api.sent[before:] if s.embeds]
    return [(s.id, world.profiles.suggestion_by_message("discord", s.id)["movie_id"]) for s in posted]


@pytest.fixture
async def picks(world):
    ana = world.member("ana")
    return ana, await ask(world, ana)


async def test_thumbs_up_is_a_like_and_removing_it_undoes_it(world, picks):
    ana, [(message, movie), *_] = picks
    user = f"discord:{ana.id}"
    await world.react(message, ana, "👍")
    assert world.profiles.rating(user, movie) == LIKE_STARS
    [event] = world.profiles.feedback_events(user)
    assert (event["kind"], event["added"], event["movie_id"]) == ("like", True, movie)
    assert event["suggestion_id"] == world.profiles.suggestion_by_message("discord", message)["id"]
    await world.react(message, ana, "👍", added=False)
    assert world.profiles.rating(user, movie) is None
    assert [e["added"] for e in world.profiles.feedback_events(user)] == [True, False]


async def test_a_like_holds_while_either_of_ones_thumbs_is_on(world, picks):
    """Ana's 👍 and 👍🏽 are two reactions under the pick: removing the 👍 undid her like."""
    ana, [(message, movie), *_] = picks
    user = f"discord:{ana.id}"
    await world.react(message, ana, "👍")
    await world.react(message, ana, "👍🏽")
    await world.react(message, ana, "👍", added=False)
    assert world.profiles.rating(user, movie) == LIKE_STARS
    await world.react(message, ana, "👍🏽", added=False)
    assert world.profiles.rating(user, movie) is None


@pytest.mark.parametrize(
    ("emoji", "check"),
    [
        ("👎", lambda p, u, m: p.rating(u, m) == DISLIKE_STARS and m in p.excluded_ids(u)),
        ("✅", lambda p, u, m: p.has_watched(u, m) and m in p.excluded_ids(u)),
        ("🙈", lambda p, u, m: m in p.dismissed(u)),
        ("1️⃣", lambda p, u, m: p.rating(u, m) == 1.0 and m in p.excluded_ids(u)),
        ("4\u20e3", lambda p, u, m: p.rating(u, m) == 4.0),  # a keycap without the variation selector
        ("5️⃣", lambda p, u, m: p.rating(u, m) == 5.0),
    ],
)
async def test_each_reaction_writes_its_state_and_removal_restores_it(world, picks, emoji, check):
    ana, [(message, movie), *_] = picks
    user = f"discord:{ana.id}"
    await world.react(message, ana, emoji)
    assert check(world.profiles, user, movie)
    await world.react(message, ana, emoji, added=False)
    assert not check(world.profiles, user, movie)
    assert movie not in world.profiles.excluded_ids(user)


async def test_a_duplicate_delivery_is_ignored_but_a_later_re_add_counts(world, picks):
    ana, [(message, movie), *_] = picks
    user = f"discord:{ana.id}"
    await world.react(message, ana, "👍")
    await world.react(message, ana, "👍")  # the same gateway event delivered twice
    assert len(world.profiles.feedback_events(user)) == 1
    await world.react(message, ana, "👍", added=False)
    await world.react(message, ana, "👍", added=False)  # a duplicate removal
    assert len(world.profiles.feedback_events(user)) == 2 and world.profiles.rating(user, movie) is None
    await world.react(message, ana, "👍")  # a real second like
    events = world.profiles.feedback_events(user)
    assert [e["added"] for e in events] == [True, False, True]
    assert len({e["event_id"] for e in events}) == 3
    assert world.profiles.rating(user, movie) == LIKE_STARS


async def test_removing_a_reaction_the_bot_never_saw_changes_nothing(world, picks):
    ana, [(message, movie), *_] = picks
    world.profiles.rate(f"discord:{ana.id}", movie, 3.0)
    await world.react(message, ana, "3️⃣", added=False)  # added while the bot was offline
    assert all(e["undoes"] is None for e in world.profiles.feedback_events(f"discord:{ana.id}"))
    assert not world.profiles.has_watched(f"discord:{ana.id}", movie)
    assert world.profiles.rating(f"discord:{ana.id}", movie) == 3.0


async def test_the_bots_own_unknown_emoji_and_unknown_messages_are_ignored(world, picks):
    ana, [(message, _), *_] = picks
    await world.react(message, BOT_ID, "👍")  # the bot pre-adding its reactions
    await world.react(message, ana, "🍿")
    await world.react(1_999_999_999_999_999_999, ana, "👍")  # not a suggestion
    event = world.reaction(message, ana, "👍")
    event.emoji = type(event.emoji).from_dict({"id": "1300000000000000555", "name": "thumbsup"})  # custom emoji
    await world.cog("Ratings").on_raw_reaction_add(event)
    assert world.profiles.feedback_events() == []


async def test_someone_elses_reaction_is_their_own_rating_and_does_not_train_for_the_recipient(world, picks):
    ana, [(message, movie), *_] = picks
    bob = world.member("bob")
    ranker_before = world.ranker.shared.n
    await world.react(message, bob, "👎")
    assert world.profiles.rating(f"discord:{bob.id}", movie) == DISLIKE_STARS
    assert world.profiles.rating(f"discord:{ana.id}", movie) is None
    assert world.ranker.shared.n == ranker_before
    await world.react(message, ana, "👍")
    assert world.profiles.rating(f"discord:{ana.id}", movie) == LIKE_STARS
    assert world.ranker.shared.n == ranker_before + 1


async def test_the_recipients_reactions_train_the_re_ranker_and_saves_are_batched(world, picks):
    ana, picked = picks
    world.service.save_every = 2
    user = f"discord:{ana.id}"
    await world.react(picked[0][0], ana, "👍")
    assert world.ranker.shared.n == 1 and world.ranker.user_model(user).n == 1
    assert world.profiles.load_model("shared") is None  # not saved after every reaction
    await world.react(picked[1][0], ana, "2️⃣")
    saved = world.profiles.load_model("shared")
    assert saved is not None and world.profiles.load_model(f"user:{user}") is not None
    await world.react(picked[1][0], ana, "2️⃣", added=False)  # removals are left to the refit
    assert world.ranker.shared.n == 2
    await world.react(picked[2][0], ana, "3️⃣")
    assert world.service.unsaved == 1
    await world.stop()  # shutting down saves what is pending
    assert world.profiles.load_model("shared") != saved


async def test_the_refit_rebuilds_the_model_from_the_store(world, picks):
    ana, picked = picks
    await world.react(picked[0][0], ana, "👍")
    await world.react(picked[0][0], ana, "👍", added=False)
    await world.react(picked[1][0], ana, "5️⃣")
    assert world.ranker.shared.n == 2  # the undone like was learned online
    cog = world.cog("Ratings")
    assert cog.refit.is_running() and cog.refit.minutes == 30
    await cog.refit()
    # Refitted from rewards: the 5-star one counts; the other two suggestions have no feedback
    # yet and are too recent for the silence reward, and the undone like no longer exists.
    assert world.ranker.shared.n == 1


def test_rewards_follow_the_store_scale():
    assert [reward_for(k, None) for k in ("like", "watched", "dislike", "dismiss")] == [1.0, 1.0, 0.0, 0.0]
    assert [reward_for("stars", s) for s in (1.0, 2.0, 3.0, 4.0, 5.0)] == [0.0, 0.0, 0.5, 1.0, 1.0]
