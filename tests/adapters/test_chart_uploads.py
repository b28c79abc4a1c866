"""A chart arrives as an image with alt text: on Slack through the external upload flow
(files.getUploadURLExternal, the bytes to the loopback upload URL, files.completeUploadExternal),
on Discord as a multipart attachment shown in the embed. The real slack-bolt and discord.py
clients, the real engine on the seed article, the local fakes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from adapters.slack_app import SlackPlatform
from bot.config import Settings
from tests.adapters.test_discord import connected, discord_settings, reply_of
from tests.adapters.test_slack import SECRET, TOKEN, all_text, brief
from tests.fakes.discord_api import PNG_SIGNATURE, FakeDiscord, message_errors
from tests.fakes.slack_api import UPLOAD, FakeSlack


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=TOKEN).start()
    yield server
    await server.stop()


@pytest.fixture
async def slack(
    fake_slack: FakeSlack, seeded_engine: Any, tmp_path: Path
) -> AsyncIterator[SlackPlatform]:
    settings = Settings(
        _env_file=None,
        BRIEFBOT_DB=tmp_path / "unused.db",
        BRIEFBOT_HTTP_HOST="127.0.0.1",
        BRIEFBOT_HTTP_PORT=0,
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_APP_TOKEN=None,
        SLACK_API_URL=fake_slack.api_url,
    )
    platform = SlackPlatform(seeded_engine, settings)
    await platform.connect()
    yield platform
    await platform.disconnect()


async def test_slack_gets_the_answer_then_the_png_through_the_external_upload(
    slack, fake_slack
) -> None:
    assert await brief(slack, fake_slack, "chart talks", channel="C0NEWS") == 200
    [reply] = fake_slack.responses
    assert reply["response_type"] == "in_channel" and "who met whom" in all_text(reply)
    methods = [
        c.method for c in fake_slack.calls if c.method.startswith("files.") or c.method == UPLOAD
    ]
    assert methods == ["files.getUploadURLExternal", UPLOAD, "files.completeUploadExternal"]
    [step1] = fake_slack.called("files.getUploadURLExternal")
    assert "files.upload" not in methods  # the retired method is never called
    [shared] = fake_slack.files
    assert shared["channel"] == "C0NEWS" and shared["data"].startswith(PNG_SIGNATURE)
    assert shared["filename"] == "talks-chart.png" and int(step1.args["length"]) == len(
        shared["data"]
    )
    assert "Russia and United States, 2 times" in shared["alt_txt"]
    assert fake_slack.rejected == []


async def test_slack_tells_the_asker_privately_when_the_chart_cannot_go_in_the_channel(
    slack, fake_slack
) -> None:
    fake_slack.channel_errors["C0PRIVATE"] = "not_in_channel"
    assert await brief(slack, fake_slack, "chart talks", channel="C0PRIVATE") == 200
    answer, refusal = fake_slack.responses
    assert answer["response_type"] == "in_channel"
    assert refusal["response_type"] == "ephemeral" and "invite me" in refusal["text"]
    assert fake_slack.files == []


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    server = await FakeDiscord().start()
    yield server
    await server.stop()


async def test_discord_gets_the_png_as_an_attachment_shown_in_the_embed(
    fake_discord, tmp_path, seeded_engine
) -> None:
    platform = await connected(seeded_engine, discord_settings(fake_discord, tmp_path))
    try:
        sent = await fake_discord.brief("chart talks")
        data = await reply_of(fake_discord, sent)
    finally:
        await platform.disconnect()
    assert message_errors(data) == []
    [attachment] = data["attachments"]
    assert attachment["filename"] == "talks-chart.png"
    assert "Russia and United States, 2 times" in attachment["description"]  # the alt text
    assert data["embeds"][0]["image"] == {"url": "attachment://talks-chart.png"}
    [(filename, png)] = data["_uploaded"].values()
    assert filename == "talks-chart.png" and png.startswith(PNG_SIGNATURE)
    shown = next(m for m in fake_discord.messages.values() if m["attachments"])
    assert shown["attachments"][0]["content_type"] == "image/png"
