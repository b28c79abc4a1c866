"""`briefbot run`: the chat adapters, the feed poller and the briefing scheduler in one process.

This is where platforms are chosen and wired to the engine; the engine itself knows none of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Coroutine
from typing import Any

from bot.config import Settings
from bot.engine import Engine
from bot.memory import settle_long_lived_objects
from bot.platform import ChatPlatform

log = logging.getLogger("briefbot.run")


def build_platforms(engine: Engine, settings: Settings, which: str) -> dict[str, ChatPlatform]:
    platforms: dict[str, ChatPlatform] = {}
    if which in ("slack", "all"):
        if settings.slack_bot_token is None:
            raise SystemExit("error: SLACK_BOT_TOKEN is not set (see .env.example)")
        from adapters.slack_app.platform import SlackPlatform

        platforms["slack"] = SlackPlatform(engine, settings)
    if which in ("discord", "all"):
        if settings.discord_token is None:
            raise SystemExit("error: DISCORD_TOKEN is not set (see .env.example)")
        from adapters.discord_bot.platform import DiscordPlatform

        platforms["discord"] = DiscordPlatform(engine, settings)
    return platforms


async def run_forever(settings: Settings, which: str) -> None:
    """Run until SIGINT or SIGTERM, then disconnect cleanly.

    A signal stops it at any stage: while the model loads, while a platform is still connecting
    (Socket Mode retries an unreachable Slack for ever, Discord waits up to a minute for its
    gateway) and while running. A platform that cannot start raises StartupError.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with await Engine.open(settings) as engine:
        platforms = build_platforms(engine, settings, which)
        probe = _health_probe(engine, platforms)
        for platform in platforms.values():
            if hasattr(platform, "health"):  # the Slack adapter serves /healthz
                platform.health = probe
        background: list[asyncio.Task] = []
        try:
            if not await _unless_stopped(_connect_all(platforms), stop):
                log.info("stopped while connecting")
                return
            background = _background_jobs(engine, settings, platforms)
            frozen = settle_long_lived_objects()
            log.info("briefbot running platforms=%s frozen_objects=%d", ",".join(platforms), frozen)
            await stop.wait()
        finally:
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)
            for name, platform in platforms.items():
                try:
                    await platform.disconnect()
                except Exception:  # one adapter's failing shutdown must not keep the others up
                    log.exception("adapter %s did not disconnect cleanly", name)


async def _connect_all(platforms: dict[str, ChatPlatform]) -> None:
    for name, platform in platforms.items():
        await platform.connect()
        log.info("adapter connected platform=%s", name)


async def _unless_stopped(work: Coroutine[Any, Any, None], stop: asyncio.Event) -> bool:
    """Run `work` until it finishes (True; its exception is raised) or `stop` is set first
    (False; `work` is cancelled)."""
    task = asyncio.create_task(work)
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
    if task.done():
        task.result()
        return True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return False


def _health_probe(engine: Engine, platforms: dict[str, ChatPlatform]):
    """The process's health (database, model, every adapter) for `/healthz`."""
    from bot.health import runtime_report

    async def probe() -> tuple[bool, dict]:
        report = await runtime_report(engine, platforms)
        return report.healthy, report.to_json()

    return probe


def _background_jobs(
    engine: Engine, settings: Settings, platforms: dict[str, ChatPlatform]
) -> list[asyncio.Task]:
    """The briefing scheduler, the feed poller and the watcher, when their modules are installed."""
    tasks: list[asyncio.Task] = []
    try:
        from bot.schedule.service import run_feed_poller, run_scheduler
    except ImportError:
        log.info("scheduled briefings are not available in this build")
        return tasks
    tasks.append(asyncio.create_task(run_scheduler(engine, platforms, settings), name="scheduler"))
    tasks.append(asyncio.create_task(run_feed_poller(engine, settings), name="feed-poller"))
    from bot.watch.service import run_watcher

    tasks.append(asyncio.create_task(run_watcher(engine, platforms, settings), name="watcher"))
    return tasks


async def deliver_once(settings: Settings, now_text: str | None) -> None:
    """`briefbot deliver`: one delivery pass with the adapters its subscriptions need, then exit.

    Exits non-zero only when it cannot run: a platform with subscriptions has no settings.
    """
    from bot.schedule.clock import parse_now
    from bot.schedule.service import deliver_pass, delivery_platforms

    try:
        now = parse_now(now_text, settings.tz)
    except ValueError as error:
        raise SystemExit(f"error: --now: {error} (use ISO 8601, e.g. 2025-03-31T08:00)") from None
    if not settings.db.exists():
        raise SystemExit(f"error: no database at {settings.db} (set BRIEFBOT_DB)")
    async with await Engine.open(settings, load_model=False) as engine:
        platforms: dict[str, ChatPlatform] = {}
        for name in sorted(await delivery_platforms(engine)):
            platforms.update(build_platforms(engine, settings, name))  # exits if its token is unset
        try:
            report = await deliver_pass(engine, platforms, settings, now)
        finally:
            for platform in platforms.values():
                await platform.disconnect()
    print(f"deliver at {now.isoformat(timespec='seconds')}: {report.summary()}")
    for outcome in report.outcomes:
        detail = outcome.message_id if outcome.state == "sent" else outcome.reason
        print(f"  #{outcome.subscription_id} {outcome.slot_time}: {outcome.state} ({detail})")
