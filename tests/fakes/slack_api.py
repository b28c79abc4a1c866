"""A local stand-in for Slack's Web API and response_url endpoint (aiohttp, 127.0.0.1, any port).

It answers what the adapter calls (auth.test, users.info, chat.postMessage, chat.postEphemeral,
views.publish, views.open (modals with input blocks, checked like Slack checks them), and the
external file upload: files.getUploadURLExternal gives a loopback upload URL of this fake, the bytes
POSTed there must be a PNG of the announced length, and files.completeUploadExternal shares the
uploaded files in a channel), records every post (a response_url post with `replace_original`
replaces the message whose button gave that response_url, as Slack does), rejects blocks the way
Slack does (`invalid_blocks`), and can be told to answer 429 with Retry-After, or a given error, for
the next calls to a method. It also speaks enough Socket Mode (apps.connections.open, a WebSocket
that says hello, sends envelopes and collects their acks) to run the app without a public URL.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from itertools import count
from typing import Any
from urllib.parse import parse_qsl, urlencode

from aiohttp import WSMsgType, web

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_TEXT_OBJECT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_ACTION_ELEMENTS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ID = 255
RESPONSE_URL = "response_url"  # the key for rate limits and failures on response_url posts
UPLOAD = "upload"  # the key for failures of the upload URL itself
MAX_ALT_TXT = 1000  # files.getUploadURLExternal's alt_txt
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _text_error(obj: Any, where: str, limit: int) -> str | None:
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        return f"{where}: must be a text object"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return f"{where}: must be more than 0 characters"
    if len(text) > limit:
        return f"{where}: must be less than {limit + 1} characters"
    return None


def _block_error(index: int, block: Any) -> str | None:
    where = f"[json-pointer:/blocks/{index}"
    if not isinstance(block, dict):
        return f"{where}] must be an object"
    kind = block.get("type")
    if kind == "header":
        text = block.get("text", {})
        if isinstance(text, dict) and text.get("type") != "plain_text":
            return f"{where}/text/type] must be plain_text"
        return _text_error(text, f"{where}/text/text]", MAX_HEADER_TEXT)
    if kind == "section":
        if "text" not in block and "fields" not in block:
            return f"{where}] section needs text or fields"
        if "text" in block and (
            error := _text_error(block["text"], f"{where}/text]", MAX_SECTION_TEXT)
        ):
            return error
        fields = block.get("fields", [])
        if len(fields) > MAX_FIELDS:
            return f"{where}/fields] must provide less than {MAX_FIELDS + 1} items"
        for n, fld in enumerate(fields):
            if error := _text_error(fld, f"{where}/fields/{n}]", MAX_FIELD_TEXT):
                return error
        return None
    if kind == "context":
        elements = block.get("elements") or []
        if not 1 <= len(elements) <= MAX_CONTEXT_ELEMENTS:
            return f"{where}/elements] must provide 1 to {MAX_CONTEXT_ELEMENTS} items"
        for n, element in enumerate(elements):
            if error := _text_error(element, f"{where}/elements/{n}]", MAX_TEXT_OBJECT):
                return error
        return None
    if kind == "divider":
        return None
    if kind == "actions":
        return _actions_error(where, block)
    if kind == "input":
        return _input_error(where, block)
    return f"{where}/type] unsupported block type {kind!r}"


def _actions_error(where: str, block: dict[str, Any]) -> str | None:
    elements = block.get("elements") or []
    if not 1 <= len(elements) <= MAX_ACTION_ELEMENTS:
        return f"{where}/elements] must provide 1 to {MAX_ACTION_ELEMENTS} items"
    for n, element in enumerate(elements):
        at = f"{where}/elements/{n}"
        if element.get("type") != "button":
            return f"{at}/type] unsupported element type {element.get('type')!r}"
        text = element.get("text", {})
        if isinstance(text, dict) and text.get("type") != "plain_text":
            return f"{at}/text/type] must be plain_text"
        if error := _text_error(text, f"{at}/text]", MAX_BUTTON_TEXT):
            return error
        if element.get("style") not in (None, "primary", "danger"):
            return f"{at}/style] must be primary or danger"
        if not 1 <= len(str(element.get("action_id", ""))) <= MAX_ACTION_ID:
            return f"{at}/action_id] must be 1 to {MAX_ACTION_ID} characters"
        if len(str(element.get("value", ""))) > MAX_BUTTON_VALUE:
            return f"{at}/value] must be less than {MAX_BUTTON_VALUE + 1} characters"
    return None


MAX_INPUT_LABEL = 2000
MAX_OPTIONS = 100
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_MODAL_TITLE = 24
MAX_PRIVATE_METADATA = 3000


def _input_error(where: str, block: dict[str, Any]) -> str | None:
    """An input block (modals only): a plain_text label and one input element."""
    if (error := _text_error(block.get("label"), f"{where}/label]", MAX_INPUT_LABEL)) or block[
        "label"
    ]["type"] != "plain_text":
        return error or f"{where}/label/type] must be plain_text"
    element = block.get("element") or {}
    if element.get("type") == "plain_text_input":
        return None
    if element.get("type") != "static_select":
        return f"{where}/element/type] unsupported element type {element.get('type')!r}"
    options = element.get("options") or []
    if not 1 <= len(options) <= MAX_OPTIONS:
        return f"{where}/element/options] must provide 1 to {MAX_OPTIONS} items"
    for n, option in enumerate(options):
        if error := _text_error(
            option.get("text"), f"{where}/element/options/{n}/text]", MAX_OPTION_TEXT
        ):
            return error
        if not 1 <= len(str(option.get("value", ""))) <= MAX_OPTION_VALUE:
            return f"{where}/element/options/{n}/value] must be 1 to {MAX_OPTION_VALUE} characters"
    if "initial_option" in element and element["initial_option"] not in options:
        return f"{where}/element/initial_option] must be one of the options"
    return None


def modal_error(view: Any) -> str | None:
    """Why Slack would refuse a modal view (views.open), or None."""
    if not isinstance(view, dict) or view.get("type") != "modal":
        return "view: must be a modal"
    for key in ("title", "submit", "close"):
        if key in view and (error := _text_error(view[key], f"view/{key}", MAX_MODAL_TITLE)):
            return error
    if "title" not in view:
        return "view/title: required"
    if len(str(view.get("private_metadata", ""))) > MAX_PRIVATE_METADATA:
        return f"view/private_metadata: must be at most {MAX_PRIVATE_METADATA} characters"
    if any(b.get("type") == "input" for b in view.get("blocks", [])) and "submit" not in view:
        return "view/submit: required when the view has inputs"
    return blocks_error(view.get("blocks"), max_blocks=100)


def view_submission_body(
    team_id: str, view: dict[str, Any], answers: dict[str, str], *, user: str
) -> bytes:
    """The form body Slack POSTs when `user` submits a modal the app opened, with `answers`
    (block_id -> text typed, or the value of the option picked) in `view.state.values`."""
    values: dict[str, Any] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input" or block["block_id"] not in answers:
            continue
        element, answer = block["element"], answers[block["block_id"]]
        if element["type"] == "static_select":
            option = next(o for o in element["options"] if o["value"] == answer)
            state = {"type": "static_select", "selected_option": option}
        else:
            state = {"type": "plain_text_input", "value": answer or None}
        values[block["block_id"]] = {element["action_id"]: state}
    payload = {
        "type": "view_submission",
        "team": {"id": team_id, "domain": "briefbot-test"},
        "user": {"id": user, "username": "asker", "name": "asker", "team_id": team_id},
        "api_app_id": "A0BRIEF",
        "token": "verification-token-unused",
        "trigger_id": "10.11.12",
        "view": {
            **view,
            "id": "V0MODAL",
            "team_id": team_id,
            "state": {"values": values},
            "hash": "1.def",
            "app_id": "A0BRIEF",
            "bot_id": "B0BOT",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


def blocks_error(blocks: Any, max_blocks: int = MAX_BLOCKS) -> str | None:
    """Why Slack would refuse these blocks, or None: the limits the adapter must respect."""
    if blocks is None:
        return None
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return "blocks: invalid JSON"
    if not isinstance(blocks, list):
        return "blocks: must be an array"
    if len(blocks) > max_blocks:
        return f"[json-pointer:/blocks] must provide less than {max_blocks + 1} items"
    for index, block in enumerate(blocks):
        if error := _block_error(index, block):
            return error
    action_ids = [
        e.get("action_id")
        for b in blocks
        if b.get("type") == "actions"
        for e in b.get("elements", [])
    ]
    if len(action_ids) != len(set(action_ids)):
        return "[json-pointer:/blocks] action_id must be unique in a message"
    return None


def slash_command_body(
    team_id: str, response_url: str, text: str, *, user: str, channel: str
) -> bytes:
    """The form body Slack POSTs to an app's request URL for `/brief TEXT`."""
    return urlencode(
        {
            "token": "verification-token-unused",
            "team_id": team_id,
            "team_domain": "briefbot-test",
            "channel_id": channel,
            "channel_name": "news",
            "user_id": user,
            "user_name": "asker",
            "command": "/brief",
            "text": text,
            "api_app_id": "A0BRIEF",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    ).encode()


def block_actions_body(
    team_id: str,
    response_url: str,
    message: dict[str, Any],
    action_id: str,
    *,
    user: str,
    channel: str,
) -> bytes:
    """The form body Slack POSTs (`payload=<json>`) when `user` presses the button `action_id` of
    `message`, a message the app sent (as a response_url reply, so it has no ts of its own here)."""
    button, block_id = next(
        (e, b.get("block_id", ""))
        for b in message.get("blocks", [])
        if b.get("type") == "actions"
        for e in b.get("elements", [])
        if e.get("action_id") == action_id
    )
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "asker", "name": "asker", "team_id": team_id},
        "api_app_id": "A0BRIEF",
        "token": "verification-token-unused",
        "container": {
            "type": "message",
            "message_ts": "1700000000.000001",
            "channel_id": channel,
            "is_ephemeral": False,
        },
        "trigger_id": "4.5.6",
        "team": {"id": team_id, "domain": "briefbot-test"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": "news"},
        "message": {
            "type": "message",
            "ts": "1700000000.000001",
            "text": message.get("text", ""),
            "blocks": message.get("blocks", []),
        },
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": block_id,
                "value": button.get("value", ""),
                "text": button["text"],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


def app_home_opened_body(team_id: str, user: str) -> bytes:
    """The Events API callback Slack POSTs when `user` opens the app's Home tab."""
    return json.dumps(
        {
            "token": "verification-token-unused",
            "team_id": team_id,
            "api_app_id": "A0BRIEF",
            "type": "event_callback",
            "event_id": f"Ev{time.time_ns()}",
            "event_time": int(time.time()),
            "event": {
                "type": "app_home_opened",
                "user": user,
                "channel": "D0HOME",
                "tab": "home",
                "event_ts": f"{time.time():.6f}",
            },
        }
    ).encode()


def view_actions_body(team_id: str, view: dict[str, Any], action_id: str, *, user: str) -> bytes:
    """The form body of a button press in a view the app published (the Home tab): Slack sends the
    view, and no response_url and no channel, unlike a press in a message."""
    button, block_id = next(
        (e, b.get("block_id", ""))
        for b in view.get("blocks", [])
        if b.get("type") == "actions"
        for e in b.get("elements", [])
        if e.get("action_id") == action_id
    )
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "asker", "name": "asker", "team_id": team_id},
        "api_app_id": "A0BRIEF",
        "token": "verification-token-unused",
        "container": {"type": "view", "view_id": "V0TEST"},
        "trigger_id": "7.8.9",
        "team": {"id": team_id, "domain": "briefbot-test"},
        "enterprise": None,
        "is_enterprise_install": False,
        "view": {
            "id": "V0TEST",
            "team_id": team_id,
            "type": view.get("type", "home"),
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": {}},
            "hash": "1.abc",
            "app_id": "A0BRIEF",
            "bot_id": "B0BOT",
        },
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": block_id,
                "value": button.get("value", ""),
                "text": button["text"],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.perf_counter)  # arrival, for the latency benchmark


@dataclass
class FakeSlack:
    bot_token: str = "xoxb-test-token"
    app_token: str = "xapp-test-token"
    team_id: str = "T0TEST"
    bot_user_id: str = "U0BOT"
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    channel_errors: dict[str, str] = field(default_factory=dict)  # channel id -> Slack error

    calls: list[Call] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)  # accepted chat.postMessage
    ephemerals: list[dict[str, Any]] = field(default_factory=list)  # accepted chat.postEphemeral
    responses: list[dict[str, Any]] = field(default_factory=list)  # accepted response_url posts
    answered: list[str] = field(default_factory=list)  # the response_url name of each accepted post
    # A message replaced in place (replace_original) changes its entry in `responses`; which
    # entry each response_url name belongs to (a button's response_url is that of its message).
    response_targets: dict[str, int] = field(default_factory=dict)
    replaced: list[dict[str, Any]] = field(default_factory=list)  # accepted replace_original posts
    views: list[dict[str, Any]] = field(default_factory=list)  # accepted views.publish
    modals: list[dict[str, Any]] = field(default_factory=list)  # accepted views.open
    # Upload URLs handed out (file id -> filename, length, alt_txt, and the bytes once POSTed).
    uploads: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: list[dict[str, Any]] = field(default_factory=list)  # shared by completeUploadExternal
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (method, reason)
    socket_acks: list[dict[str, Any]] = field(default_factory=list)  # Socket Mode acks received

    _rate_limits: dict[str, list[int]] = field(default_factory=dict)
    _failures: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _hangs: dict[str, list[int]] = field(default_factory=dict)  # method -> call numbers to hold
    _released: asyncio.Event = field(default_factory=asyncio.Event)
    _runner: web.AppRunner | None = None
    _root: str = ""
    _ts: count = field(default_factory=lambda: count(1))
    _socket: web.WebSocketResponse | None = None
    _socket_open: asyncio.Event = field(default_factory=asyncio.Event)
    _acked: asyncio.Condition = field(default_factory=asyncio.Condition)

    # -- control ---------------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        return f"{self._root}/api/"

    def response_url(self, name: str = "1") -> str:
        return f"{self._root}/commands/{self.team_id}/{name}"

    def rate_limit(self, method: str, *, times: int = 1, retry_after: int = 0) -> None:
        """Answer the next `times` calls of `method` (or RESPONSE_URL) with 429 + Retry-After."""
        self._rate_limits.setdefault(method, []).extend([retry_after] * times)

    def fail(self, method: str, error: str, *, status: int = 200, times: int = 1) -> None:
        """Answer the next calls of `method` with `{"ok": false, "error": error}` at `status`."""
        self._failures.setdefault(method, []).extend([(status, error)] * times)

    def hang(self, method: str, *, call: int = 1) -> None:
        """Never answer the `call`-th call of `method` (or RESPONSE_URL; counted from now, 1 = the
        next one): the request is recorded in `calls` and then held, unaccepted, until the fake
        stops. So a client killed while waiting was not accepted: no message, no side effect."""
        self._hangs.setdefault(method, []).append(len(self.called(method)) + call)

    def called(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/commands/{team}/{name}", self._response_url)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/link", self._websocket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self._root = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        self._released.set()
        if self._socket is not None:
            await self._socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- endpoints -------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await _arguments(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else args.get("token")
        self.calls.append(Call(method, args, token))
        if len(self.called(method)) in self._hangs.get(method, ()):
            await self._released.wait()
            return web.json_response({"ok": False, "error": "fatal_error"}, status=503)
        if (limited := self._take_rate_limit(method)) is not None:
            return limited
        if (failed := self._take_failure(method)) is not None:
            return failed
        if method == "apps.connections.open":
            return self._connections_open(token)
        if token != self.bot_token:
            return _slack(ok=False, error="invalid_auth")
        handler = {
            "auth.test": self._auth_test,
            "users.info": self._users_info,
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": self._post_ephemeral,
            "views.publish": self._views_publish,
            "views.open": self._views_open,
            "files.getUploadURLExternal": self._get_upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }.get(method)
        if handler is None:
            return _slack(ok=False, error="unknown_method")
        return handler(method, args)

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls.append(Call(RESPONSE_URL, body, None))
        if len(self.called(RESPONSE_URL)) in self._hangs.get(RESPONSE_URL, ()):
            await self._released.wait()
            return web.Response(status=503, text="unavailable")
        if (limited := self._take_rate_limit(RESPONSE_URL)) is not None:
            return limited
        if (failed := self._take_failure(RESPONSE_URL)) is not None:
            return web.Response(status=failed.status, text=json.loads(failed.text)["error"])
        if error := blocks_error(body.get("blocks")):
            self.rejected.append((RESPONSE_URL, error))
            return web.Response(status=400, text="invalid_blocks")
        if not body.get("text") and not body.get("blocks"):
            return web.Response(status=400, text="no_text")
        name = request.match_info["name"]
        self.answered.append(name)
        if body.get("replace_original") and name in self.response_targets:
            self.responses[self.response_targets[name]] = body
            self.replaced.append(body)
        else:
            self.response_targets[name] = len(self.responses)
            self.responses.append(body)
        return web.Response(text="ok")

    def button_response_url(self, message_index: int) -> str:
        """A fresh response_url for a button press on `responses[message_index]`."""
        name = f"action-{next(self._ts)}"
        self.response_targets[name] = message_index
        return self.response_url(name)

    # -- Socket Mode -----------------------------------------------------------------------

    def _connections_open(self, token: str | None) -> web.Response:
        if token != self.app_token:
            return _slack(ok=False, error="invalid_auth")
        return _slack(ok=True, url=self._root.replace("http://", "ws://") + "/link")

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self._socket = socket
        await socket.send_json({"type": "hello", "num_connections": 1, "debug_info": {}})
        self._socket_open.set()
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                async with self._acked:
                    self.socket_acks.append(json.loads(message.data))
                    self._acked.notify_all()
        return socket

    async def send_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        """Deliver a `slash_commands` or `events_api` envelope; returns its envelope_id."""
        await asyncio.wait_for(self._socket_open.wait(), timeout=5)
        assert self._socket is not None
        envelope_id = f"env-{next(self._ts)}"
        await self._socket.send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind == "slash_commands",
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        return envelope_id

    async def socket_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """Wait for the app's ack of one envelope (Slack's 3-second rule, with room to spare)."""

        def find() -> dict[str, Any] | None:
            return next((a for a in self.socket_acks if a.get("envelope_id") == envelope_id), None)

        async with self._acked:
            await asyncio.wait_for(self._acked.wait_for(find), timeout)
        ack = find()
        assert ack is not None
        return ack

    # -- methods ---------------------------------------------------------------------------

    def _auth_test(self, method: str, args: dict[str, Any]) -> web.Response:
        return _slack(
            ok=True,
            url="https://briefbot-test.slack.com/",
            team="Briefbot Test",
            user="briefbot",
            team_id=self.team_id,
            user_id=self.bot_user_id,
            bot_id="B0BOT",
            is_enterprise_install=False,
        )

    def _users_info(self, method: str, args: dict[str, Any]) -> web.Response:
        user = self.users.get(str(args.get("user")))
        if user is None:
            return _slack(ok=False, error="user_not_found")
        return _slack(ok=True, user={"id": args["user"], "team_id": self.team_id, **user})

    def _check_message(self, method: str, args: dict[str, Any]) -> web.Response | None:
        channel = str(args.get("channel", ""))
        if not channel:
            return _slack(ok=False, error="channel_not_found")
        if channel in self.channel_errors:
            return _slack(ok=False, error=self.channel_errors[channel])
        if error := blocks_error(args.get("blocks")):
            self.rejected.append((method, error))
            return _slack(ok=False, error="invalid_blocks", errors=[error])
        if not args.get("text") and not args.get("blocks"):
            return _slack(ok=False, error="no_text")
        return None

    def _post_message(self, method: str, args: dict[str, Any]) -> web.Response:
        if (refused := self._check_message(method, args)) is not None:
            return refused
        ts = f"1700000000.{next(self._ts):06d}"
        self.messages.append({**args, "ts": ts})
        return _slack(ok=True, channel=args["channel"], ts=ts, message={"text": args.get("text")})

    def _post_ephemeral(self, method: str, args: dict[str, Any]) -> web.Response:
        if (refused := self._check_message(method, args)) is not None:
            return refused
        self.ephemerals.append(args)
        return _slack(ok=True, message_ts=f"1700000000.{next(self._ts):06d}")

    def _views_publish(self, method: str, args: dict[str, Any]) -> web.Response:
        view = args.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        if error := blocks_error((view or {}).get("blocks"), max_blocks=100):
            self.rejected.append((method, error))
            return _slack(
                ok=False, error="invalid_arguments", response_metadata={"messages": [error]}
            )
        self.views.append({"user_id": args.get("user_id"), "view": view})
        return _slack(ok=True, view={"id": "V0TEST", **(view or {})})

    def _views_open(self, method: str, args: dict[str, Any]) -> web.Response:
        view = args.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        if not args.get("trigger_id"):
            return _slack(ok=False, error="invalid_trigger_id")
        if error := modal_error(view):
            self.rejected.append((method, error))
            return _slack(
                ok=False, error="invalid_arguments", response_metadata={"messages": [error]}
            )
        self.modals.append({"trigger_id": args["trigger_id"], "view": view})
        return _slack(ok=True, view={"id": "V0MODAL", **view})

    # -- the external file upload ---------------------------------------------------------

    def _get_upload_url(self, method: str, args: dict[str, Any]) -> web.Response:
        filename, length = str(args.get("filename") or ""), str(args.get("length") or "")
        if not filename or not length.isdigit() or int(length) <= 0:
            return _slack(ok=False, error="invalid_arguments")
        alt_txt = args.get("alt_txt")
        if alt_txt is not None and len(str(alt_txt)) > MAX_ALT_TXT:
            self.rejected.append((method, f"alt_txt: must be at most {MAX_ALT_TXT} characters"))
            return _slack(ok=False, error="invalid_arguments")
        file_id = f"F0{next(self._ts):08d}"
        self.uploads[file_id] = {
            "filename": filename,
            "length": int(length),
            "alt_txt": alt_txt,
            "data": None,
        }
        return _slack(ok=True, upload_url=f"{self._root}/upload/{file_id}", file_id=file_id)

    async def _upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        data = await request.read()
        self.calls.append(Call(UPLOAD, {"file_id": file_id, "bytes": len(data)}, None))
        if (failed := self._take_failure(UPLOAD)) is not None:
            return web.Response(status=failed.status, text="upload failed")
        pending = self.uploads.get(file_id)
        if pending is None:
            return web.Response(status=404, text="unknown upload")
        if len(data) != pending["length"] or not data.startswith(PNG_SIGNATURE):
            self.rejected.append((UPLOAD, f"{file_id}: not a PNG of {pending['length']} bytes"))
            return web.Response(status=400, text="bad upload")
        pending["data"] = data
        return web.Response(text=f"OK - {len(data)}")

    def _complete_upload(self, method: str, args: dict[str, Any]) -> web.Response:
        try:
            listed = json.loads(str(args.get("files") or "[]"))
        except ValueError:
            return _slack(ok=False, error="invalid_arguments")
        channel = str(args.get("channel_id") or "")
        if channel in self.channel_errors:
            return _slack(ok=False, error=self.channel_errors[channel])
        done = []
        for entry in listed:
            upload = self.uploads.get(str(entry.get("id")))
            if upload is None or upload["data"] is None:
                return _slack(ok=False, error="file_not_found")
            shared = {
                **upload,
                "id": entry["id"],
                "title": entry.get("title"),
                "channel": channel or None,
                "initial_comment": args.get("initial_comment"),
                "thread_ts": args.get("thread_ts"),
            }
            self.files.append(shared)
            done.append(
                {
                    "id": entry["id"],
                    "name": upload["filename"],
                    "title": entry.get("title"),
                    "mimetype": "image/png",
                    "size": upload["length"],
                }
            )
        return _slack(ok=True, files=done)

    # -- helpers ---------------------------------------------------------------------------

    def _take_rate_limit(self, method: str) -> web.Response | None:
        pending = self._rate_limits.get(method)
        if not pending:
            return None
        retry_after = pending.pop(0)
        return web.json_response(
            {"ok": False, "error": "ratelimited"},
            status=429,
            headers={"Retry-After": str(retry_after)},
        )

    def _take_failure(self, method: str) -> web.Response | None:
        pending = self._failures.get(method)
        if not pending:
            return None
        status, error = pending.pop(0)
        return web.json_response({"ok": False, "error": error}, status=status)


async def _arguments(request: web.Request) -> dict[str, Any]:
    """Web API arguments as Slack reads them: query string, then a form or JSON body."""
    args: dict[str, Any] = dict(request.query)
    raw = await request.text()
    if not raw:
        return args
    if request.content_type == "application/json":
        args.update(json.loads(raw))
    else:
        args.update(parse_qsl(raw, keep_blank_values=True))
    return args


def _slack(**body: Any) -> web.Response:
    return web.json_response(body)
