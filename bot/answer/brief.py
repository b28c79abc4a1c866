"""The briefing: new and ongoing talks, upcoming meetings, agreements, key statements, other events,
and where sources disagree, each line with its sources."""

from __future__ import annotations

from typing import TypedDict, TypeVar

from bot.answer.items import claim, event_item, source_label, statement_item
from bot.answer.model import Answer, Field, Item, Section
from bot.answer.query import Query
from bot.facts import PLOVER_TYPES
from bot.store.rows import DetailedEvent, EventRow, StatementRow
from bot.store.store import Store, Window

# How much a speaker's office weighs when choosing the key statements (heads of state first).
TITLE_WEIGHTS = (
    ("president", 5),
    ("prime minister", 5),
    ("chancellor", 5),
    ("king", 5),
    ("supreme leader", 5),
    ("foreign minister", 4),
    ("secretary of state", 4),
    ("secretary-general", 4),
    ("minister", 3),
    ("secretary", 3),
    ("spokesperson", 2),
    ("ambassador", 2),
    ("envoy", 2),
)
POOL = 50  # candidates considered per section before ranking
S = TypeVar("S", bound=StatementRow)  # a statement, with or without its sources


def speaker_weight(statement: StatementRow) -> int:
    title = (statement.speaker_title or "").lower()
    for word, weight in TITLE_WEIGHTS:
        if word in title and not title.startswith("former"):
            return weight
    return 3 if statement.speaker_kind == "organization" else 1


def rank_statements(statements: list[S]) -> list[S]:
    """Key statements: by the speaker's office, then by how many sources carry them."""
    return sorted(statements, key=lambda s: (-(speaker_weight(s) + 2 * (s.source_count - 1)), s.id))


def disagreements(events: list[DetailedEvent]) -> list[Item]:
    """Events whose sources report a different date, place or status, shown side by side."""
    items = []
    for event in events:
        disputed = event.disputed
        if not disputed:
            continue
        base = event_item(event)
        fields = [
            Field(source_label(s), ", ".join(claim(s, field) for field in disputed))
            for s in event.sources
        ]
        items.append(
            Item(
                heading=f"Sources disagree on {' and '.join(disputed)}: {base.heading}",
                fields=fields,
                citations=base.citations,
                data=base.data,
            )
        )
    return items


class _SectionFilters(TypedDict):
    """What every section of a briefing reads by: its topic, window, pool and confidence."""

    match: str | None
    window: Window
    limit: int
    count: bool
    min_confidence: float


async def compose(
    store: Store,
    query: Query,
    window: Window,
    title: str,
    per_section: int,
    min_confidence: float = 0.0,
) -> Answer:
    from bot.answer.service import fts_query  # the service owns user-text-to-FTS translation

    match = fts_query(query.topic) if query.topic else None
    shared: _SectionFilters = {
        "match": match,
        "window": window,
        "limit": POOL,
        "count": False,
        "min_confidence": min_confidence,
    }
    # Bare rows for every candidate; participants and sources only for what the briefing shows
    # (a section's first few, and the first disputed events): one read of each for all of them,
    # instead of details for every candidate of every section (200 events and 50 statements).
    talks, _ = await store.event_rows(
        types=["CONSULT"], statuses=["ongoing", "concluded"], **shared
    )
    planned, _ = await store.event_rows(types=["CONSULT"], statuses=["planned"], **shared)
    agreements, _ = await store.event_rows(types=["AGREE"], **shared)
    statements, _ = await store.statement_rows(named_only=True, **shared)
    others, _ = await store.event_rows(
        types=[t for t in PLOVER_TYPES if t not in ("CONSULT", "AGREE")], **shared
    )
    shown_talks = sorted(talks, key=lambda e: (e.status != "ongoing", -_date_key(e)))[:per_section]
    shown_planned = sorted(planned, key=_date_key)[:per_section]
    disputed = [e for e in talks + planned + agreements if e.disputed][:per_section]
    listed = [*shown_talks, *shown_planned, *agreements[:per_section], *others[:per_section]]
    details = {
        e.id: e
        for e in await store.event_details(list({e.id: e for e in listed + disputed}.values()))
    }
    key_statements = await store.statement_details(rank_statements(statements)[:per_section])

    def items(rows: list[EventRow]) -> list[Item]:
        return [event_item(details[e.id]) for e in rows]

    sections = [
        Section("Talks", items(shown_talks)),
        Section("Coming up", items(shown_planned)),
        Section("Agreements", items(agreements[:per_section])),
        Section("Key statements", [statement_item(s) for s in key_statements]),
        Section("Other events", items(others[:per_section])),
        Section("Where sources disagree", disagreements([details[e.id] for e in disputed])),
    ]
    sections = [s for s in sections if s.items]
    shown = sum(len(s.items) for s in sections)
    if query.topic:
        title = f"{title} about {query.topic}"
    note = None if shown else "Nothing new in this period."
    return Answer(query.text, "brief", title, sections, note=note, shown=shown, total=shown)


def _date_key(event: EventRow) -> int:
    return int((event.date or "0000-00-00").replace("-", ""))


def headline(answer: Answer) -> Answer:
    """The short channel message a scheduled briefing hangs its thread on: what it counts."""
    counts = {section.title: len(section.items) for section in answer.sections}
    parts = [
        _count(counts.get("Talks", 0) + counts.get("Coming up", 0), "talk", "talks"),
        _count(counts.get("Agreements", 0), "agreement", "agreements"),
        _count(counts.get("Key statements", 0), "key statement", "key statements"),
    ]
    return Answer(
        answer.query,
        "brief",
        f"{answer.title}: " + ", ".join(parts),
        note="The briefing is in the thread.",
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
