"""Structured logs: one line per event, `key=value`, with the id of the request being handled.

Configured once by the CLI (`configure`). Every line carries `ts`, `level`, `logger`, the
`request_id` of the chat command being handled (set per Slack request, per console line, and per
answer on any platform) and `msg`, then any `fields` given with `extra={"fields": {...}}`.
Tracebacks are folded into the same line, so a log collector never splits one event in two.

Secrets never reach the output: the configured tokens and signing secret, and anything shaped
like a Slack or Discord token or a bearer header, are replaced with `[redacted]` in the finished
line, whatever logger, argument or exception carried them.
"""

from __future__ import annotations

import logging
import re
import secrets
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, TextIO

from pydantic import SecretStr

REDACTED = "[redacted]"
_HANDLER_NAME = "briefbot"

# The request id flows through asyncio tasks: a task copies the context it was created in, so
# work started while handling a command (the Slack reply task) logs the command's id.
_request_id: ContextVar[str | None] = ContextVar("briefbot_request_id", default=None)

# Shapes of credentials, for secrets that reach a log without being configured here (a token
# pasted into a chat command, a library echoing a header).
_TOKEN_SHAPES = re.compile(
    r"xox[abposr]-[A-Za-z0-9-]{6,}"  # Slack bot/user/app-level tokens
    r"|xapp-[A-Za-z0-9-]{6,}"
    r"|[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}"  # Discord bot token
    r"|(?i:bearer|bot)\s+[A-Za-z0-9._~+/-]{20,}=*"  # Authorization headers
)
# The user and password a URL may carry ("https://reader:s3cret@feeds.example.org/rss"): a feed's
# address is logged, its credentials never are.
_URL_CREDENTIALS = re.compile(r"(?<=://)[^/\s:@]+:[^/\s@]*@")
_BARE = re.compile(r"^[^\s\"=\\]+$")


def request_id() -> str | None:
    return _request_id.get()


def _new_id(platform: str) -> str:
    return f"{platform}-{secrets.token_hex(5)}"


def bind_request_id(platform: str) -> str:
    """A new id for the rest of the current task: for a task that handles one request only."""
    rid = _new_id(platform)
    _request_id.set(rid)
    return rid


@contextmanager
def request_scope(platform: str) -> Iterator[str]:
    """The id of the request being handled: a new one, unless a caller already set one."""
    current = _request_id.get()
    if current is not None:
        yield current
        return
    token = _request_id.set(_new_id(platform))
    try:
        yield _request_id.get() or ""
    finally:
        _request_id.reset(token)


def _value(value: Any) -> str:
    text = "" if value is None else str(value)
    if text and _BARE.match(text):
        return text
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


class KeyValueFormatter(logging.Formatter):
    """`ts=... level=info logger=briefbot.slack request_id=slack-ab12 msg="..." k=v ...`"""

    def __init__(self, secrets_to_hide: Iterable[str] = ()) -> None:
        super().__init__()
        # Longest first, so a secret containing another is replaced whole.
        self._secrets = sorted(
            {s for s in secrets_to_hide if s and len(s) >= 6}, key=len, reverse=True
        )

    def format(self, record: logging.LogRecord) -> str:
        pairs: list[tuple[str, Any]] = [
            ("ts", datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")),
            ("level", record.levelname.lower()),
            ("logger", record.name),
        ]
        rid = getattr(record, "request_id", None) or _request_id.get()
        if rid:
            pairs.append(("request_id", rid))
        pairs.append(("msg", record.getMessage()))
        fields = getattr(record, "fields", None)
        if isinstance(fields, Mapping):
            pairs.extend((str(k), v) for k, v in fields.items())
        if record.exc_info:
            pairs.append(("exc", self.formatException(record.exc_info)))
        elif record.exc_text:
            pairs.append(("exc", record.exc_text))
        line = " ".join(f"{key}={_value(value)}" for key, value in pairs)
        return self.redact(line)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        text = _URL_CREDENTIALS.sub(REDACTED + "@", text)
        return _TOKEN_SHAPES.sub(REDACTED, text)


def level_named(name: str | None, default: int = logging.INFO) -> int:
    value = logging.getLevelName((name or "").strip().upper())
    return value if isinstance(value, int) else default


def configure(
    level: str | int = logging.INFO,
    *,
    secrets_to_hide: Iterable[str] = (),
    stream: TextIO | None = None,
) -> logging.Handler:
    """Route every logger through one key=value handler on stderr; safe to call again."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(KeyValueFormatter(secrets_to_hide))
    root.addHandler(handler)
    root.setLevel(level if isinstance(level, int) else level_named(level))
    # Chatty libraries stay at warning unless debugging: one line per event means our events.
    quiet_level = (
        logging.NOTSET if root.level <= logging.DEBUG else max(root.level, logging.WARNING)
    )
    for noisy in ("aiohttp.access", "slack_bolt", "slack_sdk", "discord", "asyncio"):
        logging.getLogger(noisy).setLevel(quiet_level)
    # aiosqlite's debug lines echo every statement's parameters (article text, user queries).
    logging.getLogger("aiosqlite").setLevel(max(root.level, logging.INFO))
    return handler


def configure_from_settings(settings: Any, *, quiet: bool = False) -> logging.Handler:
    """Level from BRIEFBOT_LOG_LEVEL; `quiet` commands (ask, chat, ingest) default to warnings.

    Secrets to hide: every SecretStr setting (tokens, the signing secret).
    """
    level = level_named(getattr(settings, "log_level", "INFO"))
    if quiet and "log_level" not in getattr(settings, "model_fields_set", set()):
        level = max(level, logging.WARNING)
    hidden = []
    for name in type(settings).model_fields:
        value = getattr(settings, name, None)
        if isinstance(value, SecretStr):
            hidden.append(value.get_secret_value())
    return configure(level, secrets_to_hide=hidden)
