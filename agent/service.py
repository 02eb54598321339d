"""The product's verbs, the only thing a front end talks to (CLI, Discord, Slack, HTTP).

A front end turns a platform event into one call here and renders the plain-data result in
its own idiom; every rule lives here once:
- a star rating (a command, a chat message or a 1️⃣-5️⃣ reaction) marks the film watched;
- 👍/👎 rate the suggestion without marking it watched; ✅ marks it watched; 🙈 dismisses it;
- reactions are recorded by the platform-neutral ledger (agent.reactions): duplicates ignored,
  removal undoes, safe across restarts and concurrent deliveries;
- reactions by the person a suggestion was made for teach the learning re-ranker (not those to a
  movie-night pick: agent.group.log_group_picks says why).

Every method blocks (SQLite, the embedder, maybe an LLM) and is safe to call from several
threads: front ends call it with asyncio.to_thread or a worker pool, never on an event loop.
User keys are "platform:id" strings ("discord:42", "slack:T1:U2", "cli:ana").
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.deps import Deps
from agent.feedback_words import feedback_message, feedback_said, stars_given
from agent.group import log_group_picks, recommend_for_group
from agent.movie_nights import movie_night_turn, unnamed_company
from agent.nodes.conversation import respond_unclear
from agent.nodes.explain import explain
from agent.nodes.rank import rank
from agent.nodes.reply import reply
from agent.nodes.retrieve import retrieve
from agent.pick_replies import naming_the_pick
from agent.profile import build_profile
from agent.reactions import ReactionLedger, reaction_meaning
from agent.request_filters import request_filters
from agent.sequels import sequels_question
from agent.service_types import (
    AmbiguousTitle,
    EventConflict,
    FeedbackOutcome,
    InvalidInput,
    NotShown,
    ProfileSummary,
    Rated,
    ServiceError,
    TitleChoice,
    Turn,
    UnknownTitle,
    Unwatched,
    WatchedItem,
    as_json,
)
from agent.typed_titles import other_meaning, resolve_typed, taken_note, title_choices
from agent.understanding.merge import fresh_request, genres_as_tags
from agent.understanding.passing import says_nothing
from agent.understanding.reader import understand
from agent.understanding.request import contract
from agent.understanding.title_lists import ends_in_numbered_title
from agent.watched_said import added_said, day_seen
from store.history_import import ImportReport, detect_format, import_history, read_history
from store.ingest.base import SourceError
from store.movie import Movie
from store.profiles import FEEDBACK_KINDS, reward_for, split_user_key

if TYPE_CHECKING:
    from langgraph.checkpoint.base import BaseCheckpointSaver

    from agent.bandit import Ranker
    from agent.deps import LLM, AgentConfig
    from agent.dialogue_ranker import ConversationSignal
    from agent.profile import Profile
    from agent.recommender import Recommender
    from store.catalog import Catalog
    from store.profiles import ProfileStore

__all__ = [
    "AmbiguousTitle", "FeedbackOutcome", "ImportReport", "InvalidInput", "MovieService", "NotShown", "ProfileSummary",
    "Rated", "ServiceError", "TitleChoice", "Turn", "UnknownTitle", "WatchedItem",
]  # fmt: skip

log = logging.getLogger(__name__)
IMPORT_FORMATS = ("letterboxd", "imdb", "movielens", "moviebot")
WATCHED_SUFFIX = ":watched"  # a star rating's event id plus this is the watched mark it adds
_ENDS_IN_NUMBER = re.compile(r"(?:\d|\b(?:one|two|three|four|five))$", re.I)  # stars, or a title's own


Chart = Callable[["Profile"], bytes]


# -- the service ------------------------------------------------------------------------------


def build_service(
    catalog: Catalog,
    profiles: ProfileStore,
    *,
    llm: LLM | None = None,
    ranker: Ranker | None = None,
    conversations: ConversationSignal | None = None,
    config: AgentConfig | None = None,
    clock: Callable[[], datetime] | None = None,
    checkpointer: BaseCheckpointSaver | None = None,
    chart: Chart | None = None,
) -> MovieService:
    """The one place a Deps, its Recommender and the service are put together (bot.runtime for
    the front ends, the evaluations for their scratch stores)."""
    from agent.deps import AgentConfig, Deps
    from agent.recommender import Recommender

    deps = Deps(catalog=catalog, profiles=profiles, llm=llm, ranker=ranker, conversations=conversations,
                config=config or AgentConfig())  # fmt: skip
    if clock is not None:
        deps.clock = clock
    return MovieService(Recommender(deps, checkpointer), chart=chart)


class MovieService:
    def __init__(self, recommender: Recommender, *, chart: Chart | None = None, save_every: int = 20):
        self.recommender = recommender
        self.deps: Deps = recommender.deps
        self.catalog = self.deps.catalog
        self.profiles = self.deps.profiles
        if self.profiles is None:
            raise ValueError("MovieService needs a profile store")
        self.ranker = self.deps.ranker
        self.chart = chart
        self.save_every = save_every
        self.ledger = ReactionLedger(self.profiles, self.deps.clock)
        self.unsaved = 0  # rewards learned since the re-ranker was last saved
        self._learning = threading.Lock()
        self.ready = True

    def close(self) -> None:
        self.ready = False
        self.save_learning()

    # -- who is talking ------------------------------------------------------------------

    def register(self, platform: str, platform_user_id: str | int, display_name: str | None = None, *,
                 group: str | int | None = None, channel: str | int | None = None) -> str:  # fmt: skip
        """The user key; remembers the display name and where they were seen (group picks)."""
        try:
            key = self.profiles.ensure_user(platform, platform_user_id, display_name)
        except ValueError as exc:
            raise InvalidInput(f"not a user: {exc}") from None
        if group is not None or channel is not None:
            self.profiles.note_membership(platform, group, channel, key)
        return key

    def members(self, platform: str, group: str | int | None) -> list[str]:
        """User keys seen in a group (guild, workspace), most recently seen first."""
        return self.profiles.members(platform, group)

    # -- conversation --------------------------------------------------------------------

    def chat(self, user: str, text: str, *, channel: str | None = None, platform: str = "cli",
             k: int | None = None, remember: bool = True, context: list[dict] | None = None,
             always_recommend: bool = False, unattended: bool = False,
             following: str | None = None) -> Turn:  # fmt: skip
        """One chat turn, with conversation memory per user and channel (unless remember=False).
        Picks are logged as suggestions shown on the user key's platform. `following`: another
        user whose conversation in this channel the turn continues from (a follow-up in a thread
        they were answered in, see last_answered): their request, with this user's own taste."""
        self._check_user(user)
        k = self.check_k(k)
        night = movie_night_turn(self.recommender, user, text or "", channel=channel, platform=platform,
                                 remember=remember)  # fmt: skip
        if night is not None:  # "movie night with @bo", "more" after a movie night
            return Turn.of(night)
        before = self._history_of(user)
        result = self.recommender.ask(text or "", user=user, channel=channel, k=k, context=context,
                                      remember=remember, always_recommend=always_recommend,
                                      unattended=unattended, following=following)  # fmt: skip
        if (note := unnamed_company(text or "", user)) and result.get("recommendations"):  # "we can all watch"
            result = {**result, "intro": f"{note} {result.get('intro', '')}", "reply": f"{note} {result['reply']}"}
        stored = result.get("recorded") or {}  # feedback turns, and facts a request stated in passing
        feedback = stored or result.get("intent") in ("seen", "liked", "disliked")
        recorded = self._changes(user, before) if feedback else {}
        if stored.get("likes"):
            recorded["likes"] = list(stored["likes"])
        return Turn.of(result, recorded)

    def last_answered(self, platform: str, channel: str) -> str | None:
        """Who was last shown picks in a conversation several people talk in (a Slack thread)."""
        return self.profiles.last_suggested_in(platform, str(channel))

    def recommend(self, user: str, *, text: str = "", filters: dict | None = None, k: int | None = None,
                  platform: str = "http") -> Turn:  # fmt: skip
        """A structured request, no chat memory: the text read as in chat, then `filters` (named
        as in Turn.understood) replace those fields of what it said, the reply saying what went."""
        self._check_user(user)
        k = self.check_k(k)
        deps = self.deps
        understood = understand((text or "").strip(), self.catalog, today_year=deps.today.year)
        if answer := sequels_question(text or "", self.catalog, filters=bool(filters)):  # as chat answers it
            return Turn.of({"reply": answer, "intent": "facts", "understood": {}})
        if not filters and says_nothing(text or "", understood, self.catalog):  # "asdkjh qwpoeiru": no made-up picks
            said = contract(dataclasses.asdict(understood), self._label_or_none)
            return Turn.of({**respond_unclear({}, deps), "understood": said})
        request = fresh_request(understood, deps)
        request.update(request_filters(filters or {}, self.catalog, self.resolve, said=request))
        request = genres_as_tags(request, deps)  # "Sport" is the tag where no film carries the genre, as in chat
        state: dict[str, Any] = {"message": text or "", "user": user, "channel": "", "k": k, "request": request,
                                 "always_recommend": k is not None, "unattended": True}  # fmt: skip
        for node in (retrieve, rank, explain, reply):
            state.update(node(state, deps))
        result = {**state, "intent": "recommend", "understood": contract(request, self._label_or_none)}
        return Turn.of(result)

    def group_pick(self, users: list[str], text: str = "", count: int = 1, *, platform: str | None = None,
                   channel: str | None = None) -> Turn:  # fmt: skip
        """One pick (or `count`) for several people that none of them has watched; each
        recommendation carries `per_person: {user: reason}`. With a `platform` (a chat front end that
        posts the picks) they are stored as suggestions of the caller, users[0], to react to."""
        for user in users:
            self._check_user(user)
        if len(set(users)) < 2:
            raise InvalidInput("a group pick needs at least two people")
        result = recommend_for_group(self.deps, list(users), (text or "").strip(), max(1, int(count)))
        if platform is not None:
            log_group_picks(self.deps, users[0], platform, channel, (text or "").strip(), result["recommendations"])
        return Turn.of({**result, "intent": "group"})

    # -- titles ----------------------------------------------------------------------------

    def numbered_film(self, text: str) -> str | None:
        """The film `text` names whole when its last number is the film's own ("Toy Story 3", "The
        Fantastic Four"), so a command reading a trailing number as stars would rate another film."""
        text = " ".join(str(text or "").split())
        if not _ENDS_IN_NUMBER.search(text) or not ends_in_numbered_title(text.lower(), self.catalog):
            return None
        match = self.catalog.resolve_title(text)
        return self.catalog.movies[match.movie_id].label if match is not None else None

    def resolve(self, text: str) -> Movie:
        """The one film a user means: a catalog id, "Title (Year)", "Title 1995" or a title, read as
        chat reads it (agent.typed_titles). Raises UnknownTitle or AmbiguousTitle (with the choices)."""
        return resolve_typed(self.catalog, text)

    def suggest_titles(self, text: str, limit: int = 25) -> list[TitleChoice]:
        """Autocomplete: titles starting with, then containing, what was typed."""
        return [TitleChoice(m.id, m.label) for m in self.catalog.suggest_titles(text or "", limit=limit)]

    # -- ratings and history ---------------------------------------------------------------

    def rate(self, user: str, movie: str | Movie, stars: float, *, source: str | None = None) -> Rated:
        """A star rating; it marks the film watched too."""
        rated = self.watched_add(user, movie, stars_given(stars), source=source)
        said = f"Rated {rated.label} {rated.stars:g}/5 and marked it watched."
        return dataclasses.replace(rated, message=" ".join(filter(None, [said, rated.note])))

    def watched_add(self, user: str, movie: str | Movie, stars: float | None = None, *,
                    source: str | None = None, on: str | date | None = None) -> Rated:  # fmt: skip
        """On the watched list, rated too with `stars`. A film already listed keeps the day it was seen
        (its rating too), and the answer says since when, unless `on` gives the day ("2024-05-31")."""
        self._check_user(user)
        value = None if stars is None else stars_given(stars)
        day = day_seen(on, self.deps.clock())  # a bad day refused before a menu asks which film
        found = self._movie(movie)
        note = self._taken_note(movie, found, undo=f"take {found.label} off your watched list")
        source = source or user.partition(":")[0]
        with self.profiles.transaction():
            row = self.profiles.watched_row(user, found.id)
            self.profiles.add_watched(user, found.id, source=source, at=day or self.deps.clock(),
                                      day_said=day is not None)  # fmt: skip
            if value is not None:
                self.profiles.rate(user, found.id, value, source=source, at=self.deps.clock())
        kept = self.profiles.rating(user, found.id) if value is None else value
        at = (self.profiles.watched_row(user, found.id) or {}).get("watched_at")
        reaction = self.profiles.reactions(user).get(found.id, "") if value is None else ""
        said = added_said(found.label, was_listed=row is not None, before=row and row["watched_at"], on=day,
                          stars=kept, given=value is not None, reaction=reaction)  # fmt: skip
        return Rated(found.id, found.label, kept, " ".join(filter(None, [said, note])), reaction, note,
                     was_listed=row is not None, before=row and row["watched_at"], on=day, at=at)  # fmt: skip

    def watched_remove(self, user: str, movie: str | Movie, *, listed_only: bool = False) -> Unwatched:
        """Off the watched list, its rating with it; false when neither was there (listed_only: when
        it was not on the list, and then a rating alone, a like, stays). A title several films share
        means the one on the user's list ("Heat" when only Heat (1995) is)."""
        self._check_user(user)
        mine = title_choices(self.catalog, movie) if isinstance(movie, str) else []
        if mine:  # "Heat" is The Heat (2013) when that is the one listed
            listed = {r["movie_id"] for r in self.profiles.watched(user)} | set(self.profiles.ratings(user))
            mine = [movie_id for movie_id in mine if movie_id in listed]
        found = self.catalog.movies[mine[0]] if len(mine) == 1 else self._movie(movie)
        note = self._taken_note(movie, found) if len(mine) != 1 else ""  # the one listed needs no note
        with self.profiles.transaction():
            listed, stars = self.profiles.has_watched(user, found.id), self.profiles.rating(user, found.id)
            reaction = self.profiles.reactions(user).get(found.id, "")
            if listed or not listed_only:
                self.profiles.remove_watched(user, found.id)
        dropped = stars if listed or not listed_only else None
        return Unwatched(found.id, found.label, listed, dropped, reaction, note)

    def watched_list(self, user: str) -> list[WatchedItem]:
        """Newest first, with the user's stars where they rated it."""
        self._check_user(user)
        ratings, reactions = self.profiles.ratings_given(user)
        items = []
        for row in self.profiles.watched(user):
            movie = self.catalog.get(row["movie_id"])
            items.append(WatchedItem(
                row["movie_id"], movie.label if movie else row["movie_id"], movie.year if movie else None,
                ratings.get(row["movie_id"]), row["watched_at"], row["source"], reactions.get(row["movie_id"], ""),
            ))  # fmt: skip
        return items

    def dismiss(self, user: str, movie: str | Movie) -> str:
        """Never suggest this film to the user again; returns its label."""
        self._check_user(user)
        found = self._movie(movie)
        self.profiles.dismiss(user, found.id, source=user.partition(":")[0], at=self.deps.clock())
        return found.label

    # -- feedback on suggestions -----------------------------------------------------------

    def about_pick(self, platform: str, message_key: str | int, text: str) -> str:
        """A reply to one pick's message, with that pick named where the text points at it ("more
        like this one", "seen it, loved it", "why?"); the text as it is otherwise."""
        suggestion = self.profiles.suggestion_by_message(platform, str(message_key))
        movie = self.catalog.get(suggestion["movie_id"]) if suggestion else None
        if movie is None:
            return text
        return naming_the_pick(text, movie.label)

    def withdraw(self, user: str, suggestion_ids: list[int], *, channel: str | None = None) -> list[str]:
        """Picks of a chat turn the front end could not post (the platform failed part-way): they
        never count as shown, for "more", "the second one" or the re-ranker. The films withdrawn."""
        films = self.profiles.withdraw_suggestions(user, [i for i in suggestion_ids if i is not None])
        if films:
            self.recommender.withdraw(user, channel, films)
        return films

    def attach_message(self, suggestion_id: int, message_key: str | int) -> None:
        """After a front end posts one pick as its own message, so reactions on it find the suggestion."""
        try:
            self.profiles.attach_message(suggestion_id, str(message_key))
        except KeyError:
            raise InvalidInput(f"no suggestion with id {suggestion_id}") from None

    def attach_several(self, platform: str, message_key: str | int, thread: str | None = None) -> None:
        """After a front end posts several picks in one message, in `thread` if any: a rating
        reaction on it means no one film, which `several_picks_thread` says, after a restart too."""
        self.profiles.attach_several(platform, str(message_key), thread)

    def several_picks_thread(self, platform: str, message_key: str | int) -> str | None:
        """For a message of several picks, the thread they are in ('' when none); None otherwise."""
        return self.profiles.several_picks_thread(platform, str(message_key))

    def react(self, platform: str, message_key: str | int, reactor: str | int, emoji: str, *, added: bool,
              burst: bool = False, in_order: bool = False) -> FeedbackOutcome | None:  # fmt: skip
        """A reaction added or removed on a suggestion message; None when the emoji or the
        message is not one of ours. `reactor` is a user key or the platform's user id;
        `burst` marks Discord's super reactions, which count apart from normal ones, as a
        skin tone does (👍 and 👍🏽 are two reactions, and a like holds while either is on);
        `in_order` says the caller hands events over in the order they happened (see
        agent.reactions)."""
        if reaction_meaning(emoji) is None:
            return None
        entry = self.ledger.apply(platform=platform, message_key=str(message_key), reactor=str(reactor),
                                  emoji=emoji, added=added, burst=burst, in_order=in_order)  # fmt: skip
        if entry is None:
            return None
        suggestion = entry.suggestion
        if entry.recorded and entry.added and not entry.undone_at_once and entry.reactor == suggestion["user"]:
            self._learn(entry.reactor, suggestion.get("features") or {}, entry.kind, entry.stars)
        said = feedback_message(self.catalog, entry.kind, entry.stars, suggestion["movie_id"], entry.added,
                                entry.recorded)  # fmt: skip
        return FeedbackOutcome(entry.recorded, entry.kind, entry.stars, suggestion["movie_id"], entry.reactor,
                               entry.added, said, suggestion["id"], entry.event_id)  # fmt: skip

    def feedback(self, user: str, movie_id: str, kind: str, *, stars: float | None = None, event_id: str,
                 suggestion_id: int | None = None) -> FeedbackOutcome:  # fmt: skip
        """Feedback given by other means than a reaction (HTTP); idempotent by event_id. A
        suggestion_id must be one shown to `user` (NotShown otherwise, checked first so a refusal
        says nothing about someone else's suggestion)."""
        self._check_user(user)
        suggestion = self.profiles.suggestion(suggestion_id) if suggestion_id is not None else None
        if suggestion_id is not None and (suggestion is None or suggestion["user"] != user):
            raise NotShown(suggestion_id)
        if kind not in FEEDBACK_KINDS:
            raise InvalidInput(f"feedback kind must be one of {', '.join(FEEDBACK_KINDS)}, got {kind!r}")
        if not event_id:
            raise InvalidInput("feedback needs an event_id, so a retried request is not counted twice")
        if event_id.endswith(WATCHED_SUFFIX):  # the id of the watched mark a star rating adds to its own event
            raise InvalidInput(f"an event_id may not end in {WATCHED_SUFFIX!r}: moviebot keeps those ids for itself")
        movie = self._movie(movie_id)
        if kind == "stars":
            stars = stars_given(stars)
        elif stars is not None:
            raise InvalidInput(f"stars go with kind 'stars', not {kind!r}")
        if suggestion is not None and suggestion["movie_id"] != movie.id:
            raise InvalidInput(f"suggestion {suggestion_id} is not a suggestion of {movie.label}")
        common = {"suggestion_id": suggestion_id, "user": user, "movie_id": movie.id, "added": True,
                  "at": self.deps.clock()}  # fmt: skip
        with self.profiles.transaction():
            recorded = self.profiles.record_feedback(kind=kind, value=stars, event_id=event_id, **common)
            if recorded and kind == "stars":
                watched_id = f"{event_id}{WATCHED_SUFFIX}"
                self.profiles.record_feedback(kind="watched", value=None, event_id=watched_id, **common)
        if not recorded:  # a retry is the same feedback again; other feedback under its id is a mistake
            before = self.profiles.feedback_event(event_id) or {}
            if (before.get("movie_id"), before.get("kind"), before.get("value")) != (movie.id, kind, stars):
                said = feedback_said(self.catalog, before)
                raise EventConflict(f"event_id {event_id.removeprefix(f'{user}:')!r} already recorded {said}; "
                                    "give each piece of feedback its own event_id")  # fmt: skip
        if recorded and suggestion is not None:
            self._learn(user, suggestion.get("features") or {}, kind, stars)
        message = feedback_message(self.catalog, kind, stars, movie.id, True, recorded)
        return FeedbackOutcome(recorded, kind, stars, movie.id, user, True, message, suggestion_id, event_id)

    # -- profile ---------------------------------------------------------------------------

    def profile(self, user: str) -> ProfileSummary:
        self._check_user(user)
        taste, counts, recent = self._taste(user)
        genres = sorted(taste.genres.items(), key=lambda kv: -kv[1])
        people = sorted({**taste.actors, **taste.directors}.items(), key=lambda kv: -kv[1])
        decades = sorted(taste.decades.items(), key=lambda kv: -kv[1])
        return ProfileSummary(
            user=user, summary=taste.summary(self.catalog), **counts,
            top_genres=genres[:5], top_people=[p for p in people if p[1] > 0][:5], top_decades=decades[:4],
            recent_watched=recent, is_empty=taste.is_empty, genres=dict(genres), decades=dict(decades),
        )  # fmt: skip

    def profile_chart(self, user: str, display_name: str | None = None) -> bytes | None:
        """Genre and decade affinities as a PNG (empty axes for an empty profile); None when
        there is no chart function or drawing failed."""
        self._check_user(user)
        if self.chart is None:
            return None
        taste, _, _ = self._taste(user)
        taste.user = display_name or user
        try:
            return self.chart(taste)
        except Exception:  # a missing or broken plotting library costs the picture, not the answer
            log.exception("drawing the profile chart for %s failed", user)
            return None

    def _taste(self, user: str) -> tuple[Profile, dict[str, int], list[str]]:
        ratings, reactions = self.profiles.ratings_given(user)
        watched = self.profiles.watched(user)
        taste = build_profile(user, ratings, self.profiles.excluded_ids(user), self.catalog, with_taste=False,
                              reactions=reactions)  # fmt: skip
        counts = {"rated": len(ratings), "watched": len(watched), "dismissed": len(self.profiles.dismissed(user))}
        dated = [r["movie_id"] for r in watched if r["watched_at"] is not None]  # an undated film is not recent
        recent = [self.catalog.movies[m].label for m in dated[:5] if m in self.catalog]
        return taste, counts, recent

    # -- import, export, forget ------------------------------------------------------------

    def import_history(self, user: str | None, path: str | Path | list, fmt: str | None = None, *,
                       movielens_user: str | None = None, user_prefix: str | None = None,
                       progress: Callable[[str], None] | None = None) -> ImportReport:  # fmt: skip
        """Ratings and watched films from a Letterboxd, IMDb, MovieLens or moviebot export (fmt detected
        when None). MovieLens holds many users: `movielens_user` picks one to import as
        `user`, or `user_prefix` (with user None) imports each as PREFIX+N."""
        paths = [Path(p) for p in (path if isinstance(path, list | tuple) else [path])]
        if user is not None:
            self._check_user(user)
        elif not user_prefix:
            raise InvalidInput("whose history? give a user, or a user prefix for a MovieLens import of everyone")
        if fmt and fmt not in IMPORT_FORMATS:
            raise InvalidInput(f"import format must be one of {', '.join(IMPORT_FORMATS)}, got {fmt!r}")
        try:
            fmt = fmt or detect_format(paths[0])
            if fmt == "movielens" and user is not None and movielens_user is None:
                raise InvalidInput("a MovieLens ratings.csv holds many users: say which userId to import")
            rows = read_history(fmt, paths, movielens_user=movielens_user)
            return import_history(self.profiles, self.catalog, rows, user=user, user_prefix=user_prefix, fmt=fmt,
                                  progress=progress)  # fmt: skip
        except SourceError as exc:
            raise ServiceError(f"{exc}\nNothing was imported.") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ServiceError(f"cannot read {paths[0].name}: {getattr(exc, 'strerror', None) or exc}\n"
                               "Nothing was imported.") from exc  # fmt: skip

    def export(self, user: str) -> dict:
        """Everything stored about one user, JSON-serialisable: the profile store's rows and what
        the conversations remember (the messages of each)."""
        self._check_user(user)
        return {**self.profiles.export_user(user), "conversations": self.recommender.conversations_of(user)}

    def forget(self, user: str) -> dict[str, int]:
        """Deletes everything about one user, conversation memory included (the recommender's
        forget hook); the re-ranker is refitted so its in-memory model of them goes too."""
        self._check_user(user)
        counts = self.profiles.forget_user(user)
        if self.ranker is not None:
            with self._learning:
                self.ranker.learn_from_store()
        return counts

    # -- the learning re-ranker ------------------------------------------------------------

    def refit(self) -> int:
        """The exact model from every reward in the store (undone reactions and silence
        included); how many rewards it used. 0 without a re-ranker."""
        if self.ranker is None:
            return 0
        with self._learning:
            rows = self.ranker.learn_from_store()
            self.unsaved = 0
        log.info("refitted the re-ranker from %d rewards", rows)
        return rows

    def save_learning(self) -> int:
        """Saves what was learned since the last save; how many rewards that was."""
        with self._learning:
            count = self.unsaved
            if self.ranker is None or not count:
                return 0
            self.ranker.save()
            self.unsaved = 0
        log.info("saved the re-ranker (%d new rewards)", count)
        return count

    def _learn(self, user: str, features: dict, kind: str, stars: float | None) -> None:
        """Removals are not unlearned here: refit() from the store is exact."""
        reward = reward_for(kind, stars)
        if self.ranker is None or reward is None or not features:
            return
        with self._learning:
            self.ranker.learn(user, features, reward)
            self.unsaved += 1
            due = self.unsaved >= self.save_every
        if due:
            self.save_learning()

    # -- helpers ---------------------------------------------------------------------------

    def check_k(self, k: object) -> int | None:
        """How many picks a caller asked for: None, or a whole number from 1 to the config's max."""
        most = self.deps.config.max_count
        if k is None:
            return None
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= most:
            raise InvalidInput(f"k must be a whole number from 1 to {most}, not {as_json(k)}")
        return k

    def _check_user(self, user: str) -> None:
        try:
            split_user_key(user)
        except ValueError as exc:
            raise InvalidInput(str(exc)) from None

    def _movie(self, movie: str | Movie) -> Movie:
        if isinstance(movie, Movie):
            return movie
        return self.resolve(movie)

    def _taken_note(self, typed: str | Movie, found: Movie, *, undo: str = "") -> str:
        """What a typed title was taken for, when a film named with the article is likely meant."""
        other = other_meaning(self.catalog, typed, found) if isinstance(typed, str) else None
        return taken_note(typed, found, other, undo=undo) if other is not None else ""

    def _label_or_none(self, movie_id: str) -> str | None:
        movie = self.catalog.movies.get(movie_id)
        return movie.label if movie is not None else None

    def _history_of(self, user: str) -> tuple[dict[str, float], set[str]]:
        return self.profiles.ratings(user), {r["movie_id"] for r in self.profiles.watched(user)}

    def _changes(self, user: str, before: tuple[dict[str, float], set[str]]) -> dict:
        ratings, watched = self._history_of(user)
        changed = {m: s for m, s in ratings.items() if before[0].get(m) != s}
        added = sorted(watched - before[1])
        return {k: v for k, v in (("ratings", changed), ("watched", added)) if v}
