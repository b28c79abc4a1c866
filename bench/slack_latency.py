"""Benchmark: how fast `/brief` is acked and answered, against the local fake Slack.

    .venv/bin/python bench/slack_latency.py [--requests 100] [--scripted]

Runs the real Bolt app in HTTP mode on 127.0.0.1 with the real engine on a temporary database
holding seeds/ (or, with --scripted, a canned answer, to see the adapter's own overhead), sends
signed slash commands one after another, and prints the median time from sending the request to
the ack (Slack's 3-second limit) and to the answer arriving at the fake's response_url.
Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script run from anywhere: import the project and its test fakes

from adapters.slack_app import SlackPlatform  # noqa: E402
from bot.answer.model import Answer, Citation, Conversation, Item, Section  # noqa: E402
from bot.config import Settings  # noqa: E402
from tests.fakes.slack_api import RESPONSE_URL, FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench"
QUERIES = ["latest talks", "who said what", "what did Lavrov say", "brief"]


class CannedEngine:
    async def answer(self, query: str, conversation: Conversation | None = None) -> Answer:
        item = Item(
            "Russia and United States: talks in Istanbul",
            "Embassy operations.",
            citations=[Citation("Russia-US talks commence", "Caliber.Az", "2025-02-27")],
        )
        return Answer(query, "latest_talks", "Latest talks", [Section("Talks", [item])])


def signed(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }


def command(fake: FakeSlack, text: str, n: int) -> bytes:
    fields = {
        "team_id": fake.team_id,
        "channel_id": "C0BENCH",
        "user_id": "U0BENCH",
        "command": "/brief",
        "text": text,
        "response_url": fake.response_url(str(n)),
        "trigger_id": f"{n}.1",
    }
    return urlencode(fields).encode()


async def one(
    session: aiohttp.ClientSession, url: str, slack: SlackPlatform, fake: FakeSlack, n: int
) -> tuple[float, float]:
    """Seconds from sending the request to its ack, and to its answer reaching response_url."""
    body = command(fake, QUERIES[n % len(QUERIES)], n)
    headers = signed(body)
    before = len(fake.called(RESPONSE_URL))
    start = time.perf_counter()
    async with session.post(url, data=body, headers=headers) as response:
        await response.read()
        acked = time.perf_counter()
        if response.status != 200:
            raise SystemExit(f"request {n}: HTTP {response.status}")
    await slack.tasks.drain()
    posts = fake.called(RESPONSE_URL)[before:]
    if not posts or not fake.responses:
        raise SystemExit(f"request {n}: no answer posted (rejected: {fake.rejected})")
    return acked - start, posts[-1].at - start


async def open_engine(settings: Settings, scripted: bool) -> Any:
    if scripted:
        return CannedEngine()
    from bot.engine import Engine

    engine = await Engine.open(settings)
    await engine.ingest([ROOT / "seeds"])
    return engine


async def main(requests: int, scripted: bool) -> None:
    fake = await FakeSlack(bot_token=TOKEN, users={"U0BENCH": {"is_admin": False}}).start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,
            BRIEFBOT_DB=Path(tmp) / "bench.db",
            BRIEFBOT_HTTP_PORT=0,
            SLACK_BOT_TOKEN=TOKEN,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_APP_TOKEN=None,
            SLACK_API_URL=fake.api_url,
        )
        engine = await open_engine(settings, scripted)
        slack = SlackPlatform(engine, settings)
        await slack.connect()
        url = f"http://127.0.0.1:{slack.port}/slack/events"
        try:
            async with aiohttp.ClientSession() as session:
                await one(session, url, slack, fake, -1)  # warm-up: auth.test, users.info, caches
                results = [await one(session, url, slack, fake, n) for n in range(requests)]
        finally:
            await slack.disconnect()
            if hasattr(engine, "close"):
                await engine.close()
            await fake.stop()
    report(results, "canned answers" if scripted else "real engine, seeds/")


def report(results: list[tuple[float, float]], engine: str) -> None:
    acks = sorted(r[0] * 1000 for r in results)
    posts = sorted(r[1] * 1000 for r in results)

    def p90(values: list[float]) -> float:
        return values[int(0.9 * (len(values) - 1))]

    print(f"/brief over {len(results)} sequential requests ({engine}, fake Slack on 127.0.0.1)")
    print(
        f"  request -> ack:             median {statistics.median(acks):7.1f} ms   p90 "
        f"{p90(acks):7.1f} ms"
    )
    print(
        f"  request -> answer posted:   median {statistics.median(posts):7.1f} ms   p90 "
        f"{p90(posts):7.1f} ms"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument(
        "--scripted", action="store_true", help="canned answers instead of the engine"
    )
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.scripted))
