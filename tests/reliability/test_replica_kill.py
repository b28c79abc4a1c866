"""Killing a replica mid-delivery neither loses nor doubles a briefing.

Two `briefbot run slack` processes (the real CLI) on one PostgreSQL store, against the fake Slack
in this test's event loop, with a short lease. An hourly briefing is due the moment they start;
the fake Slack never answers one chat.postMessage of it (the headline, or the thread reply after
the headline was accepted), so the replica that claimed the slot is stuck mid-delivery. That
replica (the delivery row's owner) is killed with SIGKILL. The survivor then takes the slot over
and posts it; the killed one, restarted, posts nothing more. Exactly one headline and one thread
reply reach the channel, and the slot's row ends `sent`, owned by the survivor.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.schedule.clock import to_db
from bot.store.location import PostgresLocation
from bot.store.schedule_store import Delivery, NewSubscription, ScheduleStore
from tests.fakes.slack_api import FakeSlack
from tests.reliability.support import (
    TEAM,
    SlackBotProcess,
    briefbot,
    hourly_cron_half_an_hour_off,
    wait_for,
)

pytestmark = pytest.mark.heavy

ADMIN = "U0ADMIN"
CHANNEL = "C0DESK"
LEASE = "4"  # seconds: BRIEFBOT_DELIVERY_LEASE_SECONDS
WAKE = "1"  # seconds: BRIEFBOT_SCHEDULER_WAKE_SECONDS, the longest sleep between passes


class Replica(SlackBotProcess):
    """`briefbot run slack`; two starting at once on two busy cores may answer /healthz late.
    Its log goes to `log` (appended to across restarts), for a failure's report."""

    log: Path

    async def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = await asyncio.create_subprocess_exec(
                *briefbot("run", "slack"), env=self.env, cwd=self.cwd, stdout=log, stderr=log
            )
        await wait_for(self.healthy, 60, "/healthz to answer 200")

    async def healthy(self) -> bool:
        try:
            return await super().healthy()
        except TimeoutError:
            return False


async def _with_store(db: PostgresLocation, work):
    store = await ScheduleStore.open(db)
    try:
        return await work(store)
    finally:
        await store.close()


async def _hourly_briefing_created_two_hours_ago(db: PostgresLocation) -> int:
    """An hourly briefing whose latest slot was missed: due at once on start."""
    cron = hourly_cron_half_an_hour_off()
    new = NewSubscription("slack", TEAM, CHANNEL, ADMIN, cron, "hourly", "UTC", None)
    since = to_db(datetime.now(UTC) - timedelta(hours=2))
    return await _with_store(db, lambda store: store.add_subscription(new, since))


async def _deliveries(db: PostgresLocation, subscription_id: int) -> list[Delivery]:
    return await _with_store(db, lambda store: store.deliveries(subscription_id))


@pytest.mark.parametrize("stuck", ["headline", "thread reply"])
async def test_a_replica_killed_mid_delivery_neither_loses_nor_doubles_the_briefing(
    slack_api: FakeSlack, shared_seeded_db: PostgresLocation, tmp_path, stuck: str
) -> None:
    slack, shared_db = slack_api, shared_seeded_db
    subscription = await _hourly_briefing_created_two_hours_ago(shared_db)
    # The headline is the slot's first chat.postMessage, its thread reply the second.
    slack.hang("chat.postMessage", call=1 if stuck == "headline" else 2)
    settings = {
        "BRIEFBOT_DELIVERY_LEASE_SECONDS": LEASE,
        "BRIEFBOT_SCHEDULER_WAKE_SECONDS": WAKE,
    }
    replicas = [Replica(shared_db, slack.api_url, ADMIN, **settings) for _ in range(2)]
    for n, replica in enumerate(replicas):
        replica.cwd = tmp_path  # files beside the database (charts) go to the test's folder
        replica.log = tmp_path / f"replica{n}.log"

    def posted() -> list[dict]:
        return [m for m in slack.messages if m["channel"] == CHANNEL]

    def headlines() -> list[dict]:
        return [m for m in posted() if "thread_ts" not in m]

    def replies() -> list[dict]:
        return [m for m in posted() if "thread_ts" in m]

    await asyncio.gather(*(replica.start() for replica in replicas))
    try:
        # The owner is stuck: its request is in, unanswered.
        target = 1 if stuck == "headline" else 2
        await wait_for(lambda: len(slack.called("chat.postMessage")) >= target, 60, "the post")
        [row] = await _deliveries(shared_db, subscription)
        assert row.state == "pending" and row.owner is not None, row
        owner_pid = int(row.owner.rsplit(":", 2)[1])
        [victim] = [r for r in replicas if r.proc is not None and r.proc.pid == owner_pid]
        [survivor] = [r for r in replicas if r is not victim]
        assert len(headlines()) == (0 if stuck == "headline" else 1)
        victim.kill()
        assert victim.proc is not None
        await victim.proc.wait()
        killed_at = time.monotonic()

        await wait_for(lambda: replies(), 30, "the survivor to post the briefing")
        taken_over_in = time.monotonic() - killed_at
        # The killed replica comes back: its first pass finds the slot sent and posts nothing.
        await victim.start()
        await asyncio.sleep(3 * float(WAKE) + 2)  # several passes of both replicas
    finally:
        codes = [await replica.stop() for replica in replicas]
    assert codes[replicas.index(survivor)] == 0
    assert len(headlines()) == 1, headlines()
    assert len(replies()) == 1, replies()
    assert replies()[0]["thread_ts"] == headlines()[0]["ts"]
    [row] = await _deliveries(shared_db, subscription)
    assert row.state == "sent", row
    assert row.owner is not None and int(row.owner.rsplit(":", 2)[1]) == survivor.proc.pid
    assert row.message_id == headlines()[0]["ts"]
    assert taken_over_in < 20, taken_over_in
