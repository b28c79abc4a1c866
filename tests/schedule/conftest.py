"""Fixtures for scheduled briefings: a fresh database, the fake Slack and its platform."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.slack_app.platform import SlackPlatform
from bot.config import Settings
from bot.engine import Engine
from bot.store.location import Location
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.schedule.helpers import TEAM, TOKEN


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=TOKEN, team_id=TEAM).start()
    yield server
    await server.stop()


@pytest.fixture
def settings(fresh_db: Location, fake_slack: FakeSlack) -> Settings:
    """A new database of each backend in turn (tests/conftest.py: fresh_db)."""
    return make_settings(fresh_db, SLACK_BOT_TOKEN=TOKEN, SLACK_API_URL=fake_slack.api_url)


@pytest.fixture
async def engine(settings: Settings) -> AsyncIterator[Engine]:
    async with await Engine.open(settings, load_model=False) as opened:
        yield opened


@pytest.fixture
async def slack(engine: Engine, settings: Settings) -> AsyncIterator[SlackPlatform]:
    platform = SlackPlatform(engine, settings)
    yield platform
    await platform.disconnect()
