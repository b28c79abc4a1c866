"""The Discord adapter end to end, offline: the real discord.py client logs in, syncs `/brief` and
connects its gateway to a fake Discord on 127.0.0.1, which then sends interactions and records
the callbacks, follow-ups and channel posts, rejecting whatever Discord would reject."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from adapters.discord_bot import DiscordPlatform
from adapters.discord_bot.commands import SORRY
from bot.answer.model import Answer, Citation, Conversation, Item, Section
from bot.command_inbox import CommandInbox
from bot.config import Settings
from bot.platform import DeliveryError
from bot.store.database import StoreError
from bot.store.held_commands import HeldCommandStore
from bot.store.store import Store
from tests.fakes.discord_api import (
    APP_ID,
    CHANNEL_ID,
    GUILD_ID,
    MANAGE_GUILD,
    TOKEN,
    USER_ID,
    FakeDiscord,
    SentInteraction,
    message_errors,
)

EPHEMERAL = 64

# -- fixtures -------------------------------------------------------------------------------


@dataclass
class ScriptedEngine:
    """Stands in for the engine where the test is about Discord, not about answers."""

    answer_with: Answer | Exception
    delay: float = 0.0
    calls: list[tuple[str, Conversation]] = field(default_factory=list)
    # The real inbox, on the test's own SQLite file; without one the store cannot hold commands,
    # and every command must be answered all the same.
    inbox: CommandInbox | None = None

    async def command_inbox(self) -> CommandInbox:
        if self.inbox is None:
            raise StoreError("no store in this test: commands cannot be held")
        return self.inbox

    async def answer(self, query: str, conversation: Conversation | None = None) -> Answer:
        assert conversation is not None
        self.calls.append((query, conversation))
        await asyncio.sleep(self.delay)
        if isinstance(self.answer_with, Exception):
            raise self.answer_with
        return self.answer_with

    async def suggestions(self, prefix: str, limit: int = 25) -> list[str]:
        return [s for s in ("latest talks", "who said what", "x" * 150) if s.startswith(prefix)]


def talks_answer(
    count: int = 1, heading: str = "Russia and United States: talks in Istanbul"
) -> Answer:
    items = [
        Item(
            f"{heading} ({n})",
            "Embassy operations.",
            citations=[
                Citation("Russia-US talks", "Caliber.Az", "2025-02-27", "https://caliber.az/x")
            ],
        )
        for n in range(count)
    ]
    return Answer("latest talks", "latest_talks", "Latest talks", [Section("Talks", items)])


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = await FakeDiscord().start()
    yield server
    await server.stop()


def discord_settings(fake: FakeDiscord, tmp_path: Path, **extra: object) -> Settings:
    values: dict[str, object] = {
        "BRIEFBOT_DB": tmp_path / "briefbot.db",
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
    }
    return Settings(_env_file=None, **(values | extra))


@pytest.fixture
def settings(fake: FakeDiscord, tmp_path: Path) -> Settings:
    return discord_settings(fake, tmp_path)


async def connected(engine: object, settings: Settings, **options: object) -> DiscordPlatform:
    options.setdefault("guild_ready_timeout", 0.05)  # the fake sends its one guild at once
    platform = DiscordPlatform(engine, settings, **options)  # type: ignore[arg-type]
    await asyncio.wait_for(platform.connect(), 20)
    return platform


@pytest.fixture
async def inbox(tmp_path: Path) -> AsyncIterator[CommandInbox]:
    db = tmp_path / "briefbot.db"
    await (await Store.open(db)).close()
    held = await HeldCommandStore.open(db)
    yield CommandInbox(held)
    await held.close()


@pytest.fixture
async def running(settings: Settings) -> AsyncIterator[tuple[DiscordPlatform, ScriptedEngine]]:
    engine = ScriptedEngine(talks_answer())
    platform = await connected(engine, settings)
    yield platform, engine
    await platform.disconnect()


async def reply_of(fake: FakeDiscord, sent: SentInteraction) -> dict:
    """The message the user sees: the callback's, or the follow-up after a deferral."""
    callback = await fake.callback(sent)
    if callback.body["type"] == 5:
        return (await fake.followup(sent)).body
    assert callback.body["type"] == 4
    return callback.body["data"]


# -- start-up -------------------------------------------------------------------------------


async def test_command_tree_syncs_brief_with_its_query_option(fake, running) -> None:
    platform, _ = running
    assert fake.identified.is_set()
    [brief] = fake.commands["global"]
    assert brief["name"] == "brief"
    [query] = brief["options"]
    assert query["name"] == "query" and query["type"] == 3  # a string
    assert query["required"] is True and query["autocomplete"] is True
    assert [c.name for c in platform.client.synced] == ["brief"]
    assert platform.client.intents.value & ~1 == 0  # only `guilds`: nothing privileged


async def test_commands_sync_to_the_development_guild_when_set(fake, tmp_path) -> None:
    settings = discord_settings(fake, tmp_path, DISCORD_GUILD_ID=GUILD_ID)
    platform = await connected(ScriptedEngine(talks_answer()), settings)
    try:
        assert [c["name"] for c in fake.commands[GUILD_ID]] == ["brief"]
        sent = await fake.brief("latest talks")
        assert "Istanbul" in (await reply_of(fake, sent))["embeds"][0]["description"]
    finally:
        await platform.disconnect()


# -- /brief ---------------------------------------------------------------------------------


async def test_a_quick_answer_is_sent_as_embeds_without_mentions(fake, running) -> None:
    _, engine = running
    sent = await fake.brief("latest talks")
    callback = await fake.callback(sent)
    assert callback.body["type"] == 4
    data = callback.body["data"]
    assert message_errors(data) == []
    assert data["allowed_mentions"] == {"parse": []}
    assert not (data.get("flags") or 0) & EPHEMERAL
    assert "Istanbul" in data["embeds"][0]["description"]
    assert "[Caliber.Az, 2025-02-27](https://caliber.az/x)" in data["embeds"][0]["description"]
    [(query, conversation)] = engine.calls
    assert query == "latest talks"
    assert conversation == Conversation("discord", GUILD_ID, CHANNEL_ID, USER_ID, False)


async def test_a_slow_answer_is_deferred_then_followed_up(fake, settings) -> None:
    engine = ScriptedEngine(talks_answer(), delay=0.6)
    platform = await connected(engine, settings, grace=0.1)
    try:
        sent = await fake.brief("latest talks")
        callback = await fake.callback(sent)
        assert callback.body["type"] == 5  # "Briefbot is thinking..."
        assert callback.at - sent.sent_at < 0.5  # well before the answer, and Discord's 3 s
        followup = await fake.followup(sent)
        assert followup.at > callback.at
        assert message_errors(followup.body) == []
        assert "Istanbul" in followup.body["embeds"][0]["description"]
        assert followup.body["allowed_mentions"] == {"parse": []}
    finally:
        await platform.disconnect()


async def test_an_engine_error_becomes_a_polite_private_message(fake, settings) -> None:
    platform = await connected(ScriptedEngine(RuntimeError("database is locked")), settings)
    try:
        sent = await fake.brief("latest talks")
        callback = await fake.callback(sent)
        data = callback.body["data"]
        assert callback.body["type"] == 4 and data["flags"] & EPHEMERAL
        assert data["embeds"][0]["footer"]["text"] == SORRY
        assert "database" not in str(data)  # no internals, no stack trace
    finally:
        await platform.disconnect()


async def test_a_refusal_is_private(fake, settings) -> None:
    refusal = Answer("subscribe daily", "subscribe", "Not allowed", note="Only admins.", ok=False)
    platform = await connected(ScriptedEngine(refusal), settings)
    try:
        callback = await fake.callback(await fake.brief("subscribe daily at 08:00 UTC"))
        assert callback.body["data"]["flags"] & EPHEMERAL
    finally:
        await platform.disconnect()


async def test_server_managers_and_listed_users_are_admins(fake, tmp_path) -> None:
    settings = discord_settings(fake, tmp_path, BRIEFBOT_ADMINS="42, 4242")
    engine = ScriptedEngine(talks_answer())
    platform = await connected(engine, settings)
    try:
        for sent in [
            await fake.brief("subscriptions"),
            await fake.brief("subscriptions", permissions=MANAGE_GUILD),
            await fake.brief("subscriptions", user_id="4242"),
        ]:
            await fake.callback(sent)
        assert [c.is_admin for _, c in engine.calls] == [False, True, True]
    finally:
        await platform.disconnect()


async def test_article_text_cannot_mention_anyone(fake, running) -> None:
    platform, engine = running
    engine.answer_with = talks_answer(heading="@everyone <@123> talks")
    data = (await fake.callback(await fake.brief("latest talks"))).body["data"]
    text = str(data["embeds"])
    assert "@everyone" not in text and "<@123>" not in text
    assert data["allowed_mentions"] == {"parse": []}


async def test_a_long_answer_fits_discord_limits(fake, running) -> None:
    _, engine = running
    engine.answer_with = talks_answer(count=60, heading="Talks " + "word " * 40)
    data = (await fake.callback(await fake.brief("latest talks"))).body["data"]
    assert message_errors(data) == []
    assert "left out" in data["embeds"][-1]["footer"]["text"]


async def test_autocomplete_answers(fake, running) -> None:
    callback = await fake.callback(await fake.autocomplete("la"))
    assert callback.body == {
        "type": 8,
        "data": {"choices": [{"name": "latest talks", "value": "latest talks"}]},
    }
    everything = await fake.callback(await fake.autocomplete(""))
    names = [c["name"] for c in everything.body["data"]["choices"]]
    assert names == ["latest talks", "who said what"]  # the 150-character one cannot be a choice


# -- briefings to channels -----------------------------------------------------------------


async def test_a_channel_post_survives_one_429(fake, running) -> None:
    platform, _ = running
    fake.rate_limit_once.add(CHANNEL_ID)
    message_id = await platform.post_briefing(CHANNEL_ID, talks_answer(3))
    assert [c.kind for c in fake.calls if c.key == CHANNEL_ID] == [
        "rate_limited",
        "channel_message",
    ]
    [post] = fake.of_kind("channel_message")
    assert message_id.isdigit()
    assert message_errors(post.body) == []
    assert post.body["allowed_mentions"] == {"parse": []}


async def test_posting_needs_no_gateway(fake, settings) -> None:
    # `briefbot deliver` builds the platform and posts without calling connect().
    platform = DiscordPlatform(ScriptedEngine(talks_answer()), settings)
    try:
        assert await platform.post_briefing(CHANNEL_ID, talks_answer())
        assert not fake.identified.is_set()
    finally:
        await platform.disconnect()


async def test_nothing_new_is_one_short_line(fake, settings) -> None:
    platform = DiscordPlatform(ScriptedEngine(talks_answer()), settings)
    try:
        await platform.post_briefing(
            CHANNEL_ID, Answer("brief", "brief", "Nothing new since 08:00.")
        )
        [post] = fake.of_kind("channel_message")
        [embed] = post.body["embeds"]
        assert embed["title"] == "Nothing new since 08:00."
        assert "description" not in embed and "footer" not in embed
    finally:
        await platform.disconnect()


async def test_a_bad_token_is_transient_not_the_channels_fault(fake, tmp_path) -> None:
    settings = discord_settings(fake, tmp_path, DISCORD_TOKEN="not-the-token")
    platform = DiscordPlatform(ScriptedEngine(talks_answer()), settings)
    try:
        with pytest.raises(DeliveryError) as failure:
            await platform.post_briefing(CHANNEL_ID, talks_answer())
        assert not failure.value.permanent
        assert "not-the-token" not in failure.value.reason
    finally:
        await platform.disconnect()


@pytest.mark.parametrize("refusal", ["forbidden", "unknown"])
async def test_missing_access_and_unknown_channels_are_permanent(fake, running, refusal) -> None:
    platform, _ = running
    getattr(fake, refusal).add("999")
    with pytest.raises(DeliveryError) as failure:
        await platform.post_briefing("999", talks_answer())
    assert failure.value.permanent
    with pytest.raises(DeliveryError) as bad_id:
        await platform.post_briefing("#general", talks_answer())
    assert bad_id.value.permanent


async def test_an_unreachable_discord_is_transient(fake, running) -> None:
    platform, _ = running
    await fake.stop()
    with pytest.raises(DeliveryError) as failure:
        await platform.post_briefing(CHANNEL_ID, talks_answer())
    assert not failure.value.permanent


# -- the real engine and the seed -----------------------------------------------------------


@pytest.fixture
async def seeded(fake, tmp_path, seeded_engine) -> AsyncIterator[DiscordPlatform]:
    platform = await connected(seeded_engine, discord_settings(fake, tmp_path))
    yield platform
    await platform.disconnect()


async def test_seed_autocomplete_offers_commands_and_names(fake, seeded) -> None:
    commands = await fake.callback(await fake.autocomplete("lat"))
    assert {"name": "latest talks", "value": "latest talks"} in commands.body["data"]["choices"]
    names = await fake.callback(await fake.autocomplete("lavrov"))
    assert any("Lavrov" in c["name"] for c in names.body["data"]["choices"])


@pytest.mark.parametrize(
    "query", ["latest talks", "who said what", "what did Lavrov say", "brief", "help", "zzz qqq"]
)
async def test_seed_answers_arrive_as_valid_embeds(fake, seeded, query) -> None:
    data = await reply_of(fake, await fake.brief(query))
    assert message_errors(data) == []
    assert data["embeds"] and data["allowed_mentions"] == {"parse": []}
    if query == "latest talks":
        assert "Istanbul" in str(data["embeds"])
    if query == "what did Lavrov say":
        assert "Lavrov" in str(data["embeds"])


async def test_serve_runs_until_cancelled(fake, settings) -> None:
    from adapters.discord_bot import serve

    task = asyncio.create_task(serve(ScriptedEngine(talks_answer()), settings))
    await asyncio.wait_for(fake.identified.wait(), 20)
    callback = await fake.callback(await fake.brief("latest talks"))
    assert callback.body["type"] == 4
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # stopped however early, it closed the HTTP session it opened (none left to the collector)
    del task
    gc.collect()
    left_open = [
        o for o in gc.get_objects() if isinstance(o, aiohttp.ClientSession) and not o.closed
    ]
    assert not left_open


async def test_each_dm_is_its_users_own_workspace(fake, tmp_path, seeded_engine) -> None:
    """Two admins each in a DM with the bot: neither sees the other's subscriptions."""
    alice, bob = "1500000000000000001", "1600000000000000001"
    platform = await connected(
        seeded_engine, discord_settings(fake, tmp_path, BRIEFBOT_ADMINS=f"{alice},{bob}")
    )

    async def dm(user: str, query: str) -> str:
        return str(await reply_of(fake, await fake.brief(query, user_id=user, dm=True))).replace(
            "\\", ""
        )

    try:
        assert "Subscribed: briefing #1" in await dm(alice, "subscribe daily at 08:00 UTC")
        theirs = await dm(bob, "subscriptions")
        assert "#1" not in theirs and "No scheduled briefings here yet" in theirs
        assert "#1 · daily at 08:00" in await dm(alice, "subscriptions")
        assert "No such subscription" in await dm(bob, "unsubscribe 1")
    finally:
        await platform.disconnect()


# -- held commands --------------------------------------------------------------------------


async def test_a_command_is_held_until_its_answer_is_out(fake, settings, inbox) -> None:
    engine = ScriptedEngine(talks_answer(), delay=0.3, inbox=inbox)
    platform = await connected(engine, settings, grace=0.05)
    try:
        fake.hang("followup")  # the answer of the first command never gets through
        first = await fake.brief("latest talks")
        await fake.followup(first)
        [held] = await inbox.store.others("discord", "another process")
        payload = json.loads(held.payload)
        assert payload["query"] == "latest talks" and payload["token"] == first.token
        assert payload["workspace"] == GUILD_ID and payload["is_admin"] == "no"
        assert TOKEN not in held.payload  # the bot's own token is never stored

        await fake.followup(await fake.brief("who said what"))

        async def only_the_first_held() -> bool:  # the second is released once answered
            return [h.id for h in await inbox.store.others("discord", "nobody")] == [held.id]

        await wait_until(only_the_first_held)
    finally:
        await platform.disconnect()


async def test_a_command_a_dead_process_deferred_is_answered_when_the_bot_starts(
    fake, settings, inbox
) -> None:
    sent = await fake.deferred_elsewhere("latest talks")
    dead = CommandInbox(inbox.store, owner="elsewhere:1:gone", lease=-1.0)
    left = {
        "query": "latest talks",
        "application_id": APP_ID,
        "token": sent.token,
        "workspace": GUILD_ID,
        "channel": CHANNEL_ID,
        "user": USER_ID,
        "is_admin": "yes",
    }
    await dead.hold("discord", left)
    engine = ScriptedEngine(talks_answer(), inbox=inbox)
    platform = await connected(engine, settings)
    try:
        followup = await fake.followup(sent)
        assert "Istanbul" in followup.body["embeds"][0]["description"]
        assert engine.calls == [
            ("latest talks", Conversation("discord", GUILD_ID, CHANNEL_ID, USER_ID, True))
        ]
        await wait_until(lambda: inbox.store.others("discord", "nobody"), empty=True)
    finally:
        await platform.disconnect()
    assert len(fake.of_kind("followup")) == 1


async def test_a_command_never_acknowledged_is_dropped_not_answered(fake, settings, inbox) -> None:
    """A process that died before its first response: Discord forgot the interaction, and its
    webhook refuses the answer."""
    dead = CommandInbox(inbox.store, owner="elsewhere:1:gone", lease=-1.0)
    await dead.hold(
        "discord",
        {
            "query": "latest talks",
            "application_id": APP_ID,
            "token": "never-acknowledged",
            "workspace": GUILD_ID,
            "channel": CHANNEL_ID,
            "user": USER_ID,
            "is_admin": "no",
        },
    )
    platform = await connected(ScriptedEngine(talks_answer(), inbox=inbox), settings)
    try:
        await wait_until(lambda: inbox.store.others("discord", "nobody"), empty=True)
    finally:
        await platform.disconnect()
    assert fake.of_kind("followup") == []


async def wait_until(check, *, empty: bool = False, timeout: float = 10.0) -> None:
    """Poll an async `check` until it is true (or, with `empty`, returns an empty list)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        result = await check()
        if (result == []) if empty else bool(result):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not so after {timeout} s: {check}")
