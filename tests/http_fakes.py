"""A stand-in MovieService for the HTTP API's translation tests: plain data per the contract,
state per user key, and a note of which thread each call ran on."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from agent.service import AmbiguousTitle, InvalidInput, NotShown, Rated, TitleChoice, Turn, UnknownTitle
from agent.watched_said import day_seen

MOVIES = {"heat-1995": ("Heat", 1995), "heat-1986": ("Heat", 1986), "se7en-1995": ("Se7en", 1995)}


@dataclass(frozen=True)
class Outcome:
    recorded: bool
    kind: str
    stars: float | None
    movie_id: str
    reactor: str
    added: bool
    message: str


@dataclass(frozen=True)
class Watched:
    movie_id: str
    label: str
    year: int | None
    stars: float | None
    at: str


@dataclass(frozen=True)
class Summary:
    user: str
    summary: str
    rated: int
    watched: int
    dismissed: int
    top_genres: list
    top_people: list
    top_decades: list
    recent_watched: list
    is_empty: bool
    genres: dict = field(default_factory=dict)
    decades: dict = field(default_factory=dict)


class FakeProfiles:
    def __init__(self):
        self.suggestions: dict[int, dict] = {}

    def log(self, user: str, movie_id: str) -> int:
        number = len(self.suggestions) + 1
        self.suggestions[number] = {"id": number, "user": user, "movie_id": movie_id}
        return number

    def suggestion(self, suggestion_id: int) -> dict | None:
        return self.suggestions.get(suggestion_id)


def label(movie_id: str) -> str:
    title, year = MOVIES[movie_id]
    return f"{title} ({year})"


class FakeService:
    def __init__(self):
        self.ready = True
        self.calls: list[tuple] = []
        self.threads: set[str] = set()
        self.watched: dict[str, dict[str, float | None]] = {}
        self.events: set[str] = set()
        self.gate: threading.Event | None = None  # when set up, chat waits for it (drain tests)
        self.profiles = FakeProfiles()

    def _note(self, *call) -> None:
        self.calls.append(call)
        self.threads.add(threading.current_thread().name)

    def register(self, platform, platform_user_id, display_name=None, *, group=None, channel=None) -> str:
        self._note("register", platform, platform_user_id, display_name, group)
        return f"{platform}:{platform_user_id}"

    def _turn(self, user: str, k: int) -> Turn:
        seen = self.watched.get(user, {})
        picks = [m for m in MOVIES if m not in seen][:k]
        recs = [{"id": m, "title": MOVIES[m][0], "year": MOVIES[m][1], "genres": ["crime"], "runtime": 120,
                 "directors": [], "rating": 8.0, "explanation": "because", "score": 0.5,
                 "suggestion_id": self.profiles.log(user, m), "cast": ["Al Pacino"], "relaxed": False,
                 "outside": []} for m in picks]  # fmt: skip
        return Turn(reply="Here you go: " + ", ".join(label(m) for m in picks), recommendations=recs,
                    understood={"genres": []}, intent="recommend")  # fmt: skip

    def chat(self, user, text, *, channel=None, platform="cli", k=None, remember=True) -> Turn:
        self._note("chat", user, text, channel, platform)
        if self.gate is not None:
            self.gate.wait(10)
        return self._turn(user, k or 3)

    def recommend(self, user, *, text="", filters=None, k=None, platform="http") -> Turn:
        self._note("recommend", user, text, filters, k, platform)
        if filters and "romcom" in filters.get("genres", []):
            raise InvalidInput("unknown genre 'romcom'")
        return self._turn(user, k or 3)

    def resolve(self, text: str) -> str:
        if text in MOVIES:
            return text
        hits = [m for m, (title, _) in MOVIES.items() if title.lower() == text.lower()]
        if len(hits) > 1:
            raise AmbiguousTitle(f"{text!r} could be several films", [TitleChoice(m, label(m)) for m in hits])
        if not hits:
            raise UnknownTitle(f"no film called {text!r} in the catalog")
        return hits[0]

    def feedback(self, user, movie_id, kind, *, stars=None, event_id, suggestion_id=None) -> Outcome:
        self._note("feedback", user, movie_id, kind, stars, event_id, suggestion_id)
        shown = self.profiles.suggestion(suggestion_id) if suggestion_id is not None else None
        if suggestion_id is not None and (shown is None or shown["user"] != user):
            raise NotShown(suggestion_id)  # the service's rule, as the real one words it
        movie = self.resolve(movie_id)
        recorded = event_id not in self.events
        self.events.add(event_id)
        if recorded and kind in ("stars", "watched"):
            self.watched.setdefault(user, {})[movie] = stars
        return Outcome(recorded, kind, stars, movie, user, True, "Noted." if recorded else "Already noted.")

    def watched_add(self, user, movie, stars=None, *, on=None) -> Rated:
        self._note("watched_add", user, movie, stars, *([on] if on is not None else []))
        day = day_seen(on, datetime.now(UTC))  # the service's own check of the day
        movie_id = self.resolve(movie)
        self.watched.setdefault(user, {})[movie_id] = stars
        at = day.isoformat(timespec="microseconds") if day else None
        return Rated(movie_id, label(movie_id), stars, f"Marked {label(movie_id)} as watched.", at=at)

    def watched_remove(self, user, movie, *, listed_only=False) -> bool:
        self._note("watched_remove", user, movie, listed_only)
        return self.watched.get(user, {}).pop(self.resolve(movie), "absent") != "absent"

    def watched_list(self, user) -> list[Watched]:
        self._note("watched_list", user)
        items = self.watched.get(user, {})
        return [Watched(m, label(m), MOVIES[m][1], s, "2026-12-04T10:00:00Z") for m, s in reversed(items.items())]

    def profile(self, user) -> Summary:
        self._note("profile", user)
        rated = {m: s for m, s in self.watched.get(user, {}).items() if s is not None}
        return Summary(user, f"{len(rated)} ratings", len(rated), len(self.watched.get(user, {})), 0,
                       [("crime", 0.8)], [], [(1990, 0.5)], [label(m) for m in rated], not rated,
                       {"crime": 0.8}, {1990: 0.5})  # fmt: skip

    def profile_chart(self, user, display_name=None) -> bytes | None:
        self._note("profile_chart", user, display_name)
        return b"\x89PNG\r\n\x1a\n" + display_name.encode() if self.profile(user).rated else None

    def export(self, user) -> dict:
        self._note("export", user)
        watched = [{"user": user, "movie_id": m} for m in sorted(self.watched.get(user, {}))]
        empty = {key: [] for key in ("ratings", "dismissed", "feedback", "suggestions", "memberships", "models")}
        return {"user": {"key": user} if watched else None, "watched": watched, **empty, "conversations": []}

    def forget(self, user) -> dict[str, int]:
        self._note("forget", user)
        return {"watched": len(self.watched.pop(user, {}))}
