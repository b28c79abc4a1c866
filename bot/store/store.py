"""The Briefbot store: writes one article with its facts atomically, and answers indexed queries.

One writer connection and one reader connection (WAL), so answers keep flowing during an ingest.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite
from rapidfuzz import fuzz

from bot.facts import Entity, Event, Extraction, Statement
from bot.ingest.article import Article
from bot.names import fold, name_key
from bot.store import clusters, sql
from bot.store.database import (
    StoreError,
    connect,
    migrate,
    run_on_connection,
    sync_transaction,
    utc_now,
)


@dataclass(frozen=True)
class Consistency:
    integrity: list[str]  # PRAGMA integrity_check: ["ok"] when the file is sound
    incomplete: list[str]  # articles (origin or id) whose facts do not match their marker
    orphans: int  # facts or links whose article, statement or event is missing

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.incomplete and self.orphans == 0


@dataclass(frozen=True)
class Window:
    """Filters shared by the list queries. Dates are YYYY-MM-DD; `seen_*` are ingest timestamps."""

    since: str | None = None
    until: str | None = None
    seen_since: str | None = None
    seen_until: str | None = None


def _json_list(values: list[Any] | None) -> str | None:
    return json.dumps(list(values)) if values is not None else None


def _rows(db: sqlite3.Connection, query: str, params: Any = ()) -> list[sqlite3.Row]:
    return db.execute(query, params).fetchall()


def statement_key(speaker_key: str, content: str) -> str:
    words = fold(content).split()
    if words[:1] == ["that"]:
        words = words[1:]
    return hashlib.sha1(f"{speaker_key}|{' '.join(words)}".encode()).hexdigest()


def _identifying_names(entity: Entity) -> list[str]:
    """Names that pick out one entity across articles. A surname alone does not: Hunter Biden's
    "Biden" must not make him Joe Biden."""
    if entity.kind != "person":
        return [entity.name, *entity.aliases]
    return [entity.name, *(a for a in entity.aliases if len(a.split()) > 1)]


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None

    # --- lifecycle ---------------------------------------------------------------------------
    @classmethod
    async def open(cls, path: Path) -> Store:
        store = cls(Path(path))
        store._writer = await connect(store.path)
        try:
            await migrate(store._writer, store.path)
            store._reader = await connect(store.path)
        except BaseException:
            await store._writer.close()
            raise
        return store

    async def close(self) -> None:
        for conn in (self._reader, self._writer):
            if conn is not None:
                await conn.close()
        self._reader = self._writer = None

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def writer(self) -> aiosqlite.Connection:
        assert self._writer is not None, "store is closed"
        return self._writer

    @property
    def reader(self) -> aiosqlite.Connection:
        assert self._reader is not None, "store is closed"
        return self._reader

    async def _read(self, query: str, params: Any = ()) -> list[aiosqlite.Row]:
        try:
            return list(await self.reader.execute_fetchall(query, params))
        except sqlite3.OperationalError as error:
            if "fts5" in str(error) or "syntax error" in str(error):
                raise ValueError(f"search syntax: {error}") from error
            raise StoreError(f"database {self.path}: {error}") from error

    # --- writing -----------------------------------------------------------------------------
    async def find_duplicate(self, article: Article) -> int | None:
        rows = await self._read(
            sql.FIND_DUPLICATE_ARTICLE,
            {"content_hash": article.content_hash, "canonical_url": article.canonical_url},
        )
        return rows[0][0] if rows else None

    async def save(self, article: Article, extraction: Extraction) -> int | None:
        """Store the article and all its facts in one transaction; None if it is a duplicate."""
        try:
            return await run_on_connection(self.writer, self._save, article, extraction)
        except sqlite3.Error as error:
            raise StoreError(f"database {self.path}: {error}") from error

    def _save(self, db: sqlite3.Connection, article: Article, extraction: Extraction) -> int | None:
        # Runs on the writer's own thread as one call: ~235 statements an article, each awaited
        # on its own, cost more in hand-overs between threads than in SQLite (BENCHMARKS.md).
        with sync_transaction(db):
            # Stamped once the write lock is held: stamps then increase in commit order, so a
            # briefing window that ends at the newest committed stamp never misses a later one.
            now = utc_now()
            dup = _rows(
                db,
                sql.FIND_DUPLICATE_ARTICLE,
                {"content_hash": article.content_hash, "canonical_url": article.canonical_url},
            )
            if dup:
                return None
            source_id = None
            if article.source:
                source_id = _rows(db, sql.UPSERT_SOURCE, (article.source,))[0][0]
            cursor = db.execute(
                sql.INSERT_ARTICLE,
                {
                    "source_id": source_id,
                    "title": article.title,
                    "author": article.author,
                    "url": article.url,
                    "canonical_url": article.canonical_url,
                    "content_hash": article.content_hash,
                    "published": article.published,
                    "language": article.language,
                    "origin": article.origin,
                    "text": article.text,
                    "ingested_at": now,
                },
            )
            article_id = cursor.lastrowid
            assert article_id is not None
            entity_ids = {}
            for entity in extraction.entities:
                entity_ids[name_key(entity.name)] = self._save_entity(db, entity, now)
            db.executemany(
                sql.INSERT_MENTION, [(article_id, i) for i in dict.fromkeys(entity_ids.values())]
            )
            for statement in extraction.statements:
                self._save_statement(db, statement, article_id, entity_ids, now)
            for event in extraction.events:
                self._save_event(db, event, article_id, entity_ids, now)
            # Last write of the transaction: the marker a consistency check compares against.
            db.execute(sql.MARK_ARTICLE_COMPLETE, {"id": article_id})
            return article_id

    def _save_entity(self, db: sqlite3.Connection, entity: Entity, now: str) -> int:
        names = [entity.name, *entity.aliases]
        norms = sorted({name_key(n) for n in _identifying_names(entity) if name_key(n)})
        found = _rows(
            db, sql.FIND_ENTITY_BY_ALIAS, {"norms": json.dumps(norms), "kind": entity.kind}
        )
        values = {
            "name": entity.name,
            "title": entity.title,
            "country": entity.country,
            "country_code": entity.country_code,
            "now": now,
        }
        if found:
            entity_id = found[0][0]
            db.execute(sql.UPDATE_ENTITY, {**values, "id": entity_id})
        else:
            key = f"{entity.kind}:{name_key(entity.name)}"
            rows = _rows(db, sql.INSERT_ENTITY, {**values, "key": key, "kind": entity.kind})
            entity_id = rows[0][0]
        aliases = [(entity_id, name, name_key(name)) for name in names if name_key(name)]
        db.executemany(sql.INSERT_ALIAS, aliases)
        return entity_id

    def _save_statement(
        self,
        db: sqlite3.Connection,
        st: Statement,
        article_id: int,
        entity_ids: dict[str, int],
        now: str,
    ) -> None:
        speaker_id = entity_ids.get(name_key(st.speaker)) if st.speaker else None
        speaker_key = str(speaker_id) if speaker_id else fold(st.speaker or st.speaker_text)
        key = statement_key(speaker_key, st.content)
        rows = _rows(db, sql.FIND_STATEMENT_BY_KEY, (key,))
        statement_id = rows[0][0] if rows else None
        if statement_id is None and speaker_id is not None:
            # The same words reported by another outlet, lightly re-punctuated or trimmed.
            folded = fold(st.content)
            for cand in _rows(
                db,
                sql.SIMILAR_STATEMENT_CANDIDATES,
                {"speaker_entity_id": speaker_id, "date": st.date},
            ):
                # Not token_set_ratio: "will accept" is a word subset of "will not accept".
                if fuzz.token_sort_ratio(fold(cand["content"]), folded) >= 92:
                    statement_id = cand["id"]
                    break
        if statement_id is None:
            rows = _rows(
                db,
                sql.INSERT_STATEMENT,
                {
                    "key": key,
                    "speaker_entity_id": speaker_id,
                    "speaker": st.speaker,
                    "speaker_text": st.speaker_text,
                    "speaker_kind": st.speaker_kind,
                    "speaker_title": st.speaker_title,
                    "speaker_country": st.speaker_country,
                    "verb": st.verb,
                    "content": st.content,
                    "quote": st.quote,
                    "date": st.date,
                    "confidence": st.confidence,
                    "now": now,
                },
            )
            statement_id = rows[0][0]
        else:
            db.execute(
                sql.RAISE_STATEMENT_CONFIDENCE, {"id": statement_id, "confidence": st.confidence}
            )
        db.execute(
            sql.INSERT_STATEMENT_SOURCE,
            {
                "statement_id": statement_id,
                "article_id": article_id,
                "evidence": st.evidence,
                "content_start": st.content_start,
                "content_end": st.content_end,
                "speaker_text": st.speaker_text,
            },
        )

    def _save_event(
        self,
        db: sqlite3.Connection,
        ev: Event,
        article_id: int,
        entity_ids: dict[str, int],
        now: str,
    ) -> None:
        """The article's own version of the event, placed in the event it reports (bot.identity)."""
        clusters.save_report(db, ev, article_id, entity_ids, now)

    async def reindex(self) -> clusters.ReindexResult:
        """Rebuild every event from the stored per-article reports with the current identity
        rule, in one transaction (all or nothing); running it again changes nothing."""
        try:
            return await run_on_connection(self.writer, self._reindex)
        except sqlite3.Error as error:
            raise StoreError(f"database {self.path}: {error}") from error

    def _reindex(self, db: sqlite3.Connection) -> clusters.ReindexResult:
        with sync_transaction(db):
            return clusters.reindex(db, utc_now())

    # --- reading -----------------------------------------------------------------------------
    async def consistency(self) -> Consistency:
        """Integrity, articles missing facts, facts missing articles: all zero after any crash."""
        integrity = [row[0] for row in await self._read(sql.INTEGRITY_CHECK)]
        incomplete = [
            row["origin"] or str(row["id"]) for row in await self._read(sql.INCOMPLETE_ARTICLES)
        ]
        orphans = (await self._read(sql.ORPHAN_FACTS))[0][0]
        return Consistency(integrity=integrity, incomplete=incomplete, orphans=orphans)

    async def fact_counts(self) -> dict[str, tuple[int, int, int]]:
        """content hash -> (mentions, statements, events) as recorded with each article."""
        return {
            row[0]: (row[1], row[2], row[3]) for row in await self._read(sql.ARTICLE_FACT_COUNTS)
        }

    async def count_articles(self) -> int:
        return (await self._read(sql.COUNT_ARTICLES))[0][0]

    async def entity_names(self) -> list[dict[str, Any]]:
        """Every alias of every entity: the vocabulary the answer layer matches names against."""
        return [dict(r) for r in await self._read(sql.ALL_ENTITY_NAMES)]

    async def entity_names_mark(self) -> tuple[int, str]:
        """(newest alias rowid, newest entity update): changes whenever any name may have."""
        row = (await self._read(sql.ENTITY_NAMES_MARK))[0]
        return row[0], row[1]

    async def entity_names_changed(self, mark: tuple[int, str]) -> list[dict[str, Any]]:
        """Every alias of each entity added or updated after `mark` ((-1, "") for all), by entity id."""
        params = {"alias_rowid": mark[0], "updated_at": mark[1]}
        return [dict(r) for r in await self._read(sql.ENTITY_NAMES_CHANGED, params)]

    async def entity_profile(self, entity_id: int) -> dict[str, Any] | None:
        rows = await self._read(sql.ENTITY_PROFILE, {"id": entity_id})
        if not rows:
            return None
        profile = dict(rows[0])
        profile["aliases"] = [r[0] for r in await self._read(sql.ENTITY_ALIASES, {"id": entity_id})]
        return profile

    async def sources(self, limit: int = 50) -> list[dict[str, Any]]:
        return [dict(r) for r in await self._read(sql.LIST_SOURCES, {"limit": limit})]

    async def search_articles(self, match: str, limit: int = 10) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in await self._read(
                sql.SEARCH_ARTICLES, {"match": match, "limit": limit, "pool": sql.SEARCH_POOL}
            )
        ]

    async def statements(
        self,
        *,
        speaker_ids: list[int] | None = None,
        named_only: bool = False,
        match: str | None = None,
        window: Window = Window(),
        limit: int = 20,
        offset: int = 0,
        count: bool = True,
        details: bool = True,
        min_confidence: float = 0.0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Statements newest first (or by relevance with an FTS `match`), and how many there are
        (with `count=False`, just how many were returned; with `details=False`, without sources:
        `statement_details` adds them to the rows actually shown). Statements below
        `min_confidence` stay stored but are left out."""
        params = {
            "speaker_ids": _json_list(speaker_ids),
            "named_only": int(named_only),
            "min_confidence": min_confidence,
            "since": window.since,
            "until": window.until,
            "seen_since": window.seen_since,
            "seen_until": window.seen_until,
            "limit": limit,
            "offset": offset,
        }
        if match:
            params.update(match=match, pool=sql.SEARCH_POOL)
            list_sql, count_sql = sql.SEARCH_STATEMENTS, sql.COUNT_SEARCH_STATEMENTS
        elif speaker_ids is not None:  # from the speaker index, not a scan of every statement
            list_sql, count_sql = sql.LIST_STATEMENTS_BY_SPEAKER, sql.COUNT_STATEMENTS_BY_SPEAKER
        else:
            list_sql, count_sql = sql.LIST_STATEMENTS, sql.COUNT_STATEMENTS
        rows = await self._read(list_sql, params)
        total = (await self._read(count_sql, params))[0][0] if count else len(rows)
        items = [dict(r) for r in rows]
        return (await self.statement_details(items) if details else items), total

    async def statement_details(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add each statement's sources (and its evidence) to rows from `statements(details=False)`."""
        sources = defaultdict(list)
        for r in await self._read(
            sql.STATEMENT_SOURCES, {"ids": json.dumps([i["id"] for i in items])}
        ):
            sources[r["statement_id"]].append(_source(r))
        for item in items:
            item["sources"] = sources[item["id"]]
            item["evidence"] = item["sources"][0]["evidence"] if item["sources"] else ""
        return items

    async def events(
        self,
        *,
        types: list[str] | None = None,
        kinds: list[str] | None = None,
        statuses: list[str] | None = None,
        entity_ids: list[int] | None = None,
        match: str | None = None,
        window: Window = Window(),
        limit: int = 20,
        offset: int = 0,
        count: bool = True,
        details: bool = True,
        min_confidence: float = 0.0,
        place_name: str | None = None,
        place_code: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Events newest first (or by relevance with an FTS `match`), and how many there are
        (with `count=False`, just how many were returned; with `details=False`, bare rows:
        `event_details` adds participants and sources to the rows actually shown). Events below
        `min_confidence` stay stored but are left out. `place_name` keeps events at that
        location, `place_code` also those anywhere in that country (`bot.answer.places`)."""
        params = {
            "types": _json_list(types),
            "kinds": _json_list(kinds),
            "statuses": _json_list(statuses),
            "min_confidence": min_confidence,
            "entity_ids": _json_list(entity_ids),
            "since": window.since,
            "until": window.until,
            "place_name": place_name,
            "place_code": place_code,
            "seen_since": window.seen_since,
            "seen_until": window.seen_until,
            "limit": limit,
            "offset": offset,
        }
        if match:
            params.update(match=match, pool=sql.SEARCH_POOL)
            list_sql, count_sql = sql.SEARCH_EVENTS, sql.COUNT_SEARCH_EVENTS
        elif entity_ids is not None:  # from the participants index, not a scan of every event
            list_sql, count_sql = sql.LIST_EVENTS_BY_PARTICIPANTS, sql.COUNT_EVENTS_BY_PARTICIPANTS
            if count:
                list_sql = sql.PAGE_EVENTS_BY_PARTICIPANTS  # page and total in one pass
        else:
            list_sql, count_sql = sql.LIST_EVENTS, sql.COUNT_EVENTS
        rows = await self._read(list_sql, params)
        items = [dict(r) for r in rows]
        if not count:
            total = len(rows)
        elif list_sql is sql.PAGE_EVENTS_BY_PARTICIPANTS and (items or not offset):
            total = items[0].pop("total") if items else 0
            for item in items[1:]:
                item.pop("total")
        else:
            total = (await self._read(count_sql, params))[0][0]
        return (await self.event_details(items) if details else items), total

    async def event_reports(self, event_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """Each article's own version of the events (of every event when `event_ids` is None),
        in ingest order, with its article and why it is in its event (`merge_reason`)."""
        rows = await self._read(sql.LIST_EVENT_REPORTS, {"ids": _json_list(event_ids)})
        reports = [dict(r) for r in rows]
        for report in reports:
            for key in ("participants", "topics", "excluded_topics", "merge_reason"):
                report[key] = json.loads(report[key])
        return reports

    async def event_details(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add participants, sources and a location to rows from `events(details=False)`."""
        ids = json.dumps([i["id"] for i in items])
        participants = defaultdict(list)
        for r in await self._read(sql.EVENT_PARTICIPANTS, {"ids": ids}):
            p = {"name": r["name"], "kind": r["kind"]}
            if r["country_code"]:
                p["country_code"] = r["country_code"]
            participants[r["event_id"]].append(p)
        sources = defaultdict(list)
        for r in await self._read(sql.EVENT_SOURCES, {"ids": ids}):
            sources[r["event_id"]].append(_source(r))
        for item in items:
            item["topics"] = json.loads(item["topics"])
            item["excluded_topics"] = json.loads(item["excluded_topics"])
            item["disputed"] = json.loads(item.get("disputed") or "[]")
            item["participants"] = participants[item["id"]]
            item["sources"] = sources[item["id"]]
            item["evidence"] = item["sources"][0]["evidence"] if item["sources"] else ""
            name = item.pop("location_name")
            code = item.pop("location_country_code")
            detail = item.pop("location_detail")
            item["location"] = None
            if name:
                item["location"] = {"name": name}
                if code:
                    item["location"]["country_code"] = code
                if detail:
                    item["location"]["detail"] = detail
        return items


def _source(row: aiosqlite.Row) -> dict[str, Any]:
    source = {"title": row["title"], "source": row["source"], "published": row["published"]}
    if row["url"]:
        source["url"] = row["url"]
    source["evidence"] = row["evidence"]
    keys = row.keys()
    for claim in (
        "claimed_status",
        "claimed_date",
        "claimed_date_precision",
        "claimed_location",
        "content_start",
        "content_end",
        "evidence_start",
        "evidence_end",
    ):
        if claim in keys:
            source[claim] = row[claim]
    return source
