"""What a shared command budget costs per command (issue 17): the median and p95 of `take` over a
few hundred calls, in process memory and through the store on SQLite and on PostgreSQL, and of
`more`'s two writes (remember, advance) through the store.

    .venv/bin/python bench/rate_limits.py [--calls 400] [--postgres URL]

Without --postgres, a throwaway server is started as the tests start theirs (tests/pg_server.py,
listening on 127.0.0.1 only) and deleted afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.answer.paging import StorePages
from bot.answer.query import parse
from bot.ratelimit import RateLimiter, StoreRateLimiter
from bot.store.location import Location, PostgresLocation
from bot.store.store import Store

USERS = 20  # keys taken in turn, as a few busy users would


async def _timed(calls: int, work: Callable[[int], Awaitable[object]]) -> list[float]:
    times = []
    for n in range(calls):
        started = time.perf_counter()
        await work(n)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _line(name: str, times: list[float]) -> str:
    p95 = statistics.quantiles(times, n=20)[-1]
    return f"{name:<34} median {statistics.median(times):.3f} ms  p95 {p95:.3f} ms  ({len(times)})"


def _key(n: int) -> tuple[str, str, str]:
    return ("slack", "T1", f"U{n % USERS}")


async def _ingest(store: Store, stop: asyncio.Event) -> int:
    """Articles of ten statements and two events each, saved one after another until `stop`."""
    from tests.store.builders import article, country, extraction, said, talks

    saved = 0
    while not stop.is_set():
        statements = tuple(
            said(f"Speaker {saved} {k}", f"point {k} of article {saved}", date="2025-03-01")
            for k in range(10)
        )
        events = (talks(country("FIN"), country("EST"), date="2025-03-01"),) * 2
        await store.save(
            article("Harbour Wire", "2025-03-01", title=f"Article {saved}"),
            extraction(*events, statements=statements),
        )
        saved += 1
    return saved


async def _measure(name: str, location: Location, calls: int) -> None:
    async with await Store.open(location) as store:
        limiter = StoreRateLimiter(store, per_minute=30, burst=10)
        await _timed(20, lambda n: limiter.take(_key(n)))  # warm: connections, prepared plans
        print(_line(f"{name}: take", await _timed(calls, lambda n: limiter.take(_key(n)))))
        # The same while another task writes articles (as an ingest does): on SQLite each take
        # waits for the file's one writer, on PostgreSQL for nothing (no write lock).
        stop = asyncio.Event()
        writing = asyncio.create_task(_ingest(store, stop))
        try:
            during = await _timed(calls, lambda n: limiter.take(_key(n)))
        finally:
            stop.set()
            saved = await writing
        print(_line(f"{name}: take during an ingest", during) + f"  [{saved} articles saved]")
        pages = StorePages(store)
        query = parse("who said what about Ukraine")
        where = ("slack", "T1", "C1")
        print(
            _line(
                f"{name}: remember a page",
                await _timed(calls, lambda n: pages.remember(where, query, 0)),
            )
        )
        print(
            _line(f"{name}: more (advance)", await _timed(calls, lambda n: pages.advance(where, 5)))
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--postgres", help="a postgresql:// URL (default: a throwaway server)")
    args = parser.parse_args()

    memory = RateLimiter(per_minute=30, burst=10)

    async def in_memory(n: int) -> None:
        await memory.attempt(_key(n))

    print(_line("in memory: take", await _timed(args.calls, in_memory)))
    with tempfile.TemporaryDirectory() as folder:
        await _measure("SQLite", Path(folder) / "briefbot.db", args.calls)
    if args.postgres:
        await _measure("PostgreSQL", PostgresLocation(args.postgres), args.calls)
        return
    from tests.pg_server import PostgresServer

    server = PostgresServer.start()
    try:
        await _measure("PostgreSQL", PostgresLocation(server.url()), args.calls)
    finally:
        server.stop()


if __name__ == "__main__":
    asyncio.run(main())
