"""Several processes opening one new database at once (`docker compose up` starts both bots on a
fresh volume, or two replicas start on one new PostgreSQL database): every one starts, and the
schema is applied exactly once, on both backends (SQLite: BEGIN IMMEDIATE around the check and
the apply; PostgreSQL: an advisory lock)."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import pytest

from bot.store.database import POSTGRES_MIGRATIONS, available_migrations
from bot.store.location import Location, PostgresLocation
from tests.conftest import ROOT, _create_database
from tests.reliability.support import briefbot, cli_env

PROCESSES = 5
# SQLite's file lock raced for real in 2 of 5 tries before the fix; PostgreSQL's advisory lock is
# taken by the server in one place, and each round there costs a database and five connections.
ROUNDS = {"sqlite": 6, "postgres": 3}

# A process that imports what it needs, says it is ready, waits for the word, then opens the
# database as `Store.open` does (connect, migrate, read): the openings fall within a few
# milliseconds of each other, not an interpreter start apart. (`Store` itself would import spaCy,
# seconds a process on a busy machine; `briefbot ask` below takes that path once.)
OPEN_WHEN_TOLD = """
import asyncio, sys
from pathlib import Path
from bot.store import sql
from bot.store.database import connect, migrate

db, ready, go = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

async def main() -> None:
    ready.touch()
    while not go.exists():
        await asyncio.sleep(0.001)
    conn = await connect(db)
    try:
        await migrate(conn, db)
        print((await conn.execute_fetchall(sql.COUNT_ARTICLES))[0][0])
    finally:
        await conn.close()

asyncio.run(main())
"""

# The same on PostgreSQL: connect, migrate, read, as `Store.open` does there.
OPEN_WHEN_TOLD_POSTGRES = """
import asyncio, sys
from pathlib import Path
from bot.store import sql_postgres
from bot.store.location import PostgresLocation
from bot.store.postgres import PgDb, connect, migrate

db, ready, go = PostgresLocation(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

async def main() -> None:
    ready.touch()
    while not go.exists():
        await asyncio.sleep(0.001)
    conn = await connect(db)
    try:
        await migrate(conn, db)
        print((await PgDb(conn).fetch(sql_postgres.COUNT_ARTICLES))[0][0])
    finally:
        await conn.close()

asyncio.run(main())
"""


@pytest.fixture
def new_database(backend, tmp_path, request):
    """Makes a database nobody has opened yet: an SQLite path whose folder does not exist, or an
    empty PostgreSQL database (no schema at all)."""

    def make(name: str) -> Location:
        if backend == "sqlite":
            return tmp_path / name / "new" / "briefbot.db"  # not even its folder exists yet
        server = request.getfixturevalue("postgres_server")
        return _create_database(server, server.new_database_name("fresh"))

    return make


def _wait_for(paths: list[Path], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not all(p.exists() for p in paths):
        assert time.monotonic() < deadline, "the processes did not get ready"
        time.sleep(0.01)


def _open_together(db: Location, folder: Path) -> list[subprocess.CompletedProcess[str]]:
    go = folder / "go"
    ready = [folder / f"ready{i}" for i in range(PROCESSES)]
    if isinstance(db, PostgresLocation):
        script, target = OPEN_WHEN_TOLD_POSTGRES, db.dsn
    else:
        script, target = OPEN_WHEN_TOLD, str(db)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, target, str(flag), str(go)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for flag in ready
    ]
    try:
        _wait_for(ready)
        go.touch()
        outputs = [p.communicate(timeout=60) for p in procs]
    finally:
        for p in procs:
            p.kill()
    return [
        subprocess.CompletedProcess(p.args, p.returncode, out, err)
        for p, (out, err) in zip(procs, outputs, strict=True)
    ]


VERSIONS = "SELECT version FROM schema_migrations ORDER BY version"


def _recorded_versions(db: Location) -> list[int]:
    if isinstance(db, PostgresLocation):

        async def read() -> list[int]:
            conn = await asyncpg.connect(db.dsn)
            try:
                return [r[0] for r in await conn.fetch(VERSIONS)]
            finally:
                await conn.close()

        return asyncio.run(read())
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute(VERSIONS)]


def _expected(db: Location) -> list[int]:
    if isinstance(db, PostgresLocation):
        return [m.version for m in available_migrations(POSTGRES_MIGRATIONS)]
    return [m.version for m in available_migrations()]


def test_processes_opening_one_new_database_at_once_all_start_and_migrate_it_once(
    tmp_path, new_database, backend
):
    for round_ in range(ROUNDS[backend]):
        folder = tmp_path / f"round{round_}"
        folder.mkdir()
        db = new_database(f"round{round_}")
        results = _open_together(db, folder)
        for result in results:
            assert result.returncode == 0, f"round {round_}: {result.stderr}"
            assert result.stdout.strip() == "0"
        assert _recorded_versions(db) == _expected(db), f"round {round_}"
        if not isinstance(db, PostgresLocation):
            with sqlite3.connect(db) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_several_briefbot_ask_on_one_new_database_all_answer(tmp_path, new_database):
    db = new_database("ask")
    procs = [
        subprocess.Popen(
            briefbot("ask", "sources"),
            cwd=tmp_path,
            env=cli_env(db),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "No articles yet" in out
    assert _recorded_versions(db) == _expected(db)
