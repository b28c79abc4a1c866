"""`briefbot migrate-store SQLITE_PATH POSTGRES_URL`: the seed database, with a subscription, a
delivery, a feed, a watch and an alert, moves to PostgreSQL whole; the answers there are the
answers SQLite gave; a second run copies nothing."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.answer.render_text import render_text
from bot.cli import app
from bot.engine import Engine
from bot.store.location import PostgresLocation
from bot.store.schedule_store import NewSubscription, ScheduleStore
from bot.store.store import Store
from bot.store.watch_store import Claim, NewWatch, WatchStore
from tests.conftest import _create_database, make_settings

NOW = "2025-03-01T08:00:00.000000+00:00"
QUERIES = (
    "latest talks",
    "who said what",
    "agreements",
    "timeline Russia",
    "who is Lavrov",
    'search "talks"',
    "sources",
    "brief since 2025-01-01",
)


async def _add_schedule_and_watch(path: Path) -> None:
    """One of each row the scheduler and the watches keep, so every table has something."""
    schedule = await ScheduleStore.open(path)
    sub = await schedule.add_subscription(
        NewSubscription("slack", "T1", "C1", "U1", "0 8 * * *", "daily at 08:00", "UTC", None),
        NOW,
    )
    await schedule.claim(sub, NOW, (NOW, NOW), "host:1:a", NOW, NOW)
    await schedule.add_feed(
        "https://feeds.example/rss", "U1", NOW, platform="slack", workspace="T1"
    )
    await schedule.close()
    watches = await WatchStore.open(path)
    watch = await watches.add_watch(
        NewWatch("slack", "T1", "C1", "U1", "talks", "{}", None, None, None, "UTC"), NOW, NOW
    )
    await watches.claim(
        Claim(watch, "event:1", "f1", "{}", NOW, NOW, 6, False, "host:1:a", NOW, "post-1")
    )
    await watches.close()


async def _answers(location) -> list[tuple[str, list[dict], str]]:
    async with await Engine.open(make_settings(location), load_model=False) as engine:
        out = []
        for query in QUERIES:
            answer = await engine.answer(query)
            items = [{k: v for k, v in i.data.items() if k != "snippet"} for i in answer.items]
            # An article's snippet is cut by each engine's own highlighter (FTS5's snippet,
            # PostgreSQL's ts_headline): the same article, not the same words around the match.
            text = render_text(answer) if not query.startswith("search") else ""
            out.append((query, items, text))
        return out


@pytest.fixture
def sqlite_seeded(seeded_db_template, tmp_path) -> Path:
    target = tmp_path / "seeded.db"
    shutil.copy(seeded_db_template, target)
    return target


@pytest.fixture
def empty_postgres(postgres_server) -> PostgresLocation:
    """A database with no schema at all: migrate-store creates it."""
    return _create_database(postgres_server, postgres_server.new_database_name("target"))


def test_migrate_store_copies_the_seed_database_whole_and_again_copies_nothing(
    sqlite_seeded, empty_postgres
):
    # The command runs its own event loop, so the test is synchronous around it.
    asyncio.run(_add_schedule_and_watch(sqlite_seeded))
    runner = CliRunner()

    first = runner.invoke(app, ["migrate-store", str(sqlite_seeded), empty_postgres.dsn])
    assert first.exit_code == 0, first.output
    lines = dict(line.split(": ", 1) for line in first.stdout.splitlines()[:-1])
    assert lines["articles"] == "1 rows (1 copied now)"  # the seed article
    for table in ("subscriptions", "deliveries", "feeds", "watches", "watch_alerts"):
        assert lines[table] == "1 rows (1 copied now)", table
    assert int(lines["event_reports"].split()[0]) > 0
    assert first.stdout.splitlines()[-1].startswith("verified: 17 tables")

    again = runner.invoke(app, ["migrate-store", str(sqlite_seeded), empty_postgres.dsn])
    assert again.exit_code == 0, again.output
    assert all("(0 copied now)" in line for line in again.stdout.splitlines()[:-1])

    assert asyncio.run(_answers(empty_postgres)) == asyncio.run(_answers(sqlite_seeded))
    assert asyncio.run(_consistent(empty_postgres))
    assert asyncio.run(_fact_counts(empty_postgres)) == asyncio.run(_fact_counts(sqlite_seeded))
    asyncio.run(_schedule_continues(empty_postgres))


async def _consistent(location) -> bool:
    async with await Store.open(location) as store:
        return (await store.consistency()).ok


async def _fact_counts(location) -> dict:
    async with await Store.open(location) as store:
        return await store.fact_counts()


async def _schedule_continues(location) -> None:
    schedule = await ScheduleStore.open(location)
    try:
        (sub,) = await schedule.active_subscriptions()
        assert [d.slot_time for d in await schedule.deliveries(sub.id)] == [NOW]
        # Ids continue after the copied ones: the next subscription is not a duplicate key.
        new = NewSubscription("slack", "T1", "C2", "U1", "0 9 * * *", "daily", "UTC", None)
        assert await schedule.add_subscription(new, NOW) == sub.id + 1
    finally:
        await schedule.close()


async def _add_feed(location) -> None:
    async with await Engine.open(make_settings(location), load_model=False) as engine:
        schedule = await engine.schedule_store()
        await schedule.add_feed("https://other.example/rss", None, NOW)


async def _count_articles(location) -> int:
    async with await Store.open(location) as store:
        return await store.count_articles()


def test_migrate_store_refuses_a_target_holding_other_data_and_copies_nothing(
    sqlite_seeded, fresh_db_postgres
):
    asyncio.run(_add_feed(fresh_db_postgres))
    result = CliRunner().invoke(app, ["migrate-store", str(sqlite_seeded), fresh_db_postgres.dsn])
    assert result.exit_code != 0
    assert "feeds has 1 rows in PostgreSQL but 0 in SQLite" in result.stderr
    assert asyncio.run(_count_articles(fresh_db_postgres)) == 0  # the whole copy rolled back


@pytest.fixture
def fresh_db_postgres(postgres_server, postgres_empty_template) -> PostgresLocation:
    name = postgres_server.new_database_name()
    return _create_database(postgres_server, name, postgres_empty_template)


def test_migrate_store_needs_an_existing_sqlite_file_and_a_postgresql_url(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["migrate-store", str(tmp_path / "no.db"), "postgresql://x/y"])
    assert missing.exit_code != 0 and "no SQLite database at" in missing.stderr
    not_pg = runner.invoke(app, ["migrate-store", str(tmp_path / "no.db"), str(tmp_path / "b.db")])
    assert not_pg.exit_code != 0 and "postgresql:// URL" in not_pg.stderr
