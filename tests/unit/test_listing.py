"""The one word-boundary cut behind Discord's and Slack's clip, and each platform's escape rule."""

from __future__ import annotations

import re

import pytest

from bot.discord import format as discord_format
from bot.listing import ELLIPSIS, clip
from bot.slack import blocks as slack_blocks

WORDS = "Heat is a 1995 crime film about a crew of professional thieves and the detective who hunts them"


def test_a_text_that_fits_is_left_alone():
    assert clip(WORDS, len(WORDS)) == WORDS
    assert discord_format.clip("short", 10) == "short" and slack_blocks.clip("short", 10) == "short"


@pytest.mark.parametrize("platform_clip", [clip, discord_format.clip, slack_blocks.clip])
def test_a_cut_ends_at_a_word_with_an_ellipsis_within_the_limit(platform_clip):
    for limit in range(10, len(WORDS)):
        cut = platform_clip(WORDS, limit)
        assert len(cut) <= limit and cut.endswith(ELLIPSIS)
        kept = cut.removesuffix(ELLIPSIS)
        assert WORDS.startswith(kept) and not kept.endswith(" ")
        if any(WORDS[i] == " " for i in range(limit - 1) if i >= limit * 0.8):  # a space near the limit
            assert WORDS[len(kept)] == " ", (limit, cut)


def test_a_run_with_no_space_near_the_limit_is_cut_mid_word():
    assert clip("a " + "x" * 50, 20) == "a " + "x" * 17 + ELLIPSIS


def test_discord_never_ends_a_cut_on_half_an_escape():
    text = discord_format.escape("**Se7en** _noir_ M*A*S*H ~~Heat~~ `code` \\ back|slash " * 3)
    for limit in range(2, len(text)):
        kept = discord_format.clip(text, limit).removesuffix(ELLIPSIS)
        trailing = len(kept) - len(kept.rstrip("\\"))
        assert trailing == 0, (limit, kept[-10:])  # a lone backslash would escape the ellipsis


def test_slack_never_ends_a_cut_on_half_an_entity():
    text = slack_blocks.escape("Tom & Jerry <3 Fast & Furious > Heat & Ronin " * 3)
    for limit in range(2, len(text)):
        kept = slack_blocks.clip(text, limit).removesuffix(ELLIPSIS)
        assert not re.search(r"&[a-z]{0,3}$", kept), (limit, kept[-10:])
        assert kept.count("&") == kept.count("&amp;") + kept.count("&lt;") + kept.count("&gt;")


def test_each_platform_keeps_the_other_platforms_characters():
    """Each rule drops only its own platform's escapes: a backslash is plain text on Slack, an
    ampersand on Discord."""
    assert slack_blocks.clip("x" * 8 + "\\" + "y" * 5, 10) == "x" * 8 + "\\" + ELLIPSIS
    assert discord_format.clip("x" * 7 + "&am" + "y" * 5, 11) == "x" * 7 + "&am" + ELLIPSIS
