"""The Sources button, on Slack and Discord: the real slack-bolt app and discord.py client against
the fake platforms, the real engine on the seed database. Every answer listing facts carries it;
pressing it shows each listed fact's evidence sentence and source links to the presser alone, and
leaves the message as it was. The button carries the query and offset, so a process started after
the message was posted serves it too."""

from __future__ import annotations

from typing import Any

from bot.engine import Engine
from tests.adapters.test_discord import EPHEMERAL, reply_of
from tests.adapters.test_discord import fake as fake_discord  # noqa: F401 (a fixture)
from tests.adapters.test_page_buttons import (
    discord_buttons,
    discord_on,
    one_a_page,
    press_slack,
    slack_buttons,
    slack_on,
)
from tests.adapters.test_slack import TOKEN, all_text, brief
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack, blocks_error

QUERY = "who said what"


async def first_fact(engine: Engine, offset: int = 0) -> tuple[str, str]:
    """The evidence sentence (its first words) and the outlet of the fact at `offset` (shown as a
    link to the article when it has a URL; the seed articles have none)."""
    answer = await engine.answer(QUERY)
    item = (await engine.page(QUERY, offset)).items[0] if offset else answer.items[0]
    citation = item.citations[0]
    assert citation.evidence and citation.source
    return " ".join(citation.evidence.split()[:5]), citation.source


async def test_slack_sources_shows_evidence_and_links_privately_even_after_a_restart(
    seeded_db, extractor, tmp_path
) -> None:
    fake = await FakeSlack(bot_token=TOKEN).start()
    engine = await one_a_page(seeded_db, extractor)
    platform = await slack_on(engine, fake, tmp_path)
    try:
        sentence, outlet = await first_fact(engine)
        await brief(platform, fake, QUERY)
        [listed] = fake.responses
        assert slack_buttons(listed) == ["Next", "Sources"]

        await press_slack(platform, fake, 0, "show_sources")
        assert fake.responses[0] == listed and not fake.replaced  # the answer stays as it was
        shown = fake.responses[-1]
        assert shown["response_type"] == "ephemeral" and blocks_error(shown["blocks"]) is None
        assert sentence in all_text(shown) and outlet in all_text(shown)
        assert not slack_buttons(shown)
    finally:
        await platform.disconnect()
        await engine.close()

    # A new process: the second page's Sources button, served from its value alone.
    engine = await one_a_page(seeded_db, extractor)
    platform = await slack_on(engine, fake, tmp_path)
    try:
        await press_slack(platform, fake, 0, "page_next")
        await press_slack(platform, fake, 0, "show_sources")
        sentence, outlet = await first_fact(engine, offset=1)
        assert fake.responses[-1]["response_type"] == "ephemeral"
        assert sentence in all_text(fake.responses[-1]) and outlet in all_text(fake.responses[-1])
    finally:
        await platform.disconnect()
        await engine.close()
        await fake.stop()


def discord_text(message: dict[str, Any]) -> str:
    return str(message.get("embeds")).replace("\\\\", "")


async def test_discord_sources_shows_evidence_and_links_privately_even_after_a_restart(
    fake_discord: FakeDiscord,
    seeded_db,
    extractor,
    tmp_path,
) -> None:
    fake = fake_discord
    engine = await one_a_page(seeded_db, extractor)
    platform = await discord_on(engine, fake, tmp_path)
    try:
        sentence, outlet = await first_fact(engine)
        await reply_of(fake, await fake.brief(QUERY))
        [message_id] = [m for m in fake.messages if discord_buttons(fake.messages[m])]
        before = dict(fake.messages[message_id])
        assert discord_buttons(before) == ["Next", "Sources"]
    finally:
        await platform.disconnect()
        await engine.close()

    engine = await one_a_page(seeded_db, extractor)
    platform = await discord_on(engine, fake, tmp_path)
    try:
        pressed = await fake.press(message_id, "Sources")
        callback = await fake.callback(pressed)
        assert callback.body["type"] == 4  # a new message, not an update of the answer
        shown = callback.body["data"]
        assert shown["flags"] & EPHEMERAL
        assert sentence in discord_text(shown) and outlet in str(shown["embeds"])
        assert fake.messages[message_id]["embeds"] == before["embeds"]
    finally:
        await platform.disconnect()
        await engine.close()


async def test_answers_without_facts_carry_no_sources_button(seeded_engine) -> None:
    for query in ("help", "sources", "subscriptions"):
        assert (await seeded_engine.answer(query)).listing is None
    assert (await seeded_engine.answer("brief")).listing is not None
