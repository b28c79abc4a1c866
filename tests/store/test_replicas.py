"""Two replicas on one PostgreSQL store: two `briefbot run slack` processes (the real CLI, against
the fake Slack in this test's event loop) both find the same scheduled briefing due the moment
they start, and it is posted once: the slot's delivery row is the claim, and only one insert of it
can win (its key is (subscription, slot) on both backends).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.schedule.clock import to_db
from bot.store.location import PostgresLocation
from bot.store.schedule_store import NewSubscription, ScheduleStore
from tests.conftest import _create_database
from tests.fakes.slack_api import FakeSlack
from tests.reliability.support import (
    TEAM,
    TOKEN,
    SlackBotProcess,
    hourly_cron_half_an_hour_off,
    wait_for,
)

pytestmark = pytest.mark.heavy

ADMIN = "U0ADMIN"
CHANNEL = "C0DESK"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=TOKEN, team_id=TEAM).start()
    yield server
    await server.stop()


@pytest.fixture
def shared_db(postgres_server, postgres_empty_template) -> PostgresLocation:
    name = postgres_server.new_database_name("replicas")
    return _create_database(postgres_server, name, postgres_empty_template)


class Replica(SlackBotProcess):
    """`briefbot run slack`; two starting at once on two busy cores may answer /healthz late."""

    async def healthy(self) -> bool:
        try:
            return await super().healthy()
        except TimeoutError:
            return False


async def _hourly_briefing_created_two_hours_ago(db: PostgresLocation, cron: str) -> int:
    """An hourly briefing whose latest slot was missed: due at once on start."""
    store = await ScheduleStore.open(db)
    try:
        new = NewSubscription("slack", TEAM, CHANNEL, ADMIN, cron, "hourly", "UTC", None)
        return await store.add_subscription(new, to_db(datetime.now(UTC) - timedelta(hours=2)))
    finally:
        await store.close()


async def _deliveries(db: PostgresLocation, subscription_id: int) -> list[tuple[str, str]]:
    store = await ScheduleStore.open(db)
    try:
        return [(d.slot_time, d.state) for d in await store.deliveries(subscription_id)]
    finally:
        await store.close()


async def test_two_replicas_starting_together_post_a_due_briefing_once(
    slack: FakeSlack, shared_db: PostgresLocation, tmp_path
) -> None:
    cron = hourly_cron_half_an_hour_off()
    subscription = await _hourly_briefing_created_two_hours_ago(shared_db, cron)
    replicas = [Replica(shared_db, slack.api_url, ADMIN) for _ in range(2)]
    for replica in replicas:
        replica.cwd = tmp_path  # files beside the database (charts) go to the test's folder

    def headlines() -> list[dict]:
        return [m for m in slack.messages if m["channel"] == CHANNEL and "thread_ts" not in m]

    await asyncio.gather(*(replica.start() for replica in replicas))
    try:
        await wait_for(lambda: headlines(), 60, "the briefing")
        await asyncio.sleep(3)  # both replicas' first delivery passes are over by now
    finally:
        codes = [await replica.stop() for replica in replicas]
    assert codes == [0, 0]
    assert len(headlines()) == 1, headlines()
    [(slot, state)] = await _deliveries(shared_db, subscription)
    assert state == "sent" and datetime.fromisoformat(slot).minute == int(cron.split()[0])
