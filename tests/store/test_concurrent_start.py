"""Several processes opening one new database at once (`docker compose up` starts both bots on a
fresh volume): every one starts, and the schema is applied exactly once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.store.database import available_migrations
from tests.conftest import ROOT
from tests.reliability.support import briefbot, cli_env

PROCESSES = 5
ROUNDS = 6

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


def _wait_for(paths: list[Path], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not all(p.exists() for p in paths):
        assert time.monotonic() < deadline, "the processes did not get ready"
        time.sleep(0.01)


def _open_together(db: Path, folder: Path) -> list[subprocess.CompletedProcess[str]]:
    go = folder / "go"
    ready = [folder / f"ready{i}" for i in range(PROCESSES)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_WHEN_TOLD, str(db), str(flag), str(go)],
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


def _recorded_versions(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [
            r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")
        ]


def test_processes_opening_one_new_database_at_once_all_start_and_migrate_it_once(tmp_path):
    expected = [m.version for m in available_migrations()]
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round{round_}"
        folder.mkdir()
        db = folder / "new" / "briefbot.db"  # not even its folder exists yet
        results = _open_together(db, folder)
        for result in results:
            assert result.returncode == 0, f"round {round_}: {result.stderr}"
            assert result.stdout.strip() == "0"
        assert _recorded_versions(db) == expected, f"round {round_}"
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_several_briefbot_ask_on_one_new_database_all_answer(tmp_path):
    db = tmp_path / "fresh.db"
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
    assert _recorded_versions(db) == [m.version for m in available_migrations()]
