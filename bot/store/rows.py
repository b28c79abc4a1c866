"""What the store's answers return: frozen, typed rows, each built in one place from a database row.

Both backends (SQLite and PostgreSQL) give rows that read by column name; these classes turn them
into the same objects, so the answer layer reads attributes a type checker follows, and nothing
between the store and an answer pops or rebuilds a dict. The public JSON shapes (INTERFACE.md) are
made from them by the answer layer (bot.answer.items).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from bot.store.db import Row


class Total(int):
    """How many rows match: exactly this many, or with `capped` at least this many (counting
    stopped at `bot.store.store.COUNT_CAP` past the offset)."""

    capped: bool

    def __new__(cls, value: int, capped: bool = False) -> Total:
        total = super().__new__(cls, value)
        total.capped = capped
        return total

    def __reduce__(self) -> tuple[Any, ...]:
        return (Total, (int(self), self.capped))

    def text(self) -> str:
        """As an answer shows it: "1234", or "1,000+" when capped."""
        return f"{int(self):,}+" if self.capped else str(int(self))


def _fields_of(kind: type, row: object) -> dict[str, Any]:
    """`row`'s values of the fields `kind` declares (a detailed row's bare fields)."""
    return {f.name: getattr(row, f.name) for f in fields(kind)}


def _strings(text: str | None) -> tuple[str, ...]:
    """A JSON list of strings as stored (topics, disputed fields)."""
    return tuple(json.loads(text or "[]"))


# --- facts' sources -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """An article that reports a fact: its title, outlet, link and date, and the sentence the fact
    was found in."""

    title: str
    source: str | None  # the outlet's name
    url: str | None
    published: str | None
    evidence: str

    @staticmethod
    def article_fields(row: Row) -> dict[str, Any]:
        """The fields every kind of source reads the same way from its row."""
        return {
            "title": row["title"],
            "source": row["source"],
            "url": row["url"] or None,
            "published": row["published"],
            "evidence": row["evidence"],
        }


@dataclass(frozen=True)
class EventSource(Source):
    """An article reporting an event, with where its sentence is and what it said itself about
    the fields sources may disagree on (bot.identity)."""

    evidence_start: int | None
    evidence_end: int | None
    claimed_status: str | None
    claimed_date: str | None
    claimed_date_precision: str | None
    claimed_location: str | None

    @classmethod
    def from_row(cls, row: Row) -> EventSource:
        """From a row of EVENT_SOURCES."""
        return cls(
            **Source.article_fields(row),
            evidence_start=row["evidence_start"],
            evidence_end=row["evidence_end"],
            claimed_status=row["claimed_status"],
            claimed_date=row["claimed_date"],
            claimed_date_precision=row["claimed_date_precision"],
            claimed_location=row["claimed_location"],
        )


@dataclass(frozen=True)
class StatementSource(Source):
    """An article reporting a statement, with where the words are in its text and how it named
    the speaker."""

    content_start: int | None
    content_end: int | None
    speaker_text: str | None

    @classmethod
    def from_row(cls, row: Row) -> StatementSource:
        """From a row of STATEMENT_SOURCES."""
        return cls(
            **Source.article_fields(row),
            content_start=row["content_start"],
            content_end=row["content_end"],
            speaker_text=row["speaker_text"],
        )


# --- events ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Participant:
    name: str
    kind: str
    country_code: str | None

    @classmethod
    def from_row(cls, row: Row) -> Participant:
        """From a row of EVENT_PARTICIPANTS."""
        return cls(name=row["name"], kind=row["kind"], country_code=row["country_code"] or None)


@dataclass(frozen=True)
class Place:
    """Where an event is: a place's name, its country's code and a detail ("the Kremlin")."""

    name: str
    country_code: str | None = None
    detail: str | None = None


@dataclass(frozen=True, kw_only=True)
class EventRow:
    """One event, as merged from every article reporting it, as its row in `events` holds it:
    what `Store.event_rows` lists. `Store.event_details` makes it a `DetailedEvent`."""

    id: int
    type: str  # PLOVER type: CONSULT, AGREE, ...
    kind: str  # talks, meeting, phone_call, ...
    mode: str | None
    date: str | None  # YYYY-MM-DD, at `date_precision`
    date_precision: str | None
    status: str | None  # planned | ongoing | concluded
    location: Place | None
    topics: tuple[str, ...]
    excluded_topics: tuple[str, ...]
    outcome: str | None
    content: str | None  # an agreement's terms
    confidence: float
    disputed: tuple[str, ...]  # fields its sources disagree on: date, place, status
    first_seen: str
    updated_at: str
    source_count: int
    anchor: int | None = None  # its first report's id: the alert log's name for it (watches)

    @classmethod
    def from_row(cls, row: Row) -> EventRow:
        """From a row of the event lists (`_EVENT_COLUMNS`, with `anchor` in WATCH_EVENTS)."""
        keys = set(row.keys())  # asyncpg gives an iterator: read it once
        name = row["location_name"]
        return cls(
            id=row["id"],
            type=row["type"],
            kind=row["kind"],
            mode=row["mode"],
            date=row["date"],
            date_precision=row["date_precision"],
            status=row["status"],
            location=(
                Place(name, row["location_country_code"] or None, row["location_detail"] or None)
                if name
                else None
            ),
            topics=_strings(row["topics"]),
            excluded_topics=_strings(row["excluded_topics"]),
            outcome=row["outcome"],
            content=row["content"],
            confidence=row["confidence"],
            disputed=_strings(row["disputed"]),
            first_seen=row["first_seen"],
            updated_at=row["updated_at"],
            source_count=row["source_count"],
            anchor=row["anchor"] if "anchor" in keys else None,
        )

    def with_details(
        self, participants: list[Participant], sources: list[EventSource]
    ) -> DetailedEvent:
        return DetailedEvent(
            **_fields_of(EventRow, self), participants=tuple(participants), sources=tuple(sources)
        )


@dataclass(frozen=True, kw_only=True)
class DetailedEvent(EventRow):
    """An event with who took part and the articles that report it (first published first):
    what `Store.events` lists and an answer shows."""

    participants: tuple[Participant, ...]
    sources: tuple[EventSource, ...]

    @property
    def evidence(self) -> str:
        """The sentence the first source reported it in ("" without sources)."""
        return self.sources[0].evidence if self.sources else ""


# --- statements -----------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class StatementRow:
    """One statement, as merged from every article reporting the same words, as its row in
    `statements` holds it: what `Store.statement_rows` lists. `Store.statement_details` makes it a
    `DetailedStatement`."""

    id: int
    speaker: str | None  # the canonical name; None for an unnamed source
    speaker_text: str  # how the first report named the speaker
    speaker_kind: str | None
    speaker_title: str | None
    speaker_country: str | None
    verb: str
    content: str
    quote: str  # direct | indirect
    date: str | None
    confidence: float
    first_seen: str
    source_count: int

    @classmethod
    def from_row(cls, row: Row) -> StatementRow:
        """From a row of the statement lists (`_STATEMENT_COLUMNS`)."""
        return cls(
            id=row["id"],
            speaker=row["speaker"],
            speaker_text=row["speaker_text"],
            speaker_kind=row["speaker_kind"],
            speaker_title=row["speaker_title"],
            speaker_country=row["speaker_country"],
            verb=row["verb"],
            content=row["content"],
            quote=row["quote"],
            date=row["date"],
            confidence=row["confidence"],
            first_seen=row["first_seen"],
            source_count=row["source_count"],
        )

    def with_sources(self, sources: list[StatementSource]) -> DetailedStatement:
        return DetailedStatement(**_fields_of(StatementRow, self), sources=tuple(sources))


@dataclass(frozen=True, kw_only=True)
class DetailedStatement(StatementRow):
    """A statement with the articles that report it (first published first): what
    `Store.statements` lists and an answer shows."""

    sources: tuple[StatementSource, ...]

    @property
    def evidence(self) -> str:
        """The sentence the first source reported it in ("" without sources)."""
        return self.sources[0].evidence if self.sources else ""


# --- articles, outlets, entities ------------------------------------------------------------------
@dataclass(frozen=True)
class ArticleHit:
    """An article a full-text search found, with the passage that matched."""

    id: int
    title: str
    source: str | None
    url: str | None
    published: str | None
    snippet: str

    @classmethod
    def from_row(cls, row: Row) -> ArticleHit:
        """From a row of SEARCH_ARTICLES."""
        return cls(
            id=row["id"],
            title=row["title"],
            source=row["source"],
            url=row["url"],
            published=row["published"],
            snippet=row["snippet"] or "",
        )


@dataclass(frozen=True)
class Outlet:
    """A source (outlet or feed) with how many articles it gave and its newest one's date."""

    name: str
    articles: int
    latest: str | None  # the newest article's publication date
    last_ingested: str | None  # when its newest article was ingested

    @classmethod
    def from_row(cls, row: Row) -> Outlet:
        """From a row of LIST_SOURCES."""
        return cls(
            name=row["name"],
            articles=row["articles"],
            latest=row["latest"],
            last_ingested=row["last_ingested"],
        )


@dataclass(frozen=True)
class EntityName:
    """One alias of an entity: what the answer layer matches typed names against."""

    id: int
    name: str
    kind: str
    alias: str
    norm: str

    @classmethod
    def from_row(cls, row: Row) -> EntityName:
        """From a row of ALL_ENTITY_NAMES."""
        return cls(
            id=row["id"], name=row["name"], kind=row["kind"], alias=row["alias"], norm=row["norm"]
        )


@dataclass(frozen=True)
class EntityProfile:
    """Who or what an entity is, every name it is written as, and in how many articles."""

    id: int
    name: str
    kind: str
    title: str | None
    country: str | None
    country_code: str | None
    articles: Total  # capped like every total: "1,000+" articles
    aliases: tuple[str, ...]

    @classmethod
    def from_row(cls, row: Row, articles: Total, aliases: list[str]) -> EntityProfile:
        """From a row of ENTITY_PROFILE, its capped count and its rows of ENTITY_ALIASES."""
        return cls(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            title=row["title"],
            country=row["country"],
            country_code=row["country_code"],
            articles=articles,
            aliases=tuple(aliases),
        )
