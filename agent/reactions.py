"""What a reaction on a suggestion means, on any platform, and the ledger that records them.

The ledger turns "this reactor added (or removed) this emoji on this message" into feedback
rows with the guarantees every front end needs:

Duplicate deliveries and undo. Platforms give a reaction event no id of its own, and
(message, reactor, emoji, "add") is not one either: 👍, un-👍, 👍 again is two real likes. A
reaction by one reactor with one emoji on one message can only alternate between on and off,
so each change is numbered by its position in that alternation, read from the store: even
positions are adds, odd ones removals. An add arriving while the reaction is already on gets
the id of the add already recorded, and the store ignores it; likewise a removal while it is
off. Nothing random or per-process goes into the id, so a restart changes nothing, and the
read and the write happen in one store transaction (BEGIN IMMEDIATE), so two deliveries of
one event, in two threads or two processes, cannot both pass. A removal undoes the add of its
own alternation and nothing else.

One emoji means the exact reaction the platform shows: 👍 and 👍🏽 (Slack's "+1" and
"+1::skin-tone-4"), like a normal and a super reaction on Discord, are two reactions, each
with its own alternation. Both are likes, and the like holds while either is on: removing one
undoes its own add, and the store keeps the state the other wrote. Of a like and a dislike by
one person, the later one counts, and removing it brings back the one still on.

Order. Front ends hand events for one (message, reactor, emoji) to the service in the order
they arrived. When a removal still overtakes its add (two processes, a retried delivery), the
removal is kept as a marker with no effect, and an add arriving within LATE_ADD of it takes
the slot before it and is undone at once: the reaction ends off, as it is on the platform. A
removal of a reaction the bot never saw added (made while it was offline) stays a marker, and
once LATE_ADD has passed a new add starts a new round. A front end that knows the true order
(Slack stamps each event with the moment it happened) says so with `in_order`: then a removal
with nothing to undo is dropped, and no add is taken for an overtaken one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from store.profiles import ProfileStore, to_iso

# The canonical emoji -> (feedback kind, stars); the order is the order bots pre-add them in.
REACTIONS: dict[str, tuple[str, float | None]] = {
    "👍": ("like", None),
    "👎": ("dislike", None),
    "✅": ("watched", None),
    "🙈": ("dismiss", None),
    "1️⃣": ("stars", 1.0),
    "2️⃣": ("stars", 2.0),
    "3️⃣": ("stars", 3.0),
    "4️⃣": ("stars", 4.0),
    "5️⃣": ("stars", 5.0),
}
REACTION_HINT = "👍 like · 👎 not for me · ✅ seen it · 🙈 not interested · 1️⃣–5️⃣ stars"

# Slack's emoji names (and the kinds themselves) for the same reactions.
_NAMES = {
    "+1": "👍", "thumbsup": "👍", "like": "👍",
    "-1": "👎", "thumbsdown": "👎", "dislike": "👎",
    "white_check_mark": "✅", "heavy_check_mark": "✅", "watched": "✅",
    "see_no_evil": "🙈", "dismiss": "🙈",
    "one": "1️⃣", "two": "2️⃣", "three": "3️⃣", "four": "4️⃣", "five": "5️⃣",
}  # fmt: skip
_BY_BARE = {name.replace("\ufe0f", ""): name for name in REACTIONS}
LATE_ADD = timedelta(minutes=2)


_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff]")
_SLACK_TONE = re.compile(r"::skin-tone-(\d)")


def reaction_meaning(emoji: str | None) -> tuple[str, tuple[str, float | None]] | None:
    """(canonical emoji, (kind, stars)) for one of the bot's reactions, None for anything else.

    Clients do not agree on the variation selector (U+FE0F) in keycaps and ✅, so it is
    ignored, and so is a skin tone (👍🏽 on Discord); Slack names (":+1:", "white_check_mark",
    skin tones "+1::skin-tone-2") work too.
    """
    if not emoji:
        return None
    text = str(emoji).strip().strip(":").split("::", 1)[0]
    bare = _SKIN_TONES.sub("", text.replace("\ufe0f", ""))
    canonical = _BY_BARE.get(bare) or _NAMES.get(text.lower())
    return None if canonical is None else (canonical, REACTIONS[canonical])


def skin_tone(emoji: str) -> int | None:
    """The skin tone picked for a reaction, numbered as Slack numbers them (2 lightest to 6
    darkest; 👍🏽 and "+1::skin-tone-4" are both 4), None for none."""
    if tone := _SKIN_TONES.search(emoji):
        return ord(tone.group()) - 0x1F3FB + 2
    if tone := _SLACK_TONE.search(emoji):
        return int(tone.group(1))
    return None


@dataclass(frozen=True)
class LedgerEntry:
    recorded: bool  # False for a duplicate delivery
    event_id: str
    reactor: str  # profile key of who reacted
    suggestion: dict
    kind: str
    stars: float | None
    added: bool
    emoji: str
    undone_at_once: bool = False  # an add that arrived after its own removal


class ReactionLedger:
    """Reaction events in, feedback rows out (see the module docstring for the ids).

    A star rating marks the film watched as well: it writes a companion "watched" event
    (same id plus ":watched") that its removal undoes with it.
    """

    def __init__(self, profiles: ProfileStore, clock: Callable[[], datetime]):
        self.profiles = profiles
        self.clock = clock
        self._lock = threading.Lock()

    def apply(self, *, platform: str, message_key: str, reactor: str, emoji: str, added: bool,
              burst: bool = False, in_order: bool = False) -> LedgerEntry | None:  # fmt: skip
        """Blocking. None when the emoji or the message is not one of ours, or for the
        removal of a reaction the bot never saw (kept as a marker unless `in_order`)."""
        meaning = reaction_meaning(emoji)
        if meaning is None:
            return None
        canonical, (kind, stars) = meaning
        suggestion = self.profiles.suggestion_by_message(platform, message_key)
        if suggestion is None:
            return None
        reactor_key = reactor if reactor.startswith(f"{platform}:") else f"{platform}:{reactor}"
        reactor_id = reactor_key.split(":", 1)[1]
        tone = skin_tone(emoji)
        exact = f"{canonical}{f':skin-tone-{tone}' if tone else ''}{':burst' if burst else ''}"
        prefix = f"{platform}:{message_key}:{reactor_id}:{exact}:"
        now = datetime.fromisoformat(to_iso(self.clock()))
        with self._lock, self.profiles.transaction():
            positions = self._positions(reactor_key, prefix)
            top = max(positions, default=-1)
            is_on = top >= 0 and top % 2 == 0
            if not added and top < 0 and tone and (legacy := self._filed_untoned(reactor_key, prefix, exact)):
                prefix, top, is_on = legacy, max(self._positions(reactor_key, legacy)), True
            late = None if added else False
            if added:
                gap = None if in_order else self._late_gap(positions, now)
                position = top if is_on else gap if gap is not None else top + 1
                late = gap is not None and not is_on
            elif is_on:
                position = top + 1
            elif top >= 0:
                position = top  # the removal already recorded: a duplicate
            elif in_order:
                return None  # the caller's order is true: nothing was on, so nothing to undo
            else:
                position = 1  # a removal overtaking its add, or of one made while offline
            event_id = f"{prefix}{position}"
            undoes = None if added else f"{prefix}{position - 1}"
            recorded = self._record(suggestion, reactor_key, kind, stars, event_id, now, undoes=undoes)
            if recorded and late:
                self._record(suggestion, reactor_key, kind, stars, f"{prefix}{position + 1}~", now, undoes=event_id)
        if not added and top < 0:
            return None
        return LedgerEntry(recorded, event_id, reactor_key, suggestion, kind, stars, added, canonical, bool(late))

    def _filed_untoned(self, reactor: str, prefix: str, exact: str) -> str | None:
        """The untoned alternation a toned thumb being removed was filed under, when it was added
        before tones were told apart (ProfileStore.filed_before_tones) and is still on; else None."""
        untoned = prefix.replace(re.search(r":skin-tone-\d", exact)[0], "", 1)
        positions = self._positions(reactor, untoned)
        if not positions or max(positions) % 2:
            return None
        return untoned if self.profiles.filed_before_tones(reactor, f"{untoned}{max(positions)}") else None

    def _positions(self, reactor: str, prefix: str) -> dict[int, str]:
        """Recorded positions in this alternation -> when each was recorded."""
        found = {}
        for event_id, created_at in self.profiles.feedback_ids(reactor, prefix):
            suffix = event_id[len(prefix) :]
            if suffix.isdigit():
                found[int(suffix)] = created_at
        return found

    @staticmethod
    def _late_gap(positions: dict[int, str], now: datetime) -> int | None:
        """The add slot before a recent removal that arrived without its add, if any."""
        for position in sorted(positions):
            recent = now - datetime.fromisoformat(positions[position]) <= LATE_ADD
            if position % 2 == 1 and position - 1 not in positions and recent:
                return position - 1
        return None

    def _record(self, suggestion: dict, reactor: str, kind: str, stars: float | None, event_id: str,
                now: datetime, *, undoes: str | None) -> bool:  # fmt: skip
        """An add (`undoes` None) or the removal of the add `undoes` names."""
        common = {"suggestion_id": suggestion["id"], "user": reactor, "movie_id": suggestion["movie_id"], "at": now,
                  "added": undoes is None}  # fmt: skip
        recorded = self.profiles.record_feedback(kind=kind, value=stars, event_id=event_id, undoes=undoes, **common)
        if recorded and kind == "stars":
            self.profiles.record_feedback(kind="watched", value=None, event_id=f"{event_id}:watched",
                                          undoes=undoes and f"{undoes}:watched", **common)  # fmt: skip
        return recorded
