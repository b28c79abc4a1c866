"""One command table: every command is declared once in `bot/answer/commands.py`, and the parser,
`help`, autocomplete, the Slack manifest and the README all say the same about it."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from bot.answer.commands import COMMANDS, readme_table, usage_hint
from bot.answer.model import Conversation
from bot.answer.query import parse
from bot.engine import Engine
from tests.conftest import ROOT

SLACK_ADMIN = Conversation(platform="slack", workspace="T1", channel="C1", user="U1", is_admin=True)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.usage)
def test_every_example_means_its_command(command) -> None:
    for example in command.examples:
        assert parse(example, today=date(2025, 2, 27)).intent in (command.intent, "help"), example


def test_the_readme_table_is_the_command_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_table() in readme


def test_the_slack_usage_hint_is_the_command_table_and_buttons_are_on() -> None:
    manifest = yaml.safe_load((ROOT / "slack" / "manifest.yml").read_text(encoding="utf-8"))
    (command,) = manifest["features"]["slash_commands"]
    assert command["usage_hint"] == usage_hint()
    assert manifest["settings"]["interactivity"]["is_enabled"] is True


async def test_help_lists_every_command_including_feeds_and_is_private(
    seeded_engine: Engine,
) -> None:
    answer = await seeded_engine.answer("help", SLACK_ADMIN)
    shown = "\n".join(item.heading for item in answer.items)
    for command in COMMANDS:
        assert command.usage in shown, command.usage
    assert "subscribe feed URL" in shown and "unsubscribe feed N" in shown
    assert answer.ephemeral  # on every platform: the adapters obey `ephemeral`


async def test_feeds_lists_this_workspaces_feeds_not_the_outlets(seeded_engine: Engine) -> None:
    await seeded_engine.answer("subscribe feed https://example.org/rss.xml", SLACK_ADMIN)
    feeds = await seeded_engine.answer("feeds", SLACK_ADMIN)
    assert feeds.intent == "subscriptions"
    assert any("example.org/rss.xml" in item.heading for item in feeds.items)


async def test_autocomplete_offers_the_tables_examples(seeded_engine: Engine) -> None:
    offered = await seeded_engine.suggestions("", limit=100)
    for command in COMMANDS:
        for example in command.examples:
            assert example in offered, example


async def test_admin_only_commands_are_refused_to_members(seeded_engine: Engine) -> None:
    member = Conversation(platform="slack", workspace="T1", channel="C1", user="U2")
    for command in COMMANDS:
        if command.admin_only and command.examples:
            text = command.examples[0].replace(
                "unsubscribe", "unsubscribe 1"
            )  # the number it needs
            answer = await seeded_engine.answer(text, member)
            assert not answer.ok and "admins" in (answer.note or ""), command.usage
