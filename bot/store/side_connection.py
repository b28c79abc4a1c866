"""A store on its own connection to a database the main `Store` has already migrated: the
schedule and the watches each commit their claims and logs apart from the main writer (on SQLite
with FULL sync), so a crash between claiming and sending loses nothing."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol, Self

import aiosqlite

from bot.store import sql
from bot.store.database import StoreError, connect, transaction
from bot.store.db import AioSqliteDb, Db, Row
from bot.store.location import Location, PostgresLocation


def make_row(kind: type, row: Row) -> Any:
    return kind(**dict(row))


class SideConnection(Protocol):
    @property
    def path(self) -> Location: ...

    async def close(self) -> None: ...

    async def rows(self, query: str, params: Mapping[str, Any]) -> Sequence[Row]: ...

    async def write(self, query: str, params: Mapping[str, Any]) -> int: ...

    def transaction(self) -> Any: ...  # an async context manager giving a Db


class SqliteSideConnection:
    def __init__(self, path: Path, conn: aiosqlite.Connection) -> None:
        self.path = path
        self._conn = conn

    @classmethod
    async def open(cls, path: Path, full_sync: bool = True) -> SqliteSideConnection:
        conn = await connect(path)
        await conn.execute(sql.PRAGMA_SYNC_FULL if full_sync else sql.PRAGMA_SYNC_NORMAL)
        return cls(path, conn)

    async def close(self) -> None:
        await self._conn.close()

    async def rows(self, query: str, params: Mapping[str, Any]) -> Sequence[Row]:
        try:
            return list(await self._conn.execute_fetchall(query, params))
        except sqlite3.Error as error:
            raise StoreError(f"database {self.path}: {error}") from error

    async def write(self, query: str, params: Mapping[str, Any]) -> int:
        """One statement in its own committed transaction; returns the rows it changed."""
        async with self.transaction() as db:
            return await db.execute(query, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Db]:
        """BEGIN IMMEDIATE ... COMMIT: the file's write lock, so a claim reads and writes as one."""
        try:
            async with transaction(self._conn) as conn:
                yield AioSqliteDb(conn, sql)
        except sqlite3.Error as error:
            raise StoreError(f"database {self.path}: {error}") from error


class SideConnectionStore:
    def __init__(self, side: SideConnection, dialect: ModuleType) -> None:
        self.path = side.path
        self.sql = dialect
        self._side = side
        # The coroutines sharing this connection must not interleave their transactions.
        self._lock = asyncio.Lock()

    # SQLite: each commit reaches the disk (a committed claim survives a power cut). A store whose
    # rows need only survive the process (a kill, a restart) turns it off and commits faster.
    FULL_SYNC = True

    @classmethod
    async def open(cls, path: Location) -> Self:
        """Open a connection to a database the main Store has already migrated."""
        if isinstance(path, PostgresLocation):
            from bot.store import sql_postgres
            from bot.store.postgres import PgSideConnection

            return cls(await PgSideConnection.open(path), sql_postgres)
        return cls(await SqliteSideConnection.open(Path(path), cls.FULL_SYNC), sql)

    async def close(self) -> None:
        async with self._lock:
            await self._side.close()

    async def _rows(self, query: str, params: Mapping[str, Any] = {}) -> Sequence[Row]:
        async with self._lock:
            return await self._side.rows(query, params)

    async def _write(self, query: str, params: Mapping[str, Any]) -> int:
        """One statement in its own committed transaction; returns the rows it changed."""
        async with self._lock:
            return await self._side.write(query, params)

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[Db]:
        """Several statements as one committed transaction, alone on this connection."""
        async with self._lock, self._side.transaction() as db:
            yield db
