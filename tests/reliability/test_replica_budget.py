"""Two replicas spend one user's command budget together.

Two `briefbot run slack` processes (the real CLI) on one PostgreSQL store, against the fake Slack in
this test's event loop, with a budget of 3 commands and a slow refill. One user's six commands go
to the two replicas in turn, as a round-robin load balancer sends them: three are answered and
three are asked to slow down, whichever replica each reached. A second user's budget is untouched.
"""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.store.location import PostgresLocation
from tests.fakes.slack_api import FakeSlack
from tests.reliability.support import command_body, signed_headers, wait_for
from tests.reliability.test_replica_kill import Replica

pytestmark = pytest.mark.heavy

ADMIN = "U0ADMIN"
BUDGET = {"BRIEFBOT_RATE_PER_MINUTE": "0.5", "BRIEFBOT_RATE_BURST": "3"}
SLOW_DOWN = "You're sending commands faster than I can answer them"


async def test_one_users_budget_is_spent_on_both_replicas_together(
    slack_api: FakeSlack, shared_seeded_db: PostgresLocation, tmp_path
) -> None:
    replicas = [Replica(shared_seeded_db, slack_api.api_url, ADMIN, **BUDGET) for _ in range(2)]
    for n, replica in enumerate(replicas):
        replica.cwd = tmp_path
        replica.log = tmp_path / f"replica{n}.log"
    await asyncio.gather(*(replica.start() for replica in replicas))
    try:
        async with aiohttp.ClientSession() as session:
            for n in range(6):  # round robin: 0, 1, 0, 1, ...
                body = command_body(slack_api.response_url(f"flood{n}"), "help", user="UFLOOD")
                url = replicas[n % 2].events_url
                async with session.post(url, data=body, headers=signed_headers(body)) as acked:
                    assert acked.status == 200
                await wait_for(lambda n=n: f"flood{n}" in slack_api.answered, 30, f"reply {n}")
            body = command_body(slack_api.response_url("calm"), "help", user="UCALM")
            async with session.post(
                replicas[1].events_url, data=body, headers=signed_headers(body)
            ) as acked:
                assert acked.status == 200
            await wait_for(lambda: "calm" in slack_api.answered, 30, "the other user's reply")
    finally:
        codes = [await replica.stop() for replica in replicas]
    assert codes == [0, 0]
    replies = dict(zip(slack_api.answered, slack_api.responses, strict=True))
    slowed = [name for name, reply in replies.items() if SLOW_DOWN in str(reply)]
    assert slowed == ["flood3", "flood4", "flood5"], slowed
    assert SLOW_DOWN not in str(replies["calm"])
