"""Stars given to a Discord command (/rate, /watched add): the forms Slack's /rate and the CLI take.

The option is text with the ten half-star grades offered as you type, so "4.5", "4/5", "8/10",
"four" and "★★★★" all work, as they do on the other front ends; a slash option typed as a number
refused "4/5" and "★★★★" in Discord's own words, before the bot ever saw them.
"""

from __future__ import annotations

from discord import app_commands

from agent.typed_stars import FORMS, STARS_RULE, stars_typed
from bot.discord.format import clip

GRADES = [grade / 2 for grade in range(10, 0, -1)]  # 5, 4.5, ... 0.5: the order the menu offers them


def drawn(stars: float) -> str:
    """ "★★★★½" for 4.5: how the grade looks on the menu."""
    return "★" * int(stars) + ("½" if stars % 1 else "")


def star_choices(current: str) -> list[app_commands.Choice[str]]:
    """The grades as you type: what the typed text reads as first ("8/10" is 4 stars), then the
    grades starting with it ("4": 4 and 4.5); all ten when nothing is typed or nothing fits."""
    typed = " ".join((current or "").split())
    read = None
    if typed:
        try:
            read = stars_given(typed)
        except ValueError:
            read = None
    shown = [read] if read is not None else []
    shown += [g for g in GRADES if g != read and f"{g:g}".startswith(typed)]
    if not shown:
        shown = GRADES
    return [app_commands.Choice(name=f"{g:g} {drawn(g)}", value=f"{g:g}") for g in shown]


def stars_given(text: str) -> float:
    """The 0.5-5 stars `text` means; ValueError with a sentence to show the user otherwise."""
    typed = " ".join(str(text).split())
    try:
        value = stars_typed(typed)
    except ValueError as exc:
        said = str(exc)
        if said.startswith(STARS_RULE):  # nothing read: say what would be
            raise ValueError(_unreadable(typed)) from None
        raise ValueError(said[0].upper() + said[1:] + ".") from None
    if not 0.5 <= value <= 5 or value * 2 != int(value * 2):
        raise ValueError(_unreadable(typed))
    return value


def _unreadable(typed: str) -> str:
    return (
        f"“{clip(typed, 40)}” is not a rating I can give: stars go from 0.5 to 5 in half stars, "
        f"typed as {FORMS}, or picked from the list."
    )
