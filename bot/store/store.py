"""The Briefbot store: writes one article with its facts atomically, and answers indexed queries.

On SQLite (a file) or PostgreSQL (a `postgresql://` URL), the same logic over either backend
(bot.store.database.SqliteBackend, bot.store.postgres.PgBackend): one writer at a time, and
answers that keep flowing during an ingest (SQLite: WAL and a reader connection).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from types import ModuleType
from typing import Any, Protocol, TypeVar

import aiosqlite
from rapidfuzz import fuzz

from bot.facts import Entity, Extraction, Statement
from bot.ingest.article import Article
from bot.names import fold, name_key
from bot.store import clusters
from bot.store.database import SqliteBackend, utc_now
from bot.store.db import Db, Row
from bot.store.location import Location, PostgresLocation, database_location
from bot.store.rows import (
    ArticleHit,
    DetailedEvent,
    DetailedStatement,
    EntityName,
    EntityProfile,
    EventRow,
    EventSource,
    Outlet,
    Participant,
    StatementRow,
    StatementSource,
    Total,
)

T = TypeVar("T")

# Totals stop counting this many rows past the page's offset: "showing 1-5 of 1,000+" costs the
# same at any size of archive, where an exact total of a common filter reads every matching row.
COUNT_CAP = 1000
# Participations counted per entity to pick which of several participants leads the scan.
LEAD_CAP = 5000
# Above every character a name key holds, so `key + _LAST_CHARACTER` bounds the keys starting
# with `key` (byte order on both backends: UTF-8 keeps the order of code points).
_LAST_CHARACTER = "\U0010ffff"


async def _capped_total(
    read: Callable[[str, Mapping[str, Any]], Coroutine[Any, Any, Sequence[Row]]],
    query: str,
    params: dict[str, Any],
) -> Total:
    counted = await read(query, {**params, "count_limit": params["offset"] + COUNT_CAP + 1})
    return _cap(counted[0][0], params["offset"])


def _cap(counted: int, offset: int) -> Total:
    """A total counted in full, capped as `_capped_total` caps one: "1,000+" past the offset."""
    limit = offset + COUNT_CAP + 1
    return Total(limit - 1, capped=True) if counted >= limit else Total(counted)


def _any_words(match: str) -> str | None:
    """The phrases of an any-word query (`"a" OR "b"`, as bot.answer.service.fts_query writes
    it) as a JSON list: a search ranks its candidates by how many of them each has. None for an
    all-words query, whose candidates have them all."""
    phrases = match.split(" OR ")
    return json.dumps(phrases) if len(phrases) > 1 else None


class Backend(Protocol):
    """Where the store's rows live: SqliteBackend or PgBackend."""

    sql: ModuleType

    @property
    def path(self) -> Location: ...

    async def read(self, query: str, params: Mapping[str, Any] = ...) -> Sequence[Row]: ...

    async def write(self, work: Callable[[Db], Coroutine[Any, Any, T]]) -> T: ...

    async def write_one(self, query: str, params: Mapping[str, Any]) -> Sequence[Row]: ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class Consistency:
    integrity: list[str]  # SQLite's integrity_check: ["ok"] when the file is sound
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


def _statement_params(
    speaker_ids: list[int] | None, named_only: bool, window: Window, min_confidence: float
) -> dict[str, Any]:
    """The filters every statement list reads (the page's limit and offset are added apart)."""
    return {
        "speaker_ids": _json_list(speaker_ids),
        "named_only": int(named_only),
        "min_confidence": min_confidence,
        "since": window.since,
        "until": window.until,
        "seen_since": window.seen_since,
        "seen_until": window.seen_until,
    }


def _event_params(
    types: list[str] | None,
    kinds: list[str] | None,
    statuses: list[str] | None,
    entity_ids: list[int] | None,
    window: Window,
    min_confidence: float,
    place_name: str | None,
    place_code: str | None,
) -> dict[str, Any]:
    """The filters every event list reads (the page's limit and offset are added apart)."""
    return {
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
    }


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
    def __init__(self, backend: Backend) -> None:
        self._backend: Backend | None = backend
        self.path: Location = backend.path
        self.sql: ModuleType = backend.sql  # the dialect: bot.store.sql or bot.store.sql_postgres

    # --- lifecycle ---------------------------------------------------------------------------
    @classmethod
    async def open(cls, path: Location | str | PathLike[str]) -> Store:
        """Open (and migrate) the store `path` names: an SQLite file or a PostgreSQL URL."""
        location = database_location(path) if isinstance(path, str | PathLike) else path
        if isinstance(location, PostgresLocation):
            from bot.store.postgres import PgBackend  # asyncpg only when it is used

            return cls(await PgBackend.open(location))
        return cls(await SqliteBackend.open(location))

    async def close(self) -> None:
        if self._backend is not None:
            await self._backend.close()
        self._backend = None

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def backend(self) -> Backend:
        assert self._backend is not None, "store is closed"
        return self._backend

    @property
    def reader(self) -> aiosqlite.Connection:
        """SQLite's reader connection (tests look underneath the store through it)."""
        assert isinstance(self._backend, SqliteBackend), "an open SQLite store has a reader"
        return self._backend.reader

    async def _read(self, query: str, params: Mapping[str, Any] = {}) -> Sequence[Row]:
        return await self.backend.read(query, params)

    # --- writing -----------------------------------------------------------------------------
    async def find_duplicate(self, article: Article) -> int | None:
        rows = await self._read(
            self.sql.FIND_DUPLICATE_ARTICLE,
            {"content_hash": article.content_hash, "canonical_url": article.canonical_url},
        )
        return rows[0][0] if rows else None

    async def save(self, article: Article, extraction: Extraction) -> int | None:
        """Store the article and all its facts in one transaction; None if it is a duplicate."""
        return await self.backend.write(lambda db: _save(db, article, extraction))

    async def reindex(self) -> clusters.ReindexResult:
        """Rebuild every event from the stored per-article reports with the current identity
        rule, in one transaction (all or nothing); running it again changes nothing."""
        return await self.backend.write(lambda db: clusters.reindex(db, utc_now()))

    # --- state shared by replicas (bot.ratelimit, bot.answer.paging) --------------------------
    async def take_token(
        self, key: tuple[str, str, str], *, rate: float, burst: int, now: float | None = None
    ) -> tuple[float, int]:
        """Spend one of `key`'s tokens (platform, workspace, user) if it has one: (tokens left,
        refusals in a row), 0 refusals when it was spent. `now` in seconds, or the database's
        clock when None. One atomic statement on either backend."""
        platform, workspace, user = key
        params = {
            "platform": platform,
            "workspace": workspace,
            "user_id": user,
            "rate": float(rate),
            "burst": float(burst),
            "now": now,
        }
        row = (await self.backend.write_one(self.sql.TAKE_TOKEN, params))[0]
        return float(row["tokens"]), int(row["refused"])

    async def drop_idle_buckets(self, idle: float, now: float | None = None) -> None:
        """Forget the buckets untouched for `idle` seconds (a full refill: they are full)."""
        await self.backend.write_one(self.sql.DROP_IDLE_BUCKETS, {"idle": idle, "now": now})

    async def remember_page(
        self, where: tuple[str, str, str], query: str, offset: int, now: float | None = None
    ) -> None:
        """Where `more` continues in the channel `where` (platform, workspace, channel)."""
        params = _channel(where, query=query, page_offset=offset, now=now)
        await self.backend.write_one(self.sql.REMEMBER_PAGE, params)

    async def next_page(
        self, where: tuple[str, str, str], step: int, now: float | None = None
    ) -> tuple[str, int] | None:
        """Move the channel's `more` on by `step`: (query, new offset), None if nothing was asked
        there."""
        rows = await self.backend.write_one(self.sql.NEXT_PAGE, _channel(where, step=step, now=now))
        return (rows[0]["query"], int(rows[0]["page_offset"])) if rows else None

    async def forget_old_pages(self, idle: float, now: float | None = None) -> None:
        await self.backend.write_one(self.sql.FORGET_OLD_PAGES, {"idle": idle, "now": now})

    # --- reading -----------------------------------------------------------------------------
    async def consistency(self) -> Consistency:
        """Integrity, articles missing facts, facts missing articles: all zero after any crash."""
        integrity = [row[0] for row in await self._read(self.sql.INTEGRITY_CHECK)]
        incomplete = [
            row["origin"] or str(row["id"])
            for row in await self._read(self.sql.INCOMPLETE_ARTICLES)
        ]
        orphans = (await self._read(self.sql.ORPHAN_FACTS))[0][0]
        return Consistency(integrity=integrity, incomplete=incomplete, orphans=orphans)

    async def fact_counts(self) -> dict[str, tuple[int, int, int]]:
        """content hash -> (mentions, statements, events) as recorded with each article."""
        return {
            row[0]: (row[1], row[2], row[3])
            for row in await self._read(self.sql.ARTICLE_FACT_COUNTS)
        }

    async def count_articles(self) -> int:
        return (await self._read(self.sql.COUNT_ARTICLES))[0][0]

    async def entity_names(self) -> list[EntityName]:
        """Every alias of every entity: the vocabulary the answer layer matches names against."""
        return [EntityName.from_row(r) for r in await self._read(self.sql.ALL_ENTITY_NAMES)]

    async def names_starting(
        self, prefix: str, limit: int, kind: str | None = None
    ) -> list[tuple[str, str]]:
        """(name, kind) of the entities with an alias whose name key starts with `prefix` (a name
        key itself), in the aliases' order, at most `limit` rows (an entity once per such alias):
        a range of an index, whatever the archive's size."""
        params = {"low": prefix, "high": prefix + _LAST_CHARACTER, "kind": kind, "limit": limit}
        return [(r[0], r[1]) for r in await self._read(self.sql.NAMES_STARTING, params)]

    async def names_containing(self, piece: str, limit: int) -> list[tuple[str, str]]:
        """(name, kind) of the entities with an alias whose name key holds `piece` (three letters
        or more: the trigram index finds no shorter piece), at most `limit` rows."""
        if len(piece) < 3:
            return []
        params = {"piece": piece, "limit": limit}
        return [(r[0], r[1]) for r in await self._read(self.sql.NAMES_CONTAINING, params)]

    async def entity_profile(self, entity_id: int) -> EntityProfile | None:
        rows = await self._read(
            self.sql.ENTITY_PROFILE, {"id": entity_id, "count_limit": COUNT_CAP + 1}
        )
        if not rows:
            return None
        counted = rows[0]["articles"]  # capped like every total: "1,000+" articles
        articles = Total(COUNT_CAP, True) if counted > COUNT_CAP else Total(counted)
        aliases = [r[0] for r in await self._read(self.sql.ENTITY_ALIASES, {"id": entity_id})]
        return EntityProfile.from_row(rows[0], articles, aliases)

    async def sources(self, limit: int = 50) -> list[Outlet]:
        """The outlets with the most articles, with their newest article's date."""
        return [
            Outlet.from_row(r) for r in await self._read(self.sql.LIST_SOURCES, {"limit": limit})
        ]

    async def search_articles(self, match: str, limit: int = 10) -> list[ArticleHit]:
        """The best `limit` articles among the newest matches (bot.store.sql, SEARCH_POOL)."""
        params = {
            "match": match,
            "words": _any_words(match),
            "limit": limit,
            "pool": self.sql.SEARCH_POOL,
            "window": self.sql.ARTICLE_SEARCH_WINDOW,
        }
        rows = await self._read(self.sql.SEARCH_ARTICLES, params)
        if (rows[0]["total"] if rows else 0) < self.sql.SEARCH_MIN_HITS:
            rows = await self._read(self.sql.SEARCH_ARTICLES_ALL, params)
        return [ArticleHit.from_row(r) for r in rows]

    async def _search_page(
        self, recent: str, everything: str, params: dict[str, Any]
    ) -> tuple[Sequence[Row], Total]:
        """A page of a full-text search and how many candidates pass its filters: among the
        newest window's matches, or the whole archive's when fewer than SEARCH_MIN_HITS pass
        there (bot.store.sql, SEARCH_POOL). Each page row carries the total; a page past the
        end has none, so the first row of the same candidates is read for it."""
        params = {
            **params,
            "words": _any_words(params["match"]),
            "pool": self.sql.SEARCH_POOL,
            "window": self.sql.SEARCH_WINDOW,
        }
        rows: Sequence[Row] = []
        counted = 0
        for query in (recent, everything):
            rows = await self._read(query, params)
            if rows:
                counted = rows[0]["total"]
            elif params["offset"]:
                first = await self._read(query, {**params, "limit": 1, "offset": 0})
                counted = first[0]["total"] if first else 0
            else:
                counted = 0
            if counted >= self.sql.SEARCH_MIN_HITS:
                if query is recent:
                    # counted in the newest window only: older matches may exist, so the total
                    # is a floor ("263+"), never told as all there are
                    return rows, Total(min(counted, params["offset"] + COUNT_CAP), capped=True)
                break
        return rows, _cap(counted, params["offset"])

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
        min_confidence: float = 0.0,
    ) -> tuple[list[DetailedStatement], Total]:
        """Statements newest first (or by relevance with an FTS `match`), each with its sources,
        and how many there are (with `count=False`, just how many were returned). Statements
        below `min_confidence` stay stored but are left out."""
        rows, total = await self.statement_rows(
            speaker_ids=speaker_ids,
            named_only=named_only,
            match=match,
            window=window,
            limit=limit,
            offset=offset,
            count=count,
            min_confidence=min_confidence,
        )
        return await self.statement_details(rows), total

    async def statement_rows(
        self,
        *,
        speaker_ids: list[int] | None = None,
        named_only: bool = False,
        match: str | None = None,
        window: Window = Window(),
        limit: int = 20,
        offset: int = 0,
        count: bool = True,
        min_confidence: float = 0.0,
    ) -> tuple[list[StatementRow], Total]:
        """As `statements`, without their sources: `statement_details` adds them to the rows
        actually shown."""
        params = _statement_params(speaker_ids, named_only, window, min_confidence)
        params.update(limit=limit, offset=offset)
        if match:  # ranked candidates: the page and its total in one statement
            found, total = await self._search_page(
                self.sql.SEARCH_STATEMENTS,
                self.sql.SEARCH_STATEMENTS_ALL,
                {**params, "match": match},
            )
            return [StatementRow.from_row(r) for r in found], total if count else Total(len(found))
        list_sql, count_sql = self._statement_lists(params, speaker_ids)
        rows = await self._read(list_sql, params)
        total = await _capped_total(self._read, count_sql, params) if count else Total(len(rows))
        return [StatementRow.from_row(r) for r in rows], total

    def _statement_lists(
        self, params: dict[str, Any], speaker_ids: list[int] | None
    ) -> tuple[str, str]:
        """The list and count statements for these filters (no full-text match), with the
        parameters they read added to `params`."""
        if speaker_ids is None:
            return self.sql.LIST_STATEMENTS, self.sql.COUNT_STATEMENTS
        if len(set(speaker_ids)) == 1:  # in index order: the page's rows only
            # The id as a value, not also as a list: PostgreSQL took the list's filter for one
            # that halves the rows and read every statement of the speaker first.
            params.update(speaker_id=speaker_ids[0], speaker_ids=None)
            return self.sql.LIST_STATEMENTS_BY_ONE_SPEAKER, self.sql.COUNT_STATEMENTS_BY_ONE_SPEAKER
        # From the speaker index, not a scan of every statement.
        return self.sql.LIST_STATEMENTS_BY_SPEAKER, self.sql.COUNT_STATEMENTS_BY_SPEAKER

    async def statement_dates(
        self,
        *,
        speaker_ids: list[int] | None = None,
        window: Window = Window(),
        limit: int = 20,
        min_confidence: float = 0.0,
    ) -> list[tuple[int, str | None]]:
        """The ids and dates of the statements `statement_rows` lists, in its order (as
        `event_dates`)."""
        params = _statement_params(speaker_ids, False, window, min_confidence)
        params.update(limit=limit, offset=0)
        list_sql, _ = self._statement_lists(params, speaker_ids)
        return [(r[0], r[1]) for r in await self._read(self.sql.STATEMENT_DATES[list_sql], params)]

    async def statements_by_id(self, ids: list[int]) -> list[StatementRow]:
        """These statements' rows, in the order of `ids`."""
        rows = await self._read(self.sql.STATEMENTS_BY_ID, {"ids": json.dumps(ids)})
        found = {r["id"]: StatementRow.from_row(r) for r in rows}
        return [found[i] for i in ids if i in found]

    async def statement_details(self, items: list[StatementRow]) -> list[DetailedStatement]:
        """The statements from `statement_rows`, each with its sources."""
        sources: defaultdict[int, list[StatementSource]] = defaultdict(list)
        for r in await self._read(
            self.sql.STATEMENT_SOURCES, {"ids": json.dumps([i.id for i in items])}
        ):
            sources[r["statement_id"]].append(StatementSource.from_row(r))
        return [item.with_sources(sources[item.id]) for item in items]

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
        min_confidence: float = 0.0,
        place_name: str | None = None,
        place_code: str | None = None,
    ) -> tuple[list[DetailedEvent], Total]:
        """Events newest first (or by relevance with an FTS `match`), each with its participants
        and sources, and how many there are (with `count=False`, just how many were returned).
        Events below `min_confidence` stay stored but are left out. `place_name` keeps events at
        that location, `place_code` also those anywhere in that country (`bot.answer.places`)."""
        rows, total = await self.event_rows(
            types=types,
            kinds=kinds,
            statuses=statuses,
            entity_ids=entity_ids,
            match=match,
            window=window,
            limit=limit,
            offset=offset,
            count=count,
            min_confidence=min_confidence,
            place_name=place_name,
            place_code=place_code,
        )
        return await self.event_details(rows), total

    async def event_rows(
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
        min_confidence: float = 0.0,
        place_name: str | None = None,
        place_code: str | None = None,
    ) -> tuple[list[EventRow], Total]:
        """As `events`, without participants and sources: `event_details` adds them to the rows
        actually shown."""
        params = _event_params(
            types, kinds, statuses, entity_ids, window, min_confidence, place_name, place_code
        )
        params.update(limit=limit, offset=offset)
        if match:  # ranked candidates: the page and its total in one statement
            found, total = await self._search_page(
                self.sql.SEARCH_EVENTS, self.sql.SEARCH_EVENTS_ALL, {**params, "match": match}
            )
            return [EventRow.from_row(r) for r in found], total if count else Total(len(found))
        list_sql, count_sql = await self._event_lists(params, entity_ids)
        if count and list_sql is self.sql.LIST_EVENTS_BY_PARTICIPANTS:
            list_sql = self.sql.PAGE_EVENTS_BY_PARTICIPANTS  # page and total in one pass
        rows = await self._read(list_sql, params)
        if not count:
            total = Total(len(rows))
        elif list_sql is self.sql.PAGE_EVENTS_BY_PARTICIPANTS and (rows or not offset):
            total = Total(rows[0]["total"] if rows else 0)
        else:
            total = await _capped_total(self._read, count_sql, params)
        return [EventRow.from_row(r) for r in rows], total

    async def _event_lists(
        self, params: dict[str, Any], entity_ids: list[int] | None
    ) -> tuple[str, str]:
        """The list and count statements for these filters (no full-text match), with the
        parameters they read added to `params`."""
        if len(set(entity_ids or ())) == 2:  # two participants: their common events' index
            lo, hi = sorted(set(entity_ids or ()))
            params.update(entity_ids=None, lo=lo, hi=hi)
            return self.sql.LIST_EVENTS_BY_PAIR, self.sql.COUNT_EVENTS_BY_PAIR
        if entity_ids:  # one participant's events newest first, from its index
            params.update(
                entity_ids=None,
                all_ids=_json_list(sorted(set(entity_ids))),
                lead=await self._lead_participant(entity_ids),
            )
            return self.sql.LIST_EVENTS_BY_LEAD, self.sql.COUNT_EVENTS_BY_LEAD
        if entity_ids is not None:  # none: from the participants index (nothing matches)
            return self.sql.LIST_EVENTS_BY_PARTICIPANTS, self.sql.COUNT_EVENTS_BY_PARTICIPANTS
        return self.sql.LIST_EVENTS, self.sql.COUNT_EVENTS

    async def event_dates(
        self,
        *,
        entity_ids: list[int] | None = None,
        window: Window = Window(),
        limit: int = 20,
        min_confidence: float = 0.0,
    ) -> list[tuple[int, str | None]]:
        """The ids and dates of the events `event_rows` lists for these filters, in its order:
        what a timeline sorts before it reads the rows it shows (`events_by_id`)."""
        params = _event_params(None, None, None, entity_ids, window, min_confidence, None, None)
        params.update(limit=limit, offset=0)
        list_sql, _ = await self._event_lists(params, entity_ids)
        return [(r[0], r[1]) for r in await self._read(self.sql.EVENT_DATES[list_sql], params)]

    async def events_by_id(self, ids: list[int]) -> list[EventRow]:
        """These events' rows, in the order of `ids`."""
        rows = await self._read(self.sql.EVENTS_BY_ID, {"ids": json.dumps(ids)})
        found = {r["id"]: EventRow.from_row(r) for r in rows}
        return [found[i] for i in ids if i in found]

    async def _lead_participant(self, entity_ids: list[int]) -> int:
        """Of the entities, the one taking part in the fewest events (counted up to a cap): its
        events are read newest first until a page of those with all the others is found."""
        distinct = sorted(set(entity_ids))
        if len(distinct) == 1:
            return distinct[0]
        counts = []
        for entity_id in distinct:
            rows = await self._read(self.sql.PARTICIPATIONS, {"id": entity_id, "cap": LEAD_CAP})
            counts.append((rows[0][0], entity_id))
        return min(counts)[1]

    async def event_reports(self, event_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """Each article's own version of the events (of every event when `event_ids` is None),
        in ingest order, with its article and why it is in its event (`merge_reason`)."""
        rows = await self._read(self.sql.LIST_EVENT_REPORTS, {"ids": _json_list(event_ids)})
        reports = [dict(r) for r in rows]
        for report in reports:
            for key in ("participants", "topics", "excluded_topics", "merge_reason"):
                report[key] = json.loads(report[key])
        return reports

    async def event_details(self, items: list[EventRow]) -> list[DetailedEvent]:
        """The events from `event_rows`, each with its participants and sources."""
        ids = json.dumps([i.id for i in items])
        participants: defaultdict[int, list[Participant]] = defaultdict(list)
        for r in await self._read(self.sql.EVENT_PARTICIPANTS, {"ids": ids}):
            participants[r["event_id"]].append(Participant.from_row(r))
        sources: defaultdict[int, list[EventSource]] = defaultdict(list)
        for r in await self._read(self.sql.EVENT_SOURCES, {"ids": ids}):
            sources[r["event_id"]].append(EventSource.from_row(r))
        return [item.with_details(participants[item.id], sources[item.id]) for item in items]


async def _save(db: Db, article: Article, extraction: Extraction) -> int | None:
    """The article and all its facts, in the caller's write transaction; None for a duplicate.
    (On SQLite this runs on the writer's own thread as one call: ~235 statements an article,
    each awaited on its own, would cost more in hand-overs between threads than in SQLite.)"""
    # Stamped once the write lock is held: stamps then increase in commit order, so a briefing
    # window that ends at the newest committed stamp never misses a later one.
    now = utc_now()
    dup = await db.fetch(
        db.sql.FIND_DUPLICATE_ARTICLE,
        {"content_hash": article.content_hash, "canonical_url": article.canonical_url},
    )
    if dup:
        return None
    source_id = None
    if article.source:
        source_id = (await db.fetch(db.sql.UPSERT_SOURCE, {"name": article.source}))[0][0]
    rows = await db.fetch(
        db.sql.INSERT_ARTICLE,
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
    article_id: int = rows[0][0]
    entity_ids = {}
    learned: list[int] = []  # people whose country this article is the first to give
    for entity in extraction.entities:
        entity_id, new_country = await _save_entity(db, entity, now)
        entity_ids[name_key(entity.name)] = entity_id
        if new_country:
            learned.append(entity_id)
    await db.executemany(
        db.sql.INSERT_MENTION,
        [{"article_id": article_id, "entity_id": i} for i in dict.fromkeys(entity_ids.values())],
    )
    for statement in extraction.statements:
        await _save_statement(db, statement, article_id, entity_ids, now)
    # Reports placed before their people's countries were known may now join their event (before
    # this article's own reports take them for theirs).
    await clusters.place_again(db, learned, article_id, now)
    for event in extraction.events:
        # The article's own version of the event, placed in the event it reports (bot.identity).
        await clusters.save_report(db, event, article_id, entity_ids, now)
    # Last write of the transaction: the marker a consistency check compares against.
    await db.execute(db.sql.MARK_ARTICLE_COMPLETE, {"id": article_id})
    return article_id


async def _save_entity(db: Db, entity: Entity, now: str) -> tuple[int, bool]:
    """The entity's id, and whether this is the first country known for a person already
    stored."""
    names = [entity.name, *entity.aliases]
    norms = sorted({name_key(n) for n in _identifying_names(entity) if name_key(n)})
    found = await db.fetch(
        db.sql.FIND_ENTITY_BY_ALIAS, {"norms": json.dumps(norms), "kind": entity.kind}
    )
    values = {
        "name": entity.name,
        "title": entity.title,
        "country": entity.country,
        "country_code": entity.country_code,
        "now": now,
    }
    entity_id: int
    new_country = False
    if found:
        entity_id = found[0][0]
        new_country = entity.kind == "person" and bool(entity.country_code) and found[0][1] is None
        await db.execute(db.sql.UPDATE_ENTITY, {**values, "id": entity_id})
    else:
        # one spelling for the entity whichever article names it first: the knowledge base's
        name = entity.canonical or entity.name
        key = f"{entity.kind}:{name_key(name)}"
        rows = await db.fetch(
            db.sql.INSERT_ENTITY, {**values, "name": name, "key": key, "kind": entity.kind}
        )
        entity_id = rows[0][0]
    aliases = [
        {"entity_id": entity_id, "alias": name, "norm": name_key(name)}
        for name in names
        if name_key(name)
    ]
    await db.executemany(db.sql.INSERT_ALIAS, aliases)
    return entity_id, new_country


async def _save_statement(
    db: Db, st: Statement, article_id: int, entity_ids: dict[str, int], now: str
) -> None:
    speaker_id = entity_ids.get(name_key(st.speaker)) if st.speaker else None
    speaker_key = str(speaker_id) if speaker_id else fold(st.speaker or st.speaker_text)
    key = statement_key(speaker_key, st.content)
    rows = await db.fetch(db.sql.FIND_STATEMENT_BY_KEY, {"key": key})
    statement_id = rows[0][0] if rows else None
    if statement_id is None and speaker_id is not None:
        # The same words reported by another outlet, lightly re-punctuated or trimmed.
        folded = fold(st.content)
        for cand in await db.fetch(
            db.sql.SIMILAR_STATEMENT_CANDIDATES,
            {"speaker_entity_id": speaker_id, "date": st.date},
        ):
            # Not token_set_ratio: "will accept" is a word subset of "will not accept".
            if fuzz.token_sort_ratio(fold(cand["content"]), folded) >= 92:
                statement_id = cand["id"]
                break
    if statement_id is None:
        rows = await db.fetch(
            db.sql.INSERT_STATEMENT,
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
        await db.execute(
            db.sql.RAISE_STATEMENT_CONFIDENCE, {"id": statement_id, "confidence": st.confidence}
        )
    await db.execute(
        db.sql.INSERT_STATEMENT_SOURCE,
        {
            "statement_id": statement_id,
            "article_id": article_id,
            "evidence": st.evidence,
            "content_start": st.content_start,
            "content_end": st.content_end,
            "speaker_text": st.speaker_text,
        },
    )


def _channel(where: tuple[str, str, str], **values: object) -> dict[str, object]:
    """The statement parameters of a channel (platform, workspace, channel) and `values`."""
    platform, workspace, channel = where
    return {"platform": platform, "workspace": workspace, "channel": channel, **values}
