"""Answers keep flowing while a bulk ingest writes: 1,000 signed `/brief` commands from 20
concurrent clients through the real Slack HTTP endpoint, against the fake Slack Web API.

The test asserts correctness only: every command acked, every reply delivered, none refused with
"database is locked", and the ingest finished whole. The figures (median and p99 time to ack)
are printed here with `pytest -s`, and by `bench/load_slack.py`, which is where timings belong.
The one time bound is Slack's own: an ack later than 3 seconds is an error shown to the user.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.slack_app.platform import SlackPlatform
from bot.config import Settings
from bot.engine import Engine
from tests.fakes.slack_api import FakeSlack
from tests.reliability.load import slash_load_during_ingest
from tests.reliability.support import consistency, write_corpus

pytestmark = pytest.mark.heavy

COMMANDS = 1000
CLIENTS = 20
ARTICLES = 60
SLACK_ACK_LIMIT = 3.0  # seconds


@pytest.fixture
async def running(
    http_settings: Settings, extractor
) -> AsyncIterator[tuple[Engine, SlackPlatform]]:
    engine = await Engine.open(http_settings, load_model=False)
    engine._extractor = extractor
    platform = SlackPlatform(engine, http_settings)
    await platform.connect()
    yield engine, platform
    await platform.disconnect()
    await engine.close()


async def test_a_thousand_commands_from_twenty_clients_are_all_answered_during_a_bulk_ingest(
    running: tuple[Engine, SlackPlatform], slack_api: FakeSlack, tmp_path: Path
) -> None:
    engine, platform = running
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES)

    result = await slash_load_during_ingest(
        engine, platform, slack_api, corpus, commands=COMMANDS, clients=CLIENTS
    )
    print(f"\n{result.table()}")

    assert result.acked == COMMANDS, sorted(set(result.statuses))
    assert result.replies == COMMANDS, f"{COMMANDS - result.replies} replies lost"
    assert slack_api.rejected == []
    assert result.locked == []
    assert result.apologies == 0, result.warnings[:5]
    assert result.max_ms < SLACK_ACK_LIMIT * 1000
    assert result.stored_during > 0, "the ingest should still be writing while commands arrive"
    assert await engine.store.count_articles() == 1 + ARTICLES  # the seed article, then the corpus
    assert (await consistency(engine.store.path)).ok
