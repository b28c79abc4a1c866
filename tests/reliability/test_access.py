"""Access: only admins change subscriptions and feeds, on each platform through the real adapter
and the real engine; a workspace cannot touch another's subscriptions; and a user who floods the
bot with commands is slowed down without slowing anyone else."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.discord_bot import DiscordPlatform
from adapters.slack_app import SlackPlatform
from adapters.slack_app.admin import admin_here
from bot.answer.model import Conversation
from bot.engine import Engine
from bot.ratelimit import RateLimiter
from tests.fakes.discord_api import MANAGE_CHANNELS, MANAGE_GUILD, USER_ID, FakeDiscord
from tests.fakes.slack_api import FakeSlack
from tests.reliability.chat_support import (
    SLACK_TOKEN,
    discord_reply,
    discord_settings,
    slack_settings,
    slack_text,
    slash,
)

SUBSCRIBE = "subscribe daily at 08:00 UTC"
ADD_FEED = "subscribe feed https://news.example/rss"
NOT_ALLOWED = "Only workspace or server admins"
SLOW_DOWN = "sending commands faster than I can answer"


# -- Slack ------------------------------------------------------------------------------------


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=SLACK_TOKEN).start()
    server.users = {
        "UMEMBER": {"is_admin": False, "is_owner": False},
        "UADMIN": {"is_admin": True},
        "UOWNER": {"is_owner": True, "is_admin": False},
        # A Slack Connect user: admin of their own organisation, seen through a shared channel.
        "UCONNECT": {"is_admin": True, "team_id": "T0ELSEWHERE", "is_stranger": True},
    }
    yield server
    await server.stop()


@pytest.fixture
async def slack(fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[SlackPlatform]:
    settings = slack_settings(fake_slack, tmp_path / "briefbot.db", BRIEFBOT_ADMINS="ULISTED")
    async with await Engine.open(settings, load_model=False) as engine:
        platform = SlackPlatform(engine, settings)
        await platform.connect()
        yield platform
        await platform.disconnect()


@pytest.mark.parametrize("command", [SUBSCRIBE, ADD_FEED, "pause 1", "resume 1", "unsubscribe 1"])
async def test_a_slack_member_cannot_change_subscriptions_or_feeds(
    slack, fake_slack, command
) -> None:
    reply = await slash(slack, fake_slack, command, user="UMEMBER")
    assert NOT_ALLOWED in slack_text(reply)
    assert reply["response_type"] == "ephemeral"  # the refusal is shown to the asker only
    listed = slack_text(await slash(slack, fake_slack, "subscriptions", user="UADMIN"))
    assert "No scheduled briefings here yet" in listed and "Feed #" not in listed


async def test_a_slack_connect_admin_of_another_organisation_is_not_an_admin_here(
    slack, fake_slack
) -> None:
    reply = await slash(slack, fake_slack, SUBSCRIBE, user="UCONNECT")
    assert NOT_ALLOWED in slack_text(reply)


@pytest.mark.parametrize("user", ["UADMIN", "UOWNER", "ULISTED"])
async def test_slack_admins_owners_and_listed_ids_may_subscribe(slack, fake_slack, user) -> None:
    reply = await slash(slack, fake_slack, SUBSCRIBE, user=user)
    assert "Subscribed: briefing #1" in slack_text(reply)
    feed = await slash(slack, fake_slack, ADD_FEED, user=user)
    assert "Feed #1 registered" in slack_text(feed)


async def test_another_workspace_cannot_see_or_change_this_workspaces_subscription(
    slack, fake_slack
) -> None:
    assert "#1" in slack_text(await slash(slack, fake_slack, SUBSCRIBE, user="UADMIN"))
    # The same app, a validly signed request, an admin -- but of workspace T0OTHER.
    fake_slack.users["UOTHERADMIN"] = {"is_admin": True, "team_id": "T0OTHER"}
    for command in ("pause 1", "unsubscribe 1", "resume 1"):
        reply = await slash(slack, fake_slack, command, user="UOTHERADMIN", team="T0OTHER")
        assert "There is no scheduled briefing #1 in this workspace" in slack_text(reply)
    theirs = slack_text(
        await slash(slack, fake_slack, "subscriptions", user="UOTHERADMIN", team="T0OTHER")
    )
    assert "No scheduled briefings here yet" in theirs
    ours = slack_text(await slash(slack, fake_slack, "subscriptions", user="UADMIN"))
    assert "#1" in ours and "active" in ours  # untouched


def test_slack_roles_count_only_in_the_users_own_workspace() -> None:
    assert admin_here({"is_admin": True, "team_id": "T1"}, "T1")
    assert not admin_here({"is_admin": True, "team_id": "T2"}, "T1")
    assert admin_here(
        {"is_owner": True, "team_id": "T2", "enterprise_user": {"teams": ["T1", "T2"]}}, "T1"
    )
    assert not admin_here({"is_admin": True, "team_id": "T1", "is_restricted": True}, "T1")
    assert not admin_here({"team_id": "T1"}, "T1")


# -- Discord ----------------------------------------------------------------------------------


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    server = await FakeDiscord().start()
    yield server
    await server.stop()


@pytest.fixture
async def discord(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[DiscordPlatform]:
    settings = discord_settings(fake_discord, tmp_path / "briefbot.db", BRIEFBOT_ADMINS="4242")
    async with await Engine.open(settings, load_model=False) as engine:
        platform = DiscordPlatform(engine, settings, guild_ready_timeout=0.05)
        await asyncio.wait_for(platform.connect(), 20)
        yield platform
        await platform.disconnect()


@pytest.mark.parametrize("command", [SUBSCRIBE, ADD_FEED, "pause 1", "unsubscribe 1"])
async def test_a_discord_member_without_manage_rights_is_refused(
    discord, fake_discord, command
) -> None:
    reply = await discord_reply(fake_discord, await fake_discord.brief(command))
    assert reply["embeds"][0]["footer"]["text"].startswith(NOT_ALLOWED)
    assert reply["flags"] & 64  # ephemeral


@pytest.mark.parametrize(
    ("permissions", "user"),
    [(MANAGE_GUILD, USER_ID), (MANAGE_CHANNELS, USER_ID), (0, "4242")],
    ids=["manage-server", "manage-channels", "BRIEFBOT_ADMINS"],
)
async def test_discord_managers_and_listed_ids_may_subscribe(
    discord, fake_discord, permissions, user
) -> None:
    sent = await fake_discord.brief(SUBSCRIBE, permissions=permissions or 1 << 11, user_id=user)
    reply = await discord_reply(fake_discord, sent)
    assert reply["embeds"][0]["title"].replace("\\", "") == "Subscribed: briefing #1"


# -- rate limiting ----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_token_bucket_allows_a_burst_then_the_steady_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(per_minute=30, burst=10, clock=clock)
    flooder, other = ("slack", "T1", "UFLOOD"), ("slack", "T1", "UCALM")
    allowed = 0
    for _ in range(100):  # 100 commands in one minute
        allowed += limiter.take(flooder) == 0.0
        clock.now += 0.6
    assert 35 <= allowed <= 41  # the burst of 10 plus 30 a minute, not 100
    assert limiter.take(other) == 0.0  # everybody else is served
    wait = limiter.take(flooder)
    assert 0 < wait <= 2.0  # and the flooder is told how long to wait


def test_the_limiter_tracks_a_bounded_number_of_users() -> None:
    limiter = RateLimiter(per_minute=30, burst=2, clock=Clock(), max_tracked=1000)
    for n in range(50_000):
        limiter.take(("discord", "g", str(n)))
    assert len(limiter) == 1000


def test_a_zero_rate_turns_the_limit_off() -> None:
    limiter = RateLimiter(per_minute=0, burst=1)
    assert all(limiter.take(("slack", "T", "U")) == 0.0 for _ in range(500))


async def test_the_engine_slows_a_flooding_user_and_serves_the_others(tmp_path) -> None:
    settings = slack_settings(
        FakeSlack(), tmp_path / "b.db", BRIEFBOT_RATE_PER_MINUTE=30, BRIEFBOT_RATE_BURST=10
    )
    async with await Engine.open(settings, load_model=False) as engine:
        flooder = Conversation("slack", "T1", "C1", "UFLOOD")
        answers = [await engine.answer("help", flooder) for _ in range(100)]
        slowed = [a for a in answers if a.intent == "slow_down"]
        assert 85 <= len(slowed) <= 90  # all but the burst (and what trickled back meanwhile)
        assert all(not a.ok and SLOW_DOWN in (a.note or "") for a in slowed)
        assert "Please wait 2 seconds" in (slowed[0].note or "")
        # Another user, and the same user id in another workspace, are still answered.
        assert (
            await engine.answer("help", Conversation("slack", "T1", "C1", "UCALM"))
        ).intent == "help"
        assert (
            await engine.answer("help", Conversation("slack", "T2", "C1", "UFLOOD"))
        ).intent == "help"
        # The operator at the console or the CLI is never limited.
        for platform in ("console", "cli"):
            local = Conversation(platform, "local", platform, "local")
            assert all([(await engine.answer("help", local)).intent == "help" for _ in range(50)])


async def test_a_flooding_slack_user_gets_a_polite_slow_down_through_the_adapter(
    fake_slack, tmp_path
) -> None:
    settings = slack_settings(fake_slack, tmp_path / "b.db", BRIEFBOT_RATE_BURST=5)
    async with await Engine.open(settings, load_model=False) as engine:
        platform = SlackPlatform(engine, settings)
        await platform.connect()
        try:
            replies = [await slash(platform, fake_slack, "help", user="UFLOOD") for _ in range(8)]
            calm = await slash(platform, fake_slack, "help", user="UCALM")
        finally:
            await platform.disconnect()
    texts = [slack_text(r) for r in replies]
    assert [SLOW_DOWN in t for t in texts] == [False] * 5 + [True] * 3
    assert all(r["response_type"] == "ephemeral" for r in replies[5:])  # only the flooder sees it
    assert "Briefbot commands" in slack_text(calm)
