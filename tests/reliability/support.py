"""Shared by the reliability tests: a realistic corpus, the CLI's environment, a free port,
signed Slack requests, and the consistency checks every crash test ends with."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import random
import signal
import socket
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from bot.store.store import Consistency, Store
from tests.conftest import MODEL, ROOT, SHARED
from tests.fakes.slack_api import slash_command_body

POLNEAR = SHARED / "eval" / "polnear_dev.jsonl"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test-token"
TEAM = "T0TEST"

# Synthetic articles when ../shared/eval is not beside the repository: small, varied, and with
# the statements and talks the extractor looks for, so every article stores some facts.
_PEOPLE = [
    ("Sergey Lavrov", "Russia", "Foreign Minister"),
    ("Antony Blinken", "United States", "Secretary of State"),
    ("Wang Yi", "China", "Foreign Minister"),
    ("Hakan Fidan", "Turkey", "Foreign Minister"),
    ("Jeyhun Bayramov", "Azerbaijan", "Foreign Minister"),
    ("Ararat Mirzoyan", "Armenia", "Foreign Minister"),
]
_CITIES = ["Istanbul", "Geneva", "Baku", "Vienna", "Doha", "Riyadh", "Ankara", "Brussels"]
_TOPICS = ["embassy operations", "grain exports", "a ceasefire", "border delimitation", "sanctions"]


def _synthetic(n: int) -> dict[str, str]:
    rng = random.Random(n)
    (a, a_country, a_title), (b, b_country, _) = rng.sample(_PEOPLE, 2)
    city, topic = rng.choice(_CITIES), rng.choice(_TOPICS)
    day = f"2025-0{rng.randint(1, 9)}-{rng.randint(10, 28)}"
    text = (
        f"{a_country} and {b_country} hold talks in {city} on {topic} (report {n})\n\n"
        f"Delegations of {a_country} and {b_country} met in {city} on {day} to discuss {topic}.\n\n"
        f'"We are ready to continue the dialogue on {topic}," {a_title} {a} told reporters '
        f"after the meeting, number {n} in the series.\n\n"
        f"{b} said the two sides had agreed to meet again next month in {rng.choice(_CITIES)}.\n"
    )
    return {
        "title": text.splitlines()[0],
        "source": "Synthetic Wire",
        "published": day,
        "text": text,
    }


def _polnear(limit: int) -> list[dict[str, str]]:
    seen: set[str] = set()
    articles = []
    for line in POLNEAR.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["text"] in seen:  # several annotators may share one article
            continue
        seen.add(record["text"])
        title = next(t for t in record["text"].splitlines() if t.strip())[:200]
        articles.append(
            {
                "title": title,
                "source": record["publisher"],
                "published": record["date"],
                "text": record["text"],
            }
        )
        if len(articles) == limit:
            break
    return articles


def write_corpus(folder: Path, count: int) -> list[Path]:
    """`count` article files (.json) in `folder`: real news texts when available, else synthetic."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = _polnear(count) if POLNEAR.exists() else []
    articles += [_synthetic(n) for n in range(count - len(articles))]
    paths = []
    for n, article in enumerate(articles):
        path = folder / f"{n:03d}.json"
        path.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def cli_env(db: Path, **extra: str) -> dict[str, str]:
    """The environment for a `briefbot` subprocess: this test's settings only, unbuffered output."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_"))
    }
    env.update(
        PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", BRIEFBOT_DB=str(db), BRIEFBOT_SPACY_MODEL=MODEL
    )
    env.update(extra)
    return env


def briefbot(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot.cli", *args]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def consistency(db: Path) -> Consistency:
    """Opens (and so recovers the WAL of) a database a killed process left behind."""
    async with await Store.open(db) as store:
        return await store.consistency()


async def fact_counts(db: Path) -> dict[str, tuple[int, int, int]]:
    async with await Store.open(db) as store:
        return await store.fact_counts()


# -- Slack's side of a slash command -------------------------------------------------------------


def signed_headers(body: bytes, secret: str = SECRET) -> dict[str, str]:
    timestamp = str(int(time.time()))
    base = b"v0:" + timestamp.encode() + b":" + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature,
        "Content-Type": "application/x-www-form-urlencoded",
    }


def command_body(
    response_url: str, text: str, *, user: str = "U0ASKER", channel: str = "C0NEWS"
) -> bytes:
    return slash_command_body(TEAM, response_url, text, user=user, channel=channel)


def hourly_cron_half_an_hour_off() -> str:
    """An hourly schedule whose latest slot was half an hour ago and whose next is half an hour
    away: due at once when a bot starts, with no second slot falling due while a test runs (a
    slot on the hour did, for a run that crossed midnight)."""
    minute = (datetime.now(UTC) + timedelta(minutes=30)).minute
    return f"{minute} * * * *"


async def wait_for(predicate, timeout: float, what: str, interval: float = 0.05) -> None:
    """Poll `predicate` (sync or async) until true; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        await asyncio.sleep(interval)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class SlackBotProcess:
    """One `briefbot run slack` process at a time on the same database and port, healthy when
    /healthz answers 200; `extra` settings on top of the fake Slack's."""

    def __init__(self, db: Path, slack_api_url: str, admin: str, **extra: str) -> None:
        self.port = free_port()
        self.env = cli_env(
            db,
            SLACK_BOT_TOKEN=TOKEN,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=slack_api_url,
            BRIEFBOT_HTTP_HOST="127.0.0.1",
            BRIEFBOT_HTTP_PORT=str(self.port),
            BRIEFBOT_ADMINS=admin,
            **extra,
        )
        self.cwd = db.parent
        self.proc: asyncio.subprocess.Process | None = None

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            *briefbot("run", "slack"),
            env=self.env,
            cwd=self.cwd,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await wait_for(self.healthy, 60, "/healthz to answer 200")

    async def healthy(self) -> bool:
        assert self.proc is not None
        if self.proc.returncode is not None:
            raise AssertionError(f"briefbot run exited with {self.proc.returncode}")
        try:
            async with (
                aiohttp.ClientSession() as session,
                session.get(
                    f"http://127.0.0.1:{self.port}/healthz", timeout=aiohttp.ClientTimeout(total=2)
                ) as response,
            ):
                return response.status == 200
        except aiohttp.ClientError:
            return False

    def kill(self) -> None:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGKILL)

    async def stop(self) -> int:
        """SIGTERM, as `docker stop` does: the process should finish cleanly."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.proc.wait(), 30)
