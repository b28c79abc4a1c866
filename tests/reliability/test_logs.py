"""Structured logs: one `key=value` line per event, a request id on every command's lines,
the level from BRIEFBOT_LOG_LEVEL, and no token or signing secret in any line."""

from __future__ import annotations

import asyncio
import io
import logging
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from adapters.slack_app.platform import EVENTS_PATH, SlackPlatform
from bot.config import Settings
from bot.engine import Engine
from bot.logs import configure, configure_from_settings, request_scope
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.reliability.support import SECRET, TOKEN, command_body, signed_headers, wait_for


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    """Logging configured as the CLI does it, into a buffer; the test run's logging restored
    after."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    buffer = io.StringIO()
    configure(logging.DEBUG, secrets_to_hide=[TOKEN, SECRET], stream=buffer)
    yield buffer
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)


def parse(line: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in shlex.split(line))


def test_each_event_is_one_line_of_key_value_pairs_even_with_a_traceback(
    stream: io.StringIO,
) -> None:
    log = logging.getLogger("briefbot.test")
    try:
        raise ValueError("first line\nsecond line")
    except ValueError:
        log.exception('could not "parse" it', extra={"fields": {"origin": "a b.txt", "n": 3}})
    [line] = stream.getvalue().splitlines()
    fields = parse(line)
    assert fields["level"] == "error" and fields["logger"] == "briefbot.test"
    assert (
        fields["msg"] == 'could not "parse" it'
        and fields["origin"] == "a b.txt"
        and fields["n"] == "3"
    )
    assert "ValueError: first line\\nsecond line" in fields["exc"]


def test_lines_logged_while_handling_a_request_carry_its_id(stream: io.StringIO) -> None:
    log = logging.getLogger("briefbot.test")
    with request_scope("console") as first:
        log.info("one")
        with request_scope("slack") as inner:
            log.info("two")
    with request_scope("console") as second:
        log.info("three")
    log.info("four")
    ids = [parse(line).get("request_id") for line in stream.getvalue().splitlines()]
    assert ids == [first, first, second, None] and inner == first and first != second
    assert re.fullmatch(r"console-[0-9a-f]{10}", first)


def test_tokens_and_the_signing_secret_are_redacted_wherever_they_appear(
    stream: io.StringIO,
) -> None:
    log = logging.getLogger("briefbot.test")
    log.warning("posting with %s", TOKEN)
    log.info("header Authorization: Bearer xoxb-99999-88888-unknownTokenValue")
    try:
        raise RuntimeError(f"signature mismatch for {SECRET}")
    except RuntimeError:
        log.exception("verification failed")
    text = stream.getvalue()
    assert TOKEN not in text and SECRET not in text and "unknownTokenValue" not in text
    assert text.count("[redacted]") == 3


def test_a_urls_user_and_password_are_never_logged(stream: io.StringIO) -> None:
    logging.getLogger("briefbot.test").warning(
        "feed %s failed", "https://reader:s3cret-word@feeds.example.org/rss"
    )
    text = stream.getvalue()
    assert "s3cret-word" not in text and "reader" not in text
    assert "https://[redacted]@feeds.example.org/rss" in text


def test_the_level_comes_from_briefbot_log_level(tmp_path: Path) -> None:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        configure_from_settings(make_settings(tmp_path / "db", BRIEFBOT_LOG_LEVEL="warning"))
        assert root.level == logging.WARNING
        configure_from_settings(make_settings(tmp_path / "db"), quiet=True)  # ask, chat, ingest
        assert root.level == logging.WARNING
        configure_from_settings(
            make_settings(tmp_path / "db", BRIEFBOT_LOG_LEVEL="debug"), quiet=True
        )
        assert root.level == logging.DEBUG
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)


async def test_a_slack_command_logs_its_answer_under_one_request_id(
    stream: io.StringIO, http_settings: Settings, slack_api: FakeSlack, extractor
) -> None:
    engine = await Engine.open(http_settings, load_model=False)
    platform = SlackPlatform(engine, http_settings)
    await platform.connect()
    try:
        url = f"http://127.0.0.1:{platform.port}{EVENTS_PATH}"
        async with aiohttp.ClientSession() as session:
            for text in ("brief", "latest talks"):
                body = command_body(slack_api.response_url(), text)
                async with session.post(url, data=body, headers=signed_headers(body)) as response:
                    assert response.status == 200
        await wait_for(lambda: len(slack_api.responses) == 2, 10, "both replies")
        await asyncio.wait_for(platform.tasks.drain(), 10)
    finally:
        await platform.disconnect()
        await engine.close()
    lines = [parse(line) for line in stream.getvalue().splitlines()]
    answered = [f for f in lines if f["msg"] == "answered"]
    assert sorted(f["intent"] for f in answered) == ["brief", "latest_talks"]
    assert all(f["request_id"].startswith("slack-") for f in answered)
    assert answered[0]["request_id"] != answered[1]["request_id"]
    received = [f for f in lines if f["msg"] == "slack request"]
    assert {f["request_id"] for f in received} == {f["request_id"] for f in answered}
    assert TOKEN not in stream.getvalue() and SECRET not in stream.getvalue()
