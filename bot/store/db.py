"""One way for the store's logic to talk to either database.

The logic that writes an article (with its facts and event identity) or claims an alert is written
once, as coroutines over `Db`, and runs on both backends:

- PostgreSQL (asyncpg): awaited as it is; every statement is a round trip to the server.
- SQLite: on the writer's own thread, driven to the end by `run_sync` without an event loop.
  `SyncSqliteDb` never suspends, so the coroutine finishes in one `send`: an article's ~235
  statements cost no hand-overs between the event loop and the connection's thread
  (BENCHMARKS.md), as the plain-sqlite3 code this replaced did.

Each backend brings its dialect module (`bot.store.sql` or `bot.store.sql_postgres`): the same
statement names, the same named parameters (`:name`), the dialect's own SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Coroutine, Iterable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any, Protocol, TypeVar

import aiosqlite

T = TypeVar("T")
Params = Mapping[str, Any]


class Row(Protocol):
    """What both drivers' rows offer: by position, by column name, `keys()` and `dict(row)`."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def keys(self) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


class Db(Protocol):
    """A connection inside a transaction the caller holds, in the dialect of `sql`."""

    @property
    def sql(self) -> ModuleType: ...

    async def fetch(self, query: str, params: Params = ...) -> Sequence[Row]: ...

    async def execute(self, query: str, params: Params = ...) -> int:
        """Run one statement; the number of rows it changed."""
        ...

    async def executemany(self, query: str, params: Iterable[Params]) -> None: ...


def run_sync(work: Coroutine[Any, Any, T]) -> T:
    """The result of a coroutine that never suspends (one over `SyncSqliteDb`), without a loop."""
    try:
        work.send(None)
    except StopIteration as done:
        return done.value
    work.close()
    raise RuntimeError("store logic suspended on a synchronous SQLite connection")


class SyncSqliteDb:
    """`Db` over a plain sqlite3 connection, used on that connection's own thread."""

    def __init__(self, conn: sqlite3.Connection, dialect: ModuleType) -> None:
        self._conn = conn
        self._sql = dialect

    @property
    def sql(self) -> ModuleType:
        return self._sql

    async def fetch(self, query: str, params: Params = {}) -> list[sqlite3.Row]:  # noqa: B006
        return self._conn.execute(query, params).fetchall()

    async def execute(self, query: str, params: Params = {}) -> int:  # noqa: B006
        return self._conn.execute(query, params).rowcount

    async def executemany(self, query: str, params: Iterable[Params]) -> None:
        self._conn.executemany(query, params)


class AioSqliteDb:
    """`Db` over an aiosqlite connection (the schedule's and the watches' own connections)."""

    def __init__(self, conn: aiosqlite.Connection, dialect: ModuleType) -> None:
        self._conn = conn
        self._sql = dialect

    @property
    def sql(self) -> ModuleType:
        return self._sql

    async def fetch(self, query: str, params: Params = {}) -> list[sqlite3.Row]:  # noqa: B006
        return list(await self._conn.execute_fetchall(query, params))

    async def execute(self, query: str, params: Params = {}) -> int:  # noqa: B006
        cursor = await self._conn.execute(query, params)
        return cursor.rowcount

    async def executemany(self, query: str, params: Iterable[Params]) -> None:
        await self._conn.executemany(query, params)
