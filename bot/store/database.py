"""Opening the SQLite file: pragmas, schema migrations, the writer's thread, and errors a person
can act on. (PostgreSQL's counterpart is `bot.store.postgres`.)"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import aiosqlite

from bot.store import sql
from bot.store.db import Db, SyncSqliteDb, run_sync

BUSY_TIMEOUT_MS = 10_000

T = TypeVar("T")


class StoreError(RuntimeError):
    """A database problem explained in one line (locked, read-only, too new, not a database)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    script: str


SQLITE_MIGRATIONS = "bot.store.migrations"
POSTGRES_MIGRATIONS = "bot.store.migrations.postgres"


def available_migrations(package: str = SQLITE_MIGRATIONS) -> list[Migration]:
    """The numbered `NNNN_name.sql` files shipped in `bot/store/migrations` (SQLite) or its
    `postgres` folder (the same numbers in PostgreSQL's dialect), in order."""
    found = []
    for entry in resources.files(package).iterdir():
        stem, _, suffix = entry.name.partition(".")
        if suffix != "sql" or not stem[:4].isdigit():
            continue
        found.append(Migration(int(stem[:4]), stem, entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _explain(error: sqlite3.Error, path: Path) -> StoreError:
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return StoreError(
            f"database {path} is locked by another process; try again when it is free"
        )
    if "readonly" in message or "read-only" in message:
        return StoreError(f"database {path} is read-only; check the file's permissions")
    if "not a database" in message or "malformed" in message:
        return StoreError(f"{path} is not a Briefbot database (or it is damaged): {error}")
    if "unable to open" in message:
        return StoreError(
            f"cannot open database {path}: check that its folder exists and is writable"
        )
    return StoreError(f"database {path}: {error}")


async def connect(path: Path, *, read_only: bool = False) -> aiosqlite.Connection:
    """One connection with the pragmas every Briefbot connection needs."""
    if not read_only and str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = None
    try:
        if read_only:
            conn = await aiosqlite.connect(
                f"file:{path}?mode=ro",
                uri=True,
                isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
        else:
            # sqlite3's `timeout` is SQLite's busy timeout: wait for a lock rather than fail at
            # once.
            conn = await aiosqlite.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
            )
        conn.row_factory = aiosqlite.Row
        await conn.execute(sql.PRAGMA_FOREIGN_KEYS)
        if not read_only:
            await _switch_to_wal(conn)
            await conn.execute(sql.PRAGMA_SYNC_NORMAL)
        return conn
    except sqlite3.Error as error:
        if conn is not None:
            # aiosqlite's connection thread is not a daemon: left open, the process never exits.
            await conn.close()
        raise _explain(error, path) from error


WAL_ATTEMPTS = 100
WAL_RETRY_SECONDS = 0.1


async def _switch_to_wal(conn: aiosqlite.Connection) -> None:
    """WAL mode, waiting for the file if need be. Several processes opening one new file at once
    (`docker compose up` on a fresh volume) all switch it: the switch takes a lock that SQLite's
    busy timeout does not wait for, so "database is locked" is tried again for up to 10 s."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            await conn.execute(sql.PRAGMA_WAL)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                raise
            await asyncio.sleep(WAL_RETRY_SECONDS)


def script_statements(script: str) -> list[str]:
    """A migration script cut into its statements, so they can run one by one inside a transaction
    we hold (`executescript` would commit it first). Cut at a `;` only where SQLite says a
    statement is complete: not inside a string, a comment or a trigger's body."""
    statements: list[str] = []
    pending = ""
    *pieces, tail = script.split(";")
    for piece in pieces:
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    leftover = "\n".join(
        ln for ln in (pending + tail).splitlines() if not ln.strip().startswith("--")
    )
    if leftover.strip():
        raise ValueError(f"migration script ends inside a statement: {leftover.strip()[:60]!r}")
    return statements


async def _pending(
    conn: aiosqlite.Connection, migrations: list[Migration], path: Path
) -> list[Migration]:
    """The migrations this database has not recorded; refuses a schema newer than this code."""
    applied = {row[0] for row in await conn.execute_fetchall(sql.APPLIED_VERSIONS)}
    newest_known = migrations[-1].version if migrations else 0
    if applied and max(applied) > newest_known:
        raise StoreError(
            f"database {path} has schema version {max(applied)}, newer than this Briefbot "
            f"understands ({newest_known}); upgrade Briefbot or use another BRIEFBOT_DB"
        )
    return [m for m in migrations if m.version not in applied]


async def migrate(conn: aiosqlite.Connection, path: Path) -> list[int]:
    """Apply every migration not yet recorded, all in one transaction; return those applied.

    Several processes may open one new database at once (`docker compose up` starts both bots on a
    fresh volume). The check and the apply therefore run under SQLite's write lock (BEGIN IMMEDIATE,
    waiting up to the busy timeout for it): one process applies, the others wait, look again and
    find every version recorded. A failed migration leaves the schema as it was."""
    migrations = available_migrations()
    try:
        await conn.execute(sql.CREATE_MIGRATIONS)
        # Looked at first without the write lock: opening an up-to-date database (every start but
        # the first) must not wait for an ingest that holds the writer.
        if not await _pending(conn, migrations, path):
            return []
        async with transaction(conn):
            pending = await _pending(conn, migrations, path)  # another process may have been first
            for migration in pending:
                for statement in script_statements(migration.script):
                    await conn.execute(statement)
                await conn.execute(
                    sql.RECORD_MIGRATION,
                    {"version": migration.version, "name": migration.name, "applied_at": utc_now()},
                )
        return [m.version for m in pending]
    except sqlite3.Error as error:
        if conn.in_transaction:
            await conn.execute(sql.ROLLBACK)
        raise _explain(error, path) from error


@asynccontextmanager
async def transaction(conn: aiosqlite.Connection) -> AsyncIterator[aiosqlite.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error, so a write is all or nothing."""
    await conn.execute(sql.BEGIN)
    try:
        yield conn
    except BaseException:
        await conn.execute(sql.ROLLBACK)
        raise
    else:
        await conn.execute(sql.COMMIT)


class SqliteWriter:
    """The store's one writer: a plain sqlite3 connection used only from its own thread.

    A write (an article with its ~235 statements, a reindex) runs there as one call, instead of
    each statement being handed over between the event loop and a connection thread."""

    def __init__(self, path: Path, conn: sqlite3.Connection, thread: ThreadPoolExecutor) -> None:
        self.path = path
        self._conn = conn
        self._thread = thread

    @classmethod
    async def open(cls, path: Path) -> SqliteWriter:
        thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-sqlite-writer")
        loop = asyncio.get_running_loop()
        try:
            conn = await loop.run_in_executor(thread, _connect_writer, path)
        except BaseException:
            thread.shutdown(wait=False)
            raise
        return cls(path, conn, thread)

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work(connection)` on the writer's thread; sqlite3 errors become a StoreError."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._thread, work, self._conn)
        except sqlite3.Error as error:
            raise StoreError(f"database {self.path}: {error}") from error

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, self._conn.close)
        self._thread.shutdown(wait=True)


def _connect_writer(path: Path) -> sqlite3.Connection:
    """The writer's connection, with the pragmas `connect` sets (on the writer's thread)."""
    try:
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise _explain(error, path) from error
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(sql.PRAGMA_FOREIGN_KEYS)
        conn.execute(sql.PRAGMA_WAL)
        conn.execute(sql.PRAGMA_SYNC_NORMAL)
    except sqlite3.Error as error:
        conn.close()
        raise _explain(error, path) from error
    return conn


class SqliteBackend:
    """The store on an SQLite file: a reader connection (WAL: answers keep flowing during an
    ingest) and the writer's thread."""

    sql: ModuleType = sql

    def __init__(self, path: Path, reader: aiosqlite.Connection, writer: SqliteWriter) -> None:
        self.path = path
        self.reader = reader
        self._writer = writer

    @classmethod
    async def open(cls, path: Path) -> SqliteBackend:
        reader = await connect(path)
        try:
            await migrate(reader, path)
            writer = await SqliteWriter.open(path)
        except BaseException:
            await reader.close()
            raise
        return cls(path, reader, writer)

    async def close(self) -> None:
        await self._writer.close()
        await self.reader.close()

    async def read(self, query: str, params: Mapping[str, Any] = {}) -> list[sqlite3.Row]:
        try:
            return list(await self.reader.execute_fetchall(query, params))
        except sqlite3.OperationalError as error:
            if "fts5" in str(error) or "syntax error" in str(error):
                raise ValueError(f"search syntax: {error}") from error
            raise StoreError(f"database {self.path}: {error}") from error

    async def write(self, work: Callable[[Db], Coroutine[Any, Any, T]]) -> T:
        """`work` in one write transaction (BEGIN IMMEDIATE: the file's one writer)."""

        def on_thread(conn: sqlite3.Connection) -> T:
            with sync_transaction(conn):
                return run_sync(work(SyncSqliteDb(conn, sql)))

        return await self._writer.run(on_thread)

    async def write_one(self, query: str, params: Mapping[str, Any]) -> list[sqlite3.Row]:
        """One statement on the writer's thread, committed alone (autocommit: a single statement
        is atomic), and the rows it returns."""
        return await self._writer.run(lambda conn: conn.execute(query, params).fetchall())


@contextmanager
def sync_transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """`transaction` for code already on the connection's thread."""
    db.execute(sql.BEGIN)
    try:
        yield db
    except BaseException:
        db.execute(sql.ROLLBACK)
        raise
    else:
        db.execute(sql.COMMIT)
