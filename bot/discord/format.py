"""How moviebot's answers look on Discord, within Discord's limits, and what its reactions mean.

Everything the bot sends goes through these helpers: text is escaped (a film called
"M*A*S*H" or a request quoting "@everyone" reads as typed and pings nobody), messages are cut
at line boundaries, and embed parts are trimmed with an ellipsis instead of being rejected by
the API.
"""

from __future__ import annotations

import re

import discord

from agent.reactions import REACTION_HINT
from bot import listing

NO_MENTIONS = discord.AllowedMentions.none()

MESSAGE_LIMIT = 2000
TITLE_LIMIT = 256
AUTHOR_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
FIELD_COUNT_LIMIT = 25
CHOICE_LIMIT = 100  # autocomplete and select option labels and values
_DANGLING_ESCAPE = re.compile(r"\\+$")  # escape_markdown's backslashes, cut from what they escaped

EMBED_COLOUR = discord.Colour.from_rgb(229, 160, 13)


def reaction_emoji(emoji: discord.PartialEmoji | str) -> str | None:
    """The emoji's text for the service to read; custom emoji never mean anything."""
    if isinstance(emoji, discord.PartialEmoji):
        return emoji.name if emoji.id is None and emoji.name else None
    return str(emoji)


def escape(text: object) -> str:
    """User-supplied or catalog text, shown literally: no markdown, no mentions."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(str(text)))


def clip(text: str, limit: int) -> str:
    """bot.listing.clip, never leaving a dangling escape before the ellipsis."""
    return listing.clip(text, limit, dangling=_DANGLING_ESCAPE)


def movie_label(title: str, year: int | None) -> str:
    return f"{title} ({year})" if year else title


def pick_embed(rec: dict, *, position: int | None = None, owner: str | None = None) -> discord.Embed:
    """One recommendation, one embed: a reaction on its message can only mean this film. The
    owner's name heads it, so when two people ask in one channel at once each sees which picks
    are theirs."""
    label = escape(movie_label(rec.get("title") or "?", rec.get("year")))
    title = f"{position}. {label}" if position is not None else label
    embed = discord.Embed(
        title=clip(title, TITLE_LIMIT),
        description=clip(escape(rec.get("explanation") or ""), DESCRIPTION_LIMIT) or None,
        colour=EMBED_COLOUR,
    )
    if owner:
        embed.set_author(name=clip(f"For {owner}", AUTHOR_LIMIT))
    genres = rec.get("genres") or []
    if genres:
        add_field(embed, "Genres", ", ".join(escape(g) for g in genres))
    if rec.get("runtime"):
        add_field(embed, "Runtime", runtime_text(rec["runtime"]))
    directors = rec.get("directors") or []
    if directors:
        add_field(
            embed, "Director" if len(directors) == 1 else "Directors", ", ".join(escape(d) for d in directors[:3])
        )
    if rec.get("rating") is not None:
        add_field(embed, "Rating", f"{float(rec['rating']):.1f}/10")
    if rec.get("poster_url"):
        embed.set_thumbnail(url=rec["poster_url"])
    embed.set_footer(text=REACTION_HINT)
    return fit_embed(embed)


def embed_text(embed: discord.Embed) -> str:
    """An embed's content as a plain message, for channels where the bot may not embed: the
    author and footer, which Discord shows literally in an embed, are escaped here."""
    lines = []
    if embed.author.name:
        lines.append(f"-# {escape(embed.author.name)}")
    if embed.title:
        lines.append(f"**{embed.title}**")
    if embed.description:
        lines.append(embed.description)
    if embed.fields:
        lines.append(" · ".join(f"{field.name}: {field.value}" for field in embed.fields))
    if embed.footer.text:
        lines.append(f"-# {escape(embed.footer.text)}")
    return clip("\n".join(lines), MESSAGE_LIMIT)


def runtime_text(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def add_field(embed: discord.Embed, name: str, value: str, *, inline: bool = True) -> bool:
    """Adds a trimmed field; False (and nothing added) once the embed has 25."""
    if len(embed.fields) >= FIELD_COUNT_LIMIT:
        return False
    embed.add_field(name=clip(name, FIELD_NAME_LIMIT) or "\u200b", value=clip(value, FIELD_VALUE_LIMIT) or "\u200b",
                    inline=inline)  # fmt: skip
    return True


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Trims an embed to every per-part limit and to 6,000 characters in all: the description
    gives way first, then the last fields."""
    if embed.title:
        embed.title = clip(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = clip(embed.description, DESCRIPTION_LIMIT)
    if embed.footer.text:
        embed.set_footer(text=clip(embed.footer.text, FOOTER_LIMIT), icon_url=embed.footer.icon_url)
    while len(embed.fields) > FIELD_COUNT_LIMIT:
        embed.remove_field(-1)
    for index, field in enumerate(embed.fields):
        embed.set_field_at(index, name=clip(field.name or "\u200b", FIELD_NAME_LIMIT),
                           value=clip(field.value or "\u200b", FIELD_VALUE_LIMIT), inline=field.inline)  # fmt: skip
    excess = len(embed) - EMBED_TOTAL_LIMIT
    if excess > 0 and embed.description:
        keep = max(len(embed.description) - excess, 0)
        embed.description = clip(embed.description, keep) if keep > 1 else None
    while len(embed) > EMBED_TOTAL_LIMIT and embed.fields:
        embed.remove_field(-1)
    return embed


def slow_down(retry_after: float) -> str:
    seconds = max(1, round(retry_after))
    return f"Easy there! You're going a bit fast; try again in {seconds} second{'s' if seconds != 1 else ''}."


SORRY = "Sorry, something went wrong on my side while doing that. Please try again in a moment."
