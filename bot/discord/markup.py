"""A request as the words a person sees in Discord, not the markup it travels in.

"films like *Heat*" reads like "films like Heat"; a custom emoji, a person, a channel, a role or
a timestamp is no part of a request (an emoji named 1984 is no year; "a thriller for @Nolan and me"
asks for no Nolan film, whoever that member is), and neither is a link,
except an IMDb title link, which the recommender resolves to its film itself.
"""

from __future__ import annotations

import re

import discord

IMDB_TITLE = re.compile(r"https?://(?:www\.|m\.)?imdb\.com/title/tt\d+\S*", re.IGNORECASE)
_MASKED_LINK = re.compile(r"\[([^\]\n]+)\]\(<?https?://[^)\s]+>?\)")
_ANGLED_LINK = re.compile(r"<(https?://[^>\s]+)>")
_LINK = re.compile(r"https?://\S+")
_TOKENS = re.compile(
    r"<a?:\w+:\d+>"  # custom emoji
    r"|<@!?\d+>"  # a person, in a message or a slash command's text option alike
    r"|<#\d+>"  # channel
    r"|<@&\d+>"  # role
    r"|<t:-?\d+(?::\w)?>"  # timestamp
    r"|</[\w -]+:\d+>"  # slash command
)
# remove_markdown takes every _ and *, inside words too ("snake_case" -> "snakecase"): those
# are kept aside while it runs.
_INSIDE_WORD = re.compile(r"(?<=\w)([_*])(?=\w)")
_KEPT = {"_": "\ue000", "*": "\ue001"}


def plain_request(text: str) -> str:
    """The request without Discord's markup, tokens and links, whitespace collapsed."""
    text = _MASKED_LINK.sub(r"\1", text)
    text = _ANGLED_LINK.sub(r"\1", text)
    text = _TOKENS.sub(" ", text)
    text = _LINK.sub(lambda link: link.group() if IMDB_TITLE.fullmatch(link.group()) else " ", text)
    text = _INSIDE_WORD.sub(lambda mark: _KEPT[mark.group(1)], text)
    text = discord.utils.remove_markdown(text)
    for mark, kept in _KEPT.items():
        text = text.replace(kept, mark)
    return " ".join(text.split())
