"""PostgreSQL through asyncpg: connections, named parameters, migrations under an advisory lock,
and write transactions serialised across processes as SQLite's one write lock serialises them.

Why writers take a lock at all: an ingest stamps its articles once it holds the lock, so stamps
increase in commit order and a briefing window ending at the newest committed stamp never misses
a later one (bot.store.store); and two replicas ingesting the same article cannot both find it
new. Answers (reads) take no lock.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from types import ModuleType
from typing import Any, TypeVar

import asyncpg  # type: ignore[import-untyped]

from bot.store import sql_postgres
from bot.store.database import (
    POSTGRES_MIGRATIONS,
    Migration,
    StoreError,
    available_migrations,
    utc_now,
)
from bot.store.db import Db
from bot.store.location import PostgresLocation

T = TypeVar("T")

# Advisory lock keys (one 64-bit space per database; the numbers only need to be Briefbot's own).
MIGRATION_LOCK = 0x4272_6966_0001  # schema changes: one process applies, the others wait
WRITE_LOCK = 0x4272_6966_0002  # article writes and reindex: the store's one writer
SIDE_LOCK = 0x4272_6966_0003  # multi-statement claims of the schedule and the watches

CONNECT_TIMEOUT = 10.0
POOL_SIZE = 4  # answers in flight at once per process; the writer takes one of them

# `:name` but not `::type` (a cast) nor a colon inside a word.
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)")
_STATUS_COUNT = re.compile(r"(\d+)$")


@lru_cache(maxsize=1024)
def compile_query(query: str) -> tuple[str, tuple[str, ...]]:
    """The statement with `:name` parameters numbered for asyncpg (`$1`...), and the names in
    that order. Only the statement's own text is rewritten; values always travel apart."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    return _NAMED.sub(number, query), tuple(names)


def _arguments(names: tuple[str, ...], params: Mapping[str, Any]) -> list[Any]:
    return [params[name] for name in names]


def _rowcount(status: str) -> int:
    """Rows a command changed, from its status ("UPDATE 3", "INSERT 0 1", "DELETE 0")."""
    found = _STATUS_COUNT.search(status or "")
    return int(found.group(1)) if found else 0


class PgDb:
    """`Db` over an asyncpg connection (inside the caller's transaction)."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self._conn = conn

    @property
    def sql(self) -> ModuleType:
        return sql_postgres

    async def fetch(self, query: str, params: Mapping[str, Any] = {}) -> list[asyncpg.Record]:
        text, names = compile_query(query)
        return list(await self._conn.fetch(text, *_arguments(names, params)))

    async def execute(self, query: str, params: Mapping[str, Any] = {}) -> int:
        text, names = compile_query(query)
        return _rowcount(await self._conn.execute(text, *_arguments(names, params)))

    async def executemany(self, query: str, params: Iterable[Mapping[str, Any]]) -> None:
        text, names = compile_query(query)
        rows = [_arguments(names, p) for p in params]
        if rows:
            await self._conn.executemany(text, rows)


def explain(error: BaseException, location: PostgresLocation) -> StoreError:
    """A database problem in one line, naming the database without its password."""
    if isinstance(error, OSError | TimeoutError):
        return StoreError(f"cannot reach database {location}: {error or type(error).__name__}")
    if isinstance(
        error, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError
    ):
        return StoreError(f"database {location} refused the user or password")
    if isinstance(error, asyncpg.InvalidCatalogNameError):
        return StoreError(f"database {location} does not exist; create it first (createdb)")
    return StoreError(f"database {location}: {error}")


# Answers read a page of rows through indexes; a plan over a large table can still look costly
# enough for PostgreSQL to JIT-compile it, which took 10-250 ms per statement here against a few
# ms of execution (bench/answers.py). Off for the store's own sessions only.
# Custom plans always: asyncpg prepares each statement once per connection, and after five runs
# PostgreSQL may keep a generic plan, made without the values. The answers' optional filters
# (`CAST(:x AS jsonb) IS NULL OR ...`) and their one entity id then stay unknown to the planner,
# whose generic plans sorted or scanned far more than the page: `who is Lavrov` 186 ms median at
# 100,000 articles, `timeline Lavrov` p99 329 ms; with a plan per run (well under a millisecond
# to make for these statements) 4-8 and 10-15 ms.
SESSION_SETTINGS = {"jit": "off", "plan_cache_mode": "force_custom_plan"}

_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


async def _keep_session(conn: asyncpg.Connection) -> None:
    """What the pool does to a connection handed back, beyond ending any open transaction (which
    asyncpg always does): nothing. Its default sends `SELECT pg_advisory_unlock_all(); CLOSE ALL;
    UNLISTEN *; RESET ALL` after every read, a second round trip per statement (a read of
    `SELECT 1` took 0.10-0.20 ms with it, 0.055 ms without, on this machine). The store's
    connections hold nothing it would undo: settings come with the connection
    (SESSION_SETTINGS), locks are transaction locks, and no cursor or LISTEN outlives a call.
    (The schedule's and the watches' session locks are on their own connections.)"""


async def connect(location: PostgresLocation) -> asyncpg.Connection:
    try:
        return await asyncpg.connect(location.dsn, timeout=CONNECT_TIMEOUT)
    except _ERRORS as error:
        raise explain(error, location) from None


async def _pending(conn: asyncpg.Connection, location: PostgresLocation) -> list[Migration]:
    """The migrations this database has not recorded; refuses a schema newer than this code."""
    migrations = available_migrations(POSTGRES_MIGRATIONS)
    db = PgDb(conn)
    if not (await db.fetch(sql_postgres.MIGRATIONS_TABLE))[0][0]:
        return migrations
    applied = {row[0] for row in await db.fetch(sql_postgres.APPLIED_VERSIONS)}
    newest_known = migrations[-1].version if migrations else 0
    if applied and max(applied) > newest_known:
        raise StoreError(
            f"database {location} has schema version {max(applied)}, newer than this Briefbot "
            f"understands ({newest_known}); upgrade Briefbot or use another BRIEFBOT_DB"
        )
    return [m for m in migrations if m.version not in applied]


async def migrate(conn: asyncpg.Connection, location: PostgresLocation) -> list[int]:
    """Apply every migration not yet recorded, in one transaction; return those applied.

    Several processes may open one new database at once: the check and the apply run under an
    advisory lock, so one applies while the others wait, look again and find every version
    recorded. PostgreSQL's DDL is transactional: a failed migration leaves the schema as it was."""
    try:
        # Looked at first without the lock: opening an up-to-date database (every start but the
        # first) waits for nobody.
        if not await _pending(conn, location):
            return []
        db = PgDb(conn)
        async with conn.transaction():
            await db.execute(sql_postgres.ADVISORY_XACT_LOCK, {"key": MIGRATION_LOCK})
            await conn.execute(sql_postgres.CREATE_MIGRATIONS)
            pending = await _pending(conn, location)  # another process may have been first
            for migration in pending:
                await conn.execute(migration.script)  # no parameters: the whole script at once
                await db.execute(
                    sql_postgres.RECORD_MIGRATION,
                    {"version": migration.version, "name": migration.name, "applied_at": utc_now()},
                )
        return [m.version for m in pending]
    except _ERRORS as error:
        raise explain(error, location) from None


class PgBackend:
    """The store on PostgreSQL: a small pool for answers and the writer's transactions."""

    sql: ModuleType = sql_postgres

    def __init__(self, location: PostgresLocation, pool: asyncpg.Pool) -> None:
        self.path = location
        self._pool = pool

    @classmethod
    async def open(cls, location: PostgresLocation) -> PgBackend:
        conn = await connect(location)
        try:
            await migrate(conn, location)
        finally:
            await conn.close()
        try:
            pool = await asyncpg.create_pool(
                location.dsn,
                min_size=1,
                max_size=POOL_SIZE,
                timeout=CONNECT_TIMEOUT,
                server_settings=SESSION_SETTINGS,
                reset=_keep_session,
            )
        except _ERRORS as error:
            raise explain(error, location) from None
        return cls(location, pool)

    async def close(self) -> None:
        await self._pool.close()

    async def read(self, query: str, params: Mapping[str, Any] = {}) -> list[asyncpg.Record]:
        text, names = compile_query(query)
        try:
            return list(await self._pool.fetch(text, *_arguments(names, params)))
        except _ERRORS as error:
            raise explain(error, self.path) from error

    async def write_one(self, query: str, params: Mapping[str, Any]) -> list[asyncpg.Record]:
        """One statement committed alone, and the rows it returns. It takes no write lock: one
        statement is atomic by itself (an upsert waits for the row lock of a concurrent one), and
        a command's budget must not wait for an ingest's transaction."""
        return await self.read(query, params)

    async def write(self, work: Callable[[Db], Coroutine[Any, Any, T]]) -> T:
        """`work` in one transaction holding the write lock (the store's one writer)."""
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                db = PgDb(conn)
                await db.execute(sql_postgres.ADVISORY_XACT_LOCK, {"key": WRITE_LOCK})
                return await work(db)
        except _ERRORS as error:
            raise explain(error, self.path) from error


class PgSideConnection:
    """One connection for the schedule's or the watches' own writes (bot.store.side_connection)."""

    def __init__(self, location: PostgresLocation, conn: asyncpg.Connection) -> None:
        self.path = location
        self._conn = conn

    @classmethod
    async def open(cls, location: PostgresLocation) -> PgSideConnection:
        return cls(location, await connect(location))

    async def close(self) -> None:
        await self._conn.close()

    async def rows(self, query: str, params: Mapping[str, Any]) -> Sequence[asyncpg.Record]:
        try:
            return await PgDb(self._conn).fetch(query, params)
        except _ERRORS as error:
            raise explain(error, self.path) from error

    async def write(self, query: str, params: Mapping[str, Any]) -> int:
        try:
            return await PgDb(self._conn).execute(query, params)
        except _ERRORS as error:
            raise explain(error, self.path) from error

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Db]:
        """A transaction holding the side lock: claims that read, then write, as one."""
        try:
            async with self._conn.transaction():
                db = PgDb(self._conn)
                await db.execute(sql_postgres.ADVISORY_XACT_LOCK, {"key": SIDE_LOCK})
                yield db
        except _ERRORS as error:
            raise explain(error, self.path) from error
