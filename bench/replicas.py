"""Benchmark: commands answered per second by two `briefbot run slack` replicas on one PostgreSQL
store, with both up, across the SIGKILL of one, and with one left.

    .venv/bin/python bench/replicas.py [--commands 400] [--clients 16] [--pg-url URL]

Two real `briefbot run slack` processes (HTTP mode, model loaded) share a PostgreSQL database
holding seeds/ (a throwaway local server as the tests start one, unless `--pg-url` names an empty
database). The fake Slack Web API runs in this process; so does the load balancer: `--clients`
concurrent clients post signed slash commands (tests/reliability/load.py's queries, 200 users, the
per-user rate limit off) round-robin to the replicas that are up, and a command whose replica
refuses the connection goes to the other one, as a load balancer's retry would. A command counts
as answered when its reply reaches the fake Slack's response_url.

Three phases of `--commands` each: (1) both replicas up; (2) one replica SIGKILLed once half the
phase's commands are sent: the survivor answers what the killed one had acknowledged and not yet
answered (held in the store, bot.command_inbox; found within BRIEFBOT_COMMAND_RESUME_SECONDS,
default 10) besides the rest; (3) the survivor alone. Prints answered/s per phase, and how many
commands were lost or answered twice. Not a test: timings depend on the machine (the replicas,
PostgreSQL, the fake and the clients share its cores).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script run from anywhere: import the project and its test fakes

from bot.store.location import database_location  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402
from tests.reliability.load import QUERIES, USERS  # noqa: E402
from tests.reliability.support import (  # noqa: E402
    TEAM,
    TOKEN,
    SlackBotProcess,
    briefbot,
    cli_env,
    command_body,
    signed_headers,
)

ADMIN = "U0ADMIN"


class Replica(SlackBotProcess):
    async def healthy(self) -> bool:
        try:
            return await super().healthy()
        except TimeoutError:
            return False


@dataclass
class Phase:
    name: str
    commands: int
    acked_by: dict[int, set[str]] = field(default_factory=dict)  # replica index -> names acked
    refused: int = 0  # connections refused (a dead replica), each retried on the other
    seconds: float = 0.0
    answered: int = 0  # commands with a reply
    twice: int = 0  # commands with more than one reply

    def row(self) -> str:
        rate = self.answered / self.seconds if self.seconds else 0.0
        lost = self.commands - self.answered
        return (
            f"| {self.name} | {self.commands} | {self.answered} | {lost} | {self.twice} | "
            f"{self.seconds:.1f} | {rate:.1f} |"
        )


async def run_phase(
    phase: Phase,
    fake: FakeSlack,
    replicas: list[Replica],
    up: list[bool],
    clients: int,
    *,
    kill_at: int | None = None,
    settle: float = 20.0,
) -> None:
    """Send the phase's commands; wait until every one is answered (or `settle` seconds pass with
    no new answer, for the lost ones)."""
    prefix = phase.name[:1]
    names = itertools.count()
    sent = 0
    turn = itertools.count()

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal sent
        while (n := next(names)) < phase.commands:
            name = f"{prefix}{n}"
            body = command_body(
                fake.response_url(name), QUERIES[n % len(QUERIES)], user=f"U{n % USERS:05d}"
            )
            sent += 1
            if kill_at is not None and sent == kill_at:
                replicas[1].kill()
            while True:
                live = [i for i, ok in enumerate(up) if ok]
                index = live[next(turn) % len(live)]
                try:
                    async with session.post(
                        replicas[index].events_url, data=body, headers=signed_headers(body)
                    ) as response:
                        await response.read()
                    if response.status == 200:
                        phase.acked_by.setdefault(index, set()).add(name)
                        break
                except (TimeoutError, aiohttp.ClientConnectionError):
                    pass
                phase.refused += 1
                if replicas[index].proc is not None and replicas[index].proc.returncode is None:
                    await asyncio.sleep(0.05)  # a live replica that failed: try again
                else:
                    up[index] = False  # the balancer's health check takes it out

    def replies() -> Counter[str]:
        return Counter(n for n in fake.answered if n[:1] == prefix and n[1:].isdigit())

    def answered() -> int:
        return len(replies())

    started = time.perf_counter()
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    last, last_change = answered(), time.perf_counter()
    while last < phase.commands and time.perf_counter() - last_change < settle:
        await asyncio.sleep(0.05)
        if (now := answered()) != last:
            last, last_change = now, time.perf_counter()
    phase.answered = last
    phase.twice = sum(1 for count in replies().values() if count > 1)
    # Time to the last answer (not the settling wait after it).
    phase.seconds = (last_change if last < phase.commands else time.perf_counter()) - started


async def prepare_database(pg_url: str | None, folder: Path):
    """A PostgreSQL database holding seeds/: the URL and the server to stop (None if given)."""
    server = None
    if pg_url is None:
        from tests.pg_server import PostgresServer

        server = PostgresServer.start()
        import asyncpg

        connection = await asyncpg.connect(server.url())
        try:
            await connection.execute('CREATE DATABASE "bench_replicas"')
        finally:
            await connection.close()
        pg_url = server.url("bench_replicas")
    location = database_location(pg_url)
    env = cli_env(folder / "unused.db", BRIEFBOT_DB=pg_url)
    process = await asyncio.create_subprocess_exec(
        *briefbot("ingest", str(ROOT / "seeds")),
        env=env,
        cwd=folder,
        stdout=asyncio.subprocess.DEVNULL,
    )
    if await process.wait() != 0:
        raise SystemExit("could not ingest seeds/ into the benchmark database")
    return location, server


async def main(commands: int, clients: int, pg_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        location, server = await prepare_database(pg_url, folder)
        fake = await FakeSlack(bot_token=TOKEN, team_id=TEAM).start()
        replicas = [
            Replica(location, fake.api_url, ADMIN, BRIEFBOT_RATE_PER_MINUTE="0") for _ in range(2)
        ]
        for replica in replicas:
            replica.cwd = folder
        try:
            await asyncio.gather(*(replica.start() for replica in replicas))
            up = [True, True]
            # A short warm-up: first queries load caches (entity names) in each replica.
            await run_phase(Phase("warm-up", 2 * clients), fake, replicas, up, clients)
            phases = [
                Phase("both up", commands),
                Phase("kill one mid-run", commands),
                Phase("one left", commands),
            ]
            await run_phase(phases[0], fake, replicas, up, clients)
            await run_phase(phases[1], fake, replicas, up, clients, kill_at=commands // 2)
            await run_phase(phases[2], fake, replicas, up, clients)
        finally:
            for replica in replicas:
                if replica.proc is not None and replica.proc.returncode is None:
                    await replica.stop()
            await fake.stop()
            if server is not None:
                server.stop()
    print(f"{commands} commands a phase, {clients} clients, {os.cpu_count()} CPUs\n")
    print("| phase | commands | answered | lost | answered twice | seconds | answered/s |")
    print("|---|---|---|---|---|---|---|")
    for phase in phases:
        print(phase.row())
    killed = phases[1]
    print(
        f"\nkill phase: the killed replica had acknowledged {len(killed.acked_by.get(1, ()))} "
        f"commands, {killed.refused} connections refused and sent to the survivor"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=400)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--pg-url",
        default=None,
        help="an empty PostgreSQL database (default: a throwaway local server)",
    )
    args = parser.parse_args()
    asyncio.run(main(args.commands, args.clients, args.pg_url))
