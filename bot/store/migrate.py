"""`briefbot migrate-store SQLITE_PATH POSTGRES_URL`: move a store from SQLite up to PostgreSQL.

Everything is copied in one pass and one PostgreSQL transaction, ids included (so links, event
identity, the delivery log and the alert log mean the same afterwards): articles and their facts,
entities, event reports and events, subscriptions and deliveries, feeds, watches and alerts. Rows
already there (same key) are left alone, so running it again copies nothing and changes nothing.
The transaction holds the store's write lock, so nothing ingests in between; it commits only if
every table then holds as many rows as in SQLite.

Both databases are first brought to the current schema by opening them as the store does. The
statements below are composed once, at import, from the table list (constant identifiers); every
value travels as data (COPY and parameters).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]

from bot.store.database import StoreError
from bot.store.location import PostgresLocation
from bot.store.postgres import WRITE_LOCK, connect, explain
from bot.store.store import Store

BATCH = 2000  # rows read from SQLite and sent to PostgreSQL at a time (bounded memory)
STAGING = "briefbot_migrate_rows"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]  # as PostgreSQL names them
    sqlite_columns: tuple[str, ...] = ()  # where SQLite names them otherwise (rowid)
    identities: tuple[str, ...] = ("id",)  # columns whose sequence must continue after the copy

    @property
    def read(self) -> str:
        return f"SELECT {', '.join(self.sqlite_columns or self.columns)} FROM {self.name}"

    @property
    def count(self) -> str:
        return f"SELECT count(*) FROM {self.name}"

    @property
    def stage(self) -> str:
        columns = ", ".join(self.columns)
        return f"CREATE TEMP TABLE {STAGING} AS SELECT {columns} FROM {self.name} WITH NO DATA"

    @property
    def insert(self) -> str:
        columns = ", ".join(self.columns)
        return (
            f"INSERT INTO {self.name} ({columns}) SELECT {columns} FROM {STAGING}"
            " ON CONFLICT DO NOTHING"
        )

    @property
    def continue_identities(self) -> list[str]:
        return [
            f"SELECT setval(pg_get_serial_sequence('{self.name}', '{c}'),"
            f" (SELECT coalesce(max({c}), 0) + 1 FROM {self.name}), false)"
            for c in self.identities
        ]


def _columns(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# In an order that satisfies every foreign key.
TABLES = (
    Table("sources", _columns("id name")),
    Table(
        "articles",
        _columns(
            "id source_id title author url canonical_url content_hash published language origin "
            "text ingested_at stored_mentions stored_statements stored_events"
        ),
    ),
    Table("entities", _columns("id key name kind title country country_code updated_at")),
    Table(
        "entity_aliases",
        _columns("entity_id alias norm seq"),
        _columns("entity_id alias norm rowid"),
        ("seq",),
    ),
    Table("mentions", _columns("article_id entity_id"), identities=()),
    Table(
        "statements",
        _columns(
            "id key speaker_entity_id speaker speaker_text speaker_kind speaker_title "
            "speaker_country verb content quote date first_seen confidence"
        ),
    ),
    Table(
        "statement_sources",
        _columns("statement_id article_id evidence content_start content_end speaker_text"),
        identities=(),
    ),
    Table(
        "events",
        _columns(
            "id type kind mode date date_precision status location_name location_country_code "
            "location_detail topics excluded_topics outcome content first_seen updated_at "
            "confidence disputed"
        ),
        identities=(),  # events take the next id after the largest (bot.store.sql_postgres)
    ),
    Table(
        "event_participants",
        _columns("event_id entity_id name kind country_code seq"),
        _columns("event_id entity_id name kind country_code rowid"),
        ("seq",),
    ),
    Table(
        "event_sources",
        _columns(
            "event_id article_id evidence evidence_start evidence_end claimed_status "
            "claimed_date claimed_location claimed_date_precision"
        ),
        identities=(),
    ),
    Table(
        "event_reports",
        _columns(
            "id article_id event_id type kind mode participants location_name "
            "location_country_code location_detail date date_precision status topics "
            "excluded_topics outcome content evidence evidence_start evidence_end confidence "
            "merge_reason"
        ),
    ),
    Table(
        "events_fts",
        _columns("event_id topics text"),
        _columns("rowid topics text"),
        identities=(),
    ),
    Table(
        "subscriptions",
        _columns(
            "id platform workspace channel created_by cron rule timezone topic state "
            "paused_reason notify_creator created_at active_since"
        ),
    ),
    Table(
        "deliveries",
        _columns(
            "id subscription_id slot_time state window_start window_end owner lease_until "
            "attempts message_id reason created_at updated_at sent_at"
        ),
    ),
    Table(
        "feeds",
        _columns(
            "id url platform workspace added_by etag last_modified next_poll_at failures "
            "last_error last_polled_at created_at"
        ),
    ),
    Table(
        "watches",
        _columns(
            "id platform workspace channel created_by query filter min_confidence max_per_hour "
            "quiet_hours timezone state paused_reason notify_creator created_at seen_until"
        ),
    ),
    Table(
        "watch_alerts",
        _columns(
            "id watch_id fact fingerprint kind state item reply_to post owner lease_until "
            "attempts message_id reason created_at updated_at sent_at"
        ),
    ),
)


@dataclass(frozen=True)
class Copied:
    table: str
    rows: int  # in SQLite, and so in PostgreSQL after the copy
    new: int  # of them, copied by this run (0 on a second run)


async def migrate_store(
    sqlite_path: Path,
    target: PostgresLocation,
    on_table: Callable[[Copied], None] | None = None,
) -> list[Copied]:
    """Copy the SQLite store at `sqlite_path` into the PostgreSQL database `target`."""
    if not sqlite_path.is_file():
        raise StoreError(f"no SQLite database at {sqlite_path}")
    for location in (sqlite_path, target):  # both to the current schema, as the store opens them
        await (await Store.open(location)).close()
    source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        conn = await connect(target)
        try:
            return await _copy_all(source, conn, target, on_table)
        finally:
            await conn.close()
    finally:
        source.close()


async def _copy_all(
    source: sqlite3.Connection,
    conn: asyncpg.Connection,
    target: PostgresLocation,
    on_table: Callable[[Copied], None] | None,
) -> list[Copied]:
    copied: list[Copied] = []
    try:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
            for table in TABLES:
                result = await _copy_table(source, conn, table)
                copied.append(result)
                if on_table is not None:
                    on_table(result)
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as error:
        raise explain(error, target) from None
    return copied


async def _copy_table(source: sqlite3.Connection, conn: asyncpg.Connection, table: Table) -> Copied:
    before = await conn.fetchval(table.count)
    await conn.execute(table.stage)
    cursor = source.execute(table.read)
    while batch := cursor.fetchmany(BATCH):
        await conn.copy_records_to_table(STAGING, records=batch, columns=list(table.columns))
    await conn.execute(table.insert)
    await conn.execute(f"DROP TABLE {STAGING}")
    for statement in table.continue_identities:
        await conn.execute(statement)
    expected = source.execute(table.count).fetchone()[0]
    after = await conn.fetchval(table.count)
    if after != expected:
        # Raised inside the transaction: nothing of this run is kept.
        raise StoreError(
            f"migrate-store: {table.name} has {after} rows in PostgreSQL but {expected} in SQLite "
            "(the PostgreSQL database already held other data?); nothing was copied"
        )
    return Copied(table.name, expected, after - before)
