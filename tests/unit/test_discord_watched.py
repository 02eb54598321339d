"""/watched add|remove|list and /rate: autocomplete, ambiguous titles, pagination, ephemeral replies."""

from __future__ import annotations

import discord
import pytest

from agent.service_types import WatchedItem
from bot.discord.cogs.watched import Watched, WatchedPages
from bot.discord.titles import TitleChoice
from tests.unit.test_discord_harness import DiscordWorld, press

pytest_plugins = ("tests.unit.test_discord_harness",)  # the world, starter_catalog and profile_store fixtures


def key(member) -> str:
    return f"discord:{member.id}"


async def test_title_autocomplete_offers_title_and_year_with_the_id_as_value(world):
    cog = world.cog("Watched")
    choices = await cog._add_title(world.interaction(world.member("ana")), "godfa")
    assert choices and all(isinstance(c, discord.app_commands.Choice) for c in choices)
    assert ("The Godfather (1972)", "the-godfather-1972") in [(c.name, c.value) for c in choices]
    assert len(choices) <= 25 and all(len(c.name) <= 100 and len(c.value) <= 100 for c in choices)
    rate = world.cog("Ratings")
    assert [c.value for c in await rate._rate_title(world.interaction(world.member("bob")), "godfa")] == [
        c.value for c in choices
    ]


async def test_watched_add_by_autocomplete_id_with_a_rating(world):
    ana = world.member("ana")
    interaction = world.interaction(ana)
    cog = world.cog("Watched")
    await cog.add.callback(cog, interaction, title="the-godfather-1972", rating="4.5")
    [answer] = interaction.calls
    assert answer.kind == "send_message" and answer.ephemeral
    assert "The Godfather (1972)" in answer.content and "4.5/5" in answer.content
    assert answer.allowed_mentions == {"parse": []}
    assert world.profiles.has_watched(key(ana), "the-godfather-1972")
    assert world.profiles.rating(key(ana), "the-godfather-1972") == 4.5
    assert world.profiles.watched(key(ana))[0]["source"] == "discord"


async def test_watched_add_by_typed_title_and_an_unknown_title(world):
    ana = world.member("ana")
    cog = world.cog("Watched")
    interaction = world.interaction(ana)
    await cog.add.callback(cog, interaction, title="se7en", rating=None)
    assert world.profiles.has_watched(key(ana), "se7en-1995") and world.profiles.rating(key(ana), "se7en-1995") is None
    unknown = world.interaction(ana)
    await cog.add.callback(cog, unknown, title="Zzyzx Qwerty Plonk", rating=None)
    [answer] = unknown.calls
    assert answer.ephemeral and "couldn't find" in answer.content and "Zzyzx Qwerty Plonk" in answer.content
    assert len(world.profiles.watched(key(ana))) == 1


async def test_an_ambiguous_title_asks_which_film_with_a_menu(catalog, profile_store, tmp_path):
    """The sample catalog has Heat (1995) and Heat (1986)."""
    world = await DiscordWorld(catalog=catalog, profiles=profile_store, tmp_path=tmp_path).start()
    try:
        ana, bob = world.member("ana"), world.member("bob")
        interaction = world.interaction(ana)
        cog = world.cog("Watched")
        await cog.add.callback(cog, interaction, title="heat", rating="4")
        [question] = interaction.calls
        assert question.ephemeral and "Which one" in question.content
        view = question.view
        assert isinstance(view, TitleChoice)
        assert [(o.value, o.label) for o in view.choice.options] == [
            ("heat-1995", "Heat (1995)"),
            ("heat-1986", "Heat (1986)"),
        ]
        assert profile_store.watched(key(ana)) == []  # nothing guessed
        intruder = world.interaction(bob, type=discord.InteractionType.component)
        assert not await press(view, view.choice, intruder, values=["heat-1986"])
        assert intruder.calls[0].ephemeral and profile_store.watched(key(bob)) == []
        click = world.interaction(ana, type=discord.InteractionType.component)
        assert await press(view, view.choice, click, values=["heat-1986"])
        [edit] = click.calls
        assert edit.kind == "edit_message" and "Heat (1986)" in edit.content and edit.get("view") is None
        assert [r["movie_id"] for r in profile_store.watched(key(ana))] == ["heat-1986"]
        assert profile_store.rating(key(ana), "heat-1986") == 4.0
    finally:
        await world.stop()


async def test_watched_remove(world):
    ana = world.member("ana")
    world.profiles.add_watched(key(ana), "se7en-1995")
    cog = world.cog("Watched")
    choices = await cog._remove_title(world.interaction(ana), "se")
    assert [c.value for c in choices] == ["se7en-1995"]  # their own list first
    interaction = world.interaction(ana)
    await cog.remove.callback(cog, interaction, title="se7en-1995")
    assert interaction.calls[0].ephemeral and "Took" in interaction.calls[0].content
    assert not world.profiles.has_watched(key(ana), "se7en-1995")
    again = world.interaction(ana)
    await cog.remove.callback(cog, again, title="se7en-1995")
    assert "wasn't on your watched list" in again.calls[0].content


async def test_watched_list_is_paginated_with_buttons_for_its_owner_only(world):
    ana, bob = world.member("ana"), world.member("bob")
    films = sorted(world.catalog.movies)[:23]
    for n, movie_id in enumerate(films):
        world.profiles.add_watched(key(ana), movie_id, at=f"2026-01-{n + 1:02d}T00:00:00")
    world.profiles.rate(key(ana), films[-1], 3.5)
    cog = world.cog("Watched")
    interaction = world.interaction(ana)
    await cog.show_list.callback(cog, interaction)
    [answer] = interaction.calls
    assert answer.ephemeral and answer.allowed_mentions == {"parse": []}
    pages: WatchedPages = answer.view
    [embed] = answer.embeds
    newest = world.catalog.movies[films[-1]]
    assert embed.title == "Watched (23)" and embed.footer.text == "Page 1 of 3"
    assert embed.description.splitlines()[0] == f"1. {discord.utils.escape_markdown(newest.label)} · 3.5/5 · 2026-01-23"
    assert len(embed.description.splitlines()) == 10
    assert pages.previous.disabled and not pages.next.disabled
    click = world.interaction(ana, type=discord.InteractionType.component)
    await press(pages, pages.next, click)
    [edit] = click.calls
    assert edit.kind == "edit_message" and edit.embeds[0].footer.text == "Page 2 of 3"
    assert edit.embeds[0].description.splitlines()[0].startswith("11. ")
    for _ in range(2):
        await press(pages, pages.next, world.interaction(ana, type=discord.InteractionType.component))
    assert pages.page == 2 and pages.next.disabled and len(pages.embed().description.splitlines()) == 3
    stranger = world.interaction(bob, type=discord.InteractionType.component)
    assert not await press(pages, pages.previous, stranger)
    assert pages.page == 2 and stranger.calls[0].ephemeral


async def test_watched_list_shows_the_day_given_and_none_for_an_undated_import(world):
    """Before: '1. Heat (1995) · 4/5' with no day, though /watched add took one and the CLI lists it."""
    ana = world.member("ana")
    cog = world.cog("Watched")
    await cog.add.callback(cog, world.interaction(ana), title="heat-1995", rating="4", date="2024-05-31")
    world.profiles.add_watched(key(ana), "se7en-1995", source="import:letterboxd")
    world.profiles.conn.execute("UPDATE watched SET watched_at = NULL WHERE movie_id = 'se7en-1995'")
    interaction = world.interaction(ana)
    await cog.show_list.callback(cog, interaction)
    assert interaction.calls[0].embeds[0].description.splitlines() == [
        "1. Heat (1995) · 4/5 · 2024-05-31", "2. Se7en (1995)",
    ]  # fmt: skip


async def test_an_empty_watched_list_says_how_to_fill_it(world):
    interaction = world.interaction(world.member("ana"))
    cog = world.cog("Watched")
    await cog.show_list.callback(cog, interaction)
    assert interaction.calls[0].ephemeral and "/watched add" in interaction.calls[0].content


@pytest.mark.parametrize(
    ("stars", "expected"),
    [("4.5", 4.5), ("1", 1.0), ("4/5", 4.0), ("8/10", 4.0), ("★★★½", 3.5), ("four", 4.0), ("4 stars", 4.0)],
)
async def test_rate_takes_the_stars_slack_and_the_cli_take(world, stars, expected):
    """Before: the option was a number, so Discord itself refused "4/5" or "★★★★" that Slack's /rate took."""
    ana = world.member("ana")
    interaction = world.interaction(ana)
    cog = world.cog("Ratings")
    await cog.rate.callback(cog, interaction, title="Heat", stars=stars)
    assert interaction.calls[0].ephemeral and f"{expected:g}/5" in interaction.calls[0].content
    assert world.profiles.rating(key(ana), "heat-1995") == expected


@pytest.mark.parametrize(
    ("stars", "said"),
    [("3.3", "half stars"), ("6", "0.5 to 5"), ("seven", "★★★★"), ("6/5", "more than the whole scale")],
)
async def test_rate_refuses_a_bad_grade_saying_what_it_takes(world, stars, said):
    ana = world.member("ana")
    interaction = world.interaction(ana)
    cog = world.cog("Ratings")
    await cog.rate.callback(cog, interaction, title="Heat", stars=stars)
    [answer] = interaction.calls
    assert answer.ephemeral and said in answer.content and "Heat" not in answer.content
    assert world.profiles.ratings(key(ana)) == {}


async def test_watched_add_takes_a_rating_as_slack_does(world):
    ana = world.member("ana")
    cog = world.cog("Watched")
    interaction = world.interaction(ana)
    await cog.add.callback(cog, interaction, title="se7en", rating="★★★★")
    assert "rated 4/5" in interaction.calls[0].content
    assert world.profiles.rating(key(ana), "se7en-1995") == 4.0
    refused = world.interaction(ana)
    await cog.add.callback(cog, refused, title="heat 1995", rating="11/10")
    assert "more than the whole scale" in refused.calls[0].content
    assert not world.profiles.has_watched(key(ana), "heat-1995")


async def test_the_stars_option_offers_the_half_star_grades(world):
    cog = world.cog("Ratings")
    interaction = world.interaction(world.member("ana"))
    every = await cog._rate_stars(interaction, "")
    assert [c.value for c in every] == ["5", "4.5", "4", "3.5", "3", "2.5", "2", "1.5", "1", "0.5"]
    assert every[1].name == "4.5 ★★★★½"
    assert [c.value for c in await cog._rate_stars(interaction, "4")] == ["4", "4.5"]
    assert [c.value for c in await cog._rate_stars(interaction, "8/10")] == ["4"]
    watched = world.cog("Watched")
    assert [c.value for c in await watched._add_rating(interaction, "3")] == ["3", "3.5"]
    for command, name in ((cog.rate, "stars"), (watched.add, "rating")):  # free text Discord lets through
        option = command._params[name]
        assert option.type is discord.AppCommandOptionType.string and option.autocomplete


async def test_watched_remove_of_a_shared_title_takes_the_one_on_the_users_list(catalog, profile_store, tmp_path):
    """Before: with only Heat (1995) on the list, /watched remove heat still asked "which one?"."""
    world = await DiscordWorld(catalog=catalog, profiles=profile_store, tmp_path=tmp_path).start()
    try:
        ana = world.member("ana")
        profile_store.add_watched(key(ana), "heat-1995")
        interaction = world.interaction(ana)
        cog = world.cog("Watched")
        await cog.remove.callback(cog, interaction, title="heat")
        [answer] = interaction.calls
        assert answer.view is None and "Heat (1995)" in answer.content
        assert not profile_store.has_watched(key(ana), "heat-1995")
    finally:
        await world.stop()


async def test_an_unknown_title_keeps_the_services_did_you_mean(world):
    interaction = world.interaction(world.member("ana"))
    cog = world.cog("Watched")
    await cog.add.callback(cog, interaction, title="Se7en 2", rating=None)
    [answer] = interaction.calls
    assert "couldn't find" in answer.content and "Did you mean Se7en (1995)?" in answer.content


async def test_an_error_that_is_no_unknown_title_is_said_as_it_is(world):
    """An empty title got "I couldn't find a film called “” in my catalog"."""
    interaction = world.interaction(world.member("ana"))
    cog = world.cog("Watched")
    await cog.add.callback(cog, interaction, title="   ", rating=None)
    [answer] = interaction.calls
    assert "couldn't find" not in answer.content and answer.content.startswith("Which film?"), answer.content


async def timed_out(interaction) -> None:
    """discord.py's timeout, then what the user's reply shows."""
    view = interaction.calls[0].view
    await view.on_timeout()
    edit = interaction.calls[-1]
    assert edit.kind == "edit_original_response" and edit.view is view
    assert view.children and all(item.disabled for item in view.children)


async def test_buttons_go_grey_when_they_time_out(world):
    """Before: a click after the timeout got Discord's "This interaction failed"."""
    ana = world.member("ana")
    for movie_id in sorted(world.catalog.movies)[:12]:
        world.profiles.add_watched(key(ana), movie_id)
    for command in (world.cog("Watched").show_list, world.cog("Profile").forget):
        interaction = world.interaction(ana)
        await command.callback(command.binding, interaction)
        await timed_out(interaction)


async def test_the_which_film_menu_goes_grey_when_it_times_out(catalog, profile_store, tmp_path):
    world = await DiscordWorld(catalog=catalog, profiles=profile_store, tmp_path=tmp_path).start()
    try:
        interaction = world.interaction(world.member("ana"))
        cog = world.cog("Watched")
        await cog.add.callback(cog, interaction, title="heat", rating=None)
        await timed_out(interaction)
    finally:
        await world.stop()


def test_a_thumbs_up_on_the_watched_list_is_no_star_rating():
    """A 👍 is stored as 4.5 stars for ranking; /watched list showed "Heat (1995) · 4.5/5"."""
    liked = WatchedItem("heat-1995", "Heat (1995)", 1995, 4.5, "2026-06-01T12:00:00+00:00", "discord", "like")
    typed = WatchedItem("se7en-1995", "Se7en (1995)", 1995, 4.5, "2026-06-01T12:00:00+00:00", "discord")
    assert (Watched._line(liked), Watched._line(typed)) == (
        "Heat (1995) · 👍 · 2026-06-01",
        "Se7en (1995) · 4.5/5 · 2026-06-01",
    )


async def test_watched_add_of_a_film_already_listed_says_since_when_and_keeps_its_day(world):
    """Before: it answered "Marked **Se7en (1995)** as watched. I won't suggest it again." and moved
    the day it was seen (2024-01-01) to today."""
    ana = world.member("ana")
    world.profiles.add_watched(key(ana), "se7en-1995", source="import:letterboxd", at="2024-01-01T00:00:00+00:00")
    cog = world.cog("Watched")
    interaction = world.interaction(ana)
    await cog.add.callback(cog, interaction, title="se7en-1995", rating=None)
    [answer] = interaction.calls
    assert answer.content == "Se7en (1995) was already on your watched list, since 2024-01-01."
    assert world.profiles.watched(key(ana))[0]["watched_at"].startswith("2024-01-01")


async def test_watched_list_opens_at_the_page_asked_and_a_page_past_the_end_says_how_many(world):
    """Before: `/watched list` had no page; the second page was only a button away."""
    ana = world.member("ana")
    for movie_id in sorted(world.catalog.movies)[:12]:
        world.profiles.add_watched(key(ana), movie_id)
    cog = world.cog("Watched")
    second = world.interaction(ana)
    await cog.show_list.callback(cog, second, page=2)
    [answer] = second.calls
    assert answer.embeds[0].footer.text == "Page 2 of 2" and answer.embeds[0].description.startswith("11. ")
    assert not answer.view.previous.disabled and answer.view.next.disabled
    past = world.interaction(ana)
    await cog.show_list.callback(cog, past, page=5)
    [refused] = past.calls
    assert refused.ephemeral and refused.content == "There is no page 5: your watched list has only 2 pages (12 films)."


async def test_watched_add_takes_the_day_it_was_watched_and_refuses_a_bad_one(world):
    """Before: only the CLI could say the day a film was watched."""
    ana = world.member("ana")
    cog = world.cog("Watched")
    dated = world.interaction(ana)
    await cog.add.callback(cog, dated, title="se7en-1995", rating=None, date="2024-05-01")
    assert dated.calls[0].content == "Marked **Se7en (1995)** as watched on 2024-05-01. I won't suggest it again."
    assert world.profiles.watched_row(key(ana), "se7en-1995")["watched_at"][:10] == "2024-05-01"
    for day, says in (("May 1", "must be a date like 2024-05-31, got 'May 1'"), ("2999-01-01", "has not come yet")):
        bad = world.interaction(ana)
        await cog.add.callback(cog, bad, title="heat", rating=None, date=day)  # refused before any "which Heat?"
        assert bad.calls[0].ephemeral and says in bad.calls[0].content and bad.calls[0].view is None
    assert [row["movie_id"] for row in world.profiles.watched(key(ana))] == ["se7en-1995"]
