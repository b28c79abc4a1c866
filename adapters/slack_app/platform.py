"""`SlackPlatform`: the Bolt app on its transport, and posting briefings for the scheduler."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack_app.admin import AdminCheck
from adapters.slack_app.client import post_message, upload_files, web_client
from adapters.slack_app.commands import (
    Answerer,
    BriefCommand,
    FormSubmissions,
    HomeTab,
    PageButtons,
    SourcesButton,
    Tasks,
)
from bot.answer.model import Answer
from bot.answer.render_slack import SlackMessage, render_slack
from bot.config import Settings
from bot.logs import bind_request_id
from bot.platform import DeliveryError, StartupError
from bot.schedule.form import FORM_ID

log = logging.getLogger("briefbot.slack")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
COMMAND = "/brief"


class _ClientTokenNotice(logging.Filter):
    """Drops Bolt's start-up warning that our client's token wins over SLACK_BOT_TOKEN.

    Bolt reads SLACK_BOT_TOKEN from the environment by itself, sees our client too, and warns;
    both hold the same token, so the warning would only alarm operators.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def build_app(
    settings: Settings, client: AsyncWebClient, command: BriefCommand, home: HomeTab
) -> AsyncApp:
    """The Bolt app: `/brief` and the Home tab; Bolt verifies Slack's signature on every request."""
    secret = settings.slack_signing_secret
    bolt_log = logging.getLogger("briefbot.slack.bolt")
    if not any(isinstance(f, _ClientTokenNotice) for f in bolt_log.filters):
        bolt_log.addFilter(_ClientTokenNotice())
    app = AsyncApp(
        client=client,
        signing_secret=secret.get_secret_value() if secret else "",
        # Run the listener before answering the HTTP request: it only acks and starts a task,
        # so Slack gets its 200 at once instead of after Bolt's 10 ms ack polling.
        process_before_response=True,
        logger=bolt_log,
    )
    app.use(_with_request_id)
    app.command(COMMAND)(command.on_command)
    app.event("app_home_opened")(home.on_home_opened)
    return app


async def _with_request_id(body: dict[str, Any], next: Callable[[], Awaitable[Any]]) -> None:
    """Every request from Slack gets an id; the reply task it starts inherits it (contextvars).

    Bound for the rest of the task, not scoped: Bolt runs the listener after this middleware
    has returned. Each HTTP request (and each Socket Mode envelope) has a task of its own.
    """
    bind_request_id("slack")
    kind = body.get("command") or body.get("type") or "request"
    log.debug("slack request", extra={"fields": {"kind": kind, "team": body.get("team_id")}})
    await next()


HealthProbe = Callable[[], Awaitable[tuple[bool, dict[str, Any]]]]

TEXT_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})  # what Slack sends


class Refusal(Exception):
    """A request to the events endpoint that is not from Slack or not readable: status, reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


async def verified_text(request: web.Request, verifier: SignatureVerifier) -> str:
    """The body of a request Slack signed, as text; Refusal (400/401) for anything else.

    Checked here, before Bolt, because Bolt decodes the body and reads the timestamp as an
    integer before it checks the signature, so junk (invalid UTF-8, an unknown charset, a
    timestamp that is not a number) raised inside it: a 500 and a traceback per request.
    """
    timestamp = request.headers.get("X-Slack-Request-Timestamp")
    signature = request.headers.get("X-Slack-Signature")
    if not timestamp or not signature:
        raise Refusal(401, "unsigned request")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        raise Refusal(400, "timestamp is not a number")
    if request.charset and request.charset.lower() not in TEXT_CHARSETS:
        raise Refusal(400, "unknown charset")
    try:
        text = (await request.read()).decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, "body is not UTF-8") from None
    if not verifier.is_valid(body=text, timestamp=timestamp, signature=signature):
        raise Refusal(401, "bad or stale signature")
    return text


class SlackPlatform:
    """One Slack workspace: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP."""

    name = "slack"

    def __init__(self, engine: Answerer, settings: Settings) -> None:
        self.settings = settings
        self.client = web_client(settings)
        self.tasks = Tasks()
        admins = AdminCheck(self.client, settings.admin_ids)
        self.command = BriefCommand(engine, self.client, admins, self.tasks)
        home = HomeTab(engine, self.client, admins, self.tasks)
        self.app = build_app(settings, self.client, self.command, home)
        self.app.action(HomeTab.ACTIONS)(home.on_control)
        self.app.view(FORM_ID)(FormSubmissions(engine, self.client, admins).on_subscribe)
        self.app.action(PageButtons.ACTIONS)(PageButtons(engine, self.tasks).on_action)
        self.app.action(SourcesButton.ACTION)(
            SourcesButton(engine, self.client, self.tasks).on_action
        )
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._verifier: SignatureVerifier | None = None
        self._socket_connected = False
        self._resumer: asyncio.Task[None] | None = None  # answers commands left by dead processes
        # Set by `briefbot run` to the process's health report; served at /healthz in HTTP mode.
        self.health: HealthProbe | None = None

    @property
    def connected(self) -> bool:
        if self.socket_mode:
            return self._socket_connected
        return self._runner is not None

    @property
    def socket_mode(self) -> bool:
        return self.settings.slack_app_token is not None

    @property
    def port(self) -> int | None:
        """The bound HTTP port (useful with BRIEFBOT_HTTP_PORT=0), or None in Socket Mode."""
        if self._runner is None or not self._runner.addresses:
            return None
        return int(self._runner.addresses[0][1])

    async def connect(self) -> None:
        if self.socket_mode:
            await self._connect_socket()
        else:
            await self._serve_http()
        # Now and every few seconds: commands a process now gone acknowledged and never answered.
        self._resumer = asyncio.create_task(
            self.command.held.resume_forever(
                self.command.resume, self.settings.command_resume_seconds
            ),
            name="slack-resume",
        )

    async def _connect_socket(self) -> None:
        assert self.settings.slack_app_token is not None
        # No events endpoint in Socket Mode, but the health check answers on the HTTP port, from
        # the start: while Slack is unreachable (Socket Mode retries for ever) it says so (503).
        health_app = web.Application()
        health_app.router.add_get(HEALTH_PATH, self._healthz)
        await self._listen(health_app)
        self._socket = AsyncSocketModeHandler(
            self.app, self.settings.slack_app_token.get_secret_value()
        )
        await self._socket.connect_async()
        self._socket_connected = True
        log.info("Slack: connected in Socket Mode")

    async def _listen(self, web_app: web.Application) -> None:
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        host, port = self.settings.http_host, self.settings.http_port
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as error:
            await runner.cleanup()
            raise StartupError(
                f"cannot listen on {host}:{port}: "
                f"{os.strerror(error.errno) if error.errno else error} "
                "(is another briefbot running? set BRIEFBOT_HTTP_PORT)"
            ) from None
        self._runner = runner

    async def _serve_http(self) -> None:
        if self.settings.slack_signing_secret is None:
            raise ValueError(
                "SLACK_SIGNING_SECRET is not set: HTTP mode cannot verify Slack's requests "
                "(or set SLACK_APP_TOKEN to use Socket Mode)"
            )
        self._verifier = SignatureVerifier(self.settings.slack_signing_secret.get_secret_value())
        web_app = web.Application()
        web_app.router.add_post(EVENTS_PATH, self._events)
        web_app.router.add_get(HEALTH_PATH, self._healthz)
        await self._listen(web_app)
        log.info(
            "Slack: listening on http://%s:%s%s", self.settings.http_host, self.port, EVENTS_PATH
        )

    async def _events(self, request: web.Request) -> web.Response:
        """Slack's requests, verified, to Bolt (which checks the signature again: harmless)."""
        assert self._verifier is not None  # set when the HTTP endpoint starts
        try:
            text = await verified_text(request, self._verifier)
        except Refusal as refusal:
            # One short line, no traceback: anyone can send junk, and the log must stay readable.
            log.info(
                "Slack: refused a request to %s: %s (%s)", EVENTS_PATH, refusal, refusal.status
            )
            return web.Response(status=refusal.status, text=str(refusal))
        # Bolt reads one value per header; a plain dict of them is what it is typed to take.
        headers: dict[str, str | Sequence[str]] = dict(request.headers)
        response = await self.app.async_dispatch(
            AsyncBoltRequest(body=text, query=request.query_string, headers=headers)
        )
        return await to_aiohttp_response(response)

    async def _healthz(self, request: web.Request) -> web.Response:
        """200 with the report when healthy, 503 otherwise (no signature: it reveals no data)."""
        if self.health is None:
            healthy, body = (
                self.connected,
                {"status": "ok", "adapters": {"connected": {"slack": True}}},
            )
        else:
            healthy, body = await self.health()
        return web.json_response(body, status=200 if healthy else 503)

    async def disconnect(self) -> None:
        """Stop taking commands, let replies in flight finish (briefly), then close."""
        if self._resumer is not None:
            self._resumer.cancel()
            await asyncio.gather(self._resumer, return_exceptions=True)
            self._resumer = None
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
            self._socket_connected = False
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        try:
            await asyncio.wait_for(self.tasks.drain(), timeout=10)
        except TimeoutError:
            await self.tasks.cancel()

    async def post_briefing(
        self,
        channel: str,
        answer: Answer,
        *,
        reply_to: str | None = None,
        thread_name: str | None = None,
    ) -> str:
        """Post to a channel by id (in the thread of `reply_to`, a message ts, when given; a Slack
        thread has no name, so `thread_name` is not used);
        retries 429/5xx itself, raises DeliveryError otherwise. A chart (the weekly briefing's)
        follows its message there."""
        message = render_slack(answer)
        ts = await post_message(self.client, channel, message, thread_ts=reply_to)
        if message.files:
            await self._upload_after(channel, message, reply_to)
        return ts

    async def _upload_after(self, channel: str, message: SlackMessage, thread: str | None) -> None:
        """Charts under a message already posted. A failed upload is logged and not raised: the
        briefing has arrived, and a retry would post it twice for the sake of a picture of what
        it already says (a public channel the bot posts to without joining refuses files)."""
        try:
            await upload_files(self.client, channel, message, thread_ts=thread)
        except DeliveryError as error:
            log.warning("could not upload the chart to %s: %s", channel, error.reason)


async def serve(engine: Answerer, settings: Settings) -> None:
    """Run the Slack adapter until cancelled (`briefbot run slack`)."""
    platform = SlackPlatform(engine, settings)
    try:
        await platform.connect()  # a stop during start-up still closes what it opened
        await asyncio.Future()  # never completes: runs until the task is cancelled
    finally:
        await platform.disconnect()
