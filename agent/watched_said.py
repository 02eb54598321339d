"""What `watched add` says of a film, the same in every front end: marked watched now, or already on
the list since a day (kept, unless a day was given), with the rating it has."""

from __future__ import annotations

from datetime import UTC, date, datetime

from agent.profile import you_gave
from agent.service_types import InvalidInput
from agent.understanding.days_said import day_watched, when_vague
from agent.understanding.text import normalise_message


def since(at: str | None) -> str:
    """ "since 2024-01-01", or "with no date" for a film listed at no known time (an undated import)."""
    return f"since {at[:10]}" if at else "with no date"


def day_seen(on: str | date | None, today: datetime) -> datetime | None:
    """The day a user says they saw a film ("2024-01-01"), as a moment; refused when no such day or
    one still to come."""
    if on is None:
        return None
    try:
        day = on if isinstance(on, date) else date.fromisoformat(str(on).strip())
    except ValueError:
        raise InvalidInput(f"the day it was watched must be a date like 2024-05-31, got {on!r}") from None
    if day > today.date():
        raise InvalidInput(f"{day.isoformat()} has not come yet: give the day you watched it")
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def day_told(message: str, now: datetime) -> datetime | None:
    """The day a chat message says its film was watched ("I watched Alien yesterday"), as a moment."""
    day = day_watched(normalise_message(message), now.date())
    return None if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)


def no_day_told(message: str) -> bool:
    """A chat message tells its viewing with a when that names no day ("saw Alien last month"): the
    film is listed with no day, not with today's as if it were the day."""
    return when_vague(normalise_message(message))


def added_said(label: str, *, was_listed: bool, before: str | None, on: datetime | None, stars: float | None,
               given: bool, reaction: str = "", whose: str = "your") -> str:  # fmt: skip
    """The sentence for one `watched add`: `before` is the day it was listed at (when `was_listed`),
    `on` a day the user gave, `stars` its rating now and `given` whether this command gave them."""
    day = f" on {on.date().isoformat()}" if on is not None else ""
    if was_listed and on is None:
        said = f"{label} was already on {whose} watched list, {since(before)}"
        if stars is not None:
            said += f"; rated {stars:g}/5 now" if given else f"; you {you_gave(stars, reaction)}"
        return said + "."
    rated = f", rated {stars:g}/5" if stars is not None and given else ""
    was = f" (it was listed {since(before)})" if was_listed else ""
    kept = f"; you {you_gave(stars, reaction)}" if stars is not None and not given else ""
    return f"Marked {label} as watched{day}{rated}{was}{kept}."
