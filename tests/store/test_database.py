"""Schema migrations and the database errors a person can act on."""

from __future__ import annotations

import os
import sqlite3

import pytest

from bot.store.database import StoreError, available_migrations
from bot.store.store import Store


async def test_migrations_apply_on_an_empty_database_and_are_recorded(tmp_path):
    path = tmp_path / "new.db"
    store = await Store.open(path)
    await store.close()
    with sqlite3.connect(path) as conn:
        versions = [
            r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")
        ]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert versions == [m.version for m in available_migrations()]
    assert {
        "articles",
        "entities",
        "entity_aliases",
        "statements",
        "events",
        "articles_fts",
    } <= tables


async def test_reopening_an_existing_database_keeps_its_data_and_applies_nothing_twice(tmp_path):
    path = tmp_path / "old.db"
    store = await Store.open(path)
    await store.reader.execute("INSERT INTO sources (name) VALUES ('Kept')")
    await store.close()
    store = await Store.open(path)
    await store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sources").fetchall() == [("Kept",)]
        counts = conn.execute(
            "SELECT version, count(*) FROM schema_migrations GROUP BY version"
        ).fetchall()
    assert all(n == 1 for _, n in counts)


async def test_an_older_database_is_upgraded_with_the_migrations_it_lacks(tmp_path, monkeypatch):
    import bot.store.database as database

    path = tmp_path / "older.db"
    everything = database.available_migrations()
    assert len(everything) > 1
    # A database made by a Briefbot that knew only the first migration, holding data.
    monkeypatch.setattr(database, "available_migrations", lambda: everything[:1])
    store = await Store.open(path)
    await store.reader.execute("INSERT INTO sources (name) VALUES ('Kept')")
    await store.close()
    monkeypatch.setattr(database, "available_migrations", lambda: everything)
    store = await Store.open(path)
    await store.close()
    with sqlite3.connect(path) as conn:
        versions = [
            r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")
        ]
        assert conn.execute("SELECT name FROM sources").fetchall() == [("Kept",)]
    assert versions == [m.version for m in everything]


async def test_a_database_from_a_newer_briefbot_is_refused_clearly(tmp_path):
    path = tmp_path / "newer.db"
    store = await Store.open(path)
    await store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer than this Briefbot"):
        await Store.open(path)


async def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Briefbot database"):
        await Store.open(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
async def test_a_read_only_database_is_refused_clearly(tmp_path):
    path = tmp_path / "ro.db"
    store = await Store.open(path)
    await store.close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StoreError, match=r"read-only|cannot open"):
            await Store.open(path)
    finally:
        tmp_path.chmod(0o755)


async def test_a_locked_database_is_reported_not_a_traceback(tmp_path, monkeypatch):
    import bot.store.database as database
    from bot.facts import Extraction
    from bot.ingest.article import Article

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "locked.db"
    store = await Store.open(path)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            await store.save(Article(title="T", text="Some text."), Extraction(None, None, None))
    finally:
        holder.rollback()
        holder.close()
        await store.close()


async def test_an_upgrade_that_fails_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    import bot.store.database as database

    path = tmp_path / "upgrade.db"
    everything = database.available_migrations()
    monkeypatch.setattr(database, "available_migrations", lambda: everything[:1])
    async with await Store.open(path):
        pass
    # A later migration that works, then one that fails halfway: neither is left behind.
    broken = database.Migration(
        9001, "9001_broken", "CREATE TABLE half_done (x); SELECT * FROM no_such_table;"
    )
    monkeypatch.setattr(database, "available_migrations", lambda: [*everything, broken])
    with pytest.raises(StoreError, match="no_such_table"):
        await Store.open(path)
    with sqlite3.connect(path) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert versions == [everything[0].version]
    assert "half_done" not in tables and "watches" not in tables
