"""Benchmark: answer latency per command at 10,000 and 100,000 articles' worth of facts.

    .venv/bin/python bench/answers.py [--sizes 10000,100000] [--runs 100] [--keep DIR]

Fills a fresh database with synthetic facts (bench/answers_data.py: entities with aliases, 3
statements and 2 events per article, sources, FTS rows; not through spaCy), grows it from one size
to the next, and at each size times every command through `AnswerService.answer` (`--runs` times
each, after one warm-up) and the entity matcher's full reload of every alias. Prints median and p99
per command, the database size, and the growth of p99 between sizes.
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
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answers_data import TOUCH_ENTITY, fill  # noqa: E402
from bot.answer.entity_match import EntityMatcher  # noqa: E402
from bot.answer.model import Conversation  # noqa: E402
from bot.answer.service import AnswerService  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.memory import settle_long_lived_objects  # noqa: E402
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


async def measure(db: Path, runs: int) -> dict[str, list[float]]:
    store = await Store.open(db)
    try:
        settings = Settings(BRIEFBOT_DB=db)
        service = AnswerService(store, settings)
        conversation = Conversation(platform="bench", channel="bench")
        settle_long_lived_objects()  # as `briefbot run` does once it is up
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
        timings.update(await matcher_timings(store, db, max(3, runs // 10)))
        return timings
    finally:
        await store.close()


async def matcher_timings(store: Store, db: Path, runs: int) -> dict[str, list[float]]:
    """The entity matcher's first load of every alias, and its refresh after an article that
    mentions 8 known entities (their `updated_at` moves on, as `Store.save` does)."""
    first, after_article = [], []
    for n in range(runs):
        matcher = EntityMatcher(store)
        start = time.perf_counter()
        await matcher.refresh()
        first.append(time.perf_counter() - start)
        await touch_entities(db, n)
        start = time.perf_counter()
        await matcher.refresh()
        after_article.append(time.perf_counter() - start)
    return {
        "(entity matcher: first load)": first,
        "(entity matcher: refresh after an article)": after_article,
    }


async def touch_entities(db: Path, n: int) -> None:
    def run() -> None:
        conn = sqlite3.connect(db)
        with conn:
            stamp = datetime.now(UTC).isoformat(timespec="microseconds")
            conn.executemany(TOUCH_ENTITY, [(stamp, 1 + (n * 8 + k) * 37 % 500) for k in range(8)])
        conn.close()

    await asyncio.to_thread(run)


async def create(db: Path) -> None:
    """A fresh database with Briefbot's schema (every migration applied)."""
    store = await Store.open(db)
    await store.close()


def db_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="keep the database in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    tmp = Path(tempfile.mkdtemp())
    db = tmp / "answers.db"
    results: dict[int, dict[str, list[float]]] = {}
    meta: dict[int, tuple[float, int]] = {}
    done = 0
    try:
        asyncio.run(create(db))
        for size in sizes:
            start = time.perf_counter()
            fill(db, done, size, total=sizes[-1])
            done = size
            meta[size] = (time.perf_counter() - start, db_size(db))
            results[size] = asyncio.run(measure(db, args.runs))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(db, args.keep / db.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

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
        (quantile(t, 0.99), c) for c, t in results[sizes[-1]].items() if not c.startswith("(")
    )
    print(f"worst p99 at {sizes[-1]:,}: {worst[1]!r} {worst[0] * 1000:.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
