"""Fixtures for watches: the seeded database, the real engine and extractor, the fake Slack and
the real Slack adapter posting to it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.slack_app.platform import SlackPlatform
from bot.config import Settings
from bot.engine import Engine
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.watch.helpers import TEAM, TOKEN


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=TOKEN, team_id=TEAM).start()
    yield server
    await server.stop()


@pytest.fixture
def settings(seeded_db: Path, fake_slack: FakeSlack) -> Settings:
    # No per-user command budget: these tests type many commands as one admin.
    return make_settings(
        seeded_db,
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_API_URL=fake_slack.api_url,
        BRIEFBOT_RATE_PER_MINUTE=0,
    )


@pytest.fixture
async def engine(settings: Settings, extractor) -> AsyncIterator[Engine]:
    opened = await Engine.open(settings, load_model=False)
    opened._extractor = extractor  # the session's model: loaded once for the whole suite
    async with opened:
        yield opened


@pytest.fixture
async def slack(engine: Engine, settings: Settings) -> AsyncIterator[SlackPlatform]:
    platform = SlackPlatform(engine, settings)
    yield platform
    await platform.disconnect()
