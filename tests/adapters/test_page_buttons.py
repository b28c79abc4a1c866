"""Previous / Next buttons on paged answers, on Slack and Discord: the real slack-bolt app and
discord.py client against the fake platforms, the real engine on the seed database. A press
replaces the message in place with the neighbouring page, and a button from before a restart
(a new process, nothing remembered) still works, because the button carries the query and offset."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from adapters.discord_bot import DiscordPlatform
from adapters.slack_app import SlackPlatform
from bot.engine import Engine
from tests.adapters.test_discord import EPHEMERAL, discord_settings, reply_of
from tests.adapters.test_discord import fake as fake_discord  # noqa: F401 (a fixture)
from tests.adapters.test_slack import SECRET, TOKEN, all_text, brief, post_to_app
from tests.conftest import make_settings
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack, block_actions_body, blocks_error

QUERY = "who said what"
SHOWING = re.compile(r"showing (\d+)–(\d+) of (\d+)")


async def one_a_page(db: Path, extractor: Any, **settings: object) -> Engine:
    """A fresh engine (a new process, as far as paging knows) showing one item a page."""
    engine = await Engine.open(
        make_settings(db, BRIEFBOT_PAGE_SIZE=1, **settings), load_model=False
    )
    engine._extractor = extractor
    return engine


def showing(text: str) -> tuple[int, int, int]:
    found = SHOWING.search(text.replace("\\", ""))
    assert found, text
    first, last, total = (int(n) for n in found.groups())
    return first, last, total


# -- Slack ----------------------------------------------------------------------------------


async def slack_on(engine: Engine, fake: FakeSlack, tmp_path: Path) -> SlackPlatform:
    settings = make_settings(
        tmp_path / "unused.db",
        BRIEFBOT_HTTP_HOST="127.0.0.1",
        BRIEFBOT_HTTP_PORT=0,
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_APP_TOKEN=None,
        SLACK_API_URL=fake.api_url,
    )
    platform = SlackPlatform(engine, settings)
    await platform.connect()
    return platform


async def press_slack(platform: SlackPlatform, fake: FakeSlack, index: int, action_id: str) -> None:
    body = block_actions_body(
        fake.team_id,
        fake.button_response_url(index),
        fake.responses[index],
        action_id,
        user="U0ASKER",
        channel="C0NEWS",
    )
    assert await post_to_app(platform, body) == 200
    await platform.tasks.drain()


def slack_buttons(message: dict[str, Any]) -> list[str]:
    return [
        e["text"]["text"]
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]


async def test_slack_next_and_previous_replace_the_message_even_after_a_restart(
    seeded_db, extractor, tmp_path
) -> None:
    fake = await FakeSlack(bot_token=TOKEN).start()
    engine = await one_a_page(seeded_db, extractor)
    platform = await slack_on(engine, fake, tmp_path)
    try:
        await brief(platform, fake, QUERY)
        [first] = fake.responses
        assert first["response_type"] == "in_channel" and blocks_error(first["blocks"]) is None
        assert showing(all_text(first))[:2] == (1, 1) and slack_buttons(first) == [
            "Next",
            "Sources",
        ]

        await press_slack(platform, fake, 0, "page_next")
        assert len(fake.responses) == 1 and len(fake.replaced) == 1  # in place, not a new message
        second = fake.responses[0]
        assert second["replace_original"] is True and blocks_error(second["blocks"]) is None
        assert showing(all_text(second))[:2] == (2, 2) and slack_buttons(second)[0] == "Previous"

        await press_slack(platform, fake, 0, "page_previous")
        assert showing(all_text(fake.responses[0]))[:2] == (1, 1)
        assert all_text(fake.responses[0]) == all_text(first)
    finally:
        await platform.disconnect()
        await engine.close()

    # A new process: nothing of the old one's paging is left, the button alone says what to show.
    engine = await one_a_page(seeded_db, extractor)
    platform = await slack_on(engine, fake, tmp_path)
    try:
        await press_slack(platform, fake, 0, "page_next")
        assert showing(all_text(fake.responses[0]))[:2] == (2, 2)
        # Typed `more` goes on from the page the button showed.
        await brief(platform, fake, "more")
        assert showing(all_text(fake.responses[-1]))[:2] == (3, 3)
    finally:
        await platform.disconnect()
        await engine.close()
        await fake.stop()


# -- Discord --------------------------------------------------------------------------------


async def discord_on(engine: Engine, fake: FakeDiscord, tmp_path: Path) -> DiscordPlatform:
    platform = DiscordPlatform(engine, discord_settings(fake, tmp_path), guild_ready_timeout=0.05)
    await asyncio.wait_for(platform.connect(), 20)
    return platform


def discord_text(message: dict[str, Any]) -> str:
    return str(message.get("embeds"))


def discord_buttons(message: dict[str, Any]) -> list[str]:
    return [b["label"] for row in message.get("components", []) for b in row["components"]]


async def press_discord(fake: FakeDiscord, message_id: str, label: str) -> dict[str, Any]:
    sent = await fake.press(message_id, label)
    callback = await fake.callback(sent)
    assert callback.body["type"] in (6, 7), callback.body
    if callback.body["type"] == 6:
        await fake.followup(sent)
    return fake.messages[message_id]


async def test_discord_next_and_previous_update_the_message_even_after_a_restart(
    fake_discord: FakeDiscord,
    seeded_db,
    extractor,
    tmp_path,
) -> None:
    fake = fake_discord
    engine = await one_a_page(seeded_db, extractor)
    platform = await discord_on(engine, fake, tmp_path)
    try:
        sent = await fake.brief(QUERY)
        data = await reply_of(fake, sent)
        assert not (data.get("flags") or 0) & EPHEMERAL
        message_id = fake.replies[sent.id]
        assert showing(discord_text(fake.messages[message_id]))[:2] == (1, 1)
        assert discord_buttons(fake.messages[message_id]) == ["Next", "Sources"]

        second = await press_discord(fake, message_id, "Next")
        assert (
            showing(discord_text(second))[:2] == (2, 2) and discord_buttons(second)[0] == "Previous"
        )
        first = await press_discord(fake, message_id, "Previous")
        assert showing(discord_text(first))[:2] == (1, 1)
        assert not fake.of_kind("channel_message") and not fake.of_kind("followup")  # in place
    finally:
        await platform.disconnect()
        await engine.close()

    engine = await one_a_page(seeded_db, extractor)
    platform = await discord_on(engine, fake, tmp_path)
    try:
        again = await press_discord(fake, message_id, "Next")
        assert showing(discord_text(again))[:2] == (2, 2)
    finally:
        await platform.disconnect()
        await engine.close()


async def test_help_is_private_on_discord_as_on_slack(
    fake_discord, seeded_engine, tmp_path
) -> None:
    platform = await discord_on(seeded_engine, fake_discord, tmp_path)
    try:
        data = await reply_of(fake_discord, await fake_discord.brief("help"))
        assert (data.get("flags") or 0) & EPHEMERAL
        assert "subscribe feed URL" in str(data["embeds"])
    finally:
        await platform.disconnect()
