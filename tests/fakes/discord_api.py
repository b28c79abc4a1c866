"""A local stand-in for Discord (aiohttp, 127.0.0.1, any port): REST under /api/v10 and a gateway.

The gateway says HELLO, takes IDENTIFY, sends READY and GUILD_CREATE, answers heartbeats, and can
push INTERACTION_CREATE for `/brief` (type 2), its autocomplete (type 4) or a button press on a
message (type 3; the response updates that message in place, type 7, or defers it, type 6). The REST
side answers what discord.py calls (login, application info, command sync, interaction callbacks,
webhook follow-ups, channel messages), records every call with the time it arrived, and rejects
messages the way Discord does (400, code 50035). It can be told to answer one 429 for a channel, or
to refuse a channel with 403 (missing access) or 404 (unknown channel). A thread started from a
message (`POST /channels/{c}/messages/{m}/threads`) gets the message's id, takes messages like any
channel, and its name is checked (1 to 100 characters); a channel can refuse threads (403, 50013).

Details discord.py 2.7 insists on: JSON replies carry `Content-Type: application/json` exactly; a
429 without a `Via` header is taken for a Cloudflare ban; interactions need
`attachment_size_limit` and members `flags`. The client asks for `compress=zlib-stream` but reads
plain text frames too, so this gateway never compresses.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from aiohttp import WSMsgType, web

API = "/api/v10"
APP_ID = "1100000000000000001"
BOT_ID = APP_ID
GUILD_ID = "1200000000000000001"
CHANNEL_ID = "1300000000000000001"
USER_ID = "1400000000000000001"
OWNER_ID = "1400000000000000002"
TOKEN = "fake-discord-token"

MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
SEND_MESSAGES = 1 << 11
MEMBER_PERMISSIONS = (1 << 10) | SEND_MESSAGES  # view channel, send messages

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_AUTHOR = 256
MAX_EMBED_TOTAL = 6000
MAX_CHOICES = 25
TOKEN_LIFETIME = 15 * 60.0  # seconds an interaction token takes follow-ups
MAX_CHOICE_TEXT = 100
MAX_ACTION_ROWS = 5
MAX_ROW_BUTTONS = 5
MAX_CUSTOM_ID = 100
MAX_BUTTON_LABEL = 80
MAX_ATTACHMENT_DESCRIPTION = 1024  # an attachment's alt text
MAX_THREAD_NAME = 100
THREAD_ARCHIVE_DURATIONS = (60, 1440, 4320, 10080)  # minutes
HAS_THREAD = 1 << 5  # a message's flag: a thread was started from it
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
UPLOADED = "_uploaded"  # the fake's own key: the multipart files that came with a payload


def message_errors(payload: dict[str, Any]) -> list[str]:
    """What Discord would reject in a message payload (empty when it is acceptable)."""
    errors = []
    content = payload.get("content") or ""
    if len(content) > MAX_CONTENT:
        errors.append(f"content: must be {MAX_CONTENT} or fewer in length")
    embeds = payload.get("embeds") or []
    if not content and not embeds:
        errors.append("Cannot send an empty message")
    if len(embeds) > MAX_EMBEDS:
        errors.append(f"embeds: must be {MAX_EMBEDS} or fewer in length")
    total = 0
    for index, embed in enumerate(embeds):
        where = f"embeds.{index}"
        limits = [
            ("title", embed.get("title") or "", MAX_TITLE),
            ("description", embed.get("description") or "", MAX_DESCRIPTION),
            ("footer.text", (embed.get("footer") or {}).get("text") or "", MAX_FOOTER),
            ("author.name", (embed.get("author") or {}).get("name") or "", MAX_AUTHOR),
        ]
        fields = embed.get("fields") or []
        if len(fields) > MAX_FIELDS:
            errors.append(f"{where}.fields: must be {MAX_FIELDS} or fewer in length")
        for n, fld in enumerate(fields):
            limits.append((f"fields.{n}.name", fld.get("name") or "", MAX_FIELD_NAME))
            limits.append((f"fields.{n}.value", fld.get("value") or "", MAX_FIELD_VALUE))
            if not fld.get("name") or not fld.get("value"):
                errors.append(f"{where}.fields.{n}: name and value are required")
        for name, value, limit in limits:
            total += len(value)
            if len(value) > limit:
                errors.append(f"{where}.{name}: must be {limit} or fewer in length")
    if total > MAX_EMBED_TOTAL:
        errors.append(f"embeds: total size exceeds maximum size of {MAX_EMBED_TOTAL}")
    return errors + attachment_errors(payload) + component_errors(payload.get("components") or [])


def attachment_errors(payload: dict[str, Any]) -> list[str]:
    """What Discord would reject in a message's files: each `attachments` entry names a
    `files[id]` part, descriptions fit, an embed image `attachment://NAME` names an uploaded file;
    and (this fake's own check) every `.png` is really a PNG."""
    errors = []
    uploaded: dict[str, tuple[str, bytes]] = payload.get(UPLOADED) or {}
    names = {filename for filename, _ in uploaded.values()}
    for n, attachment in enumerate(payload.get("attachments") or []):
        if f"files[{attachment.get('id')}]" not in uploaded and "url" not in attachment:
            errors.append(f"attachments.{n}.id: no files[{attachment.get('id')}] part")
        if len(attachment.get("description") or "") > MAX_ATTACHMENT_DESCRIPTION:
            errors.append(
                f"attachments.{n}.description: must be {MAX_ATTACHMENT_DESCRIPTION} or fewer in "
                "length"
            )
    for part, (filename, data) in uploaded.items():
        if filename.lower().endswith(".png") and not data.startswith(PNG_SIGNATURE):
            errors.append(f"{part}: {filename} is not a PNG")
    for index, embed in enumerate(payload.get("embeds") or []):
        url = (embed.get("image") or {}).get("url") or ""
        if url.startswith("attachment://") and url.removeprefix("attachment://") not in names:
            errors.append(
                f"embeds.{index}.image.url: no attachment named {url.removeprefix('attachment://')}"
            )
        elif url and not url.startswith(("attachment://", "https://", "http://")):
            errors.append(f"embeds.{index}.image.url: Not a well formed URL")
    return errors


def component_errors(rows: list[dict[str, Any]]) -> list[str]:
    """What Discord would reject in a message's action rows of buttons."""
    errors = []
    if len(rows) > MAX_ACTION_ROWS:
        errors.append(f"components: must be {MAX_ACTION_ROWS} or fewer in length")
    custom_ids = []
    for r, row in enumerate(rows):
        buttons = row.get("components") or []
        if row.get("type") != 1 or not 1 <= len(buttons) <= MAX_ROW_BUTTONS:
            errors.append(f"components.{r}: an action row holds 1 to {MAX_ROW_BUTTONS} components")
        for b, button in enumerate(buttons):
            where = f"components.{r}.components.{b}"
            custom_id = button.get("custom_id") or ""
            custom_ids.append(custom_id)
            if button.get("type") != 2:
                errors.append(f"{where}.type: not a button")
            if not 1 <= len(custom_id) <= MAX_CUSTOM_ID:
                errors.append(f"{where}.custom_id: must be 1 to {MAX_CUSTOM_ID} in length")
            if len(button.get("label") or "") > MAX_BUTTON_LABEL:
                errors.append(f"{where}.label: must be {MAX_BUTTON_LABEL} or fewer in length")
    if len(custom_ids) != len(set(custom_ids)):
        errors.append("components: custom_id must be unique")
    return errors


MAX_MODAL_TITLE = 45
MAX_MODAL_ROWS = 5
MAX_INPUT_LABEL = 45
MAX_INPUT_PLACEHOLDER = 100


def modal_errors(modal: dict[str, Any]) -> list[str]:
    """What Discord would reject in a modal (interaction response type 9): a title, a custom_id,
    1 to 5 action rows each holding one text input (type 4) with a short label."""
    errors = []
    if not 1 <= len(modal.get("title") or "") <= MAX_MODAL_TITLE:
        errors.append(f"data.title: must be 1 to {MAX_MODAL_TITLE} in length")
    if not 1 <= len(modal.get("custom_id") or "") <= MAX_CUSTOM_ID:
        errors.append(f"data.custom_id: must be 1 to {MAX_CUSTOM_ID} in length")
    rows = modal.get("components") or []
    if not 1 <= len(rows) <= MAX_MODAL_ROWS:
        errors.append(f"data.components: must be 1 to {MAX_MODAL_ROWS} in length")
    for r, row in enumerate(rows):
        inputs = row.get("components") or []
        if row.get("type") != 1 or len(inputs) != 1 or inputs[0].get("type") != 4:
            errors.append(f"data.components.{r}: an action row holding one text input")
            continue
        text = inputs[0]
        if not 1 <= len(text.get("label") or "") <= MAX_INPUT_LABEL:
            errors.append(
                f"data.components.{r}.components.0.label: must be 1 to {MAX_INPUT_LABEL} in length"
            )
        if len(text.get("placeholder") or "") > MAX_INPUT_PLACEHOLDER:
            errors.append(
                f"data.components.{r}.components.0.placeholder: must be {MAX_INPUT_PLACEHOLDER} "
                "or fewer in length"
            )
    return errors


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py's json_or_text does not parse "...; charset=utf-8".
    response = web.Response(body=json.dumps(data).encode(), status=status, headers=headers)
    response.headers["Content-Type"] = "application/json"
    return response


def _invalid(errors: list[str]) -> web.Response:
    return _json({"code": 50035, "message": "Invalid Form Body", "errors": errors}, 400)


@dataclass
class Call:
    kind: str  # sync | callback | followup | edit_original | channel_message
    path: str
    body: Any
    at: float  # time.perf_counter() when it arrived
    key: str = ""  # interaction id (callback), token (webhooks), channel id (channel posts)
    status: int = 200


@dataclass
class SentInteraction:
    id: str
    token: str
    type: int
    sent_at: float
    message_id: str | None = None  # a component interaction: the message whose button it was


@dataclass
class FakeDiscord:
    host: str = "127.0.0.1"
    port: int = 0
    calls: list[Call] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # scope -> commands
    rate_limit_once: set[str] = field(default_factory=set)  # channel ids: next post gets a 429
    forbidden: set[str] = field(default_factory=set)  # channel ids: 403 Missing Access
    unknown: set[str] = field(default_factory=set)  # channel ids: 404 Unknown Channel
    no_threads: set[str] = field(default_factory=set)  # channel ids: threads 403 (code 50013)
    retry_after: float = 0.05
    identified: asyncio.Event = field(default_factory=asyncio.Event)
    logins: int = 0  # GET /users/@me: how often a client tried to log in, with any token

    def __post_init__(self) -> None:
        self._ids = count(1500000000000000001)
        self._seq = count(1)
        self._ws: web.WebSocketResponse | None = None
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.interactions: dict[str, SentInteraction] = {}
        self.messages: dict[str, dict[str, Any]] = {}  # id -> message as shown now (edits applied)
        self.replies: dict[str, str] = {}  # interaction id -> id of the message its response made
        self.files: dict[str, bytes] = {}  # attachment id -> the bytes uploaded
        self.threads: dict[str, dict[str, Any]] = {}  # thread channel id -> the thread channel
        self._hangs: dict[str, list[int]] = {}  # call kind -> which calls of it never answer
        self._released = asyncio.Event()  # set at stop: hung requests end

    # --- lifecycle --------------------------------------------------------------------------
    @property
    def api_base(self) -> str:
        return f"http://{self.host}:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        r = app.router
        r.add_get(API + "/users/@me", self._me)
        r.add_get(API + "/oauth2/applications/@me", self._application)
        r.add_get(API + "/gateway", self._gateway_info)
        r.add_put(API + "/applications/{app}/commands", self._sync)
        r.add_put(API + "/applications/{app}/guilds/{guild}/commands", self._sync)
        r.add_get(API + "/applications/{app}/commands", self._list_commands)
        r.add_get(API + "/applications/{app}/guilds/{guild}/commands", self._list_commands)
        r.add_post(API + "/interactions/{id}/{token}/callback", self._callback)
        r.add_post(API + "/webhooks/{app}/{token}", self._followup)
        r.add_patch(API + "/webhooks/{app}/{token}/messages/{message}", self._edit_original)
        r.add_delete(API + "/webhooks/{app}/{token}/messages/{message}", self._delete_message)
        r.add_post(API + "/channels/{channel}/messages", self._channel_message)
        r.add_post(API + "/channels/{channel}/messages/{message}/threads", self._start_thread)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        self._released.set()
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- objects ----------------------------------------------------------------------------
    def snowflake(self) -> str:
        return str(next(self._ids))

    @staticmethod
    def user(user_id: str = USER_ID, name: str = "diplomat", bot: bool = False) -> dict[str, Any]:
        return {
            "id": user_id,
            "username": name,
            "discriminator": "0",
            "global_name": name,
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
        }

    def message(
        self, payload: dict[str, Any], channel_id: str = CHANNEL_ID, *, webhook: bool = False
    ) -> dict[str, Any]:
        data = {
            "id": self.snowflake(),
            "channel_id": channel_id,
            "type": 0,
            "content": payload.get("content") or "",
            "embeds": payload.get("embeds") or [],
            "author": self.user(BOT_ID, "briefbot", bot=True),
            "timestamp": "2025-02-27T08:00:00.000000+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachments(payload),
            "pinned": False,
            "flags": payload.get("flags") or 0,
            "components": payload.get("components") or [],
        }
        if payload.get("message_reference"):
            # As Discord shows it: ids as strings, and no `fail_if_not_exists`.
            data["message_reference"] = {
                key: str(value) if key.endswith("_id") and value is not None else value
                for key, value in payload["message_reference"].items()
                if key != "fail_if_not_exists"
            }
        if webhook:
            data["webhook_id"] = APP_ID
            data["application_id"] = APP_ID
        self.messages[data["id"]] = data
        return data

    def _attachments(self, payload: dict[str, Any]) -> list[dict[str, Any]]:
        """The message's attachments as Discord shows them, with the uploaded bytes kept in
        `self.files` (by attachment id) for tests to look at."""
        uploaded: dict[str, tuple[str, bytes]] = payload.get(UPLOADED) or {}
        shown = []
        for attachment in payload.get("attachments") or []:
            filename, data = uploaded.get(
                f"files[{attachment.get('id')}]", (attachment.get("filename", ""), b"")
            )
            attachment_id = self.snowflake()
            self.files[attachment_id] = data
            shown.append(
                {
                    "id": attachment_id,
                    "filename": filename,
                    "description": attachment.get("description"),
                    "size": len(data),
                    "content_type": "image/png" if data.startswith(PNG_SIGNATURE) else None,
                    "url": f"{self.api_base}/attachments/{attachment_id}/{filename}",
                    "proxy_url": f"{self.api_base}/attachments/{attachment_id}/{filename}",
                }
            )
        return shown

    def _update(self, message_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        """A message edited in place: what the payload gives replaces what it had."""
        message = self.messages[message_id]
        for key in ("content", "embeds", "components"):
            if key in payload:
                message[key] = payload[key] or ([] if key != "content" else "")
        message["edited_timestamp"] = "2025-02-27T08:01:00.000000+00:00"
        return message

    def guild(self) -> dict[str, Any]:
        return {
            "id": GUILD_ID,
            "name": "Embassy Row",
            "icon": None,
            "owner_id": OWNER_ID,
            "features": [],
            "roles": [
                {
                    "id": GUILD_ID,
                    "name": "@everyone",
                    "permissions": str(MEMBER_PERMISSIONS),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            ],
            "channels": [
                {
                    "id": CHANNEL_ID,
                    "type": 0,
                    "guild_id": GUILD_ID,
                    "name": "briefings",
                    "position": 0,
                    "permission_overwrites": [],
                    "nsfw": False,
                    "parent_id": None,
                    "topic": None,
                    "last_message_id": None,
                    "rate_limit_per_user": 0,
                }
            ],
            "members": [],
            "threads": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "emojis": [],
            "stickers": [],
            "member_count": 2,
            "large": False,
            "unavailable": False,
            "joined_at": "2025-01-01T00:00:00.000000+00:00",
            "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "system_channel_flags": 0,
        }

    # --- REST -------------------------------------------------------------------------------
    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        async with self._changed:
            self._changed.notify_all()
        if len(self.of_kind(call.kind)) in self._hangs.get(call.kind, []):
            await self._released.wait()  # taken (it is in `calls`), never answered

    def hang(self, kind: str, *, call: int = 1) -> None:
        """Take the `call`-th request of `kind` ("callback", "followup"; counted from now, 1 =
        the next one) and never answer it until the fake stops: Discord has it, the client
        never hears so."""
        self._hangs.setdefault(kind, []).append(len(self.of_kind(kind)) + call)

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bot {TOKEN}"

    async def _body(self, request: web.Request) -> Any:
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            payload = json.loads(str(form["payload_json"]))
            uploaded = {
                name: (part.filename, part.file.read())
                for name, part in form.items()
                if isinstance(part, web.FileField)
            }
            # An interaction response carries its message under `data`; a webhook or channel post is
            # the message.
            message = (
                payload["data"]
                if isinstance(payload.get("data"), dict) and "type" in payload
                else payload
            )
            message[UPLOADED] = uploaded
            return payload
        return await request.json() if request.can_read_body else None

    async def _me(self, request: web.Request) -> web.Response:
        self.logins += 1
        if not self._authorised(request):
            return _json({"code": 0, "message": "401: Unauthorized"}, 401)
        return _json(self.user(BOT_ID, "briefbot", bot=True) | {"verified": True, "flags": 0})

    async def _application(self, request: web.Request) -> web.Response:
        return _json(
            {
                "id": APP_ID,
                "name": "Briefbot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": self.user(OWNER_ID, "owner"),
                "verify_key": "0" * 64,
                "flags": 0,
                "summary": "",
                "team": None,
            }
        )

    async def _gateway_info(self, request: web.Request) -> web.Response:
        return _json({"url": self.gateway_url})

    async def _sync(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _json({"code": 0, "message": "401: Unauthorized"}, 401)
        body = await self._body(request)
        scope = request.match_info.get("guild", "global")
        synced = []
        for command in body:
            synced.append(
                {
                    "id": self.snowflake(),
                    "application_id": APP_ID,
                    "version": self.snowflake(),
                    "type": 1,
                    "default_member_permissions": None,
                    "nsfw": False,
                    **command,
                    **({"guild_id": scope} if scope != "global" else {}),
                }
            )
        self.commands[scope] = synced
        await self._record(Call("sync", request.path, body, time.perf_counter(), scope))
        return _json(synced)

    async def _list_commands(self, request: web.Request) -> web.Response:
        return _json(self.commands.get(request.match_info.get("guild", "global"), []))

    async def _callback(self, request: web.Request) -> web.Response:
        at = time.perf_counter()
        interaction_id = request.match_info["id"]
        body = await self._body(request)
        sent = self.interactions.get(interaction_id)
        if sent is None or sent.token != request.match_info["token"]:
            return _json({"code": 10062, "message": "Unknown interaction"}, 404)
        if any(c.kind == "callback" and c.key == interaction_id for c in self.calls):
            return _json(
                {"code": 40060, "message": "Interaction has already been acknowledged."}, 400
            )
        kind = body.get("type")
        data = body.get("data") or {}
        if kind in (6, 7) and sent.message_id is None:
            return _invalid(["type: only a component interaction can update its message"])
        if kind == 4 or kind == 7:
            errors = message_errors(data)
            if errors:
                await self._record(Call("rejected", request.path, body, at, interaction_id, 400))
                return _invalid(errors)
        if kind == 9:
            errors = modal_errors(data)
            if errors:
                await self._record(Call("rejected", request.path, body, at, interaction_id, 400))
                return _invalid(errors)
        if kind == 8:
            choices = data.get("choices", [])
            if len(choices) > MAX_CHOICES or any(
                not 1 <= len(c["name"]) <= MAX_CHOICE_TEXT or len(str(c["value"])) > MAX_CHOICE_TEXT
                for c in choices
            ):
                return _invalid(["data.choices: invalid"])
        await self._record(Call("callback", request.path, body, at, interaction_id))
        result: dict[str, Any] = {
            "interaction": {
                "id": interaction_id,
                "type": sent.type,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool((data.get("flags") or 0) & 64),
            }
        }
        if kind in (4, 5):
            message = self.message(data, webhook=True)
            self.replies[interaction_id] = message["id"]
            result["interaction"]["response_message_id"] = message["id"]
            result["resource"] = {"type": kind, "message": message}
        if kind == 7:
            assert sent.message_id is not None
            message = self._update(sent.message_id, data)
            result["resource"] = {"type": kind, "message": message}
        return _json(result)

    async def _webhook_message(self, request: web.Request, kind: str) -> web.Response:
        at = time.perf_counter()
        token = request.match_info["token"]
        body = await self._body(request)
        sent = next((s for s in self.interactions.values() if s.token == token), None)
        # An interaction's webhook exists once it has been responded to, for 15 minutes.
        if sent is None or not any(c.kind == "callback" and c.key == sent.id for c in self.calls):
            return _json({"code": 10015, "message": "Unknown Webhook"}, 404)
        if at - sent.sent_at > TOKEN_LIFETIME:
            return _json({"code": 50027, "message": "Invalid Webhook Token"}, 401)
        errors = message_errors(body)
        if errors:
            await self._record(Call("rejected", request.path, body, at, token, 400))
            return _invalid(errors)
        await self._record(Call(kind, request.path, body, at, token))
        return _json(self.message(body, webhook=True))

    async def _followup(self, request: web.Request) -> web.Response:
        return await self._webhook_message(request, "followup")

    async def _edit_original(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        sent = next((s for s in self.interactions.values() if s.token == token), None)
        if (
            sent is not None
            and sent.message_id is not None
            and request.match_info["message"] == "@original"
        ):
            # After a deferred update (type 6) the original is the message whose button was pressed.
            body = await self._body(request)
            errors = message_errors(body)
            if errors:
                return _invalid(errors)
            await self._record(
                Call("edit_original", request.path, body, time.perf_counter(), token)
            )
            return _json(self._update(sent.message_id, body))
        return await self._webhook_message(request, "edit_original")

    async def _delete_message(self, request: web.Request) -> web.Response:
        await self._record(Call("delete", request.path, None, time.perf_counter()))
        return web.Response(status=204)

    async def _channel_message(self, request: web.Request) -> web.Response:
        at = time.perf_counter()
        channel = request.match_info["channel"]
        if not self._authorised(request):
            return _json({"code": 0, "message": "401: Unauthorized"}, 401)
        body = await self._body(request)
        if channel in self.rate_limit_once:
            self.rate_limit_once.discard(channel)
            await self._record(Call("rate_limited", request.path, body, at, channel, 429))
            return _json(
                {
                    "message": "You are being rate limited.",
                    "retry_after": self.retry_after,
                    "global": False,
                },
                429,
                headers={
                    "Via": "1.1 google",  # without it discord.py suspects a Cloudflare ban
                    "Retry-After": "1",
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset-After": str(self.retry_after),
                    "X-RateLimit-Bucket": f"channel-{channel}",
                    "X-RateLimit-Scope": "user",
                },
            )
        if channel in self.forbidden:
            return _json({"code": 50001, "message": "Missing Access"}, 403)
        if channel in self.unknown:
            return _json({"code": 10003, "message": "Unknown Channel"}, 404)
        errors = message_errors(body)
        if errors:
            await self._record(Call("rejected", request.path, body, at, channel, 400))
            return _invalid(errors)
        await self._record(Call("channel_message", request.path, body, at, channel))
        if channel in self.threads:
            self.threads[channel]["message_count"] += 1
        return _json(self.message(body, channel))

    async def _start_thread(self, request: web.Request) -> web.Response:
        """POST /channels/{channel}/messages/{message}/threads: a public thread (type 11) started
        from a message, with the message's id (as Discord does); a second one from the same
        message is refused (400, code 160004)."""
        at = time.perf_counter()
        channel, message_id = request.match_info["channel"], request.match_info["message"]
        if not self._authorised(request):
            return _json({"code": 0, "message": "401: Unauthorized"}, 401)
        body = await self._body(request) or {}
        if channel in self.forbidden:
            return _json({"code": 50001, "message": "Missing Access"}, 403)
        if channel in self.unknown or channel in self.threads:
            # (a thread cannot be started inside a thread: not a channel with threads)
            return _json({"code": 10003, "message": "Unknown Channel"}, 404)
        if channel in self.no_threads:
            await self._record(Call("thread_refused", request.path, body, at, channel, 403))
            return _json({"code": 50013, "message": "Missing Permissions"}, 403)
        message = self.messages.get(message_id)
        if message is None or message["channel_id"] != channel:
            return _json({"code": 10008, "message": "Unknown Message"}, 404)
        errors = []
        name = body.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= MAX_THREAD_NAME:
            errors.append(f"name: must be 1 to {MAX_THREAD_NAME} in length")
        duration = body.get("auto_archive_duration")
        if duration is not None and duration not in THREAD_ARCHIVE_DURATIONS:
            errors.append(f"auto_archive_duration: must be one of {THREAD_ARCHIVE_DURATIONS}")
        if errors:
            await self._record(Call("rejected", request.path, body, at, channel, 400))
            return _invalid(errors)
        if message_id in self.threads:
            return _json(
                {"code": 160004, "message": "A thread has already been created for this message"},
                400,
            )
        thread = {
            "id": message_id,
            "type": 11,
            "guild_id": GUILD_ID,
            "parent_id": channel,
            "owner_id": BOT_ID,
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": body.get("rate_limit_per_user") or 0,
            "message_count": 0,
            "member_count": 1,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": duration or 1440,
                "archive_timestamp": "2025-02-27T08:00:00.000000+00:00",
                "locked": False,
            },
        }
        self.threads[message_id] = thread
        message["thread"] = thread
        message["flags"] = (message.get("flags") or 0) | HAS_THREAD
        await self._record(Call("thread", request.path, body, at, channel))
        return _json(thread, 201)

    def in_channel(self, channel_id: str) -> list[dict[str, Any]]:
        """The messages posted to a channel (or thread), oldest first."""
        return [m for m in self.messages.values() if m["channel_id"] == channel_id]

    # --- gateway ----------------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            op = frame.get("op")
            if op == 1:
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif op == 2:
                if frame["d"].get("token") != TOKEN:
                    await ws.close(code=4004, message=b"Authentication failed.")
                    break
                await self._ready(ws)
        if self._ws is ws:
            self._ws = None
        return ws

    async def _dispatch(self, ws: web.WebSocketResponse, event: str, data: Any) -> None:
        await ws.send_json({"op": 0, "t": event, "s": next(self._seq), "d": data})

    async def _ready(self, ws: web.WebSocketResponse) -> None:
        await self._dispatch(
            ws,
            "READY",
            {
                "v": 10,
                "user": self.user(BOT_ID, "briefbot", bot=True) | {"verified": True, "flags": 0},
                "guilds": [{"id": GUILD_ID, "unavailable": True}],
                "session_id": "fake-session",
                "resume_gateway_url": self.gateway_url,
                "application": {"id": APP_ID, "flags": 0},
                "private_channels": [],
                "relationships": [],
            },
        )
        await self._dispatch(ws, "GUILD_CREATE", self.guild())
        self.identified.set()

    def _interaction(
        self,
        kind: int,
        options: list[dict[str, Any]],
        permissions: int,
        user_id: str,
        dm: bool = False,
    ) -> dict[str, Any]:
        interaction = self._guild_interaction(kind, options, permissions, user_id)
        if not dm:
            return interaction
        # In a DM, Discord sends the user (no member, no guild) and the DM channel with them.
        for key in ("guild_id", "member", "guild_locale"):
            interaction.pop(key)
        channel_id = str(int(user_id) + 1) if user_id.isdigit() else self.snowflake()
        recipient = self.user(user_id)
        return interaction | {
            "user": recipient,
            "channel_id": channel_id,
            "channel": {
                "id": channel_id,
                "type": 1,
                "recipients": [recipient],
                "last_message_id": None,
                "flags": 0,
            },
            "authorizing_integration_owners": {"1": user_id},
            "context": 1,
        }

    def _guild_interaction(
        self, kind: int, options: list[dict[str, Any]], permissions: int, user_id: str
    ) -> dict[str, Any]:
        interaction_id = self.snowflake()
        command = next(iter(self.commands.get(GUILD_ID, []) + self.commands.get("global", [])), {})
        return {
            "id": interaction_id,
            "application_id": APP_ID,
            "type": kind,
            "token": f"interaction-token-{interaction_id}",
            "version": 1,
            "guild_id": GUILD_ID,
            "channel_id": CHANNEL_ID,
            "channel": self.guild()["channels"][0],
            "member": {
                "user": self.user(user_id),
                "roles": [],
                "joined_at": "2025-01-01T00:00:00.000000+00:00",
                "deaf": False,
                "mute": False,
                "flags": 0,
                "pending": False,
                "nick": None,
                "avatar": None,
                "permissions": str(permissions),
            },
            "app_permissions": str(MEMBER_PERMISSIONS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": GUILD_ID},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
            "data": {
                "id": command.get("id", self.snowflake()),
                "name": "brief",
                "type": 1,
                "options": options,
                **({"guild_id": GUILD_ID} if command.get("guild_id") else {}),
            },
        }

    async def _send_interaction(self, payload: dict[str, Any]) -> SentInteraction:
        if self._ws is None:
            raise RuntimeError("no client is connected to the fake gateway")
        sent_at = time.perf_counter()
        message_id = (payload.get("message") or {}).get("id")
        sent = SentInteraction(
            payload["id"], payload["token"], payload["type"], sent_at, message_id
        )
        self.interactions[sent.id] = sent
        await self._dispatch(self._ws, "INTERACTION_CREATE", payload)
        return sent

    async def deferred_elsewhere(self, query: str) -> SentInteraction:
        """A `/brief query:<query>` that another client (now gone) received and deferred: its
        webhook takes follow-ups, and no connected client is sent it."""
        options = [{"name": "query", "type": 3, "value": query}]
        payload = self._interaction(2, options, MEMBER_PERMISSIONS, USER_ID)
        sent = SentInteraction(payload["id"], payload["token"], 2, time.perf_counter())
        self.interactions[sent.id] = sent
        path = f"{API}/interactions/{sent.id}/{sent.token}/callback"
        await self._record(Call("callback", path, {"type": 5}, sent.sent_at, sent.id))
        return sent

    async def brief(
        self,
        query: str,
        *,
        permissions: int = MEMBER_PERMISSIONS,
        user_id: str = USER_ID,
        dm: bool = False,
    ) -> SentInteraction:
        """A member runs `/brief query:<query>` (in a DM with the bot when `dm`)."""
        options = [{"name": "query", "type": 3, "value": query}]
        return await self._send_interaction(self._interaction(2, options, permissions, user_id, dm))

    async def press(
        self,
        message_id: str,
        label: str,
        *,
        permissions: int = MEMBER_PERMISSIONS,
        user_id: str = USER_ID,
    ) -> SentInteraction:
        """A member presses the button labelled `label` on a message (a component interaction,
        type 3, carrying the message as Discord shows it now)."""
        message = self.messages[message_id]
        button = next(
            b for row in message["components"] for b in row["components"] if b.get("label") == label
        )
        payload = self._interaction(3, [], permissions, user_id)
        payload["data"] = {"custom_id": button["custom_id"], "component_type": 2}
        payload["message"] = message
        return await self._send_interaction(payload)

    async def submit_modal(
        self,
        modal: dict[str, Any],
        answers: list[str],
        *,
        permissions: int = MEMBER_PERMISSIONS,
        user_id: str = USER_ID,
    ) -> SentInteraction:
        """The member submits a modal the app opened (its type 9 response's `data`), typing
        `answers` into its text inputs in order (a modal submit interaction, type 5)."""
        inputs = [row["components"][0] for row in modal["components"]]
        payload = self._interaction(5, [], permissions, user_id)
        payload["data"] = {
            "custom_id": modal["custom_id"],
            "components": [
                {
                    "type": 1,
                    "components": [{"type": 4, "custom_id": text["custom_id"], "value": answer}],
                }
                for text, answer in zip(inputs, answers, strict=True)
            ],
        }
        return await self._send_interaction(payload)

    async def autocomplete(self, current: str) -> SentInteraction:
        """A member is typing `current` into `/brief`'s query option."""
        options = [{"name": "query", "type": 3, "value": current, "focused": True}]
        return await self._send_interaction(
            self._interaction(4, options, MEMBER_PERMISSIONS, USER_ID)
        )

    # --- waiting ----------------------------------------------------------------------------
    async def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 10.0) -> Call:
        async def first() -> Call:
            async with self._changed:
                while True:
                    for call in self.calls:
                        if predicate(call):
                            return call
                    await self._changed.wait()

        return await asyncio.wait_for(first(), timeout)

    async def callback(self, sent: SentInteraction, timeout: float = 10.0) -> Call:
        return await self.wait_for(lambda c: c.kind == "callback" and c.key == sent.id, timeout)

    async def followup(self, sent: SentInteraction, timeout: float = 10.0) -> Call:
        return await self.wait_for(
            lambda c: c.kind in ("followup", "edit_original") and c.key == sent.token, timeout
        )

    def of_kind(self, kind: str) -> list[Call]:
        return [c for c in self.calls if c.kind == kind]
