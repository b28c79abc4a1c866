"""Per-user command budgets: one token bucket per (platform, workspace, user).

A user who floods the bot with commands is slowed down (told politely to wait) while everybody
else is still answered: each command costs one token, tokens come back at a steady rate, and a
short burst is allowed so that a person typing a few commands in a row never notices the limit.
"""

from __future__ import annotations

import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

from bot.store.database import StoreError

if TYPE_CHECKING:
    from bot.store.store import Store

log = logging.getLogger("briefbot.ratelimit")

Key = tuple[str, str, str]  # (platform, workspace, user)

# Buckets kept at most; past this the least recently used go first, so a flood of distinct ids
# cannot grow memory without bound (an evicted user only gets a fresh, full bucket).
MAX_TRACKED = 10_000


class Verdict(NamedTuple):
    wait: float  # 0.0: the command may run; else the seconds until it could
    refused: int  # commands refused in a row, this one included (0 when allowed)


class Limiter(Protocol):
    """What the engine asks of a limiter: in process memory, or shared through the store."""

    @property
    def enabled(self) -> bool: ...

    async def attempt(self, key: Key) -> Verdict: ...


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

    async def attempt(self, key: Key) -> Verdict:
        wait = self.take(key)
        return Verdict(wait, self.refused_in_a_row(key) if wait else 0)

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


# Every this many commands, a limiter on the store drops the buckets idle for a full refill: the
# table holds the users active lately, however many come and go.
PRUNE_EVERY = 500


class StoreRateLimiter:
    """The same token buckets as `RateLimiter`, kept in the store so that every replica on it
    spends from one budget per user: each `take` is one atomic upsert (bot.store.sql,
    TAKE_TOKEN). Time is the database's clock unless `clock` is given (tests inject one; every
    replica of a store must then use the same)."""

    def __init__(
        self,
        store: Store,
        per_minute: float,
        burst: int,
        *,
        clock: Callable[[], float] | None = None,
        prune_every: int = PRUNE_EVERY,
    ) -> None:
        self.store = store
        self.rate = max(per_minute, 0.0) / 60.0
        self.burst = max(burst, 1)
        self._clock = clock
        self._prune_every = prune_every
        self._taken = 0

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    @property
    def refill_seconds(self) -> float:
        """How long an empty bucket takes to fill: a bucket idle this long is full."""
        return self.burst / self.rate

    async def take(self, key: Key) -> float:
        """Spend one token for `key`; return 0.0 if it had one, else the wait for the next."""
        return (await self.attempt(key)).wait

    async def attempt(self, key: Key) -> Verdict:
        if not self.enabled:
            return Verdict(0.0, 0)
        now = self._clock() if self._clock is not None else None
        try:
            tokens, refused = await self.store.take_token(
                key, rate=self.rate, burst=self.burst, now=now
            )
            self._taken += 1
            if self._taken % self._prune_every == 0:
                await self.prune()
        except StoreError:
            # The budget is a courtesy to everybody else: a database that cannot keep it must not
            # also refuse the command (which reads the same database, and says so if it fails).
            log.exception("rate limit: cannot reach the store; command allowed")
            return Verdict(0.0, 0)
        if not refused:
            return Verdict(0.0, 0)
        return Verdict((1.0 - tokens) / self.rate, refused)

    async def prune(self) -> None:
        """Drop the buckets idle for a full refill (they are full: dropping changes nothing)."""
        now = self._clock() if self._clock is not None else None
        await self.store.drop_idle_buckets(self.refill_seconds, now)


def slow_down_text(wait: float, per_minute: float) -> str:
    seconds = max(1, math.ceil(wait))
    return (
        f"You're sending commands faster than I can answer them (about {per_minute:g} a minute). "
        f"Please wait {seconds} second{'s' if seconds != 1 else ''} and try again."
    )
