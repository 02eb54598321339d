"""/movienight: one film nobody in the group has watched, with a reason per person."""

from __future__ import annotations

from bot.discord.cogs.movienight import group_of

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures


def key(member) -> str:
    return f"discord:{member.id}"


async def test_movienight_picks_a_film_nobody_has_seen_with_a_reason_for_each(world):
    ana, bob, cy = world.member("ana"), world.member("bob"), world.member("cy")
    cog = world.cog("MovieNight")
    probe = world.interaction(ana)
    await cog.movienight.callback(cog, probe, person1=bob, person2=cy, request="a crime thriller")
    first_pick = next(call for call in probe.calls if call.embeds).embeds[0].title
    # Whatever it picked, someone has now seen it; and the others have seen other crime films.
    seen = next(m for m in world.catalog.movies.values() if m.label in first_pick)
    world.profiles.add_watched(key(cy), seen.id)
    world.profiles.rate(key(ana), "se7en-1995", 5.0)
    world.profiles.rate(key(bob), "heat-1995", 4.5)

    interaction = world.interaction(ana)
    await cog.movienight.callback(cog, interaction, person1=bob, person2=cy, person3=bob, request="a crime thriller")
    answer = next(call for call in interaction.calls if call.embeds)
    assert not answer.only_for_caller and answer.allowed_mentions == {"parse": []}  # the pick is the channel's
    [embed] = answer.embeds
    movie = next(m for m in world.catalog.movies.values() if m.label in embed.title)
    assert movie.id not in {seen.id, "se7en-1995", "heat-1995"} and "crime" in movie.genres
    people = {f.name: f.value for f in embed.fields if f.name.startswith("For ")}
    assert list(people) == ["For Ana", "For Bob", "For Cy"]  # display names, never mentions; bob once
    assert all(people.values())
    assert "<@" not in str(embed.to_dict())
    assert set(world.profiles.members("discord", world.guild.id)) == {key(ana), key(bob), key(cy)}


async def test_movienight_needs_someone_else_and_leaves_bots_out(world):
    ana = world.member("ana")
    cog = world.cog("MovieNight")
    interaction = world.interaction(ana)
    await cog.movienight.callback(cog, interaction, person1=world.member("somebot", bot=True))
    [answer] = interaction.calls
    assert answer.ephemeral and "at least one other person" in answer.content


async def test_the_group_is_the_caller_then_up_to_five_others_once_each(world):
    ana = world.member("ana")
    others = [world.member(f"p{n}") for n in range(6)]
    group = group_of(ana, [others[0], None, others[0], *others[1:]])
    assert group[0] is ana and len(group) == 6 and len({p.id for p in group}) == 6


async def test_people_named_in_a_slash_command_request_are_no_part_of_it(world, monkeypatch):
    """Discord sends "@bob" typed in a command's text option as "<@id>": /movienight and /recommend
    read those digits as part of what was asked, and picked another film than for the words alone."""
    ana, bob = world.member("ana"), world.member("bob")
    asked = []
    group_pick, chat = world.service.group_pick, world.service.chat
    monkeypatch.setattr(world.service, "group_pick", lambda keys, text, count, **kw: asked.append(text) or
                        group_pick(keys, text, count, **kw))  # fmt: skip
    monkeypatch.setattr(world.service, "chat", lambda user, text, **kw: asked.append(text) or chat(user, text, **kw))
    night = world.cog("MovieNight")
    await night.movienight.callback(night, world.interaction(ana), person1=bob, request=f"**funny**, <@{bob.id}> picks")
    recommend = world.cog("Recommend")
    await recommend.recommend.callback(recommend, world.interaction(ana), request=f"a thriller for <@!{bob.id}> and me")
    assert asked == ["funny, picks", "a thriller for and me"]


async def test_a_movienight_that_finds_nothing_tells_only_the_caller(world):
    """Before: /movienight deferred publicly, so "Sorry, I didn't catch that" and "No film in my catalog
    fits that request" were posted to the whole channel. The caller alone sees them now; a pick is
    still posted for everyone, and the caller's own note about it is removed once it is."""
    ana, bob = world.member("ana"), world.member("bob")
    cog = world.cog("MovieNight")
    for request, said in [("qwzx vbnm", "didn't catch"), ("a western directed by Hayao Miyazaki", "No film")]:
        interaction = world.interaction(ana)
        await cog.movienight.callback(cog, interaction, person1=bob, request=request)
        [answer] = interaction.answers()
        assert said in answer.content and answer.only_for_caller, (request, answer.content)

    interaction = world.interaction(ana)
    await cog.movienight.callback(cog, interaction, person1=bob, request="a crime thriller")
    [pick] = [call for call in interaction.answers() if call.embeds]
    assert not pick.only_for_caller and pick.embeds[0].title.startswith("🎬 Movie night: ")
    assert interaction.calls[-1].kind == "delete_original_response"


async def test_a_movienight_pick_can_be_rated_by_reacting_to_it(world):
    """Before: the pick was posted with no reactions and stored as no suggestion, so a 👍 on it from
    anyone in the group did nothing. It now carries the rating reactions and a 👍 is a like."""
    ana, bob = world.member("ana"), world.member("bob")
    cog = world.cog("MovieNight")
    interaction = world.interaction(ana)
    await cog.movienight.callback(cog, interaction, person1=bob, request="a crime thriller")
    [suggestion] = world.profiles.export_user(key(ana))["suggestions"]
    message_id = int(suggestion["message_id"])
    assert "👍" in world.api.reactions_on(message_id)
    await world.react(message_id, bob, "👍")
    assert world.profiles.rating(key(bob), suggestion["movie_id"]) is not None
