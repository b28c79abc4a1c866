"""Shared by the watch tests: who types the commands, and a watcher on the real Slack adapter."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.slack_app.platform import SlackPlatform
from bot.answer.model import Conversation
from bot.engine import Engine
from bot.schedule.clock import Clock, system_clock
from bot.watch.alerts import Watcher
from bot.watch.service import make_watcher
from tests.fakes.slack_api import FakeSlack

TOKEN = "xoxb-test-token"
TEAM = "T0TEST"
CHANNEL = "C0WATCH"
ADMIN = Conversation(
    platform="slack", workspace=TEAM, channel=CHANNEL, user="U0ADMIN", is_admin=True
)
MEMBER = Conversation(
    platform="slack", workspace=TEAM, channel=CHANNEL, user="U0MEMBER", is_admin=False
)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


async def watcher(engine: Engine, slack: SlackPlatform, clock: Clock = system_clock) -> Watcher:
    """A watcher as `briefbot run slack` makes it (a new one is a restarted process)."""
    return await make_watcher(engine, {"slack": slack}, engine.settings, clock=clock)


def posts(fake: FakeSlack) -> list[str]:
    """The fallback text of every message the bot posted to a channel, in order."""
    return [m.get("text", "") for m in fake.messages]
