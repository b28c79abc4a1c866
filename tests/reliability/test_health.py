"""Health: `/healthz` on the Slack HTTP port of a running bot, and `briefbot health` for compose.

Both report the database (opens, migrates, reads), the spaCy model (installed / loaded, with its
name and version) and the adapters; unhealthy means HTTP 503 or a non-zero exit.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from adapters.run import _health_probe
from adapters.slack_app.platform import HEALTH_PATH, SlackPlatform
from bot.config import Settings
from bot.engine import Engine
from tests.reliability.support import briefbot, cli_env


@pytest.fixture
async def running(
    http_settings: Settings, extractor
) -> AsyncIterator[tuple[Engine, SlackPlatform]]:
    """What `briefbot run slack` builds: the engine with its model, Slack in HTTP mode, the
    probe."""
    engine = await Engine.open(http_settings, load_model=False)
    engine._extractor = extractor
    platform = SlackPlatform(engine, http_settings)
    platform.health = _health_probe(engine, {"slack": platform})
    await platform.connect()
    yield engine, platform
    await platform.disconnect()
    await engine.close()


def health_url(platform: SlackPlatform) -> str:
    return f"http://127.0.0.1:{platform.port}{HEALTH_PATH}"


async def get_json(url: str) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, json.loads(await response.text())


async def briefbot_health(env: dict[str, str], *args: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        *briefbot("health", *args),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode or 0, out.decode()


async def test_healthz_reports_the_database_the_loaded_model_and_the_connected_adapter(
    running,
) -> None:
    _, platform = running
    status, body = await get_json(health_url(platform))
    assert status == 200
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True, "articles": 1}
    assert body["model"]["ok"] and body["model"]["loaded"]
    assert (
        body["model"]["name"].startswith("en_core_web_sm") and body["model"]["version"] == "3.8.0"
    )
    assert body["adapters"] == {"ok": True, "connected": {"slack": True}}
    assert "path" not in json.dumps(body) and str(platform.settings.db) not in json.dumps(body)


async def test_healthz_answers_503_when_the_database_cannot_be_read(running) -> None:
    engine, platform = running
    await engine.store.reader.close()  # the file is gone from under the process, say
    status, body = await get_json(health_url(platform))
    assert status == 503
    assert body["status"] == "unhealthy" and body["database"]["ok"] is False


async def test_briefbot_health_asks_a_running_server_about_its_adapters(
    running, tmp_path: Path
) -> None:
    _, platform = running
    env = cli_env(tmp_path / "fresh.db")
    code, out = await briefbot_health(env, "--url", health_url(platform))
    assert code == 0, out
    assert "database: ok" in out and "model: ok" in out and "server: ok" in out
    assert "slack connected" in out and out.rstrip().endswith("healthy")


async def test_briefbot_health_is_healthy_on_a_new_database(tmp_path: Path) -> None:
    code, out = await briefbot_health(cli_env(tmp_path / "new.db"), "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["status"] == "ok" and report["database"]["articles"] == 0
    assert report["model"]["version"] == "3.8.0" and report["model"]["loaded"] is False


@pytest.mark.parametrize(
    "problem",
    ["no model", "not a database", "server down"],
)
async def test_briefbot_health_exits_non_zero_when_anything_is_unhealthy(
    problem: str, tmp_path: Path
) -> None:
    db = tmp_path / "briefbot.db"
    env = cli_env(db)
    args: list[str] = []
    if problem == "no model":
        env["BRIEFBOT_SPACY_MODEL"] = "no_such_model_installed"
    elif problem == "not a database":
        db.write_bytes(b"this is not SQLite " * 100)
    else:
        args = ["--url", "http://127.0.0.1:9/healthz"]  # the discard port: nothing listens
    code, out = await briefbot_health(env, *args)
    assert code == 1, out
    assert "FAILED" in out and out.rstrip().endswith("unhealthy")
    if problem != "not a database":
        assert "database: ok" in out  # the healthy parts are still reported
