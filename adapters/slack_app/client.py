"""Slack Web API clients with retries, and how Slack's errors map to `DeliveryError`."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.answer.render_slack import SlackMessage
from bot.config import Settings
from bot.platform import DeliveryError

log = logging.getLogger("briefbot.slack")

# Errors that no retry can fix: the channel is gone or closed to us, or our token is dead.
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "no_permission",
        "missing_scope",
        "restricted_action",
        "invalid_blocks",  # the same payload will be rejected again
        "msg_too_long",
        "team_access_not_granted",
    }
)

REQUEST_TIMEOUT = 15  # seconds; a scheduled post can wait, a hung socket must not block forever


def retry_handlers() -> list[AsyncRetryHandler]:
    """429 after Retry-After, 500/503 and dropped connections with backoff, each a few times."""
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=2),
        AsyncServerErrorRetryHandler(max_retry_count=3),
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
    ]


def bot_token(settings: Settings) -> str:
    if settings.slack_bot_token is None:
        raise ValueError("SLACK_BOT_TOKEN is not set: the Slack adapter cannot post")
    return settings.slack_bot_token.get_secret_value()


def web_client(settings: Settings) -> AsyncWebClient:
    """The bot's Web API client; SLACK_API_URL points it at a proxy or a local fake."""
    base_url = (
        settings.slack_api_url
        if settings.slack_api_url.endswith("/")
        else settings.slack_api_url + "/"
    )
    return AsyncWebClient(
        token=bot_token(settings),
        base_url=base_url,
        timeout=REQUEST_TIMEOUT,
        retry_handlers=retry_handlers(),
    )


def webhook_client(response_url: str) -> AsyncWebhookClient:
    return AsyncWebhookClient(
        response_url, timeout=REQUEST_TIMEOUT, retry_handlers=retry_handlers()
    )


def delivery_error(error: Exception) -> DeliveryError:
    """Classify a failed Web API call for the scheduler: permanent, or worth another try later."""
    if isinstance(error, SlackApiError):
        reason = str(error.response.get("error") or f"http_{error.response.status_code}")
        return DeliveryError(reason, permanent=reason in PERMANENT_ERRORS)
    if isinstance(error, (aiohttp.ClientError, asyncio.TimeoutError, OSError)):
        return DeliveryError(f"network: {type(error).__name__}", permanent=False)
    return DeliveryError(f"unexpected: {type(error).__name__}", permanent=False)


async def post_message(
    client: AsyncWebClient, channel: str, message: SlackMessage, *, thread_ts: str | None = None
) -> str:
    """chat.postMessage with the rendered blocks (a thread reply with `thread_ts`); returns the
    message ts or raises DeliveryError."""
    try:
        response = await client.chat_postMessage(
            channel=channel,
            unfurl_links=False,
            unfurl_media=False,
            thread_ts=thread_ts or None,  # slack_sdk leaves None arguments out of the request
            **message.payload(),
        )
    except Exception as error:  # every failure becomes a classified DeliveryError
        raise delivery_error(error) from error
    return str(response.get("ts", ""))


async def post_ephemeral(
    client: AsyncWebClient, channel: str, user: str, message: SlackMessage
) -> None:
    try:
        await client.chat_postEphemeral(channel=channel, user=user, **message.payload())
    except Exception as error:
        raise delivery_error(error) from error


async def upload_files(
    client: AsyncWebClient, channel: str, message: SlackMessage, *, thread_ts: str | None = None
) -> None:
    """The message's charts into the channel (a thread of it with `thread_ts`), by Slack's
    external upload flow (files.getUploadURLExternal, the bytes to the URL it gives,
    files.completeUploadExternal); the old files.upload is gone. Each file carries its alt text.
    Raises DeliveryError."""
    for attachment in message.files:
        try:
            await client.files_upload_v2(
                channel=channel,
                thread_ts=thread_ts,
                content=attachment.data,
                filename=attachment.filename,
                title=attachment.filename.rsplit(".", 1)[0].replace("-", " ").capitalize(),
                alt_txt=attachment.alt_text,
            )
        except Exception as error:
            raise delivery_error(error) from error


async def respond(response_url: str, message: SlackMessage, *, replace: bool = False) -> bool:
    """Reply through a slash command's response_url; True when Slack took it.

    The response_url works in DMs and private channels the bot has not joined, which
    chat.postMessage does not, so replies to commands go this way first. With `replace`, the
    message whose button gave the response_url is replaced (paging).
    """
    body: dict[str, Any] = {
        "response_type": "ephemeral" if message.ephemeral else "in_channel",
        **message.payload(),
    }
    if replace:
        # A button's response_url: the message holding the button is replaced in place.
        body["replace_original"] = True
    try:
        response = await webhook_client(response_url).send_dict(body)
    except (TimeoutError, aiohttp.ClientError, OSError) as error:
        log.warning("response_url post failed: %s", type(error).__name__)
        return False
    if response.status_code != 200:
        log.warning(
            "response_url refused the reply: %s %s", response.status_code, response.body[:200]
        )
        return False
    return True
