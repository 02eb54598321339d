"""Commands that name a film (/rate, /watched add|remove): the service resolves the title as
everywhere else; when it is ambiguous the user gets a button per film (Slack has no inline
autocomplete for slash command arguments), and the click finishes the same operation.

A pending operation is a small dict carried in the button's value: {"op", "stars"?, "on"?, "movie"}.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.service import AmbiguousTitle, InvalidInput
from agent.typed_stars import stars_at_end
from bot.slack.blocks import text_message, title_choices

if TYPE_CHECKING:
    from agent.service import MovieService

OPS = ("rate", "watched_add", "watched_remove")

# "Heat 1995 4.5", "Heat, 4", "Heat 4/5", "Heat 8/10", "Heat 4 stars", "Heat ★4"; "Heat -1" and "Heat 6/5" too,
# for the service to refuse; "Fahrenheit 9/11" is no grade
_STARS_AT_END = re.compile(
    r"^(?P<title>.*?)[\s,]+★?\s*(?P<stars>-?\d+(?:[.,]\d+)?)\s*(?:/\s*(?P<of>5|10)\b|stars?|★)?\s*$", re.I
)
# only explicit star ratings after a title, where a bare number could belong to the title ("Ocean's 11")
_EXPLICIT_STARS = re.compile(
    r"^(?P<title>.*?)[\s,]+(?:★\s*(?P<a>\d+(?:[.,]\d+)?)|(?P<b>\d+(?:[.,]\d+)?)\s*(?:/\s*(?P<of>5|10)\b|stars?|★))"
    r"\s*$",
    re.I,
)


def split_stars(text: str, *, required: bool) -> tuple[str, str | None]:
    """(title, stars text). With `required`, the last number is the rating ("/rate Heat 1995 4"),
    or stars said as the CLI reads them ("four", "★★★★", agent.typed_stars); otherwise only an
    explicit one counts ("/watched add Heat 4 stars", "Heat ★★★★", not "Fantastic Four")."""
    text = " ".join((text or "").split())
    if said := stars_at_end(text, bare_words=required):
        return said
    if required:
        match = _STARS_AT_END.match(text)
        if match is None or not match.group("title").strip():
            return text, None
        stars = match.group("stars").replace(",", ".")
        if float(stars) > 10 and not match.group("of"):  # a year or a sequel number, not stars; "11/10" a grade
            return text, None
        return match.group("title").strip(" ,"), _out_of(stars, match.group("of"))
    match = _EXPLICIT_STARS.match(text)
    if match is None or not match.group("title").strip():
        return text, None
    return match.group("title").strip(" ,"), _out_of((match.group("a") or match.group("b")).replace(",", "."),
                                                     match.group("of"))  # fmt: skip


# "Heat 2024-05-01", "Heat on 2024-05-01": the day it was watched; "Heat 1/5/2024" too, for the service to refuse
# (three numbers: "Heat 8/10" is stars and "Fahrenheit 9/11" a title)
_DAY_AT_END = re.compile(r"^(?P<title>.*?)[\s,]+(?:on\s+)?(?P<day>\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})$", re.I)


def split_day(text: str) -> tuple[str, str | None]:
    """(the rest, the day typed at its end): "Heat 1995 2024-05-01", "Heat on 2024-05-01"."""
    text = " ".join((text or "").split())
    if (match := _DAY_AT_END.match(text)) and match["title"].strip(" ,"):
        return match["title"].strip(" ,"), match["day"]
    return text, None


def split_watched(text: str) -> tuple[str, str | None, str | None]:
    """(title, stars, day) of `/watched add`: the day before or after the stars ("Heat 4 stars
    2024-05-01", "Heat 2024-05-01 ★★★★"); only explicit stars, as split_stars(required=False)."""
    title, day = split_day(text)
    title, stars = split_stars(title, required=False)
    if day is None:
        title, day = split_day(title)
    return title, stars, day


def _out_of(stars: str, scale: str | None) -> str:
    """ "8/10" as typed, for the service to read (4 stars) or refuse ("6/5"); "4" alone as it is."""
    return f"{stars}/{scale}" if scale else stars


def perform(service: MovieService, user: str, request: dict, movie) -> dict:
    """Does one pending operation on a film (a title, an id or a Movie); the message to show."""
    op = request.get("op")
    if op == "rate":
        return text_message(service.rate(user, movie, request["stars"]).message)
    if op == "watched_add":
        return text_message(service.watched_add(user, movie, request.get("stars"), on=request.get("on")).message)
    if op == "watched_remove":
        return text_message(service.watched_remove(user, movie).message)
    raise InvalidInput(f"unknown operation {op!r}")


def act_on_title(service: MovieService, user: str, request: dict, title: str) -> dict:
    """`perform` on what the user typed, or buttons to pick the film when the title is ambiguous.
    Other ServiceErrors (unknown title, bad stars) propagate to the caller's error path."""
    try:
        return perform(service, user, request, title)
    except AmbiguousTitle as exc:
        return title_choices(f"Which one do you mean? {exc.message}", exc.choices, request)
