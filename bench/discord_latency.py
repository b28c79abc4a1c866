"""Benchmark: time from INTERACTION_CREATE to the first interaction callback, against a fake
Discord.

    .venv/bin/python bench/discord_latency.py [--interactions 100] [--scripted] [--grace SECONDS]

Runs the real discord.py client (login, command sync, gateway) against the local fake Discord on
127.0.0.1, with the real engine on a temporary database holding seeds/ (or, with --scripted, a
canned answer, to see the adapter's own overhead). It sends `/brief` interactions one after
another over the gateway and prints the median (and p95) time from sending INTERACTION_CREATE to
the first callback arriving at the fake (Discord's 3-second limit), and to the full answer (the
callback itself, or the follow-up after a deferral). `--grace 0` defers every interaction at once.
Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script run from anywhere: import the project and its test fakes

from adapters.discord_bot import DiscordPlatform  # noqa: E402
from adapters.discord_bot.commands import ANSWER_GRACE  # noqa: E402
from bot.answer.model import Answer, Citation, Conversation, Item, Section  # noqa: E402
from bot.config import Settings  # noqa: E402
from tests.fakes.discord_api import TOKEN, FakeDiscord, message_errors  # noqa: E402

QUERIES = ["latest talks", "who said what", "what did Lavrov say", "brief"]


class CannedEngine:
    async def answer(self, query: str, conversation: Conversation | None = None) -> Answer:
        item = Item(
            "Russia and United States: talks in Istanbul",
            "Embassy operations.",
            citations=[Citation("Russia-US talks", "Caliber.Az", "2025-02-27", "https://x.test/")],
        )
        return Answer(query, "latest_talks", "Latest talks", [Section("Talks", [item])])

    async def suggestions(self, prefix: str, limit: int = 25) -> list[str]:
        return []


def ms(seconds: list[float], quantile: float) -> str:
    ordered = sorted(seconds)
    value = ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]
    return f"{value * 1000:.1f} ms"


async def measure(
    engine: object, settings: Settings, fake: FakeDiscord, count: int, grace: float
) -> None:
    platform = DiscordPlatform(
        engine,  # type: ignore[arg-type]
        settings,
        grace=grace,
        guild_ready_timeout=0.05,
    )
    await platform.connect()
    first: list[float] = []
    full: list[float] = []
    deferred = 0
    try:
        for n in range(count):
            sent = await fake.brief(QUERIES[n % len(QUERIES)])
            callback = await fake.callback(sent, timeout=30)
            first.append(callback.at - sent.sent_at)
            if callback.body["type"] == 5:
                deferred += 1
                reply = await fake.followup(sent, timeout=120)
                full.append(reply.at - sent.sent_at)
                body = reply.body
            else:
                full.append(callback.at - sent.sent_at)
                body = callback.body["data"]
            if errors := message_errors(body):
                raise SystemExit(f"Discord would reject the answer to {sent.id}: {errors}")
    finally:
        await platform.disconnect()
    print(f"interactions: {count} (deferred: {deferred})")
    print(
        f"INTERACTION_CREATE -> first callback: median {statistics.median(first) * 1000:.1f} ms, "
        f"p95 {ms(first, 0.95)}"
    )
    print(
        f"INTERACTION_CREATE -> full answer:    median {statistics.median(full) * 1000:.1f} ms, "
        f"p95 {ms(full, 0.95)}"
    )


async def main(count: int, scripted: bool, grace: float) -> None:
    fake = await FakeDiscord().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(
                _env_file=None,
                BRIEFBOT_DB=Path(tmp) / "briefbot.db",
                DISCORD_TOKEN=TOKEN,
                DISCORD_API_BASE=fake.api_base,
                DISCORD_GATEWAY_URL=fake.gateway_url,
            )
            if scripted:
                await measure(CannedEngine(), settings, fake, count, grace)
                return
            from bot.engine import Engine

            async with await Engine.open(settings) as engine:
                await engine.ingest([ROOT / "seeds"])
                await measure(engine, settings, fake, count, grace)
    finally:
        await fake.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=100)
    parser.add_argument("--scripted", action="store_true", help="a canned answer, no engine")
    parser.add_argument(
        "--grace", type=float, default=ANSWER_GRACE, help="seconds before deferring"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("discord").setLevel(logging.ERROR)  # voice-support warnings are noise here
    asyncio.run(main(args.interactions, args.scripted, args.grace))
