"""The Slack adapter end to end, offline: the real Bolt app in HTTP mode on 127.0.0.1, requests
signed exactly as Slack signs them, and a fake Slack Web API on another loopback port."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import aiohttp
import pytest
import yaml
from pydantic import SecretStr

from adapters.slack_app import SlackPlatform, commands
from adapters.slack_app.client import post_message
from adapters.slack_app.commands import SORRY
from bot.answer.model import Answer, Citation, Conversation, Item, Section
from bot.answer.render_slack import SlackMessage
from bot.command_inbox import CommandInbox
from bot.config import Settings
from bot.platform import DeliveryError
from bot.store.held_commands import HeldCommandStore
from bot.store.store import Store
from tests.fakes.slack_api import RESPONSE_URL, FakeSlack, blocks_error, slash_command_body
from tests.reliability.support import wait_for

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test-token"
ROOT = Path(__file__).resolve().parents[2]


# -- fixtures -------------------------------------------------------------------------------


@dataclass
class ScriptedEngine:
    """Stands in for the engine where the test is about Slack, not about answers."""

    answer_with: Answer | Exception
    inbox: CommandInbox  # the real one, on the test's own SQLite file
    calls: list[tuple[str, Conversation]] = field(default_factory=list)

    async def answer(self, query: str, conversation: Conversation | None = None) -> Answer:
        assert conversation is not None
        self.calls.append((query, conversation))
        if isinstance(self.answer_with, Exception):
            raise self.answer_with
        return self.answer_with

    async def command_inbox(self) -> CommandInbox:
        return self.inbox


def talks_answer(count: int = 1) -> Answer:
    items = [
        Item(
            f"Russia and United States: talks in Istanbul ({n})",
            "Embassy operations.",
            citations=[
                Citation(
                    "Russia-US talks commence", "Caliber.Az", "2025-02-27", "https://caliber.az/x"
                )
            ],
        )
        for n in range(count)
    ]
    return Answer("latest talks", "latest_talks", "Latest talks", [Section("Talks", items)])


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=TOKEN).start()
    yield server
    await server.stop()


@pytest.fixture
def settings(fake: FakeSlack, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        BRIEFBOT_DB=tmp_path / "briefbot.db",
        BRIEFBOT_HTTP_HOST="127.0.0.1",
        BRIEFBOT_HTTP_PORT=0,
        BRIEFBOT_ADMINS="ULISTED",
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_APP_TOKEN=None,
        SLACK_API_URL=fake.api_url,
    )


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[ScriptedEngine]:
    db = tmp_path / "briefbot.db"
    await (await Store.open(db)).close()
    held = await HeldCommandStore.open(db)
    yield ScriptedEngine(talks_answer(), CommandInbox(held))
    await held.close()


@pytest.fixture
async def slack(engine: Any, settings: Settings) -> AsyncIterator[SlackPlatform]:
    platform = SlackPlatform(engine, settings)
    await platform.connect()
    yield platform
    await platform.disconnect()


@pytest.fixture
async def seeded_slack(seeded_engine: Any, settings: Settings) -> AsyncIterator[SlackPlatform]:
    """The real engine (tests/conftest.py) on a fresh copy of a database holding the seeds."""
    platform = SlackPlatform(seeded_engine, settings)
    await platform.connect()
    yield platform
    await platform.disconnect()


# -- Slack's side of a slash command --------------------------------------------------------


def signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def command_body(
    fake: FakeSlack, text: str, *, user: str = "U0ASKER", channel: str = "C0NEWS"
) -> bytes:
    return slash_command_body(fake.team_id, fake.response_url(), text, user=user, channel=channel)


async def post_to_app(
    slack: SlackPlatform,
    body: bytes,
    *,
    secret: str | None = SECRET,
    timestamp: int | None = None,
    content_type: str = "application/x-www-form-urlencoded",
) -> int:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {"Content-Type": content_type}
    if secret is not None:
        headers["X-Slack-Request-Timestamp"] = ts
        headers["X-Slack-Signature"] = signature(secret, ts, body)
    url = f"http://127.0.0.1:{slack.port}/slack/events"
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers) as response,
    ):
        await response.read()
        return response.status


async def brief(slack: SlackPlatform, fake: FakeSlack, text: str, **kwargs: Any) -> int:
    """Send `/brief text` as Slack would and wait until the reply has been posted."""
    status = await post_to_app(slack, command_body(fake, text, **kwargs))
    await slack.tasks.drain()
    return status


def all_text(message: dict[str, Any]) -> str:
    parts = [message.get("text", "")]
    for block in message.get("blocks", []):
        if "text" in block:
            parts.append(block["text"]["text"])
        for element in block.get("elements", []):  # context texts; a button's text is an object
            parts.append(
                element["text"] if isinstance(element["text"], str) else element["text"]["text"]
            )
    return "\n".join(parts)


# -- the seed article through the real engine -----------------------------------------------


async def test_seed_answers_arrive_as_valid_blocks(
    seeded_slack: SlackPlatform, fake: FakeSlack
) -> None:
    assert await brief(seeded_slack, fake, "latest talks") == 200
    assert await brief(seeded_slack, fake, "who said what") == 200
    assert await brief(seeded_slack, fake, "help") == 200

    assert fake.rejected == []
    talks, said, help_ = fake.responses
    for reply in (talks, said, help_):
        assert blocks_error(reply["blocks"]) is None
        assert "<!" not in all_text(reply) and "<@" not in all_text(reply)
    assert talks["response_type"] == "in_channel"
    assert "Istanbul" in all_text(talks)
    assert "Caliber.Az" in all_text(talks)  # the citation: outlet, date, link
    assert said["response_type"] == "in_channel"
    assert "Lavrov" in all_text(said)
    assert help_["response_type"] == "ephemeral"


# -- request verification -------------------------------------------------------------------


@pytest.mark.parametrize(
    "secret, age",
    [(None, 0), ("not-the-signing-secret", 0), (SECRET, 5 * 60 + 30)],
    ids=["unsigned", "badly-signed", "stale"],
)
async def test_unverified_requests_get_401_and_reach_no_handler(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine, secret: str | None, age: int
) -> None:
    body = command_body(fake, "latest talks")
    status = await post_to_app(slack, body, secret=secret, timestamp=int(time.time()) - age)
    await slack.tasks.drain()
    assert status == 401
    assert engine.calls == []
    assert fake.calls == []  # not even auth.test: Bolt stopped before authorising


async def test_signature_covers_the_body(slack: SlackPlatform, fake: FakeSlack) -> None:
    ts = str(int(time.time()))
    signed = command_body(fake, "latest talks")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature(SECRET, ts, signed),
    }
    url = f"http://127.0.0.1:{slack.port}/slack/events"
    async with aiohttp.ClientSession() as session:
        tampered = command_body(fake, "help")
        async with session.post(url, data=tampered, headers=headers) as response:
            assert response.status == 401


def junk_requests(fake: FakeSlack) -> dict[str, tuple[bytes, dict[str, str]]]:
    """Requests anyone can send: each with the headers that make it junk."""
    ts = str(int(time.time()))
    good = command_body(fake, "help")
    invalid_utf8 = b"token=x&text=\xff\xfe\xfa"
    form = "application/x-www-form-urlencoded"
    return {
        "invalid UTF-8": (
            invalid_utf8,
            {"Content-Type": form, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=00"},
        ),
        "invalid UTF-8, signed": (
            invalid_utf8,
            {
                "Content-Type": form,
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": signature(SECRET, ts, invalid_utf8),
            },
        ),
        "unknown charset": (
            good,
            {
                "Content-Type": form + "; charset=klingon",
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": signature(SECRET, ts, good),
            },
        ),
        "timestamp not a number": (
            good,
            {
                "Content-Type": form,
                "X-Slack-Request-Timestamp": "soon",
                "X-Slack-Signature": "v0=00",
            },
        ),
        "no headers at all": (b"\x00\x01junk", {}),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "invalid UTF-8",
        "invalid UTF-8, signed",
        "unknown charset",
        "timestamp not a number",
        "no headers at all",
    ],
)
async def test_junk_gets_400_or_401_and_at_most_one_short_log_line(
    slack: SlackPlatform,
    fake: FakeSlack,
    engine: ScriptedEngine,
    kind: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    body, headers = junk_requests(fake)[kind]
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"http://127.0.0.1:{slack.port}/slack/events", data=body, headers=headers
        ) as response,
    ):
        await response.read()
    assert response.status in (400, 401)
    # What the request caused (asyncio's notes about other tests' garbage are not about it).
    records = [r for r in caplog.records if r.name.startswith(("briefbot", "aiohttp", "slack"))]
    assert len([r for r in records if r.levelno >= logging.INFO]) <= 1
    assert all(
        r.exc_info is None and "\n" not in r.getMessage() and len(r.getMessage()) < 200
        for r in records
    )
    assert engine.calls == [] and fake.calls == []


# -- the command ----------------------------------------------------------------------------


async def test_command_is_acked_and_answered_in_channel(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine
) -> None:
    assert await brief(slack, fake, "latest talks") == 200
    (reply,) = fake.responses
    assert reply["response_type"] == "in_channel"
    assert "talks in Istanbul" in all_text(reply)
    assert fake.called("auth.test")  # Bolt authorised the request against the fake
    query, conversation = engine.calls[0]
    assert query == "latest talks"
    assert conversation == Conversation("slack", fake.team_id, "C0NEWS", "U0ASKER", False)


async def test_a_command_is_held_until_its_reply_has_gone_out(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine
) -> None:
    fake.hang(RESPONSE_URL)
    await post_to_app(slack, command_body(fake, "latest talks"))
    await wait_for(lambda: fake.called(RESPONSE_URL), 10, "the reply")
    [held] = await engine.inbox.store.others("slack", "another process")
    payload = json.loads(held.payload)
    assert payload["text"] == "latest talks" and payload["response_url"]
    assert "token" not in payload and "trigger_id" not in payload  # nothing secret, nothing stale
    await post_to_app(slack, command_body(fake, "who said what"))
    await wait_for(lambda: fake.responses, 10, "the second reply")

    async def only_the_first_held() -> bool:  # the second is released once its reply is out
        return [h.id for h in await engine.inbox.store.others("slack", "nobody")] == [held.id]

    await wait_for(only_the_first_held, 10, "the answered command to be released")


async def test_a_command_a_dead_process_acked_is_answered_when_the_bot_starts(
    engine: ScriptedEngine, fake: FakeSlack, settings: Settings
) -> None:
    dead = CommandInbox(engine.inbox.store, owner="elsewhere:1:gone", lease=-1.0)
    await dead.hold(
        "slack",
        {
            "text": "latest talks",
            "team_id": fake.team_id,
            "channel_id": "C0NEWS",
            "user_id": "U0ASKER",
            "response_url": fake.response_url("left"),
        },
    )
    platform = SlackPlatform(engine, settings)
    await platform.connect()
    try:
        await wait_for(lambda: fake.responses, 10, "the reply")
        await platform.tasks.drain()
    finally:
        await platform.disconnect()
    assert fake.answered == ["left"]
    assert "talks in Istanbul" in all_text(fake.responses[0])
    assert await engine.inbox.store.others("slack", "another process") == []


async def test_more_is_passed_through_and_text_unescaped(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine
) -> None:
    await brief(slack, fake, "more")
    await brief(slack, fake, "what did &lt;Lavrov&gt; say &amp; when")
    assert [q for q, _ in engine.calls] == ["more", "what did <Lavrov> say & when"]


async def test_not_ok_answers_are_ephemeral(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine
) -> None:
    engine.answer_with = Answer(
        "zzz", "unknown", "Briefbot", note="I didn't understand `zzz`.", ok=False
    )
    await brief(slack, fake, "zzz")
    (reply,) = fake.responses
    assert reply["response_type"] == "ephemeral"
    assert "I didn't understand" in all_text(reply)


async def test_an_engine_error_becomes_a_polite_message(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine
) -> None:
    engine.answer_with = RuntimeError("database is locked")
    assert await brief(slack, fake, "latest talks") == 200  # the ack survived the failure
    (reply,) = fake.responses
    assert reply["response_type"] == "ephemeral"
    assert SORRY in all_text(reply)
    assert "database is locked" not in all_text(reply)


async def test_a_hung_engine_gets_a_polite_timeout(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def hung(query: str, conversation: Conversation | None = None) -> Answer:
        await asyncio.sleep(60)
        raise AssertionError("unreachable")

    monkeypatch.setattr(commands, "ANSWER_TIMEOUT", 0.05)
    monkeypatch.setattr(engine, "answer", hung)
    await brief(slack, fake, "latest talks")
    (reply,) = fake.responses
    assert reply["response_type"] == "ephemeral" and commands.TOO_SLOW in all_text(reply)


async def test_a_rate_limited_reply_is_retried_and_arrives_once(
    slack: SlackPlatform, fake: FakeSlack
) -> None:
    fake.rate_limit(RESPONSE_URL, retry_after=0)
    await brief(slack, fake, "latest talks")
    assert len(fake.called(RESPONSE_URL)) == 2
    assert len(fake.responses) == 1


async def test_a_refused_response_url_falls_back_to_chat_post_message(
    slack: SlackPlatform, fake: FakeSlack
) -> None:
    fake.fail(RESPONSE_URL, "expired_url", status=404)
    await brief(slack, fake, "latest talks")
    assert fake.responses == []
    (message,) = fake.messages
    assert message["channel"] == "C0NEWS"
    assert "talks in Istanbul" in all_text(message)


async def test_admins_come_from_slack_roles_and_from_settings(
    slack: SlackPlatform, fake: FakeSlack, engine: ScriptedEngine
) -> None:
    fake.users = {"UADMIN": {"is_admin": True}, "UOWNER": {"is_owner": True}, "UMEMBER": {}}
    for user in ("UADMIN", "UOWNER", "UMEMBER", "ULISTED", "UNOBODY"):
        await brief(slack, fake, "subscriptions", user=user)
    await brief(slack, fake, "subscriptions", user="UADMIN")  # cached: no second users.info
    assert [c.is_admin for _, c in engine.calls] == [True, True, False, True, False, True]
    looked_up = [call.args["user"] for call in fake.called("users.info")]
    assert looked_up == ["UADMIN", "UOWNER", "UMEMBER", "UNOBODY"]


# -- briefings posted by the scheduler ------------------------------------------------------


async def test_post_briefing_returns_the_message_ts(slack: SlackPlatform, fake: FakeSlack) -> None:
    ts = await slack.post_briefing("C0NEWS", talks_answer())
    (message,) = fake.messages
    assert message["ts"] == ts and message["channel"] == "C0NEWS"


async def test_a_429_is_retried_after_retry_after_and_posted_once(
    slack: SlackPlatform, fake: FakeSlack
) -> None:
    fake.rate_limit("chat.postMessage", retry_after=0)
    await slack.post_briefing("C0NEWS", talks_answer())
    assert len(fake.called("chat.postMessage")) == 2
    assert len(fake.messages) == 1


async def test_a_server_error_is_retried(slack: SlackPlatform, fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", "internal_error", status=503)
    await slack.post_briefing("C0NEWS", talks_answer())
    assert len(fake.messages) == 1


@pytest.mark.parametrize(
    "error",
    ["channel_not_found", "not_in_channel", "invalid_auth", "account_inactive", "is_archived"],
)
async def test_permanent_failures_are_reported_without_retrying(
    slack: SlackPlatform, fake: FakeSlack, error: str
) -> None:
    fake.channel_errors["C0GONE"] = error
    with pytest.raises(DeliveryError) as raised:
        await slack.post_briefing("C0GONE", talks_answer())
    assert raised.value.permanent and raised.value.reason == error
    assert len(fake.called("chat.postMessage")) == 1


async def test_a_transient_failure_is_not_permanent(slack: SlackPlatform, fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", "fatal_error")
    with pytest.raises(DeliveryError) as raised:
        await slack.post_briefing("C0NEWS", talks_answer())
    assert not raised.value.permanent


async def test_long_answers_fit_where_slack_rejects_oversized_blocks(
    slack: SlackPlatform, fake: FakeSlack
) -> None:
    await slack.post_briefing("C0NEWS", talks_answer(count=80))
    (message,) = fake.messages
    assert len(message["blocks"]) <= 50
    assert "left out to fit Slack's limits" in all_text(message)

    # The fake refuses what Slack refuses, so the check above means something.
    too_many = [{"type": "divider"}] * 51
    too_long = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    for blocks in (too_many, too_long):
        with pytest.raises(DeliveryError) as raised:
            await post_message(slack.client, "C0NEWS", SlackMessage("x", blocks))
        assert raised.value.reason == "invalid_blocks" and raised.value.permanent


def test_the_manifest_creates_the_command_and_scopes() -> None:
    manifest = yaml.safe_load((ROOT / "slack" / "manifest.yml").read_text(encoding="utf-8"))
    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == "/brief" and "latest talks" in command["usage_hint"]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "chat:write.public", "users:read"} <= scopes
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert "app_home_opened" in manifest["settings"]["event_subscriptions"]["bot_events"]


# -- Socket Mode ----------------------------------------------------------------------------


async def test_socket_mode_answers_commands_without_http(
    fake: FakeSlack, settings: Settings, engine: ScriptedEngine
) -> None:
    socket_settings = settings.model_copy(
        update={"slack_app_token": SecretStr(fake.app_token), "slack_signing_secret": None}
    )
    platform = SlackPlatform(engine, socket_settings)
    await platform.connect()
    try:
        # No events endpoint in Socket Mode: the HTTP port serves the health check only.
        async with aiohttp.ClientSession() as session:
            base = f"http://127.0.0.1:{platform.port}"
            async with session.get(f"{base}/healthz") as health:
                assert health.status == 200
            async with session.post(f"{base}/slack/events", data=b"x") as events:
                assert events.status == 404
        payload = dict(parse_qsl(command_body(fake, "latest talks").decode()))
        envelope = await fake.send_envelope("slash_commands", payload)
        assert (await fake.socket_ack(envelope))["envelope_id"] == envelope
        await platform.tasks.drain()
    finally:
        await platform.disconnect()
    (reply,) = fake.responses
    assert reply["response_type"] == "in_channel" and "talks in Istanbul" in all_text(reply)
    assert fake.called("apps.connections.open")[0].token == fake.app_token
    assert engine.calls[0][0] == "latest talks"
