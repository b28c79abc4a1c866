"""Secrets: tokens and the signing secret come only from the environment or `.env`, and never show
up in a log record at any level (DEBUG included, libraries included) nor in anything a user sees:
the real Slack (HTTP) and Discord adapters against the fakes, and the real CLI in a subprocess."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from adapters.discord_bot import DiscordPlatform
from adapters.slack_app import SlackPlatform
from bot.answer.model import Answer, Section
from bot.config import Settings
from bot.engine import Engine
from bot.platform import DeliveryError
from tests.fakes.discord_api import TOKEN as DISCORD_TOKEN
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack
from tests.reliability.chat_support import (
    SLACK_APP_TOKEN,
    SLACK_SECRET,
    SLACK_TOKEN,
    command_body,
    discord_reply,
    discord_settings,
    discord_text,
    signed_headers,
    slack_settings,
    slack_text,
    slash,
)

ROOT = Path(__file__).resolve().parents[2]
SECRETS = (SLACK_TOKEN, SLACK_SECRET, SLACK_APP_TOKEN, DISCORD_TOKEN)


def leaks(text: str) -> list[str]:
    """The secrets (or a telling part of one) found in `text`."""
    found = [s for s in SECRETS if s in text]
    found += [s[-16:] for s in SECRETS if s[-16:] in text and s not in found]
    return found


class Everything(logging.Handler):
    """Every record of every logger, formatted with its traceback, as an operator would see it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record) + " " + repr(record.args))


@pytest.fixture
def all_logs() -> Iterator[Everything]:
    handler = Everything()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    # Libraries that set their own level or stop propagation must not escape the capture.
    changed = []
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            changed.append((logger, logger.level, logger.propagate))
            logger.setLevel(logging.DEBUG)
            logger.propagate = True
    yield handler
    root.removeHandler(handler)
    root.setLevel(previous)
    for logger, level, propagate in changed:
        logger.setLevel(level)
        logger.propagate = propagate


# -- settings -----------------------------------------------------------------------------------


def test_settings_never_print_a_secret(tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None,
        BRIEFBOT_DB=tmp_path / "b.db",
        SLACK_BOT_TOKEN=SLACK_TOKEN,
        SLACK_SIGNING_SECRET=SLACK_SECRET,
        SLACK_APP_TOKEN=SLACK_APP_TOKEN,
        DISCORD_TOKEN=DISCORD_TOKEN,
    )
    for shown in (
        repr(settings),
        str(settings),
        str(settings.model_dump()),
        settings.model_dump_json(),
    ):
        assert leaks(shown) == [], shown
    assert settings.slack_bot_token is not None
    assert settings.slack_bot_token.get_secret_value() == SLACK_TOKEN  # only when asked for


def test_secrets_come_from_the_environment_or_dot_env(tmp_path: Path, monkeypatch) -> None:
    for name in ("SLACK_BOT_TOKEN", "DISCORD_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text(f"SLACK_BOT_TOKEN={SLACK_TOKEN}\nDISCORD_TOKEN=\n", encoding="utf-8")
    from_file = Settings(_env_file=env_file)
    assert from_file.slack_bot_token and from_file.slack_bot_token.get_secret_value() == SLACK_TOKEN
    assert from_file.discord_token is None  # an empty value counts as unset
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-the-environment")
    assert (
        Settings(_env_file=env_file).slack_bot_token.get_secret_value()
        == "xoxb-from-the-environment"
    )


# -- the adapters, in process -------------------------------------------------------------------


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(bot_token=SLACK_TOKEN).start()
    server.users = {"UADMIN": {"is_admin": True}}
    yield server
    await server.stop()


async def test_slack_logs_and_replies_never_contain_a_token_or_the_signing_secret(
    all_logs: Everything, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    import aiohttp

    settings = slack_settings(fake_slack, tmp_path / "b.db", BRIEFBOT_RATE_BURST=3)
    shown: list[str] = []
    async with await Engine.open(settings, load_model=False) as engine:
        platform = SlackPlatform(engine, settings)
        await platform.connect()
        try:
            for text, user in [
                ("help", "UADMIN"),
                ("subscribe daily at 08:00 UTC", "UADMIN"),
                ("subscribe daily at 08:00 UTC", "UNKNOWN"),
                ("pause 1", "UNKNOWN"),
                ("latest talks", "UADMIN"),
                ("more", "UADMIN"),
                ("help", "UADMIN"),
            ]:
                shown.append(slack_text(await slash(platform, fake_slack, text, user=user)))
            # Forged and stale requests are refused (and logged) without echoing the secret.
            body = command_body(fake_slack, "help")
            async with aiohttp.ClientSession() as session:
                url = f"http://127.0.0.1:{platform.port}/slack/events"
                for headers in (
                    signed_headers(body, "wrong-secret"),
                    {**signed_headers(body), "X-Slack-Request-Timestamp": "1"},
                ):
                    async with session.post(url, data=body, headers=headers) as response:
                        assert response.status == 401
                        shown.append(await response.text())
            # A failed delivery: the error the scheduler records (and shows in `subscriptions`).
            fake_slack.channel_errors["CGONE"] = "channel_not_found"
            with pytest.raises(DeliveryError) as failed:
                await platform.post_briefing(
                    "CGONE", Answer("brief", "brief", "Briefing", [Section("x")])
                )
            shown.append(str(failed.value))
            fake_slack.fail("chat.postMessage", "invalid_auth")
            with pytest.raises(DeliveryError) as failed:
                await platform.post_briefing("C0NEWS", Answer("brief", "brief", "Briefing"))
            shown.append(str(failed.value))
        finally:
            await platform.disconnect()
    shown += [slack_text(m) for m in fake_slack.messages + fake_slack.ephemerals]
    assert any(line.startswith("DEBUG") for line in all_logs.lines)  # DEBUG really was captured
    assert any("slack" in line.lower() for line in all_logs.lines)
    assert [line for line in all_logs.lines if leaks(line)] == []
    assert [text for text in shown if leaks(text)] == []


async def test_discord_logs_and_replies_never_contain_the_token(
    all_logs: Everything, tmp_path: Path
) -> None:
    fake = await FakeDiscord().start()
    shown: list[str] = []
    try:
        settings = discord_settings(fake, tmp_path / "b.db", BRIEFBOT_RATE_BURST=2)
        async with await Engine.open(settings, load_model=False) as engine:
            platform = DiscordPlatform(engine, settings, guild_ready_timeout=0.05)
            await asyncio.wait_for(platform.connect(), 20)  # IDENTIFY carries the token
            try:
                for text in ("help", "subscribe daily at 08:00", "latest talks", "help"):
                    shown.append(discord_text(await discord_reply(fake, await fake.brief(text))))
                fake.forbidden.add("1399")
                with pytest.raises(DeliveryError) as failed:
                    await platform.post_briefing("1399", Answer("brief", "brief", "Briefing"))
                shown.append(str(failed.value))
            finally:
                await platform.disconnect()
            # A wrong token: discord.py's login failure, as the scheduler reports it.
            wrong = discord_settings(
                fake, tmp_path / "b.db", DISCORD_TOKEN="wrong-" + DISCORD_TOKEN
            )
            other = DiscordPlatform(engine, wrong)
            with pytest.raises(DeliveryError) as failed:
                await other.post_briefing(
                    "1300000000000000001", Answer("brief", "brief", "Briefing")
                )
            shown.append(str(failed.value))
            await other.disconnect()
    finally:
        await fake.stop()
    assert any(line.startswith("DEBUG discord") for line in all_logs.lines)
    assert [line for line in all_logs.lines if leaks(line)] == []
    assert [text for text in shown if leaks(text)] == []


# -- the CLI, in a subprocess, logging everything at DEBUG -------------------------------------

CLI = (
    "import logging, sys; logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, "
    "format='%(levelname)s %(name)s %(message)s'); from bot.cli import app; "
    "sys.argv[0] = 'briefbot'; app()"
)


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))
    }
    env.update(
        {
            "BRIEFBOT_DB": str(tmp_path / "cli.db"),
            "BRIEFBOT_LOG_LEVEL": "DEBUG",
            "SLACK_BOT_TOKEN": SLACK_TOKEN,
            "SLACK_SIGNING_SECRET": SLACK_SECRET,
            "DISCORD_TOKEN": DISCORD_TOKEN,
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.heavy
async def test_the_cli_never_prints_a_secret(fake_slack: FakeSlack, tmp_path: Path) -> None:
    outputs: list[str] = []
    for args, extra in [
        (["ask", "help"], {}),
        (["ask", "subscribe daily at 08:00"], {}),
        (["deliver", "--now", "2025-03-01T08:00"], {}),
        (["ask", "help"], {"BRIEFBOT_TZ": "Not/AZone"}),  # a settings error names the bad setting
        (["run", "discord"], {"DISCORD_API_BASE": "http://127.0.0.1:9/api/v10"}),  # cannot log in
    ]:
        done = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-c", CLI, *args],
            env=cli_env(tmp_path, **extra),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        outputs.append(f"$ briefbot {' '.join(args)}\n{done.stdout}\n{done.stderr}")
    # `briefbot run slack` serving one signed command, then stopped as a service manager would.
    port = free_port()
    env = cli_env(tmp_path, SLACK_API_URL=fake_slack.api_url, BRIEFBOT_HTTP_PORT=str(port))
    server = subprocess.Popen(
        [sys.executable, "-c", CLI, "run", "slack"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        await _wait_for_port(port, server)
        import aiohttp

        body = command_body(fake_slack, "help", user="UADMIN")
        url = f"http://127.0.0.1:{port}/slack/events"
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, data=body, headers=signed_headers(body)) as r,
        ):
            assert r.status == 200
        for _ in range(100):
            if fake_slack.responses:
                break
            await asyncio.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = await asyncio.to_thread(server.communicate, timeout=60)
    outputs.append(f"$ briefbot run slack\n{out}\n{err}")
    assert fake_slack.responses, "the running CLI answered the command"
    everything = "\n".join(outputs)
    assert "DEBUG" in everything  # libraries' DEBUG records really were printed
    assert leaks(everything) == [], [o for o in outputs if leaks(o)]


async def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"briefbot run exited: {process.stderr.read() if process.stderr else ''}"
            )
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.2)
    raise AssertionError("briefbot run did not start listening")
