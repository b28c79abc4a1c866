"""Per-user command budgets: one token bucket per (platform, workspace, user).

A user who floods the bot with commands is slowed down (told politely to wait) while everybody
else is still answered: each command costs one token, tokens come back at a steady rate, and a
short burst is allowed so that a person typing a few commands in a row never notices the limit.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

Key = tuple[str, str, str]  # (platform, workspace, user)

# Buckets kept at most; past this the least recently used go first, so a flood of distinct ids
# cannot grow memory without bound (an evicted user only gets a fresh, full bucket).
MAX_TRACKED = 10_000


@dataclass
class _Bucket:
    tokens: float
    updated: float
    refused: int = 0  # commands refused since the last one allowed


class RateLimiter:
    """`take(key)` is 0.0 when the command may run, else the seconds until it could."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = MAX_TRACKED,
    ) -> None:
        self.rate = max(per_minute, 0.0) / 60.0  # tokens per second
        self.burst = max(burst, 1)
        self._clock = clock
        self._max_tracked = max_tracked
        self._buckets: OrderedDict[Key, _Bucket] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, key: Key) -> float:
        """Spend one token for `key`; return 0.0 if it had one, else the wait for the next."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        bucket = self._refilled(key, now)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.refused = 0
            return 0.0
        bucket.refused += 1
        return (1.0 - bucket.tokens) / self.rate

    def refused_in_a_row(self, key: Key) -> int:
        """How many of `key`'s commands were refused since one was last allowed (for logging
        once)."""
        bucket = self._buckets.get(key)
        return bucket.refused if bucket else 0

    def _refilled(self, key: Key, now: float) -> _Bucket:
        bucket = self._buckets.pop(key, None)
        if bucket is None:
            bucket = _Bucket(float(self.burst), now)
        else:
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate)
            bucket.updated = now
        self._buckets[key] = bucket  # most recently used last
        while len(self._buckets) > self._max_tracked:
            self._buckets.popitem(last=False)
        return bucket


def slow_down_text(wait: float, per_minute: float) -> str:
    seconds = max(1, math.ceil(wait))
    return (
        f"You're sending commands faster than I can answer them (about {per_minute:g} a minute). "
        f"Please wait {seconds} second{'s' if seconds != 1 else ''} and try again."
    )
