"""A store on its own connection to a database the main `Store` has already migrated: the
schedule and the watches each commit their claims and logs with FULL sync, apart from the main
writer, so a crash between claiming and sending loses nothing."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import aiosqlite

from bot.store import sql
from bot.store.database import StoreError, connect, transaction


def make_row(kind: type, row: aiosqlite.Row) -> Any:
    return kind(**dict(row))


class SideConnectionStore:
    def __init__(self, path: Path, conn: aiosqlite.Connection) -> None:
        self.path = path
        self._conn = conn
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Self:
        """Open a connection to a database the main Store has already migrated."""
        conn = await connect(Path(path))
        await conn.execute(sql.PRAGMA_SYNC_FULL)
        return cls(Path(path), conn)

    async def close(self) -> None:
        async with self._lock:
            await self._conn.close()

    async def _rows(
        self, query: str, params: dict[str, Any] | Sequence[Any] = ()
    ) -> list[aiosqlite.Row]:
        async with self._lock:
            try:
                return list(await self._conn.execute_fetchall(query, params))
            except sqlite3.Error as error:
                raise StoreError(f"database {self.path}: {error}") from error

    async def _write(self, query: str, params: dict[str, Any]) -> int:
        """One statement in its own committed transaction; returns the rows it changed."""
        async with self._lock:
            try:
                async with transaction(self._conn) as db:
                    cursor = await db.execute(query, params)
                    return cursor.rowcount
            except sqlite3.Error as error:
                raise StoreError(f"database {self.path}: {error}") from error
