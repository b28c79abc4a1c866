"""Benchmark: answer latency per command at 10,000, 100,000 or 1,000,000 articles' worth of facts.

    .venv/bin/python bench/answers.py [--sizes 10000,100000,1000000] [--runs 100] [--keep DIR]
        [--backend sqlite|postgresql] [--pg-url URL] [--db PATH] [--matcher-only]

Fills a fresh database with synthetic facts (bench/answers_data.py: entities with aliases, 3
statements and 2 events per article, sources, FTS rows; not through spaCy), grows it from one size
to the next, and at each size times every command through `AnswerService.answer` (`--runs` times
each, after one warm-up) and the entity matcher: its first match after a start, its first typo
after a start and later typos (TYPOS in turn, `--runs` of them), and chat autocomplete's
keystrokes (KEYSTROKES in turn). Prints median and p99 per command, the database size, and the
growth of p99 between sizes. `--matcher-only` times the matcher and autocomplete alone.

With `--backend postgresql` the facts are written to an SQLite file as above and copied into
PostgreSQL with `briefbot migrate-store`'s copy (COPY in batches; each size adds only the new
rows); `--pg-url` names an empty database, and without it a throwaway local server is started the
way the tests start one (tests/pg_server.py: fsync off) and removed afterwards.
`--db PATH` fills (or, when it already holds articles, only tops up) that SQLite file and keeps it,
so one fill serves several runs, e.g. before and after a change (the store migrates it when it
opens; the synthetic dates depend on the largest size, so keep one file per largest size); with
`--pg-url` too, a database that already holds as many articles is not copied again.
Not a test: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answers_data import fill  # noqa: E402
from bot.answer.completion import suggest  # noqa: E402
from bot.answer.entity_match import EntityMatcher  # noqa: E402
from bot.answer.model import Conversation  # noqa: E402
from bot.answer.service import AnswerService  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.memory import settle_long_lived_objects  # noqa: E402
from bot.store.location import PostgresLocation  # noqa: E402
from bot.store.migrate import migrate_store  # noqa: E402
from bot.store.store import Store  # noqa: E402

COMMANDS = (
    "latest talks",
    "latest talks between Russia and United States",
    "who said what",
    "who said what about sanctions",
    "what did Lavrov say",
    "agreements",
    "events threats",
    "timeline Lavrov",
    "who is Lavrov",
    "brief",
    'search "nuclear talks"',
    "sources",
    "more",  # the page after `who said what` (asked, untimed, before each `more`)
)


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


Target = Path | PostgresLocation


# Typed names no index finds as they are: two letters swapped in a full name, a letter wrong in
# an alias and in a generated surname, a swapped pair in a surname only the surname score finds, a
# letter missing in a generated organisation's name, a first name with a letter wrong.
TYPOS = (
    "Sergie Lavrov",
    "Zelenski",
    "Kowalsky",
    "Lavrvo",
    "Foreign Ministy of Russia",
    "Pavel Kowalsky",
)


# What a user types into chat autocomplete, letter by letter: a command, a common first name
# shared by thousands of generated people, a surname, a question about a person, letters inside
# names (the trigram index), and letters no name holds.
KEYSTROKES = (
    "l",
    "la",
    "lat",
    "anna",
    "anna p",
    "lavr",
    "what did s",
    "what did sergei lav",
    "ivanova",
    "foreign minis",
    "zzq",
)


async def measure(db: Target, runs: int, matcher_only: bool = False) -> dict[str, list[float]]:
    store = await Store.open(db)
    try:
        settings = Settings(BRIEFBOT_DB=db)
        service = AnswerService(store, settings)
        conversation = Conversation(platform="bench", channel="bench")
        settle_long_lived_objects()  # as `briefbot run` does once it is up
        if matcher_only:
            return await matcher_timings(store, runs)
        timings: dict[str, list[float]] = {}
        for command in COMMANDS:
            samples = []
            for n in range(runs + 1):
                if command == "more":
                    await service.answer("who said what", conversation)
                start = time.perf_counter()
                answer = await service.answer(command, conversation)
                elapsed = time.perf_counter() - start
                if not answer.ok and command != "more":
                    raise SystemExit(f"{command!r} failed: {answer.title}: {answer.note}")
                if n:  # the first run warms caches (and loads the entity matcher)
                    samples.append(elapsed)
            timings[command] = samples
        timings.update(await matcher_timings(store, runs))
        return timings
    finally:
        await store.close()


async def matcher_timings(store: Store, runs: int) -> dict[str, list[float]]:
    """The entity matcher's first match after a start (a name its indexes find), its first typo
    after a start, later typos (`runs` of them, TYPOS in turn, after one warm-up round), and chat
    autocomplete's keystrokes (KEYSTROKES in turn, `runs` of them after one warm-up round)."""
    first_match, first_typo = [], []
    typos: list[float] = []
    matcher = EntityMatcher(store)
    for n in range(len(TYPOS) + runs):
        start = time.perf_counter()
        found = await matcher.match(TYPOS[n % len(TYPOS)])
        if found is None:
            raise SystemExit(f"the typo {TYPOS[n % len(TYPOS)]!r} found nothing")
        if n >= len(TYPOS):
            typos.append(time.perf_counter() - start)
    for n in range(max(3, runs // 10)):
        matcher = EntityMatcher(store)
        start = time.perf_counter()
        await matcher.match("Lavrov")
        first_match.append(time.perf_counter() - start)
        start = time.perf_counter()
        await EntityMatcher(store).match(TYPOS[n % len(TYPOS)])
        first_typo.append(time.perf_counter() - start)
    keystrokes: list[float] = []
    for n in range(len(KEYSTROKES) + runs):
        start = time.perf_counter()
        await suggest(store, KEYSTROKES[n % len(KEYSTROKES)])
        if n >= len(KEYSTROKES):
            keystrokes.append(time.perf_counter() - start)
    return {
        "(entity matcher: first match after a start)": first_match,
        "(entity matcher: first typo after a start)": first_typo,
        "(entity matcher: a typo)": typos,
        "(autocomplete: a keystroke)": keystrokes,
    }


async def create(db: Target) -> None:
    """A fresh database with Briefbot's schema (every migration applied)."""
    store = await Store.open(db)
    await store.close()


def db_size(db: Target) -> int:
    if isinstance(db, PostgresLocation):
        return asyncio.run(_pg_size(db))
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


async def _pg_size(db: PostgresLocation) -> int:
    import asyncpg

    conn = await asyncpg.connect(db.dsn)
    try:
        return int(await conn.fetchval("SELECT pg_database_size(current_database())"))
    finally:
        await conn.close()


async def _pg_articles(db: PostgresLocation) -> int:
    """Articles already copied into the PostgreSQL database (0 before its schema exists)."""
    import asyncpg

    conn = await asyncpg.connect(db.dsn)
    try:
        if not await conn.fetchval("SELECT to_regclass('articles') IS NOT NULL"):
            return 0
        return int(await conn.fetchval("SELECT count(*) FROM articles"))
    finally:
        await conn.close()


async def _pg_analyze(db: PostgresLocation) -> None:
    """Statistics for the planner after a bulk copy (autovacuum would get there, later)."""
    import asyncpg

    conn = await asyncpg.connect(db.dsn)
    try:
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


def filled(db: Path) -> int:
    """Articles already in the SQLite file (0 for a new one)."""
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="keep the SQLite database in this folder")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database (default: a throwaway one)")
    parser.add_argument("--db", type=Path, help="fill (or reuse) and keep this SQLite file")
    parser.add_argument("--matcher-only", action="store_true", help="time the entity matcher only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    tmp = Path(tempfile.mkdtemp())
    db = args.db or tmp / "answers.db"
    server = None
    target: Target = db
    if args.backend == "postgresql":
        if args.pg_url:
            target = PostgresLocation(args.pg_url)
        else:
            from tests.pg_server import PostgresServer

            server = PostgresServer.start()
            target = PostgresLocation(server.url())
    results: dict[int, dict[str, list[float]]] = {}
    meta: dict[int, tuple[float, int]] = {}
    try:
        asyncio.run(create(db))
        done = filled(db)
        if done > sizes[0]:
            raise SystemExit(f"{db} already holds {done:,} articles, more than {sizes[0]:,}")
        for size in sizes:
            start = time.perf_counter()
            if size > done:
                fill(db, done, size, total=sizes[-1])
            if isinstance(target, PostgresLocation):
                if asyncio.run(_pg_articles(target)) < max(done, size):
                    asyncio.run(migrate_store(db, target))
                    asyncio.run(_pg_analyze(target))
                else:  # copied by an earlier run (--db with the same --pg-url): migrate only
                    asyncio.run(create(target))
            done = max(done, size)
            meta[size] = (time.perf_counter() - start, db_size(target))
            results[size] = asyncio.run(measure(target, args.runs, args.matcher_only))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(db, args.keep / db.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if server is not None:
            server.stop()
            shutil.rmtree(server.folder, ignore_errors=True)

    print(f"backend: {args.backend}")
    for size in sizes:
        seconds, size_bytes = meta[size]
        print(
            f"{size:,} articles: database {size_bytes / 2**20:,.0f} MB (filled in {seconds:.0f} s)"
        )
    header = "| command | " + " | ".join(f"median / p99 at {s:,}" for s in sizes)
    if len(sizes) > 1:
        header += " | p99 growth"
    print(header + " |")
    print("|---" * (len(sizes) + 1 + (len(sizes) > 1)) + "|")
    for command in results[sizes[0]]:
        cells = []
        for size in sizes:
            t = results[size][command]
            cells.append(f"{statistics.median(t) * 1000:.1f} / {quantile(t, 0.99) * 1000:.1f} ms")
        line = f"| `{command}` | " + " | ".join(cells)
        if len(sizes) > 1:
            first, last = (
                quantile(results[sizes[0]][command], 0.99),
                quantile(results[sizes[-1]][command], 0.99),
            )
            line += f" | x{last / first:.1f}"
        print(line + " |")
    worst = max(
        ((quantile(t, 0.99), c) for c, t in results[sizes[-1]].items() if not c.startswith("(")),
        default=None,
    )
    if worst is None:  # --matcher-only
        return
    target_ms = 50 if sizes[-1] >= 1_000_000 else 20
    print(
        f"worst p99 at {sizes[-1]:,}: {worst[1]!r} {worst[0] * 1000:.1f} ms"
        f" (target < {target_ms} ms)"
    )


if __name__ == "__main__":
    main()
