"""Shared helpers for the scheduling tests: constants, a clock-set command, message texts."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.answer.model import Answer, Conversation
from bot.answer.query import parse
from bot.engine import Engine
from bot.schedule.commands import SubscriptionCommands
from bot.schedule.delivery import RetryPolicy
from tests.fakes.slack_api import FakeSlack

TOKEN = "xoxb-test-token"
TEAM = "T0TEST"
CHANNEL = "C0BRIEF"
ADMIN = Conversation(
    platform="slack", workspace=TEAM, channel=CHANNEL, user="U0ADMIN", is_admin=True
)
MEMBER = Conversation(
    platform="slack", workspace=TEAM, channel=CHANNEL, user="U0MEMBER", is_admin=False
)
FAST = RetryPolicy(delays=(0.01, 0.01), send_timeout=5.0)  # the same code path, without the waiting


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


async def command(
    engine: Engine, text: str, at: datetime, conversation: Conversation = ADMIN
) -> Answer:
    """A chat command typed at a given time (subscriptions remember when they were made)."""
    commands = SubscriptionCommands(engine.schedule_store, engine.settings, clock=lambda: at)
    return await commands(parse(text), conversation)


def texts(fake: FakeSlack) -> list[str]:
    return [m.get("text", "") for m in fake.messages]
