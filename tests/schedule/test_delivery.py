"""Delivery passes against the fake Slack (and the fake Discord): each due slot posts once."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.discord_bot import DiscordPlatform
from adapters.slack_app.platform import SlackPlatform
from bot.answer.model import Answer, Conversation
from bot.engine import Engine
from bot.schedule.clock import from_db, to_db
from bot.schedule.service import deliver_pass, make_deliverer, run_scheduler
from tests.conftest import make_settings
from tests.fakes.discord_api import CHANNEL_ID, GUILD_ID, PNG_SIGNATURE, FakeDiscord
from tests.fakes.discord_api import TOKEN as DISCORD_TOKEN
from tests.fakes.slack_api import FakeSlack
from tests.schedule.helpers import ADMIN, CHANNEL, FAST, TOKEN, command, utc

T0 = utc(2025, 3, 28, 12, 0)  # Friday noon UTC, before the spring-forward of 30 March


async def deliver(engine: Engine, slack: SlackPlatform, now: datetime):
    return await deliver_pass(engine, {"slack": slack}, engine.settings, now, retry=FAST)


async def rows(engine: Engine, subscription_id: int = 1):
    return await (await engine.schedule_store()).deliveries(subscription_id)


# --- when -------------------------------------------------------------------------------------


class Stop(Exception):
    pass


async def test_the_scheduler_fires_at_08_00_berlin_on_both_sides_of_the_dst_change(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    now = T0
    posted_at: list[datetime] = []

    def clock() -> datetime:
        return now

    async def sleep(seconds: float) -> None:
        nonlocal now
        now += timedelta(seconds=seconds)
        if now > utc(2025, 4, 1, 12):
            raise Stop

    class Watched:
        name = "slack"

        async def post_briefing(self, channel: str, answer: Answer) -> str:
            posted_at.append(now)
            return await slack.post_briefing(channel, answer)

    with pytest.raises(Stop):
        await run_scheduler(
            engine,
            {"slack": Watched()},
            engine.settings,
            clock=clock,
            sleep=sleep,
            retry=FAST,
            max_wait=3600,
        )
    # 08:00 CET is 07:00 UTC; from Sunday 30 March 08:00 CEST is 06:00 UTC.
    expected = [utc(2025, 3, 29, 7), utc(2025, 3, 30, 6), utc(2025, 3, 31, 6), utc(2025, 4, 1, 6)]
    assert posted_at == expected
    assert [r.slot_time for r in await rows(engine)] == [to_db(t) for t in expected]
    assert len(fake_slack.messages) == 4


async def test_no_slot_before_the_subscription_was_made(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, "subscribe daily at 08:00", utc(2025, 3, 28, 8, 0, 30))
    assert (await deliver(engine, slack, utc(2025, 3, 28, 8, 1))).outcomes == []
    assert [o.state for o in (await deliver(engine, slack, utc(2025, 3, 29, 8, 0))).outcomes] == [
        "sent"
    ]
    assert len(fake_slack.messages) == 1


async def test_after_downtime_only_the_latest_missed_slot_and_only_while_it_is_recent(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, 'subscribe cron "0 */2 * * *"', T0)  # every two hours
    # Down from 12:00 to 21:30: slots 14, 16, 18, 20 missed; only 20:00 is posted, once.
    report = await deliver(engine, slack, utc(2025, 3, 28, 21, 30))
    assert [o.slot_time for o in report.outcomes] == [to_db(utc(2025, 3, 28, 20))]
    assert len(fake_slack.messages) == 1

    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0, ADMIN)
    # Back at 15:00 Berlin the next day: 08:00 is 7 hours old, past the 6-hour catch-up limit.
    report = await deliver(engine, slack, utc(2025, 3, 29, 14, 0))
    assert all(o.subscription_id == 1 for o in report.outcomes)
    assert await rows(engine, 2) == []


# --- once -------------------------------------------------------------------------------------


async def test_two_deliver_passes_for_the_same_slot_post_once(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    first = await deliver(engine, slack, utc(2025, 3, 29, 7, 0, 10))
    second = await deliver(engine, slack, utc(2025, 3, 29, 7, 5))
    assert [o.state for o in first.outcomes] == ["sent"] and second.outcomes == []
    assert len(fake_slack.messages) == 1
    [row] = await rows(engine)
    assert (row.state, row.message_id, row.attempts) == ("sent", fake_slack.messages[0]["ts"], 1)


async def test_two_processes_delivering_at_once_post_once(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    """`run`'s scheduler and a cron `deliver` racing for the same slot: the claim decides."""
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    one = await make_deliverer(engine, {"slack": slack}, engine.settings, retry=FAST)
    two = await make_deliverer(engine, {"slack": slack}, engine.settings, retry=FAST)
    now = utc(2025, 3, 29, 7, 0, 5)
    await asyncio.gather(one.run_pass(now), two.run_pass(now), one.run_pass(now))
    assert len(fake_slack.messages) == 1


# --- failures ---------------------------------------------------------------------------------


async def test_a_429_then_success_posts_once(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    fake_slack.rate_limit("chat.postMessage", times=1, retry_after=0)
    report = await deliver(engine, slack, utc(2025, 3, 29, 7, 0, 10))
    assert [o.state for o in report.outcomes] == ["sent"]
    assert len(fake_slack.called("chat.postMessage")) == 2
    assert len(fake_slack.messages) == 1


async def test_a_transient_failure_is_retried_within_the_slot(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    fake_slack.fail(
        "chat.postMessage", "internal_error", times=1
    )  # not one the adapter retries itself
    report = await deliver(engine, slack, utc(2025, 3, 29, 7, 0, 10))
    assert [(o.state, o.attempts) for o in report.outcomes] == [("sent", 2)]
    assert len(fake_slack.messages) == 1


async def test_when_every_attempt_fails_the_row_says_why_and_how_often(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    fake_slack.fail("chat.postMessage", "internal_error", times=3)
    await deliver(engine, slack, utc(2025, 3, 29, 7, 0, 10))
    [row] = await rows(engine)
    assert (row.state, row.attempts) == ("failed", 3)
    assert row.reason == "internal_error (gave up after 3 attempts)"
    assert (
        await (await engine.schedule_store()).subscription(1)
    ).state == "active"  # transient: not paused
    await deliver(engine, slack, utc(2025, 3, 29, 7, 30))
    assert fake_slack.messages == []  # a failed slot is closed; the next briefing covers its window


async def test_a_removed_channel_pauses_the_subscription_and_tells_its_creator_once(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    fake_slack.channel_errors[CHANNEL] = "channel_not_found"
    report = await deliver(engine, slack, utc(2025, 3, 29, 7, 0, 10))
    assert [(o.state, o.attempts, o.reason) for o in report.outcomes] == [
        ("failed", 1, "channel_not_found")
    ]
    sub = await (await engine.schedule_store()).subscription(1)
    assert (sub.state, sub.paused_reason) == ("paused", "channel_not_found")
    assert (await deliver(engine, slack, utc(2025, 3, 30, 6, 0, 10))).outcomes == []

    someone_else = Conversation("slack", "T0TEST", CHANNEL, "U0MEMBER")
    assert "paused" not in ((await engine.answer("help", someone_else)).note or "")
    told = await engine.answer("latest talks", ADMIN)
    assert "#1 (channel C0BRIEF): channel_not_found" in told.note
    assert "paused" not in ((await engine.answer("latest talks", ADMIN)).note or "")


# --- what a briefing covers ---------------------------------------------------------------------


@pytest.fixture
async def seeded(seeded_db: Path, fake_slack: FakeSlack) -> AsyncIterator[Engine]:
    settings = make_settings(seeded_db, SLACK_BOT_TOKEN=TOKEN, SLACK_API_URL=fake_slack.api_url)
    async with await Engine.open(settings, load_model=False) as engine:
        yield engine


async def test_a_briefing_covers_what_was_ingested_since_the_last_one_sent(
    seeded: Engine, fake_slack: FakeSlack
) -> None:
    # The seeds were ingested (with the real clock) moments ago, so just before this `now`.
    now = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    slot = now - timedelta(minutes=30)
    await command(seeded, f"subscribe daily at {slot:%H:%M} UTC", now - timedelta(hours=2))
    slack = SlackPlatform(seeded, seeded.settings)
    try:
        await deliver(seeded, slack, now)
        await deliver(seeded, slack, now + timedelta(days=1))
    finally:
        await slack.disconnect()
    first, second = await rows(seeded)
    # The window ends at the newest committed ingest (not the clock), so an ingest committing
    # during a pass falls into the next window rather than into neither.
    latest = await (await seeded.schedule_store()).latest_ingest()
    assert (first.window_start, first.window_end) == (to_db(now - timedelta(hours=24)), latest)
    assert second.window_start == first.window_end  # since the last sent, not a fixed 24 hours
    headline, briefing, nothing = fake_slack.messages
    # A headline counting what is new, the briefing in its thread; nothing new is one line.
    assert re.fullmatch(
        r"Briefing: \d+ talks?, \d+ agreements?, \d+ key statements?\n"
        r"The briefing is in the thread.",
        headline["text"],
    )
    assert briefing["thread_ts"] == headline["ts"] and "thread_ts" not in headline
    assert "Briefing" in briefing["text"] and "Nothing new" not in briefing["text"]
    assert first.message_id == headline["ts"]
    assert (
        nothing["text"] == f"Nothing new since {from_db(latest):%a %d %b %Y, %H:%M} UTC."
        and "thread_ts" not in nothing
    )
    assert fake_slack.files == []  # a daily briefing carries no chart


def weekly_at(now: datetime) -> str:
    """A weekly subscription whose slot fell half an hour before `now`, on that slot's day."""
    slot = now - timedelta(minutes=30)
    return f"subscribe every {slot:%A} at {slot:%H:%M} UTC".lower()


async def test_a_weekly_briefing_carries_the_weeks_chart_in_its_thread(
    seeded: Engine, fake_slack: FakeSlack
) -> None:
    now = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    await command(seeded, weekly_at(now), now - timedelta(hours=2))
    slack = SlackPlatform(seeded, seeded.settings)
    try:
        [outcome] = (await deliver(seeded, slack, now)).outcomes
    finally:
        await slack.disconnect()
    assert outcome.state == "sent"
    headline, briefing = fake_slack.messages
    # The picture follows the briefing into its thread, through the external upload flow.
    [chart] = fake_slack.files
    assert chart["channel"] == CHANNEL and chart["thread_ts"] == headline["ts"]
    assert chart["filename"] == "talks-chart.png" and chart["data"].startswith(PNG_SIGNATURE)
    assert chart["alt_txt"].startswith("Chart of talks of the week: ")
    assert "who met whom" in chart["alt_txt"]
    assert fake_slack.rejected == []


async def test_a_weekly_briefing_goes_even_when_its_chart_cannot(
    seeded: Engine, fake_slack: FakeSlack
) -> None:
    now = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    await command(seeded, weekly_at(now), now - timedelta(hours=2))
    fake_slack.fail("files.getUploadURLExternal", "not_in_channel")
    slack = SlackPlatform(seeded, seeded.settings)
    try:
        [outcome] = (await deliver(seeded, slack, now)).outcomes
    finally:
        await slack.disconnect()
    # Sent once: a retry for the picture's sake would post the briefing twice.
    assert outcome.state == "sent" and len(fake_slack.messages) == 2
    assert fake_slack.files == []


async def test_a_subscription_may_ask_for_its_briefing_without_a_thread(
    seeded: Engine, fake_slack: FakeSlack
) -> None:
    now = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    made = await command(
        seeded,
        f"subscribe daily at {(now - timedelta(minutes=30)):%H:%M} UTC no thread",
        now - timedelta(hours=2),
    )
    assert made.items[0].data["schedule"].endswith(", no thread")
    slack = SlackPlatform(seeded, seeded.settings)
    try:
        await deliver(seeded, slack, now)
    finally:
        await slack.disconnect()
    [briefing] = fake_slack.messages
    assert "thread_ts" not in briefing and "Key statements" in all_blocks_text(briefing)


def all_blocks_text(message: dict) -> str:
    return str(message.get("blocks"))


# --- Discord ----------------------------------------------------------------------------------


@pytest.fixture
async def discord(tmp_path: Path) -> AsyncIterator[tuple[Engine, DiscordPlatform, FakeDiscord]]:
    fake = await FakeDiscord().start()
    settings = make_settings(
        tmp_path / "d.db", DISCORD_TOKEN=DISCORD_TOKEN, DISCORD_API_BASE=fake.api_base
    )
    engine = await Engine.open(settings, load_model=False)
    platform = DiscordPlatform(engine, settings, listen=False)
    yield engine, platform, fake
    await platform.disconnect()
    await engine.close()
    await fake.stop()


DISCORD_ADMIN = Conversation("discord", GUILD_ID, CHANNEL_ID, "1400000000000000002", is_admin=True)


async def test_discord_a_429_then_success_posts_once(discord) -> None:
    engine, platform, fake = discord
    await command(engine, "subscribe every saturday at 08:00 Europe/Berlin", T0, DISCORD_ADMIN)
    fake.rate_limit_once.add(CHANNEL_ID)
    for minute in (0, 1):
        await deliver_pass(
            engine, {"discord": platform}, engine.settings, utc(2025, 3, 29, 7, minute), retry=FAST
        )
    assert [c.kind for c in fake.calls if c.key == CHANNEL_ID] == [
        "rate_limited",
        "channel_message",
    ]
    [row] = await rows(engine)
    assert row.state == "sent" and row.message_id.isdigit()


async def test_discord_a_weekly_briefing_carries_the_weeks_chart_in_its_embed(
    seeded_db: Path,
) -> None:
    fake = await FakeDiscord().start()
    settings = make_settings(seeded_db, DISCORD_TOKEN=DISCORD_TOKEN, DISCORD_API_BASE=fake.api_base)
    now = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    try:
        async with await Engine.open(settings, load_model=False) as engine:
            await command(engine, weekly_at(now), now - timedelta(hours=2), DISCORD_ADMIN)
            platform = DiscordPlatform(engine, settings, listen=False)
            try:
                report = await deliver_pass(
                    engine, {"discord": platform}, settings, now, retry=FAST
                )
                [outcome] = report.outcomes
            finally:
                await platform.disconnect()
    finally:
        await fake.stop()
    assert outcome.state == "sent"
    headline, briefing = fake.messages.values()
    assert headline["attachments"] == []
    assert briefing["channel_id"] == headline["id"] == outcome.message_id  # in its thread
    [chart] = briefing["attachments"]
    assert chart["filename"] == "talks-chart.png" and chart["content_type"] == "image/png"
    assert chart["description"].startswith("Chart of talks of the week: ")  # the alt text
    assert briefing["embeds"][0]["image"] == {"url": "attachment://talks-chart.png"}
    assert fake.files[chart["id"]].startswith(PNG_SIGNATURE)


@pytest.fixture
async def seeded_discord(
    seeded_db: Path,
) -> AsyncIterator[tuple[Engine, DiscordPlatform, FakeDiscord]]:
    fake = await FakeDiscord().start()
    settings = make_settings(seeded_db, DISCORD_TOKEN=DISCORD_TOKEN, DISCORD_API_BASE=fake.api_base)
    engine = await Engine.open(settings, load_model=False)
    platform = DiscordPlatform(engine, settings, listen=False)
    yield engine, platform, fake
    await platform.disconnect()
    await engine.close()
    await fake.stop()


async def discord_daily(engine: Engine, platform: DiscordPlatform, extra: str = ""):
    """A daily subscription whose slot fell half an hour ago, delivered now: its one outcome."""
    now = (datetime.now(UTC) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    slot = now - timedelta(minutes=30)
    rule = f"subscribe daily at {slot:%H:%M} UTC{extra}"
    await command(engine, rule, now - timedelta(hours=2), DISCORD_ADMIN)
    report = await deliver_pass(engine, {"discord": platform}, engine.settings, now, retry=FAST)
    [outcome] = report.outcomes
    return outcome, slot


async def test_discord_a_briefing_is_a_headline_with_the_briefing_in_its_thread(
    seeded_discord,
) -> None:
    engine, platform, fake = seeded_discord
    outcome, slot = await discord_daily(engine, platform)
    assert outcome.state == "sent"
    [headline] = fake.in_channel(CHANNEL_ID)
    [counts] = headline["embeds"]
    assert re.fullmatch(
        r"Briefing: [1-9]\d* talks?, \d+ agreements?, \d+ key statements?", counts["title"]
    )
    assert counts["footer"]["text"] == "The briefing is in the thread."
    # The thread is started from the headline (and so has its id), named for the slot's day.
    [thread] = fake.threads.values()
    assert thread["id"] == headline["id"] and thread["parent_id"] == CHANNEL_ID
    assert thread["name"] == f"Briefing {slot:%a %d %b %Y}" and thread["type"] == 11
    assert headline["thread"]["id"] == thread["id"]
    [briefing] = fake.in_channel(thread["id"])
    assert briefing["embeds"] and "message_reference" not in briefing
    assert "Key statements" in str(briefing["embeds"])
    # Recorded once, as the channel's message: the one the thread hangs on.
    [row] = await rows(engine)
    assert (row.state, row.message_id, row.attempts) == ("sent", headline["id"], 1)
    assert fake.of_kind("rejected") == []


async def test_discord_a_subscription_may_ask_for_its_briefing_without_a_thread(
    seeded_discord,
) -> None:
    engine, platform, fake = seeded_discord
    outcome, _ = await discord_daily(engine, platform, " no thread")
    [briefing] = fake.messages.values()
    assert briefing["channel_id"] == CHANNEL_ID and "Key statements" in str(briefing["embeds"])
    assert fake.threads == {} and fake.of_kind("thread") == []
    assert outcome.message_id == briefing["id"]


async def test_discord_a_channel_refusing_threads_gets_the_briefing_as_a_reply_once(
    seeded_discord, caplog: pytest.LogCaptureFixture
) -> None:
    """No Create Public Threads permission (403, code 50013): the briefing still arrives, once,
    as a reply to its headline in the channel; the slot is sent, not retried or paused."""
    engine, platform, fake = seeded_discord
    fake.no_threads.add(CHANNEL_ID)
    with caplog.at_level("WARNING", logger="briefbot.discord"):
        outcome, _ = await discord_daily(engine, platform)
    assert [c.kind for c in fake.calls if c.key == CHANNEL_ID] == [
        "channel_message",
        "thread_refused",
        "channel_message",
    ]
    headline, briefing = fake.in_channel(CHANNEL_ID)
    assert len(fake.messages) == 2 and fake.threads == {}
    assert briefing["message_reference"]["message_id"] == headline["id"]
    assert "Key statements" in str(briefing["embeds"])
    assert (outcome.state, outcome.attempts, outcome.message_id) == ("sent", 1, headline["id"])
    assert (await (await engine.schedule_store()).subscription(1)).state == "active"
    assert "cannot start a thread" in caplog.text and "50013" in caplog.text


async def test_discord_asking_again_for_a_messages_thread_posts_in_the_same_thread(discord) -> None:
    """A retry after the thread was started (its post then failed): Discord refuses a second
    thread from the message (400, code 160004), and the briefing goes into the first."""
    _, platform, fake = discord
    headline = await platform.post_briefing(CHANNEL_ID, Answer("q", "brief", "Briefing: 1 talk"))
    answer = Answer("q", "brief", "Briefing")
    for _ in range(2):
        posted = await platform.post_briefing(
            CHANNEL_ID, answer, reply_to=headline, thread_name="Briefing " + "x" * 200
        )
        assert fake.messages[posted]["channel_id"] == headline
    [thread] = fake.threads.values()
    assert len(thread["name"]) == 100 and thread["message_count"] == 2
    assert [c.kind for c in fake.calls if c.kind.startswith("thread")] == ["thread"]


async def test_discord_a_thread_the_bot_may_not_post_in_gets_the_briefing_as_a_reply(
    discord,
) -> None:
    """Create Public Threads without Send Messages in Threads: the thread is there but refuses
    the post (403), so the briefing is a reply to its headline in the channel."""
    _, platform, fake = discord
    headline = await platform.post_briefing(CHANNEL_ID, Answer("q", "brief", "Briefing: 1 talk"))
    fake.forbidden.add(headline)  # the thread about to be started from the headline
    posted = await platform.post_briefing(
        CHANNEL_ID, Answer("q", "brief", "Briefing"), reply_to=headline, thread_name="Briefing"
    )
    assert list(fake.threads) == [headline] and fake.in_channel(headline) == []
    assert fake.messages[posted]["channel_id"] == CHANNEL_ID
    assert fake.messages[posted]["message_reference"]["message_id"] == headline


async def test_discord_an_unknown_channel_pauses_the_subscription(discord) -> None:
    engine, platform, fake = discord
    await command(engine, "subscribe daily at 08:00 UTC", T0, DISCORD_ADMIN)
    fake.unknown.add(CHANNEL_ID)
    await deliver_pass(
        engine, {"discord": platform}, engine.settings, utc(2025, 3, 29, 8), retry=FAST
    )
    assert (await (await engine.schedule_store()).subscription(1)).state == "paused"


async def test_stopping_run_mid_send_lets_the_send_finish_and_record_it(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack
) -> None:
    """Cancelling the scheduler (SIGTERM in `run`) must not leave a posted slot marked pending."""
    await command(engine, "subscribe daily at 08:00 Europe/Berlin", T0)
    sending, release = asyncio.Event(), asyncio.Event()

    class Slow:
        name = "slack"

        async def post_briefing(self, channel: str, answer: Answer) -> str:
            sending.set()
            await release.wait()
            return await slack.post_briefing(channel, answer)

    task = asyncio.create_task(
        run_scheduler(
            engine,
            {"slack": Slow()},
            engine.settings,
            clock=lambda: utc(2025, 3, 29, 7, 0, 5),
            retry=FAST,
        )
    )
    await asyncio.wait_for(sending.wait(), 5)
    task.cancel()
    await asyncio.sleep(0.05)
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    [row] = await rows(engine)
    assert row.state == "sent" and len(fake_slack.messages) == 1
