"""A slash command acknowledged by a replica that is then killed is answered by the other.

Two `briefbot run slack` processes (the real CLI) on one PostgreSQL store, against the fake Slack
in this test's event loop. A `/brief` command reaches one replica, which acks it (Slack shows the
user nothing more until the reply) and is stuck posting the reply: the fake never accepts that
response_url post. The replica is killed with SIGKILL. The survivor finds the command its dead
owner held and answers it through the same response_url, once.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from bot.store.location import PostgresLocation
from tests.fakes.slack_api import RESPONSE_URL, FakeSlack
from tests.reliability.support import (
    command_body,
    signed_headers,
    wait_for,
)
from tests.reliability.test_replica_kill import Replica

pytestmark = pytest.mark.heavy

ADMIN = "U0ADMIN"
RESUME = "1"  # seconds: BRIEFBOT_COMMAND_RESUME_SECONDS


async def test_a_command_acked_by_a_killed_replica_is_answered_by_the_other_once(
    slack_api: FakeSlack, shared_seeded_db: PostgresLocation, tmp_path
) -> None:
    slack, shared_db = slack_api, shared_seeded_db
    replicas = [
        Replica(shared_db, slack.api_url, ADMIN, BRIEFBOT_COMMAND_RESUME_SECONDS=RESUME)
        for _ in range(2)
    ]
    for n, replica in enumerate(replicas):
        replica.cwd = tmp_path
        replica.log = tmp_path / f"replica{n}.log"
    victim, survivor = replicas
    slack.hang(RESPONSE_URL)  # the victim's reply never gets through
    await asyncio.gather(*(replica.start() for replica in replicas))
    try:
        body = command_body(slack.response_url("asked"), "latest talks")
        async with (
            aiohttp.ClientSession() as session,
            session.post(victim.events_url, data=body, headers=signed_headers(body)) as acked,
        ):
            assert acked.status == 200  # Slack was told the command was received
        await wait_for(lambda: slack.called(RESPONSE_URL), 60, "the victim's reply")
        assert slack.responses == []
        victim.kill()
        assert victim.proc is not None
        await victim.proc.wait()
        killed_at = time.monotonic()

        await wait_for(lambda: slack.responses, 30, "the survivor to answer the command")
        answered_in = time.monotonic() - killed_at
        await asyncio.sleep(3 * float(RESUME) + 1)  # several more passes: no second answer
    finally:
        codes = [await replica.stop() for replica in replicas]
    assert codes[1] == 0
    assert slack.answered == ["asked"]
    [reply] = slack.responses
    assert "Istanbul" in reply["text"] or "Istanbul" in str(reply.get("blocks")), reply
    assert answered_in < 20, answered_in
