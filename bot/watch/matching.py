"""A watch's filter (a parsed `Query`) applied to the facts an ingest touched.

The filter is the answers' own: the same intents, names resolved by the same matcher, the same
SQL filters (`_EVENT_FILTERS`, `_STATEMENT_FILTERS`) restricted to the touched ids, so a watch
alerts on exactly what asking its query would list, as the facts arrive.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

from bot.answer.entity_match import EntityMatcher
from bot.answer.items import event_item, statement_item
from bot.answer.model import Citation, Field, Item
from bot.answer.places import resolve_place
from bot.answer.query import Query
from bot.answer.service import fts_query
from bot.store.store import Store
from bot.store.watch_store import Watch, WatchStore

# Query fields a watch keeps: what filters facts (not the paging or command fields).
FILTER_FIELDS = ("intent", "text", "names", "topic", "since", "until", "plover_type", "place")
# Fields of an alert that are about its sources, not the fact.
NOT_THE_FACT = ("Reported by", "Confidence", "Sources disagree")
# What makes a fact news again when a later report changes it: who (the heading), what was said
# (the body), when, where, how far it got, and what was agreed. More sources, a surer confidence
# or a few more agenda words from a second outlet are the same news.
NEWS_FIELDS = frozenset({"When", "Where", "Status", "Terms", "Outcome"})


@dataclass(frozen=True)
class FactFilter:
    types: tuple[str, ...] | None  # PLOVER types of events; None: any
    events: bool
    statements: bool


def fact_filter(query: Query) -> FactFilter | None:
    """Which facts an intent lists, as the answer service lists them; None when the query is
    not a list of facts (a briefing, a profile, a command)."""
    if query.intent == "latest_talks":
        return FactFilter(("CONSULT",), events=True, statements=False)
    if query.intent in ("agreements", "events"):
        return FactFilter(
            (query.plover_type,) if query.plover_type else None, events=True, statements=False
        )
    if query.intent == "who_said_what":
        return FactFilter(None, events=False, statements=True)
    if query.intent == "timeline" and query.names:
        return FactFilter(None, events=True, statements=True)
    return None


def query_json(query: Query) -> str:
    return json.dumps({k: getattr(query, k) for k in FILTER_FIELDS}, sort_keys=True)


def query_from_json(text: str) -> Query:
    data = json.loads(text)
    data["names"] = tuple(data.get("names") or ())
    return Query(**{k: data.get(k) for k in FILTER_FIELDS})


@dataclass(frozen=True)
class Fact:
    key: str  # "event:<first report id>" | "statement:<id>": the alert log's name for it
    item: Item
    fingerprint: str


def fingerprint(item: Item) -> str:
    """A hash of the alert's news fields: the same hash is the same news (no second alert)."""
    shown = [item.heading, item.body] + [
        f"{f.name}={f.value}" for f in item.fields if f.name in NEWS_FIELDS
    ]
    return hashlib.sha1(json.dumps(shown).encode()).hexdigest()[:16]


def item_json(item: Item) -> str:
    return json.dumps(asdict(item), ensure_ascii=False)


def item_from_json(text: str) -> Item:
    data: dict[str, Any] = json.loads(text)
    return Item(
        heading=data["heading"],
        body=data.get("body", ""),
        fields=[Field(**f) for f in data.get("fields", [])],
        citations=[Citation(**c) for c in data.get("citations", [])],
        data=data.get("data", {}),
    )


def _with_confidence(item: Item) -> Item:
    confidence = item.data.get("confidence")
    if confidence is not None:
        item.fields.append(Field("Confidence", f"{confidence:.2f}"))
    return item


async def entity_ids(names: EntityMatcher, query: Query) -> tuple[list[int] | None, str | None]:
    """The ids of the names in the query (None: no names), or the first name not known."""
    if not query.names:
        return None, None
    ids = []
    for name in query.names:
        known = await names.match(name)
        if known is None:
            return None, name
        ids.append(known.entity_id)
    return ids, None


class FactMatcher:
    def __init__(
        self, watches: WatchStore, store: Store, names: EntityMatcher, min_confidence: float
    ) -> None:
        self.watches = watches
        self.store = store
        self.names = names
        self.min_confidence = min_confidence

    async def entity_ids(self, query: Query) -> tuple[list[int] | None, str | None]:
        return await entity_ids(self.names, query)

    def threshold(self, watch: Watch) -> float:
        """BRIEFBOT_MIN_CONFIDENCE, or the watch's own threshold when it is higher."""
        return max(self.min_confidence, watch.min_confidence or 0.0)

    async def facts(
        self, watch: Watch, event_ids: list[int], statement_ids: list[int]
    ) -> list[Fact]:
        """Of the touched facts, those the watch's filter keeps, as alert items."""
        query = query_from_json(watch.filter)
        kinds = fact_filter(query)
        if kinds is None:
            return []
        ids, unknown = await self.entity_ids(query)
        if unknown is not None:
            return []  # nobody by that name yet: nothing can match until an article names them
        params = {
            "match": fts_query(query.topic) if query.topic else None,
            "min_confidence": self.threshold(watch),
            "since": query.since,
            "until": query.until,
            "seen_since": None,
            "seen_until": None,
        }
        found: list[Fact] = []
        if kinds.events and event_ids:
            place = resolve_place(query.place) if query.place else None
            events = await self.watches.matching_events(
                event_ids,
                {
                    **params,
                    "types": _json_list(kinds.types),
                    "kinds": None,
                    "statuses": None,
                    "entity_ids": _json_list(ids),
                    "place_name": place.name if place else None,
                    "place_code": place.country_code if place else None,
                },
            )
            for event in await self.store.event_details(events):
                item = _with_confidence(event_item(event))
                found.append(Fact(f"event:{event.anchor}", item, fingerprint(item)))
        if kinds.statements and statement_ids:
            statements = await self.watches.matching_statements(
                statement_ids,
                {
                    **params,
                    "speaker_ids": _json_list(ids),
                    "named_only": 1,
                },
            )
            for statement in await self.store.statement_details(statements):
                item = _with_confidence(statement_item(statement))
                found.append(Fact(f"statement:{statement.id}", item, fingerprint(item)))
        return found


def _json_list(values: Any) -> str | None:
    return json.dumps(list(values)) if values is not None else None
