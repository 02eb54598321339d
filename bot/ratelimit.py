"""Per-caller token buckets, shared by the front ends that limit how fast one caller may ask."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable


class Cooldown:
    """A token bucket per caller: `burst` requests at once, then one every `per` seconds."""

    def __init__(self, burst: int = 5, per: float = 6.0, clock: Callable[[], float] = time.monotonic):
        self.burst = burst
        self.per = per
        self.clock = clock
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # caller -> (tokens, when counted)

    def retry_after(self, caller: Hashable) -> float:
        """0 and a token spent when the caller may go ahead; else the seconds until they may."""
        now = self.clock()
        tokens, then = self._buckets.get(caller, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) / self.per)
        if tokens >= 1:
            self._buckets[caller] = (tokens - 1, now)
            if len(self._buckets) > 10_000:
                self._forget_full(now)
            return 0.0
        self._buckets[caller] = (tokens, now)
        return (1 - tokens) * self.per

    def waiting(self, caller: Hashable) -> float:
        """The seconds until the caller may go ahead (0 when they may now), spending nothing."""
        now = self.clock()
        tokens, then = self._buckets.get(caller, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) / self.per)
        return 0.0 if tokens >= 1 else (1 - tokens) * self.per

    def _forget_full(self, now: float) -> None:
        full = [c for c, (t, at) in self._buckets.items() if t + (now - at) / self.per >= self.burst]
        for caller in full:
            del self._buckets[caller]
