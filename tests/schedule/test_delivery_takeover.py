"""A slot left pending by a sender that died is taken over once its lease runs out, and finished
without doubling what was already posted: a threaded briefing whose headline was accepted gets
its thread reply under that headline, not a second headline. (Two real replicas, one killed:
tests/reliability/test_replica_kill.py.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.slack_app.platform import SlackPlatform
from bot.answer.model import Answer
from bot.engine import Engine
from bot.schedule.delivery import Deliverer
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.schedule.helpers import FAST, TOKEN, command


class Killed(BaseException):
    """The process dies here: nothing after it runs, not even the pass's error handling."""


@pytest.fixture
async def seeded(seeded_db: Path, fake_slack: FakeSlack) -> AsyncIterator[Engine]:
    settings = make_settings(seeded_db, SLACK_BOT_TOKEN=TOKEN, SLACK_API_URL=fake_slack.api_url)
    async with await Engine.open(settings, load_model=False) as engine:
        yield engine


async def test_a_slot_whose_sender_died_after_the_headline_is_finished_under_that_headline(
    seeded: Engine, fake_slack: FakeSlack
) -> None:
    now = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    await command(
        seeded,
        f"subscribe daily at {now - timedelta(minutes=30):%H:%M} UTC",
        now - timedelta(hours=2),
    )
    slack = SlackPlatform(seeded, seeded.settings)

    class DiesBeforeTheThreadReply:
        name = "slack"

        async def post_briefing(self, channel: str, answer: Answer, **thread: Any) -> str:
            if thread.get("reply_to"):
                raise Killed
            return await slack.post_briefing(channel, answer, **thread)

    schedule = await seeded.schedule_store()
    lease = FAST.with_lease(30)

    def deliverer(platform: Any, at: datetime) -> Deliverer:
        return Deliverer(
            schedule,
            seeded.answer_service(),
            {"slack": platform},
            seeded.settings,
            retry=lease,
            wall_clock=lambda: at,
        )

    try:
        first = deliverer(DiesBeforeTheThreadReply(), now)
        with pytest.raises(Killed):
            await first.run_pass(now)
        [headline] = fake_slack.messages
        [row] = await schedule.deliveries(1)
        assert (row.state, row.owner, row.message_id) == ("pending", first.owner, headline["ts"])

        # The owner still holds its lease (this process is alive): nobody else may send.
        early = deliverer(slack, now + timedelta(seconds=10))
        assert (await early.run_pass(now + timedelta(seconds=10))).outcomes == []
        # Once the lease has run out, another sender takes the slot over and finishes it.
        later = now + timedelta(seconds=31)
        report = await deliverer(slack, later).run_pass(later)
    finally:
        await slack.disconnect()
    assert [o.state for o in report.outcomes] == ["sent"]
    headline, reply = fake_slack.messages
    assert "thread_ts" not in headline and reply["thread_ts"] == headline["ts"]
    [row] = await schedule.deliveries(1)
    assert (row.state, row.message_id) == ("sent", headline["ts"])
