"""Text that has to fit a platform's size limits: a Discord message or embed field, a Slack text block;
and the pages a long list is shown in."""

from __future__ import annotations

import re
from collections.abc import Iterable

ELLIPSIS = "…"


def clip(text: str, limit: int, *, dangling: re.Pattern[str] | None = None) -> str:
    """At most `limit` characters; a cut ends with an ellipsis, at a word boundary when one is
    near. `dangling` matches what the platform would misread at the end of a cut text (half of
    an escape: a lone `\\` on Discord, `&am` on Slack), which is dropped too."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.8:
        cut = cut[:space]
    cut = cut.rstrip()
    if dangling is not None:
        cut = dangling.sub("", cut).rstrip()
    return cut + ELLIPSIS


def bullet_lines(items: Iterable[str], limit: int) -> str:
    """Bulleted lines (already escaped for the platform) that fit in `limit` characters,
    ending with a count of what did not fit."""
    items = list(items)
    lines: list[str] = []
    used = 0
    for n, item in enumerate(items):
        line = f"• {item}"
        more = f"… and {len(items) - n} more"
        if used + len(line) + 1 > limit - len(more) - 1:
            lines.append(more)
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


def split_message(text: str, limit: int) -> list[str]:
    """Chunks of at most `limit` characters, cut at line breaks; a line longer than the limit is
    cut at spaces, and only a run of characters with no space at all is cut mid-word."""
    chunks: list[str] = []
    current = ""
    for line in text.splitlines():
        pieces = _split_line(line, limit)
        for piece in pieces:
            candidate = piece if not current else f"{current}\n{piece}"
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current.strip():
        chunks.append(current)
    return [c for c in chunks if c.strip()] or ([text[:limit]] if text.strip() else [])


def _split_line(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    pieces: list[str] = []
    rest = line
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def pages_of(count: int, per_page: int) -> int:
    """How many pages `count` lines fill, one at least (an empty list still shows one)."""
    return max(1, -(-count // per_page))


def no_such_page(page: int, count: int, per_page: int) -> str | None:
    """Why page `page` (from 1) of the watched list cannot be shown: "/watched list 5" of two pages
    says how many there are, where it showed the first page as if it were the fifth; None if it can."""
    pages = pages_of(count, per_page)
    if 1 <= page <= pages:
        return None
    films = f"{count} film{'s' if count != 1 else ''}"
    many = f"only {pages} pages" if pages > 1 else "only one page"
    return f"There is no page {page}: your watched list has {many} ({films})."


def watched_on(item: object) -> str:
    """ " · 2024-05-31": the day a watched-list line shows, as `moviebot watched list` does (Discord
    and Slack listed no day at all, so a `date` given to /watched add was never seen again); "" for a
    film seen at no known time (an undated import row), which the list puts after the dated ones."""
    at = getattr(item, "at", None)
    return f" · {at[:10]}" if at else ""
