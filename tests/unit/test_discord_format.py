"""Discord's limits and escaping, checked on real discord.Embed objects."""

from __future__ import annotations

import discord
import pytest

from agent.reactions import reaction_meaning
from bot.discord.cogs.movienight import movienight_embed
from bot.discord.format import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_COUNT_LIMIT,
    FIELD_VALUE_LIMIT,
    MESSAGE_LIMIT,
    TITLE_LIMIT,
    add_field,
    clip,
    escape,
    fit_embed,
    pick_embed,
    reaction_emoji,
    runtime_text,
)
from bot.listing import bullet_lines, split_message

PICK = {
    "id": "m-a-s-h-1970",
    "title": "M*A*S*H",
    "year": 1970,
    "genres": ["comedy", "war"],
    "runtime": 116,
    "directors": ["Robert Altman"],
    "rating": 7.4,
    "explanation": "A war comedy, as you asked.",
    "score": 0.9,
    "suggestion_id": 3,
    "poster_url": "https://image.tmdb.org/t/p/w342/mash.jpg",
}


def within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= TITLE_LIMIT
    assert len(embed.description or "") <= DESCRIPTION_LIMIT
    assert len(embed.fields) <= FIELD_COUNT_LIMIT
    assert all(len(f.value) <= FIELD_VALUE_LIMIT and len(f.name) <= 256 for f in embed.fields)
    assert len(embed.footer.text or "") <= 2048
    assert len(embed) <= EMBED_TOTAL_LIMIT


def test_a_pick_embed_shows_the_film_and_escapes_its_title():
    embed = pick_embed(PICK, position=2)
    assert embed.title == "2. M\\*A\\*S\\*H (1970)"
    assert embed.description == "A war comedy, as you asked."
    assert [(f.name, f.value) for f in embed.fields] == [
        ("Genres", "comedy, war"),
        ("Runtime", "1 h 56 min"),
        ("Director", "Robert Altman"),
        ("Rating", "7.4/10"),
    ]
    assert embed.thumbnail.url == PICK["poster_url"]
    assert "👍" in embed.footer.text and "1️⃣" in embed.footer.text
    no_poster = pick_embed({**PICK, "poster_url": None})
    assert no_poster.thumbnail.url is None and no_poster.title == "M\\*A\\*S\\*H (1970)"


def test_an_oversized_pick_is_trimmed_to_every_limit():
    huge = {
        **PICK,
        "title": "T" * 400,
        "explanation": "word " * 2000,
        "genres": ["drama"] * 400,
        "directors": ["D" * 2000],
    }
    embed = pick_embed(huge)
    within_limits(embed)
    assert embed.title.endswith("…") and embed.description.endswith("…")
    assert all(f.value.endswith("…") for f in embed.fields if f.name in ("Genres", "Director"))


def test_fit_embed_keeps_the_total_under_6000_and_25_fields():
    embed = discord.Embed(title="x" * 300, description="y" * 5000)
    for n in range(30):
        embed.add_field(name=f"field {n}", value="z" * 1500)
    embed.set_footer(text="f" * 3000)
    within_limits(fit_embed(embed))
    assert embed.fields[0].name == "field 0"


def test_add_field_stops_at_25():
    embed = discord.Embed()
    assert all(add_field(embed, str(n), "v") for n in range(FIELD_COUNT_LIMIT))
    assert not add_field(embed, "one too many", "v") and len(embed.fields) == FIELD_COUNT_LIMIT


def test_a_5000_character_reply_is_split_at_line_boundaries():
    lines = [f"{n}. " + "a film worth your evening " * 3 for n in range(62)]
    text = "\n".join(lines)
    assert len(text) >= 5000
    chunks = split_message(text, MESSAGE_LIMIT)
    assert len(chunks) == 3 and all(len(c) <= MESSAGE_LIMIT for c in chunks)
    assert "\n".join(chunks) == text
    assert all(line in lines for chunk in chunks for line in chunk.splitlines())


def test_a_line_longer_than_a_message_is_cut_between_words_and_a_wordless_run_anywhere():
    chunks = split_message("word " * 900, MESSAGE_LIMIT)
    assert all(len(c) <= MESSAGE_LIMIT for c in chunks) and all(not c.endswith("wor") for c in chunks)
    assert " ".join(chunks).split() == ["word"] * 900
    blob = split_message("x" * 4500, MESSAGE_LIMIT)
    assert [len(c) for c in blob] == [2000, 2000, 500]


def test_short_and_empty_texts():
    assert split_message("hello", MESSAGE_LIMIT) == ["hello"]
    assert split_message("", MESSAGE_LIMIT) == [] and split_message("\n\n", MESSAGE_LIMIT) == []


def test_clip():
    assert clip("short", 10) == "short"
    clipped = clip("a few words that go on and on", 12)
    assert len(clipped) <= 12 and clipped.endswith("…")
    assert clip("\\*" * 10, 6) == "\\*\\*…"  # never a dangling escape


def test_escape_defuses_markdown_and_mentions():
    text = escape("**bold** @everyone @here <@1300000000000000001> <@&1300000000000000002>")
    assert "\\*\\*bold\\*\\*" in text and "@\u200beveryone" in text and "@\u200bhere" in text
    assert "<@1300000000000000001>" not in text and "<@&1300000000000000002>" not in text


@pytest.mark.parametrize(
    ("emoji", "expected"),
    [
        ("👍", ("like", None)),
        ("👎", ("dislike", None)),
        ("✅", ("watched", None)),
        ("🙈", ("dismiss", None)),
        ("1️⃣", ("stars", 1.0)),
        ("3\u20e3", ("stars", 3.0)),
        ("5️⃣", ("stars", 5.0)),
        ("👍🏽", ("like", None)),  # a skin tone picked in Discord's emoji picker was lost feedback
        ("👎🏿", ("dislike", None)),
    ],
)
def test_reaction_meanings(emoji, expected):
    assert reaction_meaning(emoji)[1] == expected
    assert reaction_meaning(reaction_emoji(discord.PartialEmoji(name=emoji)))[1] == expected


def test_other_emoji_mean_nothing():
    assert reaction_meaning("🍿") is None and reaction_meaning("6️⃣") is None
    assert reaction_emoji(discord.PartialEmoji(name="thumbsup", id=1300000000000000555)) is None


def test_runtime_and_bullets():
    assert runtime_text(95) == "1 h 35 min" and runtime_text(45) == "45 min"
    listed = bullet_lines([f"film {n}" for n in range(500)], limit=200)
    assert len(listed) <= 200 and listed.endswith("more") and listed.startswith("• film 0")


def test_the_movienight_embed_names_people_without_mentioning_them():
    pick = {**PICK, "per_person": {"discord:1": "you rate comedy films highly", "discord:2": "x" * 3000}}
    embed = movienight_embed(pick, {"discord:1": "@everyone", "discord:2": "Bob"})
    within_limits(embed)
    names = [f.name for f in embed.fields]
    assert names == ["About", "For @\u200beveryone", "For Bob"]
    assert embed.fields[2].value.endswith("…")
