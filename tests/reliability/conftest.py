"""Fixtures for the crash, load and health tests: `slack_api` (the fake Slack Web API),
`http_settings` (HTTP mode against it) and `shared_seeded_db` (a PostgreSQL database holding the
seeds, for replicas to share). Named apart from other modules' own `fake_slack` fixtures."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.store.location import PostgresLocation
from tests.conftest import _create_database, make_settings
from tests.fakes.slack_api import FakeSlack
from tests.reliability.support import SECRET, TEAM, TOKEN


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=TOKEN, team_id=TEAM).start()
    yield server
    await server.stop()


@pytest.fixture
def http_settings(slack_api: FakeSlack, seeded_db: Path) -> Settings:
    """HTTP mode on a free loopback port, against the fake, on a copy of the seeded database."""
    return make_settings(
        seeded_db,
        BRIEFBOT_HTTP_HOST="127.0.0.1",
        BRIEFBOT_HTTP_PORT=0,
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=slack_api.api_url,
    )


@pytest.fixture
def shared_seeded_db(postgres_server, postgres_seeded_template) -> PostgresLocation:
    """The seed articles, ingested moments ago, in a database of their own for the replicas
    under test: a briefing has news, a question has an answer."""
    name = postgres_server.new_database_name("replicas")
    return _create_database(postgres_server, name, postgres_seeded_template)
