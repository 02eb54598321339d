"""Slack reaction events, handed to the service one (message, reactor, reaction) at a time, in order.

Socket Mode hands envelopes to a pool of threads, and Bolt runs listeners on another, so an
add and its removal made a moment apart can reach the service in either order. Slack stamps
every reaction event with `event_ts`, the moment the reaction changed, so the order is not
lost: events for one (message, reactor, reaction) go to the service under one lock, and an
event older than the last one applied for that key is stale (its effect was already overtaken)
or a duplicate delivery, and is skipped. The final state is therefore the state of the newest
event, which is what the reaction shows on Slack. A reaction is the exact name Slack sends:
"+1" and "+1::skin-tone-3" are two reactions, each with its own order, and both reach the
service as they are. What an emoji means, duplicates across restarts and undo are the
service's ledger's business; this module only decides the order.

Since the order is known, the service is told so (`in_order`): a removal with nothing to undo
is then dropped rather than taken for one that overtook its add. Events without a timestamp go
through in arrival order, and the ledger's own guard for overtaking removals applies to them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from decimal import Decimal, InvalidOperation

STRIPES = 64  # locks shared by hash: two keys rarely wait on each other, memory stays fixed
REMEMBERED = 100_000  # keys whose last event_ts is kept (least recently used are forgotten)


def event_order(event_ts: object) -> Decimal | None:
    """Slack's "1700000000.000123" as an exact number (floats would merge neighbours)."""
    try:
        return Decimal(str(event_ts))
    except (InvalidOperation, ValueError):
        return None


class ReactionOrder:
    def __init__(self, react, *, remembered: int = REMEMBERED):
        """`react(message_key, reactor, emoji, added, in_order)` applies one event (the service call)."""
        self._react = react
        self._stripes = [threading.Lock() for _ in range(STRIPES)]
        self._last: OrderedDict[tuple, Decimal] = OrderedDict()
        self._last_lock = threading.Lock()
        self._remembered = remembered

    def apply(self, *, channel: str, message_ts: str, reactor: str, reaction: str, added: bool, event_ts: object):
        """Blocking. The service's outcome, or None for a stale or repeated event."""
        key = (channel, message_ts, reactor, reaction)
        order = event_order(event_ts)
        with self._stripes[hash(key) % STRIPES]:
            if order is not None:
                with self._last_lock:
                    last = self._last.get(key)
                    if last is not None and order <= last:
                        return None
                    self._last[key] = order
                    self._last.move_to_end(key)
                    while len(self._last) > self._remembered:
                        self._last.popitem(last=False)
            return self._react(f"{channel}:{message_ts}", reactor, reaction, added, order is not None)
