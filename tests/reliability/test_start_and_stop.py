"""`briefbot run` and `deliver` as an operator meets them when something is wrong: SIGTERM and
Ctrl-C stop the process at every stage, also while the platform is unreachable; a refused token or
a busy port is one clear line and a non-zero exit, never a traceback; a refused Discord login
leaves no unclosed HTTP session behind.

Real processes (`python -m bot.cli ...`); the fake Slack and Discord run in the test's loop.
"""

from __future__ import annotations

import asyncio
import signal
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from bot.answer.model import Conversation
from bot.engine import Engine
from tests.conftest import make_settings
from tests.fakes.discord_api import TOKEN as DISCORD_TOKEN
from tests.fakes.discord_api import FakeDiscord
from tests.reliability.support import briefbot, cli_env, free_port, wait_for
from tests.schedule.helpers import command

pytestmark = pytest.mark.heavy

STOP_WITHIN = 10.0  # seconds from the signal to the exit


def closed_port() -> int:
    """A loopback port nothing listens on: connecting there is refused at once."""
    return free_port()


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    server = await FakeDiscord().start()
    yield server
    await server.stop()


async def start(tmp_path: Path, *args: str, **env: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        *briefbot(*args),
        env=cli_env(tmp_path / "briefbot.db", **env),
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(proc: asyncio.subprocess.Process, within: float) -> tuple[int, str]:
    """The exit code and everything the process wrote, or a failure if it does not exit in time."""
    try:
        out, err = await asyncio.wait_for(proc.communicate(), within)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError(f"still running {within:g} s later") from None
    return proc.returncode if proc.returncode is not None else -1, (out + err).decode()


async def answers(url: str) -> bool:
    try:
        async with (
            aiohttp.ClientSession() as session,
            session.get(url, timeout=aiohttp.ClientTimeout(total=2)) as response,
        ):
            return response.status in (200, 503)
    except aiohttp.ClientError:
        return False


# -- stopping while the platform is unreachable ---------------------------------------------------


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
async def test_socket_mode_stops_and_serves_healthz_while_slack_is_unreachable(
    tmp_path: Path, sig
) -> None:
    port = free_port()
    proc = await start(
        tmp_path,
        "run",
        "slack",
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_APP_TOKEN="xapp-test",
        SLACK_API_URL=f"http://127.0.0.1:{closed_port()}/api/",
        BRIEFBOT_HTTP_PORT=str(port),
    )
    healthz = f"http://127.0.0.1:{port}/healthz"
    try:
        await wait_for(
            lambda: answers(healthz), 60, "/healthz to answer while Slack is unreachable"
        )
        async with aiohttp.ClientSession() as session, session.get(healthz) as response:
            assert response.status == 503  # up, but not connected to Slack
    finally:
        proc.send_signal(sig)
    code, output = await finish(proc, STOP_WITHIN)
    assert code == 0, output


@pytest.fixture
async def black_hole() -> AsyncIterator[str]:
    """A gateway address that accepts connections and never answers, as behind a dropping
    firewall."""
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    yield f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/gateway"
    for writer in held:
        writer.close()
    server.close()


async def test_discord_stops_on_ctrl_c_while_its_gateway_does_not_answer(
    tmp_path: Path, discord_fake: FakeDiscord, black_hole: str
) -> None:
    proc = await start(
        tmp_path,
        "run",
        "discord",
        DISCORD_TOKEN=DISCORD_TOKEN,
        DISCORD_API_BASE=discord_fake.api_base,
        DISCORD_GATEWAY_URL=black_hole,
        BRIEFBOT_HTTP_PORT=str(free_port()),
    )
    try:
        await wait_for(lambda: discord_fake.logins > 0, 60, "the Discord login")
        await asyncio.sleep(1.0)  # now waiting for a gateway that never answers
    finally:
        proc.send_signal(signal.SIGINT)
    code, output = await finish(proc, STOP_WITHIN)
    assert code == 0, output


async def test_a_refused_discord_gateway_is_one_line_and_exit_1(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    gateway = f"ws://127.0.0.1:{closed_port()}/gateway"
    proc = await start(
        tmp_path,
        "run",
        "discord",
        DISCORD_TOKEN=DISCORD_TOKEN,
        DISCORD_API_BASE=discord_fake.api_base,
        DISCORD_GATEWAY_URL=gateway,
        BRIEFBOT_HTTP_PORT=str(free_port()),
    )
    code, output = await finish(proc, 60)
    assert code == 1
    # discord.py logs its own reconnect attempt (with the connection error) before giving up.
    assert_one_clear_line(
        output, f"error: Discord gateway ({gateway}): cannot connect to it", library_logs=True
    )


# -- misconfiguration: one line, non-zero exit ----------------------------------------------------


def assert_one_clear_line(output: str, expected: str, *, library_logs: bool = False) -> None:
    """One `error:` line saying what to fix; no traceback printed, no unclosed session. With
    `library_logs`, a library's own log records (one line each) may carry one in their exc field."""
    lines = output.splitlines()
    if library_logs:
        assert not any(line.startswith(("Traceback", "  File ")) for line in lines), output
    else:
        assert "Traceback" not in output, output
    assert "Unclosed" not in output, output
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1 and expected in errors[0], output


async def test_a_refused_discord_token_is_one_line_and_exit_1(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    proc = await start(
        tmp_path,
        "run",
        "discord",
        DISCORD_TOKEN="not-the-token",
        DISCORD_API_BASE=discord_fake.api_base,
        DISCORD_GATEWAY_URL=discord_fake.gateway_url,
    )
    code, output = await finish(proc, 60)
    assert code == 1
    assert_one_clear_line(output, "error: Discord refused the login: check DISCORD_TOKEN")
    assert "not-the-token" not in output


async def test_a_busy_http_port_is_one_line_and_exit_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = await start(
            tmp_path,
            "run",
            "slack",
            SLACK_BOT_TOKEN="xoxb-test",
            SLACK_SIGNING_SECRET="s3cret",
            SLACK_API_URL=f"http://127.0.0.1:{closed_port()}/api/",
            BRIEFBOT_HTTP_PORT=str(port),
        )
        code, output = await finish(proc, 60)
    assert code == 1
    assert_one_clear_line(output, f"cannot listen on 127.0.0.1:{port}: Address already in use")


async def test_deliver_after_a_refused_discord_login_leaves_no_unclosed_session(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    when = datetime(2025, 3, 29, 8, 0, 30, tzinfo=UTC)
    async with await Engine.open(
        make_settings(tmp_path / "briefbot.db"), load_model=False
    ) as engine:
        for channel in ("1300000000000000001", "1300000000000000002"):
            admin = Conversation("discord", "1200000000000000001", channel, "42", is_admin=True)
            made = await command(
                engine,
                "subscribe daily at 08:00 UTC",
                datetime(2025, 3, 28, 9, 0, tzinfo=UTC),
                admin,
            )
            assert made.ok
    proc = await start(
        tmp_path,
        "deliver",
        "--now",
        when.isoformat(),
        DISCORD_TOKEN="not-the-token",
        DISCORD_API_BASE=discord_fake.api_base,
        DISCORD_GATEWAY_URL=discord_fake.gateway_url,
    )
    code, output = await finish(proc, 60)
    assert code == 0, output  # every due briefing was attempted; the failures are recorded
    assert "Unclosed" not in output and "Traceback" not in output, output
    assert output.count("Discord refused the login") >= 2  # both subscriptions report why
    assert discord_fake.logins == 1  # a refused token is not tried again
