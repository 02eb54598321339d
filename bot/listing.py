"""A list that has to fit a platform's size limit: a Discord embed field, a Slack text block."""

from __future__ import annotations

from collections.abc import Iterable


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
