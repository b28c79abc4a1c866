"""The Slack load driver shared by the load test and `bench/load_slack.py`.

What `briefbot run slack` runs, in one process: the engine with its model, the real Bolt app in
HTTP mode on 127.0.0.1, replies to the fake Slack's response_url; and, on the same engine and so
the same database writer, a bulk ingest as the feed poller would run one. Clients post signed
`/brief` commands concurrently and time each HTTP 200 (Slack's `ack`).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from adapters.slack_app.commands import SORRY, TOO_SLOW
from adapters.slack_app.platform import EVENTS_PATH, SlackPlatform
from bot.engine import Engine
from tests.fakes.slack_api import FakeSlack
from tests.reliability.support import command_body, percentile, signed_headers

QUERIES = (
    "brief",
    "latest talks",
    "who said what",
    "what did Lavrov say",
    "talks with Turkey",
    "help",
    "more",
)
USERS = 200  # 1,000 commands from 200 people: 5 each, inside the per-user burst


class Records(logging.Handler):
    """Every log line at warning and above, to look for "database is locked" and failures."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text += f" {type(record.exc_info[1]).__name__}: {record.exc_info[1]}"
        self.lines.append(f"{record.levelname} {record.name} {text}")


@dataclass
class LoadResult:
    commands: int
    clients: int
    statuses: list[int] = field(default_factory=list)
    ack_seconds: list[float] = field(default_factory=list)
    replies: int = 0
    apologies: int = 0
    locked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stored_before: int = 0  # articles the ingest had stored when the first command was sent
    stored_during: int = 0  # ... and while the commands were being sent and answered
    wall_seconds: float = 0.0

    @property
    def acked(self) -> int:
        return sum(1 for s in self.statuses if s == 200)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.ack_seconds) * 1000

    @property
    def p99_ms(self) -> float:
        return percentile(self.ack_seconds, 0.99) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.ack_seconds) * 1000

    def table(self) -> str:
        rows = [
            ("commands sent", f"{self.commands} from {self.clients} concurrent clients"),
            ("acked (HTTP 200)", f"{self.acked}"),
            ("replies delivered", f"{self.replies} ({self.apologies} apologies)"),
            ("ack median", f"{self.median_ms:.1f} ms"),
            ("ack p99", f"{self.p99_ms:.1f} ms"),
            ("ack max", f"{self.max_ms:.1f} ms"),
            ("'database is locked'", f"{len(self.locked)}"),
            (
                "articles ingested meanwhile",
                f"{self.stored_during} (plus {self.stored_before} before)",
            ),
            ("wall time", f"{self.wall_seconds:.1f} s"),
        ]
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


async def _client(
    session: aiohttp.ClientSession,
    url: str,
    fake: FakeSlack,
    numbers: itertools.count,
    total: int,
    result: LoadResult,
) -> None:
    while (n := next(numbers)) < total:
        body = command_body(
            fake.response_url(str(n)), QUERIES[n % len(QUERIES)], user=f"U{n % USERS:05d}"
        )
        started = time.perf_counter()
        async with session.post(url, data=body, headers=signed_headers(body)) as response:
            await response.read()
        result.ack_seconds.append(time.perf_counter() - started)
        result.statuses.append(response.status)


async def slash_load_during_ingest(
    engine: Engine,
    platform: SlackPlatform,
    fake: FakeSlack,
    corpus: Path,
    *,
    commands: int = 1000,
    clients: int = 20,
    reply_timeout: float = 120.0,
) -> LoadResult:
    """Start a bulk ingest, then send `commands` from `clients` while it writes; wait for
    replies."""
    result = LoadResult(commands, clients)
    records = Records()
    logging.getLogger().addHandler(records)
    stored = 0

    def count(kind: str, origin: str, detail: str) -> None:
        nonlocal stored
        stored += kind == "added"

    ingest = asyncio.create_task(engine.ingest([corpus], on_result=count))
    try:
        while stored == 0 and not ingest.done():  # the writer is busy from here on
            await asyncio.sleep(0.05)
        result.stored_before = stored
        started = time.perf_counter()
        url = f"http://127.0.0.1:{platform.port}{EVENTS_PATH}"
        numbers = itertools.count()
        connector = aiohttp.TCPConnector(limit=clients)
        async with aiohttp.ClientSession(connector=connector) as session:
            await asyncio.gather(
                *(_client(session, url, fake, numbers, commands, result) for _ in range(clients))
            )
        await asyncio.wait_for(platform.tasks.drain(), reply_timeout)
        result.wall_seconds = time.perf_counter() - started
        result.stored_during = stored - result.stored_before
        await ingest
    finally:
        logging.getLogger().removeHandler(records)
        if not ingest.done():
            ingest.cancel()
    texts = [str(r.get("text", "")) for r in fake.responses]
    result.replies = len(fake.responses)
    result.apologies = sum(1 for t in texts if t in (SORRY, TOO_SLOW))
    result.warnings = records.lines
    result.locked = [t for t in [*texts, *records.lines] if "locked" in t.lower()]
    return result
