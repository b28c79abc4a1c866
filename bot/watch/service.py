"""The watcher as `briefbot run` runs it: a pass every BRIEFBOT_WATCH_POLL_SECONDS.

It reads the database, not the ingest code path, so an article stored by any process (the feed
poller here, `briefbot ingest` from cron, another replica) alerts the same way.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.platform import ChatPlatform
from bot.schedule.clock import Clock, Sleep, system_clock
from bot.schedule.service import finish_pass
from bot.watch.alerts import Watcher
from bot.watch.matching import FactMatcher

if TYPE_CHECKING:
    from bot.engine import Engine

log = logging.getLogger("briefbot.watch")


async def make_watcher(
    engine: Engine,
    platforms: dict[str, ChatPlatform],
    settings: Settings,
    *,
    clock: Clock = system_clock,
) -> Watcher:
    watches = await engine.watch_store()
    # The engine's own entity-name cache: a name learned by one ingest is matched once, here too.
    matcher = FactMatcher(
        watches, engine.store, engine.answer_service().matcher, settings.min_confidence
    )
    return Watcher(watches, matcher, platforms, settings, clock=clock)


async def run_watcher(
    engine: Engine,
    platforms: dict[str, ChatPlatform],
    settings: Settings,
    *,
    sleep: Sleep = asyncio.sleep,
) -> None:
    """Watch passes until cancelled."""
    watcher = await make_watcher(engine, platforms, settings)
    log.info(
        "watcher started platforms=%s every=%ss",
        ",".join(platforms) or "none",
        settings.watch_poll_seconds,
    )
    while True:
        await _pass_to_the_end(watcher)
        await sleep(settings.watch_poll_seconds)


async def _pass_to_the_end(watcher: Watcher) -> None:
    await finish_pass(watcher, watcher.run_pass(), "watch-pass")
