"""The plain data MovieService takes and returns, and the errors it raises (agent.service
re-exports all of them: front ends import from there)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from agent.profile import as_given
from agent.prose import prose_list

CONTRACT_KEYS = ("id", "title", "year", "genres", "runtime", "directors", "rating", "explanation", "score",
                 "relaxed", "outside")  # fmt: skip


# -- errors -----------------------------------------------------------------------------------


class ServiceError(Exception):
    """A problem the user can fix; `message` is safe to show as it is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    @property
    def sentence(self) -> str:
        """The message as a chat reply says it: "No film called 'Zzyzx' in the catalog." (a command
        line prints `message` after the program's name, in lower case)."""
        text = self.message.strip()
        text = text[:1].upper() + text[1:]
        return text if text.endswith((".", "?", "!")) else f"{text}."


class InvalidInput(ServiceError):
    """Bad stars, empty text, a malformed user key, an unknown filter..."""


class UnknownTitle(ServiceError):
    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []  # labels of close titles, best first

    @property
    def sentence(self) -> str:
        said = "did you mean" in self.message.lower()  # "No film called 'Frozen 2'; did you mean: Frozen (2013)?"
        close = f" Did you mean {prose_list(self.suggestions[:3], 'or')}?" if self.suggestions and not said else ""
        return super().sentence + close


@dataclass(frozen=True)
class TitleChoice:
    movie_id: str
    label: str  # "Title (Year)"


class AmbiguousTitle(ServiceError):
    def __init__(self, message: str, choices: list[TitleChoice]):
        super().__init__(message)
        self.choices = choices


class NotShown(ServiceError):
    """Feedback named a suggestion that was never shown to this user: someone else's (another
    tenant's above all) is answered exactly like one that does not exist."""

    def __init__(self, suggestion_id: int):
        super().__init__(f"You were never shown suggestion {suggestion_id}.")
        self.suggestion_id = suggestion_id


class EventConflict(ServiceError):
    """An event_id already recorded with other feedback: a client bug, never a retry."""


# -- results ----------------------------------------------------------------------------------


@dataclass
class Turn:
    reply: str  # the whole answer as text, readable on its own
    intro: str = ""  # its first line, for front ends that render the picks themselves
    recommendations: list[dict] = field(default_factory=list)  # see agent.recommend.recommendation
    understood: dict = field(default_factory=dict)  # the request as understood
    intent: str = ""  # what the message was taken to be (recommend, refine, why, liked, ...)
    recorded: dict = field(default_factory=dict)  # what was stored: {"ratings": {id: stars}, "watched", "likes"}

    def to_json(self) -> dict:
        """The stable JSON contract (`moviebot ask --json`, batch lines, the HTTP API)."""
        return {
            "reply": self.reply,
            "recommendations": [{k: r.get(k) for k in CONTRACT_KEYS} for r in self.recommendations],
            "understood": self.understood,
            "intent": self.intent,
        }

    @classmethod
    def of(cls, result: dict, recorded: dict | None = None) -> Turn:
        return cls(
            reply=result.get("reply") or "",
            intro=result.get("intro") or "",
            recommendations=list(result.get("recommendations") or []),
            understood=dict(result.get("understood") or {}),
            intent=result.get("intent") or "",
            recorded=recorded or {},
        )


@dataclass(frozen=True)
class FeedbackOutcome:
    recorded: bool  # False for a duplicate delivery
    kind: str  # like, dislike, stars, watched, dismiss
    stars: float | None
    movie_id: str
    reactor: str  # profile key of who gave the feedback
    added: bool  # False when a reaction was removed (its effect undone)
    message: str  # a short confirmation for the reactor
    suggestion_id: int | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class Rated:
    movie_id: str
    label: str
    stars: float | None
    message: str
    reaction: str = ""  # "like"/"dislike" for a 👍/👎, "liked"... said in chat: stars the user never gave
    note: str = ""  # the typed title taken for this film, when another ("The Interview") was likely meant
    was_listed: bool = False  # on the watched list before this (`watched add` kept its day unless `on` moved it)
    before: str | None = None  # the day it was listed at before (None: at no known time, or not listed)
    on: datetime | None = None  # the day given as when it was watched
    at: str | None = None  # when the list now says it was watched (None: at no known time)

    @property
    def given(self) -> str:
        """ "4.5/5", or 👍 or 👎 for a reaction; "" with no rating."""
        return "" if self.stars is None else as_given(self.stars, self.reaction)


@dataclass(frozen=True)
class Unwatched:
    """What `watched remove` took away: the film off the watched list, its rating, or nothing."""

    movie_id: str
    label: str
    was_listed: bool
    stars: float | None  # the rating dropped with it
    reaction: str = ""  # "like"/"dislike" when that rating was a 👍/👎
    note: str = ""  # the typed title taken for this film, when another was likely meant

    def __bool__(self) -> bool:
        return self.was_listed or self.stars is not None

    @property
    def dropped(self) -> str:
        """ "4.5/5 rating", or 👍 or 👎 for a reaction; "" with no rating."""
        if self.stars is None:
            return ""
        return as_given(self.stars, self.reaction) + ("" if self.reaction else " rating")

    @property
    def message(self) -> str:
        return " ".join(filter(None, [self._done(), self.note]))

    def _done(self) -> str:
        rating = f"your {self.dropped}" if self.stars is not None else ""
        if self.was_listed:
            return f"Took {self.label} off your watched list" + (f" and dropped {rating}." if rating else ".")
        if rating:  # a 👍 or a rating alone keeps a film out of answers as if seen
            return (f"{self.label} wasn't on your watched list, but you had rated it: I dropped {rating}, "
                    f"so I may suggest it again.")  # fmt: skip
        return f"{self.label} wasn't on your watched list."


@dataclass(frozen=True)
class WatchedItem:
    movie_id: str
    label: str
    year: int | None
    stars: float | None
    at: str | None  # ISO-8601 UTC; None when not known (an import row with no date)
    source: str = ""  # where it was marked: "discord", "cli", "import", "feedback:watched"...
    reaction: str = ""  # "like"/"dislike" when its stars are a 👍/👎's

    @property
    def given(self) -> str:
        return "" if self.stars is None else as_given(self.stars, self.reaction)


@dataclass(frozen=True)
class ProfileSummary:
    user: str
    summary: str
    rated: int
    watched: int
    dismissed: int
    top_genres: list[tuple[str, float]]  # affinity about -1..1, strongest liked first
    top_people: list[tuple[str, float]]
    top_decades: list[tuple[int, float]]
    recent_watched: list[str]  # labels, newest first
    is_empty: bool
    genres: dict[str, float] = field(default_factory=dict)  # every affinity, for charts and --json
    decades: dict[int, float] = field(default_factory=dict)


# what `forget` deleted, as a reader would say it: "2 watched films", not "2 watcheds"; the profile row
# and group memberships are bookkeeping nobody asked about
_FORGOTTEN = {
    "ratings": ("rating", "ratings"),
    "watched": ("watched film", "watched films"),
    "dismissed": ("dismissed film", "dismissed films"),
    "feedback": ("reaction or feedback", "reactions and feedback"),
    "suggestions": ("suggestion shown", "suggestions shown"),
    "models": ("learned taste model", "learned taste models"),
    "conversations": ("conversation", "conversations"),
}


def forgotten(counts: dict[str, int]) -> str:
    """ "2 ratings, 29 watched films, 6 suggestions shown", or "" when nothing was stored."""
    parts = []
    for what, n in counts.items():
        if not n or what in ("users", "memberships"):
            continue
        one, many = _FORGOTTEN.get(what, (what.replace("_", " "), what.replace("_", " ")))
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def as_json(value: object) -> str:
    """A value as JSON spells it (true, "abc", 1.5): what an API or batch caller sent."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)
