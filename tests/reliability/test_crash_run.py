"""`briefbot run slack` SIGKILLed while answering and while delivering, then started again.

The process is the real CLI (`python -m bot.cli run slack`, HTTP mode on a loopback port); the fake
Slack Web API runs in the test's event loop. After each kill the database passes its consistency
check; after the restart the bot answers again, and every briefing slot has been posted once:
slots Slack accepted (and the bot recorded) are not posted again, the one in flight is posted by
the restarted process. (The crash between Slack accepting a post and the bot recording it, which
posts twice, is the documented window tested in tests/schedule/test_crash_and_cli.py.)
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.answer.model import Conversation
from bot.engine import Engine
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.reliability.support import (
    TEAM,
    TOKEN,
    SlackBotProcess,
    briefbot,
    command_body,
    consistency,
    signed_headers,
    wait_for,
)
from tests.schedule.helpers import command

pytestmark = pytest.mark.heavy

SEED = 7_2025
ADMIN = "U0ADMIN"
CHANNELS = [f"C0BRIEF{n}" for n in range(6)]
QUERIES = ("brief", "latest talks", "who said what", "help", "subscriptions")


@dataclass
class HookedSlack(FakeSlack):
    """The fake Slack, with a hook that may answer a chat.postMessage before the fake does."""

    on_post: Callable[[], Awaitable[web.Response | None]] | None = None

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] == "chat.postMessage" and self.on_post is not None:
            if (answer := await self.on_post()) is not None:
                return answer
        return await super()._api(request)


@pytest.fixture
async def slack() -> AsyncIterator[HookedSlack]:
    server = await HookedSlack(bot_token=TOKEN, team_id=TEAM).start()
    yield server
    await server.stop()


class Bot(SlackBotProcess):
    """One `briefbot run slack` process at a time on the same database and port."""

    def __init__(self, db: Path, slack: FakeSlack) -> None:
        super().__init__(db, slack.api_url, ADMIN)


async def send_commands(
    bot: Bot, slack: FakeSlack, texts: list[tuple[str, str, str]], clients: int, prefix: str
) -> dict[str, int]:
    """(text, user, channel) commands from concurrent clients, each with a response_url of its own
    (`prefix` and a number); the HTTP status each got (0: no answer), by response_url name."""
    statuses: dict[str, int] = {}
    queue = list(reversed(texts))

    async def client(session: aiohttp.ClientSession) -> None:
        while queue:
            text, user, channel = queue.pop()
            name = f"{prefix}{len(texts) - len(queue)}"
            body = command_body(slack.response_url(name), text, user=user, channel=channel)
            try:
                async with session.post(
                    bot.events_url, data=body, headers=signed_headers(body)
                ) as response:
                    statuses[name] = response.status
            except (TimeoutError, aiohttp.ClientError):
                statuses[name] = 0  # the process died under this request

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    return statuses


def replies(slack: FakeSlack) -> Counter[str]:
    """How many replies Slack accepted on each command's response_url."""
    return Counter(slack.answered)


def mixed_commands(count: int) -> list[tuple[str, str, str]]:
    """Questions from many people, and admins subscribing channels (the commands that write)."""
    commands = []
    for n in range(count):
        if n % 10 == 0:
            channel = CHANNELS[(n // 10) % len(CHANNELS)]
            commands.append(("subscribe daily at 09:00 UTC", ADMIN, channel))
        else:
            commands.append((QUERIES[n % len(QUERIES)], f"U{n % 50:04d}", "C0NEWS"))
    return commands


def subscriptions(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT channel, cron FROM subscriptions").fetchall()


def deliveries(db: Path) -> Counter[str]:
    with sqlite3.connect(db) as conn:
        return Counter(state for (state,) in conn.execute("SELECT state FROM deliveries"))


async def test_killed_while_answering_leaves_the_database_whole_and_answers_after_restart(
    slack: HookedSlack, seeded_db: Path
) -> None:
    rng = random.Random(SEED)
    bot = Bot(seeded_db, slack)
    await bot.start()
    load = asyncio.create_task(
        send_commands(bot, slack, mixed_commands(400), clients=10, prefix="before-")
    )
    target = rng.randint(40, 200)
    await wait_for(lambda: len(slack.responses) >= target or load.done(), 60, f"{target} replies")
    bot.kill()  # with commands in flight: acked, being answered, being replied to
    replied = len(slack.responses)
    assert bot.proc is not None
    await bot.proc.wait()
    statuses = await load
    await asyncio.sleep(0.5)  # replies the dead process had already sent reach the fake
    answered_before_the_kill = set(replies(slack))
    acked = {name for name, status in statuses.items() if status == 200}
    print(f"\nkilled after {replied} replies; {len(acked)} of {len(statuses)} commands acked")
    assert replied < len(acked), "the kill should land while acked commands await replies"

    assert (await consistency(seeded_db)).ok
    subs = subscriptions(seeded_db)
    assert len(subs) == len(set(subs)) <= len(CHANNELS)  # a repeated subscribe never duplicates

    await bot.start()
    statuses = await send_commands(bot, slack, mixed_commands(60), clients=5, prefix="after-")
    assert list(statuses.values()) == [200] * 60
    acked |= set(statuses)
    # Every command Slack was told was received is answered: the restarted bot answers those the
    # killed one held and had not answered, besides the new ones.
    await wait_for(lambda: acked <= set(replies(slack)), 60, "a reply to every acked command")
    assert await bot.stop() == 0
    twice = [name for name, count in replies(slack).items() if count > 1]
    print(f"answered after the restart: {len(acked) - replied - 60}; twice: {len(twice)}")
    # Twice only where Slack took the reply just before the kill and the bot had not yet noted it
    # (at least once, never lost): never a command first answered after the restart.
    assert set(twice) <= answered_before_the_kill, twice
    assert (await consistency(seeded_db)).ok
    subs = subscriptions(seeded_db)
    assert len(subs) == len(set(subs)) == len(CHANNELS)


async def subscribe_channels_due_now(db: Path) -> None:
    """Each channel subscribed an hour ago to a daily briefing whose slot was five minutes ago."""
    now = datetime.now(UTC)
    slot = now - timedelta(minutes=5)
    async with await Engine.open(make_settings(db), load_model=False) as engine:
        for channel in CHANNELS:
            admin = Conversation(
                platform="slack", workspace=TEAM, channel=channel, user=ADMIN, is_admin=True
            )
            answer = await command(
                engine, f"subscribe daily at {slot:%H:%M} UTC", now - timedelta(hours=1), admin
            )
            assert "#" in answer.title or answer.sections, answer


@pytest.mark.parametrize("kill_at", [1, 4, len(CHANNELS)])
async def test_killed_while_delivering_each_slot_is_posted_exactly_once_after_restart(
    kill_at: int, slack: HookedSlack, tmp_path: Path
) -> None:
    """The `kill_at`-th post to reach Slack is in flight when the process dies."""
    db = tmp_path / "briefbot.db"
    await subscribe_channels_due_now(db)
    bot = Bot(db, slack)
    arrivals = 0
    killed = asyncio.Event()

    async def kill_on_arrival() -> web.Response | None:
        nonlocal arrivals
        arrivals += 1
        if arrivals < kill_at:
            return None  # Slack accepts it
        if arrivals == kill_at:
            # The posts Slack accepted are recorded as sent; this one has not been accepted.
            accepted = len(slack.messages)
            await wait_for(
                lambda: deliveries(db)["sent"] == accepted, 10, "accepted posts recorded"
            )
            bot.kill()
            killed.set()
        await killed.wait()
        return web.json_response({"ok": False, "error": "fatal_error"}, status=500)

    slack.on_post = kill_on_arrival
    bot.proc = await asyncio.create_subprocess_exec(
        *briefbot("run", "slack"),
        env=bot.env,
        cwd=bot.cwd,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    await asyncio.wait_for(killed.wait(), 60)
    await bot.proc.wait()
    accepted = len(slack.messages)
    print(f"\nkilled with post {kill_at} of {len(CHANNELS)} in flight; {accepted} accepted before")
    assert accepted == kill_at - 1
    assert (await consistency(db)).ok
    assert deliveries(db)["sent"] == accepted

    slack.on_post = None
    await bot.start()
    await wait_for(lambda: len(slack.messages) >= len(CHANNELS), 30, "every channel's briefing")
    await asyncio.sleep(1.0)  # time enough for a wrong second post to show up
    assert await bot.stop() == 0
    assert Counter(m["channel"] for m in slack.messages) == Counter(CHANNELS)  # once each
    assert deliveries(db) == Counter({"sent": len(CHANNELS)})
    assert (await consistency(db)).ok
