"""Watch alerts, in one process: real ingest (spaCy), the real Slack adapter, the fake Slack.

What a channel sees: one short post per matching fact with its confidence and sources, never a
second one for the same fact, nothing for other facts, nothing repeated by a restart, and no flood
(quiet hours and an hourly limit turn the rest into one digest).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.slack_app.platform import SlackPlatform
from bot.engine import Engine
from bot.watch.alerts import MAX_ATTEMPTS
from bot.watch.service import make_watcher
from tests.fakes.slack_api import FakeSlack
from tests.reliability.chat_support import slack_text
from tests.watch.articles import LAVROV_TALKS, LAVROV_TALKS_AGAIN, UNRELATED, article, write
from tests.watch.helpers import ADMIN, CHANNEL, utc, watcher


async def watch(engine: Engine, text: str) -> int:
    answer = await engine.answer(f"watch {text}", ADMIN)
    assert answer.ok, answer.note
    return answer.items[0].data["id"]


async def ingest(engine: Engine, tmp_path: Path, name: str, text: str) -> None:
    report = await engine.ingest([write(tmp_path / "articles", name, text)])
    assert report.added, report.refused


async def test_a_watch_on_talks_with_a_person_posts_the_talks_once(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    number = await watch(engine, "talks with Lavrov")
    bot = await watcher(engine, slack)
    assert (await bot.run_pass()).sent == []  # the seeds were there before the watch

    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)
    report = await bot.run_pass()
    assert len(report.sent) == 1
    [message] = fake_slack.messages
    assert message["channel"] == CHANNEL and "thread_ts" not in message
    text = slack_text(message)
    assert f"Watch #{number}: talks with Lavrov" in text
    assert "Sergey Lavrov" in text and "Hakan Fidan" in text and "Ankara" in text
    assert "Confidence:* 0.9" in text  # the fact's confidence, 0-1
    assert "Anatolia Wire" in text  # and its source

    await ingest(engine, tmp_path, "a2", LAVROV_TALKS_AGAIN)  # the same talks, another outlet
    await ingest(engine, tmp_path, "a3", UNRELATED)
    assert (await bot.run_pass()).sent == []
    restarted = await watcher(engine, slack)  # a new process: the log, not memory, decides
    assert (await restarted.run_pass()).sent == []
    assert len(fake_slack.messages) == 1
    answer = await engine.answer("talks with Lavrov", ADMIN)
    assert (
        answer.items[0].data["sources"][1]["source"] == "Bosphorus Daily"
    )  # it was merged, not missed


async def test_articles_ingested_while_the_watcher_was_down_alert_once_it_is_back(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    await watch(engine, "agreements between Chile and Peru")
    await ingest(engine, tmp_path, "a3", UNRELATED)  # no watcher running
    bot = await watcher(engine, slack)
    assert len((await bot.run_pass()).sent) == 1
    assert "Chile" in slack_text(fake_slack.messages[0])


PLANNED = article(
    "Lavrov to visit Ankara for talks with Fidan",
    "Anatolia Wire",
    "2025-06-06",
    "Russian Foreign Minister Sergey Lavrov will hold talks with Turkish Foreign Minister Hakan "
    "Fidan in Ankara on Monday, the Turkish ministry said.",
)
HELD = article(
    "Lavrov and Fidan hold talks in Ankara",
    "Bosphorus Daily",
    "2025-06-09",
    "Russian Foreign Minister Sergey Lavrov held talks with Turkish Foreign Minister Hakan Fidan "
    "in Ankara on Monday.",
)


async def test_talks_that_then_take_place_are_an_update_in_the_first_alerts_thread(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    await watch(engine, "talks with Lavrov")
    bot = await watcher(engine, slack)
    await ingest(engine, tmp_path, "planned", PLANNED)
    await bot.run_pass()
    await ingest(engine, tmp_path, "held", HELD)
    await bot.run_pass()
    first, update = fake_slack.messages
    assert "Status:* planned" in slack_text(first)
    assert update["thread_ts"] == first["ts"]
    assert "Update · Watch #1" in slack_text(update)
    assert "Changed:* Status: planned → concluded" in slack_text(update)
    assert (await bot.run_pass()).sent == []


async def test_only_facts_at_or_above_the_thresholds_alert(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path, settings
) -> None:
    await watch(engine, "talks with Lavrov confidence 0.99")  # the talks are 0.94 sure
    await watch(engine, "talks with Fidan confidence 0.9")
    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)
    await (await watcher(engine, slack)).run_pass()
    assert ["Watch #2" in slack_text(m) for m in fake_slack.messages] == [True]

    strict = settings.model_copy(update={"min_confidence": 0.99})
    async with await Engine.open(strict, load_model=False) as other:  # BRIEFBOT_MIN_CONFIDENCE=0.99
        await other.answer("watch agreements between Chile and Peru", ADMIN)
        await ingest(engine, tmp_path, "a3", UNRELATED)  # a 0.88 agreement
        assert (await (await watcher(other, slack)).run_pass()).sent == []


async def test_past_the_hourly_limit_alerts_wait_for_one_digest(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    now = utc(2025, 6, 10, 12)
    await watch(engine, "who said what at most 1 an hour")
    bot = await watcher(engine, slack, clock=lambda: now)
    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)
    await ingest(engine, tmp_path, "a3", UNRELATED)
    await bot.run_pass()
    assert len(fake_slack.messages) == 1  # one of the four statements; three wait
    now += timedelta(minutes=59)
    assert (await bot.run_pass()).sent == []
    now += timedelta(minutes=2)
    await bot.run_pass()
    digest = fake_slack.messages[1]
    assert "Digest · Watch #1" in slack_text(digest)
    assert "3 alerts held back by quiet hours or the hourly limit" in slack_text(digest)
    assert all(a.state == "sent" for a in await (await engine.watch_store()).alerts(1))
    now += timedelta(hours=2)
    assert (await bot.run_pass()).sent == []


async def test_quiet_hours_hold_alerts_until_they_end(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    now = utc(2025, 6, 10, 21, 30)  # 23:30 in Berlin
    await watch(engine, "talks with Lavrov quiet 22:00-07:00 Europe/Berlin")
    bot = await watcher(engine, slack, clock=lambda: now)
    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)
    assert (await bot.run_pass()).sent == []
    now = utc(2025, 6, 11, 4, 59)
    assert (await bot.run_pass()).sent == []
    now = utc(2025, 6, 11, 5, 0)  # 07:00 in Berlin
    assert len((await bot.run_pass()).sent) == 1
    assert "Sergey Lavrov" in slack_text(fake_slack.messages[0])  # one held alert posts as itself


async def test_an_alert_claimed_by_a_process_that_died_is_posted_once_by_the_next(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    now = utc(2025, 6, 10, 12)
    await watch(engine, "talks with Lavrov")
    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)
    dead = await watcher(engine, slack, clock=lambda: now)
    assert await dead.scan() == 1  # claimed in the log, then the process "died" before sending
    restarted = await watcher(engine, slack, clock=lambda: now)
    assert (await restarted.run_pass()).sent == []  # its lease still runs: it may yet send
    now += timedelta(minutes=3)
    assert len((await restarted.run_pass()).sent) == 1
    assert (await dead.run_pass()).sent == [] and len(fake_slack.messages) == 1


async def test_an_alert_whose_message_cannot_be_built_is_given_up_after_a_few_attempts(
    engine: Engine,
    slack: SlackPlatform,
    fake_slack: FakeSlack,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = utc(2025, 6, 10, 12)
    await watch(engine, "talks with Lavrov")
    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)
    bot = await watcher(engine, slack, clock=lambda: now)
    assert await bot.scan() == 1
    # The claimed alert's stored item no longer reads (a damaged row), so no message can be built.
    with sqlite3.connect(engine.settings.db) as db:
        db.execute("UPDATE watch_alerts SET item = 'not an item'")
    failed = 0
    for _ in range(MAX_ATTEMPTS + 3):  # each pass after the backoff of the one before
        failed += (await bot.run_pass()).failed
        now += timedelta(hours=1)
    [alert] = await (await engine.watch_store()).alerts(1)
    assert failed == MAX_ATTEMPTS and alert.attempts == MAX_ATTEMPTS
    assert alert.state == "failed"  # so no later pass takes it up again
    assert alert.reason.startswith("cannot build the message: ")
    assert fake_slack.messages == []
    assert f"given up after {MAX_ATTEMPTS} attempt(s)" in caplog.text
    listing = await engine.answer("watches", ADMIN)
    assert listing.items[0].data["state"] == "active"  # the channel is fine: the watch goes on


async def test_a_channel_that_is_gone_pauses_the_watch_and_tells_its_creator(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    fake_slack.channel_errors[CHANNEL] = "channel_not_found"
    await watch(engine, "talks with Lavrov")
    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)
    report = await (await watcher(engine, slack)).run_pass()
    assert report.failed == 1 and fake_slack.messages == []
    listing = await engine.answer("watches", ADMIN)
    assert listing.items[0].data["state"] == "paused"
    assert "Watches paused after a failed post – #1" in listing.note
    assert "Watches paused" not in ((await engine.answer("watches", ADMIN)).note or "")  # told once


async def test_alerts_post_to_discord_through_the_real_client(
    tmp_path: Path, seeded_db: Path, extractor
) -> None:
    from adapters.discord_bot import DiscordPlatform
    from tests.conftest import make_settings
    from tests.fakes.discord_api import CHANNEL_ID, GUILD_ID, FakeDiscord
    from tests.fakes.discord_api import TOKEN as DISCORD_TOKEN
    from tests.reliability.chat_support import discord_text

    fake = await FakeDiscord().start()
    settings = make_settings(seeded_db, DISCORD_TOKEN=DISCORD_TOKEN, DISCORD_API_BASE=fake.api_base)
    engine = await Engine.open(settings, load_model=False)
    engine._extractor = extractor
    platform = DiscordPlatform(engine, settings)
    try:
        admin = replace(ADMIN, platform="discord", workspace=GUILD_ID, channel=CHANNEL_ID)
        assert (await engine.answer("watch talks with Lavrov", admin)).ok
        bot = await make_watcher(engine, {"discord": platform}, settings)
        await engine.ingest([write(tmp_path / "articles", "planned", PLANNED)])
        await bot.run_pass()
        await engine.ingest([write(tmp_path / "articles", "held", HELD)])
        await bot.run_pass()
        first, update = fake.of_kind("channel_message")
        assert first.key == CHANNEL_ID and "Sergey Lavrov" in discord_text(first.body)
        assert "Update · Watch \\#1" in discord_text(update.body)  # markdown-escaped
        first_alert = (await (await engine.watch_store()).alerts(1))[0]
        assert (
            str(update.body["message_reference"]["message_id"]) == first_alert.message_id
        )  # a reply
        assert update.body["allowed_mentions"] == {"parse": []}
    finally:
        await platform.disconnect()
        await engine.close()
        await fake.stop()


async def test_a_watch_on_talks_in_a_country_posts_talks_in_its_cities_only(
    engine: Engine, slack: SlackPlatform, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    await watch(engine, "talks in Turkey")
    bot = await watcher(engine, slack)
    await ingest(engine, tmp_path, "a3", UNRELATED)  # an agreement in Lima: elsewhere
    await ingest(engine, tmp_path, "a1", LAVROV_TALKS)  # talks in Ankara
    report = await bot.run_pass()
    assert len(report.sent) == 1
    text = slack_text(fake_slack.messages[0])
    assert "Watch #" in text and "talks in Turkey" in text and "Ankara" in text
    listed = await engine.answer("watches", ADMIN)
    assert listed.items[0].data["place"] == "Turkey"
