"""The scheduler and the feed poller as `briefbot run` runs them, and the one pass `deliver` runs.

`run_scheduler` and `briefbot deliver` share `deliver_pass`: the same claim, send and record code,
so a system cron calling `deliver` every few minutes behaves exactly like the built-in loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from bot.config import Settings
from bot.platform import ChatPlatform
from bot.schedule.clock import Clock, Sleep, from_db, system_clock
from bot.schedule.delivery import DEFAULT_RETRY, Deliverer, PassReport, RetryPolicy
from bot.schedule.feeds import FeedPoller
from bot.schedule.rules import next_slot

if TYPE_CHECKING:
    from bot.engine import Engine

log = logging.getLogger("briefbot.schedule")

MAX_WAIT = 30.0  # seconds: how soon a new subscription or a resumed one is noticed
SHUTDOWN_GRACE = 20.0  # seconds a send in flight may take to finish when `run` stops


class Stoppable(Protocol):
    stopping: bool


async def delivery_platforms(engine: Engine) -> set[str]:
    """The platforms a pass may post to: `deliver` needs settings for each of them."""
    return await (await engine.schedule_store()).delivery_platforms()


async def make_deliverer(
    engine: Engine,
    platforms: dict[str, ChatPlatform],
    settings: Settings,
    *,
    retry: RetryPolicy = DEFAULT_RETRY,
    sleep: Sleep = asyncio.sleep,
) -> Deliverer:
    schedule = await engine.schedule_store()
    # The engine's own answer service: one entity-name cache per process, not one per deliverer.
    return Deliverer(
        schedule, engine.answer_service(), platforms, settings, retry=retry, sleep=sleep
    )


async def deliver_pass(
    engine: Engine,
    platforms: dict[str, ChatPlatform],
    settings: Settings,
    now: datetime,
    *,
    retry: RetryPolicy = DEFAULT_RETRY,
    sleep: Sleep = asyncio.sleep,
) -> PassReport:
    """`briefbot deliver`: post every briefing due at `now` once, and return what happened."""
    deliverer = await make_deliverer(engine, platforms, settings, retry=retry, sleep=sleep)
    return await deliverer.run_pass(now)


async def run_scheduler(
    engine: Engine,
    platforms: dict[str, ChatPlatform],
    settings: Settings,
    *,
    clock: Clock = system_clock,
    sleep: Sleep = asyncio.sleep,
    retry: RetryPolicy | None = None,
    max_wait: float | None = None,
) -> None:
    """Run delivery passes at each slot (and at least every `max_wait` s) until cancelled.
    Unless given, the lease and `max_wait` come from the settings."""
    if retry is None:
        lease = settings.delivery_lease_seconds
        retry = DEFAULT_RETRY if lease is None else DEFAULT_RETRY.with_lease(lease)
    if max_wait is None:
        max_wait = settings.scheduler_wake_seconds
    deliverer = await make_deliverer(engine, platforms, settings, retry=retry, sleep=sleep)
    log.info("scheduler started platforms=%s", ",".join(platforms) or "none")
    while True:
        await _pass_to_the_end(deliverer, clock())
        await sleep(await _seconds_to_next_slot(deliverer, clock(), max_wait))


async def _pass_to_the_end(deliverer: Deliverer, now: datetime) -> None:
    await finish_pass(deliverer, deliverer.run_pass(now), "delivery-pass")


async def finish_pass(worker: Stoppable, work: Coroutine[Any, Any, Any], name: str) -> None:
    """Run one pass so that, if `run` is stopped, the send in flight still finishes and is recorded.

    Cancelling mid-send would leave a pending row for a message that may have been posted, which
    the next start would post again; so the pass is shielded and given a short grace period. A
    failed pass is logged and the loop tries again at its next wake-up.
    """
    task = asyncio.create_task(work, name=name)
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        worker.stopping = True
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(task, SHUTDOWN_GRACE)
        raise
    except Exception:
        log.exception("%s failed; trying again at the next wake-up", name)


async def _seconds_to_next_slot(deliverer: Deliverer, now: datetime, max_wait: float) -> float:
    try:
        subscriptions = await deliverer.schedule.active_subscriptions()
    except Exception:
        log.exception("cannot read subscriptions")
        return max_wait
    wait = max_wait
    for sub in subscriptions:
        wait = min(wait, (next_slot(sub.cron, sub.timezone, now) - now).total_seconds())
    return max(wait, 0.0)


async def run_feed_poller(
    engine: Engine,
    settings: Settings,
    *,
    clock: Clock = system_clock,
    sleep: Sleep = asyncio.sleep,
    max_wait: float = 60.0,
) -> None:
    """Poll registered feeds when they are due, until cancelled."""
    schedule = await engine.schedule_store()
    poller = FeedPoller(schedule, engine.store, engine.extractor, settings)
    log.info("feed poller started interval=%ss", settings.feed_poll_seconds)
    while True:
        try:
            await poller.poll_due(clock())
        except Exception:
            log.exception("feed pass failed; trying again later")
        await sleep(await _seconds_to_next_feed(poller, clock(), max_wait))


async def _seconds_to_next_feed(poller: FeedPoller, now: datetime, max_wait: float) -> float:
    try:
        feeds = await poller.schedule.feeds()
    except Exception:
        log.exception("cannot read feeds")
        return max_wait
    wait = timedelta(seconds=max_wait)
    for feed in feeds:
        wait = min(wait, from_db(feed.next_poll_at) - now)
    return max(wait.total_seconds(), 1.0)  # never a busy loop if a feed cannot be rescheduled
